#pragma once

// Shared by the tests of the device's write services: a fresh store per test, a customer,
// a controllable HLC clock and helpers that read back what a write left in the store.

#include "domain/ids.h"
#include "hlc.h"
#include "services/hlcsource.h"
#include "store/customerrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QTemporaryDir>

#include <memory>

namespace karvan::testing {

using namespace Qt::StringLiterals;

// The real sync clock (karvan_sync) on a wall clock the test moves; services get it as the
// HlcSource the app passes.
struct TestClock
{
    qint64 wallMs = 1'780'000'000'000; // 2026
    sync::HlcClock clock {u"dev-1"_s, [this] {
                              return wallMs;
                          }};
    HlcSource source()
    {
        return [this] {
            return clock.now().toString();
        };
    }
};

inline qint64 countRows(LocalStore &store, const QString &table, const QString &where = {})
{
    auto n = store.scalar(u"SELECT count(*) FROM "_s + table
                          + (where.isEmpty() ? QString() : u" WHERE "_s + where));
    return n ? n->toLongLong() : -1;
}

// Table sizes, to prove a refused write left nothing behind.
inline QList<qint64> footprint(LocalStore &store)
{
    QList<qint64> out;
    for (const QString &t :
         {u"customers"_s, u"customer_contacts"_s, u"tickets"_s, u"ticket_comments"_s,
          u"activities"_s, u"outbox"_s, u"field_versions"_s, u"conflicts"_s})
        out.append(countRows(store, t));
    return out;
}

inline QList<OutboxMutation> pending(LocalStore &store)
{
    auto list = OutboxRepository(store).withState(OutboxMutation::State::Pending);
    return list ? *list : QList<OutboxMutation>();
}

inline QCborMap args(const OutboxMutation &m)
{
    return QCborValue::fromCbor(m.payload).toMap();
}

inline Customer makeCustomer(const QString &name = u"Yıldız Gıda Ltd. Şti."_s)
{
    Customer c;
    c.id = Uuid7::generate();
    c.code = u"C-1001"_s;
    c.name = name;
    c.phone = u"+90 212 555 0101"_s;
    c.territory = u"TR-IST"_s;
    c.taxRegion = u"TR"_s;
    c.currency = u"USD"_s;
    c.creditLimit = Money::fromMinor(100000, u"USD"_s).value();
    return c;
}

} // namespace karvan::testing

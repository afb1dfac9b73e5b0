#include "simchecks.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "erp/erpcommon.h"
#include "erp/invariants.h"
#include "erp/masterdata.h"
#include "erp/sales.h"
#include "services/customerfields.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/ticketrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace karvan::sim {

namespace {

using Rows = QList<QVariantList>;

Result<Rows> localRows(LocalStore &store, const QString &sql, const QVariantList &bindings = {})
{
    QSqlQuery q(store.database());
    if (!q.prepare(sql))
        return makeError(ErrorCode::Storage, sql + u": "_s + q.lastError().text());
    for (const QVariant &b : bindings)
        q.addBindValue(b);
    if (!q.exec())
        return makeError(ErrorCode::Storage, sql + u": "_s + q.lastError().text());
    Rows rows;
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < q.record().count(); ++i)
            row.append(q.value(i));
        rows.append(row);
    }
    return rows;
}

QString uuidText(const QVariant &v)
{
    return idToString(QUuid::fromString(v.toString()));
}

// One device's outbox entry with HQ's record of it.
struct Entry
{
    qint64 seq = 0;
    QString mutationId;
    QString entity;
    QString entityId;
    QString op;
    QString state;
    QString reason;
    QString argId; // args.id (a comment's own id)
};

class Checker
{
public:
    Checker(SimHq &hq, const QList<SimDevice *> &devices, const QList<FieldWrite> &writes,
            CheckStats &stats)
        : m_db(hq.db())
        , m_devices(devices)
        , m_writes(writes)
        , m_stats(stats)
    { }

    QString run()
    {
        for (int d = 0; d < m_devices.size(); ++d) {
            if (QString e = outbox(d); !e.isEmpty())
                return u"device %1 (%2): "_s.arg(d).arg(m_devices.at(d)->login()) + e;
        }
        if (QString e = noDuplicates(); !e.isEmpty())
            return e;
        for (int d = 0; d < m_devices.size(); ++d) {
            if (QString e = converged(d); !e.isEmpty())
                return u"device %1 (%2) diverged: "_s.arg(d).arg(m_devices.at(d)->login()) + e;
        }
        if (QString e = sameFieldWinners(); !e.isEmpty())
            return e;
        auto inv = hq::erp::checkInvariants(m_db);
        if (!inv)
            return u"invariants: "_s + inv.errorMessage();
        if (!inv->ok)
            return u"ERP invariant broken: "_s + inv->firstViolation;
        return {};
    }

private:
    // Every outbox entry resolved, and HQ holds exactly one sync_mutations row per pushed seq.
    QString outbox(int d)
    {
        SimDevice &dev = *m_devices.at(d);
        auto rows = localRows(dev.store(),
                              u"SELECT seq, mutation_id, entity, entity_id, op, "
                              "state, result_reason, payload FROM outbox "
                              "ORDER BY seq"_s);
        if (!rows)
            return rows.errorMessage();
        QList<Entry> entries;
        for (const QVariantList &r : *rows) {
            Entry e {
                r.at(0).toLongLong(), uuidText(r.at(1)),  r.at(2).toString(), r.at(3).toString(),
                r.at(4).toString(),   r.at(5).toString(), r.at(6).toString(), {}};
            e.argId = QCborValue::fromCbor(r.at(7).toByteArray()).toMap().value(u"id"_s).toString();
            if (e.state != u"applied"_s && e.state != u"rejected"_s)
                return u"outbox seq %1 (%2 %3) is still %4 after quiescing"_s.arg(e.seq).arg(
                    e.entity, e.op, e.state);
            if (e.state == u"rejected"_s && e.reason.trimmed().isEmpty())
                return u"outbox seq %1 (%2 %3) rejected without a reason"_s.arg(e.seq).arg(e.entity,
                                                                                           e.op);
            ++(e.state == u"applied"_s ? m_stats.applied : m_stats.rejected);
            entries.append(e);
        }
        auto hq = hq::erp::queryRows(m_db,
                                     u"SELECT seq, mutation_id, status, reason FROM "
                                     "sync_mutations WHERE device_id = ? ORDER BY seq"_s,
                                     {dev.deviceId()});
        if (!hq)
            return hq.errorMessage();
        if (hq->size() != entries.size()) {
            QStringList mine, theirs;
            for (const Entry &e : std::as_const(entries))
                mine.append(
                    u"%1 %2 %3 %4 (%5)"_s.arg(e.seq).arg(e.entity, e.op, e.state, e.reason));
            for (const QVariantList &h : std::as_const(*hq))
                theirs.append(h.at(0).toString() + u' ' + h.at(2).toString());
            return u"%1 outbox entries [%2] but HQ recorded %3 mutations of this device [%4]"_s
                .arg(entries.size())
                .arg(mine.join(u"; "_s))
                .arg(hq->size())
                .arg(theirs.join(u"; "_s));
        }
        for (int i = 0; i < entries.size(); ++i) {
            const Entry &e = entries.at(i);
            const QVariantList &h = hq->at(i);
            if (h.at(0).toLongLong() != e.seq || uuidText(h.at(1)) != e.mutationId)
                return u"outbox seq %1 (%2) is seq %3 (%4) at HQ"_s.arg(e.seq).arg(
                    e.mutationId, h.at(0).toString(), uuidText(h.at(1)));
            const bool hqRejected = h.at(2).toString() == u"rejected"_s;
            if (hqRejected != (e.state == u"rejected"_s))
                return u"outbox seq %1 (%2 %3) is %4 on the device but %5 at HQ (%6)"_s.arg(e.seq)
                    .arg(e.entity, e.op, e.state, h.at(2).toString(), h.at(3).toString());
            if (e.state == u"rejected"_s)
                m_rejected.insert(e.entity + u'/' + e.op + u'/' + e.entityId);
            m_state.insert({d, e.seq}, e.state);
            m_entries.append(e);
        }
        return {};
    }

    bool rejected(const QString &entity, const QString &op, const QString &id) const
    {
        return m_rejected.contains(entity + u'/' + op + u'/' + id);
    }

    // What the devices created exists once at HQ (none when its mutation was rejected).
    QString noDuplicates()
    {
        qint64 appliedOrders = 0;
        for (const Entry &e : std::as_const(m_entries)) {
            QString table;
            QString id = e.entityId;
            if (e.op == u"create"_s && e.entity == u"order"_s)
                table = u"sales_orders"_s;
            else if (e.op == u"create"_s && e.entity == u"ticket"_s)
                table = u"tickets"_s;
            else if (e.op == u"create"_s && e.entity == u"activity"_s)
                table = u"activities"_s;
            else if (e.op == u"create"_s && e.entity == u"customer"_s)
                table = u"customers"_s;
            else if (e.op == u"comment"_s && e.entity == u"ticket"_s) {
                table = u"ticket_comments"_s;
                id = e.argId;
            }
            if (table.isEmpty())
                continue;
            auto n = hq::erp::queryInt(
                m_db, u"SELECT COUNT(*) FROM "_s + table + u" WHERE id = ?"_s, {id});
            if (!n)
                return n.errorMessage();
            const qint64 expected = e.state == u"applied"_s ? 1 : 0;
            if (*n > 1 || (e.state == u"applied"_s && *n != expected))
                return u"%1 %2 %3 (seq %4, %5) is %6 times in %7"_s.arg(e.entity, e.op, id)
                    .arg(e.seq)
                    .arg(e.state)
                    .arg(*n)
                    .arg(table);
            if (table == u"sales_orders"_s && e.state == u"applied"_s)
                ++appliedOrders;
        }
        auto orders = hq::erp::queryInt(m_db, u"SELECT COUNT(*) FROM sales_orders"_s);
        if (!orders)
            return orders.errorMessage();
        m_stats.ordersAtHq += *orders;
        if (*orders != appliedOrders)
            return u"HQ holds %1 orders but %2 order mutations were applied"_s.arg(*orders).arg(
                appliedOrders);
        return {};
    }

    QString converged(int d)
    {
        SimDevice &dev = *m_devices.at(d);
        const QString territory = dev.territories().value(0);
        if (QString e = customers(dev, territory); !e.isEmpty())
            return e;
        if (QString e = orders(dev, territory); !e.isEmpty())
            return e;
        if (QString e = tickets(dev, territory); !e.isEmpty())
            return e;
        return activities(dev, territory);
    }

    QString customers(SimDevice &dev, const QString &territory)
    {
        auto hqRows = hq::erp::queryRows(
            m_db, u"SELECT id, archived FROM customers WHERE territory = ?"_s, {territory});
        if (!hqRows)
            return hqRows.errorMessage();
        QSet<QString> active;
        CustomerRepository local(dev.store());
        hq::erp::MasterData master(m_db);
        for (const QVariantList &r : *hqRows) {
            const QString id = r.at(0).toString();
            auto mine = local.get(QUuid::fromString(id));
            if (r.at(1).toInt() != 0) {
                if (mine && !mine->archived)
                    return u"customer %1 is archived at HQ but active on the device"_s.arg(id);
                continue;
            }
            active.insert(id);
            if (!mine)
                return u"customer %1 missing: %2"_s.arg(id, mine.errorMessage());
            auto theirs = master.findCustomer(id);
            if (!theirs)
                return theirs.errorMessage();
            const Customer &h = theirs->customer;
            if (customerfields::values(*mine) != customerfields::values(h))
                return u"customer %1 fields %2 on the device, %3 at HQ"_s.arg(
                    id, QCborValue(customerfields::values(*mine)).toDiagnosticNotation(),
                    QCborValue(customerfields::values(h)).toDiagnosticNotation());
            if (mine->code != h.code || mine->territory != h.territory || mine->archived)
                return u"customer %1 code/territory %2/%3 on the device, %4/%5 at HQ"_s.arg(
                    id, mine->code, mine->territory, h.code, h.territory);
        }
        auto localRowsList = localRows(dev.store(), u"SELECT id, archived FROM customers"_s);
        if (!localRowsList)
            return localRowsList.errorMessage();
        for (const QVariantList &r : *localRowsList) {
            const QString id = uuidText(r.at(0));
            if (r.at(1).toInt() == 0 && !active.contains(id)
                && !rejected(u"customer"_s, u"create"_s, id))
                return u"customer %1 is active on the device but not in its scope at HQ"_s.arg(id);
        }
        return {};
    }

    QString orders(SimDevice &dev, const QString &territory)
    {
        auto hqRows = hq::erp::queryRows(m_db,
                                         u"SELECT o.id FROM sales_orders o JOIN customers c ON "
                                         "c.id = o.customer_id WHERE c.territory = ?"_s,
                                         {territory});
        if (!hqRows)
            return hqRows.errorMessage();
        QSet<QString> atHq;
        DocumentRepository local(dev.store());
        hq::erp::SalesOrders sales(m_db);
        for (const QVariantList &r : *hqRows) {
            const QString id = r.at(0).toString();
            atHq.insert(id);
            auto mine = local.get(QUuid::fromString(id));
            if (!mine)
                return u"order %1 missing: %2"_s.arg(id, mine.errorMessage());
            auto theirs = sales.find(id);
            if (!theirs)
                return theirs.errorMessage();
            if (mine->status != theirs->status || mine->number != theirs->number
                || mine->net.minorUnits() != theirs->net || mine->tax.minorUnits() != theirs->tax
                || mine->total.minorUnits() != theirs->total)
                return u"order %1: %2 %3 total %4 on the device, %5 %6 total %7 at HQ"_s
                    .arg(id, mine->number, documentStatusName(mine->status))
                    .arg(mine->total.minorUnits())
                    .arg(theirs->number, documentStatusName(theirs->status))
                    .arg(theirs->total);
        }
        auto mineRows = localRows(dev.store(),
                                  u"SELECT id, status FROM sales_documents WHERE kind = 'order'"_s);
        if (!mineRows)
            return mineRows.errorMessage();
        for (const QVariantList &r : *mineRows) {
            const QString id = uuidText(r.at(0));
            if (atHq.contains(id))
                continue;
            if (!rejected(u"order"_s, u"create"_s, id))
                return u"order %1 (%2) is on the device only, and was not rejected"_s.arg(
                    id, r.at(1).toString());
            if (r.at(1).toString() != documentStatusName(DocumentStatus::Rejected))
                return u"order %1 was rejected at HQ but is %2 on the device"_s.arg(
                    id, r.at(1).toString());
        }
        return {};
    }

    QString tickets(SimDevice &dev, const QString &territory)
    {
        auto hqRows = hq::erp::queryRows(m_db,
                                         u"SELECT t.id, t.status, t.subject FROM tickets t JOIN "
                                         "customers c ON c.id = t.customer_id WHERE "
                                         "c.territory = ?"_s,
                                         {territory});
        if (!hqRows)
            return hqRows.errorMessage();
        QSet<QString> atHq;
        TicketRepository local(dev.store());
        for (const QVariantList &r : *hqRows) {
            const QString id = r.at(0).toString();
            atHq.insert(id);
            auto mine = local.get(QUuid::fromString(id));
            if (!mine)
                return u"ticket %1 missing: %2"_s.arg(id, mine.errorMessage());
            if (ticketStatusName(mine->status) != r.at(1).toString()
                || mine->subject != r.at(2).toString())
                return u"ticket %1 is %2 on the device, %3 at HQ"_s.arg(
                    id, ticketStatusName(mine->status), r.at(1).toString());
            auto comments = hq::erp::queryRows(
                m_db, u"SELECT id FROM ticket_comments WHERE ticket_id = ?"_s, {id});
            if (!comments)
                return comments.errorMessage();
            QSet<QString> theirs, ours;
            for (const QVariantList &c : *comments)
                theirs.insert(uuidText(c.at(0)));
            for (const TicketComment &c : std::as_const(mine->comments))
                ours.insert(idToString(c.id));
            if (theirs != ours)
                return u"ticket %1 has %2 comments on the device, %3 at HQ"_s.arg(id)
                    .arg(ours.size())
                    .arg(theirs.size());
        }
        auto mineRows = localRows(dev.store(), u"SELECT id FROM tickets"_s);
        if (!mineRows)
            return mineRows.errorMessage();
        for (const QVariantList &r : *mineRows) {
            const QString id = uuidText(r.at(0));
            if (!atHq.contains(id) && !rejected(u"ticket"_s, u"create"_s, id))
                return u"ticket %1 is on the device only, and was not rejected"_s.arg(id);
        }
        return {};
    }

    QString activities(SimDevice &dev, const QString &territory)
    {
        auto hqRows = hq::erp::queryRows(m_db,
                                         u"SELECT a.id FROM activities a JOIN customers c ON "
                                         "c.id = a.customer_id WHERE c.territory = ?"_s,
                                         {territory});
        if (!hqRows)
            return hqRows.errorMessage();
        QSet<QString> atHq, ours;
        for (const QVariantList &r : *hqRows)
            atHq.insert(uuidText(r.at(0)));
        auto mineRows = localRows(dev.store(), u"SELECT id FROM activities"_s);
        if (!mineRows)
            return mineRows.errorMessage();
        for (const QVariantList &r : *mineRows) {
            const QString id = uuidText(r.at(0));
            ours.insert(id);
            if (!atHq.contains(id) && !rejected(u"activity"_s, u"create"_s, id))
                return u"activity %1 is on the device only, and was not rejected"_s.arg(id);
        }
        for (const QString &id : std::as_const(atHq)) {
            if (!ours.contains(id))
                return u"activity %1 is at HQ but not on the device"_s.arg(id);
        }
        return {};
    }

    // Per-field last-writer-wins: HQ (and so every replica, checked above) holds the value of
    // the write with the highest HLC among those that were applied.
    QString sameFieldWinners()
    {
        QHash<QString, QList<const FieldWrite *>> byField;
        for (const FieldWrite &w : m_writes) {
            if (w.device >= 0 && m_state.value({w.device, w.seq}) != u"applied"_s)
                continue;
            byField[w.customerId + u'|' + w.field].append(&w);
        }
        hq::erp::MasterData master(m_db);
        for (auto it = byField.cbegin(); it != byField.cend(); ++it) {
            const FieldWrite *winner = nullptr;
            QSet<int> writers;
            for (const FieldWrite *w : it.value()) {
                writers.insert(w->device);
                if (!winner || w->hlc > winner->hlc)
                    winner = w;
            }
            if (writers.size() > 1)
                ++m_stats.sameFieldConflicts;
            auto customer = master.findCustomer(winner->customerId);
            if (!customer)
                return customer.errorMessage();
            if (customer->customer.archived)
                continue;
            const QString value
                = customerfields::value(customer->customer, winner->field).toString();
            if (value != winner->value)
                return u"customer %1 %2 is \"%3\" at HQ; the latest write (%4, %5) was \"%6\""_s
                    .arg(winner->customerId, winner->field, value,
                         winner->device < 0 ? u"HQ"_s : u"device %1"_s.arg(winner->device),
                         winner->hlc, winner->value);
            auto versions = master.customerFieldVersions(winner->customerId);
            if (!versions)
                return versions.errorMessage();
            if (versions->value(winner->field) != winner->hlc)
                return u"customer %1 %2 is stamped %3 at HQ; the latest write was %4"_s.arg(
                    winner->customerId, winner->field, versions->value(winner->field), winner->hlc);
        }
        return {};
    }

    hq::Database &m_db;
    const QList<SimDevice *> &m_devices;
    const QList<FieldWrite> &m_writes;
    CheckStats &m_stats;
    QList<Entry> m_entries;
    QSet<QString> m_rejected;
    QHash<std::pair<int, qint64>, QString> m_state;
};

} // namespace

QString checkQuiesced(SimHq &hq, const QList<SimDevice *> &devices, const QList<FieldWrite> &writes,
                      CheckStats &stats)
{
    return Checker(hq, devices, writes, stats).run();
}

} // namespace karvan::sim

#pragma once

#include "domain/customer.h"
#include "domain/result.h"
#include "services/hlcsource.h"

#include <QCborMap>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace karvan {

class LocalStore;

// A customer the rep creates offline. fields holds rep-editable fields by wire name
// (customerfields::repEditable(); "name" is required). territory, currency and tax region are
// the device's proposal; HQ confirms or changes them and assigns the account code.
struct NewCustomer
{
    QCborMap fields;
    QString territory;
    QString currency; // ISO 4217, required
    QString taxRegion;
    QString createdBy;
};

// What a create or edit did: the customer as stored, the fields that changed, the HLC they
// were stamped with and the outbox seq of the mutation (0 when nothing changed: no write).
struct CustomerChange
{
    Customer customer;
    QStringList changedFields;
    QString hlc;
    qint64 outboxSeq = 0;
};

// The rep's customer master data writes: the row, the per-field HLC stamps (field_versions)
// and ONE outbox mutation in one durable LocalStore transaction; bad input writes nothing.
// Payloads: docs/sync-protocol.md, "Device mutation args" (customer create/update).
class CustomerService
{
public:
    // clock: see HlcSource (services/hlcsource.h).
    CustomerService(LocalStore &store, HlcSource clock)
        : m_store(store)
        , m_clock(std::move(clock))
    { }

    // A new customer with a UUIDv7 id and an empty code (HQ assigns one).
    Result<CustomerChange> create(const NewCustomer &draft);

    // Changes rep-editable fields. Refused, writing nothing: an HQ-only field (InvalidArgument
    // naming it), an unknown field, an invalid value, an unknown customer (NotFound), an
    // archived customer (Conflict: HQ would reject it too). Fields whose value does not change
    // are left out; an edit that changes nothing writes nothing.
    Result<CustomerChange> edit(const QUuid &id, const QCborMap &fields);

    // Like edit, but every given field is stamped and sent even when the local row already
    // holds the value: re-applying the rep's losing value after a conflict must win everywhere.
    Result<CustomerChange> reapply(const QUuid &id, const QCborMap &fields);

private:
    Result<CustomerChange> write(const QUuid &id, const QCborMap &fields, bool force);

    LocalStore &m_store;
    HlcSource m_clock;
};

} // namespace karvan

#include "services/customerservice.h"

#include "domain/ids.h"
#include "domain/money.h"
#include "services/customerfields.h"
#include "store/customerrepository.h"
#include "store/fieldversionrepository.h"
#include "store/localstore.h"

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

const QString Entity = u"customer"_s;

// A fresh stamp that is later than every stamp this customer's fields carry, so a local edit
// can never lose against a value this device has already seen.
Result<QString> stampAfter(LocalStore &store, const HlcSource &clock, const QString &entityId)
{
    auto hlc = freshHlc(clock);
    if (!hlc)
        return hlc;
    auto latest = FieldVersionRepository(store).latest(Entity, entityId);
    if (!latest)
        return latest.error();
    if (!latest->isEmpty() && *hlc <= *latest)
        return makeError(ErrorCode::Conflict,
                         u"the device clock (%1) is behind the customer's last change (%2)"_s.arg(
                             *hlc, *latest));
    return hlc;
}

} // namespace

Result<CustomerChange> CustomerService::create(const NewCustomer &draft)
{
    if (!Money::zero(draft.currency))
        return makeError(
            ErrorCode::InvalidArgument,
            u"a new customer needs a currency (ISO 4217), not \"%1\""_s.arg(draft.currency));
    if (!draft.fields.contains(u"name"_s))
        return makeError(ErrorCode::InvalidArgument, u"a customer needs a name"_s);

    Customer c;
    c.id = Uuid7::generate();
    c.territory = draft.territory.trimmed();
    c.currency = draft.currency;
    c.taxRegion = draft.taxRegion.trimmed();
    c.creditLimit = std::nullopt; // HQ sets terms once it has seen the customer
    for (auto it = draft.fields.constBegin(); it != draft.fields.constEnd(); ++it) {
        if (!it.key().isString())
            return makeError(ErrorCode::InvalidArgument, u"field names must be text"_s);
        if (auto r = customerfields::apply(c, it.key().toString(), it.value()); !r)
            return r.error();
    }

    CustomerChange change;
    auto result = m_store.transaction([&]() -> Result<void> {
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        c.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto r = CustomerRepository(m_store).upsert(c); !r)
            return r;
        const QString id = idToString(c.id);
        const QStringList fields = customerfields::repEditable();
        if (auto r = FieldVersionRepository(m_store).stamp(Entity, id, fields, *hlc); !r)
            return r;
        QCborMap args {{u"id"_s, id},
                       {u"hlc"_s, *hlc},
                       {u"territory"_s, c.territory},
                       {u"currency"_s, c.currency},
                       {u"tax_region"_s, c.taxRegion},
                       {u"created_by"_s, draft.createdBy},
                       {u"fields"_s, customerfields::values(c)}};
        auto seq = appendMutation(m_store, Entity, id, u"create"_s, args);
        if (!seq)
            return seq.error();
        change.changedFields = fields;
        change.hlc = *hlc;
        change.outboxSeq = *seq;
        return {};
    });
    if (!result)
        return result.error();
    change.customer = c;
    return change;
}

Result<CustomerChange> CustomerService::edit(const QUuid &id, const QCborMap &fields)
{
    return write(id, fields, false);
}

Result<CustomerChange> CustomerService::reapply(const QUuid &id, const QCborMap &fields)
{
    return write(id, fields, true);
}

Result<CustomerChange> CustomerService::write(const QUuid &id, const QCborMap &fields, bool force)
{
    // Names first: an HQ-only field is refused before anything is read or written.
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!it.key().isString())
            return makeError(ErrorCode::InvalidArgument, u"field names must be text"_s);
        if (auto r = customerfields::checkEditable(it.key().toString()); !r)
            return r.error();
    }
    if (fields.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the edit names no field"_s);

    CustomerChange change;
    auto result = m_store.transaction([&]() -> Result<void> {
        CustomerRepository customers(m_store);
        auto found = customers.get(id);
        if (!found)
            return found.error();
        Customer c = std::move(found).value();
        if (c.archived)
            return makeError(ErrorCode::Conflict,
                             u"customer %1 is archived at HQ and cannot be edited"_s.arg(
                                 c.code.isEmpty() ? c.name : c.code));
        QCborMap changed;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString field = it.key().toString();
            const QCborValue before = customerfields::value(c, field);
            const QCborValue incoming
                = it.value().isString() ? QCborValue(it.value().toString().trimmed()) : it.value();
            if (!force && incoming == before)
                continue; // unchanged: not re-validated, so old data never blocks an edit
            if (auto r = customerfields::apply(c, field, it.value()); !r)
                return r;
            const QCborValue after = customerfields::value(c, field);
            if (force || after != before) {
                changed.insert(field, after);
                change.changedFields.append(field);
            }
        }
        change.customer = c;
        if (changed.isEmpty())
            return {};

        const QString entityId = idToString(id);
        auto hlc = stampAfter(m_store, m_clock, entityId);
        if (!hlc)
            return hlc.error();
        c.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto r = customers.upsert(c); !r)
            return r;
        FieldVersionRepository versions(m_store);
        if (auto r = versions.stamp(Entity, entityId, change.changedFields, *hlc); !r)
            return r;
        QCborMap args {{u"id"_s, entityId}, {u"hlc"_s, *hlc}, {u"fields"_s, changed}};
        auto seq = appendMutation(m_store, Entity, entityId, u"update"_s, args);
        if (!seq)
            return seq.error();
        change.customer = c;
        change.hlc = *hlc;
        change.outboxSeq = *seq;
        return {};
    });
    if (!result)
        return result.error();
    return change;
}

} // namespace karvan

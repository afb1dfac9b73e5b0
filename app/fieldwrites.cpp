#include "fieldwrites.h"

#include "domain/ids.h"
#include "rules/ticketworkflow.h"
#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/ticketrepository.h"

#include <QCborMap>
#include <QCborValue>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

Result<void> appendMutation(LocalStore &store, const QString &entity, const QUuid &entityId,
                            const QString &op, const QCborMap &payload)
{
    OutboxMutation m;
    m.mutationId = Uuid7::generate();
    m.entity = entity;
    m.entityId = idToString(entityId);
    m.op = op;
    m.payload = payload.toCborValue().toCbor();
    auto seq = OutboxRepository(store).append(m);
    if (!seq)
        return seq.error();
    return {};
}

QString activityKindName(Activity::Kind kind)
{
    switch (kind) {
    case Activity::Kind::Visit:
        return u"visit"_s;
    case Activity::Kind::Call:
        return u"call"_s;
    case Activity::Kind::Note:
        return u"note"_s;
    }
    return u"note"_s;
}

const QStringList &repFields()
{
    static const QStringList fields {u"name"_s, u"phone"_s, u"email"_s, u"notes"_s};
    return fields;
}

Result<QCborMap> applyFields(Customer &c, const QVariantMap &fields)
{
    QCborMap changed;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!repFields().contains(it.key()))
            return makeError(ErrorCode::InvalidArgument,
                             u"field \"%1\" is not editable on a device"_s.arg(it.key()));
        const QString value = it.value().toString().trimmed();
        QString *target = it.key() == u"name"_s ? &c.name
            : it.key() == u"phone"_s            ? &c.phone
            : it.key() == u"email"_s            ? &c.email
                                                : &c.notes;
        if (*target == value)
            continue;
        *target = value;
        changed.insert(it.key(), value);
    }
    if (c.name.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a customer needs a name"_s);
    return changed;
}

} // namespace

Result<void> FieldWrites::updateCustomer(const QUuid &id, const QVariantMap &fields)
{
    return m_store.transaction([&]() -> Result<void> {
        CustomerRepository customers(m_store);
        auto c = customers.get(id);
        if (!c)
            return c.error();
        if (c->archived)
            return makeError(ErrorCode::Conflict, u"the customer is archived"_s);
        auto changed = applyFields(c.value(), fields);
        if (!changed)
            return changed.error();
        if (changed->isEmpty())
            return {};
        c.value().updatedAt = QDateTime::currentDateTimeUtc();
        if (auto r = customers.upsert(*c); !r)
            return r;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(id));
        payload.insert(u"fields"_s, *changed);
        return appendMutation(m_store, u"customer"_s, id, u"update"_s, payload);
    });
}

Result<QUuid> FieldWrites::createCustomer(const QVariantMap &fields, const QString &territory,
                                          const QString &currency)
{
    Customer c;
    c.id = Uuid7::generate();
    c.currency = currency;
    c.territory = territory;
    c.creditLimit = std::nullopt; // HQ sets terms once it has seen the customer
    c.updatedAt = QDateTime::currentDateTimeUtc();
    auto changed = applyFields(c, fields);
    if (!changed)
        return changed.error();
    auto r = m_store.transaction([&]() -> Result<void> {
        if (auto w = CustomerRepository(m_store).upsert(c); !w)
            return w;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(c.id));
        payload.insert(u"territory"_s, territory);
        payload.insert(u"currency"_s, currency);
        payload.insert(u"fields"_s, *changed);
        return appendMutation(m_store, u"customer"_s, c.id, u"create"_s, payload);
    });
    if (!r)
        return r.error();
    return c.id;
}

Result<QUuid> FieldWrites::openTicket(const QUuid &customerId, const QString &subject,
                                      const QString &description)
{
    if (subject.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a ticket needs a subject"_s);
    Ticket t;
    t.id = Uuid7::generate();
    t.customerId = customerId;
    t.subject = subject.trimmed();
    t.description = description.trimmed();
    t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc();
    auto r = m_store.transaction([&]() -> Result<void> {
        if (auto w = TicketRepository(m_store).upsert(t); !w)
            return w;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(t.id));
        payload.insert(u"customer_id"_s, idToString(customerId));
        payload.insert(u"subject"_s, t.subject);
        payload.insert(u"description"_s, t.description);
        payload.insert(u"priority"_s, TicketRepository::priorityName(t.priority));
        return appendMutation(m_store, u"ticket"_s, t.id, u"create"_s, payload);
    });
    if (!r)
        return r.error();
    return t.id;
}

Result<void> FieldWrites::commentTicket(const QUuid &ticketId, const QString &body)
{
    if (body.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the comment is empty"_s);
    TicketComment c;
    c.id = Uuid7::generate();
    c.author = m_author;
    c.at = QDateTime::currentDateTimeUtc();
    c.body = body.trimmed();
    return m_store.transaction([&]() -> Result<void> {
        if (auto w = TicketRepository(m_store).addComment(ticketId, c); !w)
            return w;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(c.id));
        payload.insert(u"ticket_id"_s, idToString(ticketId));
        payload.insert(u"body"_s, c.body);
        payload.insert(u"author"_s, c.author);
        payload.insert(u"at"_s, c.at.toString(Qt::ISODateWithMs));
        return appendMutation(m_store, u"ticket"_s, ticketId, u"comment"_s, payload);
    });
}

Result<void> FieldWrites::changeTicketStatus(const QUuid &ticketId, Ticket::Status to)
{
    return m_store.transaction([&]() -> Result<void> {
        TicketRepository tickets(m_store);
        auto t = tickets.get(ticketId);
        if (!t)
            return t.error();
        const Ticket::Status from = t->status;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool reopen = to == Ticket::Status::Open
            && (from == Ticket::Status::Closed || from == Ticket::Status::Resolved);
        auto changed = reopen ? TicketWorkflow::reopen(t.value(), now)
                              : TicketWorkflow::changeStatus(t.value(), to, now);
        if (!changed)
            return changed;
        if (from == t->status)
            return {};
        t.value().comments.clear(); // upsert appends comments; none are new here
        if (auto w = tickets.upsert(*t); !w)
            return w;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(ticketId));
        payload.insert(u"from"_s, TicketWorkflow::statusName(from));
        payload.insert(u"to"_s, TicketWorkflow::statusName(t->status));
        payload.insert(u"reopen"_s, reopen);
        return appendMutation(m_store, u"ticket"_s, ticketId, u"status"_s, payload);
    });
}

Result<QUuid> FieldWrites::logActivity(const QUuid &customerId, Activity::Kind kind,
                                       const QString &subject, const QString &notes,
                                       int durationMinutes)
{
    if (customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"choose a customer"_s);
    Activity a;
    a.id = Uuid7::generate();
    a.customerId = customerId;
    a.kind = kind;
    a.at = QDateTime::currentDateTimeUtc();
    a.subject = subject.trimmed();
    a.notes = notes.trimmed();
    a.durationMinutes = qMax(0, durationMinutes);
    a.author = m_author;
    auto r = m_store.transaction([&]() -> Result<void> {
        if (auto w = ActivityRepository(m_store).upsert(a); !w)
            return w;
        QCborMap payload;
        payload.insert(u"id"_s, idToString(a.id));
        payload.insert(u"customer_id"_s, idToString(customerId));
        payload.insert(u"kind"_s, activityKindName(kind));
        payload.insert(u"subject"_s, a.subject);
        payload.insert(u"notes"_s, a.notes);
        payload.insert(u"duration_minutes"_s, a.durationMinutes);
        payload.insert(u"at"_s, a.at.toString(Qt::ISODateWithMs));
        return appendMutation(m_store, u"activity"_s, a.id, u"create"_s, payload);
    });
    if (!r)
        return r.error();
    return a.id;
}

} // namespace karvan::app

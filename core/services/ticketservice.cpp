#include "services/ticketservice.h"

#include "domain/ids.h"
#include "rules/ticketworkflow.h"
#include "store/customerrepository.h"
#include "store/fieldversionrepository.h"
#include "store/localstore.h"
#include "store/ticketrepository.h"

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

const QString Entity = u"ticket"_s;
constexpr qsizetype MaxSubject = 200;
constexpr qsizetype MaxText = 8000;

} // namespace

Result<Ticket> TicketService::open(const NewTicket &draft)
{
    const QString subject = draft.subject.trimmed();
    const QString description = draft.description.trimmed();
    if (subject.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a ticket needs a subject"_s);
    if (subject.size() > MaxSubject)
        return makeError(ErrorCode::InvalidArgument,
                         u"the subject is longer than %1 characters"_s.arg(MaxSubject));
    if (description.size() > MaxText)
        return makeError(ErrorCode::InvalidArgument,
                         u"the description is longer than %1 characters"_s.arg(MaxText));
    if (draft.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"choose a customer for the ticket"_s);

    Ticket t;
    auto result = m_store.transaction([&]() -> Result<void> {
        auto customer = CustomerRepository(m_store).get(draft.customerId);
        if (!customer)
            return customer.error();
        if (customer->archived)
            return makeError(ErrorCode::Conflict,
                             u"customer %1 is archived at HQ"_s.arg(customer->name));
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        t.id = Uuid7::generate();
        t.customerId = draft.customerId;
        t.subject = subject;
        t.description = description;
        t.priority = draft.priority;
        t.status = Ticket::Status::Open;
        t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc();
        if (auto r = TicketRepository(m_store).upsert(t); !r)
            return r;
        const QString id = idToString(t.id);
        if (auto r = FieldVersionRepository(m_store).stamp(
                Entity, id, {u"subject"_s, u"description"_s, u"priority"_s, u"status"_s}, *hlc);
            !r)
            return r;
        QCborMap args {{u"id"_s, id},
                       {u"hlc"_s, *hlc},
                       {u"customer_id"_s, idToString(t.customerId)},
                       {u"subject"_s, t.subject},
                       {u"description"_s, t.description},
                       {u"priority"_s, TicketRepository::priorityName(t.priority)},
                       {u"status"_s, TicketWorkflow::statusName(t.status)},
                       {u"author"_s, m_author},
                       {u"created_at"_s, t.createdAt.toString(Qt::ISODateWithMs)}};
        auto seq = appendMutation(m_store, Entity, id, u"create"_s, args);
        if (!seq)
            return seq.error();
        return {};
    });
    if (!result)
        return result.error();
    return t;
}

Result<TicketComment> TicketService::comment(const QUuid &ticketId, const QString &body)
{
    TicketComment c;
    c.body = body.trimmed();
    if (c.body.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the comment is empty"_s);
    if (c.body.size() > MaxText)
        return makeError(ErrorCode::InvalidArgument,
                         u"the comment is longer than %1 characters"_s.arg(MaxText));
    auto result = m_store.transaction([&]() -> Result<void> {
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        c.id = Uuid7::generate();
        c.author = m_author;
        c.at = QDateTime::currentDateTimeUtc();
        if (auto r = TicketRepository(m_store).addComment(ticketId, c); !r)
            return r; // NotFound for an unknown ticket
        const QString id = idToString(ticketId);
        QCborMap args {{u"id"_s, idToString(c.id)}, {u"hlc"_s, *hlc},
                       {u"ticket_id"_s, id},        {u"body"_s, c.body},
                       {u"author"_s, c.author},     {u"at"_s, c.at.toString(Qt::ISODateWithMs)}};
        auto seq = appendMutation(m_store, Entity, id, u"comment"_s, args);
        if (!seq)
            return seq.error();
        return {};
    });
    if (!result)
        return result.error();
    return c;
}

Result<Ticket> TicketService::changeStatus(const QUuid &ticketId, Ticket::Status to)
{
    return moveStatus(ticketId, to, false);
}

Result<Ticket> TicketService::reopen(const QUuid &ticketId)
{
    return moveStatus(ticketId, Ticket::Status::Open, true);
}

Result<Ticket> TicketService::moveStatus(const QUuid &ticketId, Ticket::Status to, bool reopen)
{
    Ticket ticket;
    auto result = m_store.transaction([&]() -> Result<void> {
        TicketRepository tickets(m_store);
        auto t = tickets.get(ticketId);
        if (!t)
            return t.error();
        ticket = std::move(t).value();
        const Ticket::Status from = ticket.status;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto moved = reopen ? TicketWorkflow::reopen(ticket, now)
                            : TicketWorkflow::changeStatus(ticket, to, now);
        if (!moved)
            return moved;
        if (from == ticket.status)
            return {}; // already there: nothing to write or send
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        Ticket row = ticket;
        row.comments.clear(); // upsert appends comments; none are new here
        if (auto r = tickets.upsert(row); !r)
            return r;
        const QString id = idToString(ticketId);
        if (auto r = FieldVersionRepository(m_store).stamp(Entity, id, {u"status"_s}, *hlc); !r)
            return r;
        QCborMap args {{u"id"_s, id},
                       {u"hlc"_s, *hlc},
                       {u"from"_s, TicketWorkflow::statusName(from)},
                       {u"to"_s, TicketWorkflow::statusName(ticket.status)},
                       {u"reopen"_s, reopen},
                       {u"author"_s, m_author},
                       {u"at"_s, now.toString(Qt::ISODateWithMs)}};
        auto seq = appendMutation(m_store, Entity, id, u"status"_s, args);
        if (!seq)
            return seq.error();
        return {};
    });
    if (!result)
        return result.error();
    return ticket;
}

} // namespace karvan

#include "store/ticketrepository.h"

#include "domain/names.h"

#include "rules/ticketworkflow.h"
#include "store/localstore.h"
#include "store/sqlvalue.h"

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

const QString Columns = u"id, number, customer_id, subject, description, status, priority, "
                        u"assignee, created_at, updated_at"_s;

} // namespace

QString TicketRepository::priorityName(Ticket::Priority priority)
{
    return ticketPriorityName(priority);
}

Result<void> TicketRepository::writeComment(const QString &ticketId, const TicketComment &c)
{
    if (c.id.isNull() || c.body.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"a ticket comment needs an id and a text"_s);
    auto q = m_store.prepared(u"INSERT INTO ticket_comments (id, ticket_id, author, at, body) "
                              u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(c.id));
    (*q)->bindValue(1, ticketId);
    (*q)->bindValue(2, text(c.author));
    (*q)->bindValue(3, dateTime(c.at));
    (*q)->bindValue(4, c.body);
    return run(**q, u"cannot save comment on ticket "_s + ticketId);
}

Result<void> TicketRepository::write(const Ticket &t)
{
    if (t.id.isNull() || t.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a ticket needs an id and a customer"_s);
    if (t.subject.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"ticket %1 has no subject"_s.arg(idToString(t.id)));
    auto q = m_store.prepared(uR"(INSERT INTO tickets (id, number, customer_id, subject,
            description, status, priority, assignee, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET number = excluded.number,
            customer_id = excluded.customer_id, subject = excluded.subject,
            description = excluded.description, status = excluded.status,
            priority = excluded.priority, assignee = excluded.assignee,
            created_at = excluded.created_at, updated_at = excluded.updated_at)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const QString tid = idToString(t.id);
    query.bindValue(0, tid);
    query.bindValue(1, text(t.number));
    query.bindValue(2, idToString(t.customerId));
    query.bindValue(3, t.subject);
    query.bindValue(4, text(t.description));
    query.bindValue(5, TicketWorkflow::statusName(t.status));
    query.bindValue(6, priorityName(t.priority));
    query.bindValue(7, text(t.assignee));
    query.bindValue(8, dateTime(t.createdAt));
    query.bindValue(9, dateTime(t.updatedAt));
    if (auto r = run(query, u"cannot save ticket "_s + tid); !r)
        return r;
    for (const TicketComment &c : t.comments) {
        if (auto r = writeComment(tid, c); !r)
            return r;
    }
    return {};
}

Result<void> TicketRepository::upsert(const Ticket &ticket)
{
    return m_store.transaction([&] { return write(ticket); });
}

Result<void> TicketRepository::insertMany(const QList<Ticket> &tickets)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Ticket &t : tickets) {
            if (auto r = write(t); !r)
                return r;
        }
        return {};
    });
}

Result<void> TicketRepository::addComment(const QUuid &ticketId, const TicketComment &comment)
{
    auto exists = m_store.prepared(u"SELECT 1 FROM tickets WHERE id = ?"_s);
    if (!exists)
        return exists.error();
    (*exists)->bindValue(0, idToString(ticketId));
    if (auto r = run(**exists, u"cannot read ticket"_s); !r)
        return r;
    const bool found = (*exists)->next();
    (*exists)->finish();
    if (!found)
        return makeError(ErrorCode::NotFound, u"no ticket with id %1"_s.arg(idToString(ticketId)));
    return writeComment(idToString(ticketId), comment);
}

Result<QList<Ticket>> TicketRepository::loadAll(QSqlQuery &query)
{
    QList<Ticket> tickets;
    while (query.next()) {
        Ticket t;
        t.id = toId(query.value(0));
        t.number = query.value(1).toString();
        t.customerId = toId(query.value(2));
        t.subject = query.value(3).toString();
        t.description = query.value(4).toString();
        auto status = TicketWorkflow::parseStatus(query.value(5).toString());
        if (!status)
            return makeError(ErrorCode::Storage,
                             u"ticket %1: %2"_s.arg(idToString(t.id), status.errorMessage()));
        t.status = *status;
        t.priority
            = parseTicketPriority(query.value(6).toString()).value_or(Ticket::Priority::Normal);
        t.assignee = query.value(7).toString();
        t.createdAt = toDateTime(query.value(8));
        t.updatedAt = toDateTime(query.value(9));
        tickets.append(t);
    }
    query.finish();
    for (Ticket &t : tickets) {
        auto q = m_store.prepared(u"SELECT id, author, at, body FROM ticket_comments "
                                  u"WHERE ticket_id = ? ORDER BY at, rowid"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, idToString(t.id));
        if (auto r = run(**q, u"cannot read ticket comments"_s); !r)
            return r.error();
        while ((*q)->next())
            t.comments.append(TicketComment {toId((*q)->value(0)), (*q)->value(1).toString(),
                                             toDateTime((*q)->value(2)),
                                             (*q)->value(3).toString()});
        (*q)->finish();
    }
    return tickets;
}

Result<Ticket> TicketRepository::get(const QUuid &ticketId)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM tickets WHERE id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(ticketId));
    if (auto r = run(**q, u"cannot read ticket"_s); !r)
        return r.error();
    auto all = loadAll(**q);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound, u"no ticket with id %1"_s.arg(idToString(ticketId)));
    return all->first();
}

Result<QList<Ticket>> TicketRepository::listForCustomer(const QUuid &customerId, int limit)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM tickets WHERE customer_id = ? "
                                u"ORDER BY updated_at DESC LIMIT ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(customerId));
    (*q)->bindValue(1, std::max(limit, 1));
    if (auto r = run(**q, u"cannot list tickets"_s); !r)
        return r.error();
    return loadAll(**q);
}

Result<QList<Ticket>> TicketRepository::listOpen(int limit)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM tickets WHERE status NOT IN ('resolved', 'closed') "
                                u"ORDER BY updated_at DESC LIMIT ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, std::max(limit, 1));
    if (auto r = run(**q, u"cannot list tickets"_s); !r)
        return r.error();
    return loadAll(**q);
}

} // namespace karvan

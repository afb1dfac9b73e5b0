#include "erp/servicedesk.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "domain/wirerows.h"
#include "erp/masterdata.h"
#include "rules/ticketworkflow.h"
#include "storage/database.h"
#include "storage/sqldialect.h"
#include "sync/changefeed.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

QDateTime timeFrom(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<void> checkText(const QString &what, const QString &text, int max, bool required)
{
    if (required && text.trimmed().isEmpty())
        return invalid(u"the %1 is empty"_s.arg(what));
    if (text.size() > max)
        return invalid(u"the %1 is longer than %2 characters"_s.arg(what).arg(max));
    return {};
}

QJsonObject ticketJson(const Ticket &t)
{
    return {{u"number"_s, t.number},
            {u"customer_id"_s, idToString(t.customerId)},
            {u"subject"_s, t.subject},
            {u"status"_s, ticketStatusName(t.status)},
            {u"priority"_s, ticketPriorityName(t.priority)}};
}

} // namespace

Result<void> ServiceDesk::checkCustomer(const Actor &actor, const QUuid &customerId,
                                        bool mustBeActive)
{
    if (actor.role == Role::Kiosk || actor.role == Role::Warehouse)
        return makeError(
            ErrorCode::Conflict,
            PermissionDenied
                + u"%1 may not write tickets or activities"_s.arg(roleName(actor.role)));
    if (customerId.isNull())
        return invalid(u"no customer given"_s);
    auto customer = MasterData(m_db).findCustomer(idToString(customerId));
    if (!customer)
        return customer.error();
    if (auto t = authorizeTerritory(actor, customer->customer.territory); !t)
        return t.error();
    if (mustBeActive && customer->customer.archived)
        return conflict(u"customer %1 (%2) is archived"_s.arg(customer->customer.code,
                                                              customer->customer.name));
    return {};
}

Result<Ticket> ServiceDesk::findTicket(const QUuid &ticketId)
{
    const QString id = idToString(ticketId);
    auto head = queryRow(m_db,
                         u"SELECT doc_number, customer_id, subject, description, status, priority, "
                         "assignee, created_at, updated_at FROM tickets WHERE id = ?"_s,
                         {id});
    if (!head)
        return head.error();
    if (head->isEmpty())
        return notFound(u"unknown ticket %1"_s.arg(id));
    const Row &h = *head;
    Ticket t;
    t.id = ticketId;
    t.number = h.at(0).toString();
    t.customerId = QUuid::fromString(h.at(1).toString());
    t.subject = h.at(2).toString();
    t.description = h.at(3).toString();
    t.status = parseTicketStatus(h.at(4).toString()).value_or(Ticket::Status::Open);
    t.priority = parseTicketPriority(h.at(5).toString()).value_or(Ticket::Priority::Normal);
    t.assignee = h.at(6).toString();
    t.createdAt = timeFrom(h.at(7));
    t.updatedAt = timeFrom(h.at(8));
    auto comments = queryRows(m_db,
                              u"SELECT id, author, at, body FROM ticket_comments "
                              "WHERE ticket_id = ? ORDER BY at, id"_s,
                              {id});
    if (!comments)
        return comments.error();
    for (const Row &c : *comments)
        t.comments.append({QUuid::fromString(c.at(0).toString()), c.at(1).toString(),
                           timeFrom(c.at(2)), c.at(3).toString()});
    return t;
}

Result<Ticket> ServiceDesk::openTicket(const Actor &actor, Ticket ticket, const QString &hlc)
{
    ticket.subject = ticket.subject.trimmed();
    ticket.description = ticket.description.trimmed();
    if (auto r = checkText(u"subject"_s, ticket.subject, MaxSubject, true); !r)
        return r.error();
    if (auto r = checkText(u"description"_s, ticket.description, MaxText, false); !r)
        return r.error();
    if (ticket.status != Ticket::Status::Open)
        return invalid(u"a new ticket is open, not %1"_s.arg(ticketStatusName(ticket.status)));
    if (ticket.id.isNull())
        ticket.id = Uuid7::generate();
    Ticket result;
    auto r = m_db.transaction([&]() -> Result<void> {
        if (auto c = checkCustomer(actor, ticket.customerId, true); !c)
            return c;
        auto existing = findTicket(ticket.id);
        if (existing) {
            if (existing->customerId != ticket.customerId)
                return conflict(u"ticket %1 exists for another customer"_s.arg(existing->number));
            result = *existing;
            return {};
        }
        if (existing.error().code != ErrorCode::NotFound)
            return existing.error();
        auto number = nextDocumentNumber(m_db, u"T"_s);
        if (!number)
            return number.error();
        const QString now = nowUtc();
        const QString created
            = ticket.createdAt.isValid() ? timeText(ticket.createdAt) : QString(now);
        if (auto w
            = execSql(m_db,
                      u"INSERT INTO tickets (id, doc_number, customer_id, subject, "
                      "description, status, priority, assignee, status_hlc, created_by, "
                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {idToString(ticket.id), *number, idToString(ticket.customerId),
                       ticket.subject, ticket.description, ticketStatusName(ticket.status),
                       ticketPriorityName(ticket.priority), ticket.assignee, hlc, actor.login,
                       created, now});
            !w)
            return w;
        auto stored = findTicket(ticket.id);
        if (!stored)
            return stored.error();
        result = *stored;
        if (auto a = audit(m_db, actor, u"ticket.open"_s, u"ticket"_s, idToString(ticket.id), {},
                           ticketJson(result));
            !a)
            return a;
        return sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Ticket, idToString(ticket.id),
                                                       idToString(ticket.customerId));
    });
    if (!r)
        return r.error();
    return result;
}

Result<Ticket> ServiceDesk::addComment(const Actor &actor, const QUuid &ticketId,
                                       const TicketComment &comment)
{
    const QString body = comment.body.trimmed();
    if (auto r = checkText(u"comment"_s, body, MaxText, true); !r)
        return r.error();
    if (comment.id.isNull())
        return invalid(u"the comment has no id"_s);
    Ticket result;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto ticket = findTicket(ticketId);
        if (!ticket)
            return ticket.error();
        if (auto c = checkCustomer(actor, ticket->customerId, false); !c)
            return c;
        auto seen = queryRow(m_db, u"SELECT ticket_id FROM ticket_comments WHERE id = ?"_s,
                             {idToString(comment.id)});
        if (!seen)
            return seen.error();
        if (!seen->isEmpty()) {
            if (seen->at(0).toString() != idToString(ticketId))
                return conflict(
                    u"comment %1 belongs to another ticket"_s.arg(idToString(comment.id)));
            result = *ticket;
            return {};
        }
        const QString now = nowUtc();
        const QString at = comment.at.isValid() ? timeText(comment.at) : now;
        const QString author = comment.author.isEmpty() ? actor.login : comment.author;
        if (auto w = execSql(m_db,
                             u"INSERT INTO ticket_comments (id, ticket_id, author, body, at, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                             {idToString(comment.id), idToString(ticketId), author, body, at, now});
            !w)
            return w;
        if (auto w = execSql(m_db, u"UPDATE tickets SET updated_at = ? WHERE id = ?"_s,
                             {now, idToString(ticketId)});
            !w)
            return w;
        if (auto a = audit(m_db, actor, u"ticket.comment"_s, u"ticket"_s, idToString(ticketId), {},
                           {{u"comment_id"_s, idToString(comment.id)}});
            !a)
            return a;
        auto stored = findTicket(ticketId);
        if (!stored)
            return stored.error();
        result = *stored;
        return sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Ticket, idToString(ticketId),
                                                       idToString(ticket->customerId));
    });
    if (!r)
        return r.error();
    return result;
}

Result<Ticket> ServiceDesk::changeStatus(const Actor &actor, const QUuid &ticketId,
                                         Ticket::Status to, bool reopen, const QString &hlc)
{
    Ticket result;
    auto r = m_db.transaction([&]() -> Result<void> {
        if (auto lock = execSql(m_db,
                                u"SELECT id FROM tickets WHERE id = ?"_s
                                    + sqldialect::forUpdate(m_db.backend()),
                                {idToString(ticketId)});
            !lock)
            return lock;
        auto ticket = findTicket(ticketId);
        if (!ticket)
            return ticket.error();
        if (auto c = checkCustomer(actor, ticket->customerId, false); !c)
            return c;
        const Ticket::Status from = ticket->status;
        if (from == to) {
            result = *ticket;
            return {};
        }
        auto moved = reopen ? TicketWorkflow::reopen(from) : TicketWorkflow::change(from, to);
        if (!moved)
            return moved.error();
        if (*moved != to)
            return conflict(u"reopening ticket %1 takes it to open, not %2"_s.arg(
                ticket->number, ticketStatusName(to)));
        const QString now = nowUtc();
        if (auto w = execSql(m_db,
                             u"UPDATE tickets SET status = ?, status_hlc = ?, updated_at = ? "
                             "WHERE id = ?"_s,
                             {ticketStatusName(*moved), hlc, now, idToString(ticketId)});
            !w)
            return w;
        if (auto a
            = audit(m_db, actor, reopen ? u"ticket.reopen"_s : u"ticket.status"_s, u"ticket"_s,
                    idToString(ticketId), {{u"status"_s, ticketStatusName(from)}},
                    {{u"status"_s, ticketStatusName(*moved)}});
            !a)
            return a;
        auto stored = findTicket(ticketId);
        if (!stored)
            return stored.error();
        result = *stored;
        return sync::ChangeFeed(m_db).touchForCustomer(wire::entity::Ticket, idToString(ticketId),
                                                       idToString(ticket->customerId));
    });
    if (!r)
        return r.error();
    return result;
}

Result<Activity> ServiceDesk::findActivity(const QUuid &activityId)
{
    auto row = queryRow(m_db,
                        u"SELECT customer_id, kind, at, subject, notes, duration_minutes, "
                        "photo_path, author FROM activities WHERE id = ?"_s,
                        {idToString(activityId)});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return notFound(u"unknown activity %1"_s.arg(idToString(activityId)));
    const Row &r = *row;
    Activity a;
    a.id = activityId;
    a.customerId = QUuid::fromString(r.at(0).toString());
    a.kind = parseActivityKind(r.at(1).toString()).value_or(Activity::Kind::Note);
    a.at = timeFrom(r.at(2));
    a.subject = r.at(3).toString();
    a.notes = r.at(4).toString();
    a.durationMinutes = r.at(5).toInt();
    a.photoPath = r.at(6).toString();
    a.author = r.at(7).toString();
    return a;
}

Result<Activity> ServiceDesk::logActivity(const Actor &actor, Activity activity)
{
    activity.subject = activity.subject.trimmed();
    activity.notes = activity.notes.trimmed();
    if (auto r = checkText(u"subject"_s, activity.subject, MaxSubject, false); !r)
        return r.error();
    if (auto r = checkText(u"notes"_s, activity.notes, MaxText, false); !r)
        return r.error();
    if (activity.durationMinutes < 0 || activity.durationMinutes > 24 * 60)
        return invalid(u"duration_minutes must be between 0 and 1440"_s);
    if (activity.photoPath.size() > 1024)
        return invalid(u"the photo path is longer than 1024 characters"_s);
    if (activity.id.isNull())
        activity.id = Uuid7::generate();
    if (!activity.at.isValid())
        activity.at = QDateTime::currentDateTimeUtc();
    if (activity.author.isEmpty())
        activity.author = actor.login;
    Activity result;
    auto r = m_db.transaction([&]() -> Result<void> {
        if (auto c = checkCustomer(actor, activity.customerId, true); !c)
            return c;
        auto existing = findActivity(activity.id);
        if (existing) {
            if (existing->customerId != activity.customerId)
                return conflict(
                    u"activity %1 exists for another customer"_s.arg(idToString(activity.id)));
            result = *existing;
            return {};
        }
        if (existing.error().code != ErrorCode::NotFound)
            return existing.error();
        if (auto w = execSql(m_db,
                             u"INSERT INTO activities (id, customer_id, kind, at, subject, notes, "
                             "duration_minutes, photo_path, author, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                             {idToString(activity.id), idToString(activity.customerId),
                              activityKindName(activity.kind), timeText(activity.at),
                              activity.subject, activity.notes, activity.durationMinutes,
                              activity.photoPath, activity.author, nowUtc()});
            !w)
            return w;
        if (auto a
            = audit(m_db, actor, u"activity.log"_s, u"activity"_s, idToString(activity.id), {},
                    {{u"customer_id"_s, idToString(activity.customerId)},
                     {u"kind"_s, activityKindName(activity.kind)}});
            !a)
            return a;
        auto stored = findActivity(activity.id);
        if (!stored)
            return stored.error();
        result = *stored;
        return sync::ChangeFeed(m_db).touchForCustomer(
            wire::entity::Activity, idToString(activity.id), idToString(activity.customerId));
    });
    if (!r)
        return r.error();
    return result;
}

} // namespace karvan::hq::erp

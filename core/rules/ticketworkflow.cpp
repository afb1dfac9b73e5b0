#include "rules/ticketworkflow.h"

#include "domain/names.h"

using namespace Qt::StringLiterals;

namespace karvan {

namespace {

using Status = Ticket::Status;

constexpr Status kAllStatuses[] = {Status::Open, Status::InProgress, Status::WaitingOnCustomer,
                                   Status::Resolved, Status::Closed};

bool isOrdinaryTransition(Status from, Status to)
{
    switch (from) {
    case Status::Open:
        return to == Status::InProgress || to == Status::WaitingOnCustomer || to == Status::Resolved
            || to == Status::Closed;
    case Status::InProgress:
        return to == Status::Open || to == Status::WaitingOnCustomer || to == Status::Resolved;
    case Status::WaitingOnCustomer:
        return to == Status::InProgress || to == Status::Resolved;
    case Status::Resolved:
        return to == Status::Closed || to == Status::InProgress;
    case Status::Closed:
        return false; // only reopen() leaves Closed
    }
    return false;
}

} // namespace

bool TicketWorkflow::canChange(Status from, Status to)
{
    return from == to || isOrdinaryTransition(from, to);
}

QList<Ticket::Status> TicketWorkflow::nextStatuses(Status from)
{
    QList<Status> out;
    for (Status to : kAllStatuses) {
        if (isOrdinaryTransition(from, to))
            out.append(to);
    }
    return out;
}

Result<Ticket::Status> TicketWorkflow::change(Status from, Status to)
{
    if (canChange(from, to))
        return to;
    if (from == Status::Closed)
        return makeError(
            ErrorCode::Conflict,
            u"the ticket is closed; reopen it explicitly before setting it to %1"_s.arg(
                statusName(to)));
    QStringList allowed;
    for (Status s : nextStatuses(from))
        allowed.append(statusName(s));
    return makeError(ErrorCode::Conflict,
                     u"a ticket cannot go from %1 to %2 (from %1 it can go to: %3)"_s.arg(
                         statusName(from), statusName(to), allowed.join(u", "_s)));
}

Result<Ticket::Status> TicketWorkflow::reopen(Status from)
{
    if (from == Status::Closed || from == Status::Resolved)
        return Status::Open;
    return makeError(ErrorCode::Conflict,
                     u"only a closed or resolved ticket can be reopened; this one is %1"_s.arg(
                         statusName(from)));
}

Result<void> TicketWorkflow::changeStatus(Ticket &ticket, Status to, const QDateTime &at)
{
    auto next = change(ticket.status, to);
    if (!next)
        return makeError(next.error().code,
                         u"ticket %1: %2"_s.arg(ticket.number, next.error().message));
    ticket.status = next.value();
    ticket.updatedAt = at;
    return {};
}

Result<void> TicketWorkflow::reopen(Ticket &ticket, const QDateTime &at)
{
    auto next = reopen(ticket.status);
    if (!next)
        return makeError(next.error().code,
                         u"ticket %1: %2"_s.arg(ticket.number, next.error().message));
    ticket.status = next.value();
    ticket.updatedAt = at;
    return {};
}

QString TicketWorkflow::statusName(Status status)
{
    return ticketStatusName(status);
}

Result<Ticket::Status> TicketWorkflow::parseStatus(const QString &name)
{
    if (const auto status = parseTicketStatus(name))
        return *status;
    return makeError(ErrorCode::InvalidArgument,
                     u"unknown ticket status \"%1\" (expected open, in_progress, "
                     u"waiting_on_customer, resolved or closed)"_s.arg(name));
}

} // namespace karvan

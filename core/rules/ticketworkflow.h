#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace karvan {

// The ticket status state machine, shared by the device (to offer only valid next statuses)
// and HQ (to accept or reject a synced status change).
//
//   from                 ordinary change() to
//   Open                 InProgress, WaitingOnCustomer, Resolved, Closed (duplicate or spam)
//   InProgress           Open (back to the queue), WaitingOnCustomer, Resolved
//   WaitingOnCustomer    InProgress (the customer answered), Resolved
//   Resolved             Closed, InProgress (the fix did not hold)
//   Closed               nothing: only reopen() leaves Closed, back to Open
//
// reopen() also takes a Resolved ticket back to Open. Setting the status a ticket already has
// is a no-op, not an error (a re-sent change stays harmless).
class TicketWorkflow
{
public:
    using Status = Ticket::Status;

    // Whether change(from, to) would succeed.
    static bool canChange(Status from, Status to);
    // The statuses change() accepts from `from`, excluding `from` itself; empty for Closed.
    static QList<Status> nextStatuses(Status from);
    // An ordinary status change; a Conflict error names both statuses for an invalid one, and
    // tells that a closed ticket must be reopened explicitly.
    static Result<Status> change(Status from, Status to);
    // Re-opens a Closed or Resolved ticket: back to Open. An error for any other status.
    static Result<Status> reopen(Status from);

    // Applies change() or reopen() to a ticket and stamps updatedAt; the ticket is untouched on
    // error.
    static Result<void> changeStatus(Ticket &ticket, Status to, const QDateTime &at);
    static Result<void> reopen(Ticket &ticket, const QDateTime &at);

    // Stable names for storage and the wire: "open", "in_progress", "waiting_on_customer",
    // "resolved", "closed".
    static QString statusName(Status status);
    static Result<Status> parseStatus(const QString &name);
};

} // namespace karvan

#pragma once

#include "domain/result.h"
#include "domain/service.h"
#include "services/hlcsource.h"

#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

struct NewTicket
{
    QUuid customerId;
    QString subject; // required
    QString description;
    Ticket::Priority priority = Ticket::Priority::Normal;
};

// The rep's ticket writes: open, comment (append-only: there is no edit or delete), status
// changes through TicketWorkflow. Each is the rows plus ONE outbox mutation in one durable
// LocalStore transaction; bad input writes nothing. Payloads: docs/sync-protocol.md, "Device
// mutation args" (ticket create/comment/status).
class TicketService
{
public:
    // author: the signed-in rep's login, stored with comments and sent with each mutation.
    TicketService(LocalStore &store, HlcSource clock, QString author)
        : m_store(store)
        , m_clock(std::move(clock))
        , m_author(std::move(author))
    { }

    // A new Open ticket (UUIDv7 id, number assigned by HQ) for a known, active customer.
    Result<Ticket> open(const NewTicket &draft);
    // Appends a comment; comments are never changed or removed.
    Result<TicketComment> comment(const QUuid &ticketId, const QString &body);
    // An ordinary change by the workflow. Leaving Closed (and Resolved -> Open) is refused with
    // a Conflict that says to reopen explicitly. Setting the current status writes nothing.
    Result<Ticket> changeStatus(const QUuid &ticketId, Ticket::Status to);
    // The explicit reopen: Closed or Resolved back to Open; a Conflict for any other status.
    Result<Ticket> reopen(const QUuid &ticketId);

private:
    Result<Ticket> moveStatus(const QUuid &ticketId, Ticket::Status to, bool reopen);

    LocalStore &m_store;
    HlcSource m_clock;
    QString m_author;
};

} // namespace karvan

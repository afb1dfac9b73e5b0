#pragma once

#include "domain/service.h"
#include "erp/erpcommon.h"

#include <QUuid>

namespace karvan::hq {

class Database;

namespace erp {

// HQ's service desk: tickets (numbered "T-000001", comments append-only, status by core's
// TicketWorkflow) and activities (visits, calls, notes; append-only). Reps act only for
// customers in their territories; kiosks not at all. Every write is audited and touches the
// change feed of the customer in the same transaction. Writes are idempotent by id, so a
// device's re-sent ticket, comment or activity is taken once.
class ServiceDesk
{
public:
    explicit ServiceDesk(Database &db)
        : m_db(db)
    { }

    static constexpr int MaxSubject = 200;
    static constexpr int MaxText = 10000;

    // Opens a ticket with the given id (a new UUIDv7 when null) and assigns its number. A
    // ticket id that exists already returns that ticket and writes nothing. hlc stamps the
    // status (empty: none).
    Result<Ticket> openTicket(const Actor &actor, Ticket ticket, const QString &hlc = {});
    // Appends a comment (id required; a comment id seen before is ignored).
    Result<Ticket> addComment(const Actor &actor, const QUuid &ticketId,
                              const TicketComment &comment);
    // Moves the ticket by the workflow from its current status at HQ: an ordinary change, or
    // reopen (closed/resolved -> open). Moving to the status it has is a no-op.
    Result<Ticket> changeStatus(const Actor &actor, const QUuid &ticketId, Ticket::Status to,
                                bool reopen, const QString &hlc = {});
    Result<Ticket> findTicket(const QUuid &ticketId);

    // Logs an activity with the given id (new UUIDv7 when null); an existing id returns the
    // stored activity and writes nothing.
    Result<Activity> logActivity(const Actor &actor, Activity activity);
    Result<Activity> findActivity(const QUuid &activityId);

private:
    Result<void> checkCustomer(const Actor &actor, const QUuid &customerId, bool mustBeActive);
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq

#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <QString>
#include <QUuid>
#include <QVariantMap>

namespace karvan {
class LocalStore;
}

namespace karvan::app {

// The rep's writes besides orders: customer master data, tickets and activities. Each is the
// row(s) and its outbox mutation in ONE durable transaction, like OrderService::submit.
//
// For the lead: these belong in core/services next to OrderService (the sync applier at HQ
// must decode the same payloads); they live here until then. Payloads are CBOR maps:
//   customer create|update  {id, fields: {name, phone, email, notes}}
//   ticket create           {id, customer_id, subject, description, priority}
//   ticket comment          {id, ticket_id, body, author, at}
//   ticket status           {id, from, to, reopen}
//   activity create         {id, customer_id, kind, subject, notes, duration_minutes, at}
class FieldWrites
{
public:
    explicit FieldWrites(LocalStore &store, QString author)
        : m_store(store)
        , m_author(std::move(author))
    { }

    // Fields a rep may change: name, phone, email, notes. HQ-only fields are refused.
    Result<void> updateCustomer(const QUuid &id, const QVariantMap &fields);
    Result<QUuid> createCustomer(const QVariantMap &fields, const QString &territory,
                                 const QString &currency);
    Result<QUuid> openTicket(const QUuid &customerId, const QString &subject,
                             const QString &description);
    Result<void> commentTicket(const QUuid &ticketId, const QString &body);
    // An ordinary change by the ticket workflow, or a reopen when `to` is Open from Closed.
    Result<void> changeTicketStatus(const QUuid &ticketId, Ticket::Status to);
    Result<QUuid> logActivity(const QUuid &customerId, Activity::Kind kind, const QString &subject,
                              const QString &notes, int durationMinutes);

private:
    LocalStore &m_store;
    QString m_author;
};

} // namespace karvan::app

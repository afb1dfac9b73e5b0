#pragma once

#include "domain/result.h"
#include "domain/service.h"

#include <QList>
#include <QSqlQuery>
#include <QUuid>

namespace karvan {

class LocalStore;

// Service tickets with their append-only comments. Status changes are checked by
// TicketWorkflow before they reach the store; the store keeps whatever status it is given.
class TicketRepository
{
public:
    explicit TicketRepository(LocalStore &store)
        : m_store(store)
    { }

    // Inserts or replaces the ticket's fields; comments are appended (a comment already stored
    // under the same id is kept as it was: comments never change).
    Result<void> upsert(const Ticket &ticket);
    Result<void> insertMany(const QList<Ticket> &tickets);
    Result<void> addComment(const QUuid &ticketId, const TicketComment &comment);
    Result<Ticket> get(const QUuid &id);
    // Most recently updated first.
    Result<QList<Ticket>> listForCustomer(const QUuid &customerId, int limit = 100);
    // Tickets not resolved or closed, most recently updated first.
    Result<QList<Ticket>> listOpen(int limit = 500);

    static QString priorityName(Ticket::Priority priority);

private:
    Result<void> write(const Ticket &ticket);
    Result<void> writeComment(const QString &ticketId, const TicketComment &comment);
    Result<QList<Ticket>> loadAll(QSqlQuery &query);

    LocalStore &m_store;
};

} // namespace karvan

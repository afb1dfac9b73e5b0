#pragma once

#include "domain/documents.h"
#include "domain/result.h"
#include "store/outboxrepository.h"

#include <QList>
#include <QSqlQuery>
#include <QUuid>

namespace karvan {

class LocalStore;

// Quotes and orders with their lines.
//
// A document is checked before anything is written: it needs an id, a customer, a known
// currency and a date; every line a positive line number (unique), a SKU and a positive
// quantity; every amount in the document's currency. A rejected document writes nothing.
class DocumentRepository
{
public:
    explicit DocumentRepository(LocalStore &store)
        : m_store(store)
    { }

    // Inserts or replaces the document and all its lines.
    Result<void> save(const SalesDocument &document);
    // The document and its outbox mutation in ONE durable transaction: both or neither.
    // Returns the mutation's outbox seq.
    Result<qint64> saveWithOutbox(const SalesDocument &document, const OutboxMutation &mutation);
    // History load: many documents in one transaction, statements reused.
    Result<void> insertMany(const QList<SalesDocument> &documents);

    Result<SalesDocument> get(const QUuid &id);
    // Newest first (date, then creation time). kind filters when given.
    Result<QList<SalesDocument>> listForCustomer(const QUuid &customerId, int limit = 100,
                                                 int offset = 0);
    Result<QList<SalesDocument>> listForCustomer(const QUuid &customerId, SalesDocument::Kind kind,
                                                 int limit = 100, int offset = 0);
    // HQ's decision on a document (confirmed, credit hold, rejected with reason...).
    Result<void> setStatus(const QUuid &id, DocumentStatus status, const QString &reason = {});
    Result<void> remove(const QUuid &id);

    static Result<void> validate(const SalesDocument &document);

private:
    Result<void> write(const SalesDocument &document);
    Result<QList<SalesDocument>> loadAll(QSqlQuery &query);

    LocalStore &m_store;
};

} // namespace karvan

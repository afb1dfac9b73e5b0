#pragma once

#include "domain/customer.h"
#include "domain/result.h"

#include <QList>
#include <QSqlQuery>
#include <QUuid>

namespace karvan {

class LocalStore;

// Customers with their contacts and addresses, and the instant search over them.
//
// Archived customers (HQ archives, never deletes) stay readable by id, so their history still
// shows; search and territory lists leave them out unless asked for them.
class CustomerRepository
{
public:
    enum class Archived { Exclude, Include };

    explicit CustomerRepository(LocalStore &store)
        : m_store(store)
    { }

    // Inserts or replaces the customer (every field, contacts, addresses) and its search row.
    Result<void> upsert(const Customer &customer);
    // Many customers in one transaction with the same prepared statements (initial load).
    Result<void> insertMany(const QList<Customer> &customers);
    Result<Customer> get(const QUuid &id);
    // Removes the customer from this device (scope change, tombstone). NotFound if unknown.
    Result<void> remove(const QUuid &id);

    // Search as you type over name, code, phone, city and contacts, best matches first.
    // Empty text lists customers by name. limit is capped at 500.
    Result<QList<Customer>> search(const QString &text, int limit = 50,
                                   Archived archived = Archived::Exclude);
    Result<QList<Customer>> listByTerritory(const QString &territory, int limit = 500,
                                            int offset = 0, Archived archived = Archived::Exclude);
    Result<qint64> count();

private:
    Result<void> write(const Customer &customer);
    Result<Customer> load(const QSqlQuery &row);
    Result<QList<Customer>> loadAll(QSqlQuery &query);

    LocalStore &m_store;
};

} // namespace karvan

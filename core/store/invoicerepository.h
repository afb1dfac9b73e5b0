#pragma once

#include "domain/documents.h"
#include "domain/result.h"

#include <QList>
#include <QUuid>

namespace karvan {

class LocalStore;

// Invoice history as HQ issued it (the device only reads and stores what the feed sends).
class InvoiceRepository
{
public:
    explicit InvoiceRepository(LocalStore &store)
        : m_store(store)
    { }

    Result<void> upsert(const Invoice &invoice);
    Result<void> insertMany(const QList<Invoice> &invoices);
    Result<Invoice> get(const QUuid &id);
    // Newest first.
    Result<QList<Invoice>> listForCustomer(const QUuid &customerId, int limit = 100,
                                           int offset = 0);
    // Invoices not fully paid, oldest due first (credit and collection views).
    Result<QList<Invoice>> openForCustomer(const QUuid &customerId);

private:
    Result<void> write(const Invoice &invoice);
    Result<QList<Invoice>> list(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

// Payments received, on an invoice or on account.
class PaymentRepository
{
public:
    explicit PaymentRepository(LocalStore &store)
        : m_store(store)
    { }

    Result<void> upsert(const Payment &payment);
    Result<void> insertMany(const QList<Payment> &payments);
    Result<Payment> get(const QUuid &id);
    Result<QList<Payment>> listForCustomer(const QUuid &customerId, int limit = 100,
                                           int offset = 0);

private:
    Result<void> write(const Payment &payment);
    Result<QList<Payment>> list(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

} // namespace karvan

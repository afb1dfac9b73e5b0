#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/inventory.h"
#include "domain/result.h"
#include "domain/service.h"
#include "hlc.h"
#include "protocol/messages.h"

#include <QCborMap>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace karvan {
class LocalStore;
}

namespace karvan::sync {

// Writes server rows (pulled changes, rows that came back with push results) into the
// device's store. Must run inside a LocalStore::transaction the caller opens (one per batch):
// rows are buffered per entity and written with the repositories' bulk paths, so a batch of
// thousands of rows costs one transaction and reuses prepared statements.
//
// Customers are merged field by field (last-writer-wins by HLC against field_versions, the
// stamps of the row's field_hlc); a field HQ never stamped is older than any write, as at HQ,
// and keeps no stamp here either. A field this device (deviceId = its HLC node id) wrote that
// loses to another value becomes a conflict record. Still-pending customer mutations whose HLC wins
// are put back on top (rebase), so the row shows what the rep last wrote until HQ decides
// otherwise.
class RowApplier
{
public:
    struct Counts
    {
        qint64 upserts = 0;
        qint64 tombstones = 0;
        qint64 conflicts = 0;
        qint64 skipped = 0; // entities this device does not keep
    };

    RowApplier(LocalStore &store, QString deviceId);

    Result<void> apply(const RowChange &change);
    // A pulled page: every change in order, then flush(). A row this device cannot read (a newer
    // HQ, data HQ stored unchecked) is skipped, counted in *unreadable and passed to skipped,
    // never allowed to wedge the pull; a storage failure stops at once.
    Result<void> applyPage(const QList<RowChange> &changes, qint64 *unreadable,
                           const std::function<void(const Error &)> &skipped = {});
    // A row HQ returned with a push result. forcedFields: customer fields of a rejected
    // mutation, where HQ's value replaces the device's whatever the stamps say. Buffered like
    // apply(): a push's result rows are written together by flush().
    Result<void> applyResultRow(const QString &entity, const QString &id, const Hlc &hlc,
                                const QCborMap &row, const QStringList &forcedFields = {});
    // Writes what is buffered; call before committing.
    Result<void> flush();

    const Counts &counts() const { return m_counts; }

private:
    struct PendingEdit
    {
        Hlc hlc;
        QCborMap fields;
    };

    Result<void> upsert(const QString &entity, const QString &id, const QCborMap &row,
                        const QStringList &forcedFields);
    Result<void> remove(const QString &entity, const QString &id);
    Result<void> mergeCustomer(const QString &id, const QCborMap &row,
                               const QStringList &forcedFields);
    Result<void> loadPendingEdits();
    Result<void> fillBaseUnits(PriceList &list);
    Result<void> deleteWhere(const QString &sql, const QVariantList &values);

    LocalStore &m_store;
    QString m_deviceId;
    Counts m_counts;

    // The buffer: rows of the current run of one entity, written by flush().
    QString m_runEntity;
    QSet<QString> m_runIds;
    QList<Customer> m_customers;
    QList<Product> m_products;
    QList<SalesDocument> m_documents;
    QList<Invoice> m_invoices;
    QList<Payment> m_payments;
    QList<Ticket> m_tickets;
    QList<Activity> m_activities;
    QList<StockLevel> m_stock;

    std::optional<QHash<QString, QList<PendingEdit>>> m_pendingEdits; // customer id -> edits
};

} // namespace karvan::sync

#pragma once

#include "sessiondata.h"

#include "domain/result.h"
#include "hlc.h"
#include "services/hlcsource.h"
#include "store/localstore.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace karvan::app {

// Lives on the session's worker thread and owns the device's LocalStore there (a LocalStore
// belongs to one thread). Every method runs on that thread only, called from functors the
// DeviceSession posts; none of them touches a QObject of the UI thread.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit StoreWorker(QString path);
    ~StoreWorker() override;

    Result<void> open();
    LocalStore *store() { return m_store.get(); }
    // The device's HLC (sync/hlc.h) as the write services take it; valid while open.
    HlcSource clock();
    QString path() const { return m_path; }
    void close();

    // The id of the newest customer search; an older one still queued is skipped.
    std::atomic<quint64> latestCustomerSearch {0};
    std::atomic<quint64> latestProductSearch {0};

    Result<QList<CustomerSummary>> searchCustomers(const QString &text, const QDate &today);
    Result<QList<ProductSummary>> searchProducts(const QString &text);
    Result<QList<ProductSummary>> productByBarcode(const QString &barcode);
    Result<CustomerDetailData> customerDetail(const QUuid &id, const QDate &today);
    Result<TodayData> today(const QDate &today);
    Result<SyncCounts> syncCounts();
    Result<QList<OutboxMutation>> outbox();
    Result<QList<TicketRow>> openTickets();
    Result<QList<ConflictRow>> conflicts();
    Result<OrderCheckData> checkOrder(const OrderDraft &draft);
    Result<SalesDocument> submitOrder(const OrderDraft &draft);
    // For tools (self-test, screenshots) and tests: a customer with history and two stocked
    // products, so every page has something to show.
    Result<QUuid> sampleCustomer();
    Result<QList<PricingRequest::Line>> sampleLines(int count);

    // sync_state key of this device's HLC node id.
    static inline const QString NodeIdKey = QStringLiteral("device_id");

private:
    Result<QList<ProductSummary>> summarize(const QList<Product> &products);
    Result<void> startClock();

    QString m_path;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::HlcClock> m_clock;
};

} // namespace karvan::app

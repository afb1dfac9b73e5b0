#pragma once

#include "sessiondata.h"

#include "domain/result.h"
#include "engine/syncengine.h"
#include "hlc.h"
#include "services/hlcsource.h"
#include "store/localstore.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace karvan::sync {
class HttpTransport;
}

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

    // --- signing in (storeworkersync.cpp; the rules are sync/engine/devicesignin's, shared
    // with karvan-cli). A sync round runs on a thread of its own (SyncWorker below).

    // Runs job now (kept for the functors DeviceSession posts).
    void run(std::function<void()> job) { job(); }

    // Who is signed in to which HQ (the same sync_state keys as karvan-cli).
    Result<AccountData> account();
    // POST /v1/auth/login; on success stores the token and the device id HQ issued. Another
    // login than the stored one needs an empty outbox, and starts from an empty store.
    Result<AccountData> signIn(const SignInRequest &request);
    // Revokes the device at HQ and forgets the token; refused while changes are unsynced.
    // Returns a warning when HQ could not be told (the token is forgotten anyway with force).
    Result<QString> signOut(bool force);
    // The device's clock, shared with the sync thread (HlcClock is thread-safe): the sync
    // merges HQ's stamps into the same clock local writes are stamped with.
    std::shared_ptr<sync::HlcClock> sharedClock() const { return m_clock; }

    // sync_state keys, shared with karvan-cli (sync/engine/devicesignin.h).
    static inline const QString NodeIdKey = QStringLiteral("device_id");
    static inline const QString ServerUrlKey = QStringLiteral("server_url");
    static inline const QString TokenKey = QStringLiteral("token");
    static inline const QString CaFileKey = QStringLiteral("ca_file");
    static inline const QString LoginKey = QStringLiteral("login");
    static inline const QString RoleKey = QStringLiteral("role");
    static inline const QString TerritoriesKey = QStringLiteral("territories"); // JSON array

private:
    Result<QList<ProductSummary>> summarize(const QList<Product> &products);
    Result<void> startClock();

    QString m_path;
    std::unique_ptr<LocalStore> m_store;
    std::shared_ptr<sync::HlcClock> m_clock;
};

// Runs sync rounds on a thread of its own, on its own connection to the device's store file:
// SQLite's WAL lets the store thread read (a customer search) and commit short writes while
// a long pull writes here, each pulled batch in one short transaction.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    explicit SyncWorker(QString path);
    ~SyncWorker() override;

    struct RoundOptions
    {
        sync::SyncEngine::ProgressFn progress; // called on this thread
        sync::SyncEngine::FaultHook faultHook; // tests: slow down or stop a round
        int pushBatch = 0; // 0: the engine's default
        int pullBatch = 0;
        bool snapshot = true; // a fresh device starts from HQ's bootstrap snapshot
    };
    // One round (push, pull, rebase) with the signed-in session stored in sync_state.
    Result<sync::SyncReport> syncRound(const std::shared_ptr<sync::HlcClock> &clock,
                                       const RoundOptions &options);
    // Closes the connection (on this thread).
    void close();

private:
    QString m_path;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::HttpTransport> m_transport;
    QString m_transportKey; // server, token, CA file of m_transport
};

} // namespace karvan::app

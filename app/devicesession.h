#pragma once

#include "listmodels.h"
#include "ordereditor.h"
#include "sessiondata.h"

#include "domain/result.h"
#include "engine/devicesignin.h"
#include "engine/syncengine.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace karvan {
class LocalStore;
}

namespace karvan::app {

class StoreWorker;
class SyncWorker;

// When automatic sync runs (DeviceSession::setAutoSyncTimings; the app sets them from
// AppSettings). Tests use milliseconds.
struct AutoSyncTimings
{
    qint64 intervalMs = 0; // every so often while signed in; 0: automatic sync off
    int changeDelayMs = 10000; // after a local change is saved (restarted by each change)
    qint64 backoffFirstMs = 30000; // after a failed round, doubling per failure ...
    qint64 backoffMaxMs = 15 * 60 * 1000; // ... up to this
};
// The wait before the next automatic attempt after `failures` failed rounds in a row (>= 1).
qint64 autoSyncBackoffMs(int failures, const AutoSyncTimings &timings);

// The device's data, as QML sees it (singleton `Session`). It owns the LocalStore on a worker
// thread (StoreWorker); every read and write is a functor posted there, and its result comes
// back to this (UI) thread, where the list models are updated. Nothing here blocks the UI
// thread except the *Blocking helpers, which tools and tests use.
//
// Sync runs on a thread of its own (SyncWorker) with its own connection to the store file,
// so searches and saves go on during a long pull; when a round ends, notifyStoreChanged()
// refreshes what is on screen. Automatic sync: at start, every interval, shortly after a local
// change, when the network comes back, with a back-off after failures; never two at once.
class DeviceSession : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY failed)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    // Sign-in and sync (devicesessionsync.cpp).
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY accountChanged)
    Q_PROPERTY(QString account READ account NOTIFY accountChanged) // the signed-in login
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY accountChanged)
    Q_PROPERTY(bool signingIn READ signingIn NOTIFY signingInChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signingInChanged)
    // The English detail under a translated error (smaller line), "" when there is none.
    Q_PROPERTY(QString signInErrorDetail READ signInErrorDetail NOTIFY signingInChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncProgressChanged)
    // A sync round's progress: pushed changes, pulled records and bytes, done / total (a total
    // of 0 is not known yet); progress is 0..1, or -1 while it cannot be estimated.
    Q_PROPERTY(QString syncPhase READ syncPhase NOTIFY syncProgressChanged)
    Q_PROPERTY(double changesDone READ changesDone NOTIFY syncProgressChanged)
    Q_PROPERTY(double changesTotal READ changesTotal NOTIFY syncProgressChanged)
    Q_PROPERTY(double recordsDone READ recordsDone NOTIFY syncProgressChanged)
    Q_PROPERTY(double recordsTotal READ recordsTotal NOTIFY syncProgressChanged)
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY syncProgressChanged)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY syncProgressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY syncProgressChanged)
    Q_PROPERTY(QString recordsText READ recordsText NOTIFY syncProgressChanged)
    Q_PROPERTY(QString bytesText READ bytesText NOTIFY syncProgressChanged)
    Q_PROPERTY(QString syncError READ syncError NOTIFY syncProgressChanged)
    Q_PROPERTY(QString syncErrorDetail READ syncErrorDetail NOTIFY syncProgressChanged)
    // sync::syncFailureName of the last failure ("connection_refused", ...), "" after success.
    Q_PROPERTY(QString syncErrorCode READ syncErrorCode NOTIFY syncProgressChanged)
    // Automatic sync: "Next automatic sync at 14:05", "Automatic sync off", or "" (signed out).
    Q_PROPERTY(QString autoSyncText READ autoSyncText NOTIFY autoSyncChanged)
    Q_PROPERTY(QDateTime nextAutoSync READ nextAutoSync NOTIFY autoSyncChanged)
    Q_PROPERTY(int autoSyncFailures READ autoSyncFailures NOTIFY autoSyncChanged)
    Q_PROPERTY(int autoSyncRounds READ autoSyncRounds NOTIFY autoSyncChanged)
    Q_PROPERTY(QString syncSummary READ syncSummary NOTIFY syncProgressChanged)
    Q_PROPERTY(CustomerListModel *customers READ customers CONSTANT)
    Q_PROPERTY(ProductListModel *products READ products CONSTANT)
    Q_PROPERTY(AlertListModel *alerts READ alerts CONSTANT)
    Q_PROPERTY(VisitListModel *visits READ visits CONSTANT)
    Q_PROPERTY(OutboxListModel *outbox READ outbox CONSTANT)
    Q_PROPERTY(TicketListModel *tickets READ tickets CONSTANT)
    Q_PROPERTY(ConflictListModel *conflicts READ conflicts CONSTANT)
    Q_PROPERTY(OrderEditor *order READ order CONSTANT)
    Q_PROPERTY(QVariantMap customer READ customer NOTIFY customerChanged)
    Q_PROPERTY(QString customerQuery READ customerQuery NOTIFY customersSearched)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY syncCountsChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY syncCountsChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY syncCountsChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY syncCountsChanged)
    Q_PROPERTY(QString todayText READ todayText NOTIFY syncCountsChanged)

public:
    // path: the device store (created and migrated if needed). The store opens on start().
    explicit DeviceSession(const QString &path, QString userName, QObject *parent = nullptr);
    ~DeviceSession() override;

    static DeviceSession *instance();
    static DeviceSession *create(QQmlEngine *engine, QJSEngine *);

    void start();
    void setToday(const QDate &today) { m_today = today; } // the business date (tests, demo)
    QDate today() const { return m_today; }
    void setSearchDebounceMs(int ms) { m_searchTimer.setInterval(ms); }

    bool ready() const { return m_ready; }
    bool busy() const { return m_inFlight > 0 || m_searchTimer.isActive(); }
    QString lastError() const { return m_lastError; }
    QString userName() const { return m_userName; }
    CustomerListModel *customers() const { return m_customers; }
    ProductListModel *products() const { return m_products; }
    AlertListModel *alerts() const { return m_alerts; }
    VisitListModel *visits() const { return m_visits; }
    OutboxListModel *outbox() const { return m_outbox; }
    TicketListModel *tickets() const { return m_tickets; }
    ConflictListModel *conflicts() const { return m_conflicts; }
    OrderEditor *order() const { return m_order; }
    QVariantMap customer() const { return m_customer; }
    QString customerQuery() const { return m_customerQuery; }
    int pendingCount() const { return int(m_sync.pending); }
    int rejectedCount() const { return int(m_sync.rejected); }
    int conflictCount() const { return int(m_sync.conflicts); }
    QString lastSync() const;
    QString todayText() const;

    bool signedIn() const { return m_account.signedIn; }
    QString account() const { return m_account.login; }
    QString serverUrl() const { return m_account.server; }
    bool signingIn() const { return m_signingIn; }
    QString signInError() const { return m_signInError; }
    bool syncing() const { return m_syncing; }
    QString syncPhase() const { return m_syncPhase; }
    double changesDone() const { return double(m_progress.mutationsDone); }
    double changesTotal() const { return double(m_progress.mutationsTotal); }
    double recordsDone() const { return double(m_progress.recordsDone); }
    double recordsTotal() const { return double(m_progress.recordsTotal); }
    double bytesDone() const { return double(m_progress.bytesDone); }
    double bytesTotal() const { return double(m_progress.bytesTotal); }
    double progress() const;
    QString recordsText() const;
    QString bytesText() const;
    QString syncError() const { return m_syncError; }
    QString syncErrorDetail() const { return m_syncErrorDetail; }
    QString syncErrorCode() const { return m_syncErrorCode; }
    QString signInErrorDetail() const { return m_signInErrorDetail; }
    QString autoSyncText() const;
    QDateTime nextAutoSync() const { return m_nextAutoSync; }
    int autoSyncFailures() const { return m_autoFailures; }
    int autoSyncRounds() const { return m_autoRounds; } // automatic rounds started
    void setAutoSyncTimings(const AutoSyncTimings &timings);
    AutoSyncTimings autoSyncTimings() const { return m_autoTimings; }
    // Every N minutes (0: automatic sync off); the other timings keep their defaults.
    void setAutoSyncMinutes(int minutes);
    // Tests: slow down or stop a round (SyncEngine::setFaultHook, called on the sync thread)
    // and small batches, so a round lasts.
    void setSyncFaultHook(sync::SyncEngine::FaultHook hook) { m_faultHook = std::move(hook); }
    void setSyncBatchSizes(int push, int pull)
    {
        m_pushBatch = push;
        m_pullBatch = pull;
    }
    // Tests: a fresh device pulls page by page instead of installing HQ's bootstrap snapshot.
    void setSyncSnapshotEnabled(bool enabled) { m_snapshot = enabled; }
    // The sentence shown for a kind of failure, in the user's language.
    static QString syncFailureText(sync::SyncFailure failure);
    // The same by its name (sync::syncFailureName), for QML and tests; "" for an unknown name.
    Q_INVOKABLE QString syncFailureSentence(const QString &code) const;
    QString syncSummary() const;
    sync::SyncReport lastReport() const { return m_report; }

    // Signs in to HQ (on the store thread), then runs the initial sync. The password is sent
    // once and never stored; HQ's token is.
    Q_INVOKABLE void signIn(const QString &server, const QString &login, const QString &password,
                            const QString &caFile = {});
    // Refused while changes are waiting to sync; HQ revokes this device's token.
    Q_INVOKABLE void signOut();
    // One sync round now (ignored while one runs). syncFinished tells how it went.
    Q_INVOKABLE void syncNow();

    // Search as you type: restarts a short debounce; a result older than the newest request
    // is dropped, and a request that is no longer the newest when the worker reaches it is
    // skipped.
    Q_INVOKABLE void searchCustomers(const QString &text);
    Q_INVOKABLE void searchProducts(const QString &text);
    Q_INVOKABLE void lookupBarcode(const QString &barcode);
    Q_INVOKABLE void openCustomer(const QString &id);
    Q_INVOKABLE void saveCustomer(const QVariantMap &fields);
    Q_INVOKABLE void createCustomer(const QVariantMap &fields);
    Q_INVOKABLE void refreshToday();
    Q_INVOKABLE void refreshSync();
    Q_INVOKABLE void refreshTickets();
    Q_INVOKABLE void openTicket(const QString &customerId, const QString &subject,
                                const QString &description);
    Q_INVOKABLE void commentTicket(const QString &ticketId, const QString &body);
    Q_INVOKABLE void changeTicketStatus(const QString &ticketId, const QString &status);
    // The explicit reopen of a closed or resolved ticket (changeTicketStatus never leaves
    // Closed).
    Q_INVOKABLE void reopenTicket(const QString &ticketId);
    Q_INVOKABLE void logActivity(const QString &customerId, const QString &kind,
                                 const QString &subject, const QString &notes, int minutes);
    Q_INVOKABLE void discardRejected(int seq);
    // Conflict review (devicesessionconflicts.cpp): the unresolved conflicts, and the rep's
    // two answers. Re-apply mine is a new customer edit with a fresh HLC.
    Q_INVOKABLE void refreshConflicts();
    Q_INVOKABLE void keepTheirs(const QString &conflictId);
    Q_INVOKABLE void reapplyMine(const QString &conflictId);
    Q_INVOKABLE QString statusLabel(const QString &workflowName) const;
    // An order's or quote's status in the user's language ("Confirmed", "Credit hold").
    static QString documentStatusLabel(DocumentStatus status);

    // Runs work on the store thread; done (optional) gets its result back on this thread.
    template<typename T>
    void post(std::function<T(StoreWorker &)> work, std::function<void(T)> done)
    {
        ++m_inFlight;
        if (m_inFlight == 1)
            Q_EMIT busyChanged();
        QPointer<DeviceSession> self(this);
        QMetaObject::invokeMethod(
            workerObject(),
            [self, worker = m_worker.get(), work = std::move(work), done = std::move(done)] {
                runOnWorker(*worker, [self, worker, work, done] {
                    T result = work(*worker);
                    if (!self)
                        return;
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, done, result = std::move(result)] {
                            if (!self)
                                return;
                            if (done)
                                done(result);
                            self->finishRequest();
                        },
                        Qt::QueuedConnection);
                });
            },
            Qt::QueuedConnection);
    }

    // For sync: plain store work on the store thread.
    void postToStore(std::function<void(LocalStore &)> work);
    Q_INVOKABLE void notifyStoreChanged();

    // Tools and tests only: run on the store thread and wait.
    Result<QUuid> sampleCustomerBlocking();
    QList<PricingRequest::Line> sampleLinesBlocking(int count);
    bool waitUntilIdle(int timeoutMs);
    // {customers, products, orders, tickets (open)}: what the device holds.
    QVariantMap storeSummaryBlocking();

Q_SIGNALS:
    void readyChanged();
    void busyChanged();
    void customerChanged();
    void customersSearched();
    void productsSearched();
    void barcodeNotFound(const QString &barcode);
    void syncCountsChanged();
    void saved();
    void customerCreated(const QString &id);
    void failed(const QString &message);
    void accountChanged();
    void signingInChanged();
    void signInFinished(bool ok, const QString &message);
    void signedOut(const QString &warning);
    void syncProgressChanged();
    void syncFinished(bool ok, const QString &message);
    void autoSyncChanged();

private:
    QObject *workerObject() const;
    // StoreWorker::run: now, or after the sync round under way (storeworker.h).
    static void runOnWorker(StoreWorker &worker, std::function<void()> job);
    void finishRequest();
    void runCustomerSearch();
    void reportError(const Error &error);
    void setProducts(const QList<ProductSummary> &products);
    void afterWrite(const Result<void> &result);
    void setConflicts(const QList<ConflictRow> &rows);
    void refreshFormatted(); // language or calendar changed: rebuild the formatted rows
    QVariantMap formatCustomer(const CustomerDetailData &d) const;
    void refreshAccount();
    void setProgress(const sync::SyncProgressReport &report);
    void finishRound(const Result<sync::SyncReport> &result);
    void scheduleAutoSync(qint64 delayMs);
    void rescheduleAutoSync();
    void autoSync(); // an automatic round, when one may run
    void localChangeSaved();
    void watchNetwork();

    QString m_path;
    QString m_userName;
    QThread m_thread;
    std::unique_ptr<StoreWorker> m_worker;
    int m_inFlight = 0;
    bool m_ready = false;
    QString m_lastError;
    QDate m_today = QDate::currentDate();

    CustomerListModel *m_customers;
    ProductListModel *m_products;
    AlertListModel *m_alerts;
    VisitListModel *m_visits;
    OutboxListModel *m_outbox;
    TicketListModel *m_tickets;
    ConflictListModel *m_conflicts;
    OrderEditor *m_order;

    QTimer m_searchTimer;
    QString m_customerQuery;
    QString m_pendingCustomerQuery;
    quint64 m_customerRequest = 0;
    quint64 m_productRequest = 0;
    QString m_productQuery;
    QUuid m_customerId;
    QVariantMap m_customer;
    std::optional<CustomerDetailData> m_customerData;
    SyncCounts m_sync;

    AccountData m_account;
    bool m_signingIn = false;
    QString m_signInError;
    bool m_syncing = false;
    QString m_syncPhase; // "push", "pull", "rebase", "done", "" (idle)
    sync::SyncProgressReport m_progress;
    sync::SyncReport m_report;
    bool m_hasReport = false;
    QString m_syncError;
    QString m_syncErrorDetail;
    QString m_syncErrorCode;
    QString m_signInErrorDetail;

    QThread m_syncThread;
    std::unique_ptr<SyncWorker> m_syncWorker;
    sync::SyncEngine::FaultHook m_faultHook;
    int m_pushBatch = 0;
    int m_pullBatch = 0;
    bool m_snapshot = true;
    AutoSyncTimings m_autoTimings;
    QTimer m_autoTimer; // the next periodic or back-off attempt
    QTimer m_changeTimer; // a local change was saved: sync shortly
    QDateTime m_nextAutoSync;
    int m_autoFailures = 0;
    int m_autoRounds = 0;
    bool m_changedDuringSync = false;
    bool m_startSyncDone = false;
    qint64 m_lastPending = -1;
};

} // namespace karvan::app

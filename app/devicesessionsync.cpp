// DeviceSession: sign-in, sign-out and sync with karvan-hq. The work runs on the store thread
// (StoreWorker); progress and results come back here, and a finished round refreshes every
// list on screen (customers, orders with HQ's status, the outbox).

#include "devicesession.h"

#include "formatter.h"
#include "storeworker.h"

#include <QNetworkInformation>

#include <algorithm>
#include <limits>
#include <utility>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

QString phaseName(sync::SyncProgressReport::Phase phase)
{
    switch (phase) {
    case sync::SyncProgressReport::Phase::Push:
        return u"push"_s;
    case sync::SyncProgressReport::Phase::Pull:
        return u"pull"_s;
    case sync::SyncProgressReport::Phase::Rebase:
        return u"rebase"_s;
    case sync::SyncProgressReport::Phase::Done:
        return u"done"_s;
    }
    return QString();
}

QString megabytes(qint64 bytes)
{
    return DeviceSession::tr("%1 MB").arg(
        Formatter::instance()->decimal(double(bytes) / (1024.0 * 1024.0), 1));
}

} // namespace

void DeviceSession::runOnWorker(StoreWorker &worker, std::function<void()> job)
{
    worker.run(std::move(job));
}

void DeviceSession::refreshAccount()
{
    post<Result<AccountData>>([](StoreWorker &w) { return w.account(); },
                              [this](Result<AccountData> r) {
                                  if (!r)
                                      return reportError(r.error());
                                  m_account = *r;
                                  if (!m_account.login.isEmpty())
                                      m_userName = m_account.login;
                                  Q_EMIT accountChanged();
                                  const bool starting = !std::exchange(m_startSyncDone, true);
                                  // The app starts signed in: sync now.
                                  if (starting && m_account.signedIn
                                      && m_autoTimings.intervalMs > 0)
                                      scheduleAutoSync(0);
                                  else
                                      rescheduleAutoSync();
                              });
}

void DeviceSession::signIn(const QString &server, const QString &login, const QString &password,
                           const QString &caFile)
{
    if (m_signingIn)
        return;
    if (m_syncing) {
        m_signInError = syncFailureText(sync::SyncFailure::Busy);
        m_signInErrorDetail.clear();
        Q_EMIT signingInChanged();
        Q_EMIT signInFinished(false, m_signInError);
        return;
    }
    m_signingIn = true;
    m_signInError.clear();
    m_signInErrorDetail.clear();
    Q_EMIT signingInChanged();
    SignInRequest request {server, login, password, caFile, {}};
    post<Result<AccountData>>(
        [request](StoreWorker &w) {
            if (!w.store())
                return Result<AccountData>(
                    makeError(ErrorCode::Storage, StoreWorker::tr("The device store is not open")));
            return w.signIn(request);
        },
        [this](Result<AccountData> r) {
            m_signingIn = false;
            if (!r) {
                const sync::SyncFailure failure = sync::classifySyncError(r.error());
                const QString sentence = syncFailureText(failure);
                m_signInError = sentence.isEmpty() ? r.errorMessage() : sentence;
                m_signInErrorDetail = sentence.isEmpty() ? QString() : r.errorMessage();
                Q_EMIT signingInChanged();
                Q_EMIT signInFinished(false, m_signInError);
                return;
            }
            m_account = *r;
            m_userName = m_account.login;
            m_autoFailures = 0;
            Q_EMIT accountChanged();
            Q_EMIT signingInChanged();
            Q_EMIT signInFinished(true, QString());
            // Another user's rows may have been wiped: show what is there, then fetch.
            notifyStoreChanged();
            syncNow();
        });
}

void DeviceSession::signOut()
{
    if (m_syncing || m_signingIn)
        return;
    post<Result<QString>>(
        [](StoreWorker &w) {
            if (!w.store())
                return Result<QString>(
                    makeError(ErrorCode::Storage, StoreWorker::tr("The device store is not open")));
            return w.signOut(false);
        },
        [this](Result<QString> r) {
            if (!r) {
                const sync::SyncFailure failure = sync::classifySyncError(r.error());
                // The unsynced refusal is already the app's own sentence (with the count).
                const QString sentence
                    = failure == sync::SyncFailure::Unsynced ? QString() : syncFailureText(failure);
                m_signInError = sentence.isEmpty() ? r.errorMessage() : sentence;
                m_signInErrorDetail = sentence.isEmpty() ? QString() : r.errorMessage();
                Q_EMIT signingInChanged();
                return reportError(r.error());
            }
            m_signInError.clear();
            m_signInErrorDetail.clear();
            m_account.signedIn = false;
            m_autoTimer.stop();
            m_changeTimer.stop();
            Q_EMIT signingInChanged();
            Q_EMIT accountChanged();
            rescheduleAutoSync();
            Q_EMIT signedOut(*r);
        });
}

void DeviceSession::syncNow()
{
    if (m_syncing || !m_ready)
        return;
    m_syncing = true;
    m_progress = {};
    m_syncPhase = u"push"_s;
    Q_EMIT syncProgressChanged();
    QPointer<DeviceSession> self(this);
    // Progress arrives on the sync thread; it is shown on this one.
    SyncWorker::RoundOptions options;
    options.progress = [self](const sync::SyncProgressReport &p) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, p] {
                if (self)
                    self->setProgress(p);
            },
            Qt::QueuedConnection);
    };
    options.faultHook = m_faultHook;
    options.pushBatch = m_pushBatch;
    options.pullBatch = m_pullBatch;
    options.snapshot = m_snapshot;
    // The clock comes from the store thread (it changes only at sign-in and sign-out, which
    // wait for the round); the round runs on the sync thread, so searches and saves on the
    // store thread go on meanwhile.
    post<std::shared_ptr<sync::HlcClock>>(
        [](StoreWorker &w) { return w.sharedClock(); },
        [self, options, worker = m_syncWorker.get()](std::shared_ptr<sync::HlcClock> clock) {
            QMetaObject::invokeMethod(
                worker,
                [self, options, worker, clock] {
                    Result<sync::SyncReport> report = worker->syncRound(clock, options);
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, report] {
                            if (self)
                                self->finishRound(report);
                        },
                        Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
        });
}

void DeviceSession::finishRound(const Result<sync::SyncReport> &r)
{
    m_syncing = false;
    m_syncPhase.clear();
    if (!r) {
        const sync::SyncFailure failure = sync::classifySyncError(r.error());
        const QString sentence = syncFailureText(failure);
        m_syncError = sentence.isEmpty() ? r.errorMessage() : sentence;
        m_syncErrorDetail = sentence.isEmpty() ? QString() : r.errorMessage();
        m_syncErrorCode = sync::syncFailureName(failure);
        ++m_autoFailures;
        rescheduleAutoSync(); // the back-off (again after the account is re-read)
        Q_EMIT syncProgressChanged();
        Q_EMIT syncFinished(false, m_syncError);
        // A revoked device was wiped: show that too.
        refreshAccount();
        notifyStoreChanged();
        return;
    }
    m_syncError.clear();
    m_syncErrorDetail.clear();
    m_syncErrorCode.clear();
    m_autoFailures = 0;
    m_report = *r;
    m_hasReport = true;
    Q_EMIT syncProgressChanged();
    Q_EMIT syncFinished(true, syncSummary());
    notifyStoreChanged();
    rescheduleAutoSync();
    if (std::exchange(m_changedDuringSync, false) && m_autoTimings.intervalMs > 0)
        m_changeTimer.start(m_autoTimings.changeDelayMs);
}

// --- automatic sync

qint64 autoSyncBackoffMs(int failures, const AutoSyncTimings &timings)
{
    qint64 delay = qMax<qint64>(1, timings.backoffFirstMs);
    for (int i = 1; i < failures && delay < timings.backoffMaxMs; ++i)
        delay *= 2;
    return qMin(delay, qMax<qint64>(1, timings.backoffMaxMs));
}

void DeviceSession::setAutoSyncTimings(const AutoSyncTimings &timings)
{
    m_autoTimings = timings;
    if (m_autoTimings.intervalMs <= 0) {
        m_changeTimer.stop();
        m_changedDuringSync = false;
    }
    rescheduleAutoSync();
}

void DeviceSession::setAutoSyncMinutes(int minutes)
{
    AutoSyncTimings timings = m_autoTimings;
    timings.intervalMs = qint64(qBound(0, minutes, 24 * 60)) * 60 * 1000;
    setAutoSyncTimings(timings);
}

void DeviceSession::scheduleAutoSync(qint64 delayMs)
{
    delayMs = std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max());
    m_nextAutoSync = QDateTime::currentDateTime().addMSecs(delayMs);
    m_autoTimer.start(int(delayMs));
    Q_EMIT autoSyncChanged();
}

// After a round, a sign-in or out, or a change of the interval: the next periodic attempt,
// or the back-off after failures; nothing while signed out or with automatic sync off.
void DeviceSession::rescheduleAutoSync()
{
    if (!m_account.signedIn || m_autoTimings.intervalMs <= 0) {
        m_autoTimer.stop();
        m_nextAutoSync = {};
        Q_EMIT autoSyncChanged();
        return;
    }
    if (m_syncing)
        return; // the round's end reschedules
    scheduleAutoSync(m_autoFailures > 0 ? autoSyncBackoffMs(m_autoFailures, m_autoTimings)
                                        : m_autoTimings.intervalMs);
}

void DeviceSession::autoSync()
{
    if (!m_account.signedIn || m_autoTimings.intervalMs <= 0)
        return;
    if (m_syncing || m_signingIn || !m_ready) {
        // Never two rounds at once: this one's end schedules the next.
        m_changedDuringSync = true;
        return;
    }
    m_changeTimer.stop();
    m_autoTimer.stop();
    ++m_autoRounds;
    Q_EMIT autoSyncChanged();
    syncNow();
}

void DeviceSession::localChangeSaved()
{
    if (!m_account.signedIn || m_autoTimings.intervalMs <= 0)
        return;
    if (m_syncing) {
        m_changedDuringSync = true;
        return;
    }
    // While backing off after failures the back-off timer decides (HQ is down or refusing).
    if (m_autoFailures > 0)
        return;
    m_changeTimer.start(m_autoTimings.changeDelayMs);
}

void DeviceSession::watchNetwork()
{
    // Reachability needs a backend (NetworkManager on Linux, the OS on Android and iOS);
    // without one the periodic timer and its back-off cover a network that comes back.
    if (!QNetworkInformation::instance()
        && !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability != QNetworkInformation::Reachability::Online)
                    return;
                // Back online: try now, whatever the back-off said.
                if (m_account.signedIn && m_autoTimings.intervalMs > 0)
                    scheduleAutoSync(0);
            });
}

QString DeviceSession::autoSyncText() const
{
    if (!m_account.signedIn)
        return QString();
    if (m_autoTimings.intervalMs <= 0)
        return tr("Automatic sync off");
    if (!m_nextAutoSync.isValid() || m_syncing)
        return QString();
    return tr("Next automatic sync at %1").arg(Formatter::instance()->dateTime(m_nextAutoSync));
}

QString DeviceSession::syncFailureText(sync::SyncFailure failure)
{
    using F = sync::SyncFailure;
    switch (failure) {
    case F::Other:
        return QString();
    case F::InvalidServer:
        return tr("The server must be an address like https://hq.example.com:8443");
    case F::PlainHttp:
        return tr("A password is never sent over plain http to another machine: use https");
    case F::CaFile:
        return tr("The certificate file cannot be read or holds no certificate");
    case F::ConnectionRefused:
        return tr("HQ's server refused the connection: it may be down or the address wrong");
    case F::HostNotFound:
        return tr("HQ's server was not found: check the address and the network");
    case F::Timeout:
        return tr("HQ did not answer in time: check the network and try again");
    case F::Network:
        return tr("The connection to HQ broke: check the network and try again");
    case F::TlsUntrusted:
        return tr("HQ's certificate is not trusted: choose HQ's certificate file (CA) in "
                  "Settings");
    case F::Tls:
        return tr("A secure connection to HQ could not be made: check the address and the "
                  "device's date");
    case F::WrongPassword:
        return tr("Wrong login or password");
    case F::NotSignedIn:
        return tr("Sign in to sync (Settings)");
    case F::TokenRejected:
        return tr("HQ no longer accepts this device's sign-in: sign in again");
    case F::Revoked:
        return tr("HQ revoked this device; its local data was removed. Sign in again.");
    case F::ServerError:
        return tr("HQ's server had a problem: try again later");
    case F::Refused:
        return tr("HQ refused the request");
    case F::Protocol:
        return tr("HQ's answer could not be understood: the app may need an update");
    case F::Unsynced:
        return tr("Changes by another user on this device are not synced yet: sign in as "
                  "that user and sync first");
    case F::Busy:
        return tr("A sync is already running");
    }
    return QString();
}

QString DeviceSession::syncFailureSentence(const QString &code) const
{
    for (sync::SyncFailure f : sync::allSyncFailures()) {
        if (sync::syncFailureName(f) == code)
            return syncFailureText(f);
    }
    return QString();
}

void DeviceSession::setProgress(const sync::SyncProgressReport &report)
{
    if (!m_syncing)
        return; // a late report of a finished round
    m_progress = report;
    m_syncPhase = phaseName(report.phase);
    Q_EMIT syncProgressChanged();
}

double DeviceSession::progress() const
{
    if (!m_syncing)
        return m_hasReport && m_syncError.isEmpty() ? 1.0 : 0.0;
    using Phase = sync::SyncProgressReport::Phase;
    switch (m_progress.phase) {
    case Phase::Push:
        return m_progress.mutationsTotal > 0
            ? double(m_progress.mutationsDone) / double(m_progress.mutationsTotal)
            : -1.0;
    case Phase::Pull:
        if (m_progress.recordsTotal > 0)
            return qBound(0.0, double(m_progress.recordsDone) / double(m_progress.recordsTotal),
                          1.0);
        if (m_progress.bytesTotal > 0)
            return qBound(0.0, double(m_progress.bytesDone) / double(m_progress.bytesTotal), 1.0);
        return -1.0;
    case Phase::Rebase:
    case Phase::Done:
        return 1.0;
    }
    return -1.0;
}

QString DeviceSession::recordsText() const
{
    Formatter *f = Formatter::instance();
    if (m_progress.recordsTotal > 0)
        return tr("%1 / %2 records")
            .arg(f->number(m_progress.recordsDone), f->number(m_progress.recordsTotal));
    return tr("%1 records").arg(f->number(m_progress.recordsDone));
}

QString DeviceSession::bytesText() const
{
    if (m_progress.bytesTotal > 0)
        return tr("%1 / %2").arg(megabytes(m_progress.bytesDone), megabytes(m_progress.bytesTotal));
    return megabytes(m_progress.bytesDone);
}

QString DeviceSession::syncSummary() const
{
    if (!m_hasReport)
        return QString();
    Formatter *f = Formatter::instance();
    return tr("Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts")
        .arg(f->number(m_report.pushed), f->number(m_report.rejected), f->number(m_report.pulled),
             f->number(m_report.conflicts));
}

QVariantMap DeviceSession::storeSummaryBlocking()
{
    QVariantMap out;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [&] {
            StoreWorker &w = *m_worker;
            if (!w.store())
                return;
            {
                for (const auto &[key, sql] :
                     {std::pair {u"customers"_s,
                                 u"SELECT count(*) FROM customers WHERE archived = 0"_s},
                      std::pair {u"products"_s, u"SELECT count(*) FROM products"_s},
                      std::pair {u"orders"_s,
                                 u"SELECT count(*) FROM sales_documents WHERE kind = 'order'"_s},
                      std::pair {u"tickets"_s,
                                 u"SELECT count(*) FROM tickets WHERE status NOT IN "
                                 "('resolved', 'closed')"_s}}) {
                    if (auto n = w.store()->scalar(sql))
                        out.insert(key, n->toLongLong());
                }
            }
        },
        Qt::BlockingQueuedConnection);
    return out;
}

} // namespace karvan::app

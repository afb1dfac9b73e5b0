// DeviceSession: sign-in, sign-out and sync with karvan-hq. The work runs on the store thread
// (StoreWorker); progress and results come back here, and a finished round refreshes every
// list on screen (customers, orders with HQ's status, the outbox).

#include "devicesession.h"

#include "formatter.h"
#include "storeworker.h"

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
                              });
}

void DeviceSession::signIn(const QString &server, const QString &login, const QString &password,
                           const QString &caFile)
{
    if (m_signingIn || m_syncing)
        return;
    m_signingIn = true;
    m_signInError.clear();
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
                m_signInError = r.errorMessage();
                Q_EMIT signingInChanged();
                Q_EMIT signInFinished(false, m_signInError);
                return;
            }
            m_account = *r;
            m_userName = m_account.login;
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
                m_signInError = r.errorMessage();
                Q_EMIT signingInChanged();
                return reportError(r.error());
            }
            m_signInError.clear();
            m_account.signedIn = false;
            Q_EMIT signingInChanged();
            Q_EMIT accountChanged();
            Q_EMIT signedOut(*r);
        });
}

void DeviceSession::syncNow()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_syncError.clear();
    m_progress = {};
    m_syncPhase = u"push"_s;
    Q_EMIT syncProgressChanged();
    QPointer<DeviceSession> self(this);
    // Progress arrives on the store thread; it is shown on this one.
    auto progress = [self](const sync::SyncProgressReport &p) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, p] {
                if (self)
                    self->setProgress(p);
            },
            Qt::QueuedConnection);
    };
    post<Result<sync::SyncReport>>(
        [progress](StoreWorker &w) {
            if (!w.store())
                return Result<sync::SyncReport>(
                    makeError(ErrorCode::Storage, StoreWorker::tr("The device store is not open")));
            return w.syncRound(progress);
        },
        [this](Result<sync::SyncReport> r) {
            m_syncing = false;
            m_syncPhase.clear();
            if (!r) {
                m_syncError = r.errorMessage();
                Q_EMIT syncProgressChanged();
                Q_EMIT syncFinished(false, m_syncError);
                // A revoked device was wiped: show that too.
                refreshAccount();
                notifyStoreChanged();
                return;
            }
            m_report = *r;
            m_hasReport = true;
            Q_EMIT syncProgressChanged();
            Q_EMIT syncFinished(true, syncSummary());
            notifyStoreChanged();
        });
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
            if (w.syncing() || !w.store())
                return; // delivered while a round waits for HQ: the store is the engine's
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

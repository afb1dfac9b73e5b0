#include "sync/pushcommitter.h"

#include "storage/database.h"
#include "sync/mutationapplier.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QWaitCondition>

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

std::atomic<quint64> g_commits {0};
std::atomic<quint64> g_pushes {0};
std::atomic<quint64> g_mutations {0};

int gatherMs()
{
    static const int ms
        = std::clamp(qEnvironmentVariableIntValue("KARVAN_HQ_PUSH_GATHER_MS"), 0, 1000);
    return ms;
}

struct Job
{
    const Caller *caller = nullptr;
    const karvan::sync::PushRequest *request = nullptr;
    std::optional<Result<karvan::sync::PushResponse>> result;
};

class Committer
{
public:
    explicit Committer(Database &db)
        : m_db(db)
        , m_thread([this]() { run(); })
    { }

    ~Committer() { shutdown(); }

    // Applies what is queued, then ends the thread; later submits are refused.
    void shutdown()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_stopping = true;
            m_wake.wakeAll();
        }
        if (m_thread.joinable())
            m_thread.join();
    }

    Result<karvan::sync::PushResponse> submit(const Caller &caller,
                                              const karvan::sync::PushRequest &request)
    {
        Job job {&caller, &request, std::nullopt};
        QMutexLocker lock(&m_mutex);
        if (m_stopping)
            return makeError(ErrorCode::Storage, u"HQ is stopping; the push was not applied"_s);
        m_queue.push_back(&job);
        m_wake.wakeOne();
        while (!job.result)
            m_done.wait(&m_mutex);
        return std::move(*job.result);
    }

private:
    void run()
    {
#ifdef Q_OS_LINUX
        ::prctl(PR_SET_NAME, "hq-commit");
#endif
        for (;;) {
            std::vector<Job *> batch;
            {
                QMutexLocker lock(&m_mutex);
                while (m_queue.empty() && !m_stopping)
                    m_wake.wait(&m_mutex);
                if (m_queue.empty())
                    return; // stopping, and every submitted push has its result
                if (const int gather = gatherMs(); gather > 0 && !m_stopping) {
                    QDeadlineTimer deadline(gather);
                    while (m_queue.size() < size_t(PushCommitter::MaxPushesPerBatch) && !m_stopping
                           && m_wake.wait(&m_mutex, deadline)) { }
                }
                qsizetype mutations = 0;
                while (!m_queue.empty() && batch.size() < PushCommitter::MaxPushesPerBatch) {
                    const qsizetype next = m_queue.front()->request->mutations.size();
                    if (!batch.empty() && mutations + next > PushCommitter::MaxMutationsPerBatch)
                        break;
                    mutations += next;
                    batch.push_back(m_queue.front());
                    m_queue.pop_front();
                }
            }
            applyBatch(batch);
            QMutexLocker lock(&m_mutex);
            m_done.wakeAll();
        }
    }

    // Results are written under the mutex after the commit: a waiting thread sees its result
    // only once the batch's transaction has ended.
    void applyBatch(const std::vector<Job *> &batch)
    {
        // An exception is a failed push, never the end of the process: on request workers
        // HqServer::dispatch catches them; this thread catches its own.
        const auto failure = [](const char *what) {
            return makeError(ErrorCode::Storage,
                             u"the push failed: "_s + QString::fromLocal8Bit(what));
        };
        std::vector<std::optional<Result<karvan::sync::PushResponse>>> results(batch.size());
        Result<void> whole;
        try {
            whole = m_db.transaction([&]() -> Result<void> {
                for (size_t i = 0; i < batch.size(); ++i) {
                    // Nested in the batch's transaction: the push's own transaction is a
                    // savepoint, rolled back alone when it fails (or throws).
                    try {
                        results[i]
                            = MutationApplier(m_db).apply(*batch[i]->caller, *batch[i]->request);
                    } catch (const std::exception &e) {
                        results[i] = Result<karvan::sync::PushResponse>(failure(e.what()));
                    } catch (...) {
                        results[i]
                            = Result<karvan::sync::PushResponse>(failure("unknown exception"));
                    }
                    if (!*results[i] && Database::isTransientConflict(results[i]->error()))
                        return results[i]->error(); // the whole batch again (Database::transaction)
                }
                return {};
            });
        } catch (const std::exception &e) {
            whole = failure(e.what());
        } catch (...) {
            whole = failure("unknown exception");
        }
        if (whole) {
            g_commits.fetch_add(1, std::memory_order_relaxed);
            g_pushes.fetch_add(batch.size(), std::memory_order_relaxed);
            qsizetype mutations = 0;
            for (const Job *job : batch)
                mutations += job->request->mutations.size();
            g_mutations.fetch_add(quint64(mutations), std::memory_order_relaxed);
        }
        QMutexLocker lock(&m_mutex);
        for (size_t i = 0; i < batch.size(); ++i) {
            if (!whole)
                batch[i]->result = Result<karvan::sync::PushResponse>(whole.error());
            else
                batch[i]->result = std::move(*results[i]);
        }
    }

    Database &m_db;
    QMutex m_mutex;
    QWaitCondition m_wake; // the committer: a push was queued, or stop
    QWaitCondition m_done; // the submitters: a batch has its results
    std::deque<Job *> m_queue;
    bool m_stopping = false;
    std::thread m_thread; // last: started once the members above exist
};

struct Registry
{
    QMutex mutex;
    std::map<Database *, std::shared_ptr<Committer>> committers;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

Result<karvan::sync::PushResponse> PushCommitter::apply(Database &db, const Caller &caller,
                                                        const karvan::sync::PushRequest &request)
{
    std::shared_ptr<Committer> committer;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        auto &slot = r.committers[&db];
        if (!slot)
            slot = std::make_shared<Committer>(db);
        committer = slot;
    }
    return committer->submit(caller, request);
}

PushCommitter::Totals PushCommitter::totals()
{
    return {g_commits.load(std::memory_order_relaxed), g_pushes.load(std::memory_order_relaxed),
            g_mutations.load(std::memory_order_relaxed)};
}

void PushCommitter::stop(Database &db)
{
    std::shared_ptr<Committer> committer;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        auto found = r.committers.find(&db);
        if (found == r.committers.end())
            return;
        committer = std::move(found->second);
        r.committers.erase(found);
    }
    // Pushes still queued are applied and answered first.
    committer->shutdown();
}

} // namespace karvan::hq::sync

#include "bench_sync_incremental.h"

#include "bench_sync_process.h"
#include "domain/ids.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "hlc.h"
#include "services/activityservice.h"
#include "services/customerservice.h"
#include "services/orderservice.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <random>

#include <unistd.h>

namespace karvan::bench {

using namespace Qt::StringLiterals;

namespace {

// The sync_state keys karvan-cli writes at sign-in (cli/clicommands.h, namespace state).
const QString ServerUrlKey = u"server_url"_s;
const QString TokenKey = u"token"_s;
const QString CaFileKey = u"ca_file"_s;
const QString LoginKey = u"login"_s;

// Notes when the engine sends its first pull request: the round's push part ends there.
class TimingTransport : public sync::SyncTransport
{
public:
    explicit TimingTransport(sync::SyncTransport &inner)
        : m_inner(inner)
    { }
    Result<sync::TransportReply> post(const QString &path, const QByteArray &body,
                                      const QByteArray &contentType) override
    {
        if (m_firstPullNs == 0 && path == u"/v1/sync/pull"_s) {
            m_firstPullNs = monotonicNs();
            m_firstPullHqCpuMs = processCpuMs(m_hqPid);
            m_firstPullCpuMs = ownCpuMs();
        }
        return m_inner.post(path, body, contentType);
    }
    void reset(qint64 hqPid)
    {
        m_firstPullNs = 0;
        m_hqPid = hqPid;
        m_firstPullHqCpuMs = -1;
        m_firstPullCpuMs = -1;
    }
    qint64 firstPullNs() const { return m_firstPullNs; }
    double firstPullHqCpuMs() const { return m_firstPullHqCpuMs; }

    // User + system CPU time of another process, from /proc/PID/stat; -1 when unknown.
    static double processCpuMs(qint64 pid)
    {
        if (pid <= 0)
            return -1;
        QFile f(u"/proc/%1/stat"_s.arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray stat = f.readAll();
        // The fields after the command name (which may hold spaces) start after the last ')'.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return -1;
        const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
        return ticks * 1000.0 / double(::sysconf(_SC_CLK_TCK));
    }
    // This process's CPU time (the measured device: the other device is idle meanwhile).
    static double ownCpuMs()
    {
        timespec t {};
        ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
    }

private:
    sync::SyncTransport &m_inner;
    qint64 m_firstPullNs = 0;
    qint64 m_hqPid = 0;
    double m_firstPullHqCpuMs = -1;
    double m_firstPullCpuMs = -1;
};

struct Device
{
    QString login;
    QString deviceId;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<sync::HlcClock> clock;
    std::unique_ptr<sync::HttpTransport> http;
    std::unique_ptr<TimingTransport> timing;
    std::unique_ptr<sync::SyncEngine> engine;
};

Result<QString> stateValue(LocalStore &store, const QString &key)
{
    auto v = SyncStateRepository(store).value(key);
    if (!v)
        return v.error();
    if (v->isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"the device store has no %1 (not signed in?)"_s.arg(key));
    return *v;
}

// The engine, clock and transport of a signed-in store.
Result<void> connect(Device &d)
{
    auto id = stateValue(*d.store, sync::SyncEngine::DeviceIdKey);
    auto server = stateValue(*d.store, ServerUrlKey);
    auto token = stateValue(*d.store, TokenKey);
    if (!id || !server || !token)
        return (!id ? id : !server ? server : token).error();
    auto ca = SyncStateRepository(*d.store).value(CaFileKey);
    if (!ca)
        return ca.error();
    d.deviceId = *id;
    d.clock = std::make_unique<sync::HlcClock>(*id);
    // As karvan-cli does: resume after the last stamp this node wrote.
    auto last = d.store->scalar(
        u"SELECT max(hlc) FROM field_versions WHERE substr(hlc, 23) = '%1'"_s.arg(*id));
    if (last && !last->isNull()) {
        if (auto hlc = sync::Hlc::fromString(last->toString()))
            d.clock->restore(*hlc);
    }
    auto http = sync::HttpTransport::create({QUrl(*server), *token, *ca, 120000});
    if (!http)
        return http.error();
    d.http = std::move(http).value();
    d.timing = std::make_unique<TimingTransport>(*d.http);
    d.engine = std::make_unique<sync::SyncEngine>(*d.store, *d.timing, *d.clock);
    return {};
}

// The second device: a copy of the measured device's store (same territory, same rows, same
// feed cursor) signed in as another rep with a device id of its own. Saves a second initial
// sync of the whole scope.
Result<void> cloneAndSignIn(LocalStore &source, const QString &path, const QString &login,
                            const QString &password, Device &out)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    QString quoted = path;
    quoted.replace(u'\'', u"''"_s);
    if (auto r = source.exec(u"VACUUM INTO '%1'"_s.arg(quoted)); !r)
        return makeError(r.error().code, u"cannot copy the device store: "_s + r.errorMessage());
    auto store = LocalStore::open(path);
    if (!store)
        return store.error();
    out.store = std::move(store).value();
    out.login = login;
    auto server = stateValue(*out.store, ServerUrlKey);
    if (!server)
        return server.error();
    auto ca = SyncStateRepository(*out.store).value(CaFileKey);
    if (!ca)
        return ca.error();
    auto http = sync::HttpTransport::create({QUrl(*server), {}, *ca, 60000});
    if (!http)
        return http.error();
    const QString deviceId = idToString(Uuid7::generate());
    const QJsonObject request {{u"login"_s, login},
                               {u"password"_s, password},
                               {u"device_name"_s, u"bench_sync second device"_s},
                               {u"device_id"_s, deviceId}};
    auto reply
        = (*http)->post(u"/v1/auth/login"_s, QJsonDocument(request).toJson(QJsonDocument::Compact),
                        QByteArrayLiteral("application/json"));
    if (!reply)
        return makeError(reply.error().code, u"login %1: %2"_s.arg(login, reply.errorMessage()));
    if (reply->httpStatus != 200)
        return makeError(ErrorCode::InvalidArgument,
                         u"login %1: HQ answered HTTP %2: %3"_s.arg(login)
                             .arg(reply->httpStatus)
                             .arg(QString::fromUtf8(reply->body.left(300))));
    const QJsonObject answer = QJsonDocument::fromJson(reply->body).object();
    const QString token = answer[u"token"_s].toString();
    const QString issued = answer[u"device_id"_s].toString(deviceId);
    if (token.isEmpty())
        return makeError(ErrorCode::Storage, u"login %1: no token in HQ's answer"_s.arg(login));
    // The copy holds the measured rep's scope: the second rep must see the same territories.
    auto territories = SyncStateRepository(*out.store).value(u"territories"_s);
    if (!territories)
        return territories.error();
    const QJsonArray mine = QJsonDocument::fromJson(territories->toUtf8()).array();
    const QJsonArray theirs = answer[u"user"_s].toObject()[u"territories"_s].toArray();
    if (mine != theirs)
        return makeError(
            ErrorCode::InvalidArgument,
            u"%1's territories (%2) are not the measured rep's (%3): pick a rep of "
            u"the same territory"_s.arg(
                login, QString::fromUtf8(QJsonDocument(theirs).toJson(QJsonDocument::Compact)),
                *territories));
    SyncStateRepository state(*out.store);
    auto saved = out.store->transaction([&]() -> Result<void> {
        for (const auto &[key, value] :
             {std::pair {sync::SyncEngine::DeviceIdKey, issued}, std::pair {TokenKey, token},
              std::pair {LoginKey, login}}) {
            if (auto r = state.setValue(key, value); !r)
                return r;
        }
        return {};
    });
    if (!saved)
        return saved;
    return connect(out);
}

// What a rep does in a day, over and over: edit customers, take orders, log visits and calls.
class Workload
{
public:
    Workload(Device &device, int parity, quint64 seed)
        : m_device(device)
        , m_parity(parity)
        , m_rng(seed)
    { }

    Result<void> load()
    {
        QSqlQuery q(m_device.store->database());
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT id, 'WH-' || substr(territory, 4) FROM customers "
                    u"WHERE archived = 0 ORDER BY id"_s))
            return makeError(ErrorCode::Storage, u"cannot read the device's customers"_s);
        for (int i = 0; q.next(); ++i) {
            // The two devices edit disjoint halves: no conflicts, every edit a feed change.
            if (i % 2 == m_parity)
                m_customers.append(
                    {QUuid::fromString(q.value(0).toString()), q.value(1).toString()});
        }
        if (!q.exec(u"SELECT s.warehouse_code, s.sku, p.base_unit FROM stock_levels s "
                    u"JOIN products p ON p.sku = s.sku WHERE p.active = 1 ORDER BY s.sku"_s))
            return makeError(ErrorCode::Storage, u"cannot read the device's stock"_s);
        while (q.next()) {
            m_skus[q.value(0).toString()].append(q.value(1).toString());
            m_baseUnit.insert(q.value(1).toString(), q.value(2).toString());
        }
        m_customers.removeIf([&](const Target &t) { return m_skus.value(t.warehouse).isEmpty(); });
        if (m_customers.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             u"the device holds no customer with a stocked warehouse"_s);
        auto who = SyncStateRepository(*m_device.store).value(LoginKey);
        m_author = who && !who->isEmpty() ? *who : u"bench"_s;
        return {};
    }

    // count mutations: 4 in 10 customer edits, 3 in 10 orders of 1 to 5 lines, 3 in 10
    // activities; each is one service call, its own durable transaction. Returns each
    // call's latency in ms.
    Result<QList<double>> write(int count, int round)
    {
        const HlcSource clock = [c = m_device.clock.get()] {
            return c->now().toString();
        };
        CustomerService customers(*m_device.store, clock);
        OrderService orders(*m_device.store);
        ActivityService activities(*m_device.store, clock, m_author);
        QList<double> ms;
        ms.reserve(count);
        for (int i = 0; i < count; ++i) {
            const Target &t = m_customers.at(m_next++ % m_customers.size());
            const qint64 started = monotonicNs();
            const int kind = i % 10;
            if (kind < 4) {
                QCborMap fields;
                fields.insert(u"notes"_s,
                              u"Visit %1.%2: asked for the new price list"_s.arg(round).arg(i));
                if (i % 2)
                    fields.insert(
                        u"phone"_s,
                        u"+90 212 555 %1"_s.arg(qint64(m_rng() % 10000), 4, 10, QChar(u'0')));
                auto r = customers.edit(t.id, fields);
                if (!r)
                    return makeError(r.error().code, u"customer edit: "_s + r.errorMessage());
            } else if (kind < 7) {
                OrderDraft d;
                d.customerId = t.id;
                d.date = QDate::currentDate();
                d.warehouseCode = t.warehouse;
                d.createdBy = m_author;
                const QStringList &skus = m_skus.value(t.warehouse);
                const int lines = 1 + int(m_rng() % 5);
                QSet<QString> used;
                for (int l = 0; l < lines; ++l) {
                    const QString &sku = skus.at(qsizetype(m_rng() % skus.size()));
                    if (used.contains(sku))
                        continue;
                    used.insert(sku);
                    auto qty = Quantity::ofUnits(1 + qint64(m_rng() % 6), m_baseUnit.value(sku));
                    if (!qty)
                        return qty.error();
                    d.lines.append({sku, *qty});
                }
                auto r = orders.submit(d);
                if (!r)
                    return makeError(r.error().code, u"order: "_s + r.errorMessage());
            } else {
                NewActivity a;
                a.customerId = t.id;
                a.kind = kind == 7 ? Activity::Kind::Call : Activity::Kind::Visit;
                a.subject = u"Round %1 %2"_s.arg(round).arg(kind == 7 ? u"call"_s : u"visit"_s);
                a.notes = u"Discussed the order pipeline and stock on the shelf."_s;
                a.durationMinutes = 5 + int(m_rng() % 40);
                auto r = activities.log(a);
                if (!r)
                    return makeError(r.error().code, u"activity: "_s + r.errorMessage());
            }
            ms.append((monotonicNs() - started) / 1e6);
        }
        return ms;
    }

    static QString mix()
    {
        return u"40% customer field edits (notes, half also the phone), 30% orders of 1-5 "
               u"lines, 30% activities (visits, calls)"_s;
    }

private:
    struct Target
    {
        QUuid id;
        QString warehouse;
    };
    Device &m_device;
    int m_parity;
    std::mt19937_64 m_rng;
    QList<Target> m_customers;
    QHash<QString, QStringList> m_skus;
    QHash<QString, QString> m_baseUnit;
    QString m_author;
    qsizetype m_next = 0;
};

} // namespace

Result<IncrementalFigures> runIncrementalRounds(const IncrementalOptions &options)
{
    QTextStream err(stderr);
    if (options.rounds < 1 || options.warmupRounds < 0 || options.mutations < 1)
        return makeError(ErrorCode::InvalidArgument,
                         u"rounds and mutations must be positive, warm-up rounds not negative"_s);
    Device measured;
    auto store = LocalStore::open(options.devicePath);
    if (!store)
        return store.error();
    measured.store = std::move(store).value();
    if (auto r = connect(measured); !r)
        return r.error();
    auto login = SyncStateRepository(*measured.store).value(LoginKey);
    measured.login = login ? *login : QString();

    Device second;
    if (auto r = cloneAndSignIn(*measured.store, options.workDir + u"/second-device.sqlite"_s,
                                options.secondLogin, options.password, second);
        !r)
        return r.error();

    Workload measuredWork(measured, 0, options.seed);
    Workload secondWork(second, 1, options.seed + 1);
    if (auto r = measuredWork.load(); !r)
        return r.error();
    if (auto r = secondWork.load(); !r)
        return r.error();

    IncrementalFigures out;
    out.mix = Workload::mix();
    QList<double> rounds, pushes, pulls, locals, hqPushCpu, hqPullCpu, deviceCpu;
    qint64 bytesSent = 0, bytesReceived = 0;
    out.pushedPerRound = std::numeric_limits<qint64>::max();
    out.pulledMin = std::numeric_limits<qint64>::max();
    out.secondDevicePushedMin = std::numeric_limits<qint64>::max();
    // The other device's share. Calibrated when not given and there are two warm-up rounds:
    // in the first the other device writes nothing, so the measured device pulls only the
    // rows its own push changed at HQ (its customers, orders and activities, and the stock
    // positions HQ allocated); in the second the other device writes `mutations`, which gives
    // the changes down per mutation of the other device; the measured rounds then use the
    // count whose changes down number about `mutations`.
    const bool calibrate = options.otherMutations < 0 && options.warmupRounds >= 2;
    int otherCount = options.otherMutations >= 0 ? options.otherMutations : options.mutations;
    qint64 ownEcho = 0;
    const int total = options.warmupRounds + options.rounds;
    for (int round = 0; round < total; ++round) {
        const bool warmup = round < options.warmupRounds;
        if (calibrate && round == 0)
            otherCount = 0;
        else if (calibrate && round == 1)
            otherCount = options.mutations;
        // 1. The measured device works offline.
        auto local = measuredWork.write(options.mutations, round);
        if (!local)
            return makeError(local.error().code,
                             u"%1: %2"_s.arg(measured.login, local.errorMessage()));
        // 2. The other rep of the territory works and syncs: HQ's feed grows.
        auto other = secondWork.write(otherCount, round);
        if (!other)
            return makeError(other.error().code,
                             u"%1: %2"_s.arg(second.login, other.errorMessage()));
        auto otherSync = second.engine->sync();
        if (!otherSync)
            return makeError(otherSync.error().code,
                             u"%1's sync: %2"_s.arg(second.login, otherSync.errorMessage()));
        // 3. The measured round.
        measured.timing->reset(options.hqPid);
        const double hqCpuStart = TimingTransport::processCpuMs(options.hqPid);
        const double cpuStart = TimingTransport::ownCpuMs();
        const qint64 started = monotonicNs();
        auto report = measured.engine->sync();
        const qint64 ended = monotonicNs();
        const double cpuEnd = TimingTransport::ownCpuMs();
        const double hqCpuEnd = TimingTransport::processCpuMs(options.hqPid);
        if (!report)
            return makeError(report.error().code,
                             u"%1's sync: %2"_s.arg(measured.login, report.errorMessage()));
        const qint64 pullStart
            = measured.timing->firstPullNs() ? measured.timing->firstPullNs() : ended;
        const double hqCpuPull
            = measured.timing->firstPullNs() ? measured.timing->firstPullHqCpuMs() : hqCpuEnd;
        const bool hqCpuKnown = hqCpuStart >= 0 && hqCpuEnd >= 0 && hqCpuPull >= 0;
        err << (warmup ? "  warm-up round " : "  round ")
            << round + 1 - (warmup ? 0 : options.warmupRounds) << ": pushed " << report->pushed
            << " mutations up (the other device pushed " << otherSync->pushed << "), pulled "
            << report->pulled << " changes down in "
            << QString::number((ended - started) / 1e6, 'f', 0) << " ms (push "
            << QString::number((pullStart - started) / 1e6, 'f', 0) << ", pull "
            << QString::number((ended - pullStart) / 1e6, 'f', 0) << "); CPU: device "
            << QString::number(cpuEnd - cpuStart, 'f', 0) << " ms";
        if (hqCpuKnown)
            err << ", HQ " << QString::number(hqCpuPull - hqCpuStart, 'f', 0) << " ms push + "
                << QString::number(hqCpuEnd - hqCpuPull, 'f', 0) << " ms pull";
        err << Qt::endl;
        if (report->pushed != options.mutations)
            return makeError(
                ErrorCode::Storage,
                u"the measured device pushed %1 mutations, not %2"_s.arg(report->pushed)
                    .arg(options.mutations));
        if (calibrate && round == 0) {
            ownEcho = report->pulled;
        } else if (calibrate && round == 1) {
            // Changes down per mutation of the other device, then the count for ~`mutations`.
            const double perMutation
                = std::max(0.1, double(report->pulled - ownEcho) / options.mutations);
            otherCount = int(std::clamp<double>(std::round(options.mutations / perMutation), 1,
                                                5.0 * options.mutations));
            out.ownEchoChanges = ownEcho;
            out.otherChangesPerMutation = perMutation;
            err << "  calibrated: the measured device's own push comes back as " << ownEcho
                << " changes; each mutation of the other device adds "
                << QString::number(perMutation, 'f', 2) << "; the other device writes "
                << otherCount << " mutations per round (about " << options.mutations
                << " changes down)" << Qt::endl;
        }
        if (warmup)
            continue;
        rounds.append((ended - started) / 1e6);
        pushes.append((pullStart - started) / 1e6);
        pulls.append((ended - pullStart) / 1e6);
        locals.append(*local);
        deviceCpu.append(cpuEnd - cpuStart);
        if (hqCpuKnown) {
            hqPushCpu.append(hqCpuPull - hqCpuStart);
            hqPullCpu.append(hqCpuEnd - hqCpuPull);
        }
        out.pushedPerRound = std::min(out.pushedPerRound, report->pushed);
        out.pulledMin = std::min(out.pulledMin, report->pulled);
        out.pulledMax = std::max(out.pulledMax, report->pulled);
        out.secondDevicePushedMin = std::min(out.secondDevicePushedMin, otherSync->pushed);
        out.secondDevicePushedMax = std::max(out.secondDevicePushedMax, otherSync->pushed);
        out.rejected += report->rejected + otherSync->rejected;
        out.conflicts += report->conflicts;
        bytesSent += report->bytesSent;
        bytesReceived += report->bytesReceived;
        ++out.measuredRounds;
    }
    out.hqPushCpuMs = percentiles(hqPushCpu);
    out.hqPullCpuMs = percentiles(hqPullCpu);
    out.deviceCpuMs = percentiles(deviceCpu);
    out.roundMs = percentiles(rounds);
    out.pushMs = percentiles(pushes);
    out.pullMs = percentiles(pulls);
    out.localMutationMs = percentiles(locals);
    out.bytesSentPerRound = bytesSent / out.measuredRounds;
    out.bytesReceivedPerRound = bytesReceived / out.measuredRounds;
    return out;
}

} // namespace karvan::bench

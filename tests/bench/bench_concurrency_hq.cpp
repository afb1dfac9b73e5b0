#include "bench_concurrency_hq.h"

#include "domain/ids.h"
#include "erp/erpcommon.h"
#include "erp/masterdata.h"
#include "rules/pricing.h"
#include "services/orderservice.h"
#include "storage/database.h"

#include <QCborValue>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace karvan::bench {

Result<QString> runHqCommand(const QString &binary, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(binary, args);
    if (!p.waitForStarted(10000))
        return makeError(ErrorCode::Storage, u"cannot start %1"_s.arg(binary));
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return makeError(ErrorCode::Storage,
                         u"karvan-hq %1 did not finish in time"_s.arg(args.value(0)));
    }
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        return makeError(
            ErrorCode::Storage,
            u"karvan-hq %1 failed: %2"_s.arg(
                args.mid(0, 2).join(u' '), QString::fromUtf8(p.readAllStandardError()).trimmed()));
    }
    return out;
}

// ---- interrupt cleanup ------------------------------------------------------------------

namespace {

char *g_pgArgv[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
volatile sig_atomic_t g_serverPid = 0;

// Async-signal-safe: kill and fork/exec/waitpid only.
void stopChildren()
{
    if (g_serverPid > 0) {
        ::kill(pid_t(g_serverPid), SIGKILL);
        g_serverPid = 0;
    }
    if (g_pgArgv[0]) {
        const pid_t child = ::fork();
        if (child == 0) {
            ::execv(g_pgArgv[0], g_pgArgv);
            ::_exit(127);
        }
        if (child > 0)
            ::waitpid(child, nullptr, 0);
    }
}

void onInterrupt(int signal)
{
    stopChildren();
    ::_exit(128 + signal);
}

} // namespace

void stopChildrenBeforeExit()
{
    stopChildren();
}

void installInterruptCleanup(const QString &pgScript, const QString &pgHandle)
{
    g_pgArgv[0] = ::strdup("/bin/bash");
    g_pgArgv[1] = ::strdup(QFile::encodeName(pgScript).constData());
    g_pgArgv[2] = ::strdup("stop");
    g_pgArgv[3] = ::strdup(QFile::encodeName(pgHandle).constData());
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

void setInterruptServerPid(qint64 pid)
{
    g_serverPid = sig_atomic_t(pid);
}

// ---- PostgreSQL --------------------------------------------------------------------------

PgCluster::PgCluster(QString script, QString handleDir)
    : m_script(std::move(script))
    , m_handle(std::move(handleDir))
{ }

PgCluster::~PgCluster()
{
    stop();
}

Result<void> PgCluster::start()
{
    QProcess p;
    p.start(u"bash"_s, {m_script, u"start"_s, m_handle});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_running = true; // whatever started goes in stop()
        return makeError(ErrorCode::Storage,
                         u"pg-cluster.sh start failed: "_s
                             + QString::fromUtf8(p.readAllStandardError()).trimmed());
    }
    m_running = true;
    m_baseUrl = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    if (!m_baseUrl.startsWith(u"postgresql://"_s))
        return makeError(ErrorCode::Storage, u"pg-cluster.sh printed no URL"_s);
    return {};
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    QSqlDatabase::removeDatabase(u"bench-pg-admin"_s);
    QProcess p;
    p.start(u"bash"_s, {m_script, u"stop"_s, m_handle});
    p.waitForFinished(120000);
    m_running = false;
}

QString PgCluster::urlFor(const QString &database) const
{
    return m_baseUrl.left(m_baseUrl.lastIndexOf(u'/') + 1) + database;
}

Result<void> PgCluster::adminExec(const QString &sql)
{
    const QString name = u"bench-pg-admin"_s;
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    if (!db.isOpen()) {
        const QUrl url(m_baseUrl);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return makeError(ErrorCode::Storage, db.lastError().text());
    }
    QSqlQuery q(db);
    if (!q.exec(sql))
        return makeError(ErrorCode::Storage, sql + u": "_s + q.lastError().text());
    return {};
}

Result<void> PgCluster::createDatabase(const QString &name, const QString &templateName)
{
    if (auto dropped = dropDatabase(name); !dropped)
        return dropped;
    return adminExec(u"CREATE DATABASE %1%2"_s.arg(
        name, templateName.isEmpty() ? QString() : u" TEMPLATE "_s + templateName));
}

Result<void> PgCluster::dropDatabase(const QString &name)
{
    return adminExec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name));
}

// ---- karvan-hq serve ---------------------------------------------------------------------

Result<void> HqServe::start(const QString &dbUrl, int workers, const QString &logFile)
{
    stop();
    m_process.setStandardErrorFile(logFile);
    m_process.start(m_binary,
                    {u"serve"_s, u"--db"_s, dbUrl, u"--listen"_s, u"127.0.0.1:0"_s, u"--workers"_s,
                     QString::number(workers)});
    if (!m_process.waitForStarted(10000))
        return makeError(ErrorCode::Storage, u"cannot start karvan-hq serve"_s);
    setInterruptServerPid(m_process.processId());
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (t.elapsed() < 60000 && m_process.state() == QProcess::Running) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200))
            continue;
        out += m_process.readLine();
        const QString line = QString::fromUtf8(out).trimmed();
        if (line.startsWith(u"listening on "_s)) {
            m_port = quint16(QUrl(line.mid(13)).port());
            return {};
        }
        out.clear();
    }
    return makeError(ErrorCode::Storage,
                     u"karvan-hq serve did not start listening (see %1)"_s.arg(logFile));
}

void HqServe::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
    setInterruptServerPid(0);
}

qint64 HqServe::peakRssKb() const
{
    QFile f(u"/proc/%1/status"_s.arg(pid()));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

Result<QHash<QString, double>> HqServe::metrics() const
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(m_port)));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        return makeError(ErrorCode::Storage, u"GET /metrics: "_s + reply->errorString());
    QHash<QString, double> out;
    for (const QByteArray &line : reply->readAll().split('\n')) {
        const qsizetype space = line.lastIndexOf(' ');
        if (line.isEmpty() || line.startsWith('#') || space < 0)
            continue;
        out.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return out;
}

double HqServe::cpuSeconds() const
{
    QFile f(u"/proc/%1/stat"_s.arg(pid()));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) start at ") ".
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const long ticks = ::sysconf(_SC_CLK_TCK);
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(ticks);
}

void HqServe::sampleThreadStates(QMap<QString, int> &states) const
{
    const QDir tasks(u"/proc/%1/task"_s.arg(pid()));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        auto read = [&](const QString &name) {
            QFile f(tasks.filePath(tid + u'/' + name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        // QThreadPool names its threads "Thread (pooled)"; the event loop is the main thread.
        if (!read(u"comm"_s).startsWith("Thread (pooled)"))
            continue;
        const QByteArray stat = read(u"stat"_s);
        const qsizetype at = stat.lastIndexOf(')') + 2;
        if (at < 2 || at >= stat.size())
            continue;
        const char state = stat.at(at);
        if (state == 'R') {
            ++states[u"R"_s];
            continue;
        }
        const QByteArray wchan = read(u"wchan"_s).trimmed();
        ++states[QChar::fromLatin1(state) + u':'
                 + (wchan.isEmpty() || wchan == "0" ? u"?"_s : QString::fromLatin1(wchan))];
    }
}

// ---- devices -----------------------------------------------------------------------------

Result<QList<Rep>> loadReps(const QString &dbUrl)
{
    auto db = hq::Database::open(dbUrl);
    if (!db)
        return db.error();
    auto rows = hq::erp::queryRows(
        **db,
        u"SELECT u.login, t.territory FROM users u JOIN user_territories t ON t.user_id = "
        "u.id WHERE u.role = 'rep' AND u.active = 1 ORDER BY u.login, t.territory"_s);
    if (!rows)
        return rows.error();
    QList<Rep> reps;
    for (const hq::erp::Row &row : std::as_const(*rows)) {
        const QString login = row.value(0).toString();
        if (reps.isEmpty() || reps.constLast().login != login)
            reps.append({login, {}});
        reps.last().territories.append(row.value(1).toString());
    }
    if (reps.isEmpty())
        return makeError(ErrorCode::NotFound, u"the database has no active rep with a territory"_s);
    return reps;
}

Result<QList<BenchDevice>> provisionDevices(const QString &hqBinary, const QString &dbUrl,
                                            const QList<Rep> &reps, int count)
{
    QList<BenchDevice> devices;
    for (qsizetype i = 0; i < reps.size(); ++i) {
        const int share = int(count / reps.size() + (i < count % reps.size() ? 1 : 0));
        if (share == 0)
            continue;
        const Rep &rep = reps.at(i);
        auto out = runHqCommand(hqBinary,
                                {u"device"_s, u"issue"_s, u"--db"_s, dbUrl, u"--login"_s, rep.login,
                                 u"--count"_s, QString::number(share), u"--name"_s, u"bench"_s});
        if (!out)
            return out.error();
        for (const QString &line : out->split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            BenchDevice d;
            d.id = QUuid::fromString(o.value(u"device_id"_s).toString());
            d.token = o.value(u"token"_s).toString();
            d.login = rep.login;
            d.scopeKey = rep.territories.join(u',');
            if (d.id.isNull() || d.token.isEmpty())
                return makeError(ErrorCode::Storage, u"device issue printed: "_s + line);
            devices.append(d);
        }
    }
    if (devices.size() != count) {
        return makeError(ErrorCode::Storage,
                         u"asked for %1 devices, got %2"_s.arg(count).arg(devices.size()));
    }
    return devices;
}

// ---- mutations ---------------------------------------------------------------------------

namespace {

using karvan::sync::Hlc;
using karvan::sync::SyncMutation;

struct Material
{
    QHash<QString, QStringList> customersByTerritory;
    QList<std::pair<QString, QString>> products; // sku, base unit
};

Result<QCborMap> orderArgs(hq::Database &db, const Material &material, const QString &customerId,
                           const QString &login, QRandomGenerator &random, QString *orderId)
{
    auto customer = hq::erp::MasterData(db).findCustomer(customerId);
    if (!customer)
        return customer.error();
    const Customer &c = customer->customer;
    SalesDocument d;
    d.id = Uuid7::generate();
    d.kind = SalesDocument::Kind::Order;
    d.customerId = c.id;
    d.currency = c.currency;
    d.date = QDate::currentDate();
    d.createdBy = login;
    PricingRequest request {c.id, c.territory, c.taxRegion, c.currency, d.date, {}};
    QStringList skus;
    const int lines = 1 + int(random.bounded(5));
    while (d.lines.size() < lines) {
        const auto &[sku, unit]
            = material.products.at(qsizetype(random.bounded(quint32(material.products.size()))));
        if (skus.contains(sku))
            continue;
        auto qty = Quantity::ofUnits(1 + random.bounded(5), unit);
        if (!qty)
            return qty.error();
        DocumentLine line;
        line.lineNo = int(d.lines.size()) + 1;
        line.sku = sku;
        line.quantity = *qty;
        d.lines.append(line);
        skus.append(sku);
        request.lines.append({sku, *qty});
    }
    auto catalog = hq::erp::MasterData(db).pricingCatalog(c, skus, c.currency, d.date);
    if (!catalog)
        return catalog.error();
    auto priced = priceDocument(*catalog, request);
    if (!priced)
        return priced.error();
    for (qsizetype i = 0; i < d.lines.size(); ++i) {
        d.lines[i].unitPrice = priced->lines.at(i).unitPrice;
        d.lines[i].lineNet = priced->lines.at(i).net;
        d.lines[i].lineTax = priced->lines.at(i).tax;
        d.lines[i].lineTotal = priced->lines.at(i).total;
    }
    d.net = priced->net;
    d.tax = priced->tax;
    d.total = priced->total;
    *orderId = idToString(d.id);
    return QCborValue::fromCbor(encodeDocumentMutation(d)).toMap();
}

} // namespace

Result<PushPlan> planPushes(const QString &dbUrl, QList<BenchDevice> &devices, double pushShare,
                            QRandomGenerator &random)
{
    auto opened = hq::Database::open(dbUrl);
    if (!opened)
        return opened.error();
    hq::Database &db = **opened;
    Material material;
    auto customers = hq::erp::queryRows(db,
                                        u"SELECT id, territory FROM customers WHERE archived "
                                        "= 0 AND credit_hold = 0 ORDER BY code"_s);
    if (!customers)
        return customers.error();
    for (const hq::erp::Row &row : std::as_const(*customers)) {
        QStringList &list = material.customersByTerritory[row.value(1).toString()];
        if (list.size() < 60)
            list.append(row.value(0).toString());
    }
    auto products = hq::erp::queryRows(
        db, u"SELECT sku, base_unit FROM products WHERE active = 1 ORDER BY sku"_s);
    if (!products)
        return products.error();
    for (const hq::erp::Row &row : std::as_const(*products))
        material.products.append({row.value(0).toString(), row.value(1).toString()});
    if (material.products.size() < 5)
        return makeError(ErrorCode::NotFound, u"the database has fewer than 5 active products"_s);

    PushPlan plan;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (BenchDevice &d : devices) {
        d.mutations.clear();
        if (random.generateDouble() >= pushShare)
            continue;
        QStringList candidates;
        for (const QString &territory : d.scopeKey.split(u','))
            candidates += material.customersByTerritory.value(territory);
        if (candidates.isEmpty())
            continue;
        const QString node = idToString(d.id);
        const int count = 1 + int(random.bounded(5));
        for (int i = 0; i < count; ++i) {
            const QString customerId
                = candidates.at(qsizetype(random.bounded(quint32(candidates.size()))));
            const Hlc hlc {now, quint32(i), node};
            const double kind = random.generateDouble();
            SyncMutation m;
            m.seq = i + 1;
            m.mutationId = Uuid7::generate();
            m.hlc = hlc;
            m.createdAtMs = now;
            if (kind < 0.5) {
                QString orderId;
                auto args = orderArgs(db, material, customerId, d.login, random, &orderId);
                if (!args) {
                    // A device cannot price it either (no price for a SKU): it edits instead.
                    ++plan.unpriceable;
                    m.entity = u"customer"_s;
                    m.entityId = customerId;
                    m.op = u"update"_s;
                    m.args
                        = QCborMap {{u"id"_s, customerId},
                                    {u"fields"_s, QCborMap {{u"notes"_s, u"Order postponed"_s}}}};
                    ++plan.customerEdits;
                    m.args.insert(u"hlc"_s, hlc.toString());
                    d.mutations.append(m);
                    continue;
                }
                m.entity = u"order"_s;
                m.entityId = orderId;
                m.op = u"create"_s;
                m.args = *args;
                plan.orderIds.append(orderId);
                ++plan.orders;
            } else if (kind < 0.75) {
                m.entity = u"customer"_s;
                m.entityId = customerId;
                m.op = u"update"_s;
                m.args = QCborMap {
                    {u"id"_s, customerId},
                    {u"fields"_s, QCborMap {{u"notes"_s, u"Visited %1 by %2"_s.arg(at, node)}}}};
                ++plan.customerEdits;
            } else {
                const QString id = idToString(Uuid7::generate());
                m.entity = u"activity"_s;
                m.entityId = id;
                m.op = u"create"_s;
                m.args = QCborMap {{u"id"_s, id},
                                   {u"customer_id"_s, customerId},
                                   {u"kind"_s, i % 2 ? u"call"_s : u"visit"_s},
                                   {u"subject"_s, u"Routine visit"_s},
                                   {u"notes"_s, u"Checked the shelf and the order book"_s},
                                   {u"duration_minutes"_s, 15 + 5 * i},
                                   {u"at"_s, at},
                                   {u"author"_s, d.login}};
                ++plan.activities;
            }
            m.args.insert(u"hlc"_s, hlc.toString());
            d.mutations.append(m);
        }
        ++plan.pushers;
        plan.mutations += count;
    }
    return plan;
}

// ---- checks ------------------------------------------------------------------------------

Result<HqCounts> countAtHq(const QString &dbUrl)
{
    auto db = hq::Database::open(dbUrl);
    if (!db)
        return db.error();
    HqCounts c;
    auto mutations = hq::erp::queryInt(**db, u"SELECT COUNT(*) FROM sync_mutations"_s);
    if (!mutations)
        return mutations.error();
    auto orders = hq::erp::queryInt(**db, u"SELECT COUNT(*) FROM sales_orders"_s);
    if (!orders)
        return orders.error();
    c.syncMutations = *mutations;
    c.salesOrders = *orders;
    return c;
}

Result<qint64> countOrders(const QString &dbUrl, const QStringList &ids)
{
    auto db = hq::Database::open(dbUrl);
    if (!db)
        return db.error();
    qint64 found = 0;
    for (qsizetype i = 0; i < ids.size(); i += 500) {
        const QStringList chunk = ids.mid(i, 500);
        QVariantList bindings;
        for (const QString &id : chunk)
            bindings.append(id);
        QStringList marks(chunk.size(), u"?"_s);
        auto n = hq::erp::queryInt(
            **db, u"SELECT COUNT(*) FROM sales_orders WHERE id IN (%1)"_s.arg(marks.join(u',')),
            bindings);
        if (!n)
            return n.error();
        found += *n;
    }
    return found;
}

QMap<QString, int> serverStatusCounts(const QString &logFile)
{
    QMap<QString, int> counts;
    QFile f(logFile);
    if (!f.open(QIODevice::ReadOnly))
        return counts;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (!line.startsWith('{'))
            continue;
        const int status = QJsonDocument::fromJson(line).object().value(u"status"_s).toInt();
        if (status == 0)
            continue;
        const QString key = status == 499 ? u"499"_s : u"%1xx"_s.arg(status / 100);
        ++counts[key];
    }
    return counts;
}

} // namespace karvan::bench

#pragma once

// The end-to-end sync world: a fresh HQ database (SQLite or PostgreSQL, testdatabase.h) set up
// with "karvan-hq init", a small company seeded in-process through the ERP modules, the real
// "karvan-hq serve" on 127.0.0.1, and karvan-cli profiles (one folder each) signed in as reps.
// KARVAN_HQ_BINARY and KARVAN_CLI_BINARY are the binaries' paths ($<TARGET_FILE:...>).
//
// The company: territories NORTH (reps rep.a1 and rep.a2) and SOUTH (rep.b1); a finance user
// and an admin; customers Cash & Carry, Corner Store, Tight Ltd (credit limit 100.00) and
// Old Co in NORTH, South Shop and Harbour Deli in SOUTH; products TEA (100 in stock), RICE (30)
// and OIL (3) at WH1, plus optional filler products and customers for volume.

#include "hqserverprocess.h"
#include "testdatabase.h"

#include "auth/userdirectory.h"
#include "erp/invariants.h"
#include "erp/inventory.h"
#include "erp/masterdata.h"
#include "erp/sales.h"
#include "storage/database.h"
#include "sync/changefeed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace karvan::hq::test {

using namespace Qt::StringLiterals;

inline const QString FieldPassword = u"field-pass-1"_s;

struct CliResult
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QString err;
    QJsonValue json() const
    {
        const QJsonDocument d = QJsonDocument::fromJson(out);
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
    QString describe() const
    {
        return u"exit %1, stderr: %2, stdout: %3"_s.arg(exitCode).arg(
            err.trimmed(), QString::fromUtf8(out.left(600)));
    }
};

inline QString cliBinary()
{
    return QStringLiteral(KARVAN_CLI_BINARY);
}

inline CliResult runCli(const QString &profile, const QStringList &args,
                        const QByteArray &stdinData = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.start(cliBinary(), QStringList {u"--profile"_s, profile} + args);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timed out: karvan-cli "_s + args.join(u' ');
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A uuid in the form the JSON outputs and the HQ tables use (no braces, lower case).
inline QString normId(const QString &id)
{
    return QUuid::fromString(id).toString(QUuid::WithoutBraces);
}

// The list of a JSON document that is either an array or {"<key>": [...]}.
inline QJsonArray listOf(const QJsonValue &v, const QString &key)
{
    if (v.isArray())
        return v.toArray();
    return v.toObject().value(key).toArray();
}

// One device: a karvan-cli profile folder.
class RepProfile
{
public:
    explicit RepProfile(QString login)
        : m_login(std::move(login))
    { }
    QString login() const { return m_login; }
    QString path() const { return m_dir.path(); }
    CliResult cli(const QStringList &args, const QByteArray &stdinData = {}) const
    {
        return runCli(m_dir.path(), args, stdinData);
    }
    CliResult sync() const { return cli({u"sync"_s, u"--json"_s}); }

    // customers --json as id -> the fields both sides hold.
    QMap<QString, QJsonObject> customers(QString *error = nullptr) const
    {
        const CliResult r = cli({u"customers"_s, u"--limit"_s, u"500"_s, u"--json"_s});
        if (r.exitCode != 0 && error)
            *error = r.describe();
        QMap<QString, QJsonObject> map;
        for (const QJsonValue &c : listOf(r.json(), u"customers"_s)) {
            const QJsonObject o = c.toObject();
            map.insert(normId(o[u"id"_s].toString()), comparable(o));
        }
        return map;
    }
    // customer show ID --json (the 360 view); empty on failure.
    QJsonObject show(const QString &customerId, QString *error = nullptr) const
    {
        const CliResult r = cli({u"customer"_s, u"show"_s, customerId, u"--json"_s});
        if (r.exitCode != 0 && error)
            *error = r.describe();
        return r.json().toObject();
    }
    // The document with this id in the customer's 360 view (empty when absent).
    QJsonObject document(const QString &customerId, const QString &documentId) const
    {
        for (const QJsonValue &d : show(customerId)[u"documents"_s].toArray())
            if (normId(d[u"id"_s].toString()) == normId(documentId))
                return d.toObject();
        return {};
    }
    // The id of the first customer whose name matches (customers --search).
    QString customerIdByName(const QString &name) const
    {
        const CliResult r = cli({u"customers"_s, u"--search"_s, name, u"--json"_s});
        for (const QJsonValue &c : listOf(r.json(), u"customers"_s))
            if (c[u"name"_s].toString() == name)
                return normId(c[u"id"_s].toString());
        return {};
    }

    // The fields of a customer a device and HQ must agree on.
    static QJsonObject comparable(const QJsonObject &c)
    {
        QJsonObject o;
        for (const QString &k : {u"code"_s, u"name"_s, u"phone"_s, u"email"_s, u"notes"_s,
                                 u"language"_s, u"territory"_s})
            o.insert(k, c.value(k).toString());
        return o;
    }

private:
    QString m_login;
    QTemporaryDir m_dir;
};

struct SyncCompany
{
    QString cash, corner, tight, oldCo; // NORTH
    QString south, harbour; // SOUTH
    QStringList fillerCustomers; // NORTH
    QStringList fillerSkus;
};

struct SeedOptions
{
    int fillerProducts = 0; // extra SKUs "P-00001"... with a price and stock
    int fillerCustomers = 0; // extra NORTH customers
};

class SyncWorld
{
public:
    explicit SyncWorld(const QString &backend)
        : m_testDb(backend)
    { }
    ~SyncWorld() { m_hq.stop(); }

    // init, seed, serve; returns an error message or empty.
    QString setUp(const SeedOptions &options = {})
    {
        if (!m_testDb.ok())
            return m_testDb.error();
        const CliRun init = runHq({u"init"_s, u"--db"_s, m_testDb.url()});
        if (init.exitCode != 0)
            return u"karvan-hq init failed: "_s + init.err + init.out;
        auto db = Database::open(m_testDb.url());
        if (!db)
            return db.errorMessage();
        m_db = std::move(db).value();
        if (const QString e = seed(options); !e.isEmpty())
            return u"seeding the company: "_s + e;
        if (!m_hq.start(m_testDb.url()))
            return m_hq.error();
        return {};
    }

    Database &db() { return *m_db; }
    QUrl url() const { return m_hq.url(); }
    QString dbUrl() const { return m_testDb.url(); }
    HqServerProcess &hq() { return m_hq; }
    const SyncCompany &company() const { return m_co; }
    const erp::Actor &admin() const { return m_admin; }
    const erp::Actor &finance() const { return m_finance; }

    // karvan-cli login as `login` on this profile; returns an error message or empty.
    QString login(const RepProfile &profile, const QString &deviceName = {})
    {
        QStringList args {u"login"_s, u"--server"_s, m_hq.url().toString(), u"--login"_s,
                          profile.login()};
        if (!deviceName.isEmpty())
            args << u"--device-name"_s << deviceName;
        const CliResult r = profile.cli(args, FieldPassword.toUtf8() + '\n');
        return r.exitCode == 0 ? QString() : u"login "_s + profile.login() + u": "_s + r.describe();
    }

    // A bearer token and device id for `login` straight from POST /v1/auth/login.
    struct Session
    {
        QString token;
        QString deviceId;
    };
    Session httpLogin(const QString &login, const QString &deviceName)
    {
        HttpClient http(m_hq.url());
        const HttpReply r = http.postJson(
            u"/v1/auth/login"_s,
            {{u"login"_s, login}, {u"password"_s, FieldPassword}, {u"device_name"_s, deviceName}});
        return {r.json[u"token"_s].toString(), r.json[u"device_id"_s].toString()};
    }

    // HQ's customers of a territory that are not archived, as RepProfile::customers shows them.
    QMap<QString, QJsonObject> hqCustomers(const QString &territory)
    {
        QMap<QString, QJsonObject> map;
        auto result = m_db->exec(u"SELECT id, code, name, phone, email, notes, language, territory "
                                 "FROM customers WHERE territory = ? AND archived = 0"_s,
                                 {territory});
        if (!result)
            return map;
        QSqlQuery *q = &result.value();
        while (q->next()) {
            QJsonObject o;
            const QStringList keys {u"code"_s,  u"name"_s,     u"phone"_s,    u"email"_s,
                                    u"notes"_s, u"language"_s, u"territory"_s};
            for (int i = 0; i < keys.size(); ++i)
                o.insert(keys.at(i), q->value(i + 1).toString());
            map.insert(normId(q->value(0).toString()), o);
        }
        return map;
    }

    QVariant scalar(const QString &sql, const QVariantList &bindings = {})
    {
        auto v = m_db->scalar(sql, bindings);
        return v ? *v : QVariant();
    }
    qint64 count(const QString &table, const QString &where = {}, const QVariantList &bindings = {})
    {
        return scalar(u"SELECT COUNT(*) FROM "_s + table
                          + (where.isEmpty() ? QString() : u" WHERE "_s + where),
                      bindings)
            .toLongLong();
    }
    QString customerField(const QString &id, const QString &column)
    {
        return scalar(u"SELECT "_s + column + u" FROM customers WHERE id = ?"_s, {id}).toString();
    }

private:
    QString seed(const SeedOptions &options)
    {
        // Written with feed touches suspended and the feed rebuilt once at the end, as
        // "init --demo" loads a company.
        QString error;
        auto done = m_db->transaction([&]() -> Result<void> {
            {
                karvan::hq::sync::FeedTouchesSuspended suspended;
                error = seedRows(options);
            }
            if (!error.isEmpty())
                return makeError(ErrorCode::InvalidArgument, error);
            return karvan::hq::sync::ChangeFeed(*m_db).rebuild();
        });
        return done ? QString() : done.errorMessage();
    }

    QString seedRows(const SeedOptions &options)
    {
        UserDirectory users(*m_db);
        for (const auto &[login, role, territory] :
             {std::tuple {u"admin"_s, Role::Admin, QString()},
              std::tuple {u"fin"_s, Role::Finance, QString()},
              std::tuple {u"rep.a1"_s, Role::Rep, u"NORTH"_s},
              std::tuple {u"rep.a2"_s, Role::Rep, u"NORTH"_s},
              std::tuple {u"rep.b1"_s, Role::Rep, u"SOUTH"_s}}) {
            NewUser u {login, role, territory.isEmpty() ? QStringList() : QStringList {territory}};
            if (auto r = users.add(u, FieldPassword, u"test"_s); !r)
                return r.errorMessage();
        }
        erp::MasterData master(*m_db);
        for (const QString &code : {u"WH1"_s, u"WH2"_s}) {
            Warehouse w;
            w.code = code;
            w.name = u"Warehouse "_s + code;
            if (auto r = master.saveWarehouse(m_admin, w); !r)
                return r.errorMessage();
        }
        QStringList skus {u"TEA"_s, u"RICE"_s, u"OIL"_s};
        for (int i = 1; i <= options.fillerProducts; ++i)
            m_co.fillerSkus.append(u"P-%1"_s.arg(i, 5, 10, QLatin1Char('0')));
        skus += m_co.fillerSkus;
        PriceList base;
        base.code = u"BASE-USD"_s;
        base.name = u"List prices"_s;
        base.currency = u"USD"_s;
        base.isBase = true;
        for (int i = 0; i < skus.size(); ++i) {
            Product p;
            p.sku = skus.at(i);
            p.name = u"Product "_s + skus.at(i).toLower();
            if (auto r = master.saveProduct(m_admin, p); !r)
                return r.errorMessage();
            const qint64 price = i == 0 ? 333 : i == 1 ? 1999 : i == 2 ? 715 : 100 + (i * 37) % 900;
            base.entries.append({skus.at(i), QString(), {{unitsOf(1), usdOf(price)}}});
        }
        if (auto r = master.savePriceList(m_admin, base); !r)
            return r.errorMessage();
        for (const QString &region : {u"N"_s, u"S"_s}) {
            TaxRule t {u"standard"_s, region, region == u"N"_s ? 1800 : 1000, false,
                       u"VAT "_s + region};
            if (auto r = master.saveTaxRule(m_admin, t); !r)
                return r.errorMessage();
        }
        auto customer = [&](const QString &name, const QString &territory,
                            std::optional<qint64> limit, QString *id) -> QString {
            Customer c;
            c.name = name;
            c.territory = territory;
            c.taxRegion = territory == u"NORTH"_s ? u"N"_s : u"S"_s;
            c.currency = u"USD"_s;
            c.paymentTermsDays = 30;
            c.phone = u"+1 555 0100"_s;
            if (limit)
                c.creditLimit = usdOf(*limit);
            auto saved = master.saveCustomer(m_admin, c);
            if (!saved)
                return saved.errorMessage();
            *id = normId(saved->customer.id.toString());
            return {};
        };
        for (const QString &e :
             {customer(u"Cash & Carry"_s, u"NORTH"_s, std::nullopt, &m_co.cash),
              customer(u"Corner Store"_s, u"NORTH"_s, std::nullopt, &m_co.corner),
              customer(u"Tight Ltd"_s, u"NORTH"_s, 10000, &m_co.tight),
              customer(u"Old Co"_s, u"NORTH"_s, std::nullopt, &m_co.oldCo),
              customer(u"South Shop"_s, u"SOUTH"_s, std::nullopt, &m_co.south),
              customer(u"Harbour Deli"_s, u"SOUTH"_s, std::nullopt, &m_co.harbour)}) {
            if (!e.isEmpty())
                return e;
        }
        for (int i = 1; i <= options.fillerCustomers; ++i) {
            QString id;
            if (const QString e = customer(u"Filler %1"_s.arg(i, 4, 10, QLatin1Char('0')),
                                           u"NORTH"_s, std::nullopt, &id);
                !e.isEmpty())
                return e;
            m_co.fillerCustomers.append(id);
        }
        erp::Inventory inventory(*m_db);
        const QDate day = QDate::currentDate().addDays(-1);
        for (int i = 0; i < skus.size(); ++i) {
            const qint64 units = i == 0 ? 100 : i == 1 ? 30 : i == 2 ? 3 : 50;
            if (auto r = inventory.openingStock(m_finance, skus.at(i), u"WH1"_s, units * 1000,
                                                101 + i % 50, day);
                !r)
                return r.errorMessage();
        }
        return {};
    }

    static Money usdOf(qint64 minor) { return Money::fromMinor(minor, u"USD"_s).value(); }
    static Quantity unitsOf(qint64 n) { return Quantity::ofUnits(n, u"ea"_s).value(); }

    TestDatabase m_testDb;
    std::unique_ptr<Database> m_db;
    HqServerProcess m_hq;
    SyncCompany m_co;
    erp::Actor m_admin {u"admin"_s, Role::Admin, {}};
    erp::Actor m_finance {u"fin"_s, Role::Finance, {}};
};

} // namespace karvan::hq::test

// Fails the test with the first violated ERP invariant (ledger balanced, subledgers, stock).
#define KARVAN_SYNC_VERIFY_INVARIANTS(db)                                                          \
    do {                                                                                           \
        auto inv_ = karvan::hq::erp::checkInvariants(db);                                          \
        QVERIFY2(inv_.ok(), qPrintable(inv_.errorMessage()));                                      \
        QVERIFY2(inv_->ok, qPrintable(inv_->firstViolation));                                      \
    } while (false)

#pragma once

// A fresh, empty HQ database per test, on the backend named by the test's data row
// ("sqlite" or "postgresql"). PostgreSQL comes from the cluster the ctest fixture pg_start
// started (pg-cluster.sh); its URL is in the file named by KARVAN_TEST_PG_URL_FILE. Each test
// gets a database of its own on that cluster, so test binaries run in parallel. When the
// cluster is missing the PostgreSQL rows FAIL: CI installs PostgreSQL, a skip would hide a
// broken backend.

#include "storage/databaseurl.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace karvan::hq::test {

inline void addBackendColumns()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

class TestDatabase
{
public:
    explicit TestDatabase(const QString &backend)
    {
        if (backend == QLatin1String("sqlite")) {
            if (!m_dir.isValid()) {
                m_error = QStringLiteral("cannot create a temporary directory");
                return;
            }
            m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("hq.db"));
            return;
        }
        createPostgresDatabase();
    }

    ~TestDatabase()
    {
        if (m_pgName.isEmpty())
            return;
        // FORCE (PostgreSQL 13+) ends connections a failed test left open.
        (void)adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
    }

    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString url() const { return m_url; }
    // The SQLite file's directory (empty for PostgreSQL).
    QString dir() const { return m_pgName.isEmpty() ? m_dir.path() : QString(); }

    static QString postgresBaseUrl(QString *error)
    {
        const QString file = qEnvironmentVariable("KARVAN_TEST_PG_URL_FILE");
        if (file.isEmpty()) {
            *error = QStringLiteral("KARVAN_TEST_PG_URL_FILE is not set: run this test through "
                                    "ctest, whose pg_start fixture starts PostgreSQL");
            return {};
        }
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("no PostgreSQL test cluster: cannot read %1 (did the pg_start "
                                    "fixture fail? see its output)")
                         .arg(file);
            return {};
        }
        return QString::fromUtf8(f.readAll()).trimmed();
    }

private:
    void createPostgresDatabase()
    {
        const QString base = postgresBaseUrl(&m_error);
        if (base.isEmpty())
            return;
        auto parsed = DatabaseUrl::parse(base);
        if (!parsed) {
            m_error = parsed.errorMessage();
            return;
        }
        m_base = *parsed;
        static QAtomicInteger<int> counter;
        m_pgName = QStringLiteral("karvan_t_%1_%2")
                       .arg(QCoreApplication::applicationPid())
                       .arg(counter.fetchAndAddRelaxed(1));
        if (const QString e = adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_pgName));
            !e.isEmpty()) {
            m_error = QStringLiteral("PostgreSQL test cluster at %1: %2").arg(base, e);
            m_pgName.clear();
            return;
        }
        DatabaseUrl own = m_base;
        own.database = m_pgName;
        m_url = own.toString();
    }

    QString adminExec(const QString &sql)
    {
        const QString name = QStringLiteral("karvan-test-admin-") + m_pgName;
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(m_base.host);
            db.setPort(m_base.port);
            db.setUserName(m_base.user);
            db.setPassword(m_base.password);
            db.setDatabaseName(m_base.database);
            db.setConnectOptions(QStringLiteral("connect_timeout=10"));
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(sql))
                    error = q.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    }

    QTemporaryDir m_dir;
    QString m_url;
    QString m_error;
    DatabaseUrl m_base;
    QString m_pgName;
};

} // namespace karvan::hq::test

// Fetches the "backend" column and opens a fresh database on it as `var`, or fails the test.
#define KARVAN_TEST_DATABASE(var)                                                                  \
    QFETCH(QString, backend);                                                                      \
    karvan::hq::test::TestDatabase var(backend);                                                   \
    QVERIFY2(var.ok(), qPrintable(var.error()))

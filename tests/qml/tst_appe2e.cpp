// The end-to-end test of the app (tst_appe2e.qml): the real karvan-hq with the small demo
// company on a temporary SQLite database, serving on 127.0.0.1, and the app's DeviceSession on
// an empty device store, driven through the real QML pages. The context property `Hq` starts
// and stops the server (on the same port, so the device's stored address stays right) and
// asks HQ itself about an order, to compare with what the order page shows.
#include "appsettings.h"
#include "devicesession.h"
#include "formatter.h"

#include "../integration/hqserverprocess.h"
#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "store/localstore.h"

#include <QApplication>
#include <QJsonArray>
#include <QQmlContext>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(KarvanPlugin)

using namespace Qt::StringLiterals;
using karvan::hq::test::HqServerProcess;
using karvan::hq::test::HttpClient;

class HqControl : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString url READ url CONSTANT)
    Q_PROPERTY(QString login READ login CONSTANT)
    Q_PROPERTY(QString error READ error CONSTANT)

public:
    HqControl(QString dir, QString devicePath, QObject *parent)
        : QObject(parent)
        , m_dir(std::move(dir))
        , m_devicePath(std::move(devicePath))
    { }

    // init --demo small, then serve on a free port; false with error() on failure.
    bool setUp()
    {
        m_db = u"sqlite:"_s + m_dir + u"/hq.sqlite"_s;
        QProcess init;
        init.start(QStringLiteral(KARVAN_HQ_BINARY),
                   {u"init"_s, u"--db"_s, m_db, u"--demo"_s, u"small"_s});
        if (!init.waitForFinished(240000) || init.exitCode() != 0) {
            m_error = u"karvan-hq init --demo small failed: "_s
                + QString::fromUtf8(init.readAllStandardError());
            return false;
        }
        // The demo logins: "  rep.tr1   rep   TR-IST"; the first rep is ours.
        const QString out = QString::fromUtf8(init.readAllStandardOutput());
        const auto match
            = QRegularExpression(u"^\\s+(\\S+)\\s+rep\\s"_s, QRegularExpression::MultilineOption)
                  .match(out);
        if (!match.hasMatch()) {
            m_error = u"no demo rep in karvan-hq init's output: "_s + out;
            return false;
        }
        m_login = match.captured(1);
        return start();
    }

    QString url() const { return m_url.toString(); }
    QString login() const { return m_login; }
    QString error() const { return m_error; }

    // HQ goes down: the device is offline.
    Q_INVOKABLE bool stop()
    {
        if (!m_server)
            return false;
        const int code = m_server->stop();
        m_server.reset();
        return code == 0;
    }

    // HQ comes back, on the port the device knows.
    Q_INVOKABLE bool start()
    {
        m_server = std::make_unique<HqServerProcess>();
        const QStringList listen = m_url.isValid()
            ? QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_url.port())}
            : QStringList();
        if (!m_server->start(m_db, listen)) {
            m_error = m_server->error();
            return false;
        }
        if (m_url.isValid() && m_server->url() != m_url) {
            m_error = u"HQ came back on another address: "_s + m_server->url().toString();
            return false;
        }
        m_url = m_server->url();
        return true;
    }

    // HQ's own view of an order, as the rep sees it through the API: {status, number} or {}.
    Q_INVOKABLE QVariantMap order(const QString &id)
    {
        HttpClient client(m_url);
        const auto login = client.postJson(u"/v1/auth/login"_s,
                                           {{u"login"_s, m_login},
                                            {u"password"_s, u"demo"_s},
                                            {u"device_name"_s, u"tst_appe2e check"_s}});
        const QString token = login.json[u"token"_s].toString();
        if (token.isEmpty())
            return {};
        const auto reply = client.send("GET", u"/v1/orders/"_s + id, {}, token);
        const QJsonObject o = reply.json[u"order"_s].toObject();
        if (reply.status != 200 || o.isEmpty())
            return {};
        return {{u"status"_s, o[u"status"_s].toString()}, {u"number"_s, o[u"number"_s].toString()}};
    }

    // A synced customer of the rep's territory with a credit limit, and a stocked product:
    // {customerId, customerName, sku, productName}.
    Q_INVOKABLE QVariantMap orderFixture() const
    {
        auto store = karvan::LocalStore::open(m_devicePath);
        if (!store)
            return {};
        QVariantMap out;
        QSqlQuery q((*store)->database());
        q.exec(u"SELECT id, name FROM customers WHERE archived = 0 AND credit_limit_minor > 0 "
               u"ORDER BY credit_limit_minor DESC, name LIMIT 1"_s);
        if (q.next()) {
            out.insert(u"customerId"_s, q.value(0).toString());
            out.insert(u"customerName"_s, q.value(1).toString());
        }
        q.exec(u"SELECT p.sku, p.name FROM stock_levels s JOIN products p ON p.sku = s.sku "
               u"WHERE p.active = 1 GROUP BY s.sku HAVING sum(s.on_hand_milli - "
               u"s.reserved_milli) > 100000 ORDER BY s.sku LIMIT 1"_s);
        if (q.next()) {
            out.insert(u"sku"_s, q.value(0).toString());
            out.insert(u"productName"_s, q.value(1).toString());
        }
        return out;
    }

private:
    QString m_dir;
    QString m_devicePath;
    QString m_db;
    QString m_login;
    QString m_error;
    QUrl m_url;
    std::unique_ptr<HqServerProcess> m_server;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KarvanE2ETest"_s);
        QSettings().clear();
        const QString path = m_dir.filePath(u"device.sqlite"_s);
        m_hq = new HqControl(m_dir.path(), path, this);
        if (!m_hq->setUp())
            qFatal("HQ: %s", qPrintable(m_hq->error()));
        karvan::app::Formatter::instance()->setLanguage(u"en"_s);
        m_settings = new karvan::app::AppSettings(false, this);
        // An empty device: everything it shows comes from HQ.
        m_session = new karvan::app::DeviceSession(path, QString(), this);
        m_session->setToday(karvan::DemoOptions().today);
        m_session->setSearchDebounceMs(30);
        m_session->start();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        karvan::app::Formatter::instance()->attachEngine(engine);
        engine->rootContext()->setContextProperty(u"Hq"_s, m_hq);
    }

    void cleanupTestCase()
    {
        delete m_session;
        m_session = nullptr;
        m_hq->stop();
    }

private:
    QTemporaryDir m_dir;
    HqControl *m_hq = nullptr;
    karvan::app::AppSettings *m_settings = nullptr;
    karvan::app::DeviceSession *m_session = nullptr;
};

// Qt Charts (Customer 360) draws with Graphics View, so the tests run a QApplication, made
// before quick_test_main_with_setup, which then uses it instead of a QGuiApplication.
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "karvan_e2e", nullptr, &setup);
}

#include "tst_appe2e.moc"

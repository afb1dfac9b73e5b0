// Qt Quick Tests of the Karvan app: QUICK_TEST_MAIN with a setup class that writes a small
// demo store into a temporary directory and starts a DeviceSession on it, as `karvan` does.
#include "apprunner.h"
#include "appsettings.h"
#include "devicesession.h"
#include "formatter.h"
#include "testsupport.h"

#include "demo/demogenerator.h"

#include <QApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(KarvanPlugin)

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KarvanTest"_s);
        QSettings().clear(); // the default kiosk PIN, no server
        const QString path = m_dir.filePath(u"device.sqlite"_s);
        if (auto r = karvan::app::createDemoStore(path); !r)
            qFatal("demo store: %s", qPrintable(r.errorMessage()));
        m_support = new TestSupport(path, this);
        if (!m_support->addFixtures())
            qFatal("cannot add test fixtures");
        karvan::app::Formatter::instance()->setLanguage(u"en"_s);
        m_settings = new karvan::app::AppSettings(false, this);
        m_session = new karvan::app::DeviceSession(path, u"rep.test"_s, this);
        m_session->setToday(karvan::DemoOptions().today);
        m_session->setSearchDebounceMs(30);
        m_session->start();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        karvan::app::Formatter::instance()->attachEngine(engine);
        engine->rootContext()->setContextProperty(u"TestSupport"_s, m_support);
    }

    void cleanupTestCase()
    {
        delete m_session;
        m_session = nullptr;
    }

private:
    QTemporaryDir m_dir;
    TestSupport *m_support = nullptr;
    karvan::app::AppSettings *m_settings = nullptr;
    karvan::app::DeviceSession *m_session = nullptr;
};

// Qt Charts (Customer 360) draws with Graphics View, so the tests run a QApplication, made
// before quick_test_main_with_setup, which then uses it instead of a QGuiApplication.
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "karvan_qml", nullptr, &setup);
}

#include "tst_karvan_qml.moc"

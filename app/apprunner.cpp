#include "apprunner.h"

#include "appsettings.h"
#include "devicesession.h"
#include "formatter.h"
#include "pagetour.h"

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "store/localstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <atomic>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

std::atomic<int> s_warnings {0};
QtMessageHandler s_previousHandler = nullptr;

// The self-test fails on any warning: QML errors, binding loops, missing properties, and the
// app's own. Messages are still printed.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
        ++s_warnings;
    if (s_previousHandler)
        s_previousHandler(type, context, message);
}

QString startLanguage(const QString &requested)
{
    const QStringList known = Formatter::instance()->languages();
    if (known.contains(requested))
        return requested;
    const QString system = QLocale::system().name().section(u'_', 0, 0);
    return known.contains(system) ? system : u"en"_s;
}

} // namespace

Result<void> createDemoStore(const QString &path)
{
    auto store = LocalStore::open(path);
    if (!store)
        return store.error();
    DemoOptions options;
    options.size = DemoSize::Small;
    StoreDemoSink sink(**store);
    auto summary = DemoGenerator(options).generate(sink);
    if (!summary)
        return summary.error();
    return {};
}

int run(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Karvan"_s);
    QGuiApplication::setApplicationName(u"karvan"_s);
    QGuiApplication::setApplicationVersion(u"0.1.0"_s);
    QGuiApplication::setDesktopFileName(u"karvan"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Karvan field sales"_s);
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"The device store (SQLite file)."_s, u"path"_s});
    parser.addOption({u"demo"_s, u"Fill a new store with the demo company."_s});
    parser.addOption({u"language"_s, u"en, fa, ar, he, tr or vi."_s, u"code"_s});
    parser.addOption({u"kiosk"_s, u"Self-order kiosk mode."_s});
    parser.addOption({u"kiosk-idle"_s, u"Kiosk idle reset, seconds."_s, u"seconds"_s});
    parser.addOption({u"self-test"_s, u"Load every page in every language, then exit."_s});
    parser.addOption({u"screenshots"_s, u"Write screenshots of every page to DIR."_s, u"dir"_s});
    parser.addOption({u"user"_s, u"The signed-in login."_s, u"login"_s, u"rep.tr1"_s});
    parser.process(app);

    const bool selfTest = parser.isSet(u"self-test"_s);
    const QString screenshotDir = parser.value(u"screenshots"_s);
    const bool tour = selfTest || !screenshotDir.isEmpty();
    if (tour)
        s_previousHandler = qInstallMessageHandler(countingHandler);
    QTextStream err(stderr);

    // The self-test and screenshots run on a fresh demo store of their own.
    QTemporaryDir tempDir;
    QString path = parser.value(u"db"_s);
    QDate today = QDate::currentDate();
    if (tour) {
        path = tempDir.filePath(u"device.sqlite"_s);
        today = DemoOptions().today;
    } else if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = QDir(dir).filePath(u"device.sqlite"_s);
    }
    if ((tour || parser.isSet(u"demo"_s)) && !QFileInfo::exists(path)) {
        QElapsedTimer timer;
        timer.start();
        if (auto r = createDemoStore(path); !r) {
            err << "karvan: demo store: " << r.errorMessage() << Qt::endl;
            return 2;
        }
        if (parser.isSet(u"demo"_s))
            today = DemoOptions().today;
        err << "karvan: demo store ready in " << timer.elapsed() << " ms" << Qt::endl;
    }

    // Basic: it draws without shader effects, so it renders the same on every GPU, in the
    // software renderer and offscreen (Material's elevation is invisible there).
    QQuickStyle::setStyle(u"Basic"_s);
    Formatter *formatter = Formatter::instance();
    formatter->setLanguage(startLanguage(parser.value(u"language"_s)));

    AppSettings settings(parser.isSet(u"kiosk"_s));
    if (parser.isSet(u"kiosk-idle"_s))
        settings.setKioskIdleSeconds(parser.value(u"kiosk-idle"_s).toInt());
    DeviceSession session(path, parser.value(u"user"_s));
    session.setToday(today);
    session.start();

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    formatter->attachEngine(&engine);
    engine.load(QUrl(u"qrc:/Karvan/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        err << "karvan: the user interface did not load" << Qt::endl;
        return 1;
    }
    if (!tour)
        return app.exec();

    QElapsedTimer timer;
    timer.start();
    PageTour pages(engine, session);
    if (!pages.prepare()) {
        err << "karvan: the demo store has no customer to show" << Qt::endl;
        return 1;
    }
    const QStringList languages
        = selfTest ? formatter->languages() : QStringList {u"en"_s, u"fa"_s, u"ar"_s};
    if (!screenshotDir.isEmpty())
        QDir().mkpath(screenshotDir);
    const int shown = pages.run(languages, screenshotDir);
    const int warnings = s_warnings.load();
    const bool ok = shown > 0 && warnings == 0 && session.lastError().isEmpty();
    QTextStream(stdout) << "karvan " << (selfTest ? "self-test" : "screenshots") << ": "
                        << (ok ? "PASS" : "FAIL") << ", " << shown << " page views in "
                        << languages.size() << " languages x 2 layouts, " << warnings
                        << " QML warnings/errors"
                        << (session.lastError().isEmpty()
                                ? QString()
                                : u", store error: "_s + session.lastError())
                        << ", " << timer.elapsed() << " ms" << Qt::endl;
    return ok ? 0 : 1;
}

} // namespace karvan::app

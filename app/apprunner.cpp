#include "apprunner.h"

#include "appsettings.h"
#include "devicesession.h"
#include "formatter.h"
#include "pagetour.h"
#include "startupprobe.h"

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "store/localstore.h"

#include <QApplication>
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

#include <QEventLoop>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>

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

// The password for --login: $KARVAN_PASSWORD, else one line on stdin (not echoed on a
// terminal).
Result<QString> startPassword()
{
    const QByteArray env = qgetenv("KARVAN_PASSWORD");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved {};
    bool echoOff = false;
    if (terminal) {
        std::fputs("password: ", stderr);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            echoOff = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    QByteArray line;
    bool tooLong = false;
    for (;;) {
        const int c = std::fgetc(stdin);
        if (c == EOF || c == '\n')
            break;
        if (line.size() >= 4096) {
            tooLong = true;
            break;
        }
        line.append(char(c));
    }
    if (echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (terminal)
        std::fputs("\n", stderr);
    if (tooLong)
        return makeError(ErrorCode::InvalidArgument, u"the password is longer than 4096 bytes"_s);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"--login needs the password on stdin (one line) or in "
                         "KARVAN_PASSWORD"_s);
    return QString::fromUtf8(line);
}

// Signs in and runs the first sync, waiting for both; the error, or what the sync did.
Result<QString> signInAndSync(DeviceSession &session, const QString &server, const QString &login,
                              const QString &password, const QString &caFile)
{
    QEventLoop loop;
    std::optional<Error> error;
    QString summary;
    bool done = false;
    auto finish = [&] {
        done = true;
        loop.quit();
    };
    QObject::connect(
        &session, &DeviceSession::signInFinished, &loop, [&](bool ok, const QString &message) {
            if (!ok) {
                const QString detail = session.signInErrorDetail();
                error = makeError(ErrorCode::InvalidArgument,
                                  u"sign-in failed: "_s + message
                                      + (detail.isEmpty() ? QString() : u" ("_s + detail + u')'));
                finish();
            }
        });
    QObject::connect(
        &session, &DeviceSession::syncFinished, &loop, [&](bool ok, const QString &message) {
            const QString detail = session.syncErrorDetail();
            if (!ok)
                error = makeError(ErrorCode::Storage,
                                  u"sync failed: "_s + message
                                      + (detail.isEmpty() ? QString() : u" ("_s + detail + u')'));
            summary = message;
            finish();
        });
    session.waitUntilIdle(30000);
    session.signIn(server, login, password, caFile);
    if (!done)
        loop.exec();
    if (error)
        return *error;
    session.waitUntilIdle(30000);
    return summary;
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
    // First thing: --measure-startup counts from here (and from exec, see startupprobe.h).
    const qint64 mainEntryNs = startup::monotonicNs();
    const double ageAtMainMs = startup::processAgeMs();
    QApplication app(argc, argv); // Qt Charts (Graphics View) needs the widgets application
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
    parser.addOption({u"user"_s, u"Who writes, when not signed in."_s, u"login"_s, u"rep.tr1"_s});
    parser.addOption(
        {u"server"_s, u"Sign in to HQ at start (with --login) and sync once."_s, u"url"_s});
    parser.addOption({u"login"_s,
                      u"Your login at HQ; the password is read from stdin (or "
                      "KARVAN_PASSWORD)."_s,
                      u"name"_s});
    parser.addOption({u"ca-file"_s, u"PEM certificates to trust (a self-hosted HQ)."_s, u"pem"_s});
    parser.addOption({u"measure-startup"_s,
                      u"Print start-up times (to the first frame, and to the first frame with "
                      u"the store's data) as one JSON line, then exit."_s});
    parser.process(app);
    const bool measureStartup = parser.isSet(u"measure-startup"_s);

    const bool signInAtStart = parser.isSet(u"server"_s) || parser.isSet(u"login"_s);
    if (signInAtStart && (!parser.isSet(u"server"_s) || !parser.isSet(u"login"_s))) {
        QTextStream(stderr) << "karvan: --server and --login go together" << Qt::endl;
        return 2;
    }
    QString password;
    if (signInAtStart) {
        auto read = startPassword();
        if (!read) {
            QTextStream(stderr) << "karvan: " << read.errorMessage() << Qt::endl;
            return 2;
        }
        password = *read;
    }

    const bool selfTest = parser.isSet(u"self-test"_s);
    const QString screenshotDir = parser.value(u"screenshots"_s);
    const bool tour = selfTest || !screenshotDir.isEmpty();
    if (measureStartup && (tour || signInAtStart)) {
        QTextStream(stderr) << "karvan: --measure-startup goes alone (with --db, --language, "
                               "--kiosk)"
                            << Qt::endl;
        return 2;
    }
    if (tour)
        s_previousHandler = qInstallMessageHandler(countingHandler);
    QTextStream err(stderr);

    // The self-test and screenshots run on a fresh demo store of their own, or on what the
    // sign-in synced.
    QTemporaryDir tempDir;
    QString path = parser.value(u"db"_s);
    QDate today = QDate::currentDate();
    if (tour && signInAtStart) {
        if (path.isEmpty())
            path = tempDir.filePath(u"device.sqlite"_s);
        today = DemoOptions().today;
    } else if (tour) {
        path = tempDir.filePath(u"device.sqlite"_s);
        today = DemoOptions().today;
    } else if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = QDir(dir).filePath(u"device.sqlite"_s);
    }
    if (((tour && !signInAtStart) || parser.isSet(u"demo"_s)) && !QFileInfo::exists(path)) {
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
    if (!tour && !measureStartup) {
        // Automatic sync while signed in (the self-test and screenshots stay still).
        session.setAutoSyncMinutes(settings.syncIntervalMinutes());
        QObject::connect(&settings, &AppSettings::syncIntervalChanged, &session,
                         [&] { session.setAutoSyncMinutes(settings.syncIntervalMinutes()); });
    }
    session.start();

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    formatter->attachEngine(&engine);
    engine.load(QUrl(u"qrc:/Karvan/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        err << "karvan: the user interface did not load" << Qt::endl;
        return 1;
    }
    if (signInAtStart) {
        const QString server = parser.value(u"server"_s);
        auto synced = signInAndSync(session, server, parser.value(u"login"_s), password,
                                    parser.value(u"ca-file"_s));
        password.fill(u'\0');
        if (!synced) {
            err << "karvan: " << synced.errorMessage() << Qt::endl;
            if (tour)
                return 1;
        } else {
            const QVariantMap held = session.storeSummaryBlocking();
            QTextStream(stdout) << "karvan: signed in to " << session.serverUrl() << " as "
                                << session.account() << "; first sync: " << *synced
                                << "; this device now holds " << held.value(u"customers"_s).toInt()
                                << " customers, " << held.value(u"products"_s).toInt()
                                << " products, " << held.value(u"orders"_s).toInt() << " orders, "
                                << held.value(u"tickets"_s).toInt() << " open tickets" << Qt::endl;
        }
    }
    if (measureStartup) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        if (!window) {
            err << "karvan: the main window is not a QQuickWindow" << Qt::endl;
            return 1;
        }
        startup::FirstFrameProbe probe(mainEntryNs, ageAtMainMs);
        probe.watch(window, [&session] { return session.ready() && !session.busy(); });
        QObject::connect(&session, &DeviceSession::readyChanged, window,
                         [&probe] { probe.poke(); });
        QObject::connect(&session, &DeviceSession::busyChanged, window, [&probe] { probe.poke(); });
        return app.exec();
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

#include "http/servecommand.h"

#include "cli/commandline.h"
#include "cli/commands.h"
#include "http/hqserver.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "sync/syncroutes.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace karvan::hq::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // write() is async-signal-safe; the event loop reads the other end.
    [[maybe_unused]] const auto n = ::write(g_signalPipe[0], &byte, 1);
}

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

Result<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return makeError(ErrorCode::InvalidArgument, u"--listen must be HOST:PORT"_s);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return makeError(ErrorCode::InvalidArgument,
                         u"--listen: \"%1\" is not a port (0-65535)"_s.arg(text.mid(colon + 1)));
    ListenAddress a;
    a.port = quint16(port);
    if (host == u"localhost"_s)
        a.host = QHostAddress(QHostAddress::LocalHost);
    else if (!a.host.setAddress(host))
        return makeError(ErrorCode::InvalidArgument,
                         u"--listen: \"%1\" is not an IP address"_s.arg(host));
    return a;
}

Result<QSslConfiguration> loadTls(const QString &certFile, const QString &keyFile)
{
    QFile cert(certFile);
    if (!cert.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidArgument,
                         u"cannot read --tls-cert %1: %2"_s.arg(certFile, cert.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"--tls-cert %1 holds no PEM certificate"_s.arg(certFile));
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidArgument,
                         u"cannot read --tls-key %1: %2"_s.arg(keyFile, keyIn.errorString()));
    const QByteArray pem = keyIn.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         u"--tls-key %1 holds no unencrypted PEM RSA or EC key"_s.arg(keyFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    return config;
}

// Every connection is a file descriptor: the usual soft limit of 1024 would refuse clients
// long before the server is busy, so serve takes whatever the hard limit allows.
void raiseOpenFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit); // a refusal leaves the old limit: still works
    }
}

} // namespace

void setUpServe(QCommandLineParser &parser)
{
    parser.addOption(
        {u"db"_s, u"The database: sqlite:PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB."_s,
         u"URL"_s});
    parser.addOption({u"listen"_s,
                      u"HOST:PORT to listen on (port 0: any free port). A non-loopback host "
                      "needs --tls-cert and --tls-key."_s,
                      u"HOST:PORT"_s});
    parser.addOption({u"tls-cert"_s, u"PEM certificate (chain) for HTTPS."_s, u"FILE"_s});
    parser.addOption({u"tls-key"_s, u"PEM private key for HTTPS (unencrypted)."_s, u"FILE"_s});
    parser.addOption({u"workers"_s,
                      u"Worker threads, each with one database connection (default 8)."_s, u"N"_s,
                      u"8"_s});
}

int runServe(const QString &name, const QCommandLineParser &parser)
{
    if (!parser.isSet(u"db"_s))
        return fail(name, u"missing --db"_s, ExitUsage);
    if (!parser.isSet(u"listen"_s))
        return fail(name, u"missing --listen"_s, ExitUsage);
    auto listen = parseListen(parser.value(u"listen"_s));
    if (!listen)
        return fail(name, listen.errorMessage(), ExitUsage);
    const bool certSet = parser.isSet(u"tls-cert"_s);
    if (certSet != parser.isSet(u"tls-key"_s))
        return fail(name, u"--tls-cert and --tls-key go together"_s, ExitUsage);
    if (!certSet && !listen->host.isLoopback()) {
        return fail(name,
                    u"refusing to listen on %1 without TLS: pass --tls-cert and --tls-key, or "
                    "listen on a loopback address"_s.arg(listen->host.toString()),
                    ExitFailure);
    }
    bool workersOk = false;
    const int workers = parser.value(u"workers"_s).toInt(&workersOk);
    if (!workersOk || workers < 1 || workers > 256)
        return fail(name, u"--workers must be 1 to 256"_s, ExitUsage);
    std::optional<QSslConfiguration> tls;
    if (certSet) {
        auto config = loadTls(parser.value(u"tls-cert"_s), parser.value(u"tls-key"_s));
        if (!config)
            return fail(name, config.errorMessage(), ExitFailure);
        tls = *config;
    }

    auto url = DatabaseUrl::parse(parser.value(u"db"_s));
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    if (url->backend == Backend::Sqlite && !QFileInfo::exists(url->path)) {
        return fail(name,
                    u"no database at %1 (create it with: karvan-hq init --db %1)"_s.arg(
                        url->toDisplayString()),
                    ExitFailure);
    }
    Database::Options options;
    options.sqliteMmapBytes = 0; // many connections, constant commits: see the option
    auto db = Database::open(*url, options);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto version = hqSchemaVersion(**db);
    if (!version)
        return fail(name, version.errorMessage(), ExitFailure);
    if (*version != latestHqSchemaVersion()) {
        return fail(name,
                    u"%1 is at schema version %2, this karvan-hq needs %3 (run: karvan-hq init "
                    "--db URL)"_s.arg(url->toDisplayString())
                        .arg(*version)
                        .arg(latestHqSchemaVersion()),
                    ExitFailure);
    }

    raiseOpenFileLimit();
    int exitCode = ExitOk;
    {
        http::HqServer server(**db, workers);
        http::addAuthRoutes(server);
        http::addSyncRoutes(server);
        http::addErpRoutes(server);
        auto port = server.listen(listen->host, listen->port, tls);
        if (!port)
            return fail(name, port.errorMessage(), ExitFailure);

        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
            return fail(name, u"cannot set up signal handling"_s, ExitFailure);
        QSocketNotifier notifier(g_signalPipe[1], QSocketNotifier::Read);
        QTimer drain;
        drain.setInterval(50);
        QElapsedTimer stopping;
        QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&]() {
            char byte = 0;
            [[maybe_unused]] const auto n = ::read(g_signalPipe[1], &byte, 1);
            if (stopping.isValid())
                return;
            notifier.setEnabled(false);
            server.stopAccepting();
            stopping.start();
            std::fputs("{\"event\":\"stopping\"}\n", stderr);
            drain.start();
        });
        // Graceful stop: no new connections, then up to 10 s for requests in flight.
        QObject::connect(&drain, &QTimer::timeout, &server, [&]() {
            if (server.inFlight() == 0 || stopping.elapsed() > 10000)
                QCoreApplication::quit();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGTERM, &action, nullptr);
        ::sigaction(SIGINT, &action, nullptr);

        QString host = listen->host.toString();
        if (listen->host.protocol() == QAbstractSocket::IPv6Protocol)
            host = u"["_s + host + u"]"_s;
        printLine(u"listening on %1://%2:%3"_s.arg(tls ? u"https"_s : u"http"_s, host).arg(*port));
        exitCode = QCoreApplication::exec();
        server.shutdownWorkers();
        std::fputs("{\"event\":\"stopped\"}\n", stderr);
    }
    return exitCode;
}

} // namespace karvan::hq::cli

#include "engine/transport.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QTimer>

namespace karvan::sync {

using namespace Qt::StringLiterals;

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString sslErrorText(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return u"certificate is not trusted (%1); pass the HQ's CA file if it is self-hosted"_s.arg(
            error.errorString());
    case QSslError::HostNameMismatch:
        return u"certificate does not match the host name (%1)"_s.arg(error.errorString());
    case QSslError::CertificateExpired:
        return u"certificate has expired"_s;
    case QSslError::CertificateNotYetValid:
        return u"certificate is not yet valid (check the device clock)"_s;
    default:
        return error.errorString();
    }
}

} // namespace

struct HttpTransport::Private
{
    Options options;
    QSslConfiguration ssl;
    // A QNetworkAccessManager belongs to the thread that created it; the transport may be
    // used from the CLI's main thread or the app's store thread, so it is made on first use
    // and remade if the calling thread changes.
    std::unique_ptr<QNetworkAccessManager> nam;
    QThread *namThread = nullptr;

    QNetworkAccessManager &manager()
    {
        if (!nam || namThread != QThread::currentThread()) {
            nam = std::make_unique<QNetworkAccessManager>();
            namThread = QThread::currentThread();
        }
        return *nam;
    }
};

HttpTransport::HttpTransport(const Options &options)
    : d(std::make_unique<Private>())
{
    d->options = options;
}

HttpTransport::~HttpTransport()
{
    // A manager made on another thread must not be deleted from here while that thread runs
    // its event loop; it has no pending replies once post() returned, so deleting is safe.
    d->nam.reset();
}

Result<std::unique_ptr<HttpTransport>> HttpTransport::create(const Options &options)
{
    const QUrl &server = options.server;
    if (!server.isValid() || server.host().isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            u"the server URL \"%1\" is not valid (e.g. https://hq.example.com:8443)"_s.arg(
                server.toString()));
    const QString scheme = server.scheme().toLower();
    if (scheme != u"https"_s && scheme != u"http"_s)
        return makeError(
            ErrorCode::InvalidArgument,
            u"the server URL must start with https:// (got \"%1\")"_s.arg(server.toString()));
    if (scheme == u"http"_s && !isLoopback(server.host()))
        return makeError(ErrorCode::InvalidArgument,
                         u"refusing plain http to %1: credentials would travel unencrypted; use "
                         u"https"_s.arg(server.host()));
    if (options.timeoutMs <= 0)
        return makeError(ErrorCode::InvalidArgument, u"the transfer timeout must be positive"_s);

    std::unique_ptr<HttpTransport> transport(new HttpTransport(options));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!options.caFile.isEmpty()) {
        if (!QFileInfo(options.caFile).isReadable())
            return makeError(ErrorCode::NotFound,
                             u"cannot read the CA file %1"_s.arg(options.caFile));
        const QList<QSslCertificate> certificates
            = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
        if (certificates.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             u"the CA file %1 holds no PEM certificate"_s.arg(options.caFile));
        ssl.addCaCertificates(certificates);
    }
    transport->d->ssl = ssl;
    return transport;
}

void HttpTransport::setToken(const QString &token)
{
    d->options.token = token;
}

Result<TransportReply> HttpTransport::post(const QString &path, const QByteArray &body,
                                           const QByteArray &contentType)
{
    return send(QByteArrayLiteral("POST"), path, {}, body, contentType);
}

Result<TransportReply> HttpTransport::get(const QString &path, const QUrlQuery &query)
{
    return send(QByteArrayLiteral("GET"), path, query, {},
                QByteArrayLiteral("application/octet-stream"));
}

Result<TransportReply> HttpTransport::send(const QByteArray &verb, const QString &path,
                                           const QUrlQuery &query, const QByteArray &body,
                                           const QByteArray &contentType)
{
    QUrl url = d->options.server;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    const QString where
        = u"%1:%2"_s.arg(url.host()).arg(url.port(url.scheme().toLower() == u"https"_s ? 443 : 80));

    QNetworkRequest request(url);
    request.setSslConfiguration(d->ssl);
    if (verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", contentType);
    if (!d->options.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + d->options.token.toUtf8());
    request.setTransferTimeout(d->options.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);

    QPointer<QNetworkReply> reply
        = verb == "POST" ? d->manager().post(request, body) : d->manager().get(request);
    QStringList sslProblems;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&sslProblems](const QList<QSslError> &errors) {
                         // One line per kind of problem: a chain fails with several.
                         for (const QSslError &e : errors) {
                             const QString text = sslErrorText(e);
                             bool known = false;
                             for (const QString &p : std::as_const(sslProblems))
                                 known = known || p.left(25) == text.left(25);
                             if (!known)
                                 sslProblems.append(text);
                         }
                     });
    bool timedOut = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        if (reply)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(d->options.timeoutMs);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    deadline.stop();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorString = reply->errorString();
    TransportReply out;
    if (status.isValid() && !timedOut) {
        out.httpStatus = status.toInt();
        out.body = reply->readAll();
        out.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        reply->deleteLater();
        return out;
    }
    reply->deleteLater();

    const int seconds = (d->options.timeoutMs + 999) / 1000;
    if (timedOut || error == QNetworkReply::TimeoutError
        || error == QNetworkReply::OperationCanceledError)
        return makeError(ErrorCode::Storage,
                         u"cannot reach %1: timed out after %2 s"_s.arg(where).arg(seconds));
    if (!sslProblems.isEmpty())
        return makeError(ErrorCode::Storage,
                         u"TLS: %1 (server %2)"_s.arg(sslProblems.join(u"; "_s), where));
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return makeError(ErrorCode::Storage,
                         u"cannot connect to %1: connection refused"_s.arg(where));
    case QNetworkReply::HostNotFoundError:
        return makeError(ErrorCode::Storage, u"cannot connect to %1: host not found"_s.arg(where));
    case QNetworkReply::RemoteHostClosedError:
        return makeError(ErrorCode::Storage,
                         u"the connection to %1 was closed before the answer arrived"_s.arg(where));
    case QNetworkReply::SslHandshakeFailedError:
        return makeError(ErrorCode::Storage,
                         u"TLS: handshake with %1 failed (%2)"_s.arg(where, errorString));
    default:
        return makeError(ErrorCode::Storage, u"cannot reach %1: %2"_s.arg(where, errorString));
    }
}

} // namespace karvan::sync

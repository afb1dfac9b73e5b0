#pragma once

// Starts the real karvan-hq binary ("init", then "serve --listen 127.0.0.1:0"), reads the URL
// it prints, and stops it with SIGTERM; plus a small synchronous HTTP client on
// QNetworkAccessManager for talking to it. KARVAN_HQ_BINARY is $<TARGET_FILE:karvan-hq>.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace karvan::hq::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliRun runHq(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.setProgram(QStringLiteral(KARVAN_HQ_BINARY));
    p.setArguments(args);
    p.start();
    CliRun r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

class HqServerProcess
{
public:
    ~HqServerProcess() { stop(); }

    // serve --db url --listen 127.0.0.1:0 extraArgs (with env added to this process's
    // environment); false (with error()) when it did not print its URL within 20 s.
    bool start(const QString &dbUrl, const QStringList &extraArgs = {},
               const QList<std::pair<QString, QString>> &env = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : env)
            environment.insert(name, value);
        m_process.setProcessEnvironment(environment);
        m_process.setProgram(QStringLiteral(KARVAN_HQ_BINARY));
        m_process.setArguments(QStringList {QStringLiteral("serve"), QStringLiteral("--db"), dbUrl,
                                            QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:0"),
                                            QStringLiteral("--workers"), QStringLiteral("4")}
                               + extraArgs);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start karvan-hq");
            return false;
        }
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (m_process.canReadLine() || m_process.waitForReadyRead(200)) {
                out += m_process.readLine();
                const QString line = QString::fromUtf8(out).trimmed();
                if (line.startsWith(QStringLiteral("listening on "))) {
                    m_url = QUrl(line.mid(13));
                    return true;
                }
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        m_error = QStringLiteral("karvan-hq serve did not print its URL: ")
            + QString::fromUtf8(out + m_process.readAllStandardError());
        return false;
    }

    // SIGTERM, then the exit code (-1 when it had to be killed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished();
            return -1;
        }
        m_stderr += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QUrl url() const { return m_url; }
    QString error() const { return m_error; }
    QByteArray log()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }

private:
    QProcess m_process;
    QUrl m_url;
    QString m_error;
    QByteArray m_stderr;
};

struct HttpReply
{
    int status = 0; // 0: no HTTP response (network or TLS error)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString errorCode() const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

class HttpClient
{
public:
    explicit HttpClient(QUrl base)
        : m_base(std::move(base))
    { }
    void setSslConfiguration(const QSslConfiguration &config)
    {
        m_ssl = config;
        m_hasSsl = true;
    }

    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const QString &token = {},
                   const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        QUrl url = m_base;
        const qsizetype query = path.indexOf(u'?');
        url.setPath(query < 0 ? path : path.left(query));
        if (query >= 0)
            url.setQuery(path.mid(query + 1));
        QNetworkRequest request(url);
        if (m_hasSsl)
            request.setSslConfiguration(m_ssl);
        if (!body.isEmpty() || method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply r;
        r.networkError = reply->error();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        for (const auto &h : reply->rawHeaderPairs())
            r.headers.insert(h.first.toLower(), h.second);
        reply->deleteLater();
        return r;
    }

    HttpReply postJson(const QString &path, const QJsonObject &object, const QString &token = {})
    {
        return send("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact), token);
    }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    bool m_hasSsl = false;
};

} // namespace karvan::hq::test

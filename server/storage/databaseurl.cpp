#include "storage/databaseurl.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

Error urlError(const QString &text, const QString &why)
{
    // Never echo a password back: show only the scheme-level shape of what was given.
    QString shown = text;
    if (const qsizetype at = shown.lastIndexOf(u'@'); at > 0) {
        const qsizetype scheme = shown.indexOf(u"://"_s);
        const qsizetype userStart = scheme >= 0 ? scheme + 3 : 0;
        const qsizetype colon = shown.indexOf(u':', userStart);
        if (colon >= 0 && colon < at)
            shown.replace(colon + 1, at - colon - 1, u"***"_s);
    }
    return makeError(ErrorCode::InvalidArgument,
                     u"bad database URL \"%1\": %2 (expected sqlite:PATH or "
                     "postgresql://USER@HOST:PORT/DB)"_s.arg(shown, why));
}

bool hasControlCharacters(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

Result<QString> percentDecoded(const QString &text, const QString &part, const QString &whole)
{
    const QString decoded = QUrl::fromPercentEncoding(text.toUtf8());
    if (hasControlCharacters(decoded))
        return urlError(whole, part + u" contains control characters"_s);
    return decoded;
}

Result<DatabaseUrl> parseSqlite(const QString &text)
{
    QString path = text.mid(u"sqlite:"_s.size());
    if (path.startsWith(u"//"_s)) {
        // sqlite:///abs/path is the URL spelling of an absolute path; sqlite://host/... is not.
        if (!path.startsWith(u"///"_s))
            return urlError(
                text, u"a SQLite URL has no host; use sqlite:PATH or sqlite:///ABSOLUTE/PATH"_s);
        path = path.mid(2);
    }
    if (path.isEmpty())
        return urlError(text, u"the SQLite path is empty"_s);
    if (path == u":memory:"_s || path.startsWith(u"file:"_s))
        return urlError(text, u"the SQLite database must be a file path"_s);
    if (hasControlCharacters(path))
        return urlError(text, u"the path contains control characters"_s);
    DatabaseUrl url;
    url.backend = Backend::Sqlite;
    url.path = path;
    return url;
}

Result<DatabaseUrl> parsePostgres(const QString &text, qsizetype schemeLength)
{
    const QString rest = text.mid(schemeLength);
    if (rest.contains(u'?') || rest.contains(u'#'))
        return urlError(text, u"query parameters and fragments are not supported"_s);
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0)
        return urlError(text, u"the database name is missing"_s);
    const QString authority = rest.left(slash);
    const QString dbPart = rest.mid(slash + 1);
    if (dbPart.isEmpty() || dbPart.contains(u'/'))
        return urlError(text, u"the database name is missing or contains '/'"_s);

    const qsizetype at = authority.lastIndexOf(u'@');
    if (at <= 0)
        return urlError(text, u"the user is missing (postgresql://USER@HOST...)"_s);
    const QString userInfo = authority.left(at);
    const QString hostPort = authority.mid(at + 1);

    DatabaseUrl url;
    url.backend = Backend::Postgres;
    const qsizetype colon = userInfo.indexOf(u':');
    auto user = percentDecoded(colon >= 0 ? userInfo.left(colon) : userInfo, u"the user"_s, text);
    if (!user)
        return user.error();
    if (user->isEmpty())
        return urlError(text, u"the user is empty"_s);
    url.user = *user;
    if (colon >= 0) {
        auto password = percentDecoded(userInfo.mid(colon + 1), u"the password"_s, text);
        if (!password)
            return password.error();
        url.password = *password;
    }
    if (url.password.isEmpty())
        url.password = qEnvironmentVariable("PGPASSWORD");

    QString host;
    QString portText;
    if (hostPort.startsWith(u'[')) { // [IPv6]:port
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return urlError(text, u"unterminated [IPv6] host"_s);
        host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return urlError(text, u"unexpected text after the host"_s);
            portText = after.mid(1);
            if (portText.isEmpty())
                return urlError(text, u"the port is empty"_s);
        }
    } else {
        const qsizetype portColon = hostPort.lastIndexOf(u':');
        host = portColon >= 0 ? hostPort.left(portColon) : hostPort;
        if (portColon >= 0) {
            portText = hostPort.mid(portColon + 1);
            if (portText.isEmpty())
                return urlError(text, u"the port is empty"_s);
        }
    }
    if (host.isEmpty())
        return urlError(text, u"the host is missing"_s);
    for (const QChar c : std::as_const(host)) {
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u':'))
            return urlError(text, u"the host contains '%1'"_s.arg(c));
    }
    url.host = host;
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || !portText.front().isDigit())
            return urlError(text, u"the port must be a number from 1 to 65535"_s);
        url.port = port;
    }
    auto database = percentDecoded(dbPart, u"the database name"_s, text);
    if (!database)
        return database.error();
    url.database = *database;
    return url;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return urlError(text, u"it is empty"_s);
    if (trimmed.startsWith(u"sqlite:"_s, Qt::CaseInsensitive))
        return parseSqlite(u"sqlite:"_s + trimmed.mid(7));
    if (trimmed.startsWith(u"postgresql://"_s, Qt::CaseInsensitive))
        return parsePostgres(trimmed, 13);
    if (trimmed.startsWith(u"postgres://"_s, Qt::CaseInsensitive))
        return parsePostgres(trimmed, 11);
    const qsizetype colon = trimmed.indexOf(u':');
    if (colon > 0)
        return urlError(text, u"unknown scheme \"%1\""_s.arg(trimmed.left(colon)));
    return urlError(text, u"no scheme"_s);
}

QString DatabaseUrl::toDisplayString() const
{
    if (backend == Backend::Sqlite)
        return u"sqlite:"_s + path;
    const QString hostText = host.contains(u':') ? u'[' + host + u']' : host;
    return u"postgresql://%1@%2:%3/%4"_s.arg(QString::fromUtf8(QUrl::toPercentEncoding(user)),
                                             hostText, QString::number(port),
                                             QString::fromUtf8(QUrl::toPercentEncoding(database)));
}

QString DatabaseUrl::toString() const
{
    if (backend == Backend::Sqlite || password.isEmpty())
        return toDisplayString();
    QString shown = toDisplayString();
    const qsizetype userEnd
        = u"postgresql://"_s.size() + QString::fromUtf8(QUrl::toPercentEncoding(user)).size();
    shown.insert(userEnd, u':' + QString::fromUtf8(QUrl::toPercentEncoding(password)));
    return shown;
}

} // namespace karvan::hq

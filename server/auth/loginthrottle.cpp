#include "auth/loginthrottle.h"

#include "storage/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Result<qint64> LoginThrottle::retryAfterS(const QString &login, const QDateTime &now)
{
    auto q = m_db.exec(u"SELECT at FROM login_failures WHERE login = ? AND at > ? "
                       "ORDER BY at DESC LIMIT %1"_s.arg(MaxFailures),
                       {login, stamp(now.addSecs(-WindowS))});
    if (!q)
        return q.error();
    QSqlQuery &rows = q.value();
    int failures = 0;
    QString oldest;
    while (rows.next()) {
        ++failures;
        oldest = rows.value(0).toString();
    }
    if (failures < MaxFailures)
        return qint64(0);
    const QDateTime oldestAt = QDateTime::fromString(oldest, Qt::ISODateWithMs);
    const qint64 wait = now.secsTo(oldestAt.addSecs(WindowS));
    return std::max<qint64>(wait, 1);
}

Result<void> LoginThrottle::recordFailure(const QString &login, const QDateTime &now)
{
    if (!m_db.inTransaction())
        return makeError(ErrorCode::InvalidArgument, u"recordFailure outside a transaction"_s);
    if (auto r = m_db.exec(u"DELETE FROM login_failures WHERE login = ? AND at <= ?"_s,
                           {login, stamp(now.addSecs(-WindowS))});
        !r) {
        return r.error();
    }
    if (auto r
        = m_db.exec(u"INSERT INTO login_failures (login, at) VALUES (?, ?)"_s, {login, stamp(now)});
        !r) {
        return r.error();
    }
    return {};
}

Result<void> LoginThrottle::clear(const QString &login)
{
    if (auto r = m_db.exec(u"DELETE FROM login_failures WHERE login = ?"_s, {login}); !r)
        return r.error();
    return {};
}

} // namespace karvan::hq

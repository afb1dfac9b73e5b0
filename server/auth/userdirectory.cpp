#include "auth/userdirectory.h"

#include "audit/auditlog.h"
#include "auth/passwordhash.h"
#include "domain/ids.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

Error duplicateLogin(const QString &login)
{
    return makeError(ErrorCode::Conflict, u"a user with login \"%1\" already exists"_s.arg(login));
}

Result<bool> loginExists(Database &db, const QString &login)
{
    auto found = db.scalar(u"SELECT 1 FROM users WHERE login = ?"_s, {login});
    if (!found)
        return found.error();
    return !found->isNull();
}

} // namespace

Result<QString> UserDirectory::normalizeLogin(const QString &login)
{
    const QString normalized = login.trimmed().toLower();
    if (normalized.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the login is empty"_s);
    if (normalized.size() > 64)
        return makeError(ErrorCode::InvalidArgument, u"the login is longer than 64 characters"_s);
    if (!isAsciiAlnum(normalized.front())) {
        return makeError(ErrorCode::InvalidArgument,
                         u"the login \"%1\" must start with a letter or digit"_s.arg(normalized));
    }
    for (const QChar c : normalized) {
        if (!isAsciiAlnum(c) && c != u'.' && c != u'_' && c != u'-' && c != u'@') {
            return makeError(ErrorCode::InvalidArgument,
                             u"the login \"%1\" contains '%2' (allowed: a-z, 0-9, . _ - @)"_s.arg(
                                 normalized, c));
        }
    }
    return normalized;
}

Result<QString> UserDirectory::normalizeTerritory(const QString &code)
{
    const QString normalized = code.trimmed().toUpper();
    if (normalized.isEmpty() || normalized.size() > 32) {
        return makeError(ErrorCode::InvalidArgument,
                         u"a territory code has 1 to 32 characters (got \"%1\")"_s.arg(code));
    }
    for (const QChar c : normalized) {
        if (!isAsciiAlnum(c) && c != u'_' && c != u'-') {
            return makeError(
                ErrorCode::InvalidArgument,
                u"the territory code \"%1\" contains '%2' (allowed: A-Z, 0-9, _ -)"_s.arg(
                    normalized, c));
        }
    }
    return normalized;
}

Result<UserRecord> UserDirectory::add(const NewUser &user, const QString &password,
                                      const QString &actor)
{
    return insert(user, password, {}, actor);
}

Result<UserRecord> UserDirectory::addWithPasswordHash(const NewUser &user,
                                                      const QString &storedHash,
                                                      const QString &actor)
{
    if (auto parts = PasswordHash::parse(storedHash); !parts)
        return parts.error();
    return insert(user, {}, storedHash, actor);
}

Result<UserRecord> UserDirectory::insert(const NewUser &user, const QString &password,
                                         const QString &storedHash, const QString &actor)
{
    auto login = normalizeLogin(user.login);
    if (!login)
        return login.error();
    QStringList territories;
    for (const QString &code : user.territories) {
        auto t = normalizeTerritory(code);
        if (!t)
            return t.error();
        if (!territories.contains(*t))
            territories.append(*t);
    }
    territories.sort();
    if (storedHash.isEmpty()) {
        if (auto acceptable = PasswordHash::checkAcceptable(password); !acceptable)
            return acceptable.error();
    }

    // Fail fast on a taken login; the UNIQUE constraint still decides under a race.
    auto exists = loginExists(m_db, *login);
    if (!exists)
        return exists.error();
    if (*exists)
        return duplicateLogin(*login);

    // The slow KDF runs before the transaction, so it never holds the write lock.
    auto hash = storedHash.isEmpty() ? PasswordHash::hash(password) : Result<QString>(storedHash);
    if (!hash)
        return hash.error();

    UserRecord record;
    record.id = idToString(Uuid7::generate());
    record.login = *login;
    record.role = user.role;
    record.active = true;
    record.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    record.territories = territories;

    auto written = m_db.transaction([&]() -> Result<void> {
        auto taken = loginExists(m_db, record.login);
        if (!taken)
            return taken.error();
        if (*taken)
            return duplicateLogin(record.login);
        auto inserted
            = m_db.exec(u"INSERT INTO users (id, login, role, password_hash, active, "
                        "created_at) VALUES (?, ?, ?, ?, 1, ?)"_s,
                        {record.id, record.login, roleName(record.role), *hash, record.createdAt});
        if (!inserted)
            return inserted.error();
        for (const QString &territory : std::as_const(record.territories)) {
            auto t = m_db.exec(u"INSERT INTO user_territories (user_id, territory) VALUES (?, ?)"_s,
                               {record.id, territory});
            if (!t)
                return t.error();
        }
        QJsonObject after {
            {u"login"_s, record.login},
            {u"role"_s, roleName(record.role)},
            {u"active"_s, true},
            {u"territories"_s, QJsonArray::fromStringList(record.territories)},
        };
        auto audited = AuditLog(m_db).append(actor, u"user.add"_s, u"user"_s, record.id, {}, after);
        if (!audited)
            return audited.error();
        return {};
    });
    if (!written)
        return written.error();
    return record;
}

Result<UserRecord> UserDirectory::find(const QString &login)
{
    auto normalized = normalizeLogin(login);
    if (!normalized)
        return makeError(ErrorCode::NotFound, u"no user \"%1\""_s.arg(login));
    auto q = m_db.exec(u"SELECT id, login, role, active, created_at FROM users WHERE login = ?"_s,
                       {*normalized});
    if (!q)
        return q.error();
    QSqlQuery &rows = q.value();
    if (!rows.next())
        return makeError(ErrorCode::NotFound, u"no user \"%1\""_s.arg(*normalized));
    UserRecord record;
    record.id = rows.value(0).toString();
    record.login = rows.value(1).toString();
    auto role = roleFromName(rows.value(2).toString());
    if (!role) {
        return makeError(ErrorCode::Storage,
                         u"user \"%1\" has an unknown role in the database: "_s.arg(record.login)
                             + role.errorMessage());
    }
    record.role = *role;
    record.active = rows.value(3).toInt() != 0;
    record.createdAt = rows.value(4).toString();
    auto t = m_db.exec(
        u"SELECT territory FROM user_territories WHERE user_id = ? ORDER BY territory"_s,
        {record.id});
    if (!t)
        return t.error();
    QSqlQuery &territoryRows = t.value();
    while (territoryRows.next())
        record.territories.append(territoryRows.value(0).toString());
    return record;
}

Result<qint64> UserDirectory::count()
{
    auto n = m_db.scalar(u"SELECT COUNT(*) FROM users"_s);
    if (!n)
        return n.error();
    return n->toLongLong();
}

Result<bool> UserDirectory::checkPassword(const QString &login, const QString &password)
{
    // A well-formed hash of nothing in particular, so an unknown login costs the same.
    static const QString Decoy = u"pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$"
                                 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="_s;
    QString stored = Decoy;
    bool usable = false;
    if (auto normalized = normalizeLogin(login)) {
        auto q = m_db.exec(u"SELECT password_hash, active FROM users WHERE login = ?"_s,
                           {*normalized});
        if (!q)
            return q.error();
        QSqlQuery &rows = q.value();
        if (rows.next()) {
            stored = rows.value(0).toString();
            usable = rows.value(1).toInt() != 0;
        }
    }
    auto matches = PasswordHash::verify(password, stored);
    if (!matches)
        return matches.error();
    return usable && *matches;
}

} // namespace karvan::hq

#include "audit/auditlog.h"

#include "storage/database.h"
#include "storage/sqldialect.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

constexpr int VerifyPageSize = 1000;

void appendField(QByteArray &out, const char *name, const std::optional<QString> &value)
{
    out.append(name).append('=');
    if (!value) {
        out.append("-\n");
        return;
    }
    const QByteArray utf8 = value->toUtf8();
    out.append(QByteArray::number(utf8.size())).append(':').append(utf8).append('\n');
}

std::optional<QString> jsonText(const QJsonObject &object)
{
    if (object.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

struct ChainHead
{
    qint64 seq = 0;
    QString hash;
};

Result<ChainHead> readHead(Database &db, bool lock)
{
    std::optional<ChainHead> head;
    auto q = db.run(u"SELECT seq, hash FROM audit_chain_head WHERE id = 1"_s
                        + (lock ? sqldialect::forUpdate(db.backend()) : QString()),
                    {}, [&](const QSqlQuery &row) {
                        head = ChainHead {row.value(0).toLongLong(), row.value(1).toString()};
                    });
    if (!q)
        return q.error();
    if (!head)
        return makeError(ErrorCode::Storage, u"the audit chain head row is missing"_s);
    return *head;
}

AuditVerification broken(qint64 entries, qint64 seq, const QString &reason)
{
    return AuditVerification {entries, false, seq, reason};
}

} // namespace

QByteArray AuditLog::canonicalForm(const AuditEntry &e)
{
    QByteArray out("karvan-audit-v1\n");
    appendField(out, "seq", QString::number(e.seq));
    appendField(out, "at", e.at);
    appendField(out, "actor", e.actor);
    appendField(out, "action", e.action);
    appendField(out, "entity", e.entity);
    appendField(out, "entity_id", e.entityId);
    appendField(out, "before", e.before);
    appendField(out, "after", e.after);
    appendField(out, "prev_hash", e.prevHash);
    return out;
}

QString AuditLog::computeHash(const AuditEntry &entry)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalForm(entry), QCryptographicHash::Sha256).toHex());
}

Result<AuditEntry> AuditLog::append(const QString &actor, const QString &action,
                                    const QString &entity, const QString &entityId,
                                    const QJsonObject &before, const QJsonObject &after)
{
    if (!m_db.inTransaction()) {
        return makeError(ErrorCode::InvalidArgument,
                         u"audit entries are appended inside the caller's transaction"_s);
    }
    if (actor.isEmpty() || action.isEmpty() || entity.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         u"an audit entry needs an actor, an action and an entity"_s);
    }
    // Locking the head serializes appenders: on PostgreSQL a second transaction waits here
    // until the first commits, then reads the head the first one wrote.
    auto head = readHead(m_db, true);
    if (!head)
        return head.error();

    AuditEntry entry;
    entry.seq = head->seq + 1;
    entry.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    entry.actor = actor;
    entry.action = action;
    entry.entity = entity;
    entry.entityId = entityId;
    entry.before = jsonText(before);
    entry.after = jsonText(after);
    entry.prevHash = head->hash;
    entry.hash = computeHash(entry);

    const auto orNull = [](const std::optional<QString> &v) {
        return v ? QVariant(*v) : QVariant();
    };
    auto inserted
        = m_db.run(u"INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, "
                   "before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {entry.seq, entry.at, entry.actor, entry.action, entry.entity, entry.entityId,
                    orNull(entry.before), orNull(entry.after), entry.prevHash, entry.hash});
    if (!inserted)
        return inserted.error();
    auto moved = m_db.run(u"UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1"_s,
                          {entry.seq, entry.hash});
    if (!moved)
        return moved.error();
    return entry;
}

Result<AuditVerification> AuditLog::verify()
{
    auto head = readHead(m_db, false);
    if (!head)
        return head.error();

    qint64 entries = 0;
    qint64 expectedSeq = 1;
    QString prevHash = genesisHash();
    for (;;) {
        auto page = m_db.exec(u"SELECT seq, at, actor, action, entity, entity_id, before, after, "
                              "prev_hash, hash FROM audit_log WHERE seq >= ? AND seq <= ? "
                              "ORDER BY seq LIMIT %1"_s.arg(VerifyPageSize),
                              {expectedSeq, head->seq});
        if (!page)
            return page.error();
        QSqlQuery &pageRows = page.value();
        int rows = 0;
        while (pageRows.next()) {
            ++rows;
            AuditEntry e;
            e.seq = pageRows.value(0).toLongLong();
            e.at = pageRows.value(1).toString();
            e.actor = pageRows.value(2).toString();
            e.action = pageRows.value(3).toString();
            e.entity = pageRows.value(4).toString();
            e.entityId = pageRows.value(5).toString();
            e.before = optionalText(pageRows.value(6));
            e.after = optionalText(pageRows.value(7));
            e.prevHash = pageRows.value(8).toString();
            e.hash = pageRows.value(9).toString();

            if (e.seq != expectedSeq) {
                return broken(
                    entries, expectedSeq,
                    u"entry %1 is missing (the next entry is %2)"_s.arg(expectedSeq).arg(e.seq));
            }
            ++entries;
            if (e.prevHash != prevHash) {
                return broken(entries, e.seq,
                              e.seq == 1 ? u"entry 1 does not start the chain"_s
                                         : u"entry %1 does not follow entry %2 (moved, replaced, "
                                           "or entry %2 was rewritten)"_s.arg(e.seq)
                                               .arg(e.seq - 1));
            }
            if (computeHash(e) != e.hash) {
                return broken(
                    entries, e.seq,
                    u"entry %1 was altered (its content does not match its hash)"_s.arg(e.seq));
            }
            prevHash = e.hash;
            ++expectedSeq;
        }
        if (rows < VerifyPageSize)
            break;
    }

    const qint64 lastSeq = expectedSeq - 1;
    if (lastSeq < head->seq) {
        return broken(entries, expectedSeq,
                      u"entries %1 to %2 are missing (the chain head is at %2)"_s.arg(expectedSeq)
                          .arg(head->seq));
    }
    if (head->hash != prevHash) {
        return broken(
            entries, lastSeq,
            u"entry %1 was altered (the chain head records a different hash)"_s.arg(lastSeq));
    }
    // Rows past the head are forged unless the head moved on while we read (a live append).
    auto beyond
        = m_db.scalar(u"SELECT MIN(seq) FROM audit_log WHERE seq > ? OR seq < 1"_s, {head->seq});
    if (!beyond)
        return beyond.error();
    if (!beyond->isNull()) {
        auto now = readHead(m_db, false);
        if (!now)
            return now.error();
        const qint64 stray = beyond->toLongLong();
        if (stray < 1 || now->seq == head->seq) {
            return broken(
                entries, stray,
                u"entry %1 is not part of the chain (it lies outside 1..%2)"_s.arg(stray).arg(
                    head->seq));
        }
    }
    return AuditVerification {entries, true, 0, QString()};
}

} // namespace karvan::hq

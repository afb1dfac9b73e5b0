#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace karvan::hq {

class Database;

// One row of the audit trail. before/after are compact JSON (absent for creations and
// deletions respectively).
struct AuditEntry
{
    qint64 seq = 0;
    QString at; // UTC, ISO 8601 with milliseconds
    QString actor; // who: "user:<login>", "cli:<os user>", ...
    QString action; // what: "user.add", ...
    QString entity; // on which kind of record: "user", ...
    QString entityId;
    std::optional<QString> before;
    std::optional<QString> after;
    QString prevHash; // the previous entry's hash; 64 zeros for the first entry
    QString hash; // SHA-256 (hex) of canonicalForm()
};

// The outcome of walking the chain.
struct AuditVerification
{
    qint64 entries = 0; // rows read
    bool intact = true;
    qint64 firstBadSeq = 0; // when !intact: the first entry found missing, altered or misplaced
    QString reason; // when !intact: one line for a human
};

// The hash-chained audit trail: every entry's hash covers its own fields and the previous
// entry's hash, so editing, deleting, inserting or reordering rows breaks the chain at the
// first affected entry. A single row, audit_chain_head, holds the last seq and hash: appenders
// lock it (so concurrent HQ instances on PostgreSQL never fork the chain) and verify() checks
// the tail against it (so dropping the newest rows is caught too).
//
// What the chain cannot catch on its own: someone with write access who rewrites an entry AND
// every later entry AND the head. Anchoring the head elsewhere (a signed export) closes that.
class AuditLog
{
public:
    explicit AuditLog(Database &db)
        : m_db(db)
    { }

    static QString genesisHash() { return QString(64, u'0'); }
    // The exact bytes hashed: a version tag, then every field but hash as
    // "name=<utf-8 length>:<value>\n" ("name=-\n" for an absent before/after), so no two
    // different entries serialize alike.
    static QByteArray canonicalForm(const AuditEntry &entry);
    static QString computeHash(const AuditEntry &entry);

    // Appends an entry inside the caller's transaction (an error outside one), so the entry
    // commits or rolls back with the change it records. An empty object stores no JSON.
    Result<AuditEntry> append(const QString &actor, const QString &action, const QString &entity,
                              const QString &entityId, const QJsonObject &before,
                              const QJsonObject &after);

    // Walks the chain from the first entry; stops at the first broken entry.
    Result<AuditVerification> verify();

private:
    Database &m_db;
};

} // namespace karvan::hq

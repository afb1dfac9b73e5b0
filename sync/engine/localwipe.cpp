#include "engine/snapshotbootstrap.h"
#include "engine/syncengine.h"

#include "store/localstore.h"

#include <QSqlQuery>
#include <QStringList>

namespace karvan::sync {

using namespace Qt::StringLiterals;

Result<void> wipeLocalData(LocalStore &store)
{
    if (store.inTransaction())
        return makeError(ErrorCode::Conflict,
                         u"cannot wipe the local data inside an open transaction"_s);
    // Every table but SQLite's own; full-text tables are emptied through their virtual table
    // (their shadow tables are theirs to manage, and keep the ranking configuration).
    QStringList virtualTables;
    QStringList tables;
    {
        QSqlQuery q(store.database());
        if (!q.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
            return makeError(ErrorCode::Storage, u"cannot list the local tables"_s);
        while (q.next()) {
            const QString name = q.value(0).toString();
            if (q.value(1).toString().startsWith(u"CREATE VIRTUAL TABLE"_s, Qt::CaseInsensitive))
                virtualTables.append(name);
            else
                tables.append(name);
        }
    }
    QStringList targets = virtualTables;
    for (const QString &name : std::as_const(tables)) {
        if (name.startsWith(u"sqlite_"_s) && name != u"sqlite_sequence"_s)
            continue;
        bool shadow = false;
        for (const QString &vt : std::as_const(virtualTables))
            shadow = shadow || name.startsWith(vt + u'_');
        if (!shadow)
            targets.append(name);
    }
    auto wiped = store.transaction([&]() -> Result<void> {
        // Children and parents go in any order; the check happens at commit, when all is empty.
        if (auto r = store.exec(u"PRAGMA defer_foreign_keys = ON"_s); !r)
            return r;
        for (const QString &table : std::as_const(targets)) {
            QString quoted = table;
            quoted.replace(u'"', u"\"\""_s);
            if (auto r = store.exec(u"DELETE FROM \"%1\""_s.arg(quoted)); !r)
                return r;
        }
        return {};
    });
    if (!wiped)
        return wiped;
    // A snapshot download under way holds the wiped scope's rows.
    SnapshotBootstrap::discardDownloads(store);
    // The deleted rows must leave the file too: fold the WAL back and rebuild the file.
    if (auto r = store.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !r)
        return r;
    return store.exec(u"VACUUM"_s);
}

} // namespace karvan::sync

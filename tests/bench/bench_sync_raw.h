#pragma once

// The reference for the initial sync: SQLite's own bulk insert rate of exactly the rows a
// synced device holds, through the C API with nothing of Karvan's in between.

#include "domain/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace karvan::bench {

struct RawReplayFigure
{
    qint64 rows = 0; // rows inserted, over every table
    double seconds = 0; // the inserts and the commit
    QList<QPair<QString, qint64>> tables; // rows per table, in insert order
    double rowsPerSecond() const { return seconds > 0 ? rows / seconds : 0; }
};

// Reads every row of every table of the device database at sourcePath into memory (FTS5
// tables by their content and rowid; their shadow tables, sqlite_* and the tables in `skip`
// left out), creates a fresh database at targetPath with the same tables and indexes and the
// device's bulk-load pragmas (WAL, synchronous=NORMAL, foreign_keys=ON), then times inserting
// the rows: one transaction, one prepared INSERT per table.
Result<RawReplayFigure> replayDeviceRows(const QString &sourcePath, const QString &targetPath,
                                         const QStringList &skip);

// The number of rows replayDeviceRows would insert, per table (for a check, nothing timed).
Result<qint64> countDeviceRows(const QString &sourcePath, const QStringList &skip);

} // namespace karvan::bench

#pragma once

#include <QList>
#include <QString>

// The reference figures: what SQLite itself does on this machine, through its C API with
// nothing of Karvan's in between, on rows shaped like Karvan's.
namespace rawsqlite {

struct BulkInsertFigure
{
    qint64 rows = 0;
    double seconds = 0;
    double rowsPerSecond() const { return seconds > 0 ? rows / seconds : 0; }
};

// Inserts `rows` customer-shaped rows (UUIDv7-like text id, code, name, territory, phone,
// city, notes) in one transaction with one prepared statement, WAL, synchronous=NORMAL.
BulkInsertFigure bulkInsertCustomers(const QString &path, qint64 rows);

// Commits `count` small transactions shaped like a local order (one header row, `lines`
// line rows and one outbox row) with WAL and synchronous=FULL; returns each commit's latency
// in microseconds.
QList<double> orderShapedTransactions(const QString &path, int count, int lines);

} // namespace rawsqlite

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

// Small transactions shaped like a local order (one header row, `lines` line rows and one
// outbox row) in a fresh database with WAL and synchronous=FULL (SQLite's own automatic
// checkpoint), one at a time, so a bench can interleave them with its own and both see the
// same disk.
class OrderShapedWriter
{
public:
    OrderShapedWriter(const QString &path, int lines);
    ~OrderShapedWriter();
    OrderShapedWriter(const OrderShapedWriter &) = delete;
    OrderShapedWriter &operator=(const OrderShapedWriter &) = delete;

    // Writes and commits the next order; its latency in microseconds.
    double commitNext();

private:
    struct Handles;
    Handles *m_handles;
    int m_lines;
    qint64 m_next = 0;
};

// `count` of them in a row; each commit's latency in microseconds.
QList<double> orderShapedTransactions(const QString &path, int count, int lines);

} // namespace rawsqlite

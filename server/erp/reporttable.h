#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace karvan::hq::erp {

// A report as rows of cells, rendered as an aligned text table, CSV (RFC 4180) or one JSON
// document {"report", "columns", "rows": [{column: value}]}. Amounts are decimal strings in
// their currency ("1234.50"), never floating point.
struct ReportTable
{
    QString name; // "trial-balance", ...
    QString title;
    QStringList columns;
    QList<QVariantList> rows;
    QStringList notes; // printed under the text table; "notes" in JSON

    QString toText() const;
    QString toCsv() const;
    QByteArray toJson() const;
};

} // namespace karvan::hq::erp

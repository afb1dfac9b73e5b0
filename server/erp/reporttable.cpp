#include "erp/reporttable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

namespace {

QString cellText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? u"yes"_s : u"no"_s;
    return v.toString();
}

bool isNumeric(const QString &text)
{
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

} // namespace

QString ReportTable::toText() const
{
    QList<int> widths;
    for (const QString &c : columns)
        widths.append(int(c.size()));
    for (const QVariantList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], int(cellText(row.at(i)).size()));
    }
    QString out = title + u'\n';
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i)
            padded.append(isNumeric(cells.at(i)) ? cells.at(i).rightJustified(widths.at(i))
                                                 : cells.at(i).leftJustified(widths.at(i)));
        out += padded.join(u"  "_s).trimmed() + u'\n';
    };
    line(columns);
    QStringList rule;
    for (const int w : widths)
        rule.append(QString(w, u'-'));
    out += rule.join(u"  "_s) + u'\n';
    for (const QVariantList &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < columns.size(); ++i)
            cells.append(i < row.size() ? cellText(row.at(i)) : QString());
        line(cells);
    }
    for (const QString &n : notes)
        out += n + u'\n';
    return out;
}

QString ReportTable::toCsv() const
{
    auto quote = [](const QString &text) {
        if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
            return text;
        QString escaped = text;
        escaped.replace(u"\""_s, u"\"\""_s);
        return QString(u'"' + escaped + u'"');
    };
    QStringList lines;
    QStringList header;
    for (const QString &c : columns)
        header.append(quote(c));
    lines.append(header.join(u','));
    for (const QVariantList &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < columns.size(); ++i)
            cells.append(quote(i < row.size() ? cellText(row.at(i)) : QString()));
        lines.append(cells.join(u','));
    }
    return lines.join(u"\r\n"_s) + u"\r\n"_s;
}

QByteArray ReportTable::toJson() const
{
    QJsonArray jsonRows;
    for (const QVariantList &row : rows) {
        QJsonObject o;
        for (qsizetype i = 0; i < columns.size(); ++i)
            o.insert(columns.at(i),
                     i < row.size() ? QJsonValue::fromVariant(row.at(i)) : QJsonValue());
        jsonRows.append(o);
    }
    QJsonObject doc {{u"report"_s, name},
                     {u"title"_s, title},
                     {u"columns"_s, QJsonArray::fromStringList(columns)},
                     {u"rows"_s, jsonRows},
                     {u"notes"_s, QJsonArray::fromStringList(notes)}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

} // namespace karvan::hq::erp

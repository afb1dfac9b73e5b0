#pragma once

// Conversions between domain values and SQLite columns, shared by the repositories.
// Ids: TEXT (idToString) or NULL; Money: minor units INTEGER (+ a currency column);
// Quantity: thousandths INTEGER + unit TEXT; dates and times: ISO-8601 TEXT (times in UTC).

#include "domain/ids.h"
#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/result.h"

#include <QDate>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace karvan::sqlvalue {

using namespace Qt::StringLiterals;

inline Error storageError(const QString &what, const QSqlError &error)
{
    QString reason = error.databaseText();
    if (reason.isEmpty())
        reason = error.text();
    return makeError(ErrorCode::Storage, what + u": "_s + reason);
}

// Executes a prepared query; a Storage error naming what failed.
inline Result<void> run(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return storageError(what, query.lastError());
    return {};
}

// NOT NULL text columns: a null QString would bind as NULL.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_s)) : QVariant(s);
}

inline QVariant id(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(idToString(id));
}

inline QUuid toId(const QVariant &v)
{
    return v.isNull() ? QUuid() : QUuid::fromString(v.toString());
}

inline QVariant date(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate))
                       : QVariant(QMetaType(QMetaType::QString));
}

inline QDate toDate(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

inline QVariant dateTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs))
                       : QVariant(QMetaType(QMetaType::QString));
}

inline QDateTime toDateTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

inline QVariant nullInt()
{
    return QVariant(QMetaType(QMetaType::LongLong));
}

inline QVariant minor(const Money &m)
{
    return m.isValid() ? QVariant(m.minorUnits()) : nullInt();
}

// A Money column pair back into a Money; NULL minor units give an invalid (absent) Money.
inline Result<Money> toMoney(const QVariant &minorUnits, const QString &currency)
{
    if (minorUnits.isNull())
        return Money();
    auto m = Money::fromMinor(minorUnits.toLongLong(), currency);
    if (!m)
        return makeError(ErrorCode::Storage, u"stored amount is unreadable: "_s + m.errorMessage());
    return m;
}

inline QVariant milli(const Quantity &q)
{
    return q.isValid() ? QVariant(q.milli()) : nullInt();
}

inline QVariant unit(const Quantity &q)
{
    return q.isValid() ? QVariant(q.unit()) : QVariant(QMetaType(QMetaType::QString));
}

inline Result<Quantity> toQuantity(const QVariant &milliUnits, const QVariant &unitName)
{
    if (milliUnits.isNull())
        return Quantity();
    auto q = Quantity::fromMilli(milliUnits.toLongLong(), unitName.toString());
    if (!q)
        return makeError(ErrorCode::Storage,
                         u"stored quantity is unreadable: "_s + q.errorMessage());
    return q;
}

} // namespace karvan::sqlvalue

#include "erp/erpcommon.h"

#include "audit/auditlog.h"
#include "domain/ids.h"
#include "domain/money.h"
#include "storage/database.h"
#include "storage/sqldialect.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

QString operationName(Operation operation)
{
    switch (operation) {
    case Operation::MasterData:
        return u"maintain master data"_s;
    case Operation::CreditControl:
        return u"change credit limits and holds"_s;
    case Operation::OrderIntake:
        return u"take sales orders"_s;
    case Operation::CreditApproval:
        return u"approve or reject credit holds"_s;
    case Operation::OrderCancel:
        return u"cancel sales orders"_s;
    case Operation::OrderAllocate:
        return u"allocate stock to orders"_s;
    case Operation::Delivery:
        return u"post deliveries"_s;
    case Operation::StockMove:
        return u"post stock transfers and adjustments"_s;
    case Operation::OpeningStock:
        return u"post opening stock"_s;
    case Operation::Invoice:
        return u"invoice orders"_s;
    case Operation::Payment:
        return u"post customer payments"_s;
    case Operation::SalesReturn:
        return u"post returns and credit notes"_s;
    case Operation::PurchaseOrder:
        return u"create purchase orders"_s;
    case Operation::GoodsReceipt:
        return u"post goods receipts"_s;
    case Operation::VendorBill:
        return u"post vendor bills"_s;
    case Operation::VendorPayment:
        return u"post vendor payments"_s;
    case Operation::Journal:
        return u"post journal entries"_s;
    case Operation::PeriodClose:
        return u"close periods"_s;
    case Operation::Reports:
        return u"read financial reports"_s;
    }
    return u"do that"_s;
}

bool roleMay(Role role, Operation operation)
{
    // Segregation of duties: admin keeps master data and users, not postings.
    switch (operation) {
    case Operation::MasterData:
        return role == Role::Admin || role == Role::Manager;
    case Operation::CreditControl:
    case Operation::CreditApproval:
    case Operation::Invoice:
    case Operation::Payment:
    case Operation::VendorBill:
    case Operation::VendorPayment:
    case Operation::Journal:
    case Operation::PeriodClose:
        return role == Role::Finance;
    case Operation::OpeningStock:
        return role == Role::Finance || role == Role::Admin;
    case Operation::OrderIntake:
    case Operation::OrderCancel:
        return role == Role::Rep || role == Role::Manager;
    case Operation::OrderAllocate:
        return role == Role::Manager || role == Role::Warehouse;
    case Operation::Delivery:
    case Operation::StockMove:
    case Operation::GoodsReceipt:
        return role == Role::Warehouse;
    case Operation::SalesReturn:
        return role == Role::Warehouse || role == Role::Finance;
    case Operation::PurchaseOrder:
        return role == Role::Manager || role == Role::Finance;
    case Operation::Reports:
        return role == Role::Manager || role == Role::Finance || role == Role::Admin;
    }
    return false;
}

bool isPermissionDenied(const Error &error)
{
    return error.message.startsWith(PermissionDenied);
}

Result<void> authorize(const Actor &actor, Operation operation)
{
    if (actor.login.isEmpty())
        return makeError(ErrorCode::Conflict, PermissionDenied + u"no user"_s);
    if (!roleMay(actor.role, operation)) {
        return makeError(ErrorCode::Conflict,
                         PermissionDenied
                             + u"%1 (role %2) may not %3"_s.arg(actor.login, roleName(actor.role),
                                                                operationName(operation)));
    }
    return {};
}

Result<void> authorizeTerritory(const Actor &actor, const QString &territory)
{
    if (actor.role != Role::Rep || actor.territories.contains(territory))
        return {};
    return makeError(ErrorCode::Conflict,
                     PermissionDenied
                         + u"%1 does not cover territory %2"_s.arg(actor.login, territory));
}

namespace {

// Qt Sql binds a null QString as SQL NULL; the ERP means "empty text" by it (NULLs are bound as
// an invalid QVariant on purpose).
QVariantList normalized(Database &db, const QVariantList &bindings)
{
    // PostgreSQL's SUM(BIGINT) is NUMERIC, which QPSQL would return as a double ("1e+05" as
    // text); exact decimal text instead.
    if (db.backend() == Backend::Postgres) {
        if (auto c = db.connection(); c && c->numericalPrecisionPolicy() != QSql::HighPrecision)
            c.value().setNumericalPrecisionPolicy(QSql::HighPrecision);
    }
    QVariantList out = bindings;
    for (QVariant &v : out) {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            v = QStringLiteral("");
    }
    return out;
}

} // namespace

Result<QList<Row>> queryRows(Database &db, const QString &sql, const QVariantList &bindings)
{
    QList<Row> rows;
    int columns = -1;
    auto r = db.run(sql, normalized(db, bindings), [&](const QSqlQuery &query) {
        if (columns < 0)
            columns = query.record().count();
        Row row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query.value(i));
        rows.append(std::move(row));
    });
    if (!r)
        return r.error();
    return rows;
}

Result<Row> queryRow(Database &db, const QString &sql, const QVariantList &bindings)
{
    auto rows = queryRows(db, sql, bindings);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? Row() : rows->constFirst();
}

Result<void> execSql(Database &db, const QString &sql, const QVariantList &bindings)
{
    if (auto r = db.run(sql, normalized(db, bindings)); !r)
        return r.error();
    return {};
}

Result<qint64> queryInt(Database &db, const QString &sql, const QVariantList &bindings)
{
    QVariant v;
    bool first = true;
    auto r = db.run(sql, normalized(db, bindings), [&](const QSqlQuery &query) {
        if (first)
            v = query.value(0);
        first = false;
    });
    if (!r)
        return r.error();
    // PostgreSQL's SUM(BIGINT) is NUMERIC, which QPSQL returns as text.
    return v.isNull() ? 0 : v.toString().toLongLong();
}

QString newId()
{
    return idToString(Uuid7::generate());
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString dateText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

Result<QString> nextDocumentNumber(Database &db, const QString &prefix)
{
    auto current = queryRow(db,
                            u"SELECT value FROM erp_counters WHERE name = ?"_s
                                + sqldialect::forUpdate(db.backend()),
                            {prefix});
    if (!current)
        return current.error();
    qint64 next = 1;
    if (current->isEmpty()) {
        if (auto r
            = execSql(db, u"INSERT INTO erp_counters (name, value) VALUES (?, 1)"_s, {prefix});
            !r)
            return r.error();
    } else {
        next = current->at(0).toLongLong() + 1;
        if (auto r
            = execSql(db, u"UPDATE erp_counters SET value = ? WHERE name = ?"_s, {next, prefix});
            !r)
            return r.error();
    }
    return u"%1-%2"_s.arg(prefix).arg(next, 6, 10, QChar(u'0'));
}

Result<QString> companyCurrency(Database &db)
{
    auto v = db.scalar(u"SELECT value FROM erp_settings WHERE key = 'company_currency'"_s);
    if (!v)
        return v.error();
    return v->toString();
}

Result<qint64> mulDiv(qint64 a, qint64 b, qint64 c)
{
    if (c == 0)
        return invalid(u"division by zero"_s);
    return divideRounded(static_cast<__int128>(a) * b, c, Rounding::HalfUp);
}

Result<qint64> proRata(qint64 total, qint64 part, qint64 whole, qint64 doneQty, qint64 doneAmount)
{
    if (doneQty + part == whole)
        return total - doneAmount;
    return mulDiv(total, part, whole);
}

Result<void> audit(Database &db, const Actor &actor, const QString &action, const QString &entity,
                   const QString &entityId, const QJsonObject &before, const QJsonObject &after)
{
    return audit(db, actor.auditName(), action, entity, entityId, before, after);
}

Result<void> audit(Database &db, const QString &actorName, const QString &action,
                   const QString &entity, const QString &entityId, const QJsonObject &before,
                   const QJsonObject &after)
{
    auto e = AuditLog(db).append(actorName, action, entity, entityId, before, after);
    if (!e)
        return e.error();
    return {};
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

Error notFound(const QString &message)
{
    return makeError(ErrorCode::NotFound, message);
}

Error conflict(const QString &message)
{
    return makeError(ErrorCode::Conflict, message);
}

} // namespace karvan::hq::erp

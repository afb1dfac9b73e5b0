#pragma once

#include "auth/role.h"
#include "domain/result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace karvan::hq {

class Database;

namespace erp {

// Who is calling an ERP service: a logged-in user with a role and, for reps and managers, the
// territories they cover. Every write is checked against it and audited under its name.
struct Actor
{
    QString login;
    Role role = Role::Rep;
    QStringList territories;

    QString auditName() const { return QStringLiteral("user:") + login; }
};

// What an actor asks to do; roleMay() is the one table of who may do what.
enum class Operation {
    MasterData, // customers, products, warehouses, prices, promotions, tax rules, vendors
    CreditControl, // credit limit and manual credit hold of a customer
    OrderIntake, // take a sales order (reps: customers in their territories only)
    CreditApproval, // approve or reject an order on credit hold
    OrderCancel,
    OrderAllocate, // retry allocation of backordered lines
    Delivery,
    StockMove, // transfers, adjustments, reorder points
    OpeningStock, // opening balances of stock (Dr inventory / Cr equity)
    Invoice,
    Payment, // customer payments and their allocation
    SalesReturn, // goods back in and a credit note
    PurchaseOrder,
    GoodsReceipt,
    VendorBill,
    VendorPayment,
    Journal, // manual journal entries
    PeriodClose,
    Reports,
};

QString operationName(Operation operation);
bool roleMay(Role role, Operation operation);

// Permission errors start with this text (core's ErrorCode has no "forbidden" code yet), so an
// HTTP layer can map them to 403.
inline const QString PermissionDenied = QStringLiteral("permission denied: ");
bool isPermissionDenied(const Error &error);

Result<void> authorize(const Actor &actor, Operation operation);
// A rep may act only for customers in the rep's territories; other roles are not limited.
Result<void> authorizeTerritory(const Actor &actor, const QString &territory);

// ---- small database helpers -----------------------------------------------------------------

using Row = QVariantList;
Result<QList<Row>> queryRows(Database &db, const QString &sql, const QVariantList &bindings = {});
// The single row, or std::nullopt-like empty list when none.
Result<Row> queryRow(Database &db, const QString &sql, const QVariantList &bindings = {});
Result<void> execSql(Database &db, const QString &sql, const QVariantList &bindings = {});
Result<qint64> queryInt(Database &db, const QString &sql, const QVariantList &bindings = {});

QString newId(); // a UUIDv7 as text
QString nowUtc(); // ISO 8601 with milliseconds
QString dateText(const QDate &date); // YYYY-MM-DD
// The next number of a document sequence ("SO", "INV", ...) as "SO-000042", under a row lock.
Result<QString> nextDocumentNumber(Database &db, const QString &prefix);
Result<QString> companyCurrency(Database &db);

// a * b / c rounded half up; an error on overflow or c == 0.
Result<qint64> mulDiv(qint64 a, qint64 b, qint64 c);
// The share of `total` for `part` of `whole`, such that the shares of all parts add up to total:
// the final part (done + part == whole) takes exactly what is left (total - doneAmount).
Result<qint64> proRata(qint64 total, qint64 part, qint64 whole, qint64 doneQty, qint64 doneAmount);

// Appends an audit entry inside the caller's transaction.
Result<void> audit(Database &db, const Actor &actor, const QString &action, const QString &entity,
                   const QString &entityId, const QJsonObject &before, const QJsonObject &after);
Result<void> audit(Database &db, const QString &actorName, const QString &action,
                   const QString &entity, const QString &entityId, const QJsonObject &before,
                   const QJsonObject &after);

Error invalid(const QString &message);
Error notFound(const QString &message);
Error conflict(const QString &message);

} // namespace erp
} // namespace karvan::hq

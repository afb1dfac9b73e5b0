#pragma once

#include "domain/documents.h"
#include "erp/erpcommon.h"
#include "erp/inventory.h"

#include <QDate>

namespace karvan::hq {

class Database;

namespace erp {

// One alert as stored. kind: low_stock | credit_hold | overdue_invoice. audience: the
// department that acts on it (purchasing | finance | sales); recipient: the login it is also
// addressed to (the rep of the order or invoice), or empty. entity/entityId: what it is about
// ("stock" "SKU@WH", "sales_order" id, "invoice" id).
struct Alert
{
    QString id;
    QString kind;
    QString audience;
    QString recipient;
    QString entity;
    QString entityId;
    QString message;
    QString createdAt;
    QString resolvedAt; // empty while open
    QString resolvedBy; // "user:LOGIN", or "auto: <the event that ended it>"
    bool isOpen() const { return resolvedAt.isEmpty(); }
};

struct OverdueScan
{
    int raised = 0;
    int resolved = 0;
};

// Alerts routed to the department affected (issue 3):
//   stock at or below its reorder point -> purchasing (no recipient)
//   an order on credit hold             -> finance, and the login that took the order
//   an overdue invoice                  -> sales, to the invoice's rep only
// Who sees what is visibleTo(): a rep only alerts addressed to it; warehouse the purchasing
// alerts; finance purchasing and finance; manager and admin every alert; anyone the alerts
// addressed to its login.
//
// Alerts are raised and resolved inside the transaction of the event (a stock move, an intake,
// a credit decision, a payment), so an alert exists exactly when its event committed. At most
// one alert per (kind, entity) is open: raising it again does nothing.
class Alerts
{
public:
    static inline const QString LowStock = QStringLiteral("low_stock");
    static inline const QString CreditHold = QStringLiteral("credit_hold");
    static inline const QString OverdueInvoice = QStringLiteral("overdue_invoice");

    explicit Alerts(Database &db)
        : m_db(db)
    { }

    // The departments whose alerts a role sees (the mapping of departments to roles).
    static QStringList departmentsOf(Role role);
    static bool maySee(const Actor &actor, const Alert &alert);

    // ---- inside the caller's transaction ----
    // Raises a low_stock alert when the position's available stock is at or below its
    // (non-zero) reorder point (the rule of Inventory::belowReorderPoint), and resolves the
    // open one when it is above again.
    Result<void> stockChanged(const StockPosition &position);
    // An order's status was set: on credit hold raises its credit_hold alert, any other status
    // (approved, rejected, cancelled) resolves it.
    Result<void> orderStatusChanged(const QString &orderId, DocumentStatus status);
    // Money was applied to an invoice: resolves its overdue alert once nothing is open.
    Result<void> invoiceSettled(const QString &invoiceId);
    // Raises the alert unless one is open for (kind, entity, entityId); true when it did.
    Result<bool> raise(const QString &kind, const QString &audience, const QString &recipient,
                       const QString &entity, const QString &entityId, const QString &message);
    // Resolves the open alert of (kind, entity, entityId), if any; true when there was one.
    Result<bool> resolveOpen(const QString &kind, const QString &entity, const QString &entityId,
                             const QString &by);

    // ---- own transaction ----
    // Raises an overdue_invoice alert for every invoice due before date with money still open
    // that never had one (one alert per invoice, however often it runs), and resolves the open
    // ones of invoices paid since.
    Result<OverdueScan> scanOverdue(const QDate &date);
    // The actor's alerts, newest first: open ones, or all with includeResolved.
    Result<QList<Alert>> visibleTo(const Actor &actor, bool includeResolved, int limit = 200);
    // Resolves an alert by hand (an acknowledgement), audited. An alert the actor may not see
    // is "unknown" (no hint that it exists); a resolved one is a conflict.
    Result<Alert> resolve(const Actor &actor, const QString &alertId);
    Result<Alert> find(const QString &alertId);

private:
    Database &m_db;
};

} // namespace erp
} // namespace karvan::hq

#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace karvan {

// The figures a credit decision is made on, all in the order's currency and none negative.
// The device fills them from its last-synced slice plus its own unsynced orders; HQ from its
// ledger. Both then run the same decideCredit().
struct CreditInputs
{
    std::optional<Money> limit; // none: no credit limit (cash or trusted account)
    Money openReceivables; // invoiced, not yet paid
    Money unbilledOrders; // confirmed at HQ, not yet invoiced
    Money unsyncedOrders; // this device's orders HQ has not seen yet
    Money overdue; // part of the open receivables past its due date
    int oldestOverdueDays = 0; // days past due of the oldest overdue invoice; 0 if none
    bool manualHold = false; // an HQ credit controller put the account on hold
    Money orderAmount; // the new order's total
};

// How strict the decision is; a company setting.
struct CreditPolicy
{
    int warnThresholdPercent = 90; // warn when the order takes exposure to this % of the limit
    // Hold when an invoice is overdue by more than this many days; none: overdue only warns.
    std::optional<int> holdWhenOverdueBeyondDays;
};

enum class CreditOutcome { Ok, Warn, Hold };

struct CreditReason
{
    // Machine codes, stable for scripts and the app's translations.
    static inline const QString OverLimit = QStringLiteral("over_limit");
    static inline const QString NearLimit = QStringLiteral("near_limit");
    static inline const QString ManualHold = QStringLiteral("manual_hold");
    static inline const QString Overdue = QStringLiteral("overdue");
    static inline const QString OverdueBeyondDays = QStringLiteral("overdue_beyond_days");

    QString code;
    QString message; // one line in English
    CreditOutcome severity = CreditOutcome::Warn;
};

struct CreditDecision
{
    CreditOutcome outcome = CreditOutcome::Ok;
    QString currency;
    Money exposure; // open receivables + unbilled + unsynced
    Money projected; // exposure + the new order
    std::optional<Money> limit; // none: no limit
    std::optional<Money> available; // limit - exposure; negative when already over the limit
    Money overdue;
    int oldestOverdueDays = 0;
    QList<CreditReason> reasons; // empty when Ok; holds first, then warnings

    bool isHold() const { return outcome == CreditOutcome::Hold; }
    bool hasReason(const QString &code) const;
};

// Decides whether an order of inputs.orderAmount may go through on credit: Hold when the
// projected exposure is above the limit (exactly at the limit is allowed), on a manual hold, or
// when an invoice is overdue beyond policy.holdWhenOverdueBeyondDays; Warn when the projected
// exposure reaches warnThresholdPercent of the limit or anything is overdue; else Ok.
// Errors: an amount without a currency, mixed currencies, a negative amount or day count, a
// threshold outside 0..100, or sums that overflow.
Result<CreditDecision> decideCredit(const CreditInputs &inputs, const CreditPolicy &policy = {});

QString creditOutcomeName(CreditOutcome outcome); // "ok", "warn", "hold"

} // namespace karvan

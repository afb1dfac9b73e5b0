#include "rules/credit.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace karvan {

namespace {

// Checks that an input amount has the order's currency and is not negative.
Result<void> checkAmount(const Money &amount, const QString &name, const QString &currency)
{
    if (!amount.isValid())
        return makeError(
            ErrorCode::InvalidArgument,
            u"credit check: %1 has no currency (use zero %2 for none)"_s.arg(name, currency));
    if (amount.currency() != currency)
        return makeError(ErrorCode::CurrencyMismatch,
                         u"credit check: %1 is %2 but the order is in %3"_s.arg(
                             name, amount.toString(), currency));
    if (amount.isNegative())
        return makeError(ErrorCode::InvalidArgument,
                         u"credit check: %1 is negative (%2)"_s.arg(name, amount.toString()));
    return {};
}

Result<Money> add(const Money &a, const Money &b, const QString &what)
{
    auto sum = a.plus(b);
    if (!sum)
        return makeError(sum.error().code,
                         u"credit check: %1: %2"_s.arg(what, sum.error().message));
    return sum;
}

} // namespace

bool CreditDecision::hasReason(const QString &code) const
{
    return std::any_of(reasons.cbegin(), reasons.cend(),
                       [&](const CreditReason &r) { return r.code == code; });
}

QString creditOutcomeName(CreditOutcome outcome)
{
    switch (outcome) {
    case CreditOutcome::Ok:
        return u"ok"_s;
    case CreditOutcome::Warn:
        return u"warn"_s;
    case CreditOutcome::Hold:
        return u"hold"_s;
    }
    return QString();
}

Result<CreditDecision> decideCredit(const CreditInputs &in, const CreditPolicy &policy)
{
    if (!in.orderAmount.isValid())
        return makeError(ErrorCode::InvalidArgument,
                         u"credit check: the order amount has no currency"_s);
    const QString currency = in.orderAmount.currency();
    const std::pair<const Money *, QString> amounts[] = {
        {&in.orderAmount, u"the order amount"_s},   {&in.openReceivables, u"open receivables"_s},
        {&in.unbilledOrders, u"unbilled orders"_s}, {&in.unsyncedOrders, u"unsynced orders"_s},
        {&in.overdue, u"the overdue amount"_s},
    };
    for (const auto &[amount, name] : amounts) {
        if (auto ok = checkAmount(*amount, name, currency); !ok)
            return ok.error();
    }
    if (in.limit) {
        if (auto ok = checkAmount(*in.limit, u"the credit limit"_s, currency); !ok)
            return ok.error();
    }
    if (in.oldestOverdueDays < 0)
        return makeError(
            ErrorCode::InvalidArgument,
            u"credit check: days overdue is negative (%1)"_s.arg(in.oldestOverdueDays));
    if (policy.warnThresholdPercent < 0 || policy.warnThresholdPercent > 100)
        return makeError(ErrorCode::InvalidArgument,
                         u"credit check: warn threshold %1% is outside 0% to 100%"_s.arg(
                             policy.warnThresholdPercent));
    if (policy.holdWhenOverdueBeyondDays && *policy.holdWhenOverdueBeyondDays < 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"credit check: overdue hold after %1 days is negative"_s.arg(
                             *policy.holdWhenOverdueBeyondDays));

    CreditDecision d;
    d.currency = currency;
    d.limit = in.limit;
    d.overdue = in.overdue;
    d.oldestOverdueDays = in.oldestOverdueDays;

    auto exposure = add(in.openReceivables, in.unbilledOrders, u"exposure"_s);
    if (exposure)
        exposure = add(exposure.value(), in.unsyncedOrders, u"exposure"_s);
    if (!exposure)
        return exposure.error();
    d.exposure = exposure.value();
    auto projected = add(d.exposure, in.orderAmount, u"projected exposure"_s);
    if (!projected)
        return projected.error();
    d.projected = projected.value();

    QList<CreditReason> holds, warnings;
    if (in.manualHold)
        holds.append({CreditReason::ManualHold, u"The account is on a manual credit hold"_s,
                      CreditOutcome::Hold});

    if (in.limit) {
        const Money &limit = *in.limit;
        auto available = limit.minus(d.exposure);
        if (!available)
            return makeError(
                available.error().code,
                u"credit check: available credit: %1"_s.arg(available.error().message));
        d.available = available.value();

        const qint64 projectedMinor = d.projected.minorUnits();
        if (projectedMinor > limit.minorUnits()) {
            auto over = d.projected.minus(limit);
            holds.append(
                {CreditReason::OverLimit,
                 u"This order takes exposure to %1, %2 over the credit limit of %3"_s.arg(
                     d.projected.toString(), over ? over->toString() : QString(), limit.toString()),
                 CreditOutcome::Hold});
        } else if (static_cast<__int128>(projectedMinor) * 100
                   >= static_cast<__int128>(limit.minorUnits()) * policy.warnThresholdPercent) {
            warnings.append({CreditReason::NearLimit,
                             u"This order takes exposure to %1, at or above %2% of the credit "
                             u"limit of %3"_s.arg(d.projected.toString())
                                 .arg(policy.warnThresholdPercent)
                                 .arg(limit.toString()),
                             CreditOutcome::Warn});
        }
    }

    if (!in.overdue.isZero()) {
        if (policy.holdWhenOverdueBeyondDays
            && in.oldestOverdueDays > *policy.holdWhenOverdueBeyondDays) {
            holds.append({CreditReason::OverdueBeyondDays,
                          u"%1 is overdue, the oldest by %2 days (hold beyond %3 days)"_s
                              .arg(in.overdue.toString())
                              .arg(in.oldestOverdueDays)
                              .arg(*policy.holdWhenOverdueBeyondDays),
                          CreditOutcome::Hold});
        } else {
            warnings.append({CreditReason::Overdue,
                             u"%1 is overdue, the oldest by %2 days"_s.arg(in.overdue.toString())
                                 .arg(in.oldestOverdueDays),
                             CreditOutcome::Warn});
        }
    }

    d.reasons = holds + warnings;
    d.outcome = !holds.isEmpty() ? CreditOutcome::Hold
        : !warnings.isEmpty()    ? CreditOutcome::Warn
                                 : CreditOutcome::Ok;
    return d;
}

} // namespace karvan

#include "rules/credit.h"

#include <QTest>

#include <functional>
#include <limits>

using namespace karvan;
using namespace Qt::StringLiterals;

using CreditMutator = std::function<void(CreditInputs &, CreditPolicy &)>;
Q_DECLARE_METATYPE(CreditMutator)
Q_DECLARE_METATYPE(karvan::CreditOutcome)
Q_DECLARE_METATYPE(karvan::ErrorCode)

namespace {

Money usd(const QString &decimal)
{
    auto m = Money::parse(decimal, u"USD"_s);
    if (!m)
        qFatal("bad test money %s", qPrintable(m.errorMessage()));
    return m.value();
}

// Limit 10,000.00; exposure 6,000.00 + 1,500.00 + 500.00 = 8,000.00; nothing overdue.
CreditInputs baseInputs(const QString &order)
{
    CreditInputs in;
    in.limit = usd(u"10000.00"_s);
    in.openReceivables = usd(u"6000.00"_s);
    in.unbilledOrders = usd(u"1500.00"_s);
    in.unsyncedOrders = usd(u"500.00"_s);
    in.overdue = usd(u"0.00"_s);
    in.orderAmount = usd(order);
    return in;
}

QStringList codes(const CreditDecision &d)
{
    QStringList out;
    for (const CreditReason &r : d.reasons)
        out.append(r.code);
    return out;
}

} // namespace

class tst_Credit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitBoundaries_data();
    void limitBoundaries();
    void decisionCarriesFigures();
    void warnThresholdIsConfigurable();
    void noLimit();
    void unsyncedLocalOrdersCount();
    void overdueWarns();
    void overdueBeyondDaysHolds_data();
    void overdueBeyondDaysHolds();
    void manualHold();
    void severalReasonsHoldsFirst();
    void alreadyOverLimitHasNegativeAvailable();
    void zeroCurrencyDigits();
    void badInput_data();
    void badInput();
    void overflow();
};

void tst_Credit::limitBoundaries_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<CreditOutcome>("outcome");
    QTest::addColumn<QStringList>("reasons");
    // Exposure is 8,000.00 of 10,000.00; warn from 9,000.00 (90%).
    QTest::newRow("well below the threshold") << u"500.00"_s << CreditOutcome::Ok << QStringList();
    QTest::newRow("one cent below 90%") << u"999.99"_s << CreditOutcome::Ok << QStringList();
    QTest::newRow("exactly 90%") << u"1000.00"_s << CreditOutcome::Warn
                                 << QStringList {CreditReason::NearLimit};
    QTest::newRow("exactly at the limit")
        << u"2000.00"_s << CreditOutcome::Warn << QStringList {CreditReason::NearLimit};
    QTest::newRow("one cent over the limit")
        << u"2000.01"_s << CreditOutcome::Hold << QStringList {CreditReason::OverLimit};
    QTest::newRow("far over the limit")
        << u"50000.00"_s << CreditOutcome::Hold << QStringList {CreditReason::OverLimit};
    QTest::newRow("zero order") << u"0.00"_s << CreditOutcome::Ok << QStringList();
}

void tst_Credit::limitBoundaries()
{
    QFETCH(QString, order);
    QFETCH(CreditOutcome, outcome);
    QFETCH(QStringList, reasons);
    const auto d = decideCredit(baseInputs(order));
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, outcome);
    QCOMPARE(d->isHold(), outcome == CreditOutcome::Hold);
    QCOMPARE(codes(d.value()), reasons);
    for (const CreditReason &r : d->reasons) {
        QVERIFY(!r.message.isEmpty());
        QVERIFY(!r.message.contains(u'\n'));
    }
}

void tst_Credit::decisionCarriesFigures()
{
    const auto d = decideCredit(baseInputs(u"2000.01"_s));
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->currency, u"USD"_s);
    QCOMPARE(d->exposure, usd(u"8000.00"_s));
    QCOMPARE(d->projected, usd(u"10000.01"_s));
    QCOMPARE(d->limit, std::optional<Money>(usd(u"10000.00"_s)));
    QCOMPARE(d->available, std::optional<Money>(usd(u"2000.00"_s)));
    QCOMPARE(d->overdue, usd(u"0.00"_s));
    QCOMPARE(d->reasons.size(), 1);
    const CreditReason &r = d->reasons.first();
    QCOMPARE(r.code, u"over_limit"_s);
    QCOMPARE(r.severity, CreditOutcome::Hold);
    QCOMPARE(r.message,
             u"This order takes exposure to 10000.01 USD, 0.01 USD over the credit "
             u"limit of 10000.00 USD"_s);
    QCOMPARE(creditOutcomeName(d->outcome), u"hold"_s);
}

void tst_Credit::warnThresholdIsConfigurable()
{
    CreditPolicy policy;
    policy.warnThresholdPercent = 80;
    // Projected 8,000.00 is exactly 80%.
    auto d = decideCredit(baseInputs(u"0.00"_s), policy);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Warn);
    QVERIFY(d->hasReason(CreditReason::NearLimit));
    QVERIFY2(d->reasons.first().message.contains(u"80%"_s), qPrintable(d->reasons.first().message));

    policy.warnThresholdPercent = 100; // warn only at the limit itself
    d = decideCredit(baseInputs(u"1999.99"_s), policy);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Ok);
    d = decideCredit(baseInputs(u"2000.00"_s), policy);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Warn);
}

void tst_Credit::noLimit()
{
    CreditInputs in = baseInputs(u"1000000.00"_s);
    in.limit.reset();
    const auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Ok);
    QVERIFY(!d->limit);
    QVERIFY(!d->available);
    QCOMPARE(d->exposure, usd(u"8000.00"_s));
    QCOMPARE(d->projected, usd(u"1008000.00"_s));
    QVERIFY(d->reasons.isEmpty());
}

void tst_Credit::unsyncedLocalOrdersCount()
{
    // Without the device's unsynced orders the order would fit; with them it goes over.
    CreditInputs in = baseInputs(u"2000.00"_s);
    in.unsyncedOrders = usd(u"0.00"_s);
    auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Warn);
    QCOMPARE(d->exposure, usd(u"7500.00"_s));

    in.unsyncedOrders = usd(u"500.01"_s);
    d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Hold);
    QCOMPARE(d->exposure, usd(u"8000.01"_s));
    QCOMPARE(d->projected, usd(u"10000.01"_s));
    QCOMPARE(d->available, std::optional<Money>(usd(u"1999.99"_s)));
}

void tst_Credit::overdueWarns()
{
    CreditInputs in = baseInputs(u"100.00"_s);
    in.overdue = usd(u"250.00"_s);
    in.oldestOverdueDays = 45;
    const auto d = decideCredit(in); // no overdue hold configured
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Warn);
    QCOMPARE(codes(d.value()), QStringList {CreditReason::Overdue});
    QCOMPARE(d->overdue, usd(u"250.00"_s));
    QCOMPARE(d->oldestOverdueDays, 45);
    QCOMPARE(d->reasons.first().message, u"250.00 USD is overdue, the oldest by 45 days"_s);
}

void tst_Credit::overdueBeyondDaysHolds_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<CreditOutcome>("outcome");
    QTest::addColumn<QString>("reason");
    QTest::newRow("29 days, hold beyond 30") << 29 << CreditOutcome::Warn << CreditReason::Overdue;
    QTest::newRow("exactly 30 days") << 30 << CreditOutcome::Warn << CreditReason::Overdue;
    QTest::newRow("31 days") << 31 << CreditOutcome::Hold << CreditReason::OverdueBeyondDays;
}

void tst_Credit::overdueBeyondDaysHolds()
{
    QFETCH(int, days);
    QFETCH(CreditOutcome, outcome);
    QFETCH(QString, reason);
    CreditInputs in = baseInputs(u"100.00"_s);
    in.overdue = usd(u"10.00"_s);
    in.oldestOverdueDays = days;
    CreditPolicy policy;
    policy.holdWhenOverdueBeyondDays = 30;
    const auto d = decideCredit(in, policy);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, outcome);
    QCOMPARE(codes(d.value()), QStringList {reason});
}

void tst_Credit::manualHold()
{
    CreditInputs in = baseInputs(u"1.00"_s);
    in.manualHold = true;
    const auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Hold);
    QCOMPARE(codes(d.value()), QStringList {CreditReason::ManualHold});

    in.limit.reset(); // a manual hold applies without a limit too
    const auto unlimited = decideCredit(in);
    QVERIFY2(unlimited.ok(), qPrintable(unlimited.errorMessage()));
    QCOMPARE(unlimited->outcome, CreditOutcome::Hold);
}

void tst_Credit::severalReasonsHoldsFirst()
{
    CreditInputs in = baseInputs(u"1500.00"_s); // 95%: warn
    in.overdue = usd(u"10.00"_s);
    in.oldestOverdueDays = 3;
    in.manualHold = true;
    const auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Hold);
    QCOMPARE(
        codes(d.value()),
        (QStringList {CreditReason::ManualHold, CreditReason::NearLimit, CreditReason::Overdue}));
    QCOMPARE(d->reasons[0].severity, CreditOutcome::Hold);
    QCOMPARE(d->reasons[1].severity, CreditOutcome::Warn);
}

void tst_Credit::alreadyOverLimitHasNegativeAvailable()
{
    CreditInputs in = baseInputs(u"0.00"_s);
    in.openReceivables = usd(u"12000.00"_s);
    const auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Hold);
    QCOMPARE(d->available, std::optional<Money>(usd(u"-4000.00"_s)));
}

void tst_Credit::zeroCurrencyDigits()
{
    auto jpy = [](qint64 yen) {
        return Money::fromMinor(yen, u"JPY"_s).value();
    };
    CreditInputs in;
    in.limit = jpy(100000);
    in.openReceivables = jpy(60000);
    in.unbilledOrders = jpy(0);
    in.unsyncedOrders = jpy(0);
    in.overdue = jpy(0);
    in.orderAmount = jpy(40000);
    auto d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Warn);
    in.orderAmount = jpy(40001);
    d = decideCredit(in);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->outcome, CreditOutcome::Hold);
}

void tst_Credit::badInput_data()
{
    QTest::addColumn<CreditMutator>("mutate");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("mention");
    auto row = [](const char *name, CreditMutator m, ErrorCode code, const QString &mention) {
        QTest::newRow(name) << m << code << mention;
    };
    row(
        "limit in another currency",
        [](CreditInputs &in, CreditPolicy &) {
            in.limit = Money::parse(u"100"_s, u"EUR"_s).value();
        },
        ErrorCode::CurrencyMismatch, u"credit limit"_s);
    row(
        "receivables in another currency",
        [](CreditInputs &in, CreditPolicy &) {
            in.openReceivables = Money::parse(u"100"_s, u"EUR"_s).value();
        },
        ErrorCode::CurrencyMismatch, u"open receivables"_s);
    row(
        "unsynced in another currency",
        [](CreditInputs &in, CreditPolicy &) {
            in.unsyncedOrders = Money::parse(u"1"_s, u"JPY"_s).value();
        },
        ErrorCode::CurrencyMismatch, u"unsynced"_s);
    row(
        "negative order",
        [](CreditInputs &in, CreditPolicy &) { in.orderAmount = usd(u"-1.00"_s); },
        ErrorCode::InvalidArgument, u"negative"_s);
    row(
        "negative receivables",
        [](CreditInputs &in, CreditPolicy &) { in.openReceivables = usd(u"-0.01"_s); },
        ErrorCode::InvalidArgument, u"open receivables"_s);
    row(
        "negative limit", [](CreditInputs &in, CreditPolicy &) { in.limit = usd(u"-5.00"_s); },
        ErrorCode::InvalidArgument, u"credit limit"_s);
    row(
        "negative overdue", [](CreditInputs &in, CreditPolicy &) { in.overdue = usd(u"-5.00"_s); },
        ErrorCode::InvalidArgument, u"overdue"_s);
    row(
        "negative overdue days",
        [](CreditInputs &in, CreditPolicy &) { in.oldestOverdueDays = -1; },
        ErrorCode::InvalidArgument, u"days"_s);
    row(
        "order without currency",
        [](CreditInputs &in, CreditPolicy &) { in.orderAmount = Money(); },
        ErrorCode::InvalidArgument, u"order amount"_s);
    row(
        "unbilled without currency",
        [](CreditInputs &in, CreditPolicy &) { in.unbilledOrders = Money(); },
        ErrorCode::InvalidArgument, u"unbilled"_s);
    row(
        "threshold above 100",
        [](CreditInputs &, CreditPolicy &p) { p.warnThresholdPercent = 101; },
        ErrorCode::InvalidArgument, u"101%"_s);
    row(
        "negative overdue policy",
        [](CreditInputs &, CreditPolicy &p) { p.holdWhenOverdueBeyondDays = -3; },
        ErrorCode::InvalidArgument, u"-3"_s);
}

void tst_Credit::badInput()
{
    QFETCH(CreditMutator, mutate);
    QFETCH(ErrorCode, code);
    QFETCH(QString, mention);
    CreditInputs in = baseInputs(u"10.00"_s);
    CreditPolicy policy;
    mutate(in, policy);
    const auto d = decideCredit(in, policy);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, code);
    QVERIFY2(d.errorMessage().contains(mention), qPrintable(d.errorMessage()));
}

void tst_Credit::overflow()
{
    CreditInputs in = baseInputs(u"10.00"_s);
    const qint64 max = std::numeric_limits<qint64>::max();
    in.openReceivables = Money::fromMinor(max - 100, u"USD"_s).value();
    in.limit.reset();
    auto d = decideCredit(in);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, ErrorCode::Overflow);
    QVERIFY2(d.errorMessage().contains(u"exposure"_s), qPrintable(d.errorMessage()));

    in = baseInputs(u"10.00"_s);
    in.orderAmount = Money::fromMinor(max, u"USD"_s).value();
    d = decideCredit(in);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, ErrorCode::Overflow);
}

QTEST_GUILESS_MAIN(tst_Credit)
#include "tst_credit.moc"

#include "domain/money.h"

#include <QTest>

#include <limits>

using namespace karvan;

namespace {

Money money(qint64 minor, const char *currency)
{
    return Money::fromMinor(minor, QString::fromLatin1(currency)).value();
}

} // namespace

class tst_Money : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minorDigitsOfCurrencies_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("digits");
        QTest::newRow("USD") << u"USD"_qs << 2;
        QTest::newRow("EUR") << u"EUR"_qs << 2;
        QTest::newRow("TRY") << u"TRY"_qs << 2;
        QTest::newRow("IRR") << u"IRR"_qs << 2;
        QTest::newRow("ILS") << u"ILS"_qs << 2;
        QTest::newRow("JPY") << u"JPY"_qs << 0;
        QTest::newRow("VND") << u"VND"_qs << 0;
        QTest::newRow("KWD") << u"KWD"_qs << 3;
        QTest::newRow("BHD") << u"BHD"_qs << 3;
        QTest::newRow("IQD") << u"IQD"_qs << 3;
    }
    void minorDigitsOfCurrencies()
    {
        QFETCH(QString, code);
        QFETCH(int, digits);
        const auto d = Currency::minorDigits(code);
        QVERIFY(d.ok());
        QCOMPARE(d.value(), digits);
    }

    void unknownCurrencyIsRefused_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString();
        QTest::newRow("lowercase") << u"usd"_qs;
        QTest::newRow("made up") << u"XYZ"_qs;
        QTest::newRow("too long") << u"USDD"_qs;
    }
    void unknownCurrencyIsRefused()
    {
        QFETCH(QString, code);
        const auto m = Money::fromMinor(100, code);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(m.errorMessage().contains(u"currency"), qPrintable(m.errorMessage()));
    }

    void parseAndFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("USD whole") << u"12"_qs << u"USD"_qs << qint64(1200) << u"12.00"_qs;
        QTest::newRow("USD cents") << u"12.34"_qs << u"USD"_qs << qint64(1234) << u"12.34"_qs;
        QTest::newRow("USD one decimal") << u"0.5"_qs << u"USD"_qs << qint64(50) << u"0.50"_qs;
        QTest::newRow("USD negative") << u"-0.07"_qs << u"USD"_qs << qint64(-7) << u"-0.07"_qs;
        QTest::newRow("JPY") << u"1500"_qs << u"JPY"_qs << qint64(1500) << u"1500"_qs;
        QTest::newRow("VND large")
            << u"125000000"_qs << u"VND"_qs << qint64(125000000) << u"125000000"_qs;
        QTest::newRow("KWD mils") << u"1.005"_qs << u"KWD"_qs << qint64(1005) << u"1.005"_qs;
        QTest::newRow("KWD negative") << u"-0.125"_qs << u"KWD"_qs << qint64(-125) << u"-0.125"_qs;
        QTest::newRow("spaces trimmed") << u" 3.10 "_qs << u"EUR"_qs << qint64(310) << u"3.10"_qs;
    }
    void parseAndFormat()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(qint64, minor);
        QFETCH(QString, formatted);
        const auto m = Money::parse(text, currency);
        QVERIFY2(m.ok(), qPrintable(m.errorMessage()));
        QCOMPARE(m->minorUnits(), minor);
        QCOMPARE(m->currency(), currency);
        QCOMPARE(m->toDecimalString(), formatted);
    }

    void parseRefusesBadInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("code");
        const int invalid = int(ErrorCode::InvalidArgument);
        QTest::newRow("empty") << QString() << u"USD"_qs << invalid;
        QTest::newRow("letters") << u"12a"_qs << u"USD"_qs << invalid;
        QTest::newRow("two points") << u"1.2.3"_qs << u"USD"_qs << invalid;
        QTest::newRow("lone point") << u"."_qs << u"USD"_qs << invalid;
        QTest::newRow("lone sign") << u"-"_qs << u"USD"_qs << invalid;
        QTest::newRow("thousands sep") << u"1,000"_qs << u"USD"_qs << invalid;
        QTest::newRow("USD 3 decimals") << u"1.005"_qs << u"USD"_qs << invalid;
        QTest::newRow("JPY decimals") << u"10.5"_qs << u"JPY"_qs << invalid;
        QTest::newRow("overflow") << u"99999999999999999999"_qs << u"USD"_qs
                                  << int(ErrorCode::Overflow);
        QTest::newRow("overflow by scaling")
            << u"92233720368547758.07"_qs << u"KWD"_qs << int(ErrorCode::Overflow);
    }
    void parseRefusesBadInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, currency);
        QFETCH(int, code);
        const auto m = Money::parse(text, currency);
        QVERIFY(!m.ok());
        QCOMPARE(int(m.error().code), code);
        QVERIFY(!m.errorMessage().isEmpty());
    }

    void extremesFormat()
    {
        const Money max = money(std::numeric_limits<qint64>::max(), "USD");
        QCOMPARE(max.toDecimalString(), u"92233720368547758.07"_qs);
        const Money min = money(std::numeric_limits<qint64>::min(), "USD");
        QCOMPARE(min.toDecimalString(), u"-92233720368547758.08"_qs);
        QVERIFY(!min.negated().ok());
        QCOMPARE(min.negated().error().code, ErrorCode::Overflow);
    }

    void addAndSubtract()
    {
        const auto sum = money(1999, "USD").plus(money(1, "USD"));
        QVERIFY(sum.ok());
        QCOMPARE(sum->minorUnits(), 2000);
        const auto diff = money(100, "KWD").minus(money(1100, "KWD"));
        QVERIFY(diff.ok());
        QCOMPARE(diff->toString(), u"-1.000 KWD"_qs);
    }

    void mixedCurrenciesAreRefused()
    {
        const auto sum = money(100, "USD").plus(money(100, "EUR"));
        QVERIFY(!sum.ok());
        QCOMPARE(sum.error().code, ErrorCode::CurrencyMismatch);
        QVERIFY(sum.errorMessage().contains(u"USD"));
        QVERIFY(sum.errorMessage().contains(u"EUR"));
        QVERIFY(!money(1, "USD").compare(money(1, "JPY")).ok());
        QVERIFY(!Money::sum({money(1, "USD"), money(1, "TRY")}, u"USD"_qs).ok());
        QVERIFY(!money(1, "USD").plus(Money()).ok()); // no currency at all
    }

    void overflowIsAnErrorNotAWrap()
    {
        const Money max = money(std::numeric_limits<qint64>::max(), "USD");
        QCOMPARE(max.plus(money(1, "USD")).error().code, ErrorCode::Overflow);
        QCOMPARE(
            money(std::numeric_limits<qint64>::min(), "USD").minus(money(1, "USD")).error().code,
            ErrorCode::Overflow);
        QCOMPARE(max.times(2).error().code, ErrorCode::Overflow);
        QCOMPARE(max.multipliedBy(3, 2, Rounding::HalfUp).error().code, ErrorCode::Overflow);
        // A large intermediate product is fine when the result fits (128-bit intermediate).
        const auto back = max.multipliedBy(1000, 1000, Rounding::HalfUp);
        QVERIFY(back.ok());
        QCOMPARE(back->minorUnits(), std::numeric_limits<qint64>::max());
        QVERIFY(!Money::sum({max, money(1, "USD")}, u"USD"_qs).ok());
    }

    void rounding_data()
    {
        QTest::addColumn<qint64>("num");
        QTest::addColumn<qint64>("den");
        QTest::addColumn<int>("mode");
        QTest::addColumn<qint64>("expected");
        const int up = int(Rounding::HalfUp), even = int(Rounding::HalfEven),
                  zero = int(Rounding::TowardZero), away = int(Rounding::AwayFromZero);
        QTest::newRow("half up .5") << qint64(5) << qint64(10) << up << qint64(1);
        QTest::newRow("half up -.5") << qint64(-5) << qint64(10) << up << qint64(-1);
        QTest::newRow("half up .49") << qint64(49) << qint64(100) << up << qint64(0);
        QTest::newRow("half even .5") << qint64(5) << qint64(10) << even << qint64(0);
        QTest::newRow("half even 1.5") << qint64(15) << qint64(10) << even << qint64(2);
        QTest::newRow("half even 2.5") << qint64(25) << qint64(10) << even << qint64(2);
        QTest::newRow("half even -2.5") << qint64(-25) << qint64(10) << even << qint64(-2);
        QTest::newRow("half even -3.5") << qint64(-35) << qint64(10) << even << qint64(-4);
        QTest::newRow("half even 2.51") << qint64(251) << qint64(100) << even << qint64(3);
        QTest::newRow("toward zero 1.9") << qint64(19) << qint64(10) << zero << qint64(1);
        QTest::newRow("toward zero -1.9") << qint64(-19) << qint64(10) << zero << qint64(-1);
        QTest::newRow("away 1.1") << qint64(11) << qint64(10) << away << qint64(2);
        QTest::newRow("away -1.1") << qint64(-11) << qint64(10) << away << qint64(-2);
        QTest::newRow("exact") << qint64(30) << qint64(10) << away << qint64(3);
        QTest::newRow("negative divisor") << qint64(5) << qint64(-10) << up << qint64(-1);
    }
    void rounding()
    {
        QFETCH(qint64, num);
        QFETCH(qint64, den);
        QFETCH(int, mode);
        QFETCH(qint64, expected);
        const auto q = divideRounded(num, den, Rounding(mode));
        QVERIFY(q.ok());
        QCOMPARE(q.value(), expected);
    }

    void divisionByZeroIsAnError()
    {
        QVERIFY(!divideRounded(1, 0, Rounding::HalfUp).ok());
        QVERIFY(!money(100, "USD").multipliedBy(1, 0, Rounding::HalfUp).ok());
    }

    void percentageOfAmount()
    {
        // 18% VAT on 19.99 ILS = 3.5982 -> 3.60
        const auto vat = money(1999, "ILS").multipliedBy(1800, 10000, Rounding::HalfUp);
        QVERIFY(vat.ok());
        QCOMPARE(vat->minorUnits(), 360);
        // 5% of 1,250 JPY = 62.5 -> 63 (half up) / 62 (half even)
        QCOMPARE(money(1250, "JPY").multipliedBy(5, 100, Rounding::HalfUp)->minorUnits(), 63);
        QCOMPARE(money(1250, "JPY").multipliedBy(5, 100, Rounding::HalfEven)->minorUnits(), 62);
        // 1/3 of 1.000 KWD = 0.333
        QCOMPARE(money(1000, "KWD").multipliedBy(1, 3, Rounding::HalfUp)->minorUnits(), 333);
    }

    void splitSumsExactly_data()
    {
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("parts");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("100 cents in 3")
            << qint64(100) << u"USD"_qs << 3 << QList<qint64> {34, 33, 33};
        QTest::newRow("1 JPY in 3") << qint64(1) << u"JPY"_qs << 3 << QList<qint64> {1, 0, 0};
        QTest::newRow("10.000 KWD in 3")
            << qint64(10000) << u"KWD"_qs << 3 << QList<qint64> {3334, 3333, 3333};
        QTest::newRow("negative in 3")
            << qint64(-100) << u"USD"_qs << 3 << QList<qint64> {-34, -33, -33};
        QTest::newRow("even") << qint64(900) << u"EUR"_qs << 3 << QList<qint64> {300, 300, 300};
        QTest::newRow("zero") << qint64(0) << u"EUR"_qs << 2 << QList<qint64> {0, 0};
    }
    void splitSumsExactly()
    {
        QFETCH(qint64, amount);
        QFETCH(QString, currency);
        QFETCH(int, parts);
        QFETCH(QList<qint64>, expected);
        const auto split = Money::fromMinor(amount, currency)->split(parts);
        QVERIFY(split.ok());
        QList<qint64> got;
        qint64 total = 0;
        for (const Money &m : split.value()) {
            QCOMPARE(m.currency(), currency);
            got.append(m.minorUnits());
            total += m.minorUnits();
        }
        QCOMPARE(got, expected);
        QCOMPARE(total, amount);
    }

    void allocateByWeights()
    {
        // A 10.00 order discount spread over lines worth 3, 3 and 4 (largest remainder).
        const auto parts = money(1000, "USD").allocate({333, 333, 334});
        QVERIFY(parts.ok());
        QCOMPARE(parts->at(0).minorUnits() + parts->at(1).minorUnits() + parts->at(2).minorUnits(),
                 1000);
        QCOMPARE(parts->at(2).minorUnits(), 334);
        // Awkward weights, every cent accounted for across many random-looking splits.
        for (qint64 amount : {1LL, 7LL, 99LL, 1000001LL, 123456789LL}) {
            const auto p = money(amount, "USD").allocate({7, 13, 0, 29, 1});
            QVERIFY(p.ok());
            qint64 total = 0;
            for (const Money &m : p.value())
                total += m.minorUnits();
            QCOMPARE(total, amount);
            QCOMPARE(p->at(2).minorUnits(), 0); // a zero weight gets nothing
        }
        // The largest possible amount splits without overflow.
        const auto big = money(std::numeric_limits<qint64>::max(), "USD").split(7);
        QVERIFY(big.ok());
        __int128 total = 0;
        for (const Money &m : big.value())
            total += m.minorUnits();
        QVERIFY(total == std::numeric_limits<qint64>::max());
    }

    void allocateRefusesBadWeights()
    {
        QVERIFY(!money(100, "USD").allocate({}).ok());
        QVERIFY(!money(100, "USD").allocate({0, 0}).ok());
        QVERIFY(!money(100, "USD").allocate({1, -1}).ok());
        QVERIFY(!money(100, "USD").split(0).ok());
        QVERIFY(!money(100, "USD").split(-2).ok());
    }

    void compareWithinCurrency()
    {
        QCOMPARE(money(5, "USD").compare(money(6, "USD")).value(), -1);
        QCOMPARE(money(6, "USD").compare(money(6, "USD")).value(), 0);
        QCOMPARE(money(7, "USD").compare(money(6, "USD")).value(), 1);
        QVERIFY(money(6, "USD") == money(6, "USD"));
        QVERIFY(!(money(6, "USD") == money(6, "JPY")));
    }
};

QTEST_GUILESS_MAIN(tst_Money)
#include "tst_money.moc"

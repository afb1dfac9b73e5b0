#include "domain/quantity.h"

#include <QTest>

using namespace karvan;

class tst_Quantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milli");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("whole") << u"12"_qs << qint64(12000) << u"12"_qs;
        QTest::newRow("half") << u"2.5"_qs << qint64(2500) << u"2.5"_qs;
        QTest::newRow("grams") << u"0.125"_qs << qint64(125) << u"0.125"_qs;
        QTest::newRow("negative") << u"-1"_qs << qint64(-1000) << u"-1"_qs;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milli);
        QFETCH(QString, formatted);
        const auto q = Quantity::parse(text, u"kg"_qs);
        QVERIFY2(q.ok(), qPrintable(q.errorMessage()));
        QCOMPARE(q->milli(), milli);
        QCOMPARE(q->toDecimalString(), formatted);
        QCOMPARE(q->unit(), u"kg"_qs);
    }

    void parseRefusesBadInput()
    {
        QVERIFY(!Quantity::parse(u"1.0001"_qs, u"kg"_qs).ok());
        QVERIFY(!Quantity::parse(u"two"_qs, u"ea"_qs).ok());
        QVERIFY(!Quantity::parse(QString(), u"ea"_qs).ok());
        QVERIFY(!Quantity::parse(u"1"_qs, QString()).ok());
        QCOMPARE(Quantity::parse(u"99999999999999999999"_qs, u"ea"_qs).error().code,
                 ErrorCode::Overflow);
        QCOMPARE(Quantity::ofUnits(std::numeric_limits<qint64>::max() / 10, u"ea"_qs).error().code,
                 ErrorCode::Overflow);
    }

    void arithmeticRefusesMixedUnits()
    {
        const Quantity a = Quantity::ofUnits(2, u"ea"_qs).value();
        const Quantity b = Quantity::ofUnits(3, u"box"_qs).value();
        QVERIFY(!a.plus(b).ok());
        QCOMPARE(a.plus(a)->milli(), 4000);
        QCOMPARE(a.minus(a)->milli(), 0);
    }

    void convertsToBaseUnit()
    {
        const QList<UnitConversion> conversions {{u"box"_qs, 12000}, {u"case"_qs, 144000}};
        const auto boxes = Quantity::ofUnits(3, u"box"_qs).value();
        const auto ea = convertToBase(boxes, u"ea"_qs, conversions);
        QVERIFY(ea.ok());
        QCOMPARE(ea->milli(), 36000);
        QCOMPARE(ea->unit(), u"ea"_qs);
        const auto unknown
            = convertToBase(Quantity::ofUnits(1, u"pallet"_qs).value(), u"ea"_qs, conversions);
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.errorMessage().contains(u"pallet"));
    }
};

QTEST_GUILESS_MAIN(tst_Quantity)
#include "tst_quantity.moc"

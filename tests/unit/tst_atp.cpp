#include "rules/atp.h"

#include <QTest>

#include <limits>

using namespace karvan;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(karvan::PromiseCheck::Outcome)

namespace {

Quantity qty(const QString &decimal, const QString &unit = u"ea"_s)
{
    auto q = Quantity::parse(decimal, unit);
    if (!q)
        qFatal("bad test quantity %s", qPrintable(q.errorMessage()));
    return q.value();
}

const QDateTime kMorning(QDate(2024, 6, 15), QTime(8, 0), Qt::UTC);
const QDateTime kYesterday(QDate(2024, 6, 14), QTime(17, 30), Qt::UTC);

StockLevel level(const QString &sku, const QString &warehouse, const QString &onHand,
                 const QString &reserved, const QDateTime &asOf)
{
    return StockLevel {sku, warehouse, qty(onHand), qty(reserved), asOf};
}

LocalReservation local(const QString &sku, const QString &warehouse, const QString &quantity)
{
    return LocalReservation {sku, warehouse, qty(quantity), QUuid()};
}

// WIDGET: MAIN 100 on hand, 30 reserved (morning); EAST 20 on hand, 5 reserved (yesterday).
// Local: 10 from MAIN, 4 from EAST. Available: MAIN 60, EAST 11, total 71.
AvailableToPromise standardAtp()
{
    auto atp = AvailableToPromise::compute(
        {level(u"WIDGET"_s, u"MAIN"_s, u"100"_s, u"30"_s, kMorning),
         level(u"WIDGET"_s, u"EAST"_s, u"20"_s, u"5"_s, kYesterday),
         level(u"GADGET"_s, u"MAIN"_s, u"5"_s, u"5"_s, kMorning)},
        {local(u"WIDGET"_s, u"MAIN"_s, u"6"_s), local(u"WIDGET"_s, u"MAIN"_s, u"4"_s),
         local(u"WIDGET"_s, u"EAST"_s, u"4"_s)});
    if (!atp)
        qFatal("standard ATP failed: %s", qPrintable(atp.errorMessage()));
    return atp.value();
}

} // namespace

class tst_Atp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perWarehouseAndTotals();
    void asOfIsTheOldest();
    void check_data();
    void check();
    void oversoldWarehouseNeverPromisable();
    void reservationWithoutStockFigure();
    void unassignedLocalReservationReducesTotalOnly();
    void fractionalQuantities();
    void badInput();
    void checkBadInput();
};

void tst_Atp::perWarehouseAndTotals()
{
    const AvailableToPromise atp = standardAtp();
    const SkuAvailability *w = atp.find(u"WIDGET"_s);
    QVERIFY(w);
    QCOMPARE(w->unit, u"ea"_s);
    QCOMPARE(w->warehouses.size(), 2);
    const WarehouseAvailability *main = w->warehouse(u"MAIN"_s);
    QVERIFY(main);
    QCOMPARE(main->onHand, qty(u"100"_s));
    QCOMPARE(main->reserved, qty(u"30"_s));
    QCOMPARE(main->localReserved, qty(u"10"_s));
    QCOMPARE(main->available, qty(u"60"_s));
    QCOMPARE(main->promisable, qty(u"60"_s));
    const WarehouseAvailability *east = w->warehouse(u"EAST"_s);
    QVERIFY(east);
    QCOMPARE(east->available, qty(u"11"_s));
    QCOMPARE(w->onHand, qty(u"120"_s));
    QCOMPARE(w->reserved, qty(u"35"_s));
    QCOMPARE(w->localReserved, qty(u"14"_s));
    QCOMPARE(w->available, qty(u"71"_s));
    QCOMPARE(w->promisable, qty(u"71"_s));
    // Warehouses come in code order; SKUs too.
    QCOMPARE(w->warehouses[0].warehouseCode, u"EAST"_s);
    QCOMPARE(atp.skus().size(), 2);
    QCOMPARE(atp.skus()[0].sku, u"GADGET"_s);
    QVERIFY(!atp.find(u"NOSUCH"_s));
}

void tst_Atp::asOfIsTheOldest()
{
    const AvailableToPromise atp = standardAtp();
    QCOMPARE(atp.find(u"WIDGET"_s)->asOf, kYesterday);
    QCOMPARE(atp.find(u"WIDGET"_s)->warehouse(u"MAIN"_s)->asOf, kMorning);
    QCOMPARE(atp.find(u"GADGET"_s)->asOf, kMorning);
    QCOMPARE(atp.asOf(), kYesterday);
}

void tst_Atp::check_data()
{
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QString>("quantity");
    QTest::addColumn<QString>("warehouse");
    QTest::addColumn<PromiseCheck::Outcome>("outcome");
    QTest::addColumn<QString>("promisable");
    QTest::addColumn<QString>("shortfall");
    QTest::addColumn<QDateTime>("asOf");

    using O = PromiseCheck::Outcome;
    QTest::newRow("total, fully") << u"WIDGET"_s << u"71"_s << QString() << O::Full << u"71"_s
                                  << u"0"_s << kYesterday;
    QTest::newRow("total, partially")
        << u"WIDGET"_s << u"80"_s << QString() << O::Partial << u"71"_s << u"9"_s << kYesterday;
    QTest::newRow("MAIN, fully") << u"WIDGET"_s << u"60"_s << u"MAIN"_s << O::Full << u"60"_s
                                 << u"0"_s << kMorning;
    QTest::newRow("MAIN, one thousandth too many")
        << u"WIDGET"_s << u"60.001"_s << u"MAIN"_s << O::Partial << u"60"_s << u"0.001"_s
        << kMorning;
    QTest::newRow("EAST, partially")
        << u"WIDGET"_s << u"15"_s << u"EAST"_s << O::Partial << u"11"_s << u"4"_s << kYesterday;
    QTest::newRow("all reserved: none")
        << u"GADGET"_s << u"1"_s << QString() << O::None << u"0"_s << u"1"_s << kMorning;
}

void tst_Atp::check()
{
    QFETCH(QString, sku);
    QFETCH(QString, quantity);
    QFETCH(QString, warehouse);
    QFETCH(PromiseCheck::Outcome, outcome);
    QFETCH(QString, promisable);
    QFETCH(QString, shortfall);
    QFETCH(QDateTime, asOf);
    const auto c = standardAtp().check(sku, qty(quantity), warehouse);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->outcome, outcome);
    QCOMPARE(c->sku, sku);
    QCOMPARE(c->warehouseCode, warehouse);
    QCOMPARE(c->requested, qty(quantity));
    QCOMPARE(c->promisable, qty(promisable));
    QCOMPARE(c->shortfall, qty(shortfall));
    QCOMPARE(c->asOf, asOf);
}

void tst_Atp::oversoldWarehouseNeverPromisable()
{
    // EAST has promised more than it holds: it shows -7 available but 0 promisable, and its
    // shortfall counts against the total.
    auto atp
        = AvailableToPromise::compute({level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning),
                                       level(u"WIDGET"_s, u"EAST"_s, u"5"_s, u"8"_s, kMorning)},
                                      {local(u"WIDGET"_s, u"EAST"_s, u"4"_s)});
    QVERIFY2(atp.ok(), qPrintable(atp.errorMessage()));
    const SkuAvailability *w = atp->find(u"WIDGET"_s);
    QCOMPARE(w->warehouse(u"EAST"_s)->available, qty(u"-7"_s));
    QCOMPARE(w->warehouse(u"EAST"_s)->promisable, qty(u"0"_s));
    QCOMPARE(w->available, qty(u"3"_s));
    QCOMPARE(w->promisable, qty(u"3"_s));

    auto c = atp->check(u"WIDGET"_s, qty(u"2"_s), u"EAST"_s);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->outcome, PromiseCheck::Outcome::None);
    QCOMPARE(c->promisable, qty(u"0"_s));
    QCOMPARE(c->shortfall, qty(u"2"_s));

    // Everything oversold: the total is negative, nothing is promisable.
    atp = AvailableToPromise::compute({level(u"WIDGET"_s, u"MAIN"_s, u"1"_s, u"0"_s, kMorning)},
                                      {local(u"WIDGET"_s, u"MAIN"_s, u"3"_s)});
    QVERIFY2(atp.ok(), qPrintable(atp.errorMessage()));
    QCOMPARE(atp->find(u"WIDGET"_s)->available, qty(u"-2"_s));
    QCOMPARE(atp->find(u"WIDGET"_s)->promisable, qty(u"0"_s));
    c = atp->check(u"WIDGET"_s, qty(u"1"_s));
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->outcome, PromiseCheck::Outcome::None);
    QCOMPARE(c->promisable, qty(u"0"_s));
}

void tst_Atp::reservationWithoutStockFigure()
{
    // A local order from a warehouse HQ sent no figure for: known to be short, of unknown age.
    auto atp
        = AvailableToPromise::compute({level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning)},
                                      {local(u"WIDGET"_s, u"WEST"_s, u"2"_s)});
    QVERIFY2(atp.ok(), qPrintable(atp.errorMessage()));
    const SkuAvailability *w = atp->find(u"WIDGET"_s);
    const WarehouseAvailability *west = w->warehouse(u"WEST"_s);
    QVERIFY(west);
    QCOMPARE(west->onHand, qty(u"0"_s));
    QCOMPARE(west->available, qty(u"-2"_s));
    QCOMPARE(west->promisable, qty(u"0"_s));
    QVERIFY(!west->asOf.isValid());
    QCOMPARE(w->available, qty(u"8"_s));
    QCOMPARE(w->asOf, kMorning);
}

void tst_Atp::unassignedLocalReservationReducesTotalOnly()
{
    auto atp
        = AvailableToPromise::compute({level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning)},
                                      {local(u"WIDGET"_s, QString(), u"3"_s)});
    QVERIFY2(atp.ok(), qPrintable(atp.errorMessage()));
    const SkuAvailability *w = atp->find(u"WIDGET"_s);
    QCOMPARE(w->unassignedLocalReserved, qty(u"3"_s));
    QCOMPARE(w->localReserved, qty(u"3"_s));
    QCOMPARE(w->available, qty(u"7"_s));
    QCOMPARE(w->warehouse(u"MAIN"_s)->available, qty(u"10"_s));
    auto c = atp->check(u"WIDGET"_s, qty(u"8"_s));
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->outcome, PromiseCheck::Outcome::Partial);
    QCOMPARE(c->promisable, qty(u"7"_s));
}

void tst_Atp::fractionalQuantities()
{
    auto atp = AvailableToPromise::compute(
        {StockLevel {u"FLOUR"_s, u"MAIN"_s, qty(u"12.5"_s, u"kg"_s), qty(u"2.25"_s, u"kg"_s),
                     kMorning}},
        {LocalReservation {u"FLOUR"_s, u"MAIN"_s, qty(u"0.125"_s, u"kg"_s), QUuid()}});
    QVERIFY2(atp.ok(), qPrintable(atp.errorMessage()));
    QCOMPARE(atp->find(u"FLOUR"_s)->available, qty(u"10.125"_s, u"kg"_s));
    auto c = atp->check(u"FLOUR"_s, qty(u"10.126"_s, u"kg"_s));
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c->outcome, PromiseCheck::Outcome::Partial);
    QCOMPARE(c->shortfall, qty(u"0.001"_s, u"kg"_s));
}

void tst_Atp::badInput()
{
    struct Case
    {
        const char *name;
        QList<StockLevel> levels;
        QList<LocalReservation> locals;
        ErrorCode code;
        QString mention;
    };
    const qint64 max = std::numeric_limits<qint64>::max();
    const QList<Case> cases {
        {"reserved in another unit",
         {StockLevel {u"WIDGET"_s, u"MAIN"_s, qty(u"10"_s), qty(u"1"_s, u"box"_s), kMorning}},
         {},
         ErrorCode::InvalidArgument,
         u"box"_s},
        {"warehouses in different units",
         {level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning),
          StockLevel {u"WIDGET"_s, u"EAST"_s, qty(u"1"_s, u"box"_s), qty(u"0"_s, u"box"_s),
                      kMorning}},
         {},
         ErrorCode::InvalidArgument,
         u"EAST"_s},
        {"local reservation in another unit",
         {level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning)},
         {LocalReservation {u"WIDGET"_s, u"MAIN"_s, qty(u"1"_s, u"box"_s), QUuid()}},
         ErrorCode::InvalidArgument,
         u"box"_s},
        {"negative reserved",
         {level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"-1"_s, kMorning)},
         {},
         ErrorCode::InvalidArgument,
         u"negative"_s},
        {"negative local reservation",
         {level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning)},
         {local(u"WIDGET"_s, u"MAIN"_s, u"-1"_s)},
         ErrorCode::InvalidArgument,
         u"negative"_s},
        {"duplicate stock level",
         {level(u"WIDGET"_s, u"MAIN"_s, u"10"_s, u"0"_s, kMorning),
          level(u"WIDGET"_s, u"MAIN"_s, u"11"_s, u"0"_s, kMorning)},
         {},
         ErrorCode::InvalidArgument,
         u"MAIN"_s},
        {"stock level without warehouse",
         {level(u"WIDGET"_s, QString(), u"10"_s, u"0"_s, kMorning)},
         {},
         ErrorCode::InvalidArgument,
         u"warehouse"_s},
        {"on hand without unit",
         {StockLevel {u"WIDGET"_s, u"MAIN"_s, Quantity(), Quantity(), kMorning}},
         {},
         ErrorCode::InvalidArgument,
         u"unit"_s},
        {"sum overflows",
         {StockLevel {u"WIDGET"_s, u"MAIN"_s, Quantity::fromMilli(max, u"ea"_s).value(),
                      qty(u"0"_s), kMorning},
          StockLevel {u"WIDGET"_s, u"EAST"_s, Quantity::fromMilli(max, u"ea"_s).value(),
                      qty(u"0"_s), kMorning}},
         {},
         ErrorCode::Overflow,
         u"WIDGET"_s},
    };
    for (const Case &c : cases) {
        const auto atp = AvailableToPromise::compute(c.levels, c.locals);
        QVERIFY2(!atp.ok(), c.name);
        QCOMPARE(atp.error().code, c.code);
        QVERIFY2(atp.errorMessage().contains(u"SKU WIDGET"_s), qPrintable(atp.errorMessage()));
        QVERIFY2(atp.errorMessage().contains(c.mention), qPrintable(atp.errorMessage()));
    }
}

void tst_Atp::checkBadInput()
{
    const AvailableToPromise atp = standardAtp();
    auto c = atp.check(u"WIDGET"_s, qty(u"0"_s));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(c.errorMessage().contains(u"SKU WIDGET"_s), qPrintable(c.errorMessage()));

    c = atp.check(u"WIDGET"_s, qty(u"-1"_s));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(c.errorMessage().contains(u"-1 ea"_s), qPrintable(c.errorMessage()));

    c = atp.check(u"NOSUCH"_s, qty(u"1"_s));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::NotFound);
    QVERIFY2(c.errorMessage().contains(u"SKU NOSUCH"_s), qPrintable(c.errorMessage()));

    c = atp.check(u"WIDGET"_s, qty(u"1"_s, u"box"_s));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(c.errorMessage().contains(u"box"_s), qPrintable(c.errorMessage()));

    c = atp.check(u"WIDGET"_s, qty(u"1"_s), u"NORTH"_s);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().code, ErrorCode::NotFound);
    QVERIFY2(c.errorMessage().contains(u"NORTH"_s), qPrintable(c.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_Atp)
#include "tst_atp.moc"

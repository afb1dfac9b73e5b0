// A seeded property test: thousands of random business events (orders, credit decisions,
// deliveries, invoices, payments, returns, cancellations, purchases, stock moves, period
// closes, bad input and refused roles), with every invariant checked after each event.
//
// KARVAN_ERP_SEED=N replays one seed; KARVAN_ERP_EVENTS=N sets the number of events (default
// 3000 per backend); the run also stops at KARVAN_ERP_SECONDS (default 50) per backend;
// KARVAN_ERP_VERBOSE=1 prints every event.
#include "erpfixture.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::erp;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

class tst_ErpProperty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomEventsKeepTheBooksTrue_data() { addBackendColumns(); }
    void randomEventsKeepTheBooksTrue();
};

namespace {

class EventRunner
{
public:
    EventRunner(Database &db, ErpCompany &co, quint64 seed)
        : m_db(db)
        , m_co(co)
        , m_rng(seed)
        , m_date(co.day0)
    { }

    // Runs one random event; returns a one-line description (what, and whether refused).
    QString step()
    {
        if (m_rng.bounded(8) == 0)
            m_date = m_date.addDays(1);
        const int kind = int(m_rng.bounded(100));
        if (kind < 25)
            return intake();
        if (kind < 32)
            return pickOrder(u"status = 'credit_hold'"_s, [&](const QString &id) {
                return m_rng.bounded(3) == 0
                    ? describe(u"reject hold"_s,
                               SalesOrders(m_db).rejectCreditHold(m_co.who.finance, id, u"no"_s))
                    : describe(u"approve hold"_s,
                               SalesOrders(m_db).approveCreditHold(m_co.who.finance, id, {}));
            });
        if (kind < 44)
            return pickOrder(
                u"status IN ('confirmed', 'partially_allocated')"_s, [&](const QString &id) {
                    return describe(
                        u"deliver"_s,
                        Fulfilment(m_db).deliver(actorFor(m_co.who.warehouse), id, eventDate()));
                });
        if (kind < 54)
            return pickOrder(u"id IN (SELECT order_id FROM sales_order_lines WHERE "
                             "delivered_milli > invoiced_milli)"_s,
                             [&](const QString &id) {
                                 return describe(
                                     u"invoice"_s,
                                     Fulfilment(m_db).invoice(m_co.who.finance, id, eventDate()));
                             });
        if (kind < 64)
            return payment();
        if (kind < 69)
            return salesReturn();
        if (kind < 73)
            return pickOrder(u"status IN ('confirmed', 'credit_hold', 'backordered', "
                             "'partially_allocated')"_s,
                             [&](const QString &id) {
                                 return describe(
                                     u"cancel"_s,
                                     SalesOrders(m_db).cancel(m_co.who.manager, id, u"x"_s));
                             });
        if (kind < 76)
            return pickOrder(u"status IN ('backordered', 'partially_allocated')"_s,
                             [&](const QString &id) {
                                 return describe(u"allocate"_s,
                                                 SalesOrders(m_db).allocate(m_co.who.manager, id));
                             });
        if (kind < 84)
            return purchase();
        if (kind < 92)
            return stockMove();
        if (kind < 94) {
            // Close the month before last now and then.
            const QDate month = m_date.addMonths(-1);
            return describe(
                u"close period"_s,
                Ledger(m_db).closePeriod(m_co.who.finance, month.toString(u"yyyy-MM"_s)));
        }
        if (kind < 97)
            return describe(u"unbalanced journal"_s,
                            Ledger(m_db).postManual(
                                m_co.who.finance,
                                {{},
                                 eventDate(),
                                 u"USD"_s,
                                 u"x"_s,
                                 {},
                                 {},
                                 {{Accounts::Cash, 100, 0, {}},
                                  {Accounts::Equity, 0, qint64(m_rng.bounded(99)) + 1, {}}}}));
        return describe(u"balanced journal"_s,
                        Ledger(m_db).postManual(
                            m_co.who.finance,
                            {{},
                             eventDate(),
                             u"USD"_s,
                             u"owner"_s,
                             {},
                             {},
                             {{Accounts::Cash, 500, 0, {}}, {Accounts::Equity, 0, 500, {}}}}));
    }

    int refused = 0;

private:
    template<typename T> QString describe(const QString &what, const Result<T> &r)
    {
        if (r.ok())
            return what;
        ++refused;
        return what + u" refused: "_s + r.errorMessage();
    }

    // Mostly today; sometimes a few days back, which may fall in a closed period.
    QDate eventDate() { return m_rng.bounded(10) == 0 ? m_date.addDays(-40) : m_date; }
    const Actor &actorFor(const Actor &right)
    {
        return m_rng.bounded(30) == 0 ? m_co.who.rep : right; // now and then the wrong role
    }

    QString pickId(const QString &sql)
    {
        auto rows = queryRows(m_db, sql);
        if (!rows || rows->isEmpty())
            return {};
        return rows->at(int(m_rng.bounded(int(rows->size())))).at(0).toString();
    }

    template<typename F> QString pickOrder(const QString &where, F action)
    {
        const QString id = pickId(u"SELECT id FROM sales_orders WHERE %1 ORDER BY id"_s.arg(where));
        return id.isEmpty() ? u"(no order)"_s : action(id);
    }

    QString intake()
    {
        static const QStringList skus {u"TEA"_s, u"RICE"_s, u"OIL"_s};
        const int who = int(m_rng.bounded(10));
        QString customer = who < 5 ? m_co.cash : who < 8 ? m_co.tight : m_co.south;
        const Actor &actor = customer == m_co.south ? m_co.who.otherRep : m_co.who.rep;
        if (m_rng.bounded(25) == 0)
            customer = m_co.archived;
        QList<std::pair<QString, Quantity>> lines;
        const int n = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < n; ++i) {
            QString sku = skus.at(int(m_rng.bounded(3)));
            if (m_rng.bounded(30) == 0)
                sku = u"NOPE"_s;
            qint64 milli = (1 + qint64(m_rng.bounded(40))) * 1000;
            if (m_rng.bounded(5) == 0)
                milli = 1 + qint64(m_rng.bounded(5000)); // fractional quantities
            if (m_rng.bounded(30) == 0)
                milli = -milli;
            lines.append({sku, Quantity::fromMilli(milli, u"ea"_s).value()});
        }
        SalesDocument doc
            = order(customer, m_date, lines, m_rng.bounded(40) == 0 ? u"EUR"_s : u"USD"_s);
        if (m_rng.bounded(10) == 0 && !m_lastDoc.id.isNull())
            doc = m_lastDoc; // a re-sent order
        m_lastDoc = doc;
        return describe(u"intake"_s, SalesOrders(m_db).intake(actor, doc));
    }

    QString payment()
    {
        const QString customer = m_rng.bounded(2) ? m_co.cash : m_co.tight;
        const QString invoice = pickId(
            u"SELECT id FROM invoices WHERE kind = 'invoice' AND customer_id = '%1' ORDER BY id"_s
                .arg(customer));
        const qint64 amount = 1 + qint64(m_rng.bounded(20000));
        if (!invoice.isEmpty() && m_rng.bounded(4) == 0) {
            const QString payment = pickId(
                u"SELECT id FROM payments WHERE customer_id = '%1' ORDER BY id"_s.arg(customer));
            if (!payment.isEmpty())
                return describe(
                    u"allocate payment"_s,
                    Receivables(m_db).allocatePayment(m_co.who.finance, payment, invoice, amount));
        }
        return describe(u"payment"_s,
                        Receivables(m_db).recordPayment(m_co.who.finance, customer, eventDate(),
                                                        usd(amount), u"cash"_s,
                                                        m_rng.bounded(3) ? invoice : QString()));
    }

    QString salesReturn()
    {
        auto rows = queryRows(m_db,
                              u"SELECT invoice_id, line_no, base_qty_milli - returned_milli "
                              "FROM invoice_lines WHERE base_qty_milli > returned_milli "
                              "ORDER BY invoice_id, line_no"_s);
        if (!rows || rows->isEmpty())
            return u"(no return)"_s;
        const Row &r = rows->at(int(m_rng.bounded(int(rows->size()))));
        const qint64 left = r.at(2).toLongLong();
        qint64 qty = 1 + qint64(m_rng.bounded(quint32(std::min<qint64>(left, 1 << 30))));
        if (m_rng.bounded(10) == 0)
            qty = left + 1; // more than was sold
        return describe(u"return"_s,
                        Fulfilment(m_db).returnGoods(m_co.who.warehouse, r.at(0).toString(),
                                                     {{r.at(1).toInt(), qty}}, eventDate(),
                                                     m_rng.bounded(3) ? QString() : u"WH2"_s));
    }

    QString purchase()
    {
        Purchasing p(m_db);
        const int step = int(m_rng.bounded(4));
        if (step == 0) {
            static const QStringList skus {u"TEA"_s, u"RICE"_s, u"OIL"_s};
            return describe(u"purchase order"_s,
                            p.createOrder(m_co.who.manager, m_co.vendor,
                                          m_rng.bounded(2) ? u"WH1"_s : u"WH2"_s, m_date,
                                          {{skus.at(int(m_rng.bounded(3))),
                                            (1 + qint64(m_rng.bounded(60))) * 1000,
                                            50 + qint64(m_rng.bounded(2000))}}));
        }
        if (step == 1) {
            const QString po = pickId(u"SELECT id FROM purchase_orders ORDER BY id"_s);
            return po.isEmpty()
                ? u"(no po)"_s
                : describe(u"receive"_s,
                           p.receive(actorFor(m_co.who.warehouse), po, eventDate(),
                                     m_rng.bounded(2) ? 0 : 1 + m_rng.bounded(20000)));
        }
        if (step == 2) {
            const QString po = pickId(u"SELECT id FROM purchase_orders ORDER BY id"_s);
            return po.isEmpty()
                ? u"(no po)"_s
                : describe(u"bill"_s,
                           p.bill(m_co.who.finance, po, eventDate(), qint64(m_rng.bounded(500))));
        }
        const QString bill = pickId(u"SELECT id FROM vendor_bills ORDER BY id"_s);
        return describe(u"pay vendor"_s,
                        p.payVendor(m_co.who.finance, m_co.vendor, eventDate(),
                                    1 + qint64(m_rng.bounded(30000)), bill));
    }

    QString stockMove()
    {
        static const QStringList skus {u"TEA"_s, u"RICE"_s, u"OIL"_s};
        const QString sku = skus.at(int(m_rng.bounded(3)));
        Inventory inv(m_db);
        if (m_rng.bounded(2)) {
            const bool forward = m_rng.bounded(2);
            return describe(u"transfer"_s,
                            inv.transfer(actorFor(m_co.who.warehouse), sku,
                                         forward ? u"WH1"_s : u"WH2"_s,
                                         forward ? u"WH2"_s : u"WH1"_s,
                                         1 + qint64(m_rng.bounded(8000)), eventDate()));
        }
        const qint64 delta = qint64(m_rng.bounded(10000)) - 5000;
        return describe(
            u"adjust"_s,
            inv.adjust(m_co.who.warehouse, sku, m_rng.bounded(2) ? u"WH1"_s : u"WH2"_s, delta,
                       m_rng.bounded(2) ? std::optional<qint64>(m_rng.bounded(900)) : std::nullopt,
                       eventDate(), u"count"_s));
    }

    Database &m_db;
    ErpCompany &m_co;
    QRandomGenerator64 m_rng;
    QDate m_date;
    SalesDocument m_lastDoc;
};

} // namespace

void tst_ErpProperty::randomEventsKeepTheBooksTrue()
{
    KARVAN_TEST_DATABASE(testDb);
    const quint64 seed = qEnvironmentVariableIsSet("KARVAN_ERP_SEED")
        ? qEnvironmentVariable("KARVAN_ERP_SEED").toULongLong()
        : quint64(QDateTime::currentMSecsSinceEpoch());
    const int events = qEnvironmentVariableIsSet("KARVAN_ERP_EVENTS")
        ? qEnvironmentVariableIntValue("KARVAN_ERP_EVENTS")
        : 3000;
    const int seconds = qEnvironmentVariableIsSet("KARVAN_ERP_SECONDS")
        ? qEnvironmentVariableIntValue("KARVAN_ERP_SECONDS")
        : 50;
    const bool verbose = qEnvironmentVariableIsSet("KARVAN_ERP_VERBOSE");
    auto db = Database::open(testDb.url());
    QVERIFY(db.ok());
    QVERIFY(migrateHqSchema(**db).ok());
    ErpCompany co;
    const QString seeded = seedCompany(**db, co);
    QVERIFY2(seeded.isEmpty(), qPrintable(seeded));

    EventRunner runner(**db, co, seed);
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (; done < events && timer.elapsed() < seconds * 1000; ++done) {
        const QString what = runner.step();
        if (verbose)
            qInfo("%d: %s", done + 1, qPrintable(what));
        auto report = checkInvariants(**db);
        const QString where
            = u"seed %1 (replay: KARVAN_ERP_SEED=%1), event %2: %3"_s.arg(seed).arg(done + 1).arg(
                what);
        QVERIFY2(report.ok(), qPrintable(where + u" -> "_s + report.errorMessage()));
        QVERIFY2(report->ok, qPrintable(where + u" -> "_s + report->firstViolation));
    }
    auto orders = queryInt(**db, u"SELECT COUNT(*) FROM sales_orders"_s);
    auto entries = queryInt(**db, u"SELECT COUNT(*) FROM journal_entries"_s);
    qInfo("seed %llu: %d events (%d refused) in %lld ms; %lld orders, %lld journal entries",
          static_cast<unsigned long long>(seed), done, runner.refused,
          static_cast<long long>(timer.elapsed()), static_cast<long long>(*orders),
          static_cast<long long>(*entries));
    QVERIFY(done >= std::min(events, 200));
    auto audit = AuditLog(**db).verify();
    QVERIFY(audit.ok() && audit->intact);
}

QTEST_GUILESS_MAIN(tst_ErpProperty)
#include "tst_erpproperty.moc"

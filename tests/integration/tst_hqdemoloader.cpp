// The demo loader's direct history path (DemoHistoryWriter) against the business path: the
// small demo company loaded both ways must leave the same books, stock, documents, alerts and
// audit trail (ids the ERP generates itself aside).
#include "audit/auditlog.h"
#include "erp/hqdemoloader.h"
#include "erp/invariants.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "testdatabase.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::erp;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

// Rows of a query as text, one string per row, sorted unless the query orders them.
QStringList rowsOf(Database &db, const QString &sql, bool sort)
{
    QStringList out;
    auto r = db.run(sql, {}, [&](const QSqlQuery &q) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells.append(q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
        out.append(cells.join(u" | "_s));
    });
    if (!r)
        out = QStringList {u"query failed: "_s + r.errorMessage()};
    if (sort)
        out.sort();
    return out;
}

// The first row where two row lists differ, or empty.
QString firstDifference(const QStringList &business, const QStringList &direct)
{
    for (qsizetype i = 0; i < std::max(business.size(), direct.size()); ++i) {
        const QString a = business.value(i, u"<none>"_s), b = direct.value(i, u"<none>"_s);
        if (a != b)
            return u"row %1 of %2/%3:\n  business: %4\n  direct:   %5"_s.arg(i)
                .arg(business.size())
                .arg(direct.size())
                .arg(a, b);
    }
    return {};
}

} // namespace

class tst_HqDemoLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directHistoryMatchesBusinessPath_data();
    void directHistoryMatchesBusinessPath();
};

void tst_HqDemoLoader::directHistoryMatchesBusinessPath_data()
{
    // Two loads of the small company: SQLite here; tst_karvanhqcli loads it on PostgreSQL.
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
}

void tst_HqDemoLoader::directHistoryMatchesBusinessPath()
{
    QFETCH(QString, backend);
    TestDatabase businessDb(backend);
    TestDatabase directDb(backend);
    QVERIFY2(businessDb.ok() && directDb.ok(), qPrintable(businessDb.error() + directDb.error()));
    auto business = Database::open(businessDb.url());
    auto direct = Database::open(directDb.url());
    QVERIFY(business.ok() && direct.ok());
    QVERIFY(migrateHqSchema(**business).ok());
    QVERIFY(migrateHqSchema(**direct).ok());

    DemoOptions options;
    options.size = DemoSize::Small;
    auto viaBusiness = HqDemoLoader(**business, false).load(options);
    QVERIFY2(viaBusiness.ok(), qPrintable(viaBusiness.errorMessage()));
    auto viaDirect = HqDemoLoader(**direct).load(options);
    QVERIFY2(viaDirect.ok(), qPrintable(viaDirect.errorMessage()));

    // Most of the history takes the direct path; the outcome counts are the same.
    QCOMPARE(viaBusiness->ordersWrittenDirectly, qint64(0));
    QVERIFY2(viaDirect->ordersWrittenDirectly > viaDirect->ordersTaken / 2,
             qPrintable(
                 u"%1 of %2"_s.arg(viaDirect->ordersWrittenDirectly).arg(viaDirect->ordersTaken)));
    QCOMPARE(viaDirect->ordersTaken, viaBusiness->ordersTaken);
    QCOMPARE(viaDirect->ordersCancelled, viaBusiness->ordersCancelled);
    QCOMPARE(viaDirect->ordersHeldAtHq, viaBusiness->ordersHeldAtHq);
    QCOMPARE(viaDirect->holdsApproved, viaBusiness->holdsApproved);
    QCOMPARE(viaDirect->deliveries, viaBusiness->deliveries);
    QCOMPARE(viaDirect->invoices, viaBusiness->invoices);
    QCOMPARE(viaDirect->payments, viaBusiness->payments);
    QCOMPARE(viaDirect->statusDiffers, viaBusiness->statusDiffers);
    QCOMPARE(viaDirect->skippedUndeliverable, viaBusiness->skippedUndeliverable);

    auto invariants = checkInvariants(**direct);
    QVERIFY2(invariants.ok(), qPrintable(invariants.errorMessage()));
    QVERIFY2(invariants->ok, qPrintable(invariants->firstViolation));
    auto chain = AuditLog(**direct).verify();
    QVERIFY2(chain.ok(), qPrintable(chain.errorMessage()));
    QVERIFY2(chain->intact, qPrintable(chain->reason));

    // Ordered lists compare sequences (numbering, the audit trail's order); the rest compare
    // as sets of rows, since ids made by the ERP (invoices, payments, entries) differ by run.
    const QList<std::pair<QString, bool>> queries {
        {u"SELECT id, doc_number, customer_id, currency, order_date, status, status_reason, "
         "intake_outcome, intake_reason, credit_decision, net_minor, tax_minor, total_minor, "
         "rep_login FROM sales_orders ORDER BY id"_s,
         false},
        {u"SELECT order_id, line_no, sku, unit, qty_milli, base_qty_milli, warehouse_code, "
         "unit_price_minor, net_minor, tax_minor, total_minor, allocated_milli, delivered_milli, "
         "delivered_cost_minor, invoiced_milli, invoiced_net_minor, invoiced_tax_minor, "
         "returned_milli FROM sales_order_lines ORDER BY order_id, line_no"_s,
         false},
        {u"SELECT order_id, delivery_date, cost_minor, journal_entry_id IS NULL, created_by "
         "FROM deliveries ORDER BY order_id, delivery_date"_s,
         false},
        {u"SELECT i.doc_number, i.kind, i.customer_id, i.order_id, i.invoice_date, i.due_date, "
         "i.currency, i.net_minor, i.tax_minor, i.total_minor, i.rep_login, i.created_by, "
         "i.journal_entry_id = '', (SELECT COALESCE(SUM(a.amount_minor), 0) FROM ar_allocations "
         "a WHERE a.invoice_id = i.id) FROM invoices i ORDER BY i.doc_number"_s,
         false},
        {u"SELECT i.doc_number, l.line_no, l.sku, l.base_qty_milli, l.net_minor, l.tax_minor "
         "FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
         "ORDER BY i.doc_number, l.line_no"_s,
         false},
        {u"SELECT p.customer_id, p.payment_date, p.amount_minor, p.currency, p.method, "
         "p.created_by, (SELECT COALESCE(SUM(a.amount_minor), 0) FROM ar_allocations a WHERE "
         "a.source_id = p.id) FROM payments p"_s,
         true},
        {u"SELECT e.entry_date, e.currency, e.memo, e.source_type, e.posted_by, l.line_no, "
         "l.account_code, l.debit_minor, l.credit_minor, l.party_id FROM journal_lines l "
         "JOIN journal_entries e ON e.id = l.entry_id"_s,
         true},
        {u"SELECT sku, warehouse_code, on_hand_milli, reserved_milli, value_minor, "
         "reorder_point_milli FROM stock ORDER BY sku, warehouse_code"_s,
         false},
        {u"SELECT move_date, kind, sku, warehouse_code, qty_milli, value_minor, source_type, "
         "created_by FROM stock_moves"_s,
         true},
        {u"SELECT seq, actor, action, entity FROM audit_log ORDER BY seq"_s, false},
        {u"SELECT entity_id, after FROM audit_log WHERE action = 'order.intake'"_s, true},
        {u"SELECT kind, audience, recipient, entity, CASE WHEN entity = 'invoice' THEN '' ELSE "
         "entity_id END, message, resolved_at IS NULL, resolved_by FROM alerts"_s,
         true},
        {u"SELECT name, value FROM erp_counters ORDER BY name"_s, false},
    };
    for (const auto &[sql, sort] : queries) {
        const QStringList a = rowsOf(**business, sql, sort);
        const QStringList b = rowsOf(**direct, sql, sort);
        QVERIFY2(!a.isEmpty() || sql.contains(u"alerts"_s), qPrintable(sql));
        const QString d = firstDifference(a, b);
        QVERIFY2(d.isEmpty(), qPrintable(sql.left(60) + u"...: "_s + d));
    }
}

QTEST_GUILESS_MAIN(tst_HqDemoLoader)
#include "tst_hqdemoloader.moc"

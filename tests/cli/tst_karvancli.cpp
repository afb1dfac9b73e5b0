#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "domain/documents.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

} // namespace

class tst_KarvanCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A rep's device after an initial sync: the Istanbul territory of the demo company.
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        QVERIFY(store.ok());
        StoreDemoSink sink(**store, {u"TR-IST"_s});
        QVERIFY(DemoGenerator().generate(sink).ok());
    }

    void customersSearchAsJson()
    {
        const Run r = cli({u"customers"_s, u"--search"_s, u"ISTANBUL"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &c : list) {
            bool inIstanbul = false;
            for (const QJsonValue &a : c[u"addresses"_s].toArray())
                inIstanbul |= a[u"city"_s].toString() == u"İstanbul"_s;
            QVERIFY2(inIstanbul, qPrintable(c[u"name"_s].toString()));
            QCOMPARE(c[u"territory"_s].toString(), u"TR-IST"_s);
        }
        m_customerId = list.first()[u"id"_s].toString();
        m_customerName = list.first()[u"name"_s].toString();
    }

    void customer360AsJson()
    {
        const Run r = cli({u"customer"_s, u"show"_s, m_customerId, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject view = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(view[u"customer"_s][u"id"_s].toString(), m_customerId);
        const QJsonObject credit = view[u"credit"_s].toObject();
        QVERIFY(
            QStringList({u"ok"_s, u"warn"_s, u"hold"_s}).contains(credit[u"status"_s].toString()));
        QVERIFY(credit[u"exposure"_s][u"currency"_s].toString() == u"USD"_s);
        QVERIFY(view[u"documents"_s].isArray());
        QVERIFY(view[u"invoices"_s].isArray());
        for (const QJsonValue &d : view[u"documents"_s].toArray())
            QCOMPARE(d[u"customer_id"_s].toString(), m_customerId);
    }

    void productsCarryStockAsOf()
    {
        const Run r = cli({u"products"_s, u"--limit"_s, u"5"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(list.size(), 5);
        bool anyStock = false;
        for (const QJsonValue &p : list) {
            for (const QJsonValue &w : p[u"stock"_s].toArray()) {
                anyStock = true;
                QVERIFY(!w[u"as_of"_s].toString().isEmpty());
                QVERIFY(!w[u"warehouse"_s].toString().isEmpty());
            }
        }
        QVERIFY(anyStock);
        m_sku = list.first()[u"sku"_s].toString();
    }

    void orderCreatedOfflineWaitsInTheOutbox()
    {
        const Run before = cli({u"status"_s, u"--json"_s});
        QCOMPARE(before.exitCode, 0);
        const int pendingBefore = QJsonDocument::fromJson(before.out)[u"pending"_s].toInt();

        const Run r = cli({u"order"_s, u"create"_s, u"--customer"_s, m_customerId, u"--line"_s,
                           m_sku + u"=3"_s, u"--warehouse"_s, u"WH-IST"_s, u"--date"_s,
                           u"2026-11-22"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QJsonObject doc = result[u"document"_s].toObject();
        QCOMPARE(doc[u"status"_s].toString(), u"pending_sync"_s);
        QCOMPARE(doc[u"lines"_s].toArray().size(), 1);
        QVERIFY(doc[u"total"_s][u"minor"_s].toInteger() > 0);
        QVERIFY(!result[u"check"_s][u"lines"_s][0][u"why"_s].toArray().isEmpty());

        const Run after = cli({u"status"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(after.out)[u"pending"_s].toInt(), pendingBefore + 1);
        QVERIFY(QJsonDocument::fromJson(after.out)[u"last_sync"_s].isNull());
    }

    void quoteConvertedToAnOrder()
    {
        const QDate today = QDate::currentDate();
        const QJsonObject quote = createQuote(today, today.addDays(30), u"7"_s);
        QVERIFY(!quote.isEmpty());
        const QString quoteId = quote[u"id"_s].toString();
        const int pendingBefore = pending();
        const qint64 documentsBefore = documentCount();

        const Run r = cli({u"quote"_s, u"convert"_s, quoteId, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        const QJsonObject order = result[u"order"_s].toObject();
        QCOMPARE(order[u"kind"_s].toString(), u"order"_s);
        QCOMPARE(order[u"status"_s].toString(), u"pending_sync"_s);
        QCOMPARE(order[u"customer_id"_s].toString(), m_customerId);
        QCOMPARE(order[u"source_quote_id"_s].toString(), quoteId);
        QCOMPARE(order[u"date"_s].toString(), today.toString(Qt::ISODate));
        const QJsonArray quoteLines = quote[u"lines"_s].toArray();
        const QJsonArray orderLines = order[u"lines"_s].toArray();
        QCOMPARE(orderLines.size(), quoteLines.size());
        for (qsizetype i = 0; i < orderLines.size(); ++i) {
            QCOMPARE(orderLines[i][u"sku"_s].toString(), quoteLines[i][u"sku"_s].toString());
            QCOMPARE(orderLines[i][u"quantity"_s], quoteLines[i][u"quantity"_s]);
        }
        QVERIFY(order[u"total"_s][u"minor"_s].toInteger() > 0);
        QCOMPARE(result[u"quote"_s][u"status"_s].toString(), u"converted"_s);
        QCOMPARE(pending(), pendingBefore + 1);
        QCOMPARE(documentCount(), documentsBefore + 1);

        // The device keeps the quote as converted, and the order's outbox mutation names it.
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        QVERIFY(store.ok());
        auto stored = DocumentRepository(**store).get(QUuid::fromString(quoteId));
        QVERIFY(stored.ok());
        QCOMPARE(stored->status, DocumentStatus::Converted);
        auto outbox = OutboxRepository(**store).withState(OutboxMutation::State::Pending);
        QVERIFY(outbox.ok());
        bool found = false;
        for (const OutboxMutation &m : *outbox) {
            if (m.entityId != order[u"id"_s].toString())
                continue;
            found = true;
            QCOMPARE(m.entity, u"order"_s);
            QCOMPARE(m.op, u"create"_s);
            const QCborMap args = QCborValue::fromCbor(m.payload).toMap();
            QCOMPARE(args.value(u"source_quote"_s).toString(), quoteId);
            QCOMPARE(args.value(u"kind"_s).toString(), u"order"_s);
        }
        QVERIFY(found);
        m_convertedQuoteId = quoteId;
        m_orderId = order[u"id"_s].toString();
    }

    void quoteConvertRefusedWritesNothing()
    {
        QVERIFY(!m_orderId.isEmpty());
        const QDate today = QDate::currentDate();
        const QDate lapsed = today.addDays(-30);
        const QString expiredId
            = createQuote(today.addDays(-60), lapsed, u"2"_s)[u"id"_s].toString();
        const QString rejectedId
            = createQuote(today, today.addDays(10), u"1"_s)[u"id"_s].toString();
        QVERIFY(!expiredId.isEmpty() && !rejectedId.isEmpty());
        {
            auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
            QVERIFY(store.ok());
            QVERIFY(DocumentRepository(**store)
                        .setStatus(QUuid::fromString(rejectedId), DocumentStatus::Rejected,
                                   u"prices out of date"_s)
                        .ok());
        }
        const QList<std::pair<QString, QString>> cases {
            {m_convertedQuoteId, u"already converted"_s},
            {expiredId, u"expired on %1"_s.arg(lapsed.toString(Qt::ISODate))},
            {rejectedId, u"is rejected"_s},
            {m_orderId, u"is an order, not a quote"_s},
            {QUuid::createUuid().toString(QUuid::WithoutBraces), u"no quote with id"_s},
        };
        for (const auto &[id, reason] : cases) {
            const QByteArray statusBefore = cli({u"status"_s, u"--json"_s}).out;
            const qint64 documentsBefore = documentCount();
            const Run r = cli({u"quote"_s, u"convert"_s, id, u"--json"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.startsWith(u"karvan-cli: "_s) && r.err.contains(reason),
                     qPrintable(reason + u" / "_s + r.err));
            QCOMPARE(r.err.trimmed().count(u'\n'), 0);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(cli({u"status"_s, u"--json"_s}).out, statusBefore);
            QCOMPARE(documentCount(), documentsBefore);
        }
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        QVERIFY(store.ok());
        QCOMPARE(DocumentRepository(**store).get(QUuid::fromString(expiredId))->status,
                 DocumentStatus::PendingSync);
        const Run usageError = cli({u"quote"_s, u"convert"_s});
        QCOMPARE(usageError.exitCode, 2);
    }

    void quotePdfWritten()
    {
        QVERIFY(!m_convertedQuoteId.isEmpty());
        QTemporaryDir out;
        QVERIFY(out.isValid());
        // A quote HQ has numbered (from the demo history), and the pending one converted above.
        QString numberedId, number, numberedCustomer;
        QStringList numberedSkus;
        {
            auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
            QVERIFY(store.ok());
            auto id = (*store)->scalar(u"SELECT id FROM sales_documents WHERE kind = 'quote' "
                                       "AND number <> '' ORDER BY date DESC LIMIT 1"_s);
            QVERIFY(id.ok() && !id->toString().isEmpty());
            numberedId = id->toString();
            auto numbered = DocumentRepository(**store).get(QUuid::fromString(numberedId));
            QVERIFY(numbered.ok());
            number = numbered->number;
            for (const DocumentLine &l : std::as_const(numbered->lines))
                numberedSkus.append(l.sku);
            auto customer = CustomerRepository(**store).get(numbered->customerId);
            QVERIFY(customer.ok());
            numberedCustomer = customer->name;
        }
        struct Printed
        {
            QString id, label, customer;
            QStringList skus;
        };
        const QList<Printed> quotes {{numberedId, number, numberedCustomer, numberedSkus},
                                     {m_convertedQuoteId, u"pending"_s, m_customerName, {m_sku}}};
        for (const auto &[id, label, customerName, skus] : quotes) {
            const QString path = out.filePath(label + u".pdf"_s);
            const Run r = cli({u"quote"_s, u"pdf"_s, id, u"--out"_s, path});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray pdf = file.readAll();
            QVERIFY(pdf.startsWith("%PDF-"));
            QVERIFY(pdf.contains("%%EOF"));
            // The number is the document's title; with pdftotext, the page text is checked too.
            const QString title = u"Quote "_s + label;
            QByteArray utf16;
            for (const QChar ch : title)
                utf16.append(char(ch.unicode() >> 8)).append(char(ch.unicode() & 0xff));
            QVERIFY2(pdf.contains(utf16) || pdf.contains(title.toUtf8()), qPrintable(title));
            const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
            if (!pdftotext.isEmpty()) {
                QProcess p;
                p.start(pdftotext, {path, u"-"_s});
                QVERIFY(p.waitForFinished(30000));
                const QString text = QString::fromUtf8(p.readAllStandardOutput());
                QVERIFY2(text.contains(title), qPrintable(text));
                QVERIFY2(text.contains(customerName), qPrintable(text));
                for (const QString &sku : skus)
                    QVERIFY2(text.contains(sku), qPrintable(sku + u" in "_s + text));
            }
        }

        const QString nowhere = out.filePath(u"no/such/folder/q.pdf"_s);
        const Run bad = cli({u"quote"_s, u"pdf"_s, m_convertedQuoteId, u"--out"_s, nowhere});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.startsWith(u"karvan-cli: cannot write "_s), qPrintable(bad.err));
        QCOMPARE(bad.err.trimmed().count(u'\n'), 0);
        QVERIFY(!QFile::exists(nowhere));
        const Run unknown = cli({u"quote"_s, u"pdf"_s, QUuid::createUuid().toString(), u"--out"_s,
                                 out.filePath(u"x.pdf"_s)});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(u"no quote with id"_s), qPrintable(unknown.err));
        QVERIFY(!QFile::exists(out.filePath(u"x.pdf"_s)));
        const Run order
            = cli({u"quote"_s, u"pdf"_s, m_orderId, u"--out"_s, out.filePath(u"order.pdf"_s)});
        QCOMPARE(order.exitCode, 1);
        QVERIFY(!QFile::exists(out.filePath(u"order.pdf"_s)));
        QCOMPARE(cli({u"quote"_s, u"pdf"_s, m_convertedQuoteId}).exitCode, 2);
    }

    void customerAddedAndEditedOffline()
    {
        const int pendingBefore = pending();
        const Run add
            = cli({u"customer"_s, u"add"_s, u"--name"_s, u"Boğaziçi Kırtasiye"_s, u"--set"_s,
                   u"phone=+90 212 555 0101"_s, u"--set"_s,
                   u"contacts=[{\"name\":\"Ayşe Yılmaz\",\"role\":\"owner\"}]"_s, u"--json"_s});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        const QJsonObject added = QJsonDocument::fromJson(add.out).object();
        const QJsonObject customer = added[u"customer"_s].toObject();
        QCOMPARE(customer[u"name"_s].toString(), u"Boğaziçi Kırtasiye"_s);
        QCOMPARE(customer[u"phone"_s].toString(), u"+90 212 555 0101"_s);
        QCOMPARE(customer[u"contacts"_s][0][u"name"_s].toString(), u"Ayşe Yılmaz"_s);
        QCOMPARE(customer[u"code"_s].toString(), QString()); // HQ assigns it
        // The currency a new customer gets is that of the device's other customers.
        QCOMPARE(customer[u"currency"_s].toString(), u"USD"_s);
        QVERIFY(added[u"outbox_seq"_s].toInteger() > 0);
        QCOMPARE(pending(), pendingBefore + 1);
        m_newCustomerId = customer[u"id"_s].toString();

        // Found by search and shown like any other customer.
        const Run found = cli({u"customers"_s, u"--search"_s, u"Boğaziçi"_s, u"--json"_s});
        QCOMPARE(found.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &c : QJsonDocument::fromJson(found.out).array())
            listed |= c[u"id"_s].toString() == m_newCustomerId;
        QVERIFY(listed);

        const Run edit = cli({u"customer"_s, u"edit"_s, m_newCustomerId, u"--set"_s,
                              u"email=siparis@bogazici.example"_s, u"--set"_s,
                              u"phone=+90 212 555 0101"_s, u"--json"_s});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        const QJsonObject edited = QJsonDocument::fromJson(edit.out).object();
        // The phone did not change, so only the email goes to HQ.
        QCOMPARE(edited[u"changed_fields"_s].toArray(), QJsonArray {u"email"_s});
        QCOMPARE(pending(), pendingBefore + 2);
        const Run show = cli({u"customer"_s, u"show"_s, m_newCustomerId, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(show.out)[u"customer"_s][u"email"_s].toString(),
                 u"siparis@bogazici.example"_s);

        // An edit that changes nothing writes nothing.
        const Run same = cli({u"customer"_s, u"edit"_s, m_newCustomerId, u"--set"_s,
                              u"email=siparis@bogazici.example"_s});
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.out.contains("nothing changed"));
        QCOMPARE(pending(), pendingBefore + 2);
    }

    void ticketOpenedCommentedAndMovedThroughItsWorkflow()
    {
        const Run open
            = cli({u"ticket"_s, u"open"_s, u"--customer"_s, m_customerId, u"--subject"_s,
                   u"Printer jams on A3"_s, u"--description"_s, u"Since the last delivery"_s,
                   u"--priority"_s, u"high"_s, u"--json"_s});
        QVERIFY2(open.exitCode == 0, qPrintable(open.err));
        const QJsonObject ticket = QJsonDocument::fromJson(open.out).object();
        QCOMPARE(ticket[u"status"_s].toString(), u"open"_s);
        QCOMPARE(ticket[u"priority"_s].toString(), u"high"_s);
        QCOMPARE(ticket[u"customer_id"_s].toString(), m_customerId);
        const QString id = ticket[u"id"_s].toString();

        const Run comment = cli({u"ticket"_s, u"comment"_s, id, u"--body"_s,
                                 u"Swapped the roller, testing"_s, u"--json"_s});
        QVERIFY2(comment.exitCode == 0, qPrintable(comment.err));
        QCOMPARE(QJsonDocument::fromJson(comment.out)[u"body"_s].toString(),
                 u"Swapped the roller, testing"_s);

        for (const QString &to : {u"in_progress"_s, u"resolved"_s, u"closed"_s}) {
            const Run r = cli({u"ticket"_s, u"status"_s, id, u"--to"_s, to, u"--json"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(QJsonDocument::fromJson(r.out)[u"status"_s].toString(), to);
        }
        // Leaving closed takes the explicit reopen.
        const int pendingBefore = pending();
        const Run sneaky = cli({u"ticket"_s, u"status"_s, id, u"--to"_s, u"open"_s});
        QCOMPARE(sneaky.exitCode, 1);
        QVERIFY2(sneaky.err.contains(u"reopen"_s), qPrintable(sneaky.err));
        QCOMPARE(pending(), pendingBefore);
        const Run reopen = cli({u"ticket"_s, u"status"_s, id, u"--reopen"_s, u"--json"_s});
        QVERIFY2(reopen.exitCode == 0, qPrintable(reopen.err));
        QCOMPARE(QJsonDocument::fromJson(reopen.out)[u"status"_s].toString(), u"open"_s);
        QCOMPARE(pending(), pendingBefore + 1);

        // The 360 view shows it with its comment.
        const Run show = cli({u"customer"_s, u"show"_s, m_customerId, u"--json"_s});
        bool seen = false;
        for (const QJsonValue &t : QJsonDocument::fromJson(show.out)[u"tickets"_s].toArray()) {
            if (t[u"id"_s].toString() != id)
                continue;
            seen = true;
            QCOMPARE(t[u"status"_s].toString(), u"open"_s);
            QCOMPARE(t[u"comments"_s].toArray().size(), 1);
        }
        QVERIFY(seen);
        m_ticketId = id;
    }

    void activityLogged()
    {
        const int pendingBefore = pending();
        const Run r = cli({u"activity"_s, u"log"_s, u"--customer"_s, m_customerId, u"--kind"_s,
                           u"visit"_s, u"--subject"_s, u"Quarterly review"_s, u"--notes"_s,
                           u"Wants a quote for 40 chairs"_s, u"--minutes"_s, u"45"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject a = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(a[u"kind"_s].toString(), u"visit"_s);
        QCOMPARE(a[u"duration_minutes"_s].toInt(), 45);
        QCOMPARE(a[u"customer_id"_s].toString(), m_customerId);
        QCOMPARE(pending(), pendingBefore + 1);
        const Run show = cli({u"customer"_s, u"show"_s, m_customerId, u"--json"_s});
        bool seen = false;
        for (const QJsonValue &x : QJsonDocument::fromJson(show.out)[u"activities"_s].toArray())
            seen |= x[u"id"_s].toString() == a[u"id"_s].toString();
        QVERIFY(seen);
    }

    void conflictsListedAndResolved()
    {
        // Two conflicts as the sync engine records them: the phone this device wrote lost to a
        // later write at HQ (the row holds theirs).
        QString keepTheirsId, keepMineId;
        {
            auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
            QVERIFY(store.ok());
            ConflictRepository conflicts(**store);
            for (QString *id : {&keepTheirsId, &keepMineId}) {
                ConflictRecord r;
                r.entity = u"customer"_s;
                r.entityId = m_newCustomerId;
                r.field = id == &keepTheirsId ? u"notes"_s : u"phone"_s;
                r.mine = id == &keepTheirsId ? u"ring the bell"_s : u"+90 212 555 0199"_s;
                r.theirs = u"theirs"_s;
                r.mineHlc = u"000000000001-00000000-dev"_s;
                r.theirsHlc = u"000000000002-00000000-hq"_s;
                auto recorded = conflicts.record(r);
                QVERIFY(recorded.ok());
                *id = recorded->toString(QUuid::WithoutBraces);
            }
        }
        const Run list = cli({u"conflicts"_s, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray items = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0][u"field"_s].toString(), u"notes"_s);
        QCOMPARE(items[0][u"mine"_s].toString(), u"ring the bell"_s);
        QCOMPARE(items[0][u"winner"_s].toString(), u"theirs"_s);
        QCOMPARE(
            QJsonDocument::fromJson(cli({u"status"_s, u"--json"_s}).out)[u"conflicts"_s].toInt(),
            2);

        const int pendingBefore = pending();
        const Run theirs = cli(
            {u"conflict"_s, u"resolve"_s, keepTheirsId, u"--keep"_s, u"theirs"_s, u"--json"_s});
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
        QCOMPARE(QJsonDocument::fromJson(theirs.out)[u"resolution"_s].toString(), u"keep_theirs"_s);
        QCOMPARE(pending(), pendingBefore); // nothing to send

        const Run mine
            = cli({u"conflict"_s, u"resolve"_s, keepMineId, u"--keep"_s, u"mine"_s, u"--json"_s});
        QVERIFY2(mine.exitCode == 0, qPrintable(mine.err));
        QVERIFY(QJsonDocument::fromJson(mine.out)[u"outbox_seq"_s].toInteger() > 0);
        QCOMPARE(pending(), pendingBefore + 1);
        const Run show = cli({u"customer"_s, u"show"_s, m_newCustomerId, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(show.out)[u"customer"_s][u"phone"_s].toString(),
                 u"+90 212 555 0199"_s);

        const Run after = cli({u"conflicts"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(after.out).array().size(), 0);
        // A resolved conflict cannot be resolved again.
        const Run again = cli({u"conflict"_s, u"resolve"_s, keepMineId, u"--keep"_s, u"mine"_s});
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(pending(), pendingBefore + 1);
        m_resolvedConflictId = keepMineId;
    }

    void statusTellsWhoIsSignedIn()
    {
        const Run r = cli({u"status"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        for (const QString &key : {u"pending"_s, u"rejected"_s, u"conflicts"_s, u"last_sync_at"_s,
                                   u"server"_s, u"login"_s})
            QVERIFY2(s.contains(key), qPrintable(key));
        QVERIFY(s[u"server"_s].isNull()); // never signed in
        QVERIFY(s[u"login"_s].isNull());
        QCOMPARE(s[u"signed_in"_s].toBool(), false);
        QVERIFY(s[u"pending"_s].toInt() > 0);
    }

    void syncAndLogoutNeedASignedInDevice()
    {
        for (const QStringList &args : {QStringList {u"sync"_s}, QStringList {u"logout"_s}}) {
            const Run r = cli(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"not signed in"_s), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
    }

    void badInputGetsOneLineAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown command") << QStringList {u"frobnicate"_s} << 2;
        QTest::newRow("limit zero") << QStringList {u"customers"_s, u"--limit"_s, u"0"_s} << 2;
        QTest::newRow("unknown option") << QStringList {u"customers"_s, u"--colour"_s} << 2;
        QTest::newRow("bad customer id") << QStringList {u"customer"_s, u"show"_s, u"x"_s} << 1;
        QTest::newRow("unknown customer")
            << QStringList {u"customer"_s, u"show"_s, u"01a20000-0000-7000-8000-000000000000"_s}
            << 1;
        QTest::newRow("no customer")
            << QStringList {u"order"_s, u"create"_s, u"--line"_s, u"X=1"_s} << 2;
        QTest::newRow("no lines") << QStringList {u"order"_s, u"create"_s, u"--customer"_s, u"@"_s}
                                  << 2;
        QTest::newRow("unknown SKU") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                     u"@"_s,     u"--line"_s, u"NOPE-1=1"_s}
                                     << 1;
        QTest::newRow("negative quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                           u"@"_s,     u"--line"_s, u"@sku=-2"_s}
                                           << 1;
        QTest::newRow("zero quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                       u"@"_s,     u"--line"_s, u"@sku=0"_s}
                                       << 1;
        QTest::newRow("garbage quantity") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                          u"@"_s,     u"--line"_s, u"@sku=lots"_s}
                                          << 1;
        QTest::newRow("unknown unit") << QStringList {u"order"_s, u"create"_s, u"--customer"_s,
                                                      u"@"_s,     u"--line"_s, u"@sku=1:pallet"_s}
                                      << 1;
        QTest::newRow("bad date") << QStringList {u"order"_s,  u"create"_s,    u"--customer"_s,
                                                  u"@"_s,      u"--line"_s,    u"@sku=1"_s,
                                                  u"--date"_s, u"22/11/2026"_s}
                                  << 2;
        // customer add / edit
        QTest::newRow("add without name") << QStringList {u"customer"_s, u"add"_s} << 2;
        QTest::newRow("add HQ-only field")
            << QStringList {u"customer"_s, u"add"_s,   u"--name"_s,
                            u"X"_s,        u"--set"_s, u"credit_limit=1000"_s}
            << 1;
        QTest::newRow("add unknown field")
            << QStringList {u"customer"_s, u"add"_s,   u"--name"_s,
                            u"X"_s,        u"--set"_s, u"colour=red"_s}
            << 1;
        QTest::newRow("add bad email")
            << QStringList {u"customer"_s, u"add"_s,   u"--name"_s,
                            u"X"_s,        u"--set"_s, u"email=not-mail"_s}
            << 1;
        QTest::newRow("add bad currency")
            << QStringList {u"customer"_s, u"add"_s,        u"--name"_s,
                            u"X"_s,        u"--currency"_s, u"DOLLARS"_s}
            << 1;
        QTest::newRow("add contacts not JSON")
            << QStringList {u"customer"_s, u"add"_s,   u"--name"_s,
                            u"X"_s,        u"--set"_s, u"contacts=Ayşe"_s}
            << 1;
        QTest::newRow("set without =")
            << QStringList {u"customer"_s, u"edit"_s, u"@"_s, u"--set"_s, u"phone"_s} << 2;
        QTest::newRow("edit without set") << QStringList {u"customer"_s, u"edit"_s, u"@"_s} << 2;
        QTest::newRow("edit without id")
            << QStringList {u"customer"_s, u"edit"_s, u"--set"_s, u"phone=1"_s} << 2;
        QTest::newRow("edit territory")
            << QStringList {u"customer"_s, u"edit"_s, u"@"_s, u"--set"_s, u"territory=TR-ANK"_s}
            << 1;
        QTest::newRow("edit code")
            << QStringList {u"customer"_s, u"edit"_s, u"@"_s, u"--set"_s, u"code=C-1"_s} << 1;
        QTest::newRow("edit empty name")
            << QStringList {u"customer"_s, u"edit"_s, u"@"_s, u"--set"_s, u"name="_s} << 1;
        QTest::newRow("edit unknown customer")
            << QStringList {u"customer"_s, u"edit"_s, u"01a20000-0000-7000-8000-000000000000"_s,
                            u"--set"_s, u"phone=+90 1"_s}
            << 1;
        QTest::newRow("edit bad id")
            << QStringList {u"customer"_s, u"edit"_s, u"nope"_s, u"--set"_s, u"phone=1"_s} << 1;
        // tickets
        QTest::newRow("ticket without subject")
            << QStringList {u"ticket"_s, u"open"_s, u"--customer"_s, u"@"_s} << 2;
        QTest::newRow("ticket without customer")
            << QStringList {u"ticket"_s, u"open"_s, u"--subject"_s, u"S"_s} << 2;
        QTest::newRow("ticket unknown customer") << QStringList {
            u"ticket"_s,    u"open"_s, u"--customer"_s, u"01a20000-0000-7000-8000-000000000000"_s,
            u"--subject"_s, u"S"_s} << 1;
        QTest::newRow("ticket bad priority")
            << QStringList {u"ticket"_s,    u"open"_s, u"--customer"_s, u"@"_s,
                            u"--subject"_s, u"S"_s,    u"--priority"_s, u"asap"_s}
            << 2;
        QTest::newRow("comment without body")
            << QStringList {u"ticket"_s, u"comment"_s, u"@ticket"_s} << 2;
        QTest::newRow("comment unknown ticket")
            << QStringList {u"ticket"_s, u"comment"_s, u"01a20000-0000-7000-8000-000000000000"_s,
                            u"--body"_s, u"B"_s}
            << 1;
        QTest::newRow("status unknown")
            << QStringList {u"ticket"_s, u"status"_s, u"@ticket"_s, u"--to"_s, u"done"_s} << 2;
        QTest::newRow("status missing")
            << QStringList {u"ticket"_s, u"status"_s, u"@ticket"_s} << 2;
        QTest::newRow("reopen an open ticket")
            << QStringList {u"ticket"_s, u"status"_s, u"@ticket"_s, u"--reopen"_s} << 1;
        QTest::newRow("unknown ticket command") << QStringList {u"ticket"_s, u"delete"_s} << 2;
        // activities
        QTest::newRow("activity bad kind")
            << QStringList {u"activity"_s, u"log"_s,    u"--customer"_s,
                            u"@"_s,        u"--kind"_s, u"party"_s}
            << 2;
        QTest::newRow("activity without kind")
            << QStringList {u"activity"_s, u"log"_s, u"--customer"_s, u"@"_s} << 2;
        QTest::newRow("activity minutes garbage")
            << QStringList {u"activity"_s, u"log"_s,  u"--customer"_s, u"@"_s,
                            u"--kind"_s,   u"call"_s, u"--minutes"_s,  u"long"_s}
            << 2;
        QTest::newRow("activity too long")
            << QStringList {u"activity"_s, u"log"_s,  u"--customer"_s, u"@"_s,
                            u"--kind"_s,   u"call"_s, u"--minutes"_s,  u"5000"_s}
            << 1;
        QTest::newRow("activity unknown customer") << QStringList {
            u"activity"_s, u"log"_s, u"--customer"_s, u"01a20000-0000-7000-8000-000000000000"_s,
            u"--kind"_s,   u"note"_s} << 1;
        // conflicts
        QTest::newRow("resolve unknown conflict")
            << QStringList {u"conflict"_s, u"resolve"_s, u"01a20000-0000-7000-8000-000000000000"_s,
                            u"--keep"_s, u"theirs"_s}
            << 1;
        QTest::newRow("resolve resolved conflict")
            << QStringList {u"conflict"_s, u"resolve"_s, u"@conflict"_s, u"--keep"_s, u"theirs"_s}
            << 1;
        QTest::newRow("resolve without keep")
            << QStringList {u"conflict"_s, u"resolve"_s, u"@conflict"_s} << 2;
        QTest::newRow("resolve keep both")
            << QStringList {u"conflict"_s, u"resolve"_s, u"@conflict"_s, u"--keep"_s, u"both"_s}
            << 2;
        // sessions
        QTest::newRow("login without server")
            << QStringList {u"login"_s, u"--login"_s, u"rep.one"_s} << 2;
        QTest::newRow("login plain http to another host")
            << QStringList {u"login"_s, u"--server"_s, u"http://hq.example.com"_s, u"--login"_s,
                            u"rep.one"_s}
            << 1;
        QTest::newRow("login not a URL")
            << QStringList {u"login"_s, u"--server"_s, u"hq"_s, u"--login"_s, u"rep.one"_s} << 1;
    }
    void badInputGetsOneLineAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        for (QString &a : args)
            a.replace(u"@sku"_s, m_sku)
                .replace(u"@ticket"_s, m_ticketId)
                .replace(u"@conflict"_s, m_resolvedConflictId)
                .replace(u"@"_s, m_customerId);
        const QByteArray statusBefore = cli({u"status"_s, u"--json"_s}).out;
        m_customersBefore = customerCount();
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(u"karvan-cli: "_s), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(cli({u"status"_s, u"--json"_s}).out, statusBefore);
        QCOMPARE(customerCount(), m_customersBefore);
    }

private:
    // A quote for the first customer: QTY of the first product, dated `date`.
    QJsonObject createQuote(const QDate &date, const QDate &validUntil, const QString &qty)
    {
        const Run r = cli({u"quote"_s, u"create"_s, u"--customer"_s, m_customerId, u"--line"_s,
                           m_sku + u"="_s + qty, u"--date"_s, date.toString(Qt::ISODate),
                           u"--valid-until"_s, validUntil.toString(Qt::ISODate), u"--json"_s});
        if (r.exitCode != 0) {
            qWarning("quote create failed: %s", qPrintable(r.err));
            return {};
        }
        return QJsonDocument::fromJson(r.out)[u"document"_s].toObject();
    }
    qint64 documentCount()
    {
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        if (!store)
            return -1;
        auto n = (*store)->scalar(u"SELECT count(*) FROM sales_documents"_s);
        return n ? n->toLongLong() : -1;
    }
    int pending()
    {
        const Run r = cli({u"status"_s, u"--json"_s});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out)[u"pending"_s].toInt() : -1;
    }
    qint64 customerCount()
    {
        auto store = LocalStore::open(m_dir.filePath(u"device.sqlite"_s));
        if (!store)
            return -1;
        auto n = (*store)->scalar(u"SELECT count(*) FROM customers"_s);
        return n ? n->toLongLong() : -1;
    }

    Run cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(KARVAN_CLI), QStringList {u"--profile"_s, m_dir.path()} + args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
    QString m_customerId;
    QString m_customerName;
    QString m_convertedQuoteId;
    QString m_orderId;
    QString m_sku;
    QString m_newCustomerId;
    QString m_ticketId;
    QString m_resolvedConflictId;
    qint64 m_customersBefore = -1;
};

QTEST_GUILESS_MAIN(tst_KarvanCli)
#include "tst_karvancli.moc"

// A quote opened in the app (Session.order.view): an expired quote is refused with its reason
// and nothing changes; a valid one becomes an order with the quote's lines, the quote marked
// converted and the view showing the order; "Share as PDF" writes the shared print library's
// PDF into the documents folder, with the quote's number and customer name in it.
#include "appfixture.h"
#include "ordereditor.h"
#include "quotesignature.h"
#include "quoteview.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "services/attachmentservice.h"
#include "services/orderservice.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace karvan;
using namespace karvan::app;
using namespace Qt::StringLiterals;

class tst_QuoteView : public QObject
{
    Q_OBJECT

private:
    AppFixture m_app;
    QUuid m_customerId;
    QString m_customerName;
    QList<PricingRequest::Line> m_lines;

    // A quote for the sample customer dated `date`, valid until `validUntil`; numbered as HQ
    // would when `number` is given.
    QUuid createQuote(const QDate &date, const QDate &validUntil, const QString &number = {})
    {
        QUuid id;
        const bool idle = m_app.onStore([&](LocalStore &store) {
            OrderDraft d;
            d.kind = SalesDocument::Kind::Quote;
            d.customerId = m_customerId;
            d.date = date;
            d.validUntil = validUntil;
            d.lines = m_lines;
            d.createdBy = u"rep.test"_s;
            auto saved = OrderService(store).submit(d);
            if (!saved)
                return;
            SalesDocument doc = *saved;
            if (!number.isEmpty()) {
                doc.number = number;
                doc.status = DocumentStatus::Confirmed;
                if (!DocumentRepository(store).save(doc))
                    return;
            }
            id = doc.id;
        });
        return idle ? id : QUuid();
    }

    SalesDocument stored(const QUuid &id)
    {
        SalesDocument doc;
        m_app.onStore([&](LocalStore &store) {
            if (auto d = DocumentRepository(store).get(id))
                doc = *d;
        });
        return doc;
    }

    // "Share as PDF": the PDF's bytes, after checking where it went and what it says.
    QByteArray sharePdf(SavedDocumentView *view)
    {
        QSignalSpy written(view, &SavedDocumentView::pdfWritten);
        view->sharePdf();
        if (!written.wait(30000) && written.isEmpty()) {
            qWarning("no PDF: %s", qPrintable(view->actionError()));
            return {};
        }
        const QString path = written.first().first().toString();
        const bool where = view->pdfPath() == path && view->actionError().isEmpty()
            && path.startsWith(SavedDocumentView::documentsFolder())
            && path.startsWith(m_app.dir.path()) && path.endsWith(u"Quote-QT-4711.pdf"_s);
        if (!where) {
            qWarning("unexpected PDF path %s", qPrintable(path));
            return {};
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray pdf = file.readAll();
        if (!pdf.startsWith("%PDF-") || !pdf.contains("%%EOF"))
            return {};
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (!pdftotext.isEmpty()) { // without it, the text is not checked
            QProcess p;
            p.start(pdftotext, {path, u"-"_s});
            p.waitForFinished(30000);
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            if (!text.contains(u"Quote QT-4711"_s) || !text.contains(m_customerName)) {
                qWarning("the PDF's text lacks the number or the customer: %s", qPrintable(text));
                return {};
            }
        }
        return pdf;
    }

    SavedDocumentView *openView(const QUuid &id)
    {
        SavedDocumentView *view = m_app.session->order()->view();
        view->open(idToString(id));
        if (!QTest::qWaitFor([&] { return view->loaded() && view->documentId() == idToString(id); },
                             20000))
            return nullptr;
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The documents folder is under $HOME: keep the shared PDFs in the test's directory.
        QVERIFY(m_app.dir.isValid());
        qputenv("HOME", QFile::encodeName(m_app.dir.filePath(u"home"_s)));
        QVERIFY(m_app.start());
        auto customer = m_app.session->sampleCustomerBlocking();
        QVERIFY2(customer.ok(), qPrintable(customer.errorMessage()));
        m_customerId = *customer;
        m_lines = m_app.session->sampleLinesBlocking(2);
        QCOMPARE(m_lines.size(), 2);
        QVERIFY(m_app.onStore([&](LocalStore &store) {
            if (auto c = CustomerRepository(store).get(m_customerId))
                m_customerName = c->name;
        }));
        QVERIFY(!m_customerName.isEmpty());
        m_app.session->order()->view()->setOpenAfterShare(false);
    }

    void expiredQuoteRefusedWithItsReason()
    {
        const QDate today = m_app.session->today();
        const QUuid quoteId = createQuote(today.addDays(-40), today.addDays(-10));
        QVERIFY(!quoteId.isNull());
        SavedDocumentView *view = openView(quoteId);
        QVERIFY(view);
        QVERIFY(view->isQuote());
        QVERIFY(!view->canConvert());
        QVERIFY2(view->notConvertibleReason().contains(u"expired"_s),
                 qPrintable(view->notConvertibleReason()));
        QVERIFY2(
            view->notConvertibleReason().contains(Formatter::instance()->date(today.addDays(-10))),
            qPrintable(view->notConvertibleReason()));

        QSignalSpy converted(view, &SavedDocumentView::converted);
        view->convert();
        QVERIFY(m_app.session->waitUntilIdle(20000));
        QCOMPARE(converted.size(), 0);
        QCOMPARE(view->actionError(), view->notConvertibleReason());
        QCOMPARE(view->documentId(), idToString(quoteId));
        QCOMPARE(stored(quoteId).status, DocumentStatus::PendingSync); // unchanged
    }

    void validQuoteBecomesAnOrder()
    {
        const QDate today = m_app.session->today();
        const QUuid quoteId = createQuote(today, today.addDays(30));
        QVERIFY(!quoteId.isNull());
        SavedDocumentView *view = openView(quoteId);
        QVERIFY(view);
        QVERIFY2(view->canConvert(), qPrintable(view->notConvertibleReason()));
        QCOMPARE(view->lines().size(), 2);

        QSignalSpy converted(view, &SavedDocumentView::converted);
        view->convert();
        QTRY_COMPARE_WITH_TIMEOUT(converted.size(), 1, 20000);
        const QUuid orderId = QUuid::fromString(converted.first().first().toString());
        // The page now shows the new order.
        QTRY_VERIFY_WITH_TIMEOUT(view->loaded() && view->documentId() == idToString(orderId),
                                 20000);
        QVERIFY(!view->isQuote());
        QVERIFY(!view->canConvert());
        QVERIFY(view->actionError().isEmpty());
        QVERIFY2(view->notice().contains(u"Order made from quote"_s), qPrintable(view->notice()));
        QCOMPARE(view->lines().size(), 2);

        const SalesDocument order = stored(orderId);
        const SalesDocument quote = stored(quoteId);
        QCOMPARE(order.kind, SalesDocument::Kind::Order);
        QCOMPARE(order.sourceQuoteId, quoteId);
        QCOMPARE(order.lines.size(), quote.lines.size());
        for (qsizetype i = 0; i < quote.lines.size(); ++i) {
            QCOMPARE(order.lines.at(i).sku, quote.lines.at(i).sku);
            QCOMPARE(order.lines.at(i).quantity, quote.lines.at(i).quantity);
        }
        QCOMPARE(quote.status, DocumentStatus::Converted);

        // Opened again, the converted quote says why it is not offered any more.
        view = openView(quoteId);
        QVERIFY(view);
        QVERIFY(!view->canConvert());
        QVERIFY2(view->notConvertibleReason().contains(u"already converted"_s),
                 qPrintable(view->notConvertibleReason()));
    }

    void quoteSharedAsPdf()
    {
        const QDate today = m_app.session->today();
        const QString number = u"QT-4711"_s;
        const QUuid quoteId = createQuote(today, today.addDays(30), number);
        QVERIFY(!quoteId.isNull());
        SavedDocumentView *view = openView(quoteId);
        QVERIFY(view);
        QVERIFY(!view->signedByCustomer());
        const QByteArray unsignedPdf = sharePdf(view);
        QVERIFY(!unsignedPdf.isEmpty());
        QVERIFY(!unsignedPdf.contains("/Subtype /Image")); // no signature, no picture

        // Signed: the PDF shows the signature (the only image on the page).
        QVariantList stroke;
        for (int i = 0; i < 10; ++i)
            stroke.append(QVariantMap {{u"x"_s, 20 + 30 * i}, {u"y"_s, i % 2 ? 30 : 90}});
        auto png = SignatureImage::png(SignatureStrokes::fromVariant({QVariant(stroke)}, 400, 120));
        QVERIFY(png.ok());
        bool added = false;
        m_app.session->post<int>(
            [&](StoreWorker &w) {
                added = AttachmentService(*w.store(), w.clock(), u"rep.test"_s)
                            .add({u"quote"_s, quoteId, u"signature"_s, u"image/png"_s, *png})
                            .ok();
                return 0;
            },
            {});
        QVERIFY(m_app.session->waitUntilIdle(20000));
        QVERIFY(added);
        view = openView(quoteId);
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->signedByCustomer(), 5000);
        const QByteArray signedPdf = sharePdf(view);
        QVERIFY(signedPdf.contains("/Subtype /Image"));
    }

    void orderHasNoQuoteActions()
    {
        SavedDocumentView *view = m_app.session->order()->view();
        view->open(u"not-an-id"_s);
        QVERIFY(!view->loaded());
        view->open(QUuid::createUuid().toString());
        QVERIFY(m_app.session->waitUntilIdle(20000));
        QVERIFY(!view->loaded());
        QVERIFY(!view->actionError().isEmpty());
        view->convert(); // nothing loaded: nothing happens
        view->sharePdf();
        QVERIFY(m_app.session->waitUntilIdle(20000));
        QVERIFY(view->pdfPath().isEmpty());
    }
};

QTEST_MAIN(tst_QuoteView)
#include "tst_quoteview.moc"

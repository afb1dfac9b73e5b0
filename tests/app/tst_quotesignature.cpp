// The customer's signature: pad strokes rendered to a PNG (size, ink, white background), and
// stored with the submitted order through AttachmentService with its outbox mutation.
#include "appfixture.h"
#include "ordereditor.h"
#include "quotesignature.h"

#include "domain/ids.h"
#include "services/attachmentservice.h"
#include "store/outboxrepository.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

#include <cmath>

using namespace karvan;
using namespace karvan::app;
using namespace Qt::StringLiterals;

namespace {

// A zig-zag across most of the pad, as QML hands it over: [[{x, y}, ...]].
QVariantList zigzag(double width, double height)
{
    QVariantList stroke;
    for (int i = 0; i <= 20; ++i)
        stroke.append(QVariantMap {{u"x"_s, width * (0.1 + 0.04 * i)},
                                   {u"y"_s, height * (i % 2 == 0 ? 0.3 : 0.7)}});
    return {QVariant(stroke)};
}

int darkPixels(const QImage &image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 128)
                ++dark;
    return dark;
}

} // namespace

class tst_QuoteSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void padSizedImageWithInk()
    {
        const auto strokes = SignatureStrokes::fromVariant(zigzag(400, 200), 400, 200);
        auto image = SignatureImage::render(strokes);
        QVERIFY2(image.ok(), qPrintable(image.errorMessage()));
        QCOMPARE(image->size(), QSize(400, 200));
        QVERIFY(darkPixels(*image) > 400); // a line, not a speck
        // White where nobody signed, black on the stroke.
        QCOMPARE(image->pixelColor(2, 2), QColor(Qt::white));
        QCOMPARE(image->pixelColor(398, 198), QColor(Qt::white));
        QVERIFY(qGray(image->pixel(40, 60)) < 128); // the first point (0.1 w, 0.3 h)
    }

    void widePadScaledTo800()
    {
        const auto strokes = SignatureStrokes::fromVariant(zigzag(2000, 500), 2000, 500);
        auto png = SignatureImage::png(strokes);
        QVERIFY2(png.ok(), qPrintable(png.errorMessage()));
        QVERIFY(png->startsWith("\x89PNG\r\n\x1a\n"));
        QImage decoded;
        QVERIFY(decoded.loadFromData(*png, "PNG"));
        QCOMPARE(decoded.size(), QSize(800, 200));
        QVERIFY(darkPixels(decoded) > 200);
        QCOMPARE(decoded.pixelColor(1, 1), QColor(Qt::white));
    }

    void aTapIsADot()
    {
        const QVariantList tap {QVariant(QVariantList {QVariantMap {{u"x"_s, 50}, {u"y"_s, 50}}})};
        auto image = SignatureImage::render(SignatureStrokes::fromVariant(tap, 100, 100));
        QVERIFY2(image.ok(), qPrintable(image.errorMessage()));
        QVERIFY(darkPixels(*image) > 0);
        QVERIFY(qGray(image->pixel(50, 50)) < 128);
    }

    void badInputRefused_data()
    {
        QTest::addColumn<QVariantList>("strokes");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("height");
        QTest::addColumn<QString>("error");
        QTest::newRow("no strokes") << QVariantList {} << 300.0 << 150.0 << u"empty"_s;
        QTest::newRow("empty stroke")
            << QVariantList {QVariant(QVariantList {})} << 300.0 << 150.0 << u"empty"_s;
        QTest::newRow("not numbers") << QVariantList {QVariant(
            QVariantList {QVariantMap {{u"x"_s, u"a"_s}, {u"y"_s, 1}},
                          QVariantMap {{u"x"_s, std::nan("")}, {u"y"_s, 1}}})}
                                     << 300.0 << 150.0 << u"empty"_s;
        QTest::newRow("no size") << zigzag(300, 150) << 0.0 << 150.0 << u"size"_s;
        QTest::newRow("negative") << zigzag(300, 150) << 300.0 << -1.0 << u"size"_s;
        QTest::newRow("huge") << zigzag(300, 150) << 1e9 << 150.0 << u"size"_s;
        QTest::newRow("nan size") << zigzag(300, 150) << std::nan("") << 150.0 << u"size"_s;
    }

    void badInputRefused()
    {
        QFETCH(QVariantList, strokes);
        QFETCH(double, width);
        QFETCH(double, height);
        QFETCH(QString, error);
        auto png = SignatureImage::png(SignatureStrokes::fromVariant(strokes, width, height));
        QVERIFY(!png.ok());
        QVERIFY2(png.errorMessage().contains(error), qPrintable(png.errorMessage()));
    }

    // The editor keeps the PNG until submit, then stores it with the order through
    // AttachmentService: one attachment (kind signature, image/png) and its outbox mutation.
    void storedWithTheSubmittedOrder()
    {
        AppFixture app;
        QVERIFY(app.start());
        auto customer = app.session->sampleCustomerBlocking();
        QVERIFY2(customer.ok(), qPrintable(customer.errorMessage()));
        OrderEditor *editor = app.session->order();
        editor->setQuote(false);
        editor->setCustomer(idToString(*customer), u"Sample"_s);
        editor->setLines(app.session->sampleLinesBlocking(1));
        QTRY_VERIFY_WITH_TIMEOUT(editor->canSubmit(), 20000);

        QVERIFY(!editor->setSignature({}, 300, 150)); // nothing drawn: no signature
        QVERIFY(!editor->hasSignature());
        QVERIFY(editor->setSignature(zigzag(1200, 300), 1200, 300));
        QVERIFY(editor->hasSignature());
        const QByteArray png = editor->signaturePng();

        QSignalSpy submitted(editor, &OrderEditor::submitted);
        editor->submit();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 1, 20000);
        const QUuid orderId = QUuid::fromString(submitted.first().first().toString());
        QVERIFY(!orderId.isNull());
        QVERIFY2(editor->signatureError().isEmpty(), qPrintable(editor->signatureError()));
        QVERIFY(editor->savedSignature().startsWith(u"data:image/png;base64,"_s));
        QVERIFY(!editor->hasSignature()); // the next order starts unsigned

        QList<AttachmentInfo> listed;
        QByteArray stored;
        qint64 attachmentMutations = -1;
        QVERIFY(app.onStore([&](LocalStore &store) {
            AttachmentService attachments(store, {}, {});
            auto l = attachments.list(u"order"_s, orderId);
            if (!l)
                return;
            listed = *l;
            if (!listed.isEmpty())
                if (auto bytes = attachments.data(listed.first().id))
                    stored = *bytes;
            if (auto pending = OutboxRepository(store).withState(OutboxMutation::State::Pending)) {
                attachmentMutations = 0;
                for (const OutboxMutation &m : *pending)
                    if (m.entity == u"attachment"_s)
                        ++attachmentMutations;
            }
        }));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().kind, u"signature"_s);
        QCOMPARE(listed.first().mime, u"image/png"_s);
        QCOMPARE(stored, png);
        QImage decoded;
        QVERIFY(decoded.loadFromData(stored, "PNG"));
        QCOMPARE(decoded.size(), QSize(800, 200));
        QCOMPARE(attachmentMutations, 1);

        // An order submitted without signing stores no attachment.
        editor->setLines(app.session->sampleLinesBlocking(1));
        QTRY_VERIFY_WITH_TIMEOUT(editor->canSubmit(), 20000);
        editor->submit();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.size(), 2, 20000);
        const QUuid unsignedId = QUuid::fromString(submitted.last().first().toString());
        qsizetype unsignedCount = -1;
        QVERIFY(app.onStore([&](LocalStore &store) {
            if (auto l = AttachmentService(store, {}, {}).list(u"order"_s, unsignedId))
                unsignedCount = l->size();
        }));
        QCOMPARE(unsignedCount, 0);
        QVERIFY(editor->savedSignature().isEmpty());
    }
};

QTEST_MAIN(tst_QuoteSignature)
#include "tst_quotesignature.moc"

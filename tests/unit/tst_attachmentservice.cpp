#include "servicefixture.h"

#include "services/activityservice.h"
#include "services/attachmentservice.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QStandardPaths>
#include <QTest>

using namespace karvan;
using namespace karvan::testing;
using namespace Qt::StringLiterals;

// Signatures and photos: the row plus exactly one "attachment" mutation, or nothing at all.
class tst_AttachmentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void signatureOnOrderRoundTrip();
    void photoOnActivityRoundTrip();
    void badInputWritesNothing_data();
    void badInputWritesNothing();
    void largestAcceptedSmallestRefused();
    void unknownIdIsNotFound();

private:
    QUuid insertDocument(const QString &kind);
    QUuid logActivity();
    AttachmentService service() { return {*m_store, m_clock.source(), u"rep.ayse"_s}; }
    qint64 attachmentRows() { return countRows(*m_store, u"attachments"_s); }

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    TestClock m_clock;
    Customer m_customer;
    QUuid m_order;
    QUuid m_quote;
    QUuid m_activity;
};

namespace {

QByteArray encodedImage(const char *format, int w = 40, int h = 20)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int x = 0; x < w; ++x)
        image.setPixel(x, h / 2, qRgb(0, 0, 128));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray png()
{
    return encodedImage("PNG");
}

QByteArray jpeg()
{
    return encodedImage("JPG");
}

} // namespace

void tst_AttachmentService::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    m_customer = makeCustomer();
    QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
    m_order = insertDocument(u"order"_s);
    m_quote = insertDocument(u"quote"_s);
    m_activity = logActivity();
    QVERIFY(!m_activity.isNull());
    // Only the attachment's own mutation is looked at below.
    QVERIFY(m_store->exec(u"DELETE FROM outbox"_s).ok());
}

QUuid tst_AttachmentService::insertDocument(const QString &kind)
{
    const QUuid id = Uuid7::generate();
    auto q = m_store->prepared(u"INSERT INTO sales_documents (id, kind, customer_id, currency, "
                               "date, status) VALUES (?, ?, ?, 'USD', '2026-03-02', 'draft')"_s);
    if (!q)
        return {};
    (*q)->bindValue(0, idToString(id));
    (*q)->bindValue(1, kind);
    (*q)->bindValue(2, idToString(m_customer.id));
    if (!(*q)->exec())
        return {};
    return id;
}

QUuid tst_AttachmentService::logActivity()
{
    NewActivity a;
    a.customerId = m_customer.id;
    a.kind = Activity::Kind::Visit;
    a.subject = u"Shelf check"_s;
    auto logged = ActivityService(*m_store, m_clock.source(), u"rep.ayse"_s).log(a);
    return logged ? logged->id : QUuid();
}

void tst_AttachmentService::signatureOnOrderRoundTrip()
{
    const QByteArray bytes = png();
    auto added = service().add({u"order"_s, m_order, u"signature"_s, u"image/png"_s, bytes});
    QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    QVERIFY(Uuid7::isUuid7(added->id));
    QCOMPARE(added->size, bytes.size());
    QCOMPARE(attachmentRows(), 1);

    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 1);
    const OutboxMutation &m = queue.first();
    QCOMPARE(m.entity, u"attachment"_s);
    QCOMPARE(m.op, u"create"_s);
    QCOMPARE(m.entityId, idToString(added->id));
    const QCborMap a = args(m);
    QCOMPARE(a.value(u"id"_s).toString(), idToString(added->id));
    QCOMPARE(a.value(u"entity"_s).toString(), u"order"_s);
    QCOMPARE(a.value(u"entity_id"_s).toString(), idToString(m_order));
    QCOMPARE(a.value(u"kind"_s).toString(), u"signature"_s);
    QCOMPARE(a.value(u"mime"_s).toString(), u"image/png"_s);
    QVERIFY(a.value(u"data"_s).isByteArray());
    QCOMPARE(a.value(u"data"_s).toByteArray(), bytes);
    QCOMPARE(
        a.value(u"sha256"_s).toString(),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QVERIFY(isValidHlcText(a.value(u"hlc"_s).toString()));

    auto stored = service().data(added->id);
    QVERIFY(stored.ok());
    QCOMPARE(*stored, bytes);
    auto list = service().list(u"order"_s, m_order);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, added->id);
    QCOMPARE(list->first().kind, u"signature"_s);
    QCOMPARE(service().list(u"quote"_s, m_quote)->size(), 0);

    // A quote takes a signature too.
    QVERIFY(service().add({u"quote"_s, m_quote, u"signature"_s, u"image/png"_s, bytes}).ok());
    QCOMPARE(service().list(u"quote"_s, m_quote)->size(), 1);
}

void tst_AttachmentService::photoOnActivityRoundTrip()
{
    const QByteArray bytes = jpeg();
    auto added = service().add({u"activity"_s, m_activity, u"photo"_s, u"image/jpeg"_s, bytes});
    QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    auto list = service().list(u"activity"_s, m_activity);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().mime, u"image/jpeg"_s);
    QCOMPARE(list->first().size, bytes.size());
    QCOMPARE(service().data(added->id).value(), bytes);
    QCOMPARE(pending(*m_store).size(), 1);
}

void tst_AttachmentService::badInputWritesNothing_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("target"); // 0 order, 1 quote, 2 activity, 3 unknown id, 4 null id
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("code");

    const int invalid = int(ErrorCode::InvalidArgument);
    const int notFound = int(ErrorCode::NotFound);
    QTest::newRow("unknown entity")
        << u"invoice"_s << 0 << u"signature"_s << u"image/png"_s << png() << invalid;
    QTest::newRow("empty entity") << QString() << 0 << u"signature"_s << u"image/png"_s << png()
                                  << invalid;
    QTest::newRow("photo on an order")
        << u"order"_s << 0 << u"photo"_s << u"image/png"_s << png() << invalid;
    QTest::newRow("signature on an activity")
        << u"activity"_s << 2 << u"signature"_s << u"image/jpeg"_s << jpeg() << invalid;
    QTest::newRow("unknown kind") << u"quote"_s << 1 << u"video"_s << u"image/png"_s << png()
                                  << invalid;
    QTest::newRow("gif mime") << u"order"_s << 0 << u"signature"_s << u"image/gif"_s
                              << QByteArray("GIF89a....") << invalid;
    QTest::newRow("png declared, jpeg bytes")
        << u"order"_s << 0 << u"signature"_s << u"image/png"_s << jpeg() << invalid;
    QTest::newRow("jpeg declared, png bytes")
        << u"activity"_s << 2 << u"photo"_s << u"image/jpeg"_s << png() << invalid;
    QTest::newRow("text as png") << u"order"_s << 0 << u"signature"_s << u"image/png"_s
                                 << QByteArray("hello, world") << invalid;
    QTest::newRow("empty data") << u"order"_s << 0 << u"signature"_s << u"image/png"_s
                                << QByteArray() << invalid;
    QTest::newRow("over 2 MiB") << u"activity"_s << 2 << u"photo"_s << u"image/jpeg"_s
                                << (QByteArray("\xff\xd8\xff\xe0", 4)
                                    + QByteArray(AttachmentService::MaxBytes, 'x'))
                                << invalid;
    QTest::newRow("unknown order")
        << u"order"_s << 3 << u"signature"_s << u"image/png"_s << png() << notFound;
    QTest::newRow("null id") << u"order"_s << 4 << u"signature"_s << u"image/png"_s << png()
                             << invalid;
    QTest::newRow("order id given as quote")
        << u"quote"_s << 0 << u"signature"_s << u"image/png"_s << png() << notFound;
    QTest::newRow("order id given as activity")
        << u"activity"_s << 0 << u"photo"_s << u"image/jpeg"_s << jpeg() << notFound;
}

void tst_AttachmentService::badInputWritesNothing()
{
    QFETCH(QString, entity);
    QFETCH(int, target);
    QFETCH(QString, kind);
    QFETCH(QString, mime);
    QFETCH(QByteArray, data);
    QFETCH(int, code);
    const QList<QUuid> targets {m_order, m_quote, m_activity, Uuid7::generate(), QUuid()};
    const auto before = footprint(*m_store);
    auto added = service().add({entity, targets.at(target), kind, mime, data});
    QVERIFY(!added.ok());
    QCOMPARE(int(added.error().code), code);
    QVERIFY(!added.errorMessage().isEmpty());
    QCOMPARE(attachmentRows(), 0);
    QCOMPARE(footprint(*m_store), before);
    QVERIFY(pending(*m_store).isEmpty());
}

void tst_AttachmentService::largestAcceptedSmallestRefused()
{
    // Exactly MaxBytes is taken, one more is not.
    QByteArray max = QByteArray("\xff\xd8\xff\xe0", 4);
    max += QByteArray(AttachmentService::MaxBytes - max.size(), 'x');
    auto added = service().add({u"activity"_s, m_activity, u"photo"_s, u"image/jpeg"_s, max});
    QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
    QCOMPARE(added->size, AttachmentService::MaxBytes);
    auto over = service().add(
        {u"activity"_s, m_activity, u"photo"_s, u"image/jpeg"_s, max + QByteArray(1, 'x')});
    QVERIFY(!over.ok());
    QCOMPARE(attachmentRows(), 1);
    QCOMPARE(pending(*m_store).size(), 1);
}

void tst_AttachmentService::unknownIdIsNotFound()
{
    auto bytes = service().data(Uuid7::generate());
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code, ErrorCode::NotFound);
    auto list = service().list(u"order"_s, Uuid7::generate());
    QVERIFY(list.ok());
    QVERIFY(list->isEmpty());
}

QTEST_GUILESS_MAIN(tst_AttachmentService)
#include "tst_attachmentservice.moc"

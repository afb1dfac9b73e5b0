// Signatures and photos end to end (issue 5): the real karvan-hq on SQLite and PostgreSQL,
// karvan-cli profiles as devices, AttachmentService writing into a profile's store between
// the CLI's commands. One world per backend, shared by the test functions in order.
#include "syncworld.h"

#include "domain/ids.h"
#include "hlc.h"
#include "services/attachmentservice.h"
#include "services/hlcsource.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QBuffer>
#include <QCborMap>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace karvan;
using namespace karvan::hq;
using namespace karvan::hq::test;
using namespace Qt::StringLiterals;

namespace {

#define KARVAN_CLI_OK(call)                                                                        \
    [&]() {                                                                                        \
        const CliResult r_ = (call);                                                               \
        if (r_.exitCode != 0)                                                                      \
            qWarning("%s", qPrintable(r_.describe()));                                             \
        return r_;                                                                                 \
    }()

QByteArray encodedImage(const char *format, QRgb color)
{
    QImage image(120, 60, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int x = 10; x < 110; ++x)
        image.setPixel(x, 30 + (x % 7), color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A "photo" of n bytes that does not compress: JPEG magic, then random bytes.
QByteArray bigJpeg(qsizetype n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::global()->fillRange(words, n / 4);
    bytes[0] = char(0xff);
    bytes[1] = char(0xd8);
    bytes[2] = char(0xff);
    bytes[3] = char(0xe0);
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A profile's store, opened in-process while no karvan-cli runs on it.
class DeviceStore
{
public:
    explicit DeviceStore(const RepProfile &profile)
    {
        auto store = LocalStore::open(QDir(profile.path()).filePath(u"device.sqlite"_s));
        if (!store) {
            m_error = store.errorMessage();
            return;
        }
        m_store = std::move(store).value();
        auto id = SyncStateRepository(*m_store).value(u"device_id"_s);
        if (!id || id->isEmpty()) {
            m_error = u"the profile has no device id"_s;
            return;
        }
        m_deviceId = *id;
        m_clock = std::make_unique<karvan::sync::HlcClock>(m_deviceId);
    }
    QString error() const { return m_error; }
    LocalStore &store() { return *m_store; }
    AttachmentService service(const QString &author)
    {
        return AttachmentService(
            *m_store, [this] { return m_clock->now().toString(); }, author);
    }
    // An outbox entry written by hand: what a tampered or foreign device would send.
    Result<qint64> appendRaw(const QString &entity, const QString &entityId, const QCborMap &args)
    {
        QCborMap stamped = args;
        stamped.insert(u"hlc"_s, m_clock->now().toString());
        qint64 seq = 0;
        auto r = m_store->transaction([&]() -> Result<void> {
            auto s = appendMutation(*m_store, entity, entityId, u"create"_s, stamped);
            if (!s)
                return s.error();
            seq = *s;
            return {};
        });
        if (!r)
            return r.error();
        return seq;
    }
    QString outboxState(qint64 seq)
    {
        auto v = m_store->scalar(u"SELECT state FROM outbox WHERE seq = %1"_s.arg(seq));
        return v ? v->toString() : QString();
    }

private:
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<karvan::sync::HlcClock> m_clock;
    QString m_deviceId;
    QString m_error;
};

QCborMap attachmentArgs(const QString &id, const QString &entity, const QString &entityId,
                        const QString &kind, const QString &mime, const QByteArray &data,
                        const QString &sha)
{
    return {{u"id"_s, id},      {u"entity"_s, entity},  {u"entity_id"_s, entityId},
            {u"kind"_s, kind},  {u"mime"_s, mime},      {u"data"_s, QCborValue(data)},
            {u"sha256"_s, sha}, {u"author"_s, u"rep"_s}};
}

struct World
{
    std::unique_ptr<SyncWorld> world;
    std::unique_ptr<RepProfile> a1, b1;
    QString error;
    QString order, activity; // a1's, Cash & Carry (NORTH)
    QString signatureId, photoId;
    QByteArray signature, photo;
};

} // namespace

class tst_SyncAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureAndPhotoReachHqIdentical_data() { addBackendColumns(); }
    void signatureAndPhotoReachHqIdentical();
    void backOfficeListsAndServesInScopeOnly_data() { addBackendColumns(); }
    void backOfficeListsAndServesInScopeOnly();
    void forgedAttachmentsAreRejectedAndDoNotBlock_data() { addBackendColumns(); }
    void forgedAttachmentsAreRejectedAndDoNotBlock();
    void retriedPushStoresOnce_data() { addBackendColumns(); }
    void retriedPushStoresOnce();
    void manyLargePhotosInOneSync_data() { addBackendColumns(); }
    void manyLargePhotosInOneSync();
    void cleanupTestCase() { m_worlds.clear(); }

private:
    World &world(const QString &backend)
    {
        World &w = m_worlds[backend];
        if (w.world || !w.error.isEmpty())
            return w;
        w.world = std::make_unique<SyncWorld>(backend);
        w.error = w.world->setUp();
        if (!w.error.isEmpty())
            return w;
        w.a1 = std::make_unique<RepProfile>(u"rep.a1"_s);
        w.b1 = std::make_unique<RepProfile>(u"rep.b1"_s);
        for (const RepProfile *p : {w.a1.get(), w.b1.get()}) {
            if (w.error = w.world->login(*p); !w.error.isEmpty())
                return w;
            if (const CliResult r = p->sync(); r.exitCode != 0) {
                w.error = u"first sync: "_s + r.describe();
                return w;
            }
        }
        return w;
    }

    std::map<QString, World> m_worlds;
};

void tst_SyncAttachments::signatureAndPhotoReachHqIdentical()
{
    QFETCH(QString, backend);
    World &w = world(backend);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    const SyncCompany &co = w.world->company();

    // Offline: an order with the customer's signature, a visit with a photo.
    const CliResult order = KARVAN_CLI_OK(w.a1->cli(
        {u"order"_s, u"create"_s, u"--customer"_s, co.cash, u"--line"_s, u"TEA=2"_s, u"--json"_s}));
    QCOMPARE(order.exitCode, 0);
    w.order = normId(order.json()[u"document"_s][u"id"_s].toString());
    const CliResult visit
        = KARVAN_CLI_OK(w.a1->cli({u"activity"_s, u"log"_s, u"--customer"_s, co.cash, u"--kind"_s,
                                   u"visit"_s, u"--subject"_s, u"Shelf photo"_s, u"--json"_s}));
    QCOMPARE(visit.exitCode, 0);
    w.activity = normId(visit.json()[u"id"_s].toString());
    QVERIFY(!w.order.isEmpty() && !w.activity.isEmpty());

    w.signature = encodedImage("PNG", qRgb(0, 0, 120));
    w.photo = encodedImage("JPG", qRgb(200, 40, 0));
    {
        DeviceStore device(*w.a1);
        QVERIFY2(device.error().isEmpty(), qPrintable(device.error()));
        auto sig = device.service(u"rep.a1"_s)
                       .add({u"order"_s, QUuid::fromString(w.order), u"signature"_s, u"image/png"_s,
                             w.signature});
        QVERIFY2(sig.ok(), qPrintable(sig.errorMessage()));
        auto photo = device.service(u"rep.a1"_s)
                         .add({u"activity"_s, QUuid::fromString(w.activity), u"photo"_s,
                               u"image/jpeg"_s, w.photo});
        QVERIFY2(photo.ok(), qPrintable(photo.errorMessage()));
        w.signatureId = idToString(sig->id);
        w.photoId = idToString(photo->id);
    }

    const CliResult synced = KARVAN_CLI_OK(w.a1->sync());
    QCOMPARE(synced.exitCode, 0);
    QCOMPARE(synced.json()[u"rejected"_s].toInt(), 0);

    // At HQ: the same bytes (sha256 computed here from what HQ stores), once each.
    SyncWorld &hq = *w.world;
    QCOMPARE(hq.count(u"attachments"_s), 2);
    for (const auto &[id, bytes, entity, entityId, mime] :
         {std::tuple {w.signatureId, w.signature, u"order"_s, w.order, u"image/png"_s},
          std::tuple {w.photoId, w.photo, u"activity"_s, w.activity, u"image/jpeg"_s}}) {
        auto row = erp::queryRow(hq.db(),
                                 u"SELECT entity, entity_id, mime, bytes, size, sha256, author "
                                 "FROM attachments WHERE id = ?"_s,
                                 {id});
        QVERIFY2(row.ok(), qPrintable(row.errorMessage()));
        QVERIFY(!row->isEmpty());
        QCOMPARE(row->at(0).toString(), entity);
        QCOMPARE(row->at(1).toString(), entityId);
        QCOMPARE(row->at(2).toString(), mime);
        QCOMPARE(sha256(row->at(3).toByteArray()), sha256(bytes));
        QCOMPARE(row->at(4).toLongLong(), bytes.size());
        QCOMPARE(row->at(5).toString(), sha256(bytes));
        QCOMPARE(row->at(6).toString(), u"rep.a1"_s);
    }
    // The order's HQ number is recorded with its signature, and the intake is audited.
    QCOMPARE(
        hq.scalar(u"SELECT hq_ref FROM attachments WHERE id = ?"_s, {w.signatureId}).toString(),
        hq.scalar(u"SELECT doc_number FROM sales_orders WHERE id = ?"_s, {w.order}).toString());
    QCOMPARE(hq.count(u"audit_log"_s, u"action = 'attachment.create'"_s), 2);
}

void tst_SyncAttachments::backOfficeListsAndServesInScopeOnly()
{
    QFETCH(QString, backend);
    World &w = world(backend);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    if (w.signatureId.isEmpty())
        QSKIP("needs the attachments of the first test function");
    HttpClient http(w.world->url());
    const QString a1 = w.world->httpLogin(u"rep.a1"_s, u"a1 back office"_s).token;
    const QString b1 = w.world->httpLogin(u"rep.b1"_s, u"b1 back office"_s).token;
    const QString fin = w.world->httpLogin(u"fin"_s, u"finance desk"_s).token;
    QVERIFY(!a1.isEmpty() && !b1.isEmpty() && !fin.isEmpty());

    const QString listPath = u"/v1/attachments?entity=order&entity_id="_s + w.order;
    for (const QString &token : {a1, fin}) {
        const HttpReply list = http.send("GET", listPath, {}, token);
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json[u"attachments"_s].toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[u"id"_s].toString(), w.signatureId);
        QCOMPARE(items.first()[u"kind"_s].toString(), u"signature"_s);
        QCOMPARE(items.first()[u"sha256"_s].toString(), sha256(w.signature));
        QCOMPARE(items.first()[u"size"_s].toInteger(), w.signature.size());

        const HttpReply bytes = http.send("GET", u"/v1/attachments/"_s + w.signatureId, {}, token);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.headers.value("content-type"), QByteArray("image/png"));
        QCOMPARE(bytes.body, w.signature);
    }
    const HttpReply photos
        = http.send("GET", u"/v1/attachments?entity=activity&entity_id="_s + w.activity, {}, a1);
    QCOMPARE(photos.status, 200);
    QCOMPARE(photos.json[u"attachments"_s].toArray().size(), 1);
    const HttpReply photo = http.send("GET", u"/v1/attachments/"_s + w.photoId, {}, a1);
    QCOMPARE(photo.headers.value("content-type"), QByteArray("image/jpeg"));
    QCOMPARE(photo.body, w.photo);

    // A rep of another territory: neither the list nor the bytes.
    const HttpReply foreignList = http.send("GET", listPath, {}, b1);
    QCOMPARE(foreignList.status, 403);
    QCOMPARE(foreignList.errorCode(), u"out_of_scope"_s);
    const HttpReply foreignBytes = http.send("GET", u"/v1/attachments/"_s + w.signatureId, {}, b1);
    QCOMPARE(foreignBytes.status, 403);
    QVERIFY(foreignBytes.body != w.signature);
    // No token, unknown ids, bad queries.
    QCOMPARE(http.send("GET", listPath).status, 401);
    QCOMPARE(http.send("GET", u"/v1/attachments/"_s + idToString(Uuid7::generate()), {}, a1).status,
             404);
    QCOMPARE(http.send("GET",
                       u"/v1/attachments?entity=order&entity_id="_s + idToString(Uuid7::generate()),
                       {}, a1)
                 .status,
             404);
    QCOMPARE(
        http.send("GET", u"/v1/attachments?entity=invoice&entity_id="_s + w.order, {}, a1).status,
        422);
    QCOMPARE(http.send("GET", u"/v1/attachments?entity=order&entity_id=nope"_s, {}, a1).status,
             422);
}

void tst_SyncAttachments::forgedAttachmentsAreRejectedAndDoNotBlock()
{
    QFETCH(QString, backend);
    World &w = world(backend);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    if (w.signatureId.isEmpty())
        QSKIP("needs the attachments of the first test function");
    SyncWorld &hq = *w.world;
    const qint64 before = hq.count(u"attachments"_s);
    const QByteArray png = encodedImage("PNG", qRgb(0, 90, 0));
    const QByteArray jpg = encodedImage("JPG", qRgb(0, 90, 0));
    const QString forgedSha = idToString(Uuid7::generate());
    const QString wrongMagic = idToString(Uuid7::generate());
    const QString unknownDoc = idToString(Uuid7::generate());
    qint64 seqSha = 0, seqMagic = 0, seqUnknown = 0, seqGood = 0;
    QString goodId;
    {
        DeviceStore device(*w.a1);
        QVERIFY2(device.error().isEmpty(), qPrintable(device.error()));
        // bytes that do not match their sha256; PNG declared, JPEG sent (hash honest); an order
        // HQ never heard of; then a good one, which must still go in.
        seqSha = device
                     .appendRaw(u"attachment"_s, forgedSha,
                                attachmentArgs(forgedSha, u"order"_s, w.order, u"signature"_s,
                                               u"image/png"_s, png, sha256(png + "x")))
                     .value();
        seqMagic = device
                       .appendRaw(u"attachment"_s, wrongMagic,
                                  attachmentArgs(wrongMagic, u"order"_s, w.order, u"signature"_s,
                                                 u"image/png"_s, jpg, sha256(jpg)))
                       .value();
        seqUnknown
            = device
                  .appendRaw(u"attachment"_s, unknownDoc,
                             attachmentArgs(unknownDoc, u"order"_s, idToString(Uuid7::generate()),
                                            u"signature"_s, u"image/png"_s, png, sha256(png)))
                  .value();
        auto good = device.service(u"rep.a1"_s)
                        .add({u"activity"_s, QUuid::fromString(w.activity), u"photo"_s,
                              u"image/jpeg"_s, jpg});
        QVERIFY2(good.ok(), qPrintable(good.errorMessage()));
        goodId = idToString(good->id);
        seqGood = device.store().scalar(u"SELECT MAX(seq) FROM outbox"_s)->toLongLong();
    }
    const CliResult synced = KARVAN_CLI_OK(w.a1->sync());
    QCOMPARE(synced.exitCode, 0);
    QCOMPARE(synced.json()[u"rejected"_s].toInt(), 3);
    {
        DeviceStore device(*w.a1);
        QCOMPARE(device.outboxState(seqSha), u"rejected"_s);
        QCOMPARE(device.outboxState(seqMagic), u"rejected"_s);
        QCOMPARE(device.outboxState(seqUnknown), u"rejected"_s);
        QCOMPARE(device.outboxState(seqGood), u"applied"_s);
    }
    auto reasonOf = [&](const QString &id) {
        return hq
            .scalar(u"SELECT reason_code FROM sync_mutations WHERE entity = 'attachment' AND "
                    "entity_id = ?"_s,
                    {id})
            .toString();
    };
    QCOMPARE(reasonOf(forgedSha), u"validation"_s);
    QCOMPARE(reasonOf(wrongMagic), u"validation"_s);
    QCOMPARE(reasonOf(unknownDoc), u"not_found"_s);
    QCOMPARE(hq.count(u"attachments"_s), before + 1);
    QCOMPARE(hq.count(u"attachments"_s, u"id = ?"_s, {goodId}), 1);
    QCOMPARE(hq.count(u"attachments"_s, u"id IN (?, ?, ?)"_s, {forgedSha, wrongMagic, unknownDoc}),
             0);

    // rep.b1 (SOUTH) pushes a signature for a1's NORTH order: out_of_scope, audited, not stored.
    const QString foreign = idToString(Uuid7::generate());
    {
        DeviceStore device(*w.b1);
        QVERIFY2(device.error().isEmpty(), qPrintable(device.error()));
        // AttachmentService refuses it (the order is not on b1's device)...
        QVERIFY(
            !device.service(u"rep.b1"_s)
                 .add({u"order"_s, QUuid::fromString(w.order), u"signature"_s, u"image/png"_s, png})
                 .ok());
        // ...so it is forged by hand.
        QVERIFY(device
                    .appendRaw(u"attachment"_s, foreign,
                               attachmentArgs(foreign, u"order"_s, w.order, u"signature"_s,
                                              u"image/png"_s, png, sha256(png)))
                    .ok());
    }
    const CliResult b1Synced = KARVAN_CLI_OK(w.b1->sync());
    QCOMPARE(b1Synced.exitCode, 0);
    QCOMPARE(b1Synced.json()[u"rejected"_s].toInt(), 1);
    QCOMPARE(reasonOf(foreign), u"out_of_scope"_s);
    QCOMPARE(hq.count(u"attachments"_s, u"id = ?"_s, {foreign}), 0);
    QCOMPARE(
        hq.count(u"audit_log"_s, u"action = 'sync.forged_mutation' AND entity_id = ?"_s, {foreign}),
        1);
}

void tst_SyncAttachments::retriedPushStoresOnce()
{
    QFETCH(QString, backend);
    World &w = world(backend);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    if (w.signatureId.isEmpty())
        QSKIP("needs the attachments of the first test function");
    SyncWorld &hq = *w.world;
    const QByteArray png = encodedImage("PNG", qRgb(60, 60, 60));
    QString id;
    {
        DeviceStore device(*w.a1);
        auto added = device.service(u"rep.a1"_s)
                         .add({u"order"_s, QUuid::fromString(w.order), u"signature"_s,
                               u"image/png"_s, png});
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
        id = idToString(added->id);
    }
    QCOMPARE(KARVAN_CLI_OK(w.a1->sync()).exitCode, 0);
    QCOMPARE(hq.count(u"attachments"_s, u"id = ?"_s, {id}), 1);
    const qint64 audits = hq.count(u"audit_log"_s, u"action = 'attachment.create'"_s);

    // The answer was lost: the entry is still "sent" on the device and goes again.
    {
        DeviceStore device(*w.a1);
        QVERIFY(device.store()
                    .exec(u"UPDATE outbox SET state = 'sent' WHERE entity = 'attachment' AND "
                          "entity_id = '%1'"_s.arg(id))
                    .ok());
    }
    const CliResult again = KARVAN_CLI_OK(w.a1->sync());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json()[u"replayed"_s].toInt(), 1);
    QCOMPARE(again.json()[u"rejected"_s].toInt(), 0);
    QCOMPARE(hq.count(u"attachments"_s, u"id = ?"_s, {id}), 1);
    QCOMPARE(hq.count(u"audit_log"_s, u"action = 'attachment.create'"_s), audits);
    QCOMPARE(sha256(hq.scalar(u"SELECT bytes FROM attachments WHERE id = ?"_s, {id}).toByteArray()),
             sha256(png));
}

void tst_SyncAttachments::manyLargePhotosInOneSync()
{
    QFETCH(QString, backend);
    World &w = world(backend);
    QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
    if (w.activity.isEmpty())
        QSKIP("needs the activity of the first test function");
    SyncWorld &hq = *w.world;
    // Nine photos of 2 MiB: 18 MiB, more than one push body may carry (16 MiB).
    constexpr int Photos = 9;
    QStringList ids;
    QStringList hashes;
    {
        DeviceStore device(*w.a1);
        for (int i = 0; i < Photos; ++i) {
            const QByteArray bytes = bigJpeg(AttachmentService::MaxBytes);
            auto added = device.service(u"rep.a1"_s)
                             .add({u"activity"_s, QUuid::fromString(w.activity), u"photo"_s,
                                   u"image/jpeg"_s, bytes});
            QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
            ids.append(idToString(added->id));
            hashes.append(sha256(bytes));
        }
    }
    const CliResult synced = KARVAN_CLI_OK(w.a1->sync());
    QCOMPARE(synced.exitCode, 0);
    QCOMPARE(synced.json()[u"rejected"_s].toInt(), 0);
    QVERIFY(synced.json()[u"bytes_sent"_s].toInteger() > Photos * AttachmentService::MaxBytes);
    for (int i = 0; i < Photos; ++i)
        QCOMPARE(
            hq.scalar(u"SELECT sha256 FROM attachments WHERE id = ?"_s, {ids.at(i)}).toString(),
            hashes.at(i));
    QCOMPARE(w.a1->cli({u"status"_s, u"--json"_s}).json()[u"pending"_s].toInt(), 0);
}

QTEST_MAIN(tst_SyncAttachments)
#include "tst_syncattachments.moc"

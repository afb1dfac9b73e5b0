#include "testsupport.h"

#include "formatter.h"

#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "services/orderservice.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/fieldversionrepository.h"
#include "store/localstore.h"

#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSqlQuery>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

QString normalizedId(const QString &id)
{
    return idToString(QUuid::fromString(id));
}

std::unique_ptr<LocalStore> openStore(const QString &path)
{
    auto store = LocalStore::open(path);
    return store ? std::move(store).value() : nullptr;
}

} // namespace

TestSupport::TestSupport(QString storePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(storePath))
{ }

bool TestSupport::addFixtures()
{
    auto store = openStore(m_path);
    if (!store)
        return false;
    Customer c;
    c.id = Uuid7::generate();
    c.name = u"Hold Test Market"_s;
    c.code = u"CHOLD1"_s;
    c.language = u"en"_s;
    c.territory = u"TR-IST"_s;
    c.taxRegion = u"TR"_s;
    c.currency = u"USD"_s;
    c.creditLimit = Money::fromMinor(100, u"USD"_s).value();
    c.updatedAt = QDateTime::currentDateTimeUtc();
    if (!CustomerRepository(*store).upsert(c))
        return false;
    m_holdCustomer = {{u"id"_s, idToString(c.id)}, {u"name"_s, c.name}};
    return true;
}

QVariantMap TestSupport::sampleCustomer() const
{
    auto store = openStore(m_path);
    QSqlQuery q(store->database());
    q.exec(u"SELECT d.customer_id, c.name FROM sales_documents d JOIN customers c ON c.id = "
           u"d.customer_id WHERE c.archived = 0 AND c.credit_limit_minor > 0 GROUP BY "
           u"d.customer_id ORDER BY c.credit_limit_minor DESC, count(*) DESC LIMIT 1"_s);
    if (!q.next())
        return {};
    return {{u"id"_s, q.value(0).toString()}, {u"name"_s, q.value(1).toString()}};
}

QVariantList TestSupport::sampleProducts(int count) const
{
    auto store = openStore(m_path);
    QSqlQuery q(store->database());
    q.prepare(u"SELECT s.sku, p.base_unit FROM stock_levels s JOIN products p ON p.sku = s.sku "
              u"WHERE p.active = 1 GROUP BY s.sku HAVING sum(s.on_hand_milli - "
              u"s.reserved_milli) > 100000 ORDER BY s.sku LIMIT ?"_s);
    q.addBindValue(count);
    q.exec();
    QVariantList out;
    while (q.next())
        out.append(
            QVariantMap {{u"sku"_s, q.value(0).toString()}, {u"unit"_s, q.value(1).toString()}});
    return out;
}

QVariantMap TestSupport::customerTypedLike(const QString &language) const
{
    auto store = openStore(m_path);
    QSqlQuery q(store->database());
    q.prepare(u"SELECT id, name FROM customers WHERE language = ? AND archived = 0 AND "
              u"instr(name, ' ') > 0 ORDER BY seq"_s);
    q.addBindValue(language);
    q.exec();
    while (q.next()) {
        const QString name = q.value(1).toString();
        QString typed = name.split(u' ', Qt::SkipEmptyParts).mid(0, 2).join(u' ');
        if (language == u"fa"_s) {
            // Only a name that really changes on an Arabic keyboard proves the folding.
            if (!typed.contains(u'ی') && !typed.contains(u'ک'))
                continue;
            typed.replace(u'ی', u'ي').replace(u'ک', u'ك');
        } else {
            QString plain;
            for (const QChar ch : typed.normalized(QString::NormalizationForm_D)) {
                if (ch.category() != QChar::Mark_NonSpacing)
                    plain.append(ch);
            }
            typed = plain.toLower();
        }
        return {{u"id"_s, q.value(0).toString()}, {u"name"_s, name}, {u"typed"_s, typed}};
    }
    return {};
}

QVariantMap TestSupport::expectedOrder(const QString &customerId, const QStringList &skus,
                                       const QStringList &units,
                                       const QStringList &quantities) const
{
    auto store = openStore(m_path);
    OrderDraft draft;
    draft.customerId = QUuid::fromString(customerId);
    draft.date = DemoOptions().today;
    for (qsizetype i = 0; i < skus.size(); ++i)
        draft.lines.append({skus.at(i), Quantity::parse(quantities.at(i), units.at(i)).value()});
    auto check = OrderService(*store).check(draft);
    if (!check)
        return {{u"error"_s, check.errorMessage()}};
    bool shortfall = false;
    for (const PromiseCheck &s : check->stock)
        shortfall = shortfall || s.outcome != PromiseCheck::Outcome::Full;
    const Money &total = check->priced.total;
    return {{u"total"_s, app::Formatter::instance()->money(total.minorUnits(), total.currency())},
            {u"totalMinor"_s, double(total.minorUnits())},
            {u"hold"_s, check->credit.isHold()},
            {u"shortfall"_s, shortfall},
            {u"warnings"_s, int(check->warnings().size())}};
}

namespace {
const QString SeededHqStamp = u"000100000000-00000000-hq"_s; // 1978: older than any device stamp
}

QVariantMap TestSupport::seedConflict(const QString &theirs, const QString &mine) const
{
    auto store = openStore(m_path);
    const QUuid customerId = QUuid::fromString(sampleCustomer().value(u"id"_s).toString());
    CustomerRepository customers(*store);
    auto c = customers.get(customerId);
    if (!c)
        return {{u"error"_s, c.errorMessage()}};
    const QString before = c->phone;
    c.value().phone = theirs;
    if (!customers.upsert(*c))
        return {{u"error"_s, u"cannot write the customer"_s}};
    const QString entityId = idToString(customerId);
    if (!FieldVersionRepository(*store).stamp(u"customer"_s, entityId, {u"phone"_s}, SeededHqStamp))
        return {{u"error"_s, u"cannot stamp"_s}};
    ConflictRecord r;
    r.entity = u"customer"_s;
    r.entityId = entityId;
    r.field = u"phone"_s;
    r.base = QCborValue(before);
    r.mine = QCborValue(mine);
    r.theirs = QCborValue(theirs);
    r.mineHlc = u"000000000001-00000000-device"_s;
    r.theirsHlc = SeededHqStamp;
    auto id = ConflictRepository(*store).record(r);
    if (!id)
        return {{u"error"_s, id.errorMessage()}};
    return {{u"id"_s, idToString(*id)},
            {u"customerId"_s, entityId},
            {u"theirs"_s, theirs},
            {u"mine"_s, mine}};
}

QVariantMap TestSupport::conflictState(const QString &conflictId) const
{
    auto store = openStore(m_path);
    auto c = ConflictRepository(*store).get(QUuid::fromString(conflictId));
    if (!c)
        return {{u"error"_s, c.errorMessage()}};
    auto customer = CustomerRepository(*store).get(QUuid::fromString(c->entityId));
    QSqlQuery q(store->database());
    q.prepare(u"SELECT count(*) FROM outbox WHERE entity = 'customer' AND op = 'update' AND "
              u"entity_id = ? AND state = 'pending'"_s);
    q.addBindValue(c->entityId);
    q.exec();
    const int updates = q.next() ? q.value(0).toInt() : -1;
    q.finish();
    auto versions = FieldVersionRepository(*store).versions(u"customer"_s, c->entityId);
    const QString stamp = versions ? versions->value(u"phone"_s) : QString();
    return {{u"resolution"_s, conflictResolutionName(c->resolution)},
            {u"phone"_s, customer ? customer->phone : QString()},
            {u"updates"_s, updates},
            {u"stamped"_s, stamp > SeededHqStamp}};
}

QString TestSupport::writePicture(const QString &name, int width, int height) const
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(u"#00695C"_s));
    QPainter painter(&image);
    painter.fillRect(QRect(0, 0, width / 2, height / 2), QColor(u"#F57C00"_s));
    painter.end();
    const QString path = QFileInfo(m_path).dir().filePath(name);
    return image.save(path) ? path : QString();
}

QVariantMap TestSupport::activityPhotos(const QString &activityId) const
{
    auto store = openStore(m_path);
    if (!store)
        return {{u"error"_s, u"cannot open the store"_s}};
    auto activity = store->scalar(
        u"SELECT photo_path FROM activities WHERE id = '%1'"_s.arg(normalizedId(activityId)));
    QVariantList photos;
    QSqlQuery q(store->database());
    q.prepare(u"SELECT mime, size, data FROM attachments WHERE entity = 'activity' AND "
              u"entity_id = ? ORDER BY created_at"_s);
    q.addBindValue(normalizedId(activityId));
    q.exec();
    while (q.next()) {
        const QByteArray data = q.value(2).toByteArray();
        const QImage image = QImage::fromData(data);
        photos.append(QVariantMap {
            {u"mime"_s, q.value(0).toString()},
            {u"size"_s, q.value(1).toLongLong()},
            {u"width"_s, image.width()},
            {u"height"_s, image.height()},
            {u"sha256"_s,
             QString::fromLatin1(
                 QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())}});
    }
    q.finish();
    QStringList sums;
    q.prepare(u"SELECT payload FROM outbox WHERE entity = 'attachment' AND state = 'pending'"_s);
    q.exec();
    while (q.next()) {
        const QCborMap args = QCborValue::fromCbor(q.value(0).toByteArray()).toMap();
        if (args.value(u"entity_id"_s).toString() == normalizedId(activityId))
            sums.append(
                QString::fromLatin1(QCryptographicHash::hash(args.value(u"data"_s).toByteArray(),
                                                             QCryptographicHash::Sha256)
                                        .toHex()));
    }
    q.finish();
    return {{u"photoPath"_s, activity ? activity->toString() : QString()},
            {u"photos"_s, photos},
            {u"mutations"_s, sums.size()},
            {u"sha256s"_s, sums}};
}

#include "sync/mutationapplier_attachments.h"

#include "domain/attachmentrules.h"
#include "domain/ids.h"
#include "erp/erpcommon.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

AttachmentVerdict refuse(const QString &code, const QString &reason)
{
    return {true, code, reason, {}};
}

QString textOf(const QCborMap &args, const QString &key)
{
    const QCborValue v = args.value(key);
    return v.isString() ? v.toString() : QString();
}

} // namespace

Result<AttachmentVerdict> applyAttachmentCreate(Database &db, const Caller &caller,
                                                const karvan::sync::SyncMutation &m)
{
    const QCborMap &args = m.args;
    const QString id = textOf(args, u"id"_s);
    if (id.size() != 36 || QUuid::fromString(id).isNull())
        return refuse(u"validation"_s, u"args.id is not a UUID"_s);
    if (id != m.entityId)
        return refuse(u"validation"_s, u"args.id differs from entity_id"_s);
    const QString entity = textOf(args, u"entity"_s);
    const QString entityId = textOf(args, u"entity_id"_s);
    const QString kind = textOf(args, u"kind"_s);
    const QString mime = textOf(args, u"mime"_s);
    const QString sha256 = textOf(args, u"sha256"_s).toLower();
    const QString expectedKind = attachmentKindFor(entity);
    if (expectedKind.isEmpty())
        return refuse(
            u"validation"_s,
            u"an attachment belongs to an order, a quote or an activity, not \"%1\""_s.arg(
                entity.left(40)));
    if (entityId.size() != 36 || QUuid::fromString(entityId).isNull())
        return refuse(u"validation"_s, u"args.entity_id is not a UUID"_s);
    if (kind != expectedKind)
        return refuse(u"validation"_s,
                      u"a %1 takes a %2, not \"%3\""_s.arg(entity, expectedKind, kind.left(40)));
    if (mime != u"image/png"_s && mime != u"image/jpeg"_s)
        return refuse(u"validation"_s,
                      u"an attachment is a PNG or JPEG image, not \"%1\""_s.arg(mime.left(80)));
    const QCborValue dataValue = args.value(u"data"_s);
    if (!dataValue.isByteArray())
        return refuse(u"validation"_s, u"args.data must be a byte string"_s);
    const QByteArray data = dataValue.toByteArray();
    if (data.isEmpty() || data.size() > MaxAttachmentBytes)
        return refuse(u"validation"_s,
                      u"the attachment has %1 bytes, 1 to %2 are allowed"_s.arg(data.size())
                          .arg(MaxAttachmentBytes));
    if (!attachmentBytesMatch(mime, data))
        return refuse(u"validation"_s, u"the data is not a %1 image"_s.arg(mime));
    const QString actual
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    if (sha256 != actual)
        return refuse(u"validation"_s,
                      u"the data does not match its sha256 (damaged on the way?)"_s);

    // The document or activity, at HQ, and whose it is.
    QString sql;
    if (entity == u"order"_s)
        sql = u"SELECT d.doc_number, d.customer_id, c.territory FROM sales_orders d "
              "JOIN customers c ON c.id = d.customer_id WHERE d.id = ?"_s;
    else if (entity == u"quote"_s)
        sql = u"SELECT d.doc_number, d.customer_id, c.territory FROM sales_quotes d "
              "JOIN customers c ON c.id = d.customer_id WHERE d.id = ?"_s;
    else
        sql = u"SELECT d.id, d.customer_id, c.territory FROM activities d "
              "JOIN customers c ON c.id = d.customer_id WHERE d.id = ?"_s;
    auto owner = erp::queryRow(db, sql, {entityId});
    if (!owner)
        return owner.error();
    if (owner->isEmpty())
        return refuse(u"not_found"_s,
                      u"%1 %2 is unknown at HQ (never synced, or its creation was rejected)"_s.arg(
                          entity, entityId));
    const QString hqRef = owner->at(0).toString();
    const QString customerId = owner->at(1).toString();
    const QString territory = owner->at(2).toString();
    const Role role = caller.user.role;
    if ((role == Role::Rep || role == Role::Kiosk) && !caller.user.territories.contains(territory))
        return AttachmentVerdict {
            true, u"out_of_scope"_s,
            u"this %1 is outside your territories (%2)"_s.arg(entity, territory), territory};

    // Once: the same attachment again (another delivery under a new mutation) is taken as is.
    auto existing = erp::queryRow(db,
                                  u"SELECT sha256, entity, entity_id FROM attachments "
                                  "WHERE id = ?"_s,
                                  {id});
    if (!existing)
        return existing.error();
    if (!existing->isEmpty()) {
        if (existing->at(0).toString() == actual && existing->at(1).toString() == entity
            && existing->at(2).toString() == entityId)
            return AttachmentVerdict {};
        return refuse(u"validation"_s,
                      u"attachment %1 is already stored with other content"_s.arg(id));
    }

    const QString now = erp::nowUtc();
    if (auto w
        = erp::execSql(db,
                       u"INSERT INTO attachments (id, entity, entity_id, hq_ref, "
                       "customer_id, kind, mime, bytes, size, sha256, device_id, author, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {id, entity, entityId, hqRef, customerId, kind, mime, data,
                        qint64(data.size()), actual, caller.device.id, caller.user.login, now});
        !w)
        return w.error();
    const erp::Actor actor {caller.user.login, caller.user.role, caller.user.territories};
    if (auto a = erp::audit(db, actor, u"attachment.create"_s, u"attachment"_s, id, {},
                            {{u"entity"_s, entity},
                             {u"entity_id"_s, entityId},
                             {u"hq_ref"_s, hqRef},
                             {u"kind"_s, kind},
                             {u"mime"_s, mime},
                             {u"size"_s, double(data.size())},
                             {u"sha256"_s, actual},
                             {u"device_id"_s, caller.device.id}});
        !a)
        return a.error();
    return AttachmentVerdict {};
}

} // namespace karvan::hq::sync

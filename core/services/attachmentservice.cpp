#include "services/attachmentservice.h"

#include "domain/attachmentrules.h"
#include "domain/ids.h"
#include "store/localstore.h"
#include "store/sqlvalue.h"

#include <QCborMap>
#include <QCborValue>
#include <QCryptographicHash>
#include <QDateTime>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

// The kind each entity takes.
Result<void> checkEntityExists(LocalStore &store, const QString &entity, const QUuid &entityId)
{
    const QString sql = entity == u"activity"_s
        ? u"SELECT count(*) FROM activities WHERE id = ?"_s
        : u"SELECT count(*) FROM sales_documents WHERE id = ? AND kind = ?"_s;
    auto q = store.prepared(sql);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(entityId));
    if (entity != u"activity"_s)
        query.bindValue(1, entity);
    if (auto r = run(query, u"cannot look up the attachment's %1"_s.arg(entity)); !r)
        return r;
    const bool found = query.next() && query.value(0).toLongLong() > 0;
    query.finish();
    if (!found)
        return makeError(ErrorCode::NotFound,
                         u"no %1 %2 on this device"_s.arg(entity, idToString(entityId)));
    return {};
}

} // namespace

Result<AttachmentInfo> AttachmentService::add(const NewAttachment &attachment)
{
    const QString expectedKind = attachmentKindFor(attachment.entity);
    if (expectedKind.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            u"an attachment belongs to an order, a quote or an activity, not \"%1\""_s.arg(
                attachment.entity));
    if (attachment.entityId.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         u"the attachment's %1 has no id"_s.arg(attachment.entity));
    if (attachment.kind != expectedKind)
        return makeError(
            ErrorCode::InvalidArgument,
            u"a %1 takes a %2, not \"%3\""_s.arg(attachment.entity, expectedKind, attachment.kind));
    if (attachment.mime != u"image/png"_s && attachment.mime != u"image/jpeg"_s)
        return makeError(
            ErrorCode::InvalidArgument,
            u"an attachment is a PNG or JPEG image, not \"%1\""_s.arg(attachment.mime));
    if (attachment.data.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the attachment is empty"_s);
    if (attachment.data.size() > MaxBytes)
        return makeError(
            ErrorCode::InvalidArgument,
            u"the attachment has %1 bytes, at most %2 are allowed"_s.arg(attachment.data.size())
                .arg(MaxBytes));
    if (!attachmentBytesMatch(attachment.mime, attachment.data))
        return makeError(ErrorCode::InvalidArgument,
                         u"the data is not a %1 image"_s.arg(attachment.mime));

    AttachmentInfo info;
    info.entity = attachment.entity;
    info.entityId = attachment.entityId;
    info.kind = attachment.kind;
    info.mime = attachment.mime;
    info.size = attachment.data.size();
    const QString sha256 = QString::fromLatin1(
        QCryptographicHash::hash(attachment.data, QCryptographicHash::Sha256).toHex());

    auto result = m_store.transaction([&]() -> Result<void> {
        if (auto r = checkEntityExists(m_store, attachment.entity, attachment.entityId); !r)
            return r;
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        info.id = Uuid7::generate();
        info.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString id = idToString(info.id);
        auto q = m_store.prepared(uR"(INSERT INTO attachments (id, entity, entity_id, kind, mime,
                data, size, created_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"_s);
        if (!q)
            return q.error();
        QSqlQuery &query = **q;
        query.bindValue(0, id);
        query.bindValue(1, info.entity);
        query.bindValue(2, idToString(info.entityId));
        query.bindValue(3, info.kind);
        query.bindValue(4, info.mime);
        query.bindValue(5, attachment.data);
        query.bindValue(6, info.size);
        query.bindValue(7, info.createdAt);
        query.bindValue(8, text(m_author));
        if (auto r = run(query, u"cannot save attachment "_s + id); !r)
            return r;
        const QCborMap args {{u"id"_s, id},
                             {u"hlc"_s, *hlc},
                             {u"entity"_s, info.entity},
                             {u"entity_id"_s, idToString(info.entityId)},
                             {u"kind"_s, info.kind},
                             {u"mime"_s, info.mime},
                             {u"data"_s, QCborValue(attachment.data)},
                             {u"sha256"_s, sha256},
                             {u"created_at"_s, info.createdAt},
                             {u"author"_s, m_author}};
        auto seq = appendMutation(m_store, u"attachment"_s, id, u"create"_s, args);
        if (!seq)
            return seq.error();
        return {};
    });
    if (!result)
        return result.error();
    return info;
}

Result<QList<AttachmentInfo>> AttachmentService::list(const QString &entity, const QUuid &entityId)
{
    auto q = m_store.prepared(uR"(SELECT id, entity, entity_id, kind, mime, size, created_at
        FROM attachments WHERE entity = ? AND entity_id = ? ORDER BY created_at, id)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, entity);
    query.bindValue(1, idToString(entityId));
    if (auto r = run(query, u"cannot read attachments"_s); !r)
        return r.error();
    QList<AttachmentInfo> result;
    while (query.next()) {
        AttachmentInfo info;
        info.id = toId(query.value(0));
        info.entity = query.value(1).toString();
        info.entityId = toId(query.value(2));
        info.kind = query.value(3).toString();
        info.mime = query.value(4).toString();
        info.size = query.value(5).toLongLong();
        info.createdAt = query.value(6).toString();
        result.append(info);
    }
    query.finish();
    return result;
}

Result<QByteArray> AttachmentService::data(const QUuid &id)
{
    auto q = m_store.prepared(u"SELECT data FROM attachments WHERE id = ?"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.bindValue(0, idToString(id));
    if (auto r = run(query, u"cannot read attachment "_s + idToString(id)); !r)
        return r.error();
    if (!query.next()) {
        query.finish();
        return makeError(ErrorCode::NotFound, u"no attachment %1"_s.arg(idToString(id)));
    }
    QByteArray bytes = query.value(0).toByteArray();
    query.finish();
    return bytes;
}

} // namespace karvan

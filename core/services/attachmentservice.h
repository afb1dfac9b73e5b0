#pragma once

#include "domain/result.h"
#include "services/hlcsource.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

// A customer's signature on an order or quote, or a photo of a visit, as the rep took it.
struct NewAttachment
{
    QString entity; // "order" | "quote" | "activity"
    QUuid entityId; // the document's or activity's id on this device
    QString kind; // "signature" | "photo"
    QString mime; // "image/png" | "image/jpeg" (checked against the data's magic bytes)
    QByteArray data; // at most MaxBytes
};

struct AttachmentInfo
{
    QUuid id;
    QString entity;
    QUuid entityId;
    QString kind;
    QString mime;
    qint64 size = 0;
    QString createdAt; // ISO UTC
};

// Signatures and photos: append-only. add() stores the bytes in the device's attachments table
// and ONE outbox mutation (entity "attachment", op "create", docs/sync-protocol.md "Device
// mutation args") in one durable LocalStore transaction; bad input (unknown entity, a kind the
// entity does not take, a mime the bytes do not match, empty or over MaxBytes) writes nothing.
// The attachment reaches HQ in a later push than its document's create whenever the push is
// split, because outbox order is kept.
class AttachmentService
{
public:
    static constexpr qint64 MaxBytes = 2 * 1024 * 1024;

    AttachmentService(LocalStore &store, HlcSource clock, QString author)
        : m_store(store)
        , m_clock(std::move(clock))
        , m_author(std::move(author))
    { }

    Result<AttachmentInfo> add(const NewAttachment &attachment);
    // The attachments of one entity, oldest first (no bytes).
    Result<QList<AttachmentInfo>> list(const QString &entity, const QUuid &entityId);
    // The bytes of one attachment; not_found for an unknown id.
    Result<QByteArray> data(const QUuid &id);

private:
    LocalStore &m_store;
    HlcSource m_clock;
    QString m_author;
};

} // namespace karvan

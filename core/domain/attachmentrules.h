#pragma once

#include <QByteArray>
#include <QString>

namespace karvan {

// What an attachment may be, the same on the device (AttachmentService) and at HQ (the
// mutation applier): an order or quote takes a signature, an activity a photo; the bytes must
// begin with their mime type's signature.
inline QString attachmentKindFor(const QString &entity)
{
    if (entity == QLatin1String("order") || entity == QLatin1String("quote"))
        return QStringLiteral("signature");
    if (entity == QLatin1String("activity"))
        return QStringLiteral("photo");
    return {};
}

inline bool attachmentBytesMatch(const QString &mime, const QByteArray &data)
{
    if (mime == QLatin1String("image/png"))
        return data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n"));
    if (mime == QLatin1String("image/jpeg"))
        return data.startsWith(QByteArrayLiteral("\xff\xd8\xff"));
    return false;
}

} // namespace karvan

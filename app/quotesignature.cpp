#include "quotesignature.h"

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>
#include <QVariantMap>

#include <algorithm>
#include <cmath>

namespace karvan::app {

using namespace Qt::StringLiterals;

bool SignatureStrokes::hasInk() const
{
    for (const QList<QPointF> &stroke : strokes)
        if (!stroke.isEmpty())
            return true;
    return false;
}

SignatureStrokes SignatureStrokes::fromVariant(const QVariantList &strokes, double width,
                                               double height)
{
    SignatureStrokes s;
    s.padSize = QSizeF(width, height);
    for (const QVariant &strokeValue : strokes) {
        QList<QPointF> points;
        const QVariantList list = strokeValue.toList();
        for (const QVariant &pointValue : list) {
            bool okX = false;
            bool okY = false;
            QPointF p;
            if (pointValue.typeId() == QMetaType::QPointF) {
                p = pointValue.toPointF();
                okX = okY = true;
            } else {
                const QVariantMap m = pointValue.toMap();
                p = QPointF(m.value(u"x"_s).toDouble(&okX), m.value(u"y"_s).toDouble(&okY));
            }
            if (okX && okY && std::isfinite(p.x()) && std::isfinite(p.y()))
                points.append(p);
        }
        if (!points.isEmpty())
            s.strokes.append(points);
    }
    return s;
}

Result<QImage> SignatureImage::render(const SignatureStrokes &signature)
{
    const QSizeF pad = signature.padSize;
    if (!(pad.width() >= 1 && pad.height() >= 1) || pad.width() > MaxPadSide
        || pad.height() > MaxPadSide)
        return makeError(
            ErrorCode::InvalidArgument,
            u"the signature pad has no usable size (%1 x %2)"_s.arg(pad.width()).arg(pad.height()));
    if (!signature.hasInk())
        return makeError(ErrorCode::InvalidArgument, u"the signature is empty"_s);

    const qreal scale = std::min<qreal>(1.0, MaxWidth / pad.width());
    const QSize size(std::max(1, int(std::lround(pad.width() * scale))),
                     std::max(1, int(std::lround(pad.height() * scale))));
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    // About 3 px on the pad, never thinner than 2 px in the image.
    QPen pen(Qt::black, std::max<qreal>(3.0, 2.0 / scale), Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    for (const QList<QPointF> &stroke : signature.strokes) {
        if (stroke.size() == 1) {
            painter.drawPoint(stroke.first());
            continue;
        }
        QPainterPath path(stroke.first());
        for (qsizetype i = 1; i < stroke.size(); ++i)
            path.lineTo(stroke.at(i));
        painter.drawPath(path);
    }
    painter.end();
    return image;
}

Result<QByteArray> SignatureImage::png(const SignatureStrokes &signature)
{
    auto image = render(signature);
    if (!image)
        return image.error();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image->save(&buffer, "PNG"))
        return makeError(ErrorCode::Storage, u"cannot encode the signature as PNG"_s);
    return bytes;
}

} // namespace karvan::app

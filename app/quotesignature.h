#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QVariantList>

namespace karvan::app {

// A customer's signature as the rep's finger drew it on the pad: strokes of points in the
// pad's coordinates (origin top left, the pad `padSize` wide and high).
struct SignatureStrokes
{
    QList<QList<QPointF>> strokes;
    QSizeF padSize;

    // Whether any stroke has a point (a tap is a dot, and counts).
    bool hasInk() const;
    // From QML: [[{x, y}, ...], ...]; points that are not numbers are dropped.
    static SignatureStrokes fromVariant(const QVariantList &strokes, double width, double height);
};

// The signature painted black on white, as wide as the pad but at most MaxWidth pixels (then
// scaled down, keeping the aspect ratio). A pad without a positive size, a pad larger than
// MaxPadSide, or no ink is an error.
class SignatureImage
{
public:
    static constexpr int MaxWidth = 800;
    static constexpr qreal MaxPadSide = 10000;

    static Result<QImage> render(const SignatureStrokes &signature);
    // render() encoded as PNG.
    static Result<QByteArray> png(const SignatureStrokes &signature);
};

} // namespace karvan::app

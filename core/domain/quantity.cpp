#include "domain/quantity.h"

#include <limits>

namespace karvan {

namespace {

Result<void> checkUnit(const QString &unit)
{
    if (unit.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("quantity without a unit"));
    return {};
}

} // namespace

Result<Quantity> Quantity::fromMilli(qint64 milli, const QString &unit)
{
    if (auto u = checkUnit(unit); !u)
        return u.error();
    return Quantity(milli, unit);
}

Result<Quantity> Quantity::ofUnits(qint64 units, const QString &unit)
{
    if (auto u = checkUnit(unit); !u)
        return u.error();
    qint64 milli = 0;
    if (__builtin_mul_overflow(units, Scale, &milli))
        return makeError(ErrorCode::Overflow,
                         QStringLiteral("quantity %1 %2 is out of range").arg(units).arg(unit));
    return Quantity(milli, unit);
}

Result<Quantity> Quantity::parse(const QString &decimal, const QString &unit)
{
    if (auto u = checkUnit(unit); !u)
        return u.error();
    const QString text = decimal.trimmed();
    auto invalid = [&] {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is not a quantity (expected e.g. 2 or 2.5)").arg(decimal));
    };
    if (text.isEmpty())
        return invalid();
    qsizetype pos = 0;
    bool negative = false;
    if (text[0] == u'-' || text[0] == u'+') {
        negative = text[0] == u'-';
        pos = 1;
    }
    __int128 value = 0;
    int fraction = -1;
    int integerDigits = 0;
    for (; pos < text.size(); ++pos) {
        const QChar c = text[pos];
        if (c == u'.') {
            if (fraction >= 0)
                return invalid();
            fraction = 0;
            continue;
        }
        if (c < u'0' || c > u'9')
            return invalid();
        value = value * 10 + (c.unicode() - u'0');
        fraction >= 0 ? ++fraction : ++integerDigits;
        if (value > static_cast<__int128>(std::numeric_limits<qint64>::max()))
            return makeError(ErrorCode::Overflow,
                             QStringLiteral("quantity \"%1\" is out of range").arg(decimal));
    }
    if (integerDigits == 0 && fraction <= 0)
        return invalid();
    const int frac = fraction < 0 ? 0 : fraction;
    if (frac > 3)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("quantity \"%1\" has more than 3 decimal places").arg(decimal));
    for (int i = frac; i < 3; ++i)
        value *= 10;
    if (value > static_cast<__int128>(std::numeric_limits<qint64>::max()))
        return makeError(ErrorCode::Overflow,
                         QStringLiteral("quantity \"%1\" is out of range").arg(decimal));
    return Quantity(static_cast<qint64>(negative ? -value : value), unit);
}

Result<Quantity> Quantity::plus(const Quantity &other) const
{
    if (m_unit != other.m_unit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot add %1 to %2")
                             .arg(other.toDecimalString() + u' ' + other.m_unit,
                                  toDecimalString() + u' ' + m_unit));
    qint64 out = 0;
    if (__builtin_add_overflow(m_milli, other.m_milli, &out))
        return makeError(ErrorCode::Overflow, QStringLiteral("quantity out of range"));
    return Quantity(out, m_unit);
}

Result<Quantity> Quantity::minus(const Quantity &other) const
{
    if (m_unit != other.m_unit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot subtract %1 from %2")
                             .arg(other.toDecimalString() + u' ' + other.m_unit,
                                  toDecimalString() + u' ' + m_unit));
    qint64 out = 0;
    if (__builtin_sub_overflow(m_milli, other.m_milli, &out))
        return makeError(ErrorCode::Overflow, QStringLiteral("quantity out of range"));
    return Quantity(out, m_unit);
}

QString Quantity::toDecimalString() const
{
    const bool negative = m_milli < 0;
    const unsigned __int128 abs = negative ? -static_cast<__int128>(m_milli) : m_milli;
    QString out = negative ? QStringLiteral("-") : QString();
    out += QString::number(static_cast<quint64>(abs / Scale));
    auto frac = static_cast<quint64>(abs % Scale);
    if (frac != 0) {
        QString f = QStringLiteral("%1").arg(frac, 3, 10, QChar(u'0'));
        while (f.endsWith(u'0'))
            f.chop(1);
        out += u'.' + f;
    }
    return out;
}

Result<Quantity> convertToBase(const Quantity &q, const QString &baseUnit,
                               const QList<UnitConversion> &conversions)
{
    if (!q.isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("quantity without a unit"));
    if (q.unit() == baseUnit)
        return q;
    for (const UnitConversion &c : conversions) {
        if (c.unit != q.unit())
            continue;
        if (c.baseMilliPerUnit <= 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unit %1 has a non-positive conversion").arg(c.unit));
        const __int128 milli
            = static_cast<__int128>(q.milli()) * c.baseMilliPerUnit / Quantity::Scale;
        if (static_cast<__int128>(q.milli()) * c.baseMilliPerUnit % Quantity::Scale != 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 %2 is not a whole number of thousandths of %3")
                                 .arg(q.toDecimalString(), q.unit(), baseUnit));
        if (milli > std::numeric_limits<qint64>::max()
            || milli < std::numeric_limits<qint64>::min())
            return makeError(ErrorCode::Overflow, QStringLiteral("quantity out of range"));
        return Quantity::fromMilli(static_cast<qint64>(milli), baseUnit);
    }
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("unknown unit \"%1\" (this product is sold in %2)").arg(q.unit(), baseUnit));
}

} // namespace karvan

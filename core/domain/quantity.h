#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>

namespace karvan {

// A quantity in a unit of measure, held exactly as thousandths of the unit (3 decimals is
// enough for weights in kg and lengths in m; piece counts use whole thousands).
class Quantity
{
public:
    static constexpr qint64 Scale = 1000;

    Quantity() = default;
    static Result<Quantity> fromMilli(qint64 milli, const QString &unit);
    static Result<Quantity> ofUnits(qint64 units, const QString &unit);
    // "2", "2.5", "0.125"; more than 3 fraction digits or garbage is an error.
    static Result<Quantity> parse(const QString &decimal, const QString &unit);

    bool isValid() const { return !m_unit.isEmpty(); }
    qint64 milli() const { return m_milli; }
    const QString &unit() const { return m_unit; }
    bool isPositive() const { return m_milli > 0; }

    Result<Quantity> plus(const Quantity &other) const;
    Result<Quantity> minus(const Quantity &other) const;

    QString toDecimalString() const; // "2.5", "12"
    bool operator==(const Quantity &other) const = default;

private:
    Quantity(qint64 milli, QString unit)
        : m_milli(milli)
        , m_unit(std::move(unit))
    { }
    qint64 m_milli = 0;
    QString m_unit;
};

// How many base units one of `unit` holds, e.g. a box of 12 pieces: {"box", 12000}.
struct UnitConversion
{
    QString unit;
    qint64 baseMilliPerUnit = Quantity::Scale;
};

// Converts q into baseUnit using the product's conversions; an error for an unknown unit.
Result<Quantity> convertToBase(const Quantity &q, const QString &baseUnit,
                               const QList<UnitConversion> &conversions);

} // namespace karvan

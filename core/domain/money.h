#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>

namespace karvan {

// How a fraction of a minor unit is resolved. Every operation that can produce one takes a
// Rounding explicitly; nothing rounds behind the caller's back.
enum class Rounding {
    HalfUp, // ties away from zero (commercial rounding): 0.5 -> 1, -0.5 -> -1
    HalfEven, // ties to even (banker's rounding): 0.5 -> 0, 1.5 -> 2
    TowardZero,
    AwayFromZero,
};

// ISO 4217 facts Karvan needs: a currency's code and its number of minor digits (0, 2 or 3).
class Currency
{
public:
    // Minor digits of a known ISO 4217 code (e.g. JPY 0, USD 2, KWD 3), or an error.
    static Result<int> minorDigits(const QString &code);
    static bool isKnown(const QString &code) { return minorDigits(code).ok(); }
    static QStringList knownCodes();
};

// Divides num by den (den != 0) to an integer with the given rounding; an error if the result
// does not fit in 64 bits. The one place rounding is implemented.
Result<qint64> divideRounded(__int128 num, __int128 den, Rounding rounding);

// An amount of money: integer minor units plus an ISO 4217 currency code. Never a double.
class Money
{
public:
    Money() = default; // an invalid value: no currency
    static Result<Money> fromMinor(qint64 minorUnits, const QString &currency);
    static Result<Money> zero(const QString &currency) { return fromMinor(0, currency); }
    // Parses a plain decimal ("1234.5", "-0.125"); more fraction digits than the currency has
    // is an error, never a silent rounding.
    static Result<Money> parse(const QString &decimal, const QString &currency);

    bool isValid() const { return !m_currency.isEmpty(); }
    qint64 minorUnits() const { return m_minor; }
    const QString &currency() const { return m_currency; }
    int minorDigits() const { return m_digits; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    Result<Money> plus(const Money &other) const;
    Result<Money> minus(const Money &other) const;
    Result<Money> negated() const;
    Result<Money> times(qint64 factor) const;
    // this * numerator / denominator, rounded once at the end (no intermediate rounding).
    Result<Money> multipliedBy(qint64 numerator, qint64 denominator, Rounding rounding) const;

    // Splits this amount in proportion to weights (all >= 0, at least one > 0). The parts sum
    // exactly to this amount: leftover minor units go to the largest remainders, ties to the
    // earliest part.
    Result<QList<Money>> allocate(const QList<qint64> &weights) const;
    // Splits into n near-equal parts that sum exactly to this amount.
    Result<QList<Money>> split(int parts) const;

    // Sums amounts of one currency; an error on mixed currencies or overflow.
    static Result<Money> sum(const QList<Money> &amounts, const QString &currency);

    // "1234.50" for USD, "1234" for JPY, "-0.125" for KWD: the canonical decimal form.
    QString toDecimalString() const;
    // "1234.50 USD"
    QString toString() const;

    // Comparisons are only meaningful within one currency; a mismatch compares unequal and
    // is caught by compare().
    bool operator==(const Money &other) const = default;
    Result<int> compare(const Money &other) const;

private:
    Money(qint64 minor, QString currency, int digits)
        : m_minor(minor)
        , m_currency(std::move(currency))
        , m_digits(digits)
    { }

    Result<void> checkSameCurrency(const Money &other) const;

    qint64 m_minor = 0;
    QString m_currency;
    int m_digits = 0;
};

} // namespace karvan

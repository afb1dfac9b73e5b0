#include "domain/money.h"

#include <QHash>

#include <limits>

namespace karvan {

namespace {

// ISO 4217 minor units (source: the ISO 4217 amendment list, Table A.1, as published by
// SIX, the maintenance agency). Covers Karvan's markets and the major trading currencies.
const QHash<QString, int> &minorDigitsTable()
{
    static const QHash<QString, int> table = {
        // 0 minor digits
        {QStringLiteral("JPY"), 0},
        {QStringLiteral("KRW"), 0},
        {QStringLiteral("VND"), 0},
        {QStringLiteral("CLP"), 0},
        {QStringLiteral("ISK"), 0},
        {QStringLiteral("UGX"), 0},
        {QStringLiteral("XAF"), 0},
        {QStringLiteral("XOF"), 0},
        {QStringLiteral("PYG"), 0},
        // 3 minor digits
        {QStringLiteral("KWD"), 3},
        {QStringLiteral("BHD"), 3},
        {QStringLiteral("OMR"), 3},
        {QStringLiteral("JOD"), 3},
        {QStringLiteral("IQD"), 3},
        {QStringLiteral("LYD"), 3},
        {QStringLiteral("TND"), 3},
        // 2 minor digits
        {QStringLiteral("USD"), 2},
        {QStringLiteral("EUR"), 2},
        {QStringLiteral("GBP"), 2},
        {QStringLiteral("CHF"), 2},
        {QStringLiteral("CAD"), 2},
        {QStringLiteral("AUD"), 2},
        {QStringLiteral("CNY"), 2},
        {QStringLiteral("INR"), 2},
        {QStringLiteral("TRY"), 2},
        {QStringLiteral("ILS"), 2},
        {QStringLiteral("AED"), 2},
        {QStringLiteral("SAR"), 2},
        {QStringLiteral("QAR"), 2},
        {QStringLiteral("EGP"), 2},
        {QStringLiteral("IRR"), 2},
        {QStringLiteral("AFN"), 2},
        {QStringLiteral("PKR"), 2},
        {QStringLiteral("AZN"), 2},
        {QStringLiteral("RUB"), 2},
        {QStringLiteral("SEK"), 2},
        {QStringLiteral("NOK"), 2},
        {QStringLiteral("DKK"), 2},
        {QStringLiteral("PLN"), 2},
        {QStringLiteral("MXN"), 2},
        {QStringLiteral("BRL"), 2},
        {QStringLiteral("ZAR"), 2},
        {QStringLiteral("SGD"), 2},
        {QStringLiteral("HKD"), 2},
        {QStringLiteral("MYR"), 2},
        {QStringLiteral("THB"), 2},
        {QStringLiteral("IDR"), 2},
        {QStringLiteral("PHP"), 2},
        {QStringLiteral("MAD"), 2},
        {QStringLiteral("DZD"), 2},
        {QStringLiteral("LBP"), 2},
        {QStringLiteral("SYP"), 2},
        {QStringLiteral("GEL"), 2},
        {QStringLiteral("AMD"), 2},
        {QStringLiteral("KZT"), 2},
        {QStringLiteral("UZS"), 2},
        {QStringLiteral("NZD"), 2},
    };
    return table;
}

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

Error overflow(const QString &what)
{
    return makeError(
        ErrorCode::Overflow,
        QStringLiteral("amount out of range: %1 does not fit in 64-bit minor units").arg(what));
}

qint64 pow10(int digits)
{
    qint64 r = 1;
    for (int i = 0; i < digits; ++i)
        r *= 10;
    return r;
}

} // namespace

Result<int> Currency::minorDigits(const QString &code)
{
    const auto it = minorDigitsTable().constFind(code);
    if (it == minorDigitsTable().cend())
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("unknown currency code \"%1\" (expected ISO 4217, e.g. USD)").arg(code));
    return it.value();
}

QStringList Currency::knownCodes()
{
    QStringList codes = minorDigitsTable().keys();
    codes.sort();
    return codes;
}

Result<qint64> divideRounded(__int128 num, __int128 den, Rounding rounding)
{
    if (den == 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("division by zero"));
    if (den < 0) {
        num = -num;
        den = -den;
    }
    __int128 q = num / den; // truncates toward zero
    const __int128 r = num % den; // same sign as num
    if (r != 0) {
        const bool negative = num < 0;
        const __int128 twice = (r < 0 ? -r : r) * 2;
        bool awayFromZero = false;
        switch (rounding) {
        case Rounding::TowardZero:
            break;
        case Rounding::AwayFromZero:
            awayFromZero = true;
            break;
        case Rounding::HalfUp:
            awayFromZero = twice >= den;
            break;
        case Rounding::HalfEven:
            awayFromZero = twice > den || (twice == den && (q % 2 != 0));
            break;
        }
        if (awayFromZero)
            q += negative ? -1 : 1;
    }
    if (q > kMax || q < kMin)
        return overflow(QStringLiteral("quotient"));
    return static_cast<qint64>(q);
}

Result<Money> Money::fromMinor(qint64 minorUnits, const QString &currency)
{
    const auto digits = Currency::minorDigits(currency);
    if (!digits)
        return digits.error();
    return Money(minorUnits, currency, digits.value());
}

Result<Money> Money::parse(const QString &decimal, const QString &currency)
{
    const auto digits = Currency::minorDigits(currency);
    if (!digits)
        return digits.error();
    const QString text = decimal.trimmed();
    auto invalid = [&] {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not an amount of %2 (expected e.g. %3)")
                             .arg(decimal, currency,
                                  digits.value() == 0
                                      ? QStringLiteral("1234")
                                      : QStringLiteral("1234.") + QString(digits.value(), u'5')));
    };
    if (text.isEmpty())
        return invalid();
    int pos = 0;
    bool negative = false;
    if (text[0] == u'-' || text[0] == u'+') {
        negative = text[0] == u'-';
        pos = 1;
    }
    __int128 value = 0;
    int fractionDigits = -1; // -1: no decimal point seen
    int integerDigits = 0;
    for (; pos < text.size(); ++pos) {
        const QChar c = text[pos];
        if (c == u'.') {
            if (fractionDigits >= 0)
                return invalid();
            fractionDigits = 0;
            continue;
        }
        if (c < u'0' || c > u'9')
            return invalid();
        value = value * 10 + (c.unicode() - u'0');
        if (fractionDigits >= 0)
            ++fractionDigits;
        else
            ++integerDigits;
        if (value > static_cast<__int128>(kMax) * 10)
            return overflow(decimal);
    }
    if (integerDigits == 0 && fractionDigits <= 0)
        return invalid();
    const int frac = fractionDigits < 0 ? 0 : fractionDigits;
    if (frac > digits.value())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" has %2 decimal places but %3 has %4")
                             .arg(decimal)
                             .arg(frac)
                             .arg(currency)
                             .arg(digits.value()));
    for (int i = frac; i < digits.value(); ++i)
        value *= 10;
    if (negative)
        value = -value;
    if (value > kMax || value < kMin)
        return overflow(decimal);
    return Money(static_cast<qint64>(value), currency, digits.value());
}

Result<void> Money::checkSameCurrency(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("amount without a currency"));
    if (m_currency != other.m_currency)
        return makeError(
            ErrorCode::CurrencyMismatch,
            QStringLiteral("cannot combine %1 with %2").arg(toString(), other.toString()));
    return {};
}

Result<Money> Money::plus(const Money &other) const
{
    if (auto check = checkSameCurrency(other); !check)
        return check.error();
    qint64 out = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &out))
        return overflow(toString() + QStringLiteral(" + ") + other.toString());
    return Money(out, m_currency, m_digits);
}

Result<Money> Money::minus(const Money &other) const
{
    if (auto check = checkSameCurrency(other); !check)
        return check.error();
    qint64 out = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &out))
        return overflow(toString() + QStringLiteral(" - ") + other.toString());
    return Money(out, m_currency, m_digits);
}

Result<Money> Money::negated() const
{
    if (!isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("amount without a currency"));
    if (m_minor == kMin)
        return overflow(toString());
    return Money(-m_minor, m_currency, m_digits);
}

Result<Money> Money::times(qint64 factor) const
{
    if (!isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("amount without a currency"));
    qint64 out = 0;
    if (__builtin_mul_overflow(m_minor, factor, &out))
        return overflow(toString() + QStringLiteral(" x %1").arg(factor));
    return Money(out, m_currency, m_digits);
}

Result<Money> Money::multipliedBy(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    if (!isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("amount without a currency"));
    const auto q = divideRounded(static_cast<__int128>(m_minor) * numerator, denominator, rounding);
    if (!q)
        return q.error().code == ErrorCode::Overflow
            ? overflow(toString() + QStringLiteral(" x %1/%2").arg(numerator).arg(denominator))
            : q.error();
    return Money(q.value(), m_currency, m_digits);
}

Result<QList<Money>> Money::allocate(const QList<qint64> &weights) const
{
    if (!isValid())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("amount without a currency"));
    if (weights.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("nothing to allocate to"));
    __int128 total = 0;
    for (qint64 w : weights) {
        if (w < 0)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("allocation weight %1 is negative").arg(w));
        total += w;
    }
    if (total == 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("allocation weights are all zero"));

    // Largest remainder method on the absolute amount, so negative amounts split symmetrically.
    const bool negative = m_minor < 0;
    const __int128 amount = negative ? -static_cast<__int128>(m_minor) : m_minor;
    QList<qint64> parts(weights.size());
    QList<__int128> remainders(weights.size());
    __int128 given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const __int128 share = amount * weights[i];
        parts[i] = static_cast<qint64>(share / total);
        remainders[i] = share % total;
        given += parts[i];
    }
    QList<qsizetype> order(weights.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    for (qsizetype k = 0; given < amount; ++k, ++given)
        ++parts[order[k % order.size()]];

    QList<Money> out;
    out.reserve(parts.size());
    for (qint64 p : parts)
        out.append(Money(negative ? -p : p, m_currency, m_digits));
    return out;
}

Result<QList<Money>> Money::split(int parts) const
{
    if (parts <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cannot split into %1 parts").arg(parts));
    return allocate(QList<qint64>(parts, 1));
}

Result<Money> Money::sum(const QList<Money> &amounts, const QString &currency)
{
    auto total = zero(currency);
    if (!total)
        return total;
    Money acc = total.value();
    for (const Money &m : amounts) {
        auto next = acc.plus(m);
        if (!next)
            return next;
        acc = next.value();
    }
    return acc;
}

QString Money::toDecimalString() const
{
    const bool negative = m_minor < 0;
    // Work in unsigned 128-bit space so INT64_MIN formats correctly.
    const unsigned __int128 abs = negative ? -static_cast<__int128>(m_minor) : m_minor;
    const qint64 scale = pow10(m_digits);
    const auto whole = static_cast<quint64>(abs / scale);
    const auto frac = static_cast<quint64>(abs % scale);
    QString out = negative ? QStringLiteral("-") : QString();
    out += QString::number(whole);
    if (m_digits > 0)
        out += u'.' + QStringLiteral("%1").arg(frac, m_digits, 10, QChar(u'0'));
    return out;
}

QString Money::toString() const
{
    if (!isValid())
        return QStringLiteral("(no currency)");
    return toDecimalString() + u' ' + m_currency;
}

Result<int> Money::compare(const Money &other) const
{
    if (auto check = checkSameCurrency(other); !check)
        return check.error();
    return m_minor < other.m_minor ? -1 : (m_minor > other.m_minor ? 1 : 0);
}

} // namespace karvan

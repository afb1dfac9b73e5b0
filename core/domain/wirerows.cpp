#include "domain/wirerows.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "services/customerfields.h"

#include <QCborArray>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace karvan::wire {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxShortText = 200; // codes, names, units, SKUs, people
constexpr qsizetype MaxLongText = 64 * 1024; // descriptions, notes, comments (protocol limit)
constexpr qsizetype MaxItems = MaxRowArrayItems;
constexpr qint64 MaxAmount = 100'000'000'000'000'000; // 1e17 minor units: sums stay in 64 bits
constexpr qint64 MaxQuantityMilli = 1'000'000'000'000'000; // a trillion units
constexpr qint64 MaxLineNo = 100000;

enum class Need { Required, Optional };

// Reads one row (or a map nested in it) and keeps the first error, named by the key's path
// ("order.lines[2].qty_milli"), so a decoder reads every field and checks once at the end.
class RowReader
{
public:
    RowReader(const QCborMap &map, QString path)
        : m_map(map)
        , m_path(std::move(path))
    { }

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    const QString &path() const { return m_path; }
    QString pathOf(const QString &key) const { return m_path + u'.' + key; }

    void fail(const QString &key, const QString &why)
    {
        if (!m_error)
            m_error = makeError(ErrorCode::InvalidArgument, pathOf(key) + u": "_s + why);
    }
    void fail(const Error &error)
    {
        if (!m_error)
            m_error = error;
    }

    // Absent and null are the same: an optional value that is not there.
    bool has(const QString &key) const
    {
        const QCborValue v = m_map.value(key);
        return !v.isUndefined() && !v.isNull();
    }
    QCborValue raw(const QString &key) const { return m_map.value(key); }

    QString text(const QString &key, Need need, qsizetype maxLength = MaxShortText)
    {
        if (!present(key, need))
            return QString();
        const QCborValue v = m_map.value(key);
        if (!v.isString()) {
            fail(key, u"expected text"_s);
            return QString();
        }
        QString s = v.toString();
        if (s.size() > maxLength) {
            fail(key, u"longer than %1 characters"_s.arg(maxLength));
            return QString();
        }
        return s;
    }

    QString nonEmptyText(const QString &key, qsizetype maxLength = MaxShortText)
    {
        QString s = text(key, Need::Required, maxLength);
        if (ok() && s.trimmed().isEmpty())
            fail(key, u"must not be empty"_s);
        return s;
    }

    std::optional<qint64> integer(const QString &key, Need need, qint64 min, qint64 max)
    {
        if (!present(key, need))
            return std::nullopt;
        const QCborValue v = m_map.value(key);
        if (!v.isInteger()) {
            fail(key, u"expected an integer"_s);
            return std::nullopt;
        }
        const qint64 n = v.toInteger();
        if (n < min || n > max) {
            if (min == 0 && n < 0)
                fail(key, u"must not be negative (got %1)"_s.arg(n));
            else if (min == 1 && n < 1)
                fail(key, u"must be positive (got %1)"_s.arg(n));
            else
                fail(key, u"%1 is out of range (%2 to %3)"_s.arg(n).arg(min).arg(max));
            return std::nullopt;
        }
        return n;
    }

    bool boolean(const QString &key, Need need, bool fallback = false)
    {
        if (!present(key, need))
            return fallback;
        const QCborValue v = m_map.value(key);
        if (!v.isBool()) {
            fail(key, u"expected true or false"_s);
            return fallback;
        }
        return v.toBool();
    }

    QUuid uuid(const QString &key, Need need)
    {
        const QString s = text(key, need, 64);
        if (s.isEmpty() || !ok()) {
            emptyRequired(key, need);
            return QUuid();
        }
        const QUuid id = QUuid::fromString(s);
        if (s.size() != 36 || id.isNull()) {
            fail(key, u"\"%1\" is not a UUID"_s.arg(s));
            return QUuid();
        }
        return id;
    }

    QDate date(const QString &key, Need need)
    {
        const QString s = text(key, need, 32);
        if (s.isEmpty() || !ok()) {
            emptyRequired(key, need);
            return QDate();
        }
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (s.size() != 10 || !d.isValid()) {
            fail(key, u"\"%1\" is not a date like 2026-03-02"_s.arg(s));
            return QDate();
        }
        return d;
    }

    QDateTime dateTime(const QString &key, Need need)
    {
        static const QRegularExpression zone(u"(Z|[+-][0-9]{2}:[0-9]{2})$"_s);
        const QString s = text(key, need, 64);
        if (s.isEmpty() || !ok()) {
            emptyRequired(key, need);
            return QDateTime();
        }
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid() || !zone.match(s).hasMatch()) {
            fail(key, u"\"%1\" is not an ISO 8601 time with a zone"_s.arg(s));
            return QDateTime();
        }
        return t.toUTC();
    }

    // Text that must name a known ISO 4217 currency; empty only where allowEmpty.
    QString currency(const QString &key, Need need, bool allowEmpty = false)
    {
        const QString s = text(key, need, 8);
        if (!ok() || (s.isEmpty() && (allowEmpty || need == Need::Optional)))
            return s;
        if (!Currency::isKnown(s))
            fail(key, u"\"%1\" is not a known currency"_s.arg(s));
        return s;
    }

    // Minor units of `currency` (already checked; an empty one yields an invalid Money).
    Money money(const QString &key, Need need, const QString &currency, bool nonNegative)
    {
        const auto n = integer(key, need, nonNegative ? 0 : -MaxAmount, MaxAmount);
        if (!n || currency.isEmpty())
            return Money();
        auto m = Money::fromMinor(*n, currency);
        if (!m) {
            fail(key, m.errorMessage());
            return Money();
        }
        return *m;
    }

    // "<prefix>_milli" and "<prefix>_unit"; both absent is an absent (invalid) quantity.
    enum class Sign { Any, NonNegative, Positive };
    Quantity quantity(const QString &prefix, Need need, Sign sign)
    {
        const QString milliKey = prefix + u"_milli"_s;
        const QString unitKey = prefix + u"_unit"_s;
        return quantity(milliKey, unitKey, need, sign);
    }
    Quantity quantity(const QString &milliKey, const QString &unitKey, Need need, Sign sign)
    {
        if (need == Need::Optional && !has(milliKey) && !has(unitKey))
            return Quantity();
        const qint64 min = sign == Sign::Positive ? 1
            : sign == Sign::NonNegative           ? 0
                                                  : -MaxQuantityMilli;
        const auto milli = integer(milliKey, Need::Required, min, MaxQuantityMilli);
        const QString unit = nonEmptyText(unitKey);
        if (!milli || !ok())
            return Quantity();
        auto q = Quantity::fromMilli(*milli, unit);
        if (!q) {
            fail(unitKey, q.errorMessage());
            return Quantity();
        }
        return *q;
    }

    template<typename Enum, typename Parse>
    Enum enumValue(const QString &key, Need need, Enum fallback, Parse parse,
                   const QString &expected)
    {
        const QString s = text(key, need, 64);
        if (s.isEmpty() || !ok()) {
            if (ok() && need == Need::Required)
                fail(key, u"must not be empty"_s);
            return fallback;
        }
        const std::optional<Enum> v = parse(s);
        if (!v) {
            fail(key, u"unknown value \"%1\" (expected %2)"_s.arg(s, expected));
            return fallback;
        }
        return *v;
    }

    QCborArray array(const QString &key, Need need)
    {
        if (!present(key, need))
            return QCborArray();
        const QCborValue v = m_map.value(key);
        if (!v.isArray()) {
            fail(key, u"expected a list"_s);
            return QCborArray();
        }
        QCborArray a = v.toArray();
        if (a.size() > MaxItems) {
            fail(key, u"more than %1 items"_s.arg(MaxItems));
            return QCborArray();
        }
        return a;
    }

    // The reader of item i of a list of maps (the list read with array()).
    std::optional<RowReader> item(const QString &key, const QCborArray &items, qsizetype i)
    {
        const QString itemPath = u"%1[%2]"_s.arg(pathOf(key)).arg(i);
        if (!items.at(i).isMap()) {
            fail(makeError(ErrorCode::InvalidArgument, itemPath + u": expected a map"_s));
            return std::nullopt;
        }
        return RowReader(items.at(i).toMap(), itemPath);
    }

    QStringList textList(const QString &key, Need need)
    {
        const QCborArray items = array(key, need);
        QStringList out;
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            const QCborValue v = items.at(i);
            if (!v.isString() || v.toString().isEmpty() || v.toString().size() > MaxShortText)
                fail(u"%1[%2]"_s.arg(key).arg(i), u"expected non-empty text"_s);
            else
                out.append(v.toString());
        }
        return out;
    }

private:
    // A required id, date or time given as "" is as bad as a missing one.
    void emptyRequired(const QString &key, Need need)
    {
        if (ok() && need == Need::Required)
            fail(key, u"must not be empty"_s);
    }

    bool present(const QString &key, Need need)
    {
        if (!ok())
            return false;
        if (has(key))
            return true;
        if (need == Need::Required)
            fail(key, u"missing"_s);
        return false;
    }

    QCborMap m_map;
    QString m_path;
    std::optional<Error> m_error;
};

void putId(QCborMap &row, const QString &key, const QUuid &id)
{
    if (!id.isNull())
        row.insert(key, idToString(id));
}

void putDate(QCborMap &row, const QString &key, const QDate &date)
{
    if (date.isValid())
        row.insert(key, date.toString(Qt::ISODate));
}

void putTime(QCborMap &row, const QString &key, const QDateTime &time)
{
    if (time.isValid())
        row.insert(key, time.toUTC().toString(Qt::ISODateWithMs));
}

void putQuantity(QCborMap &row, const QString &milliKey, const QString &unitKey, const Quantity &q)
{
    if (!q.isValid())
        return;
    row.insert(milliKey, q.milli());
    row.insert(unitKey, q.unit());
}

QCborArray textArray(const QStringList &list)
{
    QCborArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

QString promotionKindName(Promotion::Kind kind)
{
    return kind == Promotion::Kind::AmountOff ? u"amount_off"_s : u"percent_off"_s;
}

std::optional<Promotion::Kind> parsePromotionKind(const QString &name)
{
    if (name == u"percent_off"_s)
        return Promotion::Kind::PercentOff;
    if (name == u"amount_off"_s)
        return Promotion::Kind::AmountOff;
    return std::nullopt;
}

QString documentKindName(SalesDocument::Kind kind)
{
    return kind == SalesDocument::Kind::Quote ? entity::Quote : entity::Order;
}

std::optional<SalesDocument::Kind> parseDocumentKind(const QString &name)
{
    if (name == entity::Order)
        return SalesDocument::Kind::Order;
    if (name == entity::Quote)
        return SalesDocument::Kind::Quote;
    return std::nullopt;
}

std::optional<DocumentStatus> parseStatus(const QString &name)
{
    DocumentStatus s = DocumentStatus::Draft;
    if (!parseDocumentStatus(name, &s))
        return std::nullopt;
    return s;
}

// Lines of a document row ("line_no") or of a create mutation ("no"): same fields otherwise.
QList<DocumentLine> readLines(RowReader &r, const QString &lineNoKey, const QString &currency,
                              bool requireLines)
{
    const QCborArray items = r.array(u"lines"_s, Need::Required);
    if (r.ok() && requireLines && items.isEmpty())
        r.fail(u"lines"_s, u"a document needs at least one line"_s);
    QList<DocumentLine> lines;
    QSet<int> seen;
    for (qsizetype i = 0; i < items.size() && r.ok(); ++i) {
        auto lr = r.item(u"lines"_s, items, i);
        if (!lr)
            break;
        DocumentLine l;
        l.lineNo = int(lr->integer(lineNoKey, Need::Required, 1, MaxLineNo).value_or(0));
        l.sku = lr->nonEmptyText(u"sku"_s);
        l.quantity
            = lr->quantity(u"qty_milli"_s, u"unit"_s, Need::Required, RowReader::Sign::Positive);
        l.warehouseCode = lr->text(u"warehouse"_s, Need::Optional);
        l.unitPrice = lr->money(u"unit_price"_s, Need::Required, currency, true);
        l.lineNet = lr->money(u"net"_s, Need::Required, currency, false);
        l.lineTax = lr->money(u"tax"_s, Need::Required, currency, false);
        l.lineTotal = lr->money(u"total"_s, Need::Required, currency, false);
        if (lr->ok() && seen.contains(l.lineNo))
            lr->fail(lineNoKey, u"line number %1 appears twice"_s.arg(l.lineNo));
        if (!lr->ok()) {
            r.fail(lr->error());
            break;
        }
        seen.insert(l.lineNo);
        lines.append(l);
    }
    return lines;
}

QString documentPath(const QCborMap &row)
{
    const QCborValue kind = row.value(u"kind"_s);
    if (kind.isString() && parseDocumentKind(kind.toString()))
        return kind.toString();
    return u"document"_s;
}

} // namespace

QString stockRowId(const QString &sku, const QString &warehouseCode)
{
    return sku + u'@' + warehouseCode;
}

QString taxRuleRowId(const QString &taxClass, const QString &region)
{
    return taxClass + u'@' + region;
}

QString customerPriceRowId(const QUuid &customerId, const QString &sku)
{
    return idToString(customerId) + u'@' + sku;
}

// ---- customer ----------------------------------------------------------------------------

QCborMap customerRow(const Customer &c)
{
    // The rep-editable fields in the exact form of the device's mutations.
    QCborMap row = customerfields::values(c);
    putId(row, u"id"_s, c.id);
    row.insert(u"code"_s, c.code);
    row.insert(u"territory"_s, c.territory);
    putId(row, u"price_list"_s, c.priceListId);
    row.insert(u"payment_terms"_s, c.paymentTermsDays);
    if (c.creditLimit)
        row.insert(u"credit_limit"_s, c.creditLimit->minorUnits());
    // The limit is in the customer's currency; a customer without one still gets the limit's.
    row.insert(u"currency"_s,
               c.currency.isEmpty() && c.creditLimit ? c.creditLimit->currency() : c.currency);
    row.insert(u"tax_region"_s, c.taxRegion);
    row.insert(u"archived"_s, c.archived);
    putTime(row, u"updated_at"_s, c.updatedAt);
    return row;
}

Result<Customer> customerFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Customer);
    Customer c;
    c.id = r.uuid(u"id"_s, Need::Required);
    if (r.ok() && !r.has(u"name"_s))
        r.fail(u"name"_s, u"missing"_s);
    for (const QString &field : customerfields::repEditable()) {
        if (!r.ok())
            break;
        if (auto applied = customerfields::apply(c, field, r.raw(field)); !applied)
            r.fail(field, applied.errorMessage());
    }
    c.code = r.text(u"code"_s, Need::Optional);
    c.territory = r.text(u"territory"_s, Need::Optional);
    c.priceListId = r.uuid(u"price_list"_s, Need::Optional);
    c.paymentTermsDays = int(r.integer(u"payment_terms"_s, Need::Required, 0, 3650).value_or(0));
    const bool hasLimit = r.has(u"credit_limit"_s);
    c.currency = r.currency(u"currency"_s, Need::Required, !hasLimit);
    if (hasLimit)
        c.creditLimit = r.money(u"credit_limit"_s, Need::Required, c.currency, true);
    c.taxRegion = r.text(u"tax_region"_s, Need::Optional);
    c.archived = r.boolean(u"archived"_s, Need::Required);
    c.updatedAt = r.dateTime(u"updated_at"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return c;
}

// ---- catalog -----------------------------------------------------------------------------

QCborMap productRow(const Product &p)
{
    QCborArray conversions;
    for (const UnitConversion &u : p.unitConversions)
        conversions.append(QCborMap {{u"unit"_s, u.unit}, {u"base_milli"_s, u.baseMilliPerUnit}});
    QCborMap row {{u"sku"_s, p.sku},
                  {u"barcode"_s, p.barcode},
                  {u"name"_s, p.name},
                  {u"category"_s, p.category},
                  {u"base_unit"_s, p.baseUnit},
                  {u"unit_conversions"_s, conversions},
                  {u"tax_class"_s, p.taxClass},
                  {u"active"_s, p.active}};
    putId(row, u"id"_s, p.id);
    return row;
}

Result<Product> productFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Product);
    Product p;
    p.id = r.uuid(u"id"_s, Need::Required);
    p.sku = r.nonEmptyText(u"sku"_s);
    p.barcode = r.text(u"barcode"_s, Need::Optional);
    p.name = r.nonEmptyText(u"name"_s);
    p.category = r.text(u"category"_s, Need::Optional);
    p.baseUnit = r.nonEmptyText(u"base_unit"_s);
    const QCborArray conversions = r.array(u"unit_conversions"_s, Need::Optional);
    for (qsizetype i = 0; i < conversions.size() && r.ok(); ++i) {
        auto cr = r.item(u"unit_conversions"_s, conversions, i);
        if (!cr)
            break;
        UnitConversion u;
        u.unit = cr->nonEmptyText(u"unit"_s);
        u.baseMilliPerUnit = cr->integer(u"base_milli"_s, Need::Required, 1, MaxQuantityMilli)
                                 .value_or(Quantity::Scale);
        if (!cr->ok())
            r.fail(cr->error());
        p.unitConversions.append(u);
    }
    p.taxClass = r.nonEmptyText(u"tax_class"_s);
    p.active = r.boolean(u"active"_s, Need::Required, true);
    if (!r.ok())
        return r.error();
    return p;
}

QCborMap priceListRow(const PriceList &list)
{
    QCborArray entries;
    for (const PriceListEntry &e : list.entries) {
        QCborArray tiers;
        for (const PriceTier &t : e.tiers) {
            QCborMap tier {{u"unit_price"_s, t.unitPrice.minorUnits()}};
            putQuantity(tier, u"min_milli"_s, u"min_unit"_s, t.minQuantity);
            tiers.append(tier);
        }
        entries.append(QCborMap {{u"sku"_s, e.sku}, {u"unit"_s, e.unit}, {u"tiers"_s, tiers}});
    }
    QCborMap row {{u"code"_s, list.code},
                  {u"name"_s, list.name},
                  {u"currency"_s, list.currency},
                  {u"is_base"_s, list.isBase},
                  {u"entries"_s, entries}};
    putId(row, u"id"_s, list.id);
    return row;
}

Result<PriceList> priceListFromRow(const QCborMap &row)
{
    RowReader r(row, entity::PriceList);
    PriceList list;
    list.id = r.uuid(u"id"_s, Need::Required);
    list.code = r.nonEmptyText(u"code"_s);
    list.name = r.text(u"name"_s, Need::Optional);
    list.currency = r.currency(u"currency"_s, Need::Required);
    list.isBase = r.boolean(u"is_base"_s, Need::Required);
    const QCborArray entries = r.array(u"entries"_s, Need::Required);
    for (qsizetype i = 0; i < entries.size() && r.ok(); ++i) {
        auto er = r.item(u"entries"_s, entries, i);
        if (!er)
            break;
        PriceListEntry e;
        e.sku = er->nonEmptyText(u"sku"_s);
        e.unit = er->text(u"unit"_s, Need::Optional);
        const QCborArray tiers = er->array(u"tiers"_s, Need::Required);
        for (qsizetype t = 0; t < tiers.size() && er->ok(); ++t) {
            auto tr = er->item(u"tiers"_s, tiers, t);
            if (!tr)
                break;
            PriceTier tier;
            tier.minQuantity = tr->quantity(u"min"_s, Need::Optional, RowReader::Sign::NonNegative);
            tier.unitPrice = tr->money(u"unit_price"_s, Need::Required, list.currency, true);
            if (!tr->ok())
                er->fail(tr->error());
            e.tiers.append(tier);
        }
        if (!er->ok())
            r.fail(er->error());
        list.entries.append(e);
    }
    if (!r.ok())
        return r.error();
    return list;
}

QCborMap customerPriceRow(const CustomerPrice &price)
{
    QCborMap row {{u"sku"_s, price.sku},
                  {u"unit_price"_s, price.unitPrice.minorUnits()},
                  {u"currency"_s, price.unitPrice.currency()}};
    putId(row, u"customer"_s, price.customerId);
    if (price.validFrom)
        putDate(row, u"valid_from"_s, *price.validFrom);
    if (price.validTo)
        putDate(row, u"valid_to"_s, *price.validTo);
    return row;
}

Result<CustomerPrice> customerPriceFromRow(const QCborMap &row)
{
    RowReader r(row, entity::CustomerPrice);
    CustomerPrice p;
    p.customerId = r.uuid(u"customer"_s, Need::Required);
    p.sku = r.nonEmptyText(u"sku"_s);
    const QString currency = r.currency(u"currency"_s, Need::Required);
    p.unitPrice = r.money(u"unit_price"_s, Need::Required, currency, true);
    if (r.has(u"valid_from"_s))
        p.validFrom = r.date(u"valid_from"_s, Need::Required);
    if (r.has(u"valid_to"_s))
        p.validTo = r.date(u"valid_to"_s, Need::Required);
    if (r.ok() && p.validFrom && p.validTo && *p.validTo < *p.validFrom)
        r.fail(u"valid_to"_s, u"is before valid_from"_s);
    if (!r.ok())
        return r.error();
    return p;
}

QCborMap promotionRow(const Promotion &p)
{
    QCborMap row {{u"code"_s, p.code},
                  {u"name"_s, p.name},
                  {u"kind"_s, promotionKindName(p.kind)},
                  {u"percent_bp"_s, p.percentBasisPoints},
                  {u"skus"_s, textArray(p.skus)},
                  {u"territories"_s, textArray(p.territories)}};
    putId(row, u"id"_s, p.id);
    if (p.amountOffPerUnit.isValid()) {
        row.insert(u"amount_off"_s, p.amountOffPerUnit.minorUnits());
        row.insert(u"currency"_s, p.amountOffPerUnit.currency());
    }
    putDate(row, u"valid_from"_s, p.validFrom);
    putDate(row, u"valid_to"_s, p.validTo);
    if (p.minQuantity)
        putQuantity(row, u"min_milli"_s, u"min_unit"_s, *p.minQuantity);
    return row;
}

Result<Promotion> promotionFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Promotion);
    Promotion p;
    p.id = r.uuid(u"id"_s, Need::Required);
    p.code = r.nonEmptyText(u"code"_s);
    p.name = r.text(u"name"_s, Need::Optional);
    p.kind = r.enumValue(u"kind"_s, Need::Required, Promotion::Kind::PercentOff, parsePromotionKind,
                         u"percent_off or amount_off"_s);
    p.percentBasisPoints = int(r.integer(u"percent_bp"_s, Need::Required, 0, 10000).value_or(0));
    const bool amountNeeded = p.kind == Promotion::Kind::AmountOff;
    if (amountNeeded || r.has(u"amount_off"_s)) {
        const QString currency = r.currency(u"currency"_s, Need::Required);
        p.amountOffPerUnit = r.money(u"amount_off"_s, Need::Required, currency, true);
    }
    p.validFrom = r.date(u"valid_from"_s, Need::Optional);
    p.validTo = r.date(u"valid_to"_s, Need::Optional);
    if (r.ok() && p.validFrom.isValid() && p.validTo.isValid() && p.validTo < p.validFrom)
        r.fail(u"valid_to"_s, u"is before valid_from"_s);
    p.skus = r.textList(u"skus"_s, Need::Optional);
    p.territories = r.textList(u"territories"_s, Need::Optional);
    const Quantity min = r.quantity(u"min"_s, Need::Optional, RowReader::Sign::NonNegative);
    if (min.isValid())
        p.minQuantity = min;
    if (!r.ok())
        return r.error();
    return p;
}

QCborMap taxRuleRow(const TaxRule &rule)
{
    return QCborMap {{u"tax_class"_s, rule.taxClass},
                     {u"region"_s, rule.region},
                     {u"rate_bp"_s, rule.rateBasisPoints},
                     {u"inclusive"_s, rule.inclusive},
                     {u"name"_s, rule.name}};
}

Result<TaxRule> taxRuleFromRow(const QCborMap &row)
{
    RowReader r(row, entity::TaxRule);
    TaxRule rule;
    rule.taxClass = r.nonEmptyText(u"tax_class"_s);
    rule.region = r.text(u"region"_s, Need::Required);
    rule.rateBasisPoints = int(r.integer(u"rate_bp"_s, Need::Required, 0, 100000).value_or(0));
    rule.inclusive = r.boolean(u"inclusive"_s, Need::Required);
    rule.name = r.text(u"name"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return rule;
}

// ---- inventory ---------------------------------------------------------------------------

QCborMap warehouseRow(const Warehouse &w)
{
    QCborMap row {
        {u"code"_s, w.code}, {u"name"_s, w.name}, {u"region"_s, w.region}, {u"store"_s, w.store}};
    putId(row, u"id"_s, w.id);
    return row;
}

Result<Warehouse> warehouseFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Warehouse);
    Warehouse w;
    w.id = r.uuid(u"id"_s, Need::Required);
    w.code = r.nonEmptyText(u"code"_s);
    w.name = r.text(u"name"_s, Need::Optional);
    w.region = r.text(u"region"_s, Need::Optional);
    w.store = r.text(u"store"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return w;
}

QCborMap stockRow(const StockLevel &level)
{
    QCborMap row {{u"sku"_s, level.sku}, {u"warehouse"_s, level.warehouseCode}};
    putQuantity(row, u"on_hand_milli"_s, u"on_hand_unit"_s, level.onHand);
    putQuantity(row, u"reserved_milli"_s, u"reserved_unit"_s, level.reserved);
    putTime(row, u"as_of"_s, level.asOf);
    return row;
}

Result<StockLevel> stockFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Stock);
    StockLevel s;
    s.sku = r.nonEmptyText(u"sku"_s);
    s.warehouseCode = r.nonEmptyText(u"warehouse"_s);
    // On hand may go below zero when HQ ships before a receipt is booked; reserved may not.
    s.onHand = r.quantity(u"on_hand"_s, Need::Required, RowReader::Sign::Any);
    s.reserved = r.quantity(u"reserved"_s, Need::Optional, RowReader::Sign::NonNegative);
    s.asOf = r.dateTime(u"as_of"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return s;
}

// ---- documents ---------------------------------------------------------------------------

QCborMap documentRow(const SalesDocument &d)
{
    QCborArray lines;
    for (const DocumentLine &l : d.lines) {
        lines.append(QCborMap {{u"line_no"_s, l.lineNo},
                               {u"sku"_s, l.sku},
                               {u"qty_milli"_s, l.quantity.milli()},
                               {u"unit"_s, l.quantity.unit()},
                               {u"warehouse"_s, l.warehouseCode},
                               {u"unit_price"_s, l.unitPrice.minorUnits()},
                               {u"net"_s, l.lineNet.minorUnits()},
                               {u"tax"_s, l.lineTax.minorUnits()},
                               {u"total"_s, l.lineTotal.minorUnits()}});
    }
    QCborMap row {
        {u"kind"_s, documentKindName(d.kind)}, {u"number"_s, d.number},
        {u"currency"_s, d.currency},           {u"status"_s, documentStatusName(d.status)},
        {u"status_reason"_s, d.statusReason},  {u"lines"_s, lines},
        {u"net"_s, d.net.minorUnits()},        {u"tax"_s, d.tax.minorUnits()},
        {u"total"_s, d.total.minorUnits()},    {u"created_by"_s, d.createdBy}};
    putId(row, u"id"_s, d.id);
    putId(row, u"customer"_s, d.customerId);
    putDate(row, u"date"_s, d.date);
    putDate(row, u"valid_until"_s, d.validUntil);
    putTime(row, u"created_at"_s, d.createdAt);
    putId(row, u"source_quote"_s, d.sourceQuoteId);
    return row;
}

Result<SalesDocument> documentFromRow(const QCborMap &row)
{
    RowReader r(row, documentPath(row));
    SalesDocument d;
    d.id = r.uuid(u"id"_s, Need::Required);
    d.kind = r.enumValue(u"kind"_s, Need::Required, SalesDocument::Kind::Order, parseDocumentKind,
                         u"order or quote"_s);
    d.number = r.text(u"number"_s, Need::Optional);
    d.customerId = r.uuid(u"customer"_s, Need::Required);
    d.currency = r.currency(u"currency"_s, Need::Required);
    d.date = r.date(u"date"_s, Need::Required);
    d.validUntil = r.date(u"valid_until"_s, Need::Optional);
    d.status = r.enumValue(u"status"_s, Need::Required, DocumentStatus::Draft, parseStatus,
                           u"a document status such as confirmed"_s);
    d.statusReason = r.text(u"status_reason"_s, Need::Optional, MaxLongText);
    d.lines = readLines(r, u"line_no"_s, d.currency, false);
    d.net = r.money(u"net"_s, Need::Required, d.currency, false);
    d.tax = r.money(u"tax"_s, Need::Required, d.currency, false);
    d.total = r.money(u"total"_s, Need::Required, d.currency, false);
    d.createdBy = r.text(u"created_by"_s, Need::Optional);
    d.createdAt = r.dateTime(u"created_at"_s, Need::Optional);
    d.sourceQuoteId = r.uuid(u"source_quote"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return d;
}

Result<SalesDocument> documentFromMutationArgs(const QCborMap &args)
{
    RowReader r(args, documentPath(args));
    SalesDocument d;
    d.id = r.uuid(u"id"_s, Need::Required);
    d.kind = r.enumValue(u"kind"_s, Need::Required, SalesDocument::Kind::Order, parseDocumentKind,
                         u"order or quote"_s);
    d.customerId = r.uuid(u"customer"_s, Need::Required);
    d.currency = r.currency(u"currency"_s, Need::Required);
    d.date = r.date(u"date"_s, Need::Required);
    d.validUntil = r.date(u"valid_until"_s, Need::Optional);
    d.lines = readLines(r, u"no"_s, d.currency, true);
    d.net = r.money(u"net"_s, Need::Required, d.currency, false);
    d.tax = r.money(u"tax"_s, Need::Required, d.currency, false);
    d.total = r.money(u"total"_s, Need::Required, d.currency, false);
    d.createdBy = r.text(u"created_by"_s, Need::Optional);
    d.sourceQuoteId = r.uuid(u"source_quote"_s, Need::Optional);
    d.status = DocumentStatus::PendingSync;
    if (!r.ok())
        return r.error();
    return d;
}

QCborMap invoiceRow(const Invoice &i)
{
    const QString currency = i.total.isValid() ? i.total.currency() : i.paid.currency();
    QCborMap row {{u"number"_s, i.number},
                  {u"currency"_s, currency},
                  {u"total"_s, i.total.minorUnits()},
                  {u"paid"_s, i.paid.minorUnits()}};
    putId(row, u"id"_s, i.id);
    putId(row, u"customer"_s, i.customerId);
    putId(row, u"order"_s, i.orderId);
    putDate(row, u"date"_s, i.date);
    putDate(row, u"due_date"_s, i.dueDate);
    return row;
}

Result<Invoice> invoiceFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Invoice);
    Invoice i;
    i.id = r.uuid(u"id"_s, Need::Required);
    i.number = r.text(u"number"_s, Need::Optional);
    i.customerId = r.uuid(u"customer"_s, Need::Required);
    i.orderId = r.uuid(u"order"_s, Need::Optional);
    i.date = r.date(u"date"_s, Need::Required);
    i.dueDate = r.date(u"due_date"_s, Need::Optional);
    const QString currency = r.currency(u"currency"_s, Need::Required);
    i.total = r.money(u"total"_s, Need::Required, currency, false);
    i.paid = r.money(u"paid"_s, Need::Required, currency, false);
    if (!r.ok())
        return r.error();
    return i;
}

QCborMap paymentRow(const Payment &p)
{
    QCborMap row {{u"amount"_s, p.amount.minorUnits()},
                  {u"currency"_s, p.amount.currency()},
                  {u"method"_s, p.method}};
    putId(row, u"id"_s, p.id);
    putId(row, u"customer"_s, p.customerId);
    putDate(row, u"date"_s, p.date);
    putId(row, u"invoice"_s, p.invoiceId);
    return row;
}

Result<Payment> paymentFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Payment);
    Payment p;
    p.id = r.uuid(u"id"_s, Need::Required);
    p.customerId = r.uuid(u"customer"_s, Need::Required);
    p.date = r.date(u"date"_s, Need::Required);
    const QString currency = r.currency(u"currency"_s, Need::Required);
    p.amount = r.money(u"amount"_s, Need::Required, currency, false);
    p.method = r.text(u"method"_s, Need::Optional);
    p.invoiceId = r.uuid(u"invoice"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return p;
}

// ---- service -----------------------------------------------------------------------------

QCborMap ticketRow(const Ticket &t)
{
    QCborArray comments;
    for (const TicketComment &c : t.comments) {
        QCborMap comment {{u"author"_s, c.author}, {u"body"_s, c.body}};
        putId(comment, u"id"_s, c.id);
        putTime(comment, u"at"_s, c.at);
        comments.append(comment);
    }
    QCborMap row {{u"number"_s, t.number},
                  {u"subject"_s, t.subject},
                  {u"description"_s, t.description},
                  {u"status"_s, ticketStatusName(t.status)},
                  {u"priority"_s, ticketPriorityName(t.priority)},
                  {u"assignee"_s, t.assignee},
                  {u"comments"_s, comments}};
    putId(row, u"id"_s, t.id);
    putId(row, u"customer"_s, t.customerId);
    putTime(row, u"created_at"_s, t.createdAt);
    putTime(row, u"updated_at"_s, t.updatedAt);
    return row;
}

Result<Ticket> ticketFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Ticket);
    Ticket t;
    t.id = r.uuid(u"id"_s, Need::Required);
    t.number = r.text(u"number"_s, Need::Optional);
    t.customerId = r.uuid(u"customer"_s, Need::Required);
    t.subject = r.nonEmptyText(u"subject"_s, MaxLongText);
    t.description = r.text(u"description"_s, Need::Optional, MaxLongText);
    t.status = r.enumValue(u"status"_s, Need::Required, Ticket::Status::Open, parseTicketStatus,
                           u"open, in_progress, waiting_on_customer, resolved or closed"_s);
    t.priority = r.enumValue(u"priority"_s, Need::Required, Ticket::Priority::Normal,
                             parseTicketPriority, u"low, normal, high or urgent"_s);
    t.assignee = r.text(u"assignee"_s, Need::Optional);
    t.createdAt = r.dateTime(u"created_at"_s, Need::Optional);
    t.updatedAt = r.dateTime(u"updated_at"_s, Need::Optional);
    const QCborArray comments = r.array(u"comments"_s, Need::Optional);
    for (qsizetype i = 0; i < comments.size() && r.ok(); ++i) {
        auto cr = r.item(u"comments"_s, comments, i);
        if (!cr)
            break;
        TicketComment c;
        c.id = cr->uuid(u"id"_s, Need::Required);
        c.author = cr->text(u"author"_s, Need::Optional);
        c.at = cr->dateTime(u"at"_s, Need::Optional);
        c.body = cr->text(u"body"_s, Need::Required, MaxLongText);
        if (!cr->ok())
            r.fail(cr->error());
        t.comments.append(c);
    }
    if (!r.ok())
        return r.error();
    return t;
}

QCborMap activityRow(const Activity &a)
{
    QCborMap row {{u"kind"_s, activityKindName(a.kind)},
                  {u"subject"_s, a.subject},
                  {u"notes"_s, a.notes},
                  {u"duration_minutes"_s, a.durationMinutes},
                  {u"photo_path"_s, a.photoPath},
                  {u"author"_s, a.author}};
    putId(row, u"id"_s, a.id);
    putId(row, u"customer"_s, a.customerId);
    putTime(row, u"at"_s, a.at);
    return row;
}

Result<Activity> activityFromRow(const QCborMap &row)
{
    RowReader r(row, entity::Activity);
    Activity a;
    a.id = r.uuid(u"id"_s, Need::Required);
    a.customerId = r.uuid(u"customer"_s, Need::Required);
    a.kind = r.enumValue(u"kind"_s, Need::Required, Activity::Kind::Visit, parseActivityKind,
                         u"visit, call or note"_s);
    a.at = r.dateTime(u"at"_s, Need::Required);
    a.subject = r.text(u"subject"_s, Need::Optional, MaxLongText);
    a.notes = r.text(u"notes"_s, Need::Optional, MaxLongText);
    a.durationMinutes
        = int(r.integer(u"duration_minutes"_s, Need::Optional, 0, 100000).value_or(0));
    a.photoPath = r.text(u"photo_path"_s, Need::Optional, 4096);
    a.author = r.text(u"author"_s, Need::Optional);
    if (!r.ok())
        return r.error();
    return a;
}

} // namespace karvan::wire

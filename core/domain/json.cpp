#include "domain/json.h"

#include "domain/ids.h"
#include "domain/names.h"

#include <QJsonArray>

namespace karvan::json {

using namespace Qt::StringLiterals;

namespace {

QJsonValue id(const QUuid &u)
{
    return u.isNull() ? QJsonValue() : QJsonValue(idToString(u));
}

QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QJsonValue money(const Money &m)
{
    if (!m.isValid())
        return QJsonValue();
    return QJsonObject {{u"amount"_s, m.toDecimalString()},
                        {u"minor"_s, m.minorUnits()},
                        {u"currency"_s, m.currency()}};
}

QJsonValue quantity(const Quantity &q)
{
    if (!q.isValid())
        return QJsonValue();
    return QJsonObject {{u"value"_s, q.toDecimalString()}, {u"unit"_s, q.unit()}};
}

QJsonObject customer(const Customer &c)
{
    QJsonArray contacts;
    for (const Contact &k : c.contacts)
        contacts.append(QJsonObject {{u"name"_s, k.name},
                                     {u"role"_s, k.role},
                                     {u"phone"_s, k.phone},
                                     {u"email"_s, k.email}});
    QJsonArray addresses;
    for (const Address &a : c.addresses)
        addresses.append(QJsonObject {{u"kind"_s, addressKindName(a.kind)},
                                      {u"line1"_s, a.line1},
                                      {u"line2"_s, a.line2},
                                      {u"city"_s, a.city},
                                      {u"region"_s, a.region},
                                      {u"postal_code"_s, a.postalCode},
                                      {u"country"_s, a.country}});
    return QJsonObject {{u"id"_s, id(c.id)},
                        {u"code"_s, c.code},
                        {u"name"_s, c.name},
                        {u"language"_s, c.language},
                        {u"phone"_s, c.phone},
                        {u"email"_s, c.email},
                        {u"notes"_s, c.notes},
                        {u"contacts"_s, contacts},
                        {u"addresses"_s, addresses},
                        {u"territory"_s, c.territory},
                        {u"price_list_id"_s, id(c.priceListId)},
                        {u"payment_terms_days"_s, c.paymentTermsDays},
                        {u"credit_limit"_s, c.creditLimit ? money(*c.creditLimit) : QJsonValue()},
                        {u"currency"_s, c.currency},
                        {u"tax_region"_s, c.taxRegion},
                        {u"archived"_s, c.archived},
                        {u"updated_at"_s, time(c.updatedAt)}};
}

QJsonObject product(const Product &p)
{
    QJsonArray units;
    for (const UnitConversion &u : p.unitConversions)
        units.append(
            QJsonObject {{u"unit"_s, u.unit},
                         {u"base_units"_s,
                          Quantity::fromMilli(u.baseMilliPerUnit, p.baseUnit)->toDecimalString()}});
    return QJsonObject {{u"id"_s, id(p.id)},         {u"sku"_s, p.sku},
                        {u"barcode"_s, p.barcode},   {u"name"_s, p.name},
                        {u"category"_s, p.category}, {u"base_unit"_s, p.baseUnit},
                        {u"units"_s, units},         {u"tax_class"_s, p.taxClass},
                        {u"active"_s, p.active}};
}

QJsonObject document(const SalesDocument &d)
{
    QJsonArray lines;
    for (const DocumentLine &l : d.lines)
        lines.append(QJsonObject {{u"line"_s, l.lineNo},
                                  {u"sku"_s, l.sku},
                                  {u"quantity"_s, quantity(l.quantity)},
                                  {u"warehouse"_s, l.warehouseCode},
                                  {u"unit_price"_s, money(l.unitPrice)},
                                  {u"net"_s, money(l.lineNet)},
                                  {u"tax"_s, money(l.lineTax)},
                                  {u"total"_s, money(l.lineTotal)}});
    return QJsonObject {{u"id"_s, id(d.id)},
                        {u"kind"_s, d.kind == SalesDocument::Kind::Quote ? u"quote"_s : u"order"_s},
                        {u"number"_s, d.number},
                        {u"customer_id"_s, id(d.customerId)},
                        {u"currency"_s, d.currency},
                        {u"date"_s, date(d.date)},
                        {u"valid_until"_s, date(d.validUntil)},
                        {u"status"_s, documentStatusName(d.status)},
                        {u"status_reason"_s, d.statusReason},
                        {u"lines"_s, lines},
                        {u"net"_s, money(d.net)},
                        {u"tax"_s, money(d.tax)},
                        {u"total"_s, money(d.total)},
                        {u"created_by"_s, d.createdBy},
                        {u"created_at"_s, time(d.createdAt)},
                        {u"source_quote_id"_s, id(d.sourceQuoteId)}};
}

QJsonObject invoice(const Invoice &i)
{
    QJsonValue open;
    if (i.total.isValid())
        open = i.paid.isValid() ? money(i.total.minus(i.paid).value()) : money(i.total);
    return QJsonObject {{u"id"_s, id(i.id)},
                        {u"number"_s, i.number},
                        {u"customer_id"_s, id(i.customerId)},
                        {u"order_id"_s, id(i.orderId)},
                        {u"date"_s, date(i.date)},
                        {u"due_date"_s, date(i.dueDate)},
                        {u"total"_s, money(i.total)},
                        {u"paid"_s, money(i.paid)},
                        {u"open"_s, open}};
}

QJsonObject payment(const Payment &p)
{
    return QJsonObject {{u"id"_s, id(p.id)},       {u"customer_id"_s, id(p.customerId)},
                        {u"date"_s, date(p.date)}, {u"amount"_s, money(p.amount)},
                        {u"method"_s, p.method},   {u"invoice_id"_s, id(p.invoiceId)}};
}

QJsonObject ticket(const Ticket &t)
{
    QJsonArray comments;
    for (const TicketComment &c : t.comments)
        comments.append(QJsonObject {{u"id"_s, id(c.id)},
                                     {u"author"_s, c.author},
                                     {u"at"_s, time(c.at)},
                                     {u"body"_s, c.body}});
    return QJsonObject {{u"id"_s, id(t.id)},
                        {u"number"_s, t.number},
                        {u"customer_id"_s, id(t.customerId)},
                        {u"subject"_s, t.subject},
                        {u"description"_s, t.description},
                        {u"status"_s, ticketStatusName(t.status)},
                        {u"priority"_s, ticketPriorityName(t.priority)},
                        {u"assignee"_s, t.assignee},
                        {u"created_at"_s, time(t.createdAt)},
                        {u"updated_at"_s, time(t.updatedAt)},
                        {u"comments"_s, comments}};
}

QJsonObject activity(const Activity &a)
{
    return QJsonObject {{u"id"_s, id(a.id)},
                        {u"customer_id"_s, id(a.customerId)},
                        {u"kind"_s, activityKindName(a.kind)},
                        {u"at"_s, time(a.at)},
                        {u"subject"_s, a.subject},
                        {u"notes"_s, a.notes},
                        {u"duration_minutes"_s, a.durationMinutes},
                        {u"photo"_s, a.photoPath},
                        {u"author"_s, a.author}};
}

QJsonObject opportunity(const Opportunity &o)
{
    return QJsonObject {{u"id"_s, id(o.id)},
                        {u"customer_id"_s, id(o.customerId)},
                        {u"title"_s, o.title},
                        {u"stage"_s, opportunityStageName(o.stage)},
                        {u"amount"_s, money(o.amount)},
                        {u"probability_percent"_s, o.probabilityPercent},
                        {u"expected_close"_s, date(o.expectedClose)},
                        {u"owner"_s, o.owner}};
}

} // namespace karvan::json

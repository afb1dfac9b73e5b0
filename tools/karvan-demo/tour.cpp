#include "tour.h"

#include "domain/ids.h"
#include "services/orderservice.h"
#include "store/customerrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/productrepository.h"

#include <QElapsedTimer>
#include <QSqlQuery>

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

// Turns a stored name into what someone would type for it: the Persian name on an Arabic
// keyboard, Turkish and Vietnamese without their letters' marks, English in lower case.
QString typedLike(const QString &language, const QString &name)
{
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString query = words.mid(0, 2).join(u' ');
    if (language == u"fa"_s) {
        query.replace(u'ی', u'ي').replace(u'ک', u'ك');
    } else if (language == u"ar"_s) {
        query.replace(u'ي', u'ی').replace(u'ك', u'ک').replace(u'أ', u'ا').replace(u'إ', u'ا');
    } else if (language == u"tr"_s || language == u"vi"_s || language == u"en"_s) {
        query.replace(u'İ', u'i').replace(u'ı', u'i').replace(u'đ', u'd').replace(u'Đ', u'd');
        QString plain;
        for (const QChar c : query.normalized(QString::NormalizationForm_D)) {
            if (c.category() != QChar::Mark_NonSpacing)
                plain.append(c);
        }
        query = plain.toLower();
    }
    return query;
}

struct Sample
{
    QString language;
    QUuid id;
    QString name;
};

Result<QList<Sample>> oneCustomerPerLanguage(LocalStore &store)
{
    QList<Sample> out;
    for (const QString &language : {u"fa"_s, u"ar"_s, u"he"_s, u"tr"_s, u"vi"_s, u"en"_s}) {
        auto q = store.prepared(u"SELECT id, name FROM customers WHERE language = ? AND "
                                u"archived = 0 AND instr(name, ' ') > 0 ORDER BY seq LIMIT 1"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, language);
        if (!(*q)->exec())
            return makeError(ErrorCode::Storage, u"cannot read customers"_s);
        if ((*q)->next())
            out.append({language, QUuid::fromString((*q)->value(0).toString()),
                        (*q)->value(1).toString()});
        (*q)->finish();
    }
    return out;
}

Result<void> searchTour(LocalStore &store, QTextStream &out)
{
    out << "Search as you type, offline, in six languages\n";
    auto samples = oneCustomerPerLanguage(store);
    if (!samples)
        return samples.error();
    CustomerRepository customers(store);
    for (const Sample &s : *samples) {
        const QString query = typedLike(s.language, s.name);
        QElapsedTimer timer;
        timer.start();
        auto found = customers.search(query, 50);
        const double ms = timer.nsecsElapsed() / 1e6;
        if (!found)
            return found.error();
        const bool hit = std::any_of(found->begin(), found->end(),
                                     [&](const Customer &c) { return c.id == s.id; });
        out << "  " << s.language << "  typed \"" << query << "\" -> " << found->size()
            << " customer(s) in " << QString::number(ms, 'f', 1) << " ms; \"" << s.name << "\" "
            << (hit ? "found" : "NOT FOUND") << "\n";
        if (!hit)
            return makeError(ErrorCode::NotFound,
                             u"search for \"%1\" did not find \"%2\""_s.arg(query, s.name));
    }
    // Places typed without their letters' marks: Turkish dotted capital I, Vietnamese tones.
    for (const auto &[typed, city] :
         {std::pair {u"istanbul"_s, u"İstanbul"_s}, std::pair {u"eskisehir"_s, u"Eskişehir"_s},
          std::pair {u"ho chi minh"_s, u"Thành phố Hồ Chí Minh"_s}}) {
        auto found = customers.search(typed, 1000);
        if (!found)
            return found.error();
        const auto inCity = std::count_if(found->begin(), found->end(), [&](const Customer &c) {
            return std::any_of(c.addresses.begin(), c.addresses.end(),
                               [&](const Address &a) { return a.city == city; });
        });
        out << "  typed \"" << typed << "\" -> " << found->size() << " customer(s), " << inCity
            << " with an address in " << city << "\n";
    }
    out << "\n";
    return {};
}

Result<OrderDraft> sampleOrder(LocalStore &store)
{
    // The Istanbul customer closest to its credit limit (so the credit rule has something to
    // say), and two products stocked in the Istanbul warehouse.
    auto c = store.prepared(
        u"SELECT id FROM customers WHERE territory = 'TR-IST' AND archived = 0 AND "
        u"credit_limit_minor > 0 ORDER BY (SELECT coalesce(sum(total_minor - paid_minor), 0) "
        u"FROM invoices i WHERE i.customer_id = customers.id) * 1.0 / credit_limit_minor "
        u"DESC, seq LIMIT 1"_s);
    if (!c)
        return c.error();
    if (!(*c)->exec() || !(*c)->next())
        return makeError(ErrorCode::NotFound, u"no customer in TR-IST to order for"_s);
    OrderDraft draft;
    draft.customerId = QUuid::fromString((*c)->value(0).toString());
    (*c)->finish();
    auto p = store.prepared(u"SELECT sku FROM stock_levels WHERE warehouse_code = 'WH-IST' AND "
                            u"on_hand_milli > 50000 ORDER BY sku LIMIT 2"_s);
    if (!p)
        return p.error();
    if (!(*p)->exec())
        return makeError(ErrorCode::Storage, u"cannot read stock"_s);
    int qty = 12;
    while ((*p)->next()) {
        auto product = ProductRepository(store).findBySku((*p)->value(0).toString());
        if (!product)
            return product.error();
        draft.lines.append({product->sku, Quantity::ofUnits(qty, product->baseUnit).value()});
        qty = 3;
    }
    (*p)->finish();
    if (draft.lines.isEmpty())
        return makeError(ErrorCode::NotFound, u"no stocked product in WH-IST"_s);
    draft.date = QDate(2026, 11, 22);
    draft.warehouseCode = u"WH-IST"_s;
    draft.createdBy = u"rep.tr1"_s;
    return draft;
}

Result<void> orderTour(LocalStore &store, QTextStream &out)
{
    auto draft = sampleOrder(store);
    if (!draft)
        return draft.error();
    auto customer = CustomerRepository(store).get(draft->customerId);
    if (!customer)
        return customer.error();
    out << "An order for " << customer->name << " (" << customer->code << "), priced offline\n";
    OrderService orders(store);
    auto check = orders.check(*draft);
    if (!check)
        return check.error();
    for (const PricedLine &line : check->priced.lines) {
        out << "  " << line.sku << "  " << line.quantity.toDecimalString() << " "
            << line.quantity.unit() << "  net " << line.net.toString() << "  tax "
            << line.tax.toString() << "  total " << line.total.toString() << "\n";
        for (const PriceStep &step : line.steps)
            out << "      why: " << step.description << "\n";
    }
    out << "  document: net " << check->priced.net.toString() << ", tax "
        << check->priced.tax.toString() << ", total " << check->priced.total.toString() << "\n";
    const CreditDecision &credit = check->credit;
    out << "  credit: " << creditOutcomeName(credit.outcome) << " (exposure "
        << credit.exposure.toString() << ", after this order " << credit.projected.toString()
        << ", limit " << (credit.limit ? credit.limit->toString() : u"none"_s) << ")\n";
    for (const PromiseCheck &s : check->stock)
        out << "  stock " << s.sku << ": " << promiseOutcomeName(s.outcome) << ", "
            << s.promisable.toDecimalString() << " of " << s.requested.toDecimalString()
            << " promisable (as of " << s.asOf.toString(Qt::ISODate) << ")\n";
    for (const QString &w : check->warnings())
        out << "  warning: " << w << "\n";

    QElapsedTimer timer;
    timer.start();
    auto saved = orders.submit(*draft);
    if (!saved)
        return saved.error();
    const double ms = timer.nsecsElapsed() / 1e6;
    auto pending = OutboxRepository(store).countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();
    out << "  saved offline as " << idToString(saved->id) << " in " << QString::number(ms, 'f', 1)
        << " ms (durable), status " << documentStatusName(saved->status) << "; " << *pending
        << " mutation(s) waiting in the outbox for HQ\n";
    return {};
}

} // namespace

Result<void> runTour(LocalStore &store, QTextStream &out)
{
    if (auto r = searchTour(store, out); !r)
        return r;
    return orderTour(store, out);
}

} // namespace karvan

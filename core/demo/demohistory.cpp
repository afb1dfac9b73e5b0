// A year of sales history, simulated day by day up to the demo's today: quotes, orders priced by
// priceDocument(), credit decisions by decideCredit(), invoices, payments, tickets, activities
// and opportunities. Records are emitted on their own date, so the stream is in date order;
// what happens later (a payment, a conversion) waits in an agenda for its day.

#include "demo/demohistory.h"

#include "rules/credit.h"

using namespace Qt::StringLiterals;

namespace karvan::demo {

History::History(DemoRun &run)
    : m_run(run)
    , m_random(run.m_options.seed, 30)
    , m_agenda(run.m_days)
    , m_stretchByDay(run.m_days)
    , m_followUps(run.m_days)
{
    // Business days carry the orders; the company grows through the year and sells most before
    // the winter holidays.
    static const int weekday[] = {1000, 1000, 1000, 950, 850, 550, 250}; // Monday first
    static const int month[]
        = {900, 950, 1050, 1000, 1000, 1050, 1000, 950, 1000, 1050, 1100, 1150};
    quint64 sum = 0;
    for (int d = 0; d < run.m_days; ++d) {
        const QDate date = run.m_historyStart.addDays(d);
        sum += quint64(weekday[date.dayOfWeek() - 1]) * quint64(month[date.month() - 1])
            * quint64(900 + 200 * d / run.m_days);
        m_dayWeights.push_back(sum);
    }
    for (int i = 0; i < int(run.m_customers.size()); ++i) {
        const int day = run.m_customers[i].stretchDay;
        if (day >= 0 && day < run.m_days)
            m_stretchByDay[day].push_back(i);
    }
    const DemoSizeSpec &s = run.m_spec;
    const qint64 perDay
        = (s.orderLines / 5 * 3 + s.quotes + s.tickets + s.activities + s.opportunities)
            / run.m_days
        + 1;
    m_tickMax = std::max<qint64>(2'000, 2 * 16 * 3'600'000LL / perDay);
    m_todayEnd = DemoRun::millisOf(run.m_today, 18);
}

void History::startDay(int day)
{
    m_day = day;
    m_date = m_run.m_historyStart.addDays(day);
    m_clock = DemoRun::millisOf(m_date, 6);
    m_dayEnd = DemoRun::millisOf(m_date, 22);
}

qint64 History::tick()
{
    m_clock = std::min(m_dayEnd, m_clock + m_random.between(1'000, m_tickMax));
    return m_clock;
}

// How many of `total` should exist by the end of the current day.
qint64 History::target(qint64 total) const
{
    return qint64(static_cast<unsigned __int128>(total) * m_dayWeights[m_day]
                  / m_dayWeights.back());
}

int History::pickCustomer()
{
    const auto &customers = m_run.m_customers;
    int index = m_random.weighted(m_run.m_customerWeights);
    for (int attempt = 0; attempt < 8 && customers[index].activeUntilDay <= m_day; ++attempt)
        index = m_random.weighted(m_run.m_customerWeights);
    for (int step = 0; customers[index].activeUntilDay <= m_day && step < int(customers.size());
         ++step)
        index = (index + 1) % int(customers.size());
    return index;
}

void History::schedule(int day, Event event)
{
    if (day < m_run.m_days) // beyond today: has not happened yet
        m_agenda[day].push_back(std::move(event));
}

Quantity History::pickQuantity(const CustomerInfo &c, const ProductInfo &p)
{
    struct Range
    {
        qint64 lo, hi;
    };
    // Grocery, Supermarket, Wholesaler, Horeca, KeyAccount
    static const Range pieces[] = {{1, 24}, {6, 60}, {12, 360}, {2, 36}, {24, 600}};
    static const Range kilos[] = {{1, 10}, {2, 25}, {10, 150}, {1, 12}, {10, 200}};
    const int kind = int(c.kind);
    const qint64 r = qint64(m_random.below(1000));
    if (p.kg) {
        const Range k = kilos[kind];
        if (p.product.sku.startsWith(u"FRU")) // weighed to the gram
            return Quantity::fromMilli(k.lo * 1000 + (k.hi - k.lo) * 1000 * r * r / 1'000'000
                                           + qint64(m_random.below(1000)),
                                       p.product.baseUnit)
                .value();
        return Quantity::fromMilli((2 * k.lo + (2 * k.hi - 2 * k.lo) * r * r / 1'000'000) * 500,
                                   p.product.baseUnit)
            .value();
    }
    if (!p.product.unitConversions.isEmpty() && kind != int(BusinessKind::Grocery)
        && m_random.chance(300)) {
        return Quantity::ofUnits(1 + r * r / 50'000, p.product.unitConversions.first().unit)
            .value();
    }
    const Range e = pieces[kind];
    return Quantity::ofUnits(e.lo + (e.hi - e.lo) * r * r / 1'000'000, p.product.baseUnit).value();
}

QList<PricingRequest::Line> History::pickLines(const CustomerInfo &c, int count)
{
    QList<PricingRequest::Line> lines;
    for (int attempt = 0; lines.size() < count && attempt < count * 4; ++attempt) {
        const ProductInfo *p = nullptr;
        if (!c.prices.isEmpty() && m_random.chance(350))
            p = &m_run.m_products[m_run.m_productBySku.value(m_random.pick(c.prices).sku)];
        else
            p = &m_run.m_products[m_run.m_sellable[m_random.weighted(m_run.m_productWeights)]];
        bool duplicate = false;
        for (const PricingRequest::Line &line : std::as_const(lines))
            duplicate = duplicate || line.sku == p->product.sku;
        if (!duplicate)
            lines.append(PricingRequest::Line {p->product.sku, pickQuantity(c, *p)});
    }
    return lines;
}

void History::fillDocument(SalesDocument &doc, const CustomerInfo &c, const PricedDocument &priced)
{
    const QString &warehouse = m_run.m_territories.at(c.territory).warehouseCode;
    doc.customerId = c.id;
    doc.currency = m_run.m_currency;
    doc.date = m_date;
    doc.createdBy = repOf(c);
    doc.createdAt = at(m_clock);
    for (qsizetype i = 0; i < priced.lines.size(); ++i) {
        const PricedLine &pl = priced.lines.at(i);
        DocumentLine line;
        line.lineNo = int(i + 1);
        line.sku = pl.sku;
        line.quantity = pl.quantity;
        line.warehouseCode = warehouse;
        line.unitPrice = pl.unitPrice;
        line.lineNet = pl.net;
        line.lineTax = pl.tax;
        line.lineTotal = pl.total;
        doc.lines.append(std::move(line));
    }
    doc.net = priced.net;
    doc.tax = priced.tax;
    doc.total = priced.total;
}

Result<void> History::createQuote(int customer)
{
    const CustomerInfo &c = m_run.m_customers[customer];
    const QList<PricingRequest::Line> lines = pickLines(c, int(m_random.between(2, 10)));
    auto priced = m_run.price(c, m_date, lines);
    if (!priced)
        return priced.error();

    SalesDocument doc;
    doc.id = m_run.nextId(tick());
    doc.kind = SalesDocument::Kind::Quote;
    doc.number = number(u"SQ", &m_quoteSeq);
    fillDocument(doc, c, priced.value());
    const int validity
        = c.kind == BusinessKind::Wholesaler || c.kind == BusinessKind::KeyAccount ? 30 : 14;
    doc.validUntil = m_date.addDays(validity);

    const int lastConversionDay = m_run.m_days - 3;
    const int convertBy = std::min(m_day + validity, lastConversionDay);
    if (doc.validUntil >= m_run.m_today) {
        doc.status = DocumentStatus::Confirmed; // sent, awaiting the customer's answer
    } else {
        const int r = int(m_random.below(1000));
        const int conversionDay
            = convertBy > m_day ? int(m_random.between(m_day + 1, convertBy)) : -1;
        if (r < 450 && conversionDay > 0 && c.activeUntilDay > conversionDay) {
            doc.status = DocumentStatus::Converted;
            schedule(conversionDay, Event {Event::Type::Convert, customer, doc.id, 0, lines, {}});
        } else if (r < 600) {
            doc.status = DocumentStatus::Rejected;
            doc.statusReason = m_random.chance(500) ? u"Customer declined: price too high"_s
                                                    : u"Customer declined: bought elsewhere"_s;
        } else {
            doc.status = DocumentStatus::Expired;
        }
    }
    KARVAN_DEMO_TRY(m_run.m_sink.salesDocument(doc));
    ++m_run.m_summary.quotes;
    m_run.m_summary.quoteLines += doc.lines.size();
    ++m_quotes;
    return {};
}

Result<void> History::createOrder(int customer, const QList<PricingRequest::Line> &lines,
                                  const QUuid &sourceQuote, bool mustInvoice)
{
    CustomerInfo &c = m_run.m_customers[customer];
    auto priced = m_run.price(c, m_date, lines);
    if (!priced)
        return priced.error();

    SalesDocument doc;
    doc.id = m_run.nextId(tick());
    doc.kind = SalesDocument::Kind::Order;
    doc.number = number(u"SO", &m_orderSeq);
    doc.sourceQuoteId = sourceQuote;
    fillDocument(doc, c, priced.value());
    const qint64 total = doc.total.minorUnits();
    const int a = age();

    // HQ's credit decision, by the company's credit rule.
    bool hold = false;
    if (c.creditLimitMinor > 0) {
        CreditInputs in;
        in.limit = money(c.creditLimitMinor);
        in.openReceivables = money(c.openMinor);
        in.unbilledOrders = money(c.unbilledMinor);
        in.unsyncedOrders = money(0);
        in.overdue = money(0);
        in.orderAmount = doc.total;
        auto decision = decideCredit(in);
        if (!decision)
            return decision.error();
        if (decision->isHold()) {
            hold = true;
            doc.status = a <= 21 ? DocumentStatus::CreditHold : DocumentStatus::Cancelled;
            doc.statusReason = decision->reasons.isEmpty() ? u"Credit limit exceeded"_s
                                                           : decision->reasons.first().message;
            if (doc.status == DocumentStatus::Cancelled)
                doc.statusReason += u"; cancelled after 21 days on credit hold"_s;
        }
    }
    if (!hold) {
        if (mustInvoice) {
            doc.status = DocumentStatus::Invoiced;
        } else if (a > 14) {
            static const int w[] = {940, 20, 40}; // Invoiced, Delivered, Cancelled
            static const DocumentStatus s[]
                = {DocumentStatus::Invoiced, DocumentStatus::Delivered, DocumentStatus::Cancelled};
            doc.status = s[m_random.weightedPerMille(w)];
            if (doc.status == DocumentStatus::Delivered && a > 20)
                doc.status = DocumentStatus::Invoiced;
        } else if (a > 1) {
            // Backorders wait for stock for a week or two.
            static const int w[] = {600, 120, 80, 100, 50, 50};
            static const DocumentStatus s[]
                = {DocumentStatus::Invoiced,           DocumentStatus::Delivered,
                   DocumentStatus::Confirmed,          DocumentStatus::Backordered,
                   DocumentStatus::PartiallyAllocated, DocumentStatus::Cancelled};
            doc.status = s[m_random.weightedPerMille(w)];
        } else {
            static const int w[] = {200, 150, 500, 100, 50};
            static const DocumentStatus s[]
                = {DocumentStatus::Invoiced, DocumentStatus::Delivered, DocumentStatus::Confirmed,
                   DocumentStatus::Backordered, DocumentStatus::PartiallyAllocated};
            doc.status = s[m_random.weightedPerMille(w)];
        }
        const DocumentLine &first = doc.lines.first();
        switch (doc.status) {
        case DocumentStatus::Backordered:
            doc.statusReason = u"Out of stock at %1: %2"_s.arg(first.warehouseCode, first.sku);
            break;
        case DocumentStatus::PartiallyAllocated:
            doc.statusReason = u"%1 short at %2; the rest ships when stock arrives"_s.arg(
                first.sku, first.warehouseCode);
            break;
        case DocumentStatus::Cancelled:
            doc.statusReason = u"Cancelled at the customer's request"_s;
            break;
        default:
            break;
        }
    }

    switch (doc.status) {
    case DocumentStatus::Invoiced: {
        const int lag = int(m_random.between(mustInvoice ? 1 : 0, std::min(3, a)));
        schedule(m_day + lag, Event {Event::Type::Invoice, customer, doc.id, total, {}, {}});
        c.unbilledMinor += total; // until the invoice is out
        break;
    }
    case DocumentStatus::Confirmed:
    case DocumentStatus::Backordered:
    case DocumentStatus::PartiallyAllocated:
    case DocumentStatus::Delivered:
        c.unbilledMinor += total;
        break;
    default:
        break;
    }

    KARVAN_DEMO_TRY(m_run.m_sink.salesDocument(doc));
    ++m_run.m_summary.orders;
    m_run.m_summary.orderLines += doc.lines.size();
    m_run.m_summary.orderTotalMinor += total;
    m_lines += doc.lines.size();
    return {};
}

// An order that takes a stretched customer to about 97 % of its credit limit; the customer
// orders again a few days later, and that order meets the credit rule.
Result<void> History::topUp(int customer)
{
    const CustomerInfo &c = m_run.m_customers[customer];
    const qint64 need = c.creditLimitMinor * 97 / 100 - c.openMinor - c.unbilledMinor;
    if (need <= c.creditLimitMinor / 20)
        return {};
    QList<PricingRequest::Line> lines;
    const int count = int(m_random.between(1, 4));
    for (int attempt = 0; lines.size() < count && attempt < 40; ++attempt) {
        const ProductInfo &p
            = m_run.m_products[m_run.m_sellable[m_random.weighted(m_run.m_productWeights)]];
        if (p.kg || p.listMinor < 100 || p.listMinor > 3000)
            continue;
        bool duplicate = false;
        for (const PricingRequest::Line &line : std::as_const(lines))
            duplicate = duplicate || line.sku == p.product.sku;
        if (duplicate)
            continue;
        const QList<PricingRequest::Line> probe
            = {PricingRequest::Line {p.product.sku, Quantity::ofUnits(1, u"ea"_s).value()}};
        auto one = m_run.price(c, m_date, probe);
        if (!one)
            return one.error();
        const qint64 units = need / count / std::max<qint64>(1, one->total.minorUnits());
        if (units >= 1)
            lines.append(
                PricingRequest::Line {p.product.sku, Quantity::ofUnits(units, u"ea"_s).value()});
    }
    if (lines.isEmpty())
        return {};
    // Volume tiers move the unit price with the quantity: scale down until it fits.
    for (int round = 0; round < 6; ++round) {
        auto priced = m_run.price(c, m_date, lines);
        if (!priced)
            return priced.error();
        const qint64 total = priced->total.minorUnits();
        if (total <= need)
            break;
        for (PricingRequest::Line &line : lines) {
            const qint64 units = std::max<qint64>(
                1, line.quantity.milli() / Quantity::Scale * need / total - (round > 2 ? 1 : 0));
            line.quantity = Quantity::ofUnits(units, u"ea"_s).value();
        }
    }
    const int followUp = m_day + int(m_random.between(1, 3));
    if (followUp < m_run.m_days)
        m_followUps[followUp].push_back(customer);
    return createOrder(customer, lines, QUuid(), true);
}

Result<void> History::emitInvoice(const Event &e)
{
    CustomerInfo &c = m_run.m_customers[e.customer];
    const QDate today = m_run.m_today;
    const qint64 total = e.amountMinor;

    Invoice inv;
    inv.id = m_run.nextId(tick());
    inv.number = number(u"INV", &m_invoiceSeq);
    inv.customerId = c.id;
    inv.orderId = e.ref;
    inv.date = m_date;
    inv.dueDate = m_date.addDays(c.paymentTermsDays);

    // When the customer pays, by its habits; what falls after today has not happened yet.
    struct Planned
    {
        QDate date;
        qint64 amount;
    };
    QList<Planned> plan;
    const QDate due = inv.dueDate;
    const Payer payer = c.activeUntilDay < m_run.m_days && c.payer != Payer::Cash
        ? Payer::Punctual // closed accounts were settled
        : c.payer;
    if (c.stretched && m_date >= today.addDays(-60)) {
        // a customer stretching its credit: nothing paid lately
    } else if (payer == Payer::Cash) {
        plan.append({m_date, total});
    } else if (payer == Payer::Punctual) {
        plan.append(
            {std::max(m_date, due.addDays(-m_random.between(0, std::min(10, c.paymentTermsDays)))),
             total});
    } else if (payer == Payer::Late) {
        plan.append({due.addDays(m_random.between(3, 45)), total});
    } else if (payer == Payer::Installments) {
        const qint64 first = total / 2;
        plan.append({std::max(m_date, due.addDays(-2)), first});
        plan.append({due.addDays(m_random.between(15, 30)), total - first});
    } else { // Slow
        if (m_random.chance(500)) {
            const qint64 part = total * m_random.between(30, 70) / 100;
            plan.append({due.addDays(m_random.between(20, 60)), part});
            plan.append({due.addDays(m_random.between(90, 150)), total - part});
        } else {
            plan.append({due.addDays(m_random.between(60, 120)), total});
        }
    }

    const bool chequeCountry = c.territory <= 3; // TR, IR, AE, IL
    qint64 paid = 0;
    for (const Planned &p : std::as_const(plan)) {
        if (p.date > today || p.amount <= 0)
            continue;
        paid += p.amount;
        QString method;
        if (payer == Payer::Cash) {
            method = m_random.chance(700) ? u"cash"_s : u"card"_s;
        } else {
            const int r = int(m_random.below(1000));
            method = r < 600 ? u"transfer"_s
                : r < 880    ? (chequeCountry ? u"cheque"_s : u"card"_s)
                             : u"cash"_s;
        }
        schedule(int(m_run.m_historyStart.daysTo(p.date)),
                 Event {Event::Type::Payment, e.customer, inv.id, p.amount, {}, method});
    }
    // Now and then a customer pays something on account, ahead of its invoices.
    if (payer != Payer::Cash && m_random.chance(15)) {
        const QDate date = m_date.addDays(m_random.between(0, 20));
        if (date <= today) {
            schedule(int(m_run.m_historyStart.daysTo(date)),
                     Event {Event::Type::Payment,
                            e.customer,
                            QUuid(),
                            m_random.between(1, 10) * 5'000,
                            {},
                            u"transfer"_s});
        }
    }

    inv.total = money(total);
    inv.paid = money(paid);
    c.unbilledMinor -= total;
    c.openMinor += total - paid;
    if (inv.dueDate < today && paid < total) {
        ++m_run.m_summary.overdueInvoices;
        m_run.m_summary.overdueMinor += total - paid;
    }
    KARVAN_DEMO_TRY(m_run.m_sink.invoice(inv));
    ++m_run.m_summary.invoices;
    m_run.m_summary.invoicedMinor += total;
    return {};
}

Result<void> History::emitPayment(const Event &e)
{
    Payment p;
    p.id = m_run.nextId(tick());
    p.customerId = m_run.m_customers[e.customer].id;
    p.date = m_date;
    p.amount = money(e.amountMinor);
    p.method = e.method;
    p.invoiceId = e.ref;
    KARVAN_DEMO_TRY(m_run.m_sink.payment(p));
    ++m_run.m_summary.payments;
    m_run.m_summary.paidMinor += e.amountMinor;
    if (e.ref.isNull())
        ++m_run.m_summary.onAccountPayments;
    return {};
}

Result<void> History::simulate()
{
    const DemoSizeSpec &spec = m_run.m_spec;
    for (int day = 0; day < m_run.m_days; ++day) {
        startDay(day);
        std::vector<Event> pending = std::move(m_agenda[day]);
        m_agenda[day].clear();

        // Quotes the customers accepted become orders.
        for (const Event &e : pending) {
            if (e.type == Event::Type::Convert)
                KARVAN_DEMO_TRY(createOrder(e.customer, e.lines, e.ref, false));
        }
        for (int customer : m_stretchByDay[day])
            KARVAN_DEMO_TRY(topUp(customer));
        for (int customer : m_followUps[day]) {
            const CustomerInfo &c = m_run.m_customers[customer];
            KARVAN_DEMO_TRY(
                createOrder(customer, pickLines(c, int(m_random.between(3, 8))), QUuid(), false));
        }

        const qint64 quoteTarget = target(spec.quotes);
        while (m_quotes < quoteTarget)
            KARVAN_DEMO_TRY(createQuote(pickCustomer()));

        const qint64 lineTarget = target(spec.orderLines);
        while (m_lines < lineTarget) {
            const int customer = pickCustomer();
            static const int maxLines[] = {5, 10, 14, 7, 18}; // by business kind
            const int wanted
                = int(m_random.between(1, maxLines[int(m_run.m_customers[customer].kind)]));
            const int count = int(std::min<qint64>(wanted, lineTarget - m_lines));
            KARVAN_DEMO_TRY(createOrder(customer, pickLines(m_run.m_customers[customer], count),
                                        QUuid(), false));
        }

        // Invoices, then the payments they bring (cash customers pay the same day).
        for (Event &e : m_agenda[day])
            pending.push_back(std::move(e));
        m_agenda[day].clear();
        while (!pending.empty()) {
            for (const Event &e : pending) {
                if (e.type == Event::Type::Invoice)
                    KARVAN_DEMO_TRY(emitInvoice(e));
            }
            for (const Event &e : pending) {
                if (e.type == Event::Type::Payment)
                    KARVAN_DEMO_TRY(emitPayment(e));
            }
            pending = std::move(m_agenda[day]);
            m_agenda[day].clear();
            // Only payments of today's invoices can arrive here; conversions never do.
        }

        while (m_tickets < target(spec.tickets))
            KARVAN_DEMO_TRY(createTicket(pickCustomer()));
        while (m_activities < target(spec.activities))
            KARVAN_DEMO_TRY(createActivity(pickCustomer()));
        while (m_opportunities < target(spec.opportunities))
            KARVAN_DEMO_TRY(createOpportunity(pickCustomer()));
    }
    return {};
}

Result<void> DemoRun::emitHistory()
{
    History history(*this);
    return history.simulate();
}

} // namespace karvan::demo

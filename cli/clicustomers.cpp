// karvan-cli: customers, customer show, products.

#include "clicommands.h"

#include "domain/json.h"
#include "rules/credit.h"
#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/invoicerepository.h"
#include "store/localstore.h"
#include "store/opportunityrepository.h"
#include "store/productrepository.h"
#include "store/receivablesquery.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

Result<void> parse(QCommandLineParser &parser, const QStringList &args)
{
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(args))
        return usage(parser.errorText());
    return {};
}

Result<int> limitOption(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"limit"_s))
        return 50;
    bool ok = false;
    const int limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > 500)
        return usage(u"--limit must be a whole number from 1 to 500"_s);
    return limit;
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    out << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
               .toJson(QJsonDocument::Indented);
}

QString cityOf(const Customer &c)
{
    return c.addresses.isEmpty() ? QString() : c.addresses.first().city;
}

} // namespace

Result<void> customers(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"search"_s, u"Text to search for."_s, u"text"_s});
    parser.addOption({u"limit"_s, u"At most this many (1-500)."_s, u"n"_s});
    if (auto r = parse(parser, c.args); !r)
        return r;
    if (!parser.positionalArguments().isEmpty())
        return usage(u"customers takes no arguments besides its options"_s);
    auto limit = limitOption(parser);
    if (!limit)
        return limit.error();
    auto found = CustomerRepository(c.store).search(parser.value(u"search"_s), *limit);
    if (!found)
        return found.error();
    if (parser.isSet(u"json"_s)) {
        QJsonArray list;
        for (const Customer &customer : *found)
            list.append(json::customer(customer));
        printJson(c.out, list);
        return {};
    }
    for (const Customer &customer : *found)
        c.out << customer.code.leftJustified(10) << ' ' << customer.name << " — "
              << cityOf(customer) << "  " << customer.id.toString(QUuid::WithoutBraces) << '\n';
    c.err << found->size() << " customer(s)" << Qt::endl;
    return {};
}

Result<void> customerShow(Context &c)
{
    QCommandLineParser parser;
    if (auto r = parse(parser, c.args); !r)
        return r;
    if (parser.positionalArguments().size() != 1)
        return usage(u"customer show ID"_s);
    const QUuid id = QUuid::fromString(parser.positionalArguments().first());
    if (id.isNull())
        return makeError(
            ErrorCode::InvalidArgument,
            u"\"%1\" is not a customer id"_s.arg(parser.positionalArguments().first()));
    auto customer = CustomerRepository(c.store).get(id);
    if (!customer)
        return customer.error();
    const QDate today = QDate::currentDate();
    auto balances = ReceivablesQuery(c.store).balances(id, customer->currency, today);
    if (!balances)
        return balances.error();
    const CreditInputs inputs
        = balances->creditInputs(customer->creditLimit, Money::zero(customer->currency).value());
    auto credit = decideCredit(inputs);
    if (!credit)
        return credit.error();
    auto documents = DocumentRepository(c.store).listForCustomer(id, 20);
    auto invoices = InvoiceRepository(c.store).listForCustomer(id, 20);
    auto payments = PaymentRepository(c.store).listForCustomer(id, 20);
    auto tickets = TicketRepository(c.store).listForCustomer(id, 50);
    auto activities = ActivityRepository(c.store).listForCustomer(id, 20);
    auto opportunities = OpportunityRepository(c.store).listForCustomer(id);
    for (const Error *e :
         {documents ? nullptr : &documents.error(), invoices ? nullptr : &invoices.error(),
          payments ? nullptr : &payments.error(), tickets ? nullptr : &tickets.error(),
          activities ? nullptr : &activities.error(),
          opportunities ? nullptr : &opportunities.error()}) {
        if (e)
            return *e;
    }

    QJsonObject creditJson {
        {u"status"_s, creditOutcomeName(credit->outcome)},
        {u"limit"_s, credit->limit ? json::money(*credit->limit) : QJsonValue()},
        {u"exposure"_s, json::money(credit->exposure)},
        {u"available"_s, credit->available ? json::money(*credit->available) : QJsonValue()},
        {u"open_receivables"_s, json::money(balances->openReceivables)},
        {u"unbilled_orders"_s, json::money(balances->unbilledOrders)},
        {u"unsynced_orders"_s, json::money(balances->unsyncedOrders)},
        {u"overdue"_s, json::money(balances->overdue)},
        {u"oldest_overdue_days"_s, balances->oldestOverdueDays}};
    QJsonArray reasons;
    for (const CreditReason &r : credit->reasons)
        reasons.append(QJsonObject {{u"code"_s, r.code}, {u"message"_s, r.message}});
    creditJson.insert(u"reasons"_s, reasons);
    auto list = [](const auto &items, auto toJson) {
        QJsonArray a;
        for (const auto &item : items)
            a.append(toJson(item));
        return a;
    };
    qsizetype openTickets = 0;
    for (const Ticket &t : *tickets)
        openTickets += t.status != Ticket::Status::Closed && t.status != Ticket::Status::Resolved;

    if (parser.isSet(u"json"_s)) {
        printJson(c.out,
                  QJsonObject {{u"customer"_s, json::customer(*customer)},
                               {u"credit"_s, creditJson},
                               {u"open_tickets"_s, openTickets},
                               {u"documents"_s, list(*documents, json::document)},
                               {u"invoices"_s, list(*invoices, json::invoice)},
                               {u"payments"_s, list(*payments, json::payment)},
                               {u"tickets"_s, list(*tickets, json::ticket)},
                               {u"activities"_s, list(*activities, json::activity)},
                               {u"opportunities"_s, list(*opportunities, json::opportunity)}});
        return {};
    }
    c.out << customer->name << " (" << customer->code << "), " << customer->territory << '\n'
          << "  credit " << creditOutcomeName(credit->outcome) << ": exposure "
          << credit->exposure.toString() << ", limit "
          << (credit->limit ? credit->limit->toString() : u"none"_s) << ", overdue "
          << balances->overdue.toString() << '\n'
          << "  " << documents->size() << " recent documents, " << invoices->size() << " invoices, "
          << payments->size() << " payments, " << openTickets << " open tickets, "
          << activities->size() << " activities\n";
    for (const SalesDocument &d : *documents)
        c.out << "  " << d.date.toString(Qt::ISODate) << "  "
              << (d.kind == SalesDocument::Kind::Quote ? "quote" : "order") << "  "
              << documentStatusName(d.status).leftJustified(20) << d.total.toString() << '\n';
    return {};
}

Result<void> products(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"search"_s, u"Text to search for (name, SKU, barcode)."_s, u"text"_s});
    parser.addOption({u"limit"_s, u"At most this many (1-500)."_s, u"n"_s});
    if (auto r = parse(parser, c.args); !r)
        return r;
    if (!parser.positionalArguments().isEmpty())
        return usage(u"products takes no arguments besides its options"_s);
    auto limit = limitOption(parser);
    if (!limit)
        return limit.error();
    auto found = ProductRepository(c.store).search(parser.value(u"search"_s), *limit);
    if (!found)
        return found.error();
    StockRepository stock(c.store);
    QJsonArray list;
    for (const Product &p : *found) {
        auto atp = stock.availability(p.sku);
        if (!atp)
            return atp.error();
        QJsonObject item = json::product(p);
        QJsonArray warehouses;
        const SkuAvailability *sku = atp->find(p.sku);
        if (sku) {
            for (const WarehouseAvailability &w : sku->warehouses)
                warehouses.append(QJsonObject {
                    {u"warehouse"_s, w.warehouseCode},
                    {u"on_hand"_s, json::quantity(w.onHand)},
                    {u"available"_s, json::quantity(w.promisable)},
                    {u"unsynced_reserved"_s, json::quantity(w.localReserved)},
                    {u"as_of"_s,
                     w.asOf.isValid() ? QJsonValue(w.asOf.toString(Qt::ISODate)) : QJsonValue()}});
        }
        item.insert(u"stock"_s, warehouses);
        item.insert(u"available"_s, sku ? json::quantity(sku->promisable) : QJsonValue());
        list.append(item);
        if (!parser.isSet(u"json"_s))
            c.out << p.sku.leftJustified(12) << ' ' << p.name << " — "
                  << (sku ? sku->promisable.toDecimalString() + u' ' + sku->unit
                          : u"no stock figure"_s)
                  << (sku && sku->asOf.isValid()
                          ? u" (as of "_s + sku->asOf.toString(Qt::ISODate) + u')'
                          : QString())
                  << '\n';
    }
    if (parser.isSet(u"json"_s))
        printJson(c.out, list);
    else
        c.err << found->size() << " product(s)" << Qt::endl;
    return {};
}

} // namespace karvan::cli

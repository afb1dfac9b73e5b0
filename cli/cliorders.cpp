// karvan-cli: order create, quote create, status, rejected.

#include "clicommands.h"

#include "domain/json.h"
#include "services/orderservice.h"
#include "store/conflictrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/productrepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

QJsonObject rulesJson(const OrderCheck &check)
{
    QJsonArray lines;
    for (const PricedLine &l : check.priced.lines) {
        QJsonArray steps;
        for (const PriceStep &s : l.steps)
            steps.append(QJsonObject {{u"reference"_s, s.reference},
                                      {u"description"_s, s.description},
                                      {u"unit_price"_s, json::money(s.unitPrice)}});
        lines.append(QJsonObject {{u"sku"_s, l.sku},
                                  {u"quantity"_s, json::quantity(l.quantity)},
                                  {u"list_unit_price"_s, json::money(l.listUnitPrice)},
                                  {u"unit_price"_s, json::money(l.unitPrice)},
                                  {u"net"_s, json::money(l.net)},
                                  {u"tax"_s, json::money(l.tax)},
                                  {u"total"_s, json::money(l.total)},
                                  {u"why"_s, steps}});
    }
    QJsonArray stock;
    for (const PromiseCheck &s : check.stock)
        stock.append(QJsonObject {
            {u"sku"_s, s.sku},
            {u"outcome"_s, promiseOutcomeName(s.outcome)},
            {u"requested"_s, json::quantity(s.requested)},
            {u"promisable"_s, json::quantity(s.promisable)},
            {u"as_of"_s,
             s.asOf.isValid() ? QJsonValue(s.asOf.toString(Qt::ISODate)) : QJsonValue()}});
    return QJsonObject {{u"lines"_s, lines},
                        {u"credit"_s, creditOutcomeName(check.credit.outcome)},
                        {u"stock"_s, stock},
                        {u"warnings"_s, QJsonArray::fromStringList(check.warnings())}};
}

Result<PricingRequest::Line> parseLine(LocalStore &store, const QString &spec, int lineNo)
{
    // SKU=QTY or SKU=QTY:UNIT
    const qsizetype eq = spec.lastIndexOf(u'=');
    if (eq <= 0 || eq == spec.size() - 1)
        return usage(
            u"--line %1: expected SKU=QTY or SKU=QTY:UNIT, got \"%2\""_s.arg(lineNo).arg(spec));
    const QString sku = spec.left(eq);
    QString qty = spec.mid(eq + 1);
    QString unit;
    if (const qsizetype colon = qty.indexOf(u':'); colon >= 0) {
        unit = qty.mid(colon + 1);
        qty = qty.left(colon);
    }
    if (unit.isEmpty()) {
        auto product = ProductRepository(store).findBySku(sku);
        if (!product)
            return makeError(
                product.error().code,
                u"line %1 (SKU %2): %3"_s.arg(lineNo).arg(sku, product.errorMessage()));
        unit = product->baseUnit;
    }
    auto quantity = Quantity::parse(qty, unit);
    if (!quantity)
        return makeError(quantity.error().code,
                         u"line %1 (SKU %2): %3"_s.arg(lineNo).arg(sku, quantity.errorMessage()));
    return PricingRequest::Line {sku, *quantity};
}

Result<QDate> dateOption(const QCommandLineParser &parser, const QString &name,
                         const QDate &fallback)
{
    if (!parser.isSet(name))
        return fallback;
    const QDate d = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!d.isValid())
        return usage(u"--%1 must be a date as YYYY-MM-DD"_s.arg(name));
    return d;
}

} // namespace

Result<void> documentCreate(Context &c, bool quote)
{
    QCommandLineParser parser;
    parser.addOption({u"customer"_s, u"The customer's id."_s, u"id"_s});
    parser.addOption({u"line"_s, u"SKU=QTY[:UNIT], repeatable."_s, u"line"_s});
    parser.addOption({u"warehouse"_s, u"Warehouse code (default: HQ chooses)."_s, u"code"_s});
    parser.addOption({u"date"_s, u"Document date (default: today)."_s, u"date"_s});
    parser.addOption({u"valid-until"_s, u"Quotes: valid until (default: date + 30)."_s, u"date"_s});
    parser.addOption({u"by"_s, u"Who creates it (default: $USER)."_s, u"login"_s});
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    if (!parser.isSet(u"customer"_s))
        return usage(u"--customer ID is required"_s);
    const QUuid customer = QUuid::fromString(parser.value(u"customer"_s));
    if (customer.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         u"\"%1\" is not a customer id"_s.arg(parser.value(u"customer"_s)));
    const QStringList specs = parser.values(u"line"_s);
    if (specs.isEmpty())
        return usage(u"at least one --line SKU=QTY is required"_s);

    OrderDraft draft;
    draft.kind = quote ? SalesDocument::Kind::Quote : SalesDocument::Kind::Order;
    draft.customerId = customer;
    draft.warehouseCode = parser.value(u"warehouse"_s);
    draft.createdBy = parser.isSet(u"by"_s) ? parser.value(u"by"_s) : qEnvironmentVariable("USER");
    auto date = dateOption(parser, u"date"_s, QDate::currentDate());
    if (!date)
        return date.error();
    draft.date = *date;
    auto validUntil = dateOption(parser, u"valid-until"_s, QDate());
    if (!validUntil)
        return validUntil.error();
    if (validUntil->isValid() && *validUntil < draft.date)
        return makeError(ErrorCode::InvalidArgument, u"--valid-until is before the date"_s);
    draft.validUntil = *validUntil;
    for (int i = 0; i < specs.size(); ++i) {
        auto line = parseLine(c.store, specs.at(i), i + 1);
        if (!line)
            return line.error();
        draft.lines.append(*line);
    }

    OrderService service(c.store);
    auto check = service.check(draft); // the warnings the rep sees before submitting
    if (!check)
        return check.error();
    auto saved = service.submit(draft);
    if (!saved)
        return saved.error();
    auto pending = OutboxRepository(c.store).countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();

    if (parser.isSet(u"json"_s)) {
        QJsonObject out {{u"document"_s, json::document(*saved)},
                         {u"check"_s, rulesJson(*check)},
                         {u"outbox_pending"_s, *pending}};
        c.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return {};
    }
    c.out << (quote ? "quote " : "order ") << saved->id.toString(QUuid::WithoutBraces)
          << " saved on this device, waiting to sync: " << saved->total.toString() << " ("
          << saved->lines.size() << " lines)\n";
    for (const QString &w : check->warnings())
        c.out << "  warning: " << w << '\n';
    return {};
}

Result<void> status(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(u"status takes no arguments besides --json"_s);
    OutboxRepository outbox(c.store);
    SyncStateRepository state(c.store);
    auto pending = outbox.countWithState(OutboxMutation::State::Pending);
    auto sent = outbox.countWithState(OutboxMutation::State::Sent);
    auto rejectedCount = outbox.countWithState(OutboxMutation::State::Rejected);
    auto conflictCount = ConflictRepository(c.store).countUnresolved();
    auto lastSync = state.value(SyncStateRepository::LastSyncAt);
    auto server = state.value(state::ServerUrl);
    auto login = state.value(state::Login);
    auto token = state.value(state::Token);
    for (const Error *e :
         {pending ? nullptr : &pending.error(), sent ? nullptr : &sent.error(),
          rejectedCount ? nullptr : &rejectedCount.error(),
          conflictCount ? nullptr : &conflictCount.error(), lastSync ? nullptr : &lastSync.error(),
          server ? nullptr : &server.error(), login ? nullptr : &login.error(),
          token ? nullptr : &token.error()}) {
        if (e)
            return *e;
    }
    auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    if (parser.isSet(u"json"_s)) {
        c.out << QJsonDocument(QJsonObject {{u"pending"_s, *pending + *sent},
                                            {u"rejected"_s, *rejectedCount},
                                            {u"conflicts"_s, *conflictCount},
                                            {u"last_sync_at"_s, orNull(*lastSync)},
                                            {u"last_sync"_s, orNull(*lastSync)},
                                            {u"server"_s, orNull(*server)},
                                            {u"login"_s, orNull(*login)},
                                            {u"signed_in"_s, !token->isEmpty()}})
                     .toJson(QJsonDocument::Indented);
        return {};
    }
    c.out << "pending " << (*pending + *sent) << ", rejected " << *rejectedCount << ", conflicts "
          << *conflictCount << ", last sync " << (lastSync->isEmpty() ? u"never"_s : *lastSync)
          << '\n';
    if (token->isEmpty())
        c.out << "not signed in" << (login->isEmpty() ? QString() : u" (last: "_s + *login + u')')
              << '\n';
    else
        c.out << "signed in to " << *server << " as " << *login << '\n';
    return {};
}

Result<void> rejected(Context &c)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    auto items = OutboxRepository(c.store).withState(OutboxMutation::State::Rejected);
    if (!items)
        return items.error();
    QJsonArray list;
    for (const OutboxMutation &m : *items) {
        list.append(QJsonObject {{u"seq"_s, m.seq},
                                 {u"mutation_id"_s, m.mutationId.toString(QUuid::WithoutBraces)},
                                 {u"entity"_s, m.entity},
                                 {u"entity_id"_s, m.entityId},
                                 {u"op"_s, m.op},
                                 {u"reason"_s, m.resultReason},
                                 {u"created_at"_s, m.createdAt.toString(Qt::ISODate)}});
        if (!parser.isSet(u"json"_s))
            c.out << m.seq << "  " << m.entity << ' ' << m.op << ' ' << m.entityId << ": "
                  << m.resultReason << '\n';
    }
    if (parser.isSet(u"json"_s))
        c.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return {};
}

} // namespace karvan::cli

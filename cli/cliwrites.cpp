// karvan-cli: the rep's offline writes (customer add/edit, tickets, activities) and the review
// of sync conflicts. Each goes through the same core service as the app: the rows plus ONE
// outbox mutation in one transaction, and nothing written on bad input.

#include "clicommands.h"

#include "domain/ids.h"
#include "domain/json.h"
#include "domain/names.h"
#include "hlc.h"
#include "rules/ticketworkflow.h"
#include "services/activityservice.h"
#include "services/conflictreview.h"
#include "services/customerfields.h"
#include "services/customerservice.h"
#include "services/ticketservice.h"
#include "store/conflictrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

Result<QCommandLineParser *> parseArgs(QCommandLineParser &parser, const QStringList &args,
                                       int positional, const QString &synopsis)
{
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != positional)
        return usage(synopsis);
    return &parser;
}

// Required options are usage errors when missing, as are empty values.
Result<QString> required(const QCommandLineParser &parser, const QString &name,
                         const QString &synopsis)
{
    if (!parser.isSet(name) || parser.value(name).trimmed().isEmpty())
        return usage(u"--%1 is required: %2"_s.arg(name, synopsis));
    return parser.value(name);
}

// --set FIELD=VALUE, repeatable. contacts and addresses take a JSON array; the text fields take
// the text as given ("" clears them). HQ-only and unknown fields are refused with the reason.
Result<QCborMap> parseSets(const QStringList &specs)
{
    QCborMap fields;
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0)
            return usage(u"--set expects FIELD=VALUE, got \"%1\""_s.arg(spec));
        const QString field = spec.left(eq).trimmed();
        const QString text = spec.mid(eq + 1);
        if (auto r = customerfields::checkEditable(field); !r)
            return r.error();
        if (fields.contains(field))
            return usage(u"--set %1 is given twice"_s.arg(field));
        if (field == u"contacts"_s || field == u"addresses"_s) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !doc.isArray())
                return makeError(
                    ErrorCode::InvalidArgument,
                    u"--set %1 takes a JSON array, e.g. %2"_s.arg(
                        field,
                        field == u"contacts"_s
                            ? uR"([{"name":"Ayşe","phone":"+90..."}])"_s
                            : uR"([{"kind":"billing","line1":"...","city":"..."}])"_s));
            fields.insert(field, QCborValue::fromJsonValue(doc.array()));
        } else {
            fields.insert(field, text);
        }
    }
    return fields;
}

// The value most of this device's customers have in column (of those in territory, when
// given): the sensible default for a new customer's currency and tax region.
Result<QString> mostUsed(LocalStore &store, const QString &column, const QString &territory)
{
    // An empty QString may bind as NULL, so without a territory the filter is left out.
    auto query
        = store.prepared(u"SELECT %1 FROM customers WHERE %1 <> ''%2 GROUP BY %1 "
                         "ORDER BY count(*) DESC, %1 LIMIT 1"_s.arg(
                             column, territory.isEmpty() ? QString() : u" AND territory = ?"_s));
    if (!query)
        return query.error();
    QSqlQuery *q = *query;
    if (!territory.isEmpty())
        q->bindValue(0, territory);
    if (!q->exec())
        return makeError(ErrorCode::Storage, q->lastError().text());
    const QString value = q->next() ? q->value(0).toString() : QString();
    q->finish();
    return value;
}

Result<QStringList> signedInTerritories(LocalStore &store)
{
    auto text = SyncStateRepository(store).value(state::Territories);
    if (!text)
        return text.error();
    QStringList out;
    for (const QJsonValue &t : QJsonDocument::fromJson(text->toUtf8()).array())
        out.append(t.toString());
    return out;
}

void printChange(Context &c, bool json, const CustomerChange &change, bool created)
{
    if (json) {
        writeJson(
            c.out,
            QJsonObject {{u"customer"_s, json::customer(change.customer)},
                         {u"changed_fields"_s, QJsonArray::fromStringList(change.changedFields)},
                         {u"hlc"_s, change.hlc},
                         {u"outbox_seq"_s, change.outboxSeq}});
        return;
    }
    const QString id = idToString(change.customer.id);
    if (change.outboxSeq == 0) {
        c.out << "customer " << id << ": nothing changed\n";
        return;
    }
    c.out << "customer " << id << (created ? " created" : " changed")
          << " on this device, waiting to sync";
    if (!created)
        c.out << ": " << change.changedFields.join(u", "_s);
    c.out << '\n';
}

QJsonObject conflictJson(const ConflictRecord &r)
{
    auto value = [](const QCborValue &v) {
        return v.toJsonValue();
    };
    return QJsonObject {
        {u"id"_s, idToString(r.id)},
        {u"entity"_s, r.entity},
        {u"entity_id"_s, r.entityId},
        {u"field"_s, r.field},
        {u"base"_s, r.base ? value(*r.base) : QJsonValue()},
        {u"mine"_s, value(r.mine)},
        {u"theirs"_s, value(r.theirs)},
        {u"winner"_s, r.winner == ConflictRecord::Side::Mine ? u"mine"_s : u"theirs"_s},
        {u"mine_hlc"_s, r.mineHlc},
        {u"theirs_hlc"_s, r.theirsHlc},
        {u"detected_at"_s, r.detectedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"resolution"_s, conflictResolutionName(r.resolution)}};
}

QString shortValue(const QCborValue &v)
{
    QString text = v.isString() ? v.toString()
                                : QString::fromUtf8(QJsonDocument(QJsonArray {v.toJsonValue()})
                                                        .toJson(QJsonDocument::Compact)
                                                        .chopped(1)
                                                        .mid(1));
    text = text.simplified();
    return text.size() > 40 ? text.left(39) + u"…"_s : text;
}

// The clock and author a write service needs; the clock outlives the service.
struct Writer
{
    std::unique_ptr<sync::HlcClock> clock;
    QString author;
    HlcSource source() const
    {
        return [clock = clock.get()] {
            return clock->now().toString();
        };
    }
};

Result<Writer> writer(LocalStore &store)
{
    auto clock = deviceClock(store);
    if (!clock)
        return clock.error();
    auto who = author(store);
    if (!who)
        return who.error();
    return Writer {std::move(clock).value(), *who};
}

} // namespace

Result<QUuid> parseId(const QString &text, const QString &what)
{
    const QUuid id = QUuid::fromString(text.trimmed());
    if (id.isNull())
        return makeError(ErrorCode::InvalidArgument, u"\"%1\" is not a %2 id"_s.arg(text, what));
    return id;
}

void writeJson(QTextStream &out, const QJsonValue &value)
{
    out << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
               .toJson(QJsonDocument::Indented);
}

Result<void> customerAdd(Context &c)
{
    const QString synopsis = u"customer add --name NAME [--set FIELD=VALUE]... [--territory CODE] "
                             "[--currency ISO] [--tax-region CODE]"_s;
    QCommandLineParser parser;
    parser.addOption({u"name"_s, u"The customer's name."_s, u"name"_s});
    parser.addOption({u"set"_s, u"FIELD=VALUE, repeatable."_s, u"field=value"_s});
    parser.addOption({u"territory"_s, u"Proposed territory (default: yours)."_s, u"code"_s});
    parser.addOption({u"currency"_s, u"ISO 4217 (default: the territory's)."_s, u"iso"_s});
    parser.addOption({u"tax-region"_s, u"Proposed tax region."_s, u"code"_s});
    if (auto r = parseArgs(parser, c.args, 0, synopsis); !r)
        return r.error();
    auto name = required(parser, u"name"_s, synopsis);
    if (!name)
        return name.error();
    auto fields = parseSets(parser.values(u"set"_s));
    if (!fields)
        return fields.error();
    if (fields->contains(u"name"_s))
        return usage(u"give the name with --name, not --set name="_s);

    NewCustomer draft;
    draft.fields = *fields;
    draft.fields.insert(u"name"_s, *name);
    draft.territory = parser.value(u"territory"_s).trimmed();
    if (draft.territory.isEmpty()) {
        auto territories = signedInTerritories(c.store);
        if (!territories)
            return territories.error();
        if (!territories->isEmpty())
            draft.territory = territories->first();
    }
    draft.currency = parser.value(u"currency"_s).trimmed().toUpper();
    if (draft.currency.isEmpty()) {
        auto usual = mostUsed(c.store, u"currency"_s, draft.territory);
        if (!usual)
            return usual.error();
        if (usual->isEmpty())
            return makeError(
                ErrorCode::InvalidArgument,
                u"no customer on this device to take a currency from: give --currency"_s);
        draft.currency = *usual;
    }
    draft.taxRegion = parser.value(u"tax-region"_s).trimmed();
    if (!parser.isSet(u"tax-region"_s)) {
        auto usual = mostUsed(c.store, u"tax_region"_s, draft.territory);
        if (!usual)
            return usual.error();
        draft.taxRegion = *usual;
    }
    auto w = writer(c.store);
    if (!w)
        return w.error();
    draft.createdBy = w->author;
    auto change = CustomerService(c.store, w->source()).create(draft);
    if (!change)
        return change.error();
    printChange(c, parser.isSet(u"json"_s), *change, true);
    return {};
}

Result<void> customerEdit(Context &c)
{
    const QString synopsis = u"customer edit ID --set FIELD=VALUE..."_s;
    QCommandLineParser parser;
    parser.addOption({u"set"_s, u"FIELD=VALUE, repeatable."_s, u"field=value"_s});
    if (auto r = parseArgs(parser, c.args, 1, synopsis); !r)
        return r.error();
    if (parser.values(u"set"_s).isEmpty())
        return usage(u"at least one --set FIELD=VALUE is required: "_s + synopsis);
    auto id = parseId(parser.positionalArguments().first(), u"customer"_s);
    if (!id)
        return id.error();
    auto fields = parseSets(parser.values(u"set"_s));
    if (!fields)
        return fields.error();
    auto w = writer(c.store);
    if (!w)
        return w.error();
    auto change = CustomerService(c.store, w->source()).edit(*id, *fields);
    if (!change)
        return change.error();
    printChange(c, parser.isSet(u"json"_s), *change, false);
    return {};
}

Result<void> ticketOpen(Context &c)
{
    const QString synopsis = u"ticket open --customer ID --subject TEXT [--description TEXT] "
                             "[--priority low|normal|high|urgent]"_s;
    QCommandLineParser parser;
    parser.addOption({u"customer"_s, u"The customer's id."_s, u"id"_s});
    parser.addOption({u"subject"_s, u"One line."_s, u"text"_s});
    parser.addOption({u"description"_s, u"What happened."_s, u"text"_s});
    parser.addOption({u"priority"_s, u"low, normal (default), high, urgent."_s, u"priority"_s});
    if (auto r = parseArgs(parser, c.args, 0, synopsis); !r)
        return r.error();
    auto customer = required(parser, u"customer"_s, synopsis);
    if (!customer)
        return customer.error();
    auto subject = required(parser, u"subject"_s, synopsis);
    if (!subject)
        return subject.error();
    NewTicket draft;
    auto id = parseId(*customer, u"customer"_s);
    if (!id)
        return id.error();
    draft.customerId = *id;
    draft.subject = *subject;
    draft.description = parser.value(u"description"_s);
    if (parser.isSet(u"priority"_s)) {
        const auto priority = parseTicketPriority(parser.value(u"priority"_s));
        if (!priority)
            return usage(u"--priority must be low, normal, high or urgent"_s);
        draft.priority = *priority;
    }
    auto w = writer(c.store);
    if (!w)
        return w.error();
    auto ticket = TicketService(c.store, w->source(), w->author).open(draft);
    if (!ticket)
        return ticket.error();
    if (parser.isSet(u"json"_s)) {
        writeJson(c.out, json::ticket(*ticket));
        return {};
    }
    c.out << "ticket " << idToString(ticket->id)
          << " opened on this device, waiting to sync: " << ticket->subject << '\n';
    return {};
}

Result<void> ticketComment(Context &c)
{
    const QString synopsis = u"ticket comment ID --body TEXT"_s;
    QCommandLineParser parser;
    parser.addOption({u"body"_s, u"The comment."_s, u"text"_s});
    if (auto r = parseArgs(parser, c.args, 1, synopsis); !r)
        return r.error();
    auto body = required(parser, u"body"_s, synopsis);
    if (!body)
        return body.error();
    auto id = parseId(parser.positionalArguments().first(), u"ticket"_s);
    if (!id)
        return id.error();
    auto w = writer(c.store);
    if (!w)
        return w.error();
    auto comment = TicketService(c.store, w->source(), w->author).comment(*id, *body);
    if (!comment)
        return comment.error();
    if (parser.isSet(u"json"_s)) {
        writeJson(c.out,
                  QJsonObject {{u"id"_s, idToString(comment->id)},
                               {u"ticket_id"_s, idToString(*id)},
                               {u"author"_s, comment->author},
                               {u"at"_s, comment->at.toUTC().toString(Qt::ISODateWithMs)},
                               {u"body"_s, comment->body}});
        return {};
    }
    c.out << "comment added to ticket " << idToString(*id) << ", waiting to sync\n";
    return {};
}

Result<void> ticketStatus(Context &c)
{
    const QString synopsis = u"ticket status ID --to STATUS | --reopen"_s;
    QCommandLineParser parser;
    parser.addOption(
        {u"to"_s, u"open, in_progress, waiting_on_customer, resolved or closed."_s, u"status"_s});
    parser.addOption({u"reopen"_s, u"Re-open a resolved or closed ticket (back to open)."_s});
    if (auto r = parseArgs(parser, c.args, 1, synopsis); !r)
        return r.error();
    const bool reopen = parser.isSet(u"reopen"_s);
    if (!reopen && !parser.isSet(u"to"_s))
        return usage(u"--to STATUS or --reopen is required: "_s + synopsis);
    std::optional<Ticket::Status> to;
    if (parser.isSet(u"to"_s)) {
        to = parseTicketStatus(parser.value(u"to"_s));
        if (!to)
            return usage(u"--to must be open, in_progress, waiting_on_customer, resolved or "
                         "closed"_s);
        if (reopen && *to != Ticket::Status::Open)
            return usage(u"--reopen goes back to open; --to %1 does not go with it"_s.arg(
                parser.value(u"to"_s)));
    }
    auto id = parseId(parser.positionalArguments().first(), u"ticket"_s);
    if (!id)
        return id.error();
    auto w = writer(c.store);
    if (!w)
        return w.error();
    TicketService service(c.store, w->source(), w->author);
    auto ticket = reopen ? service.reopen(*id) : service.changeStatus(*id, *to);
    if (!ticket)
        return ticket.error();
    if (parser.isSet(u"json"_s)) {
        writeJson(c.out, json::ticket(*ticket));
        return {};
    }
    c.out << "ticket " << idToString(ticket->id) << " is now " << ticketStatusName(ticket->status)
          << " on this device, waiting to sync\n";
    return {};
}

Result<void> activityLog(Context &c)
{
    const QString synopsis = u"activity log --customer ID --kind visit|call|note [--subject TEXT] "
                             "[--notes TEXT] [--minutes N]"_s;
    QCommandLineParser parser;
    parser.addOption({u"customer"_s, u"The customer's id."_s, u"id"_s});
    parser.addOption({u"kind"_s, u"visit, call or note."_s, u"kind"_s});
    parser.addOption({u"subject"_s, u"One line."_s, u"text"_s});
    parser.addOption({u"notes"_s, u"What was said or done."_s, u"text"_s});
    parser.addOption({u"minutes"_s, u"How long it took (0-1440)."_s, u"n"_s});
    if (auto r = parseArgs(parser, c.args, 0, synopsis); !r)
        return r.error();
    auto customer = required(parser, u"customer"_s, synopsis);
    if (!customer)
        return customer.error();
    auto kindText = required(parser, u"kind"_s, synopsis);
    if (!kindText)
        return kindText.error();
    const auto kind = parseActivityKind(*kindText);
    if (!kind)
        return usage(u"--kind must be visit, call or note"_s);
    NewActivity draft;
    auto id = parseId(*customer, u"customer"_s);
    if (!id)
        return id.error();
    draft.customerId = *id;
    draft.kind = *kind;
    draft.subject = parser.value(u"subject"_s);
    draft.notes = parser.value(u"notes"_s);
    if (parser.isSet(u"minutes"_s)) {
        bool ok = false;
        draft.durationMinutes = parser.value(u"minutes"_s).toInt(&ok);
        if (!ok)
            return usage(u"--minutes must be a whole number"_s);
    }
    auto w = writer(c.store);
    if (!w)
        return w.error();
    auto activity = ActivityService(c.store, w->source(), w->author).log(draft);
    if (!activity)
        return activity.error();
    if (parser.isSet(u"json"_s)) {
        writeJson(c.out, json::activity(*activity));
        return {};
    }
    c.out << activityKindName(activity->kind) << ' ' << idToString(activity->id)
          << " logged on this device, waiting to sync\n";
    return {};
}

Result<void> conflicts(Context &c)
{
    QCommandLineParser parser;
    if (auto r = parseArgs(parser, c.args, 0, u"conflicts [--json]"_s); !r)
        return r.error();
    auto list = ConflictRepository(c.store).listUnresolved();
    if (!list)
        return list.error();
    if (parser.isSet(u"json"_s)) {
        QJsonArray out;
        for (const ConflictRecord &r : *list)
            out.append(conflictJson(r));
        writeJson(c.out, out);
        return {};
    }
    for (const ConflictRecord &r : *list)
        c.out << idToString(r.id) << "  " << r.entity << ' ' << r.entityId << ' ' << r.field
              << ": mine \"" << shortValue(r.mine) << "\", theirs \"" << shortValue(r.theirs)
              << "\" (kept: " << (r.winner == ConflictRecord::Side::Mine ? "mine" : "theirs")
              << ")\n";
    c.err << list->size() << " unresolved conflict(s)" << Qt::endl;
    return {};
}

Result<void> conflictResolve(Context &c)
{
    const QString synopsis = u"conflict resolve ID --keep theirs|mine"_s;
    QCommandLineParser parser;
    parser.addOption(
        {u"keep"_s, u"theirs (the row's value stays) or mine (re-apply yours)."_s, u"side"_s});
    if (auto r = parseArgs(parser, c.args, 1, synopsis); !r)
        return r.error();
    auto keep = required(parser, u"keep"_s, synopsis);
    if (!keep)
        return keep.error();
    if (*keep != u"theirs"_s && *keep != u"mine"_s)
        return usage(u"--keep must be theirs or mine"_s);
    auto id = parseId(parser.positionalArguments().first(), u"conflict"_s);
    if (!id)
        return id.error();
    auto w = writer(c.store);
    if (!w)
        return w.error();
    ConflictReview review(c.store, w->source());
    std::optional<CustomerChange> change;
    if (*keep == u"theirs"_s) {
        if (auto r = review.keepTheirs(*id); !r)
            return r.error();
    } else {
        auto reapplied = review.reapplyMine(*id);
        if (!reapplied)
            return reapplied.error();
        change = *reapplied;
    }
    auto record = ConflictRepository(c.store).get(*id);
    if (!record)
        return record.error();
    if (parser.isSet(u"json"_s)) {
        QJsonObject out = conflictJson(*record);
        out.insert(u"outbox_seq"_s, change ? change->outboxSeq : 0);
        writeJson(c.out, out);
        return {};
    }
    c.out << "conflict " << idToString(*id) << " resolved: "
          << (change ? "your value is re-applied and waits to sync" : "the other value stays")
          << '\n';
    return {};
}

} // namespace karvan::cli

#include "sync/mutationapplier.h"

#include "sync/feedrows.h"
#include "sync/mutationapplier_attachments.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "domain/wirerows.h"
#include "erp/masterdata.h"
#include "erp/quotes.h"
#include "erp/sales.h"
#include "erp/servicedesk.h"
#include "merge/fieldmerge.h"
#include "rules/ticketworkflow.h"
#include "services/customerfields.h"
#include "storage/database.h"
#include "sync/hqclock.h"

#include <QCborArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

namespace {

using karvan::sync::FieldVersion;
using karvan::sync::Hlc;
using karvan::sync::MutationResult;
using karvan::sync::SyncMutation;
using Status = MutationResult::Status;

// HQ's verdict on one mutation, before the row is attached: what sync_mutations records.
struct Verdict
{
    Status status = Status::Applied;
    QString reasonCode;
    QString reason;
    QString entity; // the row to send back (empty: none)
    QString entityId;
    bool forged = false; // out of the caller's scope: audited as sync.forged_mutation
    QString forgedTerritory;
};

Verdict applied(const QString &entity, const QString &id)
{
    return {Status::Applied, {}, {}, entity, id, false, {}};
}

Verdict changed(const QString &code, const QString &reason, const QString &entity,
                const QString &id)
{
    return {Status::AppliedWithChanges, code, reason, entity, id, false, {}};
}

Verdict rejected(const QString &code, const QString &reason, const QString &entity = {},
                 const QString &id = {})
{
    return {Status::Rejected, code, reason, entity, id, false, {}};
}

std::optional<Status> statusFromName(const QString &name)
{
    for (Status s : {Status::Applied, Status::AppliedWithChanges, Status::Rejected}) {
        if (karvan::sync::statusName(s) == name)
            return s;
    }
    return std::nullopt;
}

// The first line of a message, for the one-line reason.
QString oneLine(const QString &text)
{
    const QString line = text.section(u'\n', 0, 0).trimmed();
    return line.isEmpty() ? u"refused by HQ"_s : line.left(500);
}

Result<QString> textArg(const QCborMap &args, const QString &key, bool required)
{
    const QCborValue v = args.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return makeError(ErrorCode::InvalidArgument, u"args.%1 is missing"_s.arg(key));
        return QString();
    }
    if (!v.isString())
        return makeError(ErrorCode::InvalidArgument, u"args.%1 must be text"_s.arg(key));
    return v.toString();
}

Result<QUuid> idArg(const QCborMap &args, const QString &key)
{
    auto text = textArg(args, key, true);
    if (!text)
        return text.error();
    const QUuid id = QUuid::fromString(*text);
    if (id.isNull() || text->size() != 36)
        return makeError(ErrorCode::InvalidArgument, u"args.%1 is not a UUID"_s.arg(key));
    return id;
}

QDateTime timeArg(const QCborMap &args, const QString &key)
{
    return QDateTime::fromString(args.value(key).toString(), Qt::ISODateWithMs).toUTC();
}

// One mutation of one push: decides it against HQ's state and writes it through the ERP
// modules. Domain refusals come back as rejected verdicts; only storage failures are errors.
class MutationRun
{
public:
    MutationRun(Database &db, const Caller &caller, const SyncMutation &mutation)
        : m_db(db)
        , m_caller(caller)
        , m_m(mutation)
        , m_actor {caller.user.login, caller.user.role, caller.user.territories}
    { }

    Result<Verdict> perform()
    {
        const QString &e = m_m.entity;
        const QString &op = m_m.op;
        if (e == wire::entity::Customer && (op == u"create"_s || op == u"update"_s))
            return customer(op == u"create"_s);
        if ((e == wire::entity::Order || e == wire::entity::Quote) && op == u"create"_s)
            return document(e == wire::entity::Order);
        if (e == wire::entity::Ticket && op == u"create"_s)
            return ticketCreate();
        if (e == wire::entity::Ticket && op == u"comment"_s)
            return ticketComment();
        if (e == wire::entity::Ticket && op == u"status"_s)
            return ticketStatus();
        if (e == wire::entity::Activity && op == u"create"_s)
            return activityCreate();
        if (e == u"attachment"_s && op == u"create"_s)
            return attachmentCreate();
        return rejected(u"validation"_s,
                        u"HQ does not accept \"%1\" on \"%2\" from a device"_s.arg(op, e));
    }

private:
    // Why a domain error refuses the mutation; storage failures stay errors (the device
    // retries).
    Result<Verdict> refusal(const Error &error, const QString &entity = {}, const QString &id = {})
    {
        if (error.code == ErrorCode::Storage)
            return error;
        if (erp::isPermissionDenied(error))
            return rejected(u"forbidden"_s, oneLine(error.message));
        if (error.code == ErrorCode::NotFound)
            return rejected(u"not_found"_s, oneLine(error.message), entity, id);
        return rejected(u"validation"_s, oneLine(error.message), entity, id);
    }

    bool inScope(const QString &territory) const
    {
        const Role role = m_caller.user.role;
        if (role == Role::Rep || role == Role::Kiosk)
            return m_caller.user.territories.contains(territory);
        return true;
    }

    Verdict forged(const QString &territory) const
    {
        Verdict v = rejected(u"out_of_scope"_s,
                             u"this customer is outside your territories (%1)"_s.arg(territory));
        v.forged = true;
        v.forgedTerritory = territory;
        return v;
    }

    // The customer a mutation is about: a verdict when it must be refused (unknown, out of
    // scope, archived when mustBeActive), else std::nullopt with *out filled.
    Result<std::optional<Verdict>> customerFor(const QUuid &customerId, bool mustBeActive,
                                               erp::CustomerRecord *out)
    {
        const QString id = idToString(customerId);
        auto found = erp::MasterData(m_db).findCustomer(id);
        if (!found) {
            if (found.error().code != ErrorCode::NotFound)
                return found.error();
            return std::optional<Verdict>(rejected(
                u"not_found"_s,
                u"customer %1 is unknown at HQ (never synced, or its creation was rejected)"_s.arg(
                    id)));
        }
        if (!inScope(found->customer.territory))
            return std::optional<Verdict>(forged(found->customer.territory));
        if (mustBeActive && found->customer.archived)
            return std::optional<Verdict>(rejected(u"archived"_s,
                                                   u"customer %1 (%2) is archived at HQ"_s.arg(
                                                       found->customer.code, found->customer.name),
                                                   wire::entity::Customer, id));
        *out = *found;
        return std::optional<Verdict>();
    }

    Result<Verdict> customer(bool create)
    {
        const QString entity = wire::entity::Customer;
        auto id = idArg(m_m.args, u"id"_s);
        if (!id)
            return refusal(id.error());
        const QString idText = idToString(*id);
        if (idText != m_m.entityId)
            return rejected(u"validation"_s, u"args.id differs from entity_id"_s);
        const QCborValue fieldsValue = m_m.args.value(u"fields"_s);
        if (!fieldsValue.isMap())
            return rejected(u"validation"_s, u"args.fields must be a map of fields"_s);
        const QCborMap fields = fieldsValue.toMap();

        erp::MasterData master(m_db);
        auto found = master.findCustomer(idText);
        if (!found && found.error().code != ErrorCode::NotFound)
            return found.error();
        const bool exists = found.ok();
        if (exists && !inScope(found->customer.territory))
            return forged(found->customer.territory);
        if (!exists && !create)
            return rejected(u"not_found"_s,
                            u"customer %1 is unknown at HQ (never synced, or its creation was "
                            "rejected)"_s.arg(idText));

        // HQ-only fields, in fields or beside them (create's proposals excepted).
        QStringList hqOnly;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (customerfields::hqOnly().contains(key))
                hqOnly.append(key);
        }
        const QStringList proposals {u"territory"_s, u"currency"_s, u"tax_region"_s};
        for (auto it = m_m.args.constBegin(); it != m_m.args.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (key == u"id"_s || (create && proposals.contains(key)))
                continue;
            if (customerfields::hqOnly().contains(key))
                hqOnly.append(key);
        }
        if (!hqOnly.isEmpty())
            return rejected(u"hq_only_field"_s,
                            u"%1 can only be changed at HQ"_s.arg(hqOnly.join(u", "_s)),
                            exists ? entity : QString(), exists ? idText : QString());
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            if (auto r = customerfields::checkEditable(it.key().toString()); !r)
                return refusal(r.error(), exists ? entity : QString(), exists ? idText : QString());
        }
        const QString hlc = m_m.hlc.toString();

        if (!exists) {
            Customer c;
            c.id = *id;
            auto territory = textArg(m_m.args, u"territory"_s, false);
            auto currency = textArg(m_m.args, u"currency"_s, false);
            auto taxRegion = textArg(m_m.args, u"tax_region"_s, false);
            for (const auto *r : {&territory, &currency, &taxRegion}) {
                if (!r->ok())
                    return refusal(r->error());
            }
            c.territory = territory->trimmed().toUpper();
            if (c.territory.isEmpty() && !m_caller.user.territories.isEmpty())
                c.territory = m_caller.user.territories.constFirst();
            if (c.territory.isEmpty())
                return rejected(u"validation"_s, u"a new customer needs a territory"_s);
            if (!inScope(c.territory))
                return forged(c.territory);
            c.currency = currency->trimmed().toUpper();
            if (c.currency.isEmpty()) {
                auto company = erp::companyCurrency(m_db);
                if (!company)
                    return refusal(company.error());
                c.currency = *company;
            }
            c.taxRegion = taxRegion->trimmed();
            QMap<QString, QString> fieldHlc;
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                const QString field = it.key().toString();
                if (auto r = customerfields::apply(c, field, it.value()); !r)
                    return refusal(r.error());
                fieldHlc.insert(field, hlc);
            }
            auto saved = master.saveCustomer(m_actor, c, fieldHlc);
            if (!saved)
                return refusal(saved.error());
            return applied(entity, idText);
        }

        Customer c = found->customer;
        if (c.archived)
            return rejected(
                u"archived"_s,
                u"customer %1 (%2) is archived at HQ and takes no edits"_s.arg(c.code, c.name),
                entity, idText);
        auto versions = master.customerFieldVersions(idText);
        if (!versions)
            return refusal(versions.error());
        QStringList lost;
        QMap<QString, QString> fieldHlc;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString field = it.key().toString();
            const QString hqText = versions->value(field);
            if (!hqText.isEmpty()) {
                auto hqHlc = Hlc::fromString(hqText);
                if (hqHlc && *hqHlc == m_m.hlc)
                    continue; // this very write is already in
                if (hqHlc
                    && !karvan::sync::winsOver(
                        FieldVersion {it.value(), m_m.hlc},
                        FieldVersion {customerfields::value(c, field), *hqHlc})) {
                    lost.append(field);
                    continue;
                }
            }
            if (auto r = customerfields::apply(c, field, it.value()); !r)
                return refusal(r.error(), entity, idText);
            fieldHlc.insert(field, hlc);
        }
        if (!fieldHlc.isEmpty()) {
            auto saved = master.saveCustomer(m_actor, c, fieldHlc);
            if (!saved)
                return refusal(saved.error(), entity, idText);
        }
        if (lost.isEmpty())
            return applied(entity, idText);
        QStringList reasons;
        for (const QString &field : std::as_const(lost))
            reasons.append(u"%1: a later edit from HQ or another device wins"_s.arg(field));
        return changed(u"superseded"_s, reasons.join(u"; "_s), entity, idText);
    }

    Result<Verdict> document(bool isOrder)
    {
        const QString entity = isOrder ? wire::entity::Order : wire::entity::Quote;
        auto doc = wire::documentFromMutationArgs(m_m.args);
        if (!doc)
            return refusal(doc.error());
        const bool kindMatches = (doc->kind == SalesDocument::Kind::Order) == isOrder;
        if (!kindMatches)
            return rejected(u"validation"_s, u"the document is not a %1"_s.arg(entity));
        const QString id = idToString(doc->id);
        if (id != m_m.entityId)
            return rejected(u"validation"_s, u"the document id differs from entity_id"_s);
        erp::CustomerRecord customer;
        auto scope = customerFor(doc->customerId, true, &customer);
        if (!scope)
            return scope.error();
        if (*scope)
            return **scope;

        if (!isOrder) {
            auto quote = erp::Quotes(m_db).create(m_actor, *doc);
            if (!quote)
                return refusal(quote.error());
            if (quote->totalsDiffer || !quote->repricedLines.isEmpty()) {
                QString reason = quote->repricedLines.join(u"; "_s);
                if (reason.isEmpty())
                    reason = u"HQ re-priced the quote: total %1 -> %2"_s.arg(
                        doc->total.toDecimalString(), quote->quote.total.toDecimalString());
                return changed(u"repriced"_s, reason, entity, id);
            }
            return applied(entity, id);
        }

        auto outcome = erp::SalesOrders(m_db).intake(m_actor, *doc);
        if (!outcome)
            return refusal(outcome.error());
        // An order made from a quote HQ knows converts that quote in the same transaction; an
        // unknown source quote is ignored (the order stands on its own).
        if (!doc->sourceQuoteId.isNull()) {
            auto converted = erp::Quotes(m_db).markConverted(idToString(doc->sourceQuoteId), id,
                                                             idToString(doc->customerId));
            if (!converted)
                return refusal(converted.error());
        }
        const bool repriced = doc->total.isValid() && doc->total.minorUnits() != outcome->total;
        QString reason = outcome->reason;
        switch (outcome->status) {
        case DocumentStatus::CreditHold:
            return changed(u"credit_hold"_s, reason.isEmpty() ? u"credit hold"_s : reason, entity,
                           id);
        case DocumentStatus::Backordered:
        case DocumentStatus::PartiallyAllocated:
            return changed(u"backordered"_s, reason.isEmpty() ? u"backordered"_s : reason, entity,
                           id);
        case DocumentStatus::Rejected:
        case DocumentStatus::Cancelled:
            return rejected(u"validation"_s, reason.isEmpty() ? u"rejected by HQ"_s : reason,
                            entity, id);
        default:
            break;
        }
        if (repriced) {
            if (reason.isEmpty()) {
                auto hqTotal = Money::fromMinor(outcome->total, outcome->currency);
                reason = u"HQ re-priced the order: total %1 -> %2"_s.arg(
                    doc->total.toDecimalString(),
                    hqTotal ? hqTotal->toDecimalString() : QString::number(outcome->total));
            }
            return changed(u"repriced"_s, reason, entity, id);
        }
        return applied(entity, id);
    }

    Result<Verdict> ticketCreate()
    {
        auto id = idArg(m_m.args, u"id"_s);
        if (!id)
            return refusal(id.error());
        if (idToString(*id) != m_m.entityId)
            return rejected(u"validation"_s, u"args.id differs from entity_id"_s);
        auto customerId = idArg(m_m.args, u"customer_id"_s);
        if (!customerId)
            return refusal(customerId.error());
        auto subject = textArg(m_m.args, u"subject"_s, true);
        auto description = textArg(m_m.args, u"description"_s, false);
        auto priority = textArg(m_m.args, u"priority"_s, false);
        auto status = textArg(m_m.args, u"status"_s, false);
        for (const auto *r : {&subject, &description, &priority, &status}) {
            if (!r->ok())
                return refusal(r->error());
        }
        Ticket t;
        t.id = *id;
        t.customerId = *customerId;
        t.subject = *subject;
        t.description = *description;
        if (!priority->isEmpty()) {
            auto p = parseTicketPriority(*priority);
            if (!p)
                return rejected(u"validation"_s, u"unknown priority \"%1\""_s.arg(*priority));
            t.priority = *p;
        }
        if (!status->isEmpty() && *status != ticketStatusName(Ticket::Status::Open))
            return rejected(u"validation"_s, u"a new ticket is open, not \"%1\""_s.arg(*status));
        t.createdAt = timeArg(m_m.args, u"created_at"_s);
        erp::CustomerRecord customer;
        auto scope = customerFor(t.customerId, true, &customer);
        if (!scope)
            return scope.error();
        if (*scope)
            return **scope;
        auto opened = erp::ServiceDesk(m_db).openTicket(m_actor, t, m_m.hlc.toString());
        if (!opened)
            return refusal(opened.error());
        return applied(wire::entity::Ticket, idToString(t.id));
    }

    // The ticket a comment or status change is about, in the caller's scope.
    Result<std::optional<Verdict>> ticketFor(const QUuid &ticketId, Ticket *out)
    {
        auto ticket = erp::ServiceDesk(m_db).findTicket(ticketId);
        if (!ticket) {
            if (ticket.error().code != ErrorCode::NotFound)
                return ticket.error();
            return std::optional<Verdict>(rejected(
                u"not_found"_s,
                u"ticket %1 is unknown at HQ (never synced, or its creation was rejected)"_s.arg(
                    idToString(ticketId))));
        }
        erp::CustomerRecord customer;
        auto scope = customerFor(ticket->customerId, false, &customer);
        if (!scope)
            return scope.error();
        if (*scope)
            return *scope;
        *out = *ticket;
        return std::optional<Verdict>();
    }

    Result<Verdict> ticketComment()
    {
        const QUuid ticketId = QUuid::fromString(m_m.entityId);
        if (ticketId.isNull() || m_m.entityId.size() != 36)
            return rejected(u"validation"_s, u"entity_id is not a ticket id"_s);
        auto argTicket = textArg(m_m.args, u"ticket_id"_s, false);
        if (!argTicket)
            return refusal(argTicket.error());
        if (!argTicket->isEmpty() && *argTicket != m_m.entityId)
            return rejected(u"validation"_s, u"args.ticket_id differs from entity_id"_s);
        auto commentId = idArg(m_m.args, u"id"_s);
        if (!commentId)
            return refusal(commentId.error());
        auto body = textArg(m_m.args, u"body"_s, true);
        if (!body)
            return refusal(body.error());
        Ticket ticket;
        auto scope = ticketFor(ticketId, &ticket);
        if (!scope)
            return scope.error();
        if (*scope)
            return **scope;
        TicketComment c {*commentId, m_actor.login, timeArg(m_m.args, u"at"_s), *body};
        auto added = erp::ServiceDesk(m_db).addComment(m_actor, ticketId, c);
        if (!added)
            return refusal(added.error(), wire::entity::Ticket, m_m.entityId);
        return applied(wire::entity::Ticket, m_m.entityId);
    }

    Result<Verdict> ticketStatus()
    {
        auto id = idArg(m_m.args, u"id"_s);
        if (!id)
            return refusal(id.error());
        if (idToString(*id) != m_m.entityId)
            return rejected(u"validation"_s, u"args.id differs from entity_id"_s);
        auto to = textArg(m_m.args, u"to"_s, true);
        if (!to)
            return refusal(to.error());
        auto status = TicketWorkflow::parseStatus(*to);
        if (!status)
            return refusal(status.error());
        const QCborValue reopenValue = m_m.args.value(u"reopen"_s);
        if (!reopenValue.isUndefined() && !reopenValue.isNull() && !reopenValue.isBool())
            return rejected(u"validation"_s, u"args.reopen must be true or false"_s);
        const bool reopen = reopenValue.toBool(false);
        Ticket ticket;
        auto scope = ticketFor(*id, &ticket);
        if (!scope)
            return scope.error();
        if (*scope)
            return **scope;
        auto moved = erp::ServiceDesk(m_db).changeStatus(m_actor, *id, *status, reopen,
                                                         m_m.hlc.toString());
        if (!moved)
            return refusal(moved.error(), wire::entity::Ticket, m_m.entityId);
        return applied(wire::entity::Ticket, m_m.entityId);
    }

    Result<Verdict> activityCreate()
    {
        auto id = idArg(m_m.args, u"id"_s);
        if (!id)
            return refusal(id.error());
        if (idToString(*id) != m_m.entityId)
            return rejected(u"validation"_s, u"args.id differs from entity_id"_s);
        auto customerId = idArg(m_m.args, u"customer_id"_s);
        if (!customerId)
            return refusal(customerId.error());
        auto kind = textArg(m_m.args, u"kind"_s, true);
        auto subject = textArg(m_m.args, u"subject"_s, false);
        auto notes = textArg(m_m.args, u"notes"_s, false);
        auto photo = textArg(m_m.args, u"photo_path"_s, false);
        for (const auto *r : {&kind, &subject, &notes, &photo}) {
            if (!r->ok())
                return refusal(r->error());
        }
        auto parsedKind = parseActivityKind(*kind);
        if (!parsedKind)
            return rejected(u"validation"_s, u"unknown activity kind \"%1\""_s.arg(*kind));
        const QCborValue duration = m_m.args.value(u"duration_minutes"_s);
        if (!duration.isUndefined() && !duration.isNull() && !duration.isInteger())
            return rejected(u"validation"_s, u"args.duration_minutes must be an integer"_s);
        const qint64 minutes = duration.toInteger(0);
        if (minutes < 0 || minutes > 24 * 60)
            return rejected(u"validation"_s, u"duration_minutes must be between 0 and 1440"_s);
        Activity a;
        a.id = *id;
        a.customerId = *customerId;
        a.kind = *parsedKind;
        a.subject = *subject;
        a.notes = *notes;
        a.durationMinutes = int(minutes);
        a.photoPath = *photo;
        a.at = timeArg(m_m.args, u"at"_s);
        a.author = m_actor.login;
        erp::CustomerRecord customer;
        auto scope = customerFor(a.customerId, true, &customer);
        if (!scope)
            return scope.error();
        if (*scope)
            return **scope;
        auto logged = erp::ServiceDesk(m_db).logActivity(m_actor, a);
        if (!logged)
            return refusal(logged.error());
        return applied(wire::entity::Activity, m_m.entityId);
    }

    // A signature or photo (sync/mutationapplier_attachments.cpp). No row goes back: the
    // device already holds the bytes.
    Result<Verdict> attachmentCreate()
    {
        auto v = applyAttachmentCreate(m_db, m_caller, m_m);
        if (!v)
            return v.error();
        if (!v->rejected)
            return applied({}, {});
        if (v->reasonCode == u"out_of_scope"_s) {
            Verdict f = rejected(v->reasonCode, v->reason);
            f.forged = true;
            f.forgedTerritory = v->territory;
            return f;
        }
        return rejected(v->reasonCode, v->reason);
    }

    Database &m_db;
    const Caller &m_caller;
    const SyncMutation &m_m;
    const erp::Actor m_actor;
};

// ---- the row sent back with a result -------------------------------------------------------

struct WireRow
{
    QCborMap row;
    Hlc hlc;
};

// The rows sent back with a push's results, loaded together once every mutation of the push
// is applied (inside its transaction): per entity, one batched read of the change feed's
// materializer (so a push result and a pull deliver the same row) and one of the feed's HLCs,
// not two statements per result (MutationApplier::apply loads a row before a later mutation of
// the push can change it). Its HLC is the latest the change feed holds for it (for a customer
// also its newest field version), else a fresh HQ timestamp. Rows that no longer exist are
// missing from the result.
using RowKey = std::pair<QString, QString>; // entity, id

Result<QHash<RowKey, WireRow>> loadWireRows(Database &db, const QList<RowKey> &wanted)
{
    QHash<QString, QStringList> idsByEntity;
    QSet<RowKey> seen;
    for (const RowKey &key : wanted) {
        if (!seen.contains(key)) {
            seen.insert(key);
            idsByEntity[key.first].append(key.second);
        }
    }
    // Chunks of a fixed size: one cached statement shape per entity, whatever the push's size.
    constexpr qsizetype Chunk = 100;
    QHash<RowKey, WireRow> out;
    for (auto it = idsByEntity.constBegin(); it != idsByEntity.constEnd(); ++it) {
        const QString &entity = it.key();
        auto rows = loadFeedRows(db, entity, it.value());
        if (!rows)
            return rows.error();
        QHash<QString, QString> feedHlc;
        for (qsizetype from = 0; from < it.value().size(); from += Chunk) {
            QVariantList bindings {entity};
            for (qsizetype i = 0; i < Chunk; ++i) {
                const qsizetype at = from + i;
                // Short last chunk: repeat its first id (same statement, same answer).
                bindings.append(at < it.value().size() ? it.value().at(at) : it.value().at(from));
            }
            QString marks = u"?"_s;
            for (qsizetype i = 1; i < Chunk; ++i)
                marks += u", ?"_s;
            auto q = db.run(u"SELECT entity_id, MAX(hlc) FROM sync_feed WHERE entity = ? AND "
                            "entity_id IN (%1) AND hlc <> '' GROUP BY entity_id"_s.arg(marks),
                            bindings, [&](const QSqlQuery &row) {
                                feedHlc.insert(row.value(0).toString(), row.value(1).toString());
                            });
            if (!q)
                return q.error();
        }
        for (const QString &id : it.value()) {
            if (!rows->contains(id))
                continue;
            WireRow w;
            w.row = rows->value(id);
            QString newest = feedHlc.value(id);
            const QCborMap fieldHlc = w.row.value(u"field_hlc"_s).toMap();
            for (auto f = fieldHlc.constBegin(); f != fieldHlc.constEnd(); ++f)
                newest = std::max(newest, f.value().toString());
            auto parsed = Hlc::fromString(newest);
            w.hlc = parsed ? *parsed : hqClock().now();
            out.insert({entity, id}, w);
        }
    }
    return out;
}

struct Recorded
{
    QString deviceId;
    qint64 seq = 0;
    QString mutationId;
    Verdict verdict;
};

} // namespace

Result<karvan::sync::PushResponse> MutationApplier::apply(const Caller &caller,
                                                          const karvan::sync::PushRequest &request)
{
    karvan::sync::PushResponse response;
    const QString deviceId = idToString(request.deviceId);
    // The whole push is one transaction (or one savepoint of a PushCommitter batch, which
    // commits it with the pushes queued beside it); each mutation's work
    // runs in a savepoint of its own, so a rejected one leaves nothing and never stops the
    // others. Everything else a mutation does (the idempotency lookup, its sync_mutations row)
    // either succeeds or fails the whole push: a database failure rolls the push back, and the
    // device sends it again and gets the same results (nothing was recorded).
    auto whole = m_db.transaction([&]() -> Result<void> {
        response.results.clear();
        QList<RowKey> rowKeys; // per result: the row to send back (empty entity: none)
        // Results whose rows are not loaded yet, and those rows' ids. A row is loaded before a
        // later mutation of the push can change it (same id, or an order converting that
        // quote), so each result still shows the row as that mutation left it.
        QList<qsizetype> pending;
        QSet<QString> pendingIds;
        const auto loadPending = [&]() -> Result<void> {
            QList<RowKey> wanted;
            for (qsizetype i : std::as_const(pending))
                wanted.append(rowKeys.at(i));
            auto rows = loadWireRows(m_db, wanted);
            if (!rows)
                return rows.error();
            for (qsizetype i : std::as_const(pending)) {
                const auto found = rows->constFind(rowKeys.at(i));
                if (found == rows->constEnd())
                    continue;
                MutationResult &result = response.results[i];
                result.entity = rowKeys.at(i).first;
                result.entityId = rowKeys.at(i).second;
                result.row = found->row;
                result.rowHlc = found->hlc;
            }
            pending.clear();
            pendingIds.clear();
            return {};
        };
        for (const SyncMutation &m : request.mutations) {
            const QString sourceQuote = m.args.value(u"source_quote"_s).toString();
            if (pendingIds.contains(m.entityId)
                || (!sourceQuote.isEmpty() && pendingIds.contains(sourceQuote))) {
                if (auto loaded = loadPending(); !loaded)
                    return loaded;
            }
            const QString mutationId = idToString(m.mutationId);
            Verdict verdict;
            bool replayed = false;
            bool record = false;
            auto decided = [&]() -> Result<void> {
                auto seen
                    = erp::queryRows(m_db,
                                     u"SELECT device_id, seq, mutation_id, status, reason_code, "
                                     "reason, result_entity, result_entity_id FROM "
                                     "sync_mutations WHERE (device_id = ? AND seq = ?) OR "
                                     "mutation_id = ?"_s,
                                     {deviceId, m.seq, mutationId});
                if (!seen)
                    return seen.error();
                std::optional<Recorded> sameSeq, sameId;
                for (const erp::Row &r : *seen) {
                    Recorded rec {r.at(0).toString(), r.at(1).toLongLong(), r.at(2).toString(), {}};
                    rec.verdict.status
                        = statusFromName(r.at(3).toString()).value_or(Status::Rejected);
                    rec.verdict.reasonCode = r.at(4).toString();
                    rec.verdict.reason = r.at(5).toString();
                    rec.verdict.entity = r.at(6).toString();
                    rec.verdict.entityId = r.at(7).toString();
                    if (rec.deviceId == deviceId && rec.seq == m.seq)
                        sameSeq = rec;
                    if (rec.mutationId == mutationId)
                        sameId = rec;
                }
                if (sameSeq && sameSeq->mutationId != mutationId) {
                    verdict = rejected(
                        u"seq_reused"_s,
                        u"seq %1 of this device was already used by mutation %2"_s.arg(m.seq).arg(
                            sameSeq->mutationId));
                    return {};
                }
                if (sameId) {
                    if (sameId->deviceId != deviceId) {
                        verdict = rejected(
                            u"validation"_s,
                            u"mutation_id %1 was sent by another device"_s.arg(mutationId));
                        return {};
                    }
                    verdict = sameId->verdict;
                    replayed = true;
                    return {};
                }

                record = true;
                if (auto merged = hqClock().update(m.hlc); !merged) {
                    verdict = rejected(u"clock_skew"_s,
                                       u"the device clock is too far ahead of HQ (%1); set the "
                                       "device's date and time"_s.arg(m.hlc.toString()));
                } else {
                    // The work in a savepoint of its own: a refusal found half way leaves nothing.
                    auto work = m_db.transaction([&]() -> Result<void> {
                        auto v = MutationRun(m_db, caller, m).perform();
                        if (!v)
                            return v.error();
                        verdict = *v;
                        if (verdict.status == Status::Rejected)
                            return makeError(ErrorCode::Conflict, verdict.reason);
                        return {};
                    });
                    if (!work && work.error().code == ErrorCode::Storage)
                        return work.error();
                    if (!work && verdict.status != Status::Rejected)
                        verdict = rejected(u"validation"_s, oneLine(work.error().message));
                }
                return erp::execSql(m_db,
                                    u"INSERT INTO sync_mutations (device_id, seq, mutation_id, "
                                    "entity, entity_id, op, status, reason_code, reason, "
                                    "result_entity, result_entity_id, applied_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                    {deviceId, m.seq, mutationId, m.entity, m.entityId, m.op,
                                     karvan::sync::statusName(verdict.status), verdict.reasonCode,
                                     verdict.reason, verdict.entity, verdict.entityId,
                                     erp::nowUtc()});
            }();
            if (!decided)
                return decided.error();

            if (record && verdict.forged) {
                const erp::Actor actor {caller.user.login, caller.user.role,
                                        caller.user.territories};
                auto audited = m_db.transaction([&]() -> Result<void> {
                    return erp::audit(m_db, actor, u"sync.forged_mutation"_s, m.entity, m.entityId,
                                      {},
                                      {{u"device_id"_s, deviceId},
                                       {u"seq"_s, double(m.seq)},
                                       {u"mutation_id"_s, mutationId},
                                       {u"op"_s, m.op},
                                       {u"territory"_s, verdict.forgedTerritory}});
                });
                if (!audited)
                    return audited.error();
            }

            MutationResult result;
            result.seq = m.seq;
            result.mutationId = m.mutationId;
            result.status = verdict.status;
            result.reasonCode = verdict.reasonCode;
            result.reason = verdict.status == Status::Applied || !verdict.reason.isEmpty()
                ? verdict.reason
                : u"refused by HQ"_s;
            result.replayed = replayed;
            response.results.append(result);
            rowKeys.append({verdict.entity, verdict.entityId});
            if (!verdict.entity.isEmpty()) {
                pending.append(response.results.size() - 1);
                pendingIds.insert(verdict.entityId);
            }
        }
        // The rest of the rows: one batched read per entity.
        return loadPending();
    });
    if (!whole)
        return whole.error();
    response.serverHlc = hqClock().now();
    return response;
}

} // namespace karvan::hq::sync

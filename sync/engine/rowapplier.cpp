#include "engine/rowapplier.h"

#include "domain/ids.h"
#include "domain/wirerows.h"
#include "merge/fieldmerge.h"
#include "services/customerfields.h"
#include "store/activityrepository.h"
#include "store/conflictrepository.h"
#include "store/customerrepository.h"
#include "store/documentrepository.h"
#include "store/fieldversionrepository.h"
#include "store/invoicerepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"
#include "store/pricelistrepository.h"
#include "store/productrepository.h"
#include "store/stockrepository.h"
#include "store/ticketrepository.h"

#include <QCborArray>
#include <QSqlError>
#include <QSqlQuery>

namespace karvan::sync {

using namespace Qt::StringLiterals;
namespace entity = wire::entity;

namespace {

template<typename T> Result<T> named(Result<T> r, const QString &entityName, const QString &id)
{
    if (r)
        return r;
    return makeError(r.error().code, u"%1 %2 from HQ: %3"_s.arg(entityName, id, r.errorMessage()));
}

Result<void> ignoreNotFound(Result<void> r)
{
    if (!r && r.error().code == ErrorCode::NotFound)
        return {};
    return r;
}

Result<QUuid> parseId(const QString &entityName, const QString &id)
{
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         u"%1 row from HQ has an invalid id \"%2\""_s.arg(entityName, id.left(80)));
    return uuid;
}

// "A@B" ids of rows without a UUID (stock, tax rules, customer prices).
std::pair<QString, QString> splitPair(const QString &id)
{
    const qsizetype at = id.lastIndexOf(u'@');
    if (at < 0)
        return {id, QString()};
    return {id.left(at), id.mid(at + 1)};
}

} // namespace

RowApplier::RowApplier(LocalStore &store, QString deviceId)
    : m_store(store)
    , m_deviceId(std::move(deviceId))
{ }

Result<void> RowApplier::apply(const RowChange &change)
{
    if (change.op == RowChange::Op::Tombstone) {
        if (auto r = flush(); !r)
            return r;
        if (auto r = remove(change.entity, change.id); !r)
            return r;
        ++m_counts.tombstones;
        return {};
    }
    if (auto r = upsert(change.entity, change.id, change.row, {}); !r)
        return r;
    return {};
}

Result<void> RowApplier::applyResultRow(const QString &entityName, const QString &id,
                                        const Hlc & /*rowHlc: fields carry their own stamps*/,
                                        const QCborMap &row, const QStringList &forcedFields)
{
    return upsert(entityName, id, row, forcedFields);
}

Result<void> RowApplier::upsert(const QString &e, const QString &id, const QCborMap &row,
                                const QStringList &forcedFields)
{
    // A new run (another entity) or a second row for the same id: write what is buffered
    // first, so rows land in feed order.
    if (e != m_runEntity || m_runIds.contains(id)) {
        if (auto r = flush(); !r)
            return r;
        m_runEntity = e;
    }
    m_runIds.insert(id);
    ++m_counts.upserts;

    if (e == entity::Customer)
        return mergeCustomer(id, row, forcedFields);
    if (e == entity::Product) {
        auto p = named(wire::productFromRow(row), e, id);
        if (!p)
            return p.error();
        m_products.append(*p);
        return {};
    }
    if (e == entity::Order || e == entity::Quote) {
        auto d = named(wire::documentFromRow(row), e, id);
        if (!d)
            return d.error();
        m_documents.append(*d);
        return {};
    }
    if (e == entity::Invoice) {
        auto v = named(wire::invoiceFromRow(row), e, id);
        if (!v)
            return v.error();
        m_invoices.append(*v);
        return {};
    }
    if (e == entity::Payment) {
        auto v = named(wire::paymentFromRow(row), e, id);
        if (!v)
            return v.error();
        m_payments.append(*v);
        return {};
    }
    if (e == entity::Ticket) {
        auto v = named(wire::ticketFromRow(row), e, id);
        if (!v)
            return v.error();
        m_tickets.append(*v);
        return {};
    }
    if (e == entity::Activity) {
        auto v = named(wire::activityFromRow(row), e, id);
        if (!v)
            return v.error();
        m_activities.append(*v);
        return {};
    }
    if (e == entity::Stock) {
        auto v = named(wire::stockFromRow(row), e, id);
        if (!v)
            return v.error();
        m_stock.append(*v);
        return {};
    }
    // The rest are few (catalog structure): written one by one.
    if (e == entity::PriceList) {
        auto v = named(wire::priceListFromRow(row), e, id);
        if (!v)
            return v.error();
        PriceList list = std::move(v).value();
        if (auto r = fillBaseUnits(list); !r)
            return r;
        return PriceListRepository(m_store).upsert(list);
    }
    if (e == entity::CustomerPrice) {
        auto v = named(wire::customerPriceFromRow(row), e, id);
        if (!v)
            return v.error();
        if (auto r = deleteWhere(u"DELETE FROM customer_prices WHERE customer_id = ? AND sku = ?"_s,
                                 {idToString(v->customerId), v->sku});
            !r)
            return r;
        return PriceListRepository(m_store).insertCustomerPrices({*v});
    }
    if (e == entity::Promotion) {
        auto v = named(wire::promotionFromRow(row), e, id);
        if (!v)
            return v.error();
        return PriceListRepository(m_store).upsertPromotion(*v);
    }
    if (e == entity::TaxRule) {
        auto v = named(wire::taxRuleFromRow(row), e, id);
        if (!v)
            return v.error();
        return PriceListRepository(m_store).upsertTaxRule(*v);
    }
    if (e == entity::Warehouse) {
        auto v = named(wire::warehouseFromRow(row), e, id);
        if (!v)
            return v.error();
        return StockRepository(m_store).upsertWarehouse(*v);
    }
    // An entity a later HQ sends that this version does not keep (protocol: ignore unknown).
    --m_counts.upserts;
    ++m_counts.skipped;
    return {};
}

Result<void> RowApplier::applyPage(const QList<RowChange> &changes, qint64 *unreadable,
                                   const std::function<void(const Error &)> &skipped)
{
    for (const RowChange &c : changes) {
        auto r = apply(c);
        if (r)
            continue;
        if (r.error().code == ErrorCode::Storage)
            return r;
        ++*unreadable;
        if (skipped)
            skipped(r.error());
    }
    return flush();
}

Result<void> RowApplier::flush()
{
    Result<void> r;
    if (!m_customers.isEmpty())
        r = CustomerRepository(m_store).insertMany(m_customers);
    if (r && !m_products.isEmpty())
        r = ProductRepository(m_store).insertMany(m_products);
    if (r && !m_documents.isEmpty()) {
        r = DocumentRepository(m_store).insertMany(m_documents);
        // HQ has the order: the device's own reservations for it are now in HQ's figures.
        StockRepository stock(m_store);
        for (const SalesDocument &d : std::as_const(m_documents)) {
            if (r && d.kind == SalesDocument::Kind::Order)
                r = stock.release(d.id);
        }
    }
    if (r && !m_invoices.isEmpty())
        r = InvoiceRepository(m_store).insertMany(m_invoices);
    if (r && !m_payments.isEmpty())
        r = PaymentRepository(m_store).insertMany(m_payments);
    if (r && !m_tickets.isEmpty())
        r = TicketRepository(m_store).insertMany(m_tickets);
    if (r && !m_activities.isEmpty())
        r = ActivityRepository(m_store).insertMany(m_activities);
    if (r && !m_stock.isEmpty())
        r = StockRepository(m_store).upsertLevels(m_stock);
    m_customers.clear();
    m_products.clear();
    m_documents.clear();
    m_invoices.clear();
    m_payments.clear();
    m_tickets.clear();
    m_activities.clear();
    m_stock.clear();
    m_runIds.clear();
    m_runEntity.clear();
    return r;
}

// HQ leaves an entry's unit empty for "the product's base unit" (domain/catalog.h); the device
// stores it explicitly. Products come before price lists in the feed.
Result<void> RowApplier::fillBaseUnits(PriceList &list)
{
    QStringList skus;
    for (const PriceListEntry &entry : std::as_const(list.entries)) {
        if (entry.unit.isEmpty())
            skus.append(entry.sku);
    }
    if (skus.isEmpty())
        return {};
    if (auto r = flush(); !r) // products of this batch may still be buffered
        return r;
    auto products = ProductRepository(m_store).findBySkus(skus);
    if (!products)
        return products.error();
    QHash<QString, QString> baseUnit;
    for (const Product &p : std::as_const(*products))
        baseUnit.insert(p.sku, p.baseUnit);
    for (PriceListEntry &entry : list.entries) {
        if (entry.unit.isEmpty())
            entry.unit = baseUnit.value(entry.sku, Product().baseUnit);
    }
    return {};
}

Result<void> RowApplier::deleteWhere(const QString &sql, const QVariantList &values)
{
    auto q = m_store.prepared(sql);
    if (!q)
        return q.error();
    for (int i = 0; i < values.size(); ++i)
        (*q)->bindValue(i, values.at(i));
    if (!(*q)->exec())
        return makeError(ErrorCode::Storage,
                         u"cannot apply a tombstone: "_s + (*q)->lastError().text());
    return {};
}

Result<void> RowApplier::remove(const QString &e, const QString &id)
{
    if (e == entity::Stock) {
        const auto [sku, warehouse] = splitPair(id);
        return deleteWhere(u"DELETE FROM stock_levels WHERE sku = ? AND warehouse_code = ?"_s,
                           {sku, warehouse});
    }
    if (e == entity::TaxRule) {
        const auto [taxClass, region] = splitPair(id);
        return deleteWhere(u"DELETE FROM tax_rules WHERE tax_class = ? AND region = ?"_s,
                           {taxClass, region});
    }
    if (e == entity::CustomerPrice) {
        const auto [customer, sku] = splitPair(id);
        return deleteWhere(u"DELETE FROM customer_prices WHERE customer_id = ? AND sku = ?"_s,
                           {customer, sku});
    }
    const bool known = e == entity::Customer || e == entity::Product || e == entity::PriceList
        || e == entity::Promotion || e == entity::Order || e == entity::Quote
        || e == entity::Invoice || e == entity::Payment || e == entity::Ticket
        || e == entity::Activity || e == entity::Warehouse;
    if (!known) {
        ++m_counts.skipped;
        return {};
    }
    auto uuid = parseId(e, id);
    if (!uuid)
        return uuid.error();
    const QString text = idToString(*uuid);
    if (e == entity::Customer) {
        if (auto r = ignoreNotFound(CustomerRepository(m_store).remove(*uuid)); !r)
            return r;
        return FieldVersionRepository(m_store).remove(entity::Customer, text);
    }
    if (e == entity::Product)
        return ignoreNotFound(ProductRepository(m_store).remove(*uuid));
    if (e == entity::PriceList)
        return ignoreNotFound(PriceListRepository(m_store).remove(*uuid));
    if (e == entity::Promotion)
        return ignoreNotFound(PriceListRepository(m_store).removePromotion(*uuid));
    if (e == entity::Order || e == entity::Quote) {
        if (auto r = ignoreNotFound(DocumentRepository(m_store).remove(*uuid)); !r)
            return r;
        return StockRepository(m_store).release(*uuid);
    }
    if (e == entity::Invoice)
        return deleteWhere(u"DELETE FROM invoices WHERE id = ?"_s, {text});
    if (e == entity::Payment)
        return deleteWhere(u"DELETE FROM payments WHERE id = ?"_s, {text});
    if (e == entity::Ticket)
        return deleteWhere(u"DELETE FROM tickets WHERE id = ?"_s, {text});
    if (e == entity::Activity)
        return deleteWhere(u"DELETE FROM activities WHERE id = ?"_s, {text});
    return deleteWhere(u"DELETE FROM warehouses WHERE id = ?"_s, {text});
}

Result<void> RowApplier::loadPendingEdits()
{
    if (m_pendingEdits)
        return {};
    QHash<QString, QList<PendingEdit>> edits;
    QList<OutboxMutation> all;
    OutboxRepository outbox(m_store);
    for (auto state : {OutboxMutation::State::Sent, OutboxMutation::State::Pending}) {
        auto list = outbox.withState(state, 1000000);
        if (!list)
            return list.error();
        all += *list;
    }
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.seq < b.seq; });
    for (const OutboxMutation &m : std::as_const(all)) {
        if (m.entity != entity::Customer)
            continue;
        const QCborMap args = QCborValue::fromCbor(m.payload).toMap();
        auto hlc = Hlc::fromString(args.value(u"hlc"_s).toString());
        if (!hlc)
            continue; // unreadable: the push rejects it locally; nothing to rebase
        edits[m.entityId].append(PendingEdit {*hlc, args.value(u"fields"_s).toMap()});
    }
    m_pendingEdits = std::move(edits);
    return {};
}

Result<void> RowApplier::mergeCustomer(const QString &id, const QCborMap &row,
                                       const QStringList &forcedFields)
{
    auto decoded = named(wire::customerFromRow(row), entity::Customer, id);
    if (!decoded)
        return decoded.error();
    Customer merged = std::move(decoded).value();
    const QString entityId = idToString(merged.id);
    const Customer theirs = merged;
    const QCborMap fieldHlc = row.value(u"field_hlc"_s).toMap();

    FieldVersionRepository versions(m_store);
    auto stamped = versions.versions(entity::Customer, entityId);
    if (!stamped)
        return stamped.error();
    const QMap<QString, QString> before = *stamped;
    QMap<QString, QString> after = before;

    std::optional<Customer> local;
    if (!before.isEmpty()) {
        auto found = CustomerRepository(m_store).get(merged.id);
        if (found)
            local = std::move(found).value();
        else if (found.error().code != ErrorCode::NotFound)
            return found.error();
    }

    ConflictRepository conflicts(m_store);
    QStringList unstamped; // fields HQ holds unstamped whose local stamp goes
    for (const QString &field : customerfields::repEditable()) {
        // A field HQ never stamped (its own value from a bulk load) is older than any write,
        // exactly as HQ's applier treats it; the row's HLC says when the row last changed,
        // not when this field did, so it must not stand in for the field's stamp.
        const auto theirStamp = Hlc::fromString(fieldHlc.value(field).toString());
        const Hlc theirHlc = theirStamp ? *theirStamp : Hlc {};
        const FieldVersion theirsVersion {customerfields::value(theirs, field), theirHlc};
        const QString mineText = before.value(field);
        auto mineHlc = Hlc::fromString(mineText);
        if (local && mineHlc && !forcedFields.contains(field)) {
            const FieldVersion mine {customerfields::value(*local, field), *mineHlc};
            if (mine.hlc != theirHlc && winsOver(mine, theirsVersion)) {
                // Ours is newer: keep it (HQ gets it with the pending push, or has it).
                if (customerfields::apply(merged, field, mine.value))
                    continue;
            } else if (mine.hlc != theirHlc && mineHlc->nodeId == m_deviceId
                       && mine.value != theirsVersion.value) {
                ConflictRecord c;
                c.entity = entity::Customer;
                c.entityId = entityId;
                c.field = field;
                c.mine = mine.value;
                c.theirs = theirsVersion.value;
                c.winner = ConflictRecord::Side::Theirs;
                c.mineHlc = mineText;
                c.theirsHlc = theirHlc.toString();
                if (auto r = conflicts.record(c); !r)
                    return r.error();
                ++m_counts.conflicts;
            }
        }
        if (theirStamp) {
            after.insert(field, theirHlc.toString());
        } else if (after.remove(field) > 0) {
            unstamped.append(field);
        }
    }

    // Rebase: the device's still-pending edits of this customer go back on top where they
    // win, exactly as HQ will decide when it receives them.
    if (auto r = loadPendingEdits(); !r)
        return r;
    for (const PendingEdit &edit : m_pendingEdits->value(entityId)) {
        for (auto it = edit.fields.constBegin(); it != edit.fields.constEnd(); ++it) {
            const QString field = it.key().toString();
            auto current = Hlc::fromString(after.value(field));
            if (current && !(edit.hlc > *current))
                continue;
            if (!customerfields::apply(merged, field, it.value()))
                continue;
            after.insert(field, edit.hlc.toString());
        }
    }

    QMap<QString, QStringList> stamps; // hlc -> fields
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            stamps[it.value()].append(it.key());
    }
    for (auto it = stamps.constBegin(); it != stamps.constEnd(); ++it) {
        if (auto r = versions.stamp(entity::Customer, entityId, it.value(), it.key()); !r)
            return r;
    }
    for (const QString &field : std::as_const(unstamped)) {
        if (after.contains(field)) // a pending edit was put back on top and stamped above
            continue;
        if (auto r = deleteWhere(
                u"DELETE FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?"_s,
                {entity::Customer, entityId, field});
            !r)
            return r;
    }
    // The row as this device already holds it (typically the echo, in a pull, of what its own
    // push got back as a result): nothing to write. A customer write rewrites its contacts,
    // addresses and search rows; skipping it saved a third of a sync round's customer writes.
    if (local && merged == *local)
        return {};
    m_customers.append(merged);
    return {};
}

} // namespace karvan::sync

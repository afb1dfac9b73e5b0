#include "store/customerrepository.h"

#include "domain/names.h"
#include "store/localstore.h"
#include "store/searchindex.h"
#include "store/searchtext.h"
#include "store/sqlvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace karvan {

using namespace Qt::StringLiterals;
using namespace sqlvalue;

namespace {

constexpr int MaxResults = 500;

const QString Columns
    = u"c.id, c.code, c.name, c.language, c.phone, c.email, c.notes, c.territory, "
      u"c.price_list_id, c.payment_terms_days, c.credit_limit_minor, c.credit_limit_currency, "
      u"c.currency, c.tax_region, c.archived, c.updated_at"_s;

Result<void> validate(const Customer &c)
{
    if (c.id.isNull())
        return makeError(ErrorCode::InvalidArgument, u"a customer needs an id"_s);
    if (c.name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         u"customer %1 has no name"_s.arg(idToString(c.id)));
    if (c.creditLimit && !c.creditLimit->isValid())
        return makeError(
            ErrorCode::InvalidArgument,
            u"customer %1 has a credit limit without a currency"_s.arg(idToString(c.id)));
    if (c.paymentTermsDays < 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"customer %1 has negative payment terms"_s.arg(idToString(c.id)));
    return {};
}

} // namespace

Result<void> CustomerRepository::write(const Customer &c)
{
    if (auto v = validate(c); !v)
        return v;
    auto q = m_store.prepared(uR"(INSERT INTO customers (id, code, name, language, phone, email,
            notes, territory, price_list_id, payment_terms_days, credit_limit_minor,
            credit_limit_currency, currency, tax_region, archived, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
            language = excluded.language, phone = excluded.phone, email = excluded.email,
            notes = excluded.notes, territory = excluded.territory,
            price_list_id = excluded.price_list_id,
            payment_terms_days = excluded.payment_terms_days,
            credit_limit_minor = excluded.credit_limit_minor,
            credit_limit_currency = excluded.credit_limit_currency, currency = excluded.currency,
            tax_region = excluded.tax_region, archived = excluded.archived,
            updated_at = excluded.updated_at
        RETURNING seq)"_s);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    int i = 0;
    query.bindValue(i++, idToString(c.id));
    query.bindValue(i++, text(c.code));
    query.bindValue(i++, c.name);
    query.bindValue(i++, text(c.language));
    query.bindValue(i++, text(c.phone));
    query.bindValue(i++, text(c.email));
    query.bindValue(i++, text(c.notes));
    query.bindValue(i++, text(c.territory));
    query.bindValue(i++, id(c.priceListId));
    query.bindValue(i++, c.paymentTermsDays);
    query.bindValue(i++, c.creditLimit ? QVariant(c.creditLimit->minorUnits()) : nullInt());
    query.bindValue(i++,
                    c.creditLimit ? QVariant(c.creditLimit->currency())
                                  : QVariant(QMetaType(QMetaType::QString)));
    query.bindValue(i++, text(c.currency));
    query.bindValue(i++, text(c.taxRegion));
    query.bindValue(i++, c.archived ? 1 : 0);
    query.bindValue(i++, dateTime(c.updatedAt));
    const QString what = u"cannot save customer "_s + idToString(c.id);
    if (auto r = run(query, what); !r)
        return r;
    if (!query.next())
        return storageError(what, query.lastError());
    const qint64 seq = query.value(0).toLongLong();
    query.finish();

    const QString cid = idToString(c.id);
    for (const QString &sql : {u"DELETE FROM customer_contacts WHERE customer_id = ?"_s,
                               u"DELETE FROM customer_addresses WHERE customer_id = ?"_s}) {
        auto del = m_store.prepared(sql);
        if (!del)
            return del.error();
        (*del)->bindValue(0, cid);
        if (auto r = run(**del, what); !r)
            return r;
    }
    if (!c.contacts.isEmpty()) {
        auto ins = m_store.prepared(u"INSERT INTO customer_contacts (customer_id, position, name, "
                                    u"role, phone, email) VALUES (?, ?, ?, ?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        for (int n = 0; n < c.contacts.size(); ++n) {
            const Contact &contact = c.contacts.at(n);
            QSqlQuery &iq = **ins;
            iq.bindValue(0, cid);
            iq.bindValue(1, n);
            iq.bindValue(2, text(contact.name));
            iq.bindValue(3, text(contact.role));
            iq.bindValue(4, text(contact.phone));
            iq.bindValue(5, text(contact.email));
            if (auto r = run(iq, what + u" (contact)"_s); !r)
                return r;
        }
    }
    if (!c.addresses.isEmpty()) {
        auto ins = m_store.prepared(u"INSERT INTO customer_addresses (customer_id, position, kind, "
                                    u"line1, line2, city, region, postal_code, country) "
                                    u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!ins)
            return ins.error();
        for (int n = 0; n < c.addresses.size(); ++n) {
            const Address &a = c.addresses.at(n);
            QSqlQuery &iq = **ins;
            iq.bindValue(0, cid);
            iq.bindValue(1, n);
            iq.bindValue(2, addressKindName(a.kind));
            iq.bindValue(3, text(a.line1));
            iq.bindValue(4, text(a.line2));
            iq.bindValue(5, text(a.city));
            iq.bindValue(6, text(a.region));
            iq.bindValue(7, text(a.postalCode));
            iq.bindValue(8, text(a.country));
            if (auto r = run(iq, what + u" (address)"_s); !r)
                return r;
        }
    }
    return searchindex::writeCustomer(m_store, seq, searchindex::customerRow(c));
}

Result<void> CustomerRepository::upsert(const Customer &customer)
{
    return m_store.transaction([&] { return write(customer); });
}

Result<void> CustomerRepository::insertMany(const QList<Customer> &customers)
{
    return m_store.transaction([&]() -> Result<void> {
        for (const Customer &c : customers) {
            if (auto r = write(c); !r)
                return r;
        }
        return {};
    });
}

Result<Customer> CustomerRepository::load(const QSqlQuery &row)
{
    Customer c;
    int i = 0;
    c.id = toId(row.value(i++));
    c.code = row.value(i++).toString();
    c.name = row.value(i++).toString();
    c.language = row.value(i++).toString();
    c.phone = row.value(i++).toString();
    c.email = row.value(i++).toString();
    c.notes = row.value(i++).toString();
    c.territory = row.value(i++).toString();
    c.priceListId = toId(row.value(i++));
    c.paymentTermsDays = row.value(i++).toInt();
    const QVariant limitMinor = row.value(i++);
    const QString limitCurrency = row.value(i++).toString();
    if (!limitMinor.isNull()) {
        auto limit = toMoney(limitMinor, limitCurrency);
        if (!limit)
            return limit.error();
        c.creditLimit = *limit;
    }
    c.currency = row.value(i++).toString();
    c.taxRegion = row.value(i++).toString();
    c.archived = row.value(i++).toInt() != 0;
    c.updatedAt = toDateTime(row.value(i++));
    return c;
}

// Reads the rows of query (which selects Columns), then their contacts and addresses.
Result<QList<Customer>> CustomerRepository::loadAll(QSqlQuery &query)
{
    QList<Customer> customers;
    while (query.next()) {
        auto c = load(query);
        if (!c)
            return c.error();
        customers.append(std::move(c).value());
    }
    query.finish();
    if (customers.isEmpty())
        return customers;

    // Contacts and addresses of the whole page in two queries (not two per customer).
    QHash<QString, Customer *> byId;
    QJsonArray ids;
    for (Customer &c : customers) {
        const QString cid = idToString(c.id);
        byId.insert(cid, &c);
        ids.append(cid);
    }
    const QString idList = QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact));

    auto contacts = m_store.prepared(
        u"SELECT customer_id, name, role, phone, email FROM customer_contacts WHERE customer_id "
        u"IN (SELECT value FROM json_each(?)) ORDER BY customer_id, position"_s);
    if (!contacts)
        return contacts.error();
    QSqlQuery &cq = **contacts;
    cq.bindValue(0, idList);
    if (auto r = run(cq, u"cannot read contacts"_s); !r)
        return r.error();
    while (cq.next()) {
        if (Customer *c = byId.value(cq.value(0).toString()))
            c->contacts.append(Contact {cq.value(1).toString(), cq.value(2).toString(),
                                        cq.value(3).toString(), cq.value(4).toString()});
    }
    cq.finish();

    auto addresses = m_store.prepared(
        u"SELECT customer_id, kind, line1, line2, city, region, postal_code, country "
        u"FROM customer_addresses WHERE customer_id IN (SELECT value FROM json_each(?)) "
        u"ORDER BY customer_id, position"_s);
    if (!addresses)
        return addresses.error();
    QSqlQuery &aq = **addresses;
    aq.bindValue(0, idList);
    if (auto r = run(aq, u"cannot read addresses"_s); !r)
        return r.error();
    while (aq.next()) {
        Customer *c = byId.value(aq.value(0).toString());
        if (!c)
            continue;
        Address a;
        a.kind = parseAddressKind(aq.value(1).toString()).value_or(Address::Kind::Billing);
        a.line1 = aq.value(2).toString();
        a.line2 = aq.value(3).toString();
        a.city = aq.value(4).toString();
        a.region = aq.value(5).toString();
        a.postalCode = aq.value(6).toString();
        a.country = aq.value(7).toString();
        c->addresses.append(a);
    }
    aq.finish();
    return customers;
}

Result<Customer> CustomerRepository::get(const QUuid &customerId)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns + u" FROM customers c WHERE c.id = ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, idToString(customerId));
    if (auto r = run(**q, u"cannot read customer"_s); !r)
        return r.error();
    auto all = loadAll(**q);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return makeError(ErrorCode::NotFound,
                         u"no customer with id %1"_s.arg(idToString(customerId)));
    return all->first();
}

Result<void> CustomerRepository::remove(const QUuid &customerId)
{
    return m_store.transaction([&]() -> Result<void> {
        auto q = m_store.prepared(u"DELETE FROM customers WHERE id = ? RETURNING seq"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, idToString(customerId));
        if (auto r = run(**q, u"cannot remove customer"_s); !r)
            return r;
        if (!(*q)->next())
            return makeError(ErrorCode::NotFound,
                             u"no customer with id %1"_s.arg(idToString(customerId)));
        const qint64 seq = (*q)->value(0).toLongLong();
        (*q)->finish();
        return searchindex::removeCustomer(m_store, seq);
    });
}

Result<QList<Customer>> CustomerRepository::search(const QString &text, int limit,
                                                   Archived archived)
{
    limit = std::clamp(limit, 1, MaxResults);
    const QString match = SearchText::ftsQuery(text);
    const int includeArchived = archived == Archived::Include ? 1 : 0;
    if (match.isEmpty()) {
        auto q = m_store.prepared(u"SELECT "_s + Columns
                                  + u" FROM customers c WHERE (? OR c.archived = 0) "
                                    u"ORDER BY c.name LIMIT ?"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, includeArchived);
        (*q)->bindValue(1, limit);
        if (auto r = run(**q, u"cannot list customers"_s); !r)
            return r.error();
        return loadAll(**q);
    }
    // Search as you type. The FTS index hands out matching rows in index order and the
    // query stops at the limit: ranking every match instead (ORDER BY rank) costs about
    // 100 ms for a two-letter prefix over 100k customers. Customers whose name matches come
    // first, then those matched by code, phone, city or contacts; each group by name.
    QList<qint64> seqs;
    QSet<qint64> seen;
    QSet<QString> byName; // ids of the customers whose name matched
    bool namePass = true;
    const QStringList expressions {u"{name} : ("_s + match + u')', match};
    for (const QString &expression : expressions) {
        auto q = m_store.prepared(u"SELECT s.rowid, c.id FROM customer_search s JOIN customers c "
                                  u"ON c.seq = s.rowid WHERE customer_search MATCH ? "
                                  u"AND (? OR c.archived = 0) LIMIT ?"_s);
        if (!q)
            return q.error();
        (*q)->bindValue(0, expression);
        (*q)->bindValue(1, includeArchived);
        (*q)->bindValue(2, limit + int(seen.size()));
        if (auto r = run(**q, u"cannot search customers"_s); !r)
            return r.error();
        while (seqs.size() < limit && (*q)->next()) {
            const qint64 seq = (*q)->value(0).toLongLong();
            if (!seen.contains(seq)) {
                seen.insert(seq);
                seqs.append(seq);
                if (namePass)
                    byName.insert((*q)->value(1).toString());
            }
        }
        (*q)->finish();
        namePass = false;
        if (seqs.size() >= limit)
            break;
    }
    if (seqs.isEmpty())
        return QList<Customer>();

    QJsonArray ids;
    for (qint64 seq : seqs)
        ids.append(seq);
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM customers c WHERE c.seq IN "
                                u"(SELECT value FROM json_each(?))"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (auto r = run(**q, u"cannot search customers"_s); !r)
        return r.error();
    auto loaded = loadAll(**q);
    if (!loaded)
        return loaded;
    QList<Customer> customers = std::move(loaded).value();
    std::stable_sort(customers.begin(), customers.end(), [&](const Customer &a, const Customer &b) {
        const bool aName = byName.contains(idToString(a.id));
        const bool bName = byName.contains(idToString(b.id));
        if (aName != bName)
            return aName;
        return a.name < b.name;
    });
    return customers;
}

Result<QList<Customer>> CustomerRepository::listByTerritory(const QString &territory, int limit,
                                                            int offset, Archived archived)
{
    auto q = m_store.prepared(u"SELECT "_s + Columns
                              + u" FROM customers c WHERE c.territory = ? AND (? OR c.archived = 0)"
                                u" ORDER BY c.name LIMIT ? OFFSET ?"_s);
    if (!q)
        return q.error();
    (*q)->bindValue(0, territory);
    (*q)->bindValue(1, archived == Archived::Include ? 1 : 0);
    (*q)->bindValue(2, std::clamp(limit, 1, MaxResults));
    (*q)->bindValue(3, std::max(offset, 0));
    if (auto r = run(**q, u"cannot list customers"_s); !r)
        return r.error();
    return loadAll(**q);
}

Result<qint64> CustomerRepository::count()
{
    auto v = m_store.scalar(u"SELECT count(*) FROM customers"_s);
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace karvan

#include "services/customerfields.h"

#include "domain/names.h"

#include <QCborArray>
#include <QRegularExpression>

namespace karvan::customerfields {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxName = 200;
constexpr qsizetype MaxShort = 200;
constexpr qsizetype MaxNotes = 4000;
constexpr qsizetype MaxContacts = 50;
constexpr qsizetype MaxAddresses = 20;

Error invalid(const QString &field, const QString &why)
{
    return makeError(ErrorCode::InvalidArgument, u"customer field \"%1\": %2"_s.arg(field, why));
}

Result<QString> textOf(const QString &field, const QCborValue &v, qsizetype maxLength)
{
    if (v.isNull() || v.isUndefined())
        return QString(u""_s);
    if (!v.isString())
        return invalid(field, u"expected text"_s);
    const QString s = v.toString().trimmed();
    if (s.size() > maxLength)
        return invalid(field, u"longer than %1 characters"_s.arg(maxLength));
    return s;
}

bool validEmail(const QString &s)
{
    static const QRegularExpression re(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return s.isEmpty() || re.match(s).hasMatch();
}

bool validPhone(const QString &s)
{
    static const QRegularExpression re(u"^\\+?[0-9 ()./-]{3,40}$"_s);
    return s.isEmpty() || re.match(s).hasMatch();
}

bool validLanguage(const QString &s)
{
    static const QRegularExpression re(u"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"_s);
    return s.isEmpty() || re.match(s).hasMatch();
}

Result<QList<Contact>> contactsOf(const QCborValue &v)
{
    const QString field = u"contacts"_s;
    if (v.isNull() || v.isUndefined())
        return QList<Contact>();
    if (!v.isArray())
        return invalid(field, u"expected a list"_s);
    const QCborArray items = v.toArray();
    if (items.size() > MaxContacts)
        return invalid(field, u"more than %1 contacts"_s.arg(MaxContacts));
    QList<Contact> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isMap())
            return invalid(field, u"contact %1 is not a map"_s.arg(i + 1));
        const QCborMap m = items.at(i).toMap();
        Contact c;
        auto name = textOf(field, m.value(u"name"_s), MaxShort);
        auto role = textOf(field, m.value(u"role"_s), MaxShort);
        auto phone = textOf(field, m.value(u"phone"_s), MaxShort);
        auto email = textOf(field, m.value(u"email"_s), MaxShort);
        for (const auto *r : {&name, &role, &phone, &email}) {
            if (!*r)
                return r->error();
        }
        if (name->isEmpty())
            return invalid(field, u"contact %1 has no name"_s.arg(i + 1));
        if (!validPhone(*phone))
            return invalid(field, u"contact %1 has a malformed phone number"_s.arg(i + 1));
        if (!validEmail(*email))
            return invalid(field, u"contact %1 has a malformed email address"_s.arg(i + 1));
        c.name = *name;
        c.role = *role;
        c.phone = *phone;
        c.email = *email;
        out.append(c);
    }
    return out;
}

Result<QList<Address>> addressesOf(const QCborValue &v)
{
    const QString field = u"addresses"_s;
    if (v.isNull() || v.isUndefined())
        return QList<Address>();
    if (!v.isArray())
        return invalid(field, u"expected a list"_s);
    const QCborArray items = v.toArray();
    if (items.size() > MaxAddresses)
        return invalid(field, u"more than %1 addresses"_s.arg(MaxAddresses));
    QList<Address> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isMap())
            return invalid(field, u"address %1 is not a map"_s.arg(i + 1));
        const QCborMap m = items.at(i).toMap();
        Address a;
        const QCborValue kindValue = m.value(u"kind"_s);
        auto kind = parseAddressKind(kindValue.isString() ? kindValue.toString() : u"billing"_s);
        if (!kind)
            return invalid(field, u"address %1: kind must be billing or shipping"_s.arg(i + 1));
        a.kind = *kind;
        const std::pair<const char16_t *, QString *> parts[] = {{u"line1", &a.line1},
                                                                {u"line2", &a.line2},
                                                                {u"city", &a.city},
                                                                {u"region", &a.region},
                                                                {u"postal_code", &a.postalCode},
                                                                {u"country", &a.country}};
        for (const auto &[key, target] : parts) {
            auto t = textOf(field, m.value(QString::fromUtf16(key)), MaxShort);
            if (!t)
                return t.error();
            *target = *t;
        }
        static const QRegularExpression country(u"^[A-Z]{2}$"_s);
        if (!a.country.isEmpty() && !country.match(a.country).hasMatch())
            return invalid(
                field, u"address %1: country must be an ISO 3166 code like \"TR\""_s.arg(i + 1));
        out.append(a);
    }
    return out;
}

} // namespace

const QStringList &repEditable()
{
    static const QStringList fields {u"name"_s,     u"phone"_s,    u"email"_s,    u"notes"_s,
                                     u"language"_s, u"contacts"_s, u"addresses"_s};
    return fields;
}

const QStringList &hqOnly()
{
    static const QStringList fields {u"credit_limit"_s,
                                     u"credit_limit_minor"_s,
                                     u"credit_limit_currency"_s,
                                     u"payment_terms"_s,
                                     u"payment_terms_days"_s,
                                     u"price_list"_s,
                                     u"price_list_id"_s,
                                     u"territory"_s,
                                     u"currency"_s,
                                     u"tax_region"_s,
                                     u"archived"_s,
                                     u"code"_s,
                                     u"id"_s};
    return fields;
}

Result<void> checkEditable(const QString &field)
{
    if (repEditable().contains(field))
        return {};
    if (hqOnly().contains(field))
        return makeError(
            ErrorCode::InvalidArgument,
            u"customer field \"%1\" is set by HQ only; a device cannot change it"_s.arg(field));
    return makeError(
        ErrorCode::InvalidArgument,
        u"unknown customer field \"%1\" (editable: %2)"_s.arg(field, repEditable().join(u", "_s)));
}

QCborValue value(const Customer &c, const QString &field)
{
    if (field == u"name"_s)
        return c.name;
    if (field == u"phone"_s)
        return c.phone;
    if (field == u"email"_s)
        return c.email;
    if (field == u"notes"_s)
        return c.notes;
    if (field == u"language"_s)
        return c.language;
    if (field == u"contacts"_s) {
        QCborArray out;
        for (const Contact &k : c.contacts)
            out.append(QCborMap {{u"name"_s, k.name},
                                 {u"role"_s, k.role},
                                 {u"phone"_s, k.phone},
                                 {u"email"_s, k.email}});
        return out;
    }
    if (field == u"addresses"_s) {
        QCborArray out;
        for (const Address &a : c.addresses)
            out.append(QCborMap {{u"kind"_s, addressKindName(a.kind)},
                                 {u"line1"_s, a.line1},
                                 {u"line2"_s, a.line2},
                                 {u"city"_s, a.city},
                                 {u"region"_s, a.region},
                                 {u"postal_code"_s, a.postalCode},
                                 {u"country"_s, a.country}});
        return out;
    }
    return QCborValue();
}

QCborMap values(const Customer &customer)
{
    QCborMap out;
    for (const QString &field : repEditable())
        out.insert(field, value(customer, field));
    return out;
}

Result<void> apply(Customer &c, const QString &field, const QCborValue &v)
{
    if (auto r = checkEditable(field); !r)
        return r;
    if (field == u"contacts"_s) {
        auto contacts = contactsOf(v);
        if (!contacts)
            return contacts.error();
        c.contacts = *contacts;
        return {};
    }
    if (field == u"addresses"_s) {
        auto addresses = addressesOf(v);
        if (!addresses)
            return addresses.error();
        c.addresses = *addresses;
        return {};
    }
    auto text = textOf(field, v, field == u"notes"_s ? MaxNotes : MaxName);
    if (!text)
        return text.error();
    if (field == u"name"_s) {
        if (text->isEmpty())
            return invalid(field, u"a customer needs a name"_s);
        c.name = *text;
    } else if (field == u"phone"_s) {
        if (!validPhone(*text))
            return invalid(field, u"\"%1\" is not a phone number"_s.arg(*text));
        c.phone = *text;
    } else if (field == u"email"_s) {
        if (!validEmail(*text))
            return invalid(field, u"\"%1\" is not an email address"_s.arg(*text));
        c.email = *text;
    } else if (field == u"notes"_s) {
        c.notes = *text;
    } else if (field == u"language"_s) {
        if (!validLanguage(*text))
            return invalid(field,
                           u"\"%1\" is not a language tag like \"fa\" or \"tr\""_s.arg(*text));
        c.language = *text;
    }
    return {};
}

} // namespace karvan::customerfields

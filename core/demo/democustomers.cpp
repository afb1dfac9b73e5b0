// Customers of the demo company: names, contacts and addresses in their own languages and
// scripts, commercial terms, and negotiated prices.

#include "demo/demorun.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::demo {

namespace {

// '#' -> a digit, '@' -> a letter allowed in a UK inward postcode.
QString fillPattern(const QString &pattern, DemoRandom &random)
{
    static const QString letters = u"ABDEFGHJLNPQRSTUWXYZ"_s;
    QString out = pattern;
    for (QChar &c : out) {
        if (c == u'#')
            c = QChar(u'0' + char16_t(random.below(10)));
        else if (c == u'@')
            c = letters.at(random.index(letters.size()));
    }
    return out;
}

QString fullName(const DemoLanguage &lang, const PersonName &given, const PersonName &family,
                 DemoRandom &random)
{
    if (lang.familyNameFirst) {
        const PersonName &middle = random.pick(lang.middleNames);
        return family.native + u' ' + middle.native + u' ' + given.native;
    }
    return given.native + u' ' + family.native;
}

struct KindProfile
{
    int perMille;
    int weight; // ordering frequency
    int terms[4];
    qint64 limitMin, limitMax; // USD; 0: no limit
};

// Grocery, Supermarket, Wholesaler, Horeca, KeyAccount
const KindProfile kindProfiles[BusinessKindCount] = {
    {450, 3, {0, 0, 7, 14}, 1'000, 5'000},        {200, 8, {14, 30, 30, 45}, 5'000, 30'000},
    {100, 14, {30, 45, 45, 60}, 20'000, 100'000}, {200, 5, {0, 7, 14, 30}, 2'000, 10'000},
    {50, 30, {45, 60, 60, 90}, 100'000, 500'000},
};

} // namespace

Result<void> DemoRun::emitCustomers()
{
    DemoRandom random(m_options.seed, 20);
    const QList<DemoLanguage> &languages = demoLanguages();
    static const int territoryShare[] = {220, 180, 150, 130, 170, 150}; // per mille
    static const int kindShare[]
        = {kindProfiles[0].perMille, kindProfiles[1].perMille, kindProfiles[2].perMille,
           kindProfiles[3].perMille, kindProfiles[4].perMille};
    // A contact's role in the customer's own language (the same four in every language, so the
    // random choices, and everything after them, stay as they were).
    static const QHash<QString, QStringList> rolesByLanguage {
        {u"en"_s, {u"Owner"_s, u"Purchasing"_s, u"Accounts"_s, u"Store Manager"_s}},
        {u"tr"_s, {u"Sahibi"_s, u"Satın Alma"_s, u"Muhasebe"_s, u"Mağaza Müdürü"_s}},
        {u"fa"_s, {u"مالک"_s, u"خرید"_s, u"حسابداری"_s, u"مدیر فروشگاه"_s}},
        {u"ar"_s, {u"المالك"_s, u"المشتريات"_s, u"الحسابات"_s, u"مدير المتجر"_s}},
        {u"he"_s, {u"בעלים"_s, u"רכש"_s, u"הנהלת חשבונות"_s, u"מנהל חנות"_s}},
        {u"vi"_s, {u"Chủ cửa hàng"_s, u"Mua hàng"_s, u"Kế toán"_s, u"Quản lý cửa hàng"_s}},
    };

    QSet<QString> usedNames;
    usedNames.reserve(m_spec.customers);
    m_customers.reserve(m_spec.customers);
    m_customerWeights.reserve(m_spec.customers);

    for (int i = 0; i < m_spec.customers; ++i) {
        CustomerInfo info;
        info.territory = random.weightedPerMille(territoryShare);
        info.kind = BusinessKind(random.weightedPerMille(kindShare));
        const KindProfile &profile = kindProfiles[int(info.kind)];
        const DemoLanguage &lang = languages.at(info.territory);
        const QStringList &roles = rolesByLanguage.contains(lang.code) ? rolesByLanguage[lang.code]
                                                                       : rolesByLanguage[u"en"_s];
        const DemoTerritory &territory = m_territories.at(info.territory);
        const DemoCity &city = random.pick(lang.cities);

        // A name from the language's patterns; chains and namesakes become numbered branches.
        auto compose = [&]() {
            QString name = random.pick(lang.namePatterns.at(int(info.kind)));
            const PersonName &given = random.pick(lang.givenNames);
            const PersonName &family = random.pick(lang.familyNames);
            name.replace(u"{X}"_s, random.pick(lang.words));
            name.replace(u"{G}"_s, given.native);
            name.replace(u"{F}"_s, family.native);
            name.replace(u"{N}"_s, fullName(lang, given, family, random));
            name.replace(u"{C}"_s, city.name);
            return name;
        };
        QString name = compose();
        for (int attempt = 0; attempt < 3 && usedNames.contains(name); ++attempt)
            name = compose();
        if (usedNames.contains(name)) {
            const QString base = name;
            for (int branch = 2; usedNames.contains(name); ++branch) {
                name = lang.branchPattern;
                name.replace(u"{B}"_s, base);
                name.replace(u"{n}"_s, demoNumber(branch, lang.persianDigits));
            }
        }
        usedNames.insert(name);

        Customer c;
        info.id = nextId(m_referenceMillis);
        c.id = info.id;
        c.code = u"C%1"_s.arg(i + 1, 6, 10, QChar(u'0'));
        c.name = name;
        c.language = lang.code;
        c.phone = fillPattern(city.phonePattern, random);
        c.email = u"orders.%1@%2"_s.arg(c.code.toLower(), lang.emailDomain);

        const int contacts = int(random.between(1, info.kind == BusinessKind::Grocery ? 1 : 3));
        for (int k = 0; k < contacts; ++k) {
            const PersonName &given = random.pick(lang.givenNames);
            const PersonName &family = random.pick(lang.familyNames);
            c.contacts.append(
                Contact {fullName(lang, given, family, random),
                         roles.at(k == 0 ? 0 : 1 + random.index(roles.size() - 1)),
                         fillPattern(random.pick(lang.mobilePatterns), random),
                         u"%1.%2@%3"_s.arg(given.latin, family.latin, lang.emailDomain)});
        }

        auto address = [&](Address::Kind kind) {
            Address a;
            a.kind = kind;
            auto fill = [&](QString text) {
                text.replace(u"{S}"_s, random.pick(lang.streets));
                text.replace(u"{X}"_s, random.pick(lang.words));
                text.replace(u"{H}"_s, demoNumber(random.between(1, 240), lang.persianDigits));
                text.replace(u"{U}"_s, demoNumber(random.between(1, 30), lang.persianDigits));
                text.replace(u"{D}"_s, random.pick(city.districts));
                return text;
            };
            a.line1 = fill(random.pick(lang.line1Patterns));
            a.line2 = fill(random.pick(lang.line2Patterns));
            a.city = city.name;
            a.region = territory.taxRegion;
            a.postalCode = city.postalPatterns.isEmpty()
                ? QString()
                : fillPattern(random.pick(city.postalPatterns), random);
            a.country = territory.country;
            return a;
        };
        c.addresses.append(address(Address::Kind::Billing));
        if (random.chance(400))
            c.addresses.append(address(Address::Kind::Shipping));
        if (random.chance(250))
            c.notes = random.pick(lang.notes);

        c.territory = territory.code;
        switch (info.kind) {
        case BusinessKind::Grocery:
            info.priceList = random.chance(100) ? 0 : -1;
            break;
        case BusinessKind::Supermarket:
            info.priceList = random.chance(600) ? 0 : -1;
            break;
        case BusinessKind::Wholesaler:
            info.priceList = 0;
            break;
        case BusinessKind::Horeca:
            info.priceList = 1;
            break;
        case BusinessKind::KeyAccount:
            info.priceList = 2;
            break;
        }
        if (info.priceList >= 0)
            c.priceListId = m_customerLists.at(info.priceList).list.id;
        info.paymentTermsDays = profile.terms[random.below(4)];
        c.paymentTermsDays = info.paymentTermsDays;
        // Cash customers and a few trusted key accounts have no limit.
        const bool noLimit = info.paymentTermsDays == 0
            || (info.kind == BusinessKind::KeyAccount && random.chance(300));
        if (!noLimit) {
            const qint64 step = profile.limitMax >= 100'000 ? 10'000 : 500;
            info.creditLimitMinor
                = random.between(profile.limitMin / step, profile.limitMax / step) * step * 100;
            c.creditLimit = Money::fromMinor(info.creditLimitMinor, m_currency).value();
        }
        c.currency = m_currency;
        c.taxRegion = territory.taxRegion;
        c.archived = random.chance(30);
        if (c.archived) {
            info.activeUntilDay = int(random.between(30, m_days - 60));
            ++m_summary.archivedCustomers;
        }
        const QDate updated = c.archived ? m_historyStart.addDays(info.activeUntilDay)
                                         : m_today.addDays(-random.between(1, 500));
        // One draw per statement: the order of evaluation of call arguments is unspecified.
        const int hour = int(random.between(7, 17));
        const int minute = int(random.between(0, 59));
        c.updatedAt
            = QDateTime::fromMSecsSinceEpoch(millisOf(updated, hour, minute), QTimeZone::utc());

        if (info.paymentTermsDays == 0) {
            info.payer = Payer::Cash;
        } else {
            static const int payers[] = {600, 220, 100, 80};
            info.payer = Payer(1 + random.weightedPerMille(payers));
        }
        if (!c.archived && info.creditLimitMinor > 0 && random.chance(40))
            info.stretched = true;
        info.rep = random.index(m_reps.at(info.territory).size());

        KARVAN_DEMO_TRY(m_sink.customer(c));
        ++m_summary.customers;
        const quint64 weight = quint64(profile.weight) * quint64(random.between(1, 3));
        m_customerWeights.push_back((m_customerWeights.empty() ? 0 : m_customerWeights.back())
                                    + weight);
        m_customers.push_back(std::move(info));
    }

    // Enough customers close to their limit for the credit rules to show, even in a small set.
    int stretched = 0;
    for (const CustomerInfo &c : m_customers)
        stretched += c.stretched ? 1 : 0;
    for (CustomerInfo &c : m_customers) {
        if (stretched >= std::max(5, m_spec.customers / 50))
            break;
        if (!c.stretched && c.creditLimitMinor > 0 && c.activeUntilDay == INT_MAX) {
            c.stretched = true;
            ++stretched;
        }
    }
    for (CustomerInfo &c : m_customers) {
        if (c.stretched)
            c.stretchDay = m_days - 1 - int(random.between(4, 20));
    }
    return {};
}

Result<void> DemoRun::emitCustomerPrices()
{
    DemoRandom random(m_options.seed, 21);
    // Negotiated prices go to the big accounts first: key accounts, wholesalers, supermarkets.
    std::vector<int> candidates;
    for (BusinessKind kind :
         {BusinessKind::KeyAccount, BusinessKind::Wholesaler, BusinessKind::Supermarket,
          BusinessKind::Horeca, BusinessKind::Grocery}) {
        std::vector<int> ofKind;
        for (int i = 0; i < int(m_customers.size()); ++i) {
            if (m_customers[i].kind == kind)
                ofKind.push_back(i);
        }
        for (int i = int(ofKind.size()) - 1; i > 0; --i)
            std::swap(ofKind[i], ofKind[random.below(quint64(i) + 1)]);
        candidates.insert(candidates.end(), ofKind.begin(), ofKind.end());
    }
    const int count = std::min<int>(m_spec.customersWithOwnPrices, int(candidates.size()));
    std::sort(candidates.begin(), candidates.begin() + count); // emit in customer order

    for (int n = 0; n < count; ++n) {
        CustomerInfo &customer = m_customers[candidates[n]];
        const int skus = int(random.between(3, 8));
        for (int k = 0; k < skus; ++k) {
            const ProductInfo &p = m_products[m_sellable[random.weighted(m_productWeights)]];
            bool duplicate = false;
            for (const CustomerPrice &cp : std::as_const(customer.prices))
                duplicate = duplicate || cp.sku == p.product.sku;
            if (duplicate)
                continue;
            CustomerPrice cp;
            cp.customerId = customer.id;
            cp.sku = p.product.sku;
            cp.unitPrice
                = Money::fromMinor(p.listMinor * random.between(80, 88) / 100, m_currency).value();
            switch (random.below(4)) {
            case 0: // an agreement that ended
                cp.validFrom = m_historyStart.addDays(-random.between(0, 60));
                cp.validTo = m_historyStart.addDays(random.between(60, 200));
                break;
            case 1: // a current agreement with an end date
                cp.validFrom = m_today.addDays(-random.between(30, 300));
                cp.validTo = m_today.addDays(random.between(30, 200));
                break;
            default: // open-ended
                cp.validFrom = m_historyStart.addDays(random.between(-200, 200));
                break;
            }
            customer.prices.append(cp);
            KARVAN_DEMO_TRY(m_sink.customerPrice(cp));
            ++m_summary.customerPrices;
        }
    }
    return {};
}

} // namespace karvan::demo

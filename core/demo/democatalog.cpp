// Reference data of the demo company: organisation, tax rules, catalog, price lists,
// promotions and stock.

#include "demo/demorun.h"

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace karvan::demo {

namespace {

QStringList texts(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    for (const char16_t *item : items)
        out.append(QString::fromUtf16(item));
    return out;
}

struct Category
{
    QString prefix;
    QString name;
    QString taxClass;
    bool kg;
    int sharePercent;
    qint64 minCents;
    qint64 maxCents;
    QStringList items;
    QStringList variants;
    QStringList sizes; // for kg items: the origin
    QString packUnit;
    int packSize; // base units per pack unit
};

const QList<Category> &categories()
{
    static const QList<Category> all = {
        {u"BEV"_s, u"Beverages"_s, u"standard"_s, false, 16, 45, 350,
         texts({u"Cola", u"Lemon Soda", u"Orange Juice", u"Apple Juice", u"Mango Nectar",
                u"Pomegranate Juice", u"Sparkling Water", u"Mineral Water", u"Iced Tea",
                u"Energy Drink", u"Ayran", u"Cold Brew Coffee"}),
         texts({u"", u"Zero Sugar", u"Light", u"Organic"}),
         texts({u"250 ml", u"330 ml Can", u"500 ml", u"1 L", u"1.5 L", u"2 L"}), u"case"_s, 24},
        {u"SNK"_s, u"Snacks"_s, u"standard"_s, false, 12, 60, 450,
         texts({u"Potato Crisps", u"Tortilla Chips", u"Salted Pretzels", u"Popcorn",
                u"Rice Crackers", u"Roasted Chickpeas", u"Sunflower Seeds", u"Corn Puffs",
                u"Cheese Crackers", u"Veggie Straws"}),
         texts({u"Sea Salt", u"Paprika", u"Cheese & Onion", u"Sour Cream", u"Chili Lime",
                u"Barbecue"}),
         texts({u"40 g", u"90 g", u"150 g", u"300 g"}), u"box"_s, 24},
        {u"DAI"_s, u"Dairy"_s, u"reduced"_s, false, 10, 80, 650,
         texts({u"Whole Milk", u"Semi-Skimmed Milk", u"Plain Yogurt", u"Greek Yogurt", u"Labneh",
                u"White Cheese", u"Cheddar", u"Butter", u"Cream", u"Kefir"}),
         texts({u"", u"Organic", u"Lactose-Free", u"Low Fat"}),
         texts({u"150 g", u"200 g", u"500 g", u"1 kg", u"1 L", u"2 L"}), u"box"_s, 12},
        {u"STA"_s, u"Staples"_s, u"reduced"_s, false, 9, 90, 900,
         texts({u"Basmati Rice", u"Jasmine Rice", u"Bulgur", u"Wheat Flour", u"Red Lentils",
                u"Chickpeas", u"Sugar", u"Sunflower Oil", u"Olive Oil", u"Pasta", u"Tomato Paste",
                u"Rice Noodles"}),
         texts({u"", u"Premium", u"Organic", u"Value"}),
         texts({u"500 g", u"1 kg", u"2 kg", u"5 kg", u"10 kg"}), u"case"_s, 10},
        {u"HOT"_s, u"Hot Drinks"_s, u"reduced"_s, false, 6, 150, 1500,
         texts({u"Black Tea", u"Earl Grey Tea", u"Green Tea", u"Turkish Coffee", u"Instant Coffee",
                u"Espresso Beans", u"Herbal Tea", u"Cardamom Tea", u"Vietnamese Robusta",
                u"Hot Chocolate"}),
         texts({u"", u"Premium", u"Decaf", u"Organic"}),
         texts({u"25 bags", u"100 g", u"100 bags", u"250 g", u"500 g", u"1 kg"}), u"box"_s, 12},
        {u"NUT"_s, u"Nuts & Dried Fruit"_s, u"reduced"_s, true, 6, 400, 3500,
         texts({u"Pistachios", u"Hazelnuts", u"Almonds", u"Cashews", u"Walnuts", u"Medjool Dates",
                u"Dried Apricots", u"Dried Figs", u"Raisins", u"Mixed Nuts"}),
         texts({u"Raw", u"Roasted", u"Salted", u"Premium Grade"}),
         texts({u"Iran", u"Türkiye", u"Vietnam", u"UAE", u"Spain", u"USA"}), u"sack"_s, 10},
        {u"FRU"_s, u"Fresh Produce"_s, u"zero"_s, true, 5, 80, 900,
         texts({u"Tomatoes", u"Cucumbers", u"Lemons", u"Oranges", u"Bananas", u"Apples",
                u"Potatoes", u"Onions", u"Pomegranates", u"Mangoes", u"Dragon Fruit",
                u"Fresh Herbs"}),
         texts({u"Class I", u"Organic", u"Local", u"Extra"}),
         texts({u"Iran", u"Türkiye", u"Vietnam", u"Israel", u"Spain", u"UK"}), u"crate"_s, 12},
        {u"CLN"_s, u"Cleaning"_s, u"standard"_s, false, 9, 150, 1500,
         texts({u"Dishwashing Liquid", u"Laundry Detergent", u"Bleach", u"Glass Cleaner",
                u"Floor Cleaner", u"Surface Spray", u"Fabric Softener", u"Sponges", u"Bin Bags",
                u"Toilet Cleaner"}),
         texts({u"Lemon", u"Lavender", u"Fresh", u"Sensitive", u"Ocean"}),
         texts({u"500 ml", u"750 ml", u"1 L", u"2.5 L", u"5 L"}), u"case"_s, 6},
        {u"PAP"_s, u"Paper & Packaging"_s, u"standard"_s, false, 7, 100, 2000,
         texts({u"Toilet Tissue", u"Kitchen Roll", u"Paper Napkins", u"Facial Tissues",
                u"Paper Cups", u"Aluminium Foil", u"Cling Film", u"Takeaway Boxes", u"Baking Paper",
                u"Paper Bags"}),
         texts({u"", u"Recycled", u"Premium", u"Catering"}),
         texts({u"Pack of 4", u"Pack of 6", u"Pack of 12", u"Pack of 50", u"Pack of 100"}),
         u"case"_s, 8},
        {u"PER"_s, u"Personal Care"_s, u"standard"_s, false, 8, 120, 1800,
         texts({u"Shampoo", u"Shower Gel", u"Bar Soap", u"Toothpaste", u"Toothbrush", u"Deodorant",
                u"Hand Cream", u"Body Lotion", u"Razor Blades", u"Wet Wipes"}),
         texts({u"", u"Sensitive", u"Men", u"Herbal", u"Kids"}),
         texts({u"50 ml", u"100 ml", u"250 ml", u"400 ml", u"Pack of 3"}), u"box"_s, 12},
        {u"CON"_s, u"Confectionery"_s, u"standard"_s, false, 7, 40, 900,
         texts({u"Milk Chocolate Bar", u"Dark Chocolate Bar", u"Baklava", u"Turkish Delight",
                u"Halva", u"Chewing Gum", u"Hard Candy", u"Wafer Biscuits", u"Date Cookies",
                u"Gaz Nougat"}),
         texts({u"", u"Pistachio", u"Hazelnut", u"Rose", u"Sugar-Free"}),
         texts({u"40 g", u"100 g", u"250 g", u"500 g", u"1 kg"}), u"box"_s, 24},
        {u"ELA"_s, u"Electronics Accessories"_s, u"standard"_s, false, 5, 300, 4500,
         texts({u"USB-C Cable", u"Lightning Cable", u"Wall Charger", u"Car Charger", u"Power Bank",
                u"Wired Earphones", u"Wireless Earbuds", u"AA Batteries", u"AAA Batteries",
                u"microSD Card", u"Phone Case", u"Screen Protector"}),
         texts({u"", u"Fast Charge", u"Braided", u"Pro"}),
         texts({u"1 m", u"2 m", u"20 W", u"65 W", u"10000 mAh", u"4-pack", u"64 GB"}), u"box"_s,
         10},
    };
    return all;
}

struct Brand
{
    QString name;
    QString gs1Prefix; // GS1 country prefix of the brand owner
};

const QList<Brand> &brands()
{
    static const QList<Brand> all = {
        {u"Karvan"_s, u"869"_s}, {u"Anatolia"_s, u"869"_s},    {u"Bosphorus"_s, u"869"_s},
        {u"Zagros"_s, u"626"_s}, {u"Caspian"_s, u"626"_s},     {u"Golden Dune"_s, u"629"_s},
        {u"Oasis"_s, u"629"_s},  {u"Galil"_s, u"729"_s},       {u"Carmel"_s, u"729"_s},
        {u"Mekong"_s, u"893"_s}, {u"Saigon Star"_s, u"893"_s}, {u"Albion"_s, u"501"_s},
        {u"Thames"_s, u"501"_s},
    };
    return all;
}

// EAN-13: 12 digits and the GS1 check digit (weights 1,3,1,3,... from the left).
QString withEan13CheckDigit(const QString &twelve)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelve.at(i).unicode() - u'0') * (i % 2 == 0 ? 1 : 3);
    return twelve + QChar(u'0' + char16_t((10 - sum % 10) % 10));
}

Money usd(qint64 minor, const QString &currency)
{
    return Money::fromMinor(minor, currency).value();
}

qint64 percentOf(qint64 minor, qint64 basisPoints)
{
    return (minor * basisPoints + 5000) / 10000; // half up; amounts here are positive
}

} // namespace

Result<void> DemoRun::emitOrganisation()
{
    for (const DemoTerritory &t : std::as_const(m_territories)) {
        KARVAN_DEMO_TRY(m_sink.territory(t));
        ++m_summary.territories;
    }
    m_reps.resize(m_territories.size());
    for (const DemoUser &u : DemoGenerator::users(m_options.size)) {
        KARVAN_DEMO_TRY(m_sink.user(u));
        ++m_summary.users;
        if (u.role == u"rep") {
            for (qsizetype t = 0; t < m_territories.size(); ++t) {
                if (u.territories.contains(m_territories.at(t).code))
                    m_reps[t].append(u.login);
            }
        }
    }

    const QList<Warehouse> warehouses = {
        {{}, u"WH-IST"_s, u"İstanbul Tuzla Ana Depo"_s, u"TR"_s, QString()},
        {{}, u"WH-THR"_s, u"انبار مرکزی تهران"_s, u"IR"_s, QString()},
        {{}, u"WH-DXB"_s, u"مستودع دبي – جبل علي"_s, u"AE"_s, QString()},
        {{}, u"WH-TLV"_s, u"מחסן מרכזי תל אביב"_s, u"IL"_s, QString()},
        {{}, u"WH-SGN"_s, u"Kho trung tâm Thành phố Hồ Chí Minh"_s, u"VN"_s, QString()},
        {{}, u"WH-LON"_s, u"London Park Royal Distribution Centre"_s, u"GB"_s, QString()},
        {{}, u"ST-IST1"_s, u"Karvan Kadıköy Mağazası"_s, u"TR"_s, u"IST1"_s},
    };
    for (Warehouse w : warehouses) {
        w.id = nextId(m_referenceMillis);
        KARVAN_DEMO_TRY(m_sink.warehouse(w));
        ++m_summary.warehouses;
    }
    return {};
}

Result<void> DemoRun::emitTaxRules()
{
    // Rates in force in 2026, per tax class; every region has a rule for every class, so no
    // line is ever priced without tax. Prices are B2B, so tax is added on top everywhere.
    struct Rule
    {
        const char16_t *region, *taxClass;
        int bp;
        const char16_t *name;
    };
    static const Rule rules[] = {
        // Türkiye, KDV (Law 3065; 20 % / 10 % since Presidential Decree 7346, July 2023).
        // There is no domestic zero rate for food: basic foodstuffs carry 1 %, used here.
        {u"TR", u"standard", 2000, u"KDV 20%"},
        {u"TR", u"reduced", 1000, u"KDV 10%"},
        {u"TR", u"zero", 100, u"KDV 1%"},
        // Iran, VAT Act 1400 (2021): 10 % from 1403 (2024 budget law); basic foods exempt.
        {u"IR", u"standard", 1000, u"VAT 10%"},
        {u"IR", u"reduced", 1000, u"VAT 10%"},
        {u"IR", u"zero", 0, u"VAT exempt"},
        // UAE, Federal Decree-Law No. 8 of 2017: 5 %, zero rate for listed supplies.
        {u"AE", u"standard", 500, u"VAT 5%"},
        {u"AE", u"reduced", 500, u"VAT 5%"},
        {u"AE", u"zero", 0, u"VAT 0%"},
        // Israel, VAT Law 1975: 18 % from 1 January 2025; fresh fruit and vegetables 0 %.
        {u"IL", u"standard", 1800, u"VAT 18%"},
        {u"IL", u"reduced", 1800, u"VAT 18%"},
        {u"IL", u"zero", 0, u"VAT 0%"},
        // Vietnam, VAT Law 48/2024/QH15: 10 % / 5 %. (Resolution 204/2025/QH15 lowers many
        // 10 % goods to 8 % until the end of 2026; left out to keep one rate per class.)
        {u"VN", u"standard", 1000, u"VAT 10%"},
        {u"VN", u"reduced", 500, u"VAT 5%"},
        {u"VN", u"zero", 0, u"VAT 0%"},
        // United Kingdom, VAT Act 1994: 20 % standard, 5 % reduced, most food zero-rated.
        {u"GB", u"standard", 2000, u"VAT 20%"},
        {u"GB", u"reduced", 500, u"VAT 5%"},
        {u"GB", u"zero", 0, u"VAT 0%"},
    };
    for (const Rule &r : rules) {
        TaxRule rule {QString::fromUtf16(r.taxClass), QString::fromUtf16(r.region), r.bp, false,
                      QString::fromUtf16(r.name)};
        m_taxRules.append(rule);
        m_taxRulesByRegion[rule.region].append(rule);
        KARVAN_DEMO_TRY(m_sink.taxRule(rule));
        ++m_summary.taxRules;
    }
    return {};
}

Result<void> DemoRun::emitProducts()
{
    DemoRandom random(m_options.seed, 10);
    const QList<Category> &cats = categories();
    const QList<Brand> &brandList = brands();

    // Products per category by share; the rounding remainder goes to the first categories.
    std::vector<int> counts(cats.size());
    int assigned = 0;
    for (qsizetype c = 0; c < cats.size(); ++c) {
        counts[c] = m_spec.products * cats.at(c).sharePercent / 100;
        assigned += counts[c];
    }
    for (qsizetype c = 0; assigned < m_spec.products; c = (c + 1) % cats.size(), ++assigned)
        ++counts[c];

    m_productsByCategory.assign(cats.size(), {});
    m_products.reserve(m_spec.products);
    for (qsizetype c = 0; c < cats.size(); ++c) {
        const Category &cat = cats.at(c);
        const int nv = int(cat.variants.size()), ns = int(cat.sizes.size());
        const int ni = int(cat.items.size()), nb = int(brandList.size());
        const int combos = nb * ni * nv * ns;
        std::vector<int> order(combos);
        for (int i = 0; i < combos; ++i)
            order[i] = i;
        for (int i = combos - 1; i > 0; --i) // Fisher-Yates with our own generator
            std::swap(order[i], order[random.below(quint64(i) + 1)]);

        for (int n = 0; n < counts[c]; ++n) {
            int k = order[n % combos];
            const int s = k % ns, v = (k / ns) % nv, it = (k / ns / nv) % ni, b = k / ns / nv / ni;
            const Brand &brand = brandList.at(b);
            const QString &variant = cat.variants.at(v);
            QString name;
            if (cat.kg) {
                name = brand.name + u' ' + variant + u' ' + cat.items.at(it) + u" ("_s
                    + cat.sizes.at(s) + u')';
            } else {
                name = brand.name + u' ' + cat.items.at(it)
                    + (variant.isEmpty() ? QString() : u' ' + variant) + u' ' + cat.sizes.at(s);
            }
            if (n >= combos)
                name += u" #%1"_s.arg(n / combos + 1);

            ProductInfo info;
            info.category = int(c);
            info.kg = cat.kg;
            Product &p = info.product;
            p.id = nextId(m_referenceMillis);
            p.sku = u"%1-%2"_s.arg(cat.prefix).arg(n + 1, 5, 10, QChar(u'0'));
            p.name = name;
            p.category = cat.name;
            p.taxClass = cat.taxClass;
            p.baseUnit = cat.kg ? u"kg"_s : u"ea"_s;
            p.active = !random.chance(20);
            const qsizetype index = qsizetype(m_products.size());
            if (!cat.kg) {
                // Brand owner's GS1 prefix + company number + item reference.
                const QString twelve = (brand.gs1Prefix
                                        + u"%1%2"_s.arg(4100 + b * 37, 4, 10, QChar(u'0'))
                                              .arg(index, 5, 10, QChar(u'0')));
                p.barcode = withEan13CheckDigit(twelve);
            } // weighed goods get an in-store label, not a printed barcode
            if (random.chance(cat.kg ? 600 : 700))
                p.unitConversions.append(
                    UnitConversion {cat.packUnit, qint64(cat.packSize) * Quantity::Scale});

            // Bigger sizes cost more; a random spread within the category's range.
            const qint64 span = cat.maxCents - cat.minCents;
            qint64 cents = cat.minCents + span * (s + 1) * random.between(55, 100) / (ns * 100);
            cents = cat.prefix == u"ELA" ? (cents / 100) * 100 + 99
                : cat.kg                 ? std::max<qint64>(5, (cents / 5) * 5)
                                         : (cents / 10) * 10 + 9;
            info.listMinor = cents;

            KARVAN_DEMO_TRY(m_sink.product(p));
            ++m_summary.products;
            m_productBySku.insert(p.sku, int(index));
            if (p.active) {
                m_productsByCategory[c].push_back(int(index));
                m_sellable.push_back(int(index));
                const quint64 r = random.below(1000);
                const quint64 weight = 5 + r * r * r / 1'000'000; // a few best sellers
                m_productWeights.push_back((m_productWeights.empty() ? 0 : m_productWeights.back())
                                           + weight);
            }
            m_products.push_back(std::move(info));
        }
    }
    return {};
}

Result<void> DemoRun::emitPriceLists()
{
    auto tiers
        = [this](qint64 listMinor, bool kg, std::initializer_list<std::pair<int, int>> steps) {
              QList<PriceTier> out;
              for (const auto &[min, bp] : steps) {
                  out.append(PriceTier {Quantity::ofUnits(min, kg ? u"kg"_s : u"ea"_s).value(),
                                        usd(percentOf(listMinor, bp), m_currency)});
              }
              return out;
          };
    auto finish = [this](PricedList &pl) -> Result<void> {
        for (qsizetype i = 0; i < pl.list.entries.size(); ++i)
            pl.entryBySku.insert(pl.list.entries.at(i).sku, int(i));
        KARVAN_DEMO_TRY(m_sink.priceList(pl.list));
        ++m_summary.priceLists;
        m_summary.priceListEntries += pl.list.entries.size();
        return {};
    };

    PricedList &base = m_baseList;
    base.list = PriceList {nextId(m_referenceMillis),
                           u"BASE-USD"_s,
                           u"Karvan list prices (USD)"_s,
                           m_currency,
                           true,
                           {}};
    for (const ProductInfo &p : m_products) {
        base.list.entries.append(PriceListEntry {p.product.sku, p.product.baseUnit,
                                                 tiers(p.listMinor, p.kg, {{1, 10000}})});
    }
    KARVAN_DEMO_TRY(finish(base));

    // Customer lists: wholesale with volume tiers, restaurants and cafés, key accounts.
    static const QSet<QString> horecaCategories
        = {u"BEV"_s, u"DAI"_s, u"STA"_s, u"HOT"_s, u"NUT"_s, u"FRU"_s, u"PAP"_s, u"CLN"_s};
    m_customerLists.resize(3);
    m_customerLists[0].list = PriceList {nextId(m_referenceMillis),
                                         u"WHOLESALE"_s,
                                         u"Wholesale, volume tiers"_s,
                                         m_currency,
                                         false,
                                         {}};
    m_customerLists[1].list = PriceList {nextId(m_referenceMillis),
                                         u"HORECA"_s,
                                         u"Hotels, restaurants and cafés"_s,
                                         m_currency,
                                         false,
                                         {}};
    m_customerLists[2].list = PriceList {
        nextId(m_referenceMillis), u"KEY-ACCOUNT"_s, u"Key accounts"_s, m_currency, false, {}};
    for (const ProductInfo &p : m_products) {
        if (!p.product.active)
            continue;
        const QString &sku = p.product.sku;
        const QString &unit = p.product.baseUnit;
        m_customerLists[0].list.entries.append(PriceListEntry {
            sku, unit,
            p.kg ? tiers(p.listMinor, true, {{1, 9500}, {25, 9100}, {100, 8700}})
                 : tiers(p.listMinor, false, {{1, 9500}, {24, 9200}, {96, 8900}, {288, 8600}})});
        if (horecaCategories.contains(sku.left(3))) {
            m_customerLists[1].list.entries.append(PriceListEntry {
                sku, unit, tiers(p.listMinor, p.kg, {{1, 9600}, {12, 9300}, {48, 9100}})});
        }
        m_customerLists[2].list.entries.append(PriceListEntry {
            sku, unit, tiers(p.listMinor, p.kg, {{1, 9000}, {48, 8800}, {240, 8500}})});
    }
    for (PricedList &pl : m_customerLists)
        KARVAN_DEMO_TRY(finish(pl));
    return {};
}

Result<void> DemoRun::emitPromotions()
{
    DemoRandom random(m_options.seed, 11);
    const QDate windowFrom = m_historyStart.addDays(-30);
    const QDate windowTo = m_today.addDays(90);

    auto skusOf = [&](const QStringList &prefixes, int count, qint64 minListMinor) {
        QStringList pool;
        for (const QString &prefix : prefixes) {
            for (qsizetype c = 0; c < categories().size(); ++c) {
                if (categories().at(c).prefix != prefix)
                    continue;
                for (int index : m_productsByCategory[c]) {
                    if (m_products[index].listMinor >= minListMinor)
                        pool.append(m_products[index].product.sku);
                }
            }
        }
        QStringList out;
        while (!pool.isEmpty() && out.size() < count)
            out.append(pool.takeAt(random.index(pool.size())));
        std::sort(out.begin(), out.end());
        return out;
    };
    auto add = [&](const QString &code, const QString &name, QDate from, QDate to,
                   const QStringList &territories, const QStringList &skus, int percentBp,
                   qint64 amountOffMinor, std::optional<Quantity> minQuantity) -> Result<void> {
        if (to < windowFrom || from > windowTo)
            return {};
        Promotion p;
        p.id = nextId(m_referenceMillis);
        p.code = code;
        p.name = name;
        p.kind = percentBp > 0 ? Promotion::Kind::PercentOff : Promotion::Kind::AmountOff;
        p.percentBasisPoints = percentBp;
        p.amountOffPerUnit = amountOffMinor > 0 ? usd(amountOffMinor, m_currency) : Money();
        p.validFrom = from;
        p.validTo = to;
        p.skus = skus;
        p.territories = territories;
        p.minQuantity = minQuantity;
        const int index = int(m_promotions.size());
        m_promotions.append(p);
        if (skus.isEmpty())
            m_promotionsForAll.append(index);
        for (const QString &sku : skus)
            m_promotionsBySku[sku].append(index);
        KARVAN_DEMO_TRY(m_sink.promotion(p));
        ++m_summary.promotions;
        return {};
    };

    // Holidays of the territories, with their (lunar) dates where they move.
    struct Moving
    {
        int year;
        QDate ramadan, tet, pesach, kurban;
    };
    static const Moving moving[] = {
        {2024, {2024, 3, 11}, {2024, 2, 10}, {2024, 4, 23}, {2024, 6, 16}},
        {2025, {2025, 3, 1}, {2025, 1, 29}, {2025, 4, 13}, {2025, 6, 6}},
        {2026, {2026, 2, 18}, {2026, 2, 17}, {2026, 4, 2}, {2026, 5, 27}},
        {2027, {2027, 2, 8}, {2027, 2, 6}, {2027, 4, 22}, {2027, 5, 16}},
        {2028, {2028, 1, 28}, {2028, 1, 26}, {2028, 4, 11}, {2028, 5, 5}},
    };
    const int size = m_spec.products >= 3000 ? 60 : 20;
    for (const Moving &m : moving) {
        const QString yy = QString::number(m.year % 100);
        const int persianYear = m.year - 621; // from Nowruz on
        KARVAN_DEMO_TRY(add(u"NOWRUZ%1"_s.arg(persianYear),
                            u"Nowruz %1: sweets, nuts and tea"_s.arg(persianYear), {m.year, 3, 6},
                            {m.year, 3, 31}, {u"IR-THR"_s},
                            skusOf({u"CON"_s, u"NUT"_s, u"HOT"_s}, size, 0), 1000, 0, {}));
        KARVAN_DEMO_TRY(
            add(u"RAMADAN%1"_s.arg(yy), u"Ramadan %1: dates, drinks and staples"_s.arg(m.year),
                m.ramadan.addDays(-7), m.ramadan.addDays(29), {u"AE-DXB"_s, u"TR-IST"_s},
                skusOf({u"NUT"_s, u"BEV"_s, u"STA"_s}, size, 0), 1200, 0, {}));
        KARVAN_DEMO_TRY(add(u"TET%1"_s.arg(m.year), u"Tết %1"_s.arg(m.year), m.tet.addDays(-21),
                            m.tet.addDays(3), {u"VN-SGN"_s},
                            skusOf({u"CON"_s, u"BEV"_s, u"HOT"_s}, size, 0), 800, 0, {}));
        KARVAN_DEMO_TRY(add(u"PESACH%1"_s.arg(yy), u"Pesach %1: 0.25 off per unit"_s.arg(m.year),
                            m.pesach.addDays(-14), m.pesach.addDays(7), {u"IL-TLV"_s},
                            skusOf({u"CON"_s, u"BEV"_s, u"SNK"_s}, size, 150), 0, 25, {}));
        KARVAN_DEMO_TRY(add(u"BAYRAM%1"_s.arg(yy), u"Kurban Bayramı %1"_s.arg(m.year),
                            m.kurban.addDays(-10), m.kurban.addDays(4), {u"TR-IST"_s},
                            skusOf({u"CON"_s, u"BEV"_s}, size, 0), 1000, 0, {}));
        QDate thanksgiving(m.year, 11, 1);
        thanksgiving = thanksgiving.addDays((4 - thanksgiving.dayOfWeek() + 7) % 7 + 21);
        KARVAN_DEMO_TRY(add(u"BLACKFRIDAY%1"_s.arg(yy),
                            u"Black Friday %1 to Cyber Monday"_s.arg(m.year),
                            thanksgiving.addDays(1), thanksgiving.addDays(4), {u"GB-LON"_s},
                            skusOf({u"ELA"_s}, size, 0), 1500, 0, {}));
        KARVAN_DEMO_TRY(add(u"XMAS%1"_s.arg(yy), u"Christmas %1"_s.arg(m.year), {m.year, 12, 1},
                            {m.year, 12, 24}, {u"GB-LON"_s}, skusOf({u"CON"_s, u"SNK"_s}, size, 0),
                            1000, 0, {}));
        KARVAN_DEMO_TRY(add(u"YALDA%1"_s.arg(persianYear), u"Yalda night %1"_s.arg(persianYear),
                            {m.year, 12, 14}, {m.year, 12, 21}, {u"IR-THR"_s},
                            skusOf({u"NUT"_s, u"FRU"_s}, size, 0), 1200, 0, {}));
    }
    // Company-wide campaigns relative to today, so there is always a past, a current and a
    // future one whatever the demo's date.
    KARVAN_DEMO_TRY(add(u"CLEARANCE"_s, u"Spring clearance, 20 % off"_s, m_today.addDays(-200),
                        m_today.addDays(-170), {}, skusOf({u"SNK"_s, u"PER"_s}, size, 0), 2000, 0,
                        {}));
    KARVAN_DEMO_TRY(add(u"ANNIVERSARY"_s, u"Karvan anniversary: 5 % off everything"_s,
                        m_today.addDays(-120), m_today.addDays(-118), {}, {}, 500, 0, {}));
    KARVAN_DEMO_TRY(add(u"SPRING-CLEAN"_s, u"Cleaning range: 0.30 off per unit"_s,
                        m_today.addDays(-240), m_today.addDays(-210), {},
                        skusOf({u"CLN"_s}, size, 200), 0, 30, {}));
    KARVAN_DEMO_TRY(add(u"VOLUME-BEV"_s, u"Beverages: 5 % off from 48 units"_s,
                        m_today.addDays(-20), m_today.addDays(40), {},
                        skusOf({u"BEV"_s}, size * 2, 0), 500, 0,
                        Quantity::ofUnits(48, u"ea"_s).value()));
    KARVAN_DEMO_TRY(add(u"WINTER-WARMERS"_s, u"Hot drinks, 8 % off"_s, m_today.addDays(-10),
                        m_today.addDays(30), {}, skusOf({u"HOT"_s}, size, 0), 800, 0, {}));
    KARVAN_DEMO_TRY(add(u"NEWRANGE-ELA"_s, u"New accessories range: 1.00 off per unit"_s,
                        m_today.addDays(10), m_today.addDays(60), {}, skusOf({u"ELA"_s}, size, 500),
                        0, 100, {}));
    return {};
}

Result<void> DemoRun::emitStock()
{
    DemoRandom random(m_options.seed, 12);
    const QDateTime asOf = QDateTime::fromMSecsSinceEpoch(millisOf(m_today, 5), QTimeZone::utc());
    static const QStringList warehouses = {u"WH-IST"_s, u"WH-THR"_s, u"WH-DXB"_s, u"WH-TLV"_s,
                                           u"WH-SGN"_s, u"WH-LON"_s, u"ST-IST1"_s};
    for (const QString &code : warehouses) {
        const bool store = code.startsWith(u"ST-");
        for (const ProductInfo &p : m_products) {
            if (!p.product.active || !random.chance(store ? 350 : 880))
                continue;
            StockLevel level;
            level.sku = p.product.sku;
            level.warehouseCode = code;
            const qint64 maxUnits = store ? 60 : (p.kg ? 800 : 2400);
            qint64 milli = random.chance(40) ? 0 // out of stock
                                             : random.between(1, maxUnits) * Quantity::Scale;
            if (p.kg && milli > 0)
                milli += random.between(0, 999);
            const qint64 reserved = milli > 0 && random.chance(300)
                ? random.between(0, milli / 4 / Quantity::Scale) * Quantity::Scale
                : 0;
            level.onHand = Quantity::fromMilli(milli, p.product.baseUnit).value();
            level.reserved = Quantity::fromMilli(reserved, p.product.baseUnit).value();
            level.asOf = asOf;
            KARVAN_DEMO_TRY(m_sink.stockLevel(level));
            ++m_summary.stockLevels;
        }
    }
    return {};
}

} // namespace karvan::demo

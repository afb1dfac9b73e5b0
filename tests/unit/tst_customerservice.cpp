#include "servicefixture.h"

#include "services/customerservice.h"
#include "store/fieldversionrepository.h"

#include <QCborArray>
#include <QStandardPaths>
#include <QTest>

using namespace karvan;
using namespace karvan::testing;
using namespace Qt::StringLiterals;

// The rep's customer writes: row + field stamps + exactly one outbox mutation, or nothing.
class tst_CustomerService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void createOfflineRoundTrip();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void editRoundTrip();
    void editLeavesUnchangedFieldsOut();
    void hqOnlyFieldRefusedWritesNothing_data();
    void hqOnlyFieldRefusedWritesNothing();
    void unknownFieldAndBadValueWriteNothing();
    void archivedCustomerRefusedWritesNothing();
    void stampsStrictlyIncreaseAcrossEdits();
    void clockBehindAStampIsRefused();
    void badClockWritesNothing();

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    TestClock m_clock;
    Customer m_customer;
};

void tst_CustomerService::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    m_customer = makeCustomer();
    QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
}

void tst_CustomerService::createOfflineRoundTrip()
{
    NewCustomer draft;
    draft.fields = QCborMap {
        {u"name"_s, u"  Nguyễn Văn An  "_s},
        {u"phone"_s, u"+84 28 3822 1234"_s},
        {u"language"_s, u"vi"_s},
        {u"contacts"_s,
         QCborArray {QCborMap {{u"name"_s, u"Trần Thị Bình"_s}, {u"role"_s, u"Owner"_s}}}},
        {u"addresses"_s,
         QCborArray {QCborMap {
             {u"kind"_s, u"shipping"_s}, {u"city"_s, u"Hồ Chí Minh"_s}, {u"country"_s, u"VN"_s}}}}};
    draft.territory = u"VN-SG"_s;
    draft.currency = u"VND"_s;
    draft.createdBy = u"rep.an"_s;
    const auto before = pending(*m_store).size();
    auto made = CustomerService(*m_store, m_clock.source()).create(draft);
    QVERIFY2(made.ok(), qPrintable(made.errorMessage()));
    QVERIFY(Uuid7::isUuid7(made->customer.id));
    QVERIFY(made->customer.code.isEmpty()); // HQ assigns the account code

    auto stored = CustomerRepository(*m_store).get(made->customer.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->name, u"Nguyễn Văn An"_s);
    QCOMPARE(stored->contacts.size(), 1);
    QCOMPARE(stored->addresses.first().kind, Address::Kind::Shipping);
    QVERIFY(!stored->creditLimit.has_value());

    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), before + 1);
    const OutboxMutation &m = queue.last();
    QCOMPARE(m.seq, made->outboxSeq);
    QCOMPARE(m.entity, u"customer"_s);
    QCOMPARE(m.op, u"create"_s);
    QCOMPARE(m.entityId, idToString(made->customer.id));
    const QCborMap a = args(m);
    QCOMPARE(a.value(u"id"_s).toString(), idToString(made->customer.id));
    QCOMPARE(a.value(u"hlc"_s).toString(), made->hlc);
    QVERIFY(sync::Hlc::fromString(made->hlc).ok());
    QCOMPARE(a.value(u"territory"_s).toString(), u"VN-SG"_s);
    QCOMPARE(a.value(u"currency"_s).toString(), u"VND"_s);
    QCOMPARE(a.value(u"created_by"_s).toString(), u"rep.an"_s);
    const QCborMap fields = a.value(u"fields"_s).toMap();
    QCOMPARE(fields.value(u"name"_s).toString(), u"Nguyễn Văn An"_s);
    QCOMPARE(fields.value(u"email"_s).toString(), QString(u""_s));
    QCOMPARE(fields.value(u"contacts"_s).toArray().at(0).toMap().value(u"name"_s).toString(),
             u"Trần Thị Bình"_s);
    QCOMPARE(fields.value(u"addresses"_s).toArray().at(0).toMap().value(u"city"_s).toString(),
             u"Hồ Chí Minh"_s);
    QCOMPARE(fields.size(), 7);

    auto versions
        = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(made->customer.id));
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 7);
    for (const QString &hlc : versions->values())
        QCOMPARE(hlc, made->hlc);
}

void tst_CustomerService::createRefusesBadInput_data()
{
    QTest::addColumn<QCborMap>("fields");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no name") << QCborMap {{u"phone"_s, u"123"_s}} << u"USD"_s << u"name"_s;
    QTest::newRow("blank name") << QCborMap {{u"name"_s, u"   "_s}} << u"USD"_s << u"name"_s;
    QTest::newRow("no currency") << QCborMap {{u"name"_s, u"A"_s}} << u""_s << u"currency"_s;
    QTest::newRow("hq field") << QCborMap {{u"name"_s, u"A"_s}, {u"credit_limit"_s, 5}} << u"USD"_s
                              << u"credit_limit"_s;
    QTest::newRow("bad email") << QCborMap {{u"name"_s, u"A"_s}, {u"email"_s, u"no-at"_s}}
                               << u"USD"_s << u"email"_s;
    QTest::newRow("contact without name")
        << QCborMap {{u"name"_s, u"A"_s},
                     {u"contacts"_s, QCborArray {QCborMap {{u"role"_s, u"Owner"_s}}}}}
        << u"USD"_s << u"contacts"_s;
}

void tst_CustomerService::createRefusesBadInput()
{
    QFETCH(QCborMap, fields);
    QFETCH(QString, currency);
    QFETCH(QString, mentions);
    const auto before = footprint(*m_store);
    NewCustomer draft;
    draft.fields = fields;
    draft.currency = currency;
    auto made = CustomerService(*m_store, m_clock.source()).create(draft);
    QVERIFY(!made.ok());
    QVERIFY2(made.errorMessage().contains(mentions), qPrintable(made.errorMessage()));
    QCOMPARE(footprint(*m_store), before);
}

void tst_CustomerService::editRoundTrip()
{
    auto edited = CustomerService(*m_store, m_clock.source())
                      .edit(m_customer.id,
                            QCborMap {{u"phone"_s, u"+90 216 444 0000"_s},
                                      {u"notes"_s, u"Deliver before 10:00"_s}});
    QVERIFY2(edited.ok(), qPrintable(edited.errorMessage()));
    QCOMPARE(edited->changedFields, (QStringList {u"phone"_s, u"notes"_s}));
    auto stored = CustomerRepository(*m_store).get(m_customer.id);
    QCOMPARE(stored->phone, u"+90 216 444 0000"_s);
    QCOMPARE(stored->notes, u"Deliver before 10:00"_s);
    QCOMPARE(stored->creditLimit, m_customer.creditLimit); // HQ fields untouched

    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().op, u"update"_s);
    QCOMPARE(queue.first().entityId, idToString(m_customer.id));
    const QCborMap a = args(queue.first());
    QCOMPARE(a.value(u"id"_s).toString(), idToString(m_customer.id));
    QCOMPARE(a.value(u"hlc"_s).toString(), edited->hlc);
    const QCborMap fields = a.value(u"fields"_s).toMap();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.value(u"phone"_s).toString(), u"+90 216 444 0000"_s);

    auto versions
        = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(m_customer.id));
    QCOMPARE(versions->value(u"phone"_s), edited->hlc);
    QCOMPARE(versions->value(u"notes"_s), edited->hlc);
    QVERIFY(!versions->contains(u"name"_s));
}

void tst_CustomerService::editLeavesUnchangedFieldsOut()
{
    CustomerService service(*m_store, m_clock.source());
    auto same = service.edit(m_customer.id, QCborMap {{u"name"_s, m_customer.name}});
    QVERIFY(same.ok());
    QVERIFY(same->changedFields.isEmpty());
    QCOMPARE(same->outboxSeq, 0);
    QCOMPARE(countRows(*m_store, u"outbox"_s), 0);
    QCOMPARE(countRows(*m_store, u"field_versions"_s), 0);
}

void tst_CustomerService::hqOnlyFieldRefusedWritesNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QCborValue>("value");
    QTest::newRow("credit limit") << u"credit_limit"_s << QCborValue(999999);
    QTest::newRow("payment terms") << u"payment_terms"_s << QCborValue(90);
    QTest::newRow("price list") << u"price_list"_s << QCborValue(u"VIP"_s);
    QTest::newRow("territory") << u"territory"_s << QCborValue(u"TR-ANK"_s);
    QTest::newRow("currency") << u"currency"_s << QCborValue(u"EUR"_s);
    QTest::newRow("tax region") << u"tax_region"_s << QCborValue(u"DE"_s);
    QTest::newRow("archived") << u"archived"_s << QCborValue(false);
    QTest::newRow("code") << u"code"_s << QCborValue(u"C-9"_s);
}

void tst_CustomerService::hqOnlyFieldRefusedWritesNothing()
{
    QFETCH(QString, field);
    QFETCH(QCborValue, value);
    const auto before = footprint(*m_store);
    // Mixed with a legitimate change: the whole edit is refused.
    auto edited = CustomerService(*m_store, m_clock.source())
                      .edit(m_customer.id, QCborMap {{u"phone"_s, u"+90 1"_s}, {field, value}});
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(edited.errorMessage().contains(u"\""_s + field + u"\""_s),
             qPrintable(edited.errorMessage()));
    QVERIFY(edited.errorMessage().contains(u"HQ"_s));
    QCOMPARE(footprint(*m_store), before);
    QCOMPARE(CustomerRepository(*m_store).get(m_customer.id)->phone, m_customer.phone);
}

void tst_CustomerService::unknownFieldAndBadValueWriteNothing()
{
    const auto before = footprint(*m_store);
    CustomerService service(*m_store, m_clock.source());
    auto unknown = service.edit(m_customer.id, QCborMap {{u"favourite_colour"_s, u"red"_s}});
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.errorMessage().contains(u"favourite_colour"_s));
    auto bad = service.edit(m_customer.id,
                            QCborMap {{u"notes"_s, u"ok"_s}, {u"email"_s, u"not an email"_s}});
    QVERIFY(!bad.ok());
    QVERIFY(bad.errorMessage().contains(u"email"_s));
    auto noName = service.edit(m_customer.id, QCborMap {{u"name"_s, QCborValue()}});
    QVERIFY(!noName.ok());
    auto missing = service.edit(Uuid7::generate(), QCborMap {{u"notes"_s, u"x"_s}});
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(footprint(*m_store), before);
}

void tst_CustomerService::archivedCustomerRefusedWritesNothing()
{
    Customer archived = makeCustomer(u"Kapandı Ticaret"_s);
    archived.archived = true;
    QVERIFY(CustomerRepository(*m_store).upsert(archived).ok());
    const auto before = footprint(*m_store);
    auto edited = CustomerService(*m_store, m_clock.source())
                      .edit(archived.id, QCborMap {{u"phone"_s, u"+90 312 000 0000"_s}});
    QVERIFY(!edited.ok());
    QCOMPARE(edited.error().code, ErrorCode::Conflict);
    QVERIFY(edited.errorMessage().contains(u"archived"_s));
    QCOMPARE(footprint(*m_store), before);
}

void tst_CustomerService::stampsStrictlyIncreaseAcrossEdits()
{
    CustomerService service(*m_store, m_clock.source());
    QStringList stamps;
    for (int i = 0; i < 5; ++i) {
        if (i == 3)
            m_clock.wallMs -= 60'000; // the wall clock steps back: the HLC still increases
        auto edited = service.edit(m_customer.id,
                                   QCborMap {{u"notes"_s, u"visit %1"_s.arg(i)},
                                             {i % 2 ? u"email"_s : u"phone"_s,
                                              i % 2 ? u"a%1@b.tr"_s.arg(i) : u"+90 %1"_s.arg(i)}});
        QVERIFY2(edited.ok(), qPrintable(edited.errorMessage()));
        stamps.append(edited->hlc);
    }
    for (qsizetype i = 1; i < stamps.size(); ++i) {
        QVERIFY2(stamps.at(i - 1) < stamps.at(i), qPrintable(stamps.at(i)));
        QVERIFY(*sync::Hlc::fromString(stamps.at(i - 1)) < *sync::Hlc::fromString(stamps.at(i)));
    }
    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 5);
    for (qsizetype i = 0; i < queue.size(); ++i)
        QCOMPARE(args(queue.at(i)).value(u"hlc"_s).toString(), stamps.at(i));
    auto versions
        = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(m_customer.id));
    QCOMPARE(versions->value(u"notes"_s), stamps.last());
    QCOMPARE(versions->value(u"email"_s), stamps.at(3));
    QCOMPARE(versions->value(u"phone"_s), stamps.at(4));
}

void tst_CustomerService::clockBehindAStampIsRefused()
{
    // A server row stamped far ahead (the sync engine would have merged it into the clock; a
    // clock that was not told must not produce an edit that silently loses).
    const QString future = u"ffffffffffff-00000000-hq"_s;
    QVERIFY(FieldVersionRepository(*m_store)
                .stamp(u"customer"_s, idToString(m_customer.id), {u"phone"_s}, future)
                .ok());
    const auto before = footprint(*m_store);
    auto edited = CustomerService(*m_store, m_clock.source())
                      .edit(m_customer.id, QCborMap {{u"notes"_s, u"late"_s}});
    QVERIFY(!edited.ok());
    QVERIFY(edited.errorMessage().contains(u"clock"_s));
    QCOMPARE(footprint(*m_store), before);
}

void tst_CustomerService::badClockWritesNothing()
{
    const auto before = footprint(*m_store);
    CustomerService noClock(*m_store, {});
    QVERIFY(!noClock.edit(m_customer.id, QCborMap {{u"notes"_s, u"x"_s}}).ok());
    CustomerService wrong(*m_store, [] { return u"yesterday"_s; });
    auto r = wrong.edit(m_customer.id, QCborMap {{u"notes"_s, u"x"_s}});
    QVERIFY(!r.ok());
    QVERIFY(r.errorMessage().contains(u"HLC"_s));
    QCOMPARE(footprint(*m_store), before);
    QVERIFY(isValidHlcText(u"0190a0b0c0d0-00000001-dev-1"_s));
    QVERIFY(!isValidHlcText(u"0190A0B0C0D0-00000001-dev-1"_s)); // upper case hex
    QVERIFY(!isValidHlcText(u"0190a0b0c0d0-00000001-"_s));
    QVERIFY(!isValidHlcText(u"0190a0b0c0d0-0000001-dev"_s));
}

QTEST_GUILESS_MAIN(tst_CustomerService)

#include "tst_customerservice.moc"

#include "servicefixture.h"

#include "merge/fieldmerge.h"
#include "services/conflictreview.h"
#include "store/conflictrepository.h"
#include "store/fieldversionrepository.h"

#include <QCborArray>
#include <QStandardPaths>
#include <QTest>

using namespace karvan;
using namespace karvan::testing;
using namespace Qt::StringLiterals;

// Conflict records (store/conflictrepository.h) and the rep's two answers to them.
class tst_ConflictReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void recordAndListUnresolved();
    void recordsAFieldMergeConflict();
    void keepTheirsOnlyMarksResolved();
    void reapplyMineWritesAFreshEdit();
    void reapplyMineOnArchivedCustomerWritesNothing();
    void resolvedTwiceIsRefused();

private:
    QUuid seedPhoneConflict(const QString &mine = u"+90 555 111 1111"_s);

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    TestClock m_clock;
    Customer m_customer;
    QString m_theirsHlc;
};

void tst_ConflictReview::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    m_customer = makeCustomer();
    m_customer.phone = u"+90 212 999 9999"_s; // theirs, as the server row brought it
    QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
    m_theirsHlc = sync::Hlc {m_clock.wallMs - 1000, 0, u"hq"_s}.toString();
    QVERIFY(FieldVersionRepository(*m_store)
                .stamp(u"customer"_s, idToString(m_customer.id), {u"phone"_s}, m_theirsHlc)
                .ok());
}

QUuid tst_ConflictReview::seedPhoneConflict(const QString &mine)
{
    ConflictRecord c;
    c.entity = u"customer"_s;
    c.entityId = idToString(m_customer.id);
    c.field = u"phone"_s;
    c.base = QCborValue(u"+90 212 555 0101"_s);
    c.mine = QCborValue(mine);
    c.theirs = QCborValue(m_customer.phone);
    c.winner = ConflictRecord::Side::Theirs;
    c.mineHlc = sync::Hlc {m_clock.wallMs - 2000, 0, u"dev-1"_s}.toString();
    c.theirsHlc = m_theirsHlc;
    auto id = ConflictRepository(*m_store).record(c);
    return id ? *id : QUuid();
}

void tst_ConflictReview::recordAndListUnresolved()
{
    const QUuid id = seedPhoneConflict();
    QVERIFY(!id.isNull());
    ConflictRecord noBase;
    noBase.entity = u"customer"_s;
    noBase.entityId = idToString(m_customer.id);
    noBase.field = u"contacts"_s;
    noBase.mine = QCborArray {QCborMap {{u"name"_s, u"Ayşe"_s}}};
    noBase.theirs = QCborArray {};
    noBase.mineHlc = u"000000000001-00000000-dev-1"_s;
    noBase.theirsHlc = u"000000000002-00000000-hq"_s;
    noBase.detectedAt = QDateTime::currentDateTimeUtc().addSecs(5);
    QVERIFY(ConflictRepository(*m_store).record(noBase).ok());

    ConflictRepository conflicts(*m_store);
    auto list = conflicts.listUnresolved();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    const ConflictRecord &c = list->first();
    QCOMPARE(c.id, id);
    QCOMPARE(c.field, u"phone"_s);
    QCOMPARE(c.base->toString(), u"+90 212 555 0101"_s);
    QCOMPARE(c.mine.toString(), u"+90 555 111 1111"_s);
    QCOMPARE(c.theirs.toString(), m_customer.phone);
    QCOMPARE(c.winner, ConflictRecord::Side::Theirs);
    QCOMPARE(c.theirsHlc, m_theirsHlc);
    QVERIFY(c.detectedAt.isValid());
    QVERIFY(!c.isResolved());
    QVERIFY(!list->at(1).base.has_value());
    QCOMPARE(list->at(1).mine.toArray().size(), 1);
    QCOMPARE(conflicts.countUnresolved().value(), 2);

    ConflictRecord incomplete;
    incomplete.entity = u"customer"_s;
    QVERIFY(!conflicts.record(incomplete).ok());
}

void tst_ConflictReview::recordsAFieldMergeConflict()
{
    // What the sync engine will do with mergeFields' output: the record round-trips.
    using namespace karvan::sync;
    const Hlc base {100, 0, u"hq"_s};
    const Hlc mine {200, 0, u"dev-1"_s};
    const Hlc theirs {300, 0, u"hq"_s};
    FieldMap b {{u"email"_s, {QCborValue(u"a@x.tr"_s), base}}};
    FieldMap m {{u"email"_s, {QCborValue(u"mine@x.tr"_s), mine}}};
    FieldMap t {{u"email"_s, {QCborValue(u"theirs@x.tr"_s), theirs}}};
    const FieldMergeResult merged = mergeFields(b, m, t);
    QCOMPARE(merged.conflicts.size(), 1);
    const FieldConflict &fc = merged.conflicts.first();
    ConflictRecord r;
    r.entity = u"customer"_s;
    r.entityId = idToString(m_customer.id);
    r.field = fc.field;
    r.base = fc.base->value;
    r.mine = fc.mine.value;
    r.theirs = fc.theirs.value;
    r.mineHlc = fc.mine.hlc.toString();
    r.theirsHlc = fc.theirs.hlc.toString();
    auto id = ConflictRepository(*m_store).record(r);
    QVERIFY(id.ok());
    auto back = ConflictRepository(*m_store).get(*id);
    QCOMPARE(back->mine, fc.mine.value);
    QCOMPARE(back->theirs, fc.winner.value);
    QCOMPARE(*Hlc::fromString(back->mineHlc), mine);
}

void tst_ConflictReview::keepTheirsOnlyMarksResolved()
{
    const QUuid id = seedPhoneConflict();
    const auto outboxBefore = countRows(*m_store, u"outbox"_s);
    QVERIFY(ConflictReview(*m_store, m_clock.source()).keepTheirs(id).ok());
    auto c = ConflictRepository(*m_store).get(id);
    QCOMPARE(c->resolution, ConflictRecord::Resolution::KeepTheirs);
    QVERIFY(c->resolvedAt.isValid());
    QCOMPARE(ConflictRepository(*m_store).countUnresolved().value(), 0);
    QCOMPARE(countRows(*m_store, u"outbox"_s), outboxBefore);
    QCOMPARE(CustomerRepository(*m_store).get(m_customer.id)->phone, m_customer.phone);
    auto versions
        = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(m_customer.id));
    QCOMPARE(versions->value(u"phone"_s), m_theirsHlc);
}

void tst_ConflictReview::reapplyMineWritesAFreshEdit()
{
    const QUuid id = seedPhoneConflict();
    auto change = ConflictReview(*m_store, m_clock.source()).reapplyMine(id);
    QVERIFY2(change.ok(), qPrintable(change.errorMessage()));
    QVERIFY(change->hlc > m_theirsHlc); // fresh, so it wins everywhere
    QCOMPARE(CustomerRepository(*m_store).get(m_customer.id)->phone, u"+90 555 111 1111"_s);
    auto c = ConflictRepository(*m_store).get(id);
    QCOMPARE(c->resolution, ConflictRecord::Resolution::ReapplyMine);
    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().op, u"update"_s);
    const QCborMap a = args(queue.first());
    QCOMPARE(a.value(u"hlc"_s).toString(), change->hlc);
    QCOMPARE(a.value(u"fields"_s).toMap().value(u"phone"_s).toString(), u"+90 555 111 1111"_s);
    auto versions
        = FieldVersionRepository(*m_store).versions(u"customer"_s, idToString(m_customer.id));
    QCOMPARE(versions->value(u"phone"_s), change->hlc);

    // Re-applying a value the row already holds is still sent (it must win at HQ too).
    CustomerRepository(*m_store).upsert(m_customer).ok();
    const QUuid same = seedPhoneConflict(m_customer.phone);
    auto again = ConflictReview(*m_store, m_clock.source()).reapplyMine(same);
    QVERIFY(again.ok());
    QCOMPARE(pending(*m_store).size(), 2);
}

void tst_ConflictReview::reapplyMineOnArchivedCustomerWritesNothing()
{
    const QUuid id = seedPhoneConflict();
    m_customer.archived = true;
    QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
    const auto before = footprint(*m_store);
    auto change = ConflictReview(*m_store, m_clock.source()).reapplyMine(id);
    QVERIFY(!change.ok());
    QCOMPARE(change.error().code, ErrorCode::Conflict);
    QCOMPARE(footprint(*m_store), before);
    QVERIFY(!ConflictRepository(*m_store).get(id)->isResolved());
}

void tst_ConflictReview::resolvedTwiceIsRefused()
{
    const QUuid id = seedPhoneConflict();
    ConflictReview review(*m_store, m_clock.source());
    QVERIFY(review.keepTheirs(id).ok());
    const auto before = footprint(*m_store);
    QCOMPARE(review.keepTheirs(id).error().code, ErrorCode::Conflict);
    QCOMPARE(review.reapplyMine(id).error().code, ErrorCode::Conflict);
    QCOMPARE(review.keepTheirs(Uuid7::generate()).error().code, ErrorCode::NotFound);
    QCOMPARE(footprint(*m_store), before);
}

QTEST_GUILESS_MAIN(tst_ConflictReview)

#include "tst_conflictreview.moc"

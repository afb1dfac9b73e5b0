#include "servicefixture.h"

#include "rules/ticketworkflow.h"
#include "services/activityservice.h"
#include "services/ticketservice.h"
#include "store/activityrepository.h"
#include "store/fieldversionrepository.h"
#include "store/ticketrepository.h"

#include <QStandardPaths>
#include <QTest>

using namespace karvan;
using namespace karvan::testing;
using namespace Qt::StringLiterals;

// Tickets (open, append-only comments, workflow status with explicit reopen) and activities
// (append-only): rows + exactly one outbox mutation, or nothing.
class tst_TicketService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_store.reset(); }

    void openRoundTrip();
    void openRefusesBadInputWritesNothing();
    void commentsAreAppendOnly();
    void statusChangeRoundTrip();
    void closedTicketReopensOnlyExplicitly();
    void sameStatusWritesNothing();
    void activityRoundTrip();
    void activityRefusesBadInputWritesNothing();

private:
    Result<Ticket> openOne();

    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LocalStore> m_store;
    TestClock m_clock;
    Customer m_customer;
};

void tst_TicketService::init()
{
    auto store = LocalStore::open(m_dir.filePath(u"device-%1.sqlite"_s.arg(++m_counter)));
    QVERIFY2(store.ok(), qPrintable(store.errorMessage()));
    m_store = std::move(store).value();
    m_customer = makeCustomer();
    QVERIFY(CustomerRepository(*m_store).upsert(m_customer).ok());
}

Result<Ticket> tst_TicketService::openOne()
{
    NewTicket draft;
    draft.customerId = m_customer.id;
    draft.subject = u"Fridge not cooling"_s;
    draft.description = u"Since Monday"_s;
    draft.priority = Ticket::Priority::High;
    return TicketService(*m_store, m_clock.source(), u"rep.ayse"_s).open(draft);
}

void tst_TicketService::openRoundTrip()
{
    auto t = openOne();
    QVERIFY2(t.ok(), qPrintable(t.errorMessage()));
    QVERIFY(Uuid7::isUuid7(t->id));
    auto stored = TicketRepository(*m_store).get(t->id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->status, Ticket::Status::Open);
    QCOMPARE(stored->priority, Ticket::Priority::High);

    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().entity, u"ticket"_s);
    QCOMPARE(queue.first().op, u"create"_s);
    QCOMPARE(queue.first().entityId, idToString(t->id));
    const QCborMap a = args(queue.first());
    QCOMPARE(a.value(u"id"_s).toString(), idToString(t->id));
    QCOMPARE(a.value(u"customer_id"_s).toString(), idToString(m_customer.id));
    QCOMPARE(a.value(u"subject"_s).toString(), u"Fridge not cooling"_s);
    QCOMPARE(a.value(u"description"_s).toString(), u"Since Monday"_s);
    QCOMPARE(a.value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(a.value(u"status"_s).toString(), u"open"_s);
    QCOMPARE(a.value(u"author"_s).toString(), u"rep.ayse"_s);
    QVERIFY(sync::Hlc::fromString(a.value(u"hlc"_s).toString()).ok());
    auto versions = FieldVersionRepository(*m_store).versions(u"ticket"_s, idToString(t->id));
    QCOMPARE(versions->value(u"status"_s), a.value(u"hlc"_s).toString());
}

void tst_TicketService::openRefusesBadInputWritesNothing()
{
    const auto before = footprint(*m_store);
    TicketService service(*m_store, m_clock.source(), u"rep"_s);
    QVERIFY(!service.open({m_customer.id, u"  "_s, {}, Ticket::Priority::Normal}).ok());
    auto unknown = service.open({Uuid7::generate(), u"Subject"_s, {}, Ticket::Priority::Normal});
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    Customer archived = makeCustomer(u"Eski Müşteri"_s);
    archived.archived = true;
    QVERIFY(CustomerRepository(*m_store).upsert(archived).ok());
    const auto withArchived = footprint(*m_store);
    auto refused = service.open({archived.id, u"Subject"_s, {}, Ticket::Priority::Normal});
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QCOMPARE(footprint(*m_store), withArchived);
    QCOMPARE(before.at(5), withArchived.at(5)); // no outbox row either way
}

void tst_TicketService::commentsAreAppendOnly()
{
    auto t = openOne();
    QVERIFY(t.ok());
    TicketService service(*m_store, m_clock.source(), u"rep.ayse"_s);
    auto first = service.comment(t->id, u"Technician booked"_s);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    auto second = service.comment(t->id, u"  Part ordered  "_s);
    QVERIFY(second.ok());
    QCOMPARE(second->body, u"Part ordered"_s);

    auto stored = TicketRepository(*m_store).get(t->id);
    QCOMPARE(stored->comments.size(), 2);
    QCOMPARE(stored->comments.at(0).body, u"Technician booked"_s);
    QCOMPARE(stored->comments.at(1).body, u"Part ordered"_s);
    QCOMPARE(stored->comments.at(0).author, u"rep.ayse"_s);

    // A comment stored under an existing id never changes (the store keeps the first).
    TicketComment rewrite = *first;
    rewrite.body = u"rewritten"_s;
    QVERIFY(TicketRepository(*m_store).addComment(t->id, rewrite).ok());
    QCOMPARE(TicketRepository(*m_store).get(t->id)->comments.at(0).body, u"Technician booked"_s);

    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 3); // create + two comments
    const QCborMap a = args(queue.at(2));
    QCOMPARE(queue.at(2).op, u"comment"_s);
    QCOMPARE(queue.at(2).entityId, idToString(t->id));
    QCOMPARE(a.value(u"id"_s).toString(), idToString(second->id));
    QCOMPARE(a.value(u"ticket_id"_s).toString(), idToString(t->id));
    QCOMPARE(a.value(u"body"_s).toString(), u"Part ordered"_s);
    QCOMPARE(a.value(u"author"_s).toString(), u"rep.ayse"_s);
    QVERIFY(args(queue.at(1)).value(u"hlc"_s).toString() < a.value(u"hlc"_s).toString());

    const auto before = footprint(*m_store);
    QVERIFY(!service.comment(t->id, u"   "_s).ok());
    QCOMPARE(service.comment(Uuid7::generate(), u"x"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(footprint(*m_store), before);
}

void tst_TicketService::statusChangeRoundTrip()
{
    auto t = openOne();
    QVERIFY(t.ok());
    TicketService service(*m_store, m_clock.source(), u"rep"_s);
    auto moved = service.changeStatus(t->id, Ticket::Status::InProgress);
    QVERIFY2(moved.ok(), qPrintable(moved.errorMessage()));
    QCOMPARE(TicketRepository(*m_store).get(t->id)->status, Ticket::Status::InProgress);
    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 2);
    const QCborMap a = args(queue.last());
    QCOMPARE(queue.last().op, u"status"_s);
    QCOMPARE(a.value(u"from"_s).toString(), u"open"_s);
    QCOMPARE(a.value(u"to"_s).toString(), u"in_progress"_s);
    QCOMPARE(a.value(u"reopen"_s).toBool(), false);
    auto versions = FieldVersionRepository(*m_store).versions(u"ticket"_s, idToString(t->id));
    QCOMPARE(versions->value(u"status"_s), a.value(u"hlc"_s).toString());

    // Not allowed by the workflow (in progress -> closed): refused, nothing written.
    const auto before = footprint(*m_store);
    auto bad = service.changeStatus(t->id, Ticket::Status::Closed);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::Conflict);
    QCOMPARE(footprint(*m_store), before);
    QCOMPARE(TicketRepository(*m_store).get(t->id)->status, Ticket::Status::InProgress);
}

void tst_TicketService::closedTicketReopensOnlyExplicitly()
{
    auto t = openOne();
    QVERIFY(t.ok());
    TicketService service(*m_store, m_clock.source(), u"rep"_s);
    QVERIFY(service.changeStatus(t->id, Ticket::Status::Resolved).ok());
    QVERIFY(service.changeStatus(t->id, Ticket::Status::Closed).ok());

    const auto before = footprint(*m_store);
    auto ordinary = service.changeStatus(t->id, Ticket::Status::Open);
    QVERIFY(!ordinary.ok());
    QCOMPARE(ordinary.error().code, ErrorCode::Conflict);
    QVERIFY2(ordinary.errorMessage().contains(u"reopen"_s), qPrintable(ordinary.errorMessage()));
    QVERIFY(!service.changeStatus(t->id, Ticket::Status::InProgress).ok());
    QCOMPARE(footprint(*m_store), before);
    QCOMPARE(TicketRepository(*m_store).get(t->id)->status, Ticket::Status::Closed);

    auto reopened = service.reopen(t->id);
    QVERIFY2(reopened.ok(), qPrintable(reopened.errorMessage()));
    QCOMPARE(reopened->status, Ticket::Status::Open);
    QCOMPARE(TicketRepository(*m_store).get(t->id)->status, Ticket::Status::Open);
    const QCborMap a = args(pending(*m_store).last());
    QCOMPARE(a.value(u"from"_s).toString(), u"closed"_s);
    QCOMPARE(a.value(u"to"_s).toString(), u"open"_s);
    QCOMPARE(a.value(u"reopen"_s).toBool(), true);

    // Reopening an open ticket is an error and writes nothing.
    const auto after = footprint(*m_store);
    QVERIFY(!service.reopen(t->id).ok());
    QCOMPARE(footprint(*m_store), after);
}

void tst_TicketService::sameStatusWritesNothing()
{
    auto t = openOne();
    QVERIFY(t.ok());
    const auto before = footprint(*m_store);
    auto same = TicketService(*m_store, m_clock.source(), u"rep"_s)
                    .changeStatus(t->id, Ticket::Status::Open);
    QVERIFY(same.ok());
    QCOMPARE(footprint(*m_store), before);
}

void tst_TicketService::activityRoundTrip()
{
    NewActivity draft;
    draft.customerId = m_customer.id;
    draft.kind = Activity::Kind::Call;
    draft.subject = u"Reorder call"_s;
    draft.notes = u"Wants 20 boxes next week"_s;
    draft.durationMinutes = 12;
    draft.at = QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);
    auto a = ActivityService(*m_store, m_clock.source(), u"rep.ayse"_s).log(draft);
    QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
    auto stored = ActivityRepository(*m_store).get(a->id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->kind, Activity::Kind::Call);
    QCOMPARE(stored->author, u"rep.ayse"_s);
    const auto queue = pending(*m_store);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().entity, u"activity"_s);
    QCOMPARE(queue.first().op, u"create"_s);
    const QCborMap p = args(queue.first());
    QCOMPARE(p.value(u"id"_s).toString(), idToString(a->id));
    QCOMPARE(p.value(u"customer_id"_s).toString(), idToString(m_customer.id));
    QCOMPARE(p.value(u"kind"_s).toString(), u"call"_s);
    QCOMPARE(p.value(u"duration_minutes"_s).toInteger(), 12);
    QCOMPARE(p.value(u"at"_s).toString(), u"2026-03-02T09:30:00.000Z"_s);
    QVERIFY(sync::Hlc::fromString(p.value(u"hlc"_s).toString()).ok());
    QVERIFY(!p.contains(u"photo_path"_s));
}

void tst_TicketService::activityRefusesBadInputWritesNothing()
{
    const auto before = footprint(*m_store);
    ActivityService service(*m_store, m_clock.source(), u"rep"_s);
    QVERIFY(!service.log({QUuid(), Activity::Kind::Visit, u"x"_s, {}, 0, {}, {}}).ok());
    QVERIFY(!service.log({m_customer.id, Activity::Kind::Visit, u"x"_s, {}, -5, {}, {}}).ok());
    QVERIFY(!service.log({m_customer.id, Activity::Kind::Note, u" "_s, u" "_s, 0, {}, {}}).ok());
    QCOMPARE(
        service.log({Uuid7::generate(), Activity::Kind::Visit, {}, {}, 0, {}, {}}).error().code,
        ErrorCode::NotFound);
    QCOMPARE(footprint(*m_store), before);
}

QTEST_GUILESS_MAIN(tst_TicketService)

#include "tst_ticketservice.moc"

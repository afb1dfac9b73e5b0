#include "rules/ticketworkflow.h"

#include <QTest>

using namespace karvan;
using namespace Qt::StringLiterals;

using Status = Ticket::Status;
Q_DECLARE_METATYPE(karvan::Ticket::Status)

class tst_TicketWorkflow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void closedNeedsExplicitReopen();
    void reopen_data();
    void reopen();
    void nextStatuses();
    void changeStatusOnTicket();
    void statusNames();
};

void tst_TicketWorkflow::transitions_data()
{
    QTest::addColumn<Status>("from");
    QTest::addColumn<Status>("to");
    QTest::addColumn<bool>("allowed");

    const QList<Status> all {Status::Open, Status::InProgress, Status::WaitingOnCustomer,
                             Status::Resolved, Status::Closed};
    const QList<std::pair<Status, Status>> allowed {
        {Status::Open, Status::InProgress},
        {Status::Open, Status::WaitingOnCustomer},
        {Status::Open, Status::Resolved},
        {Status::Open, Status::Closed},
        {Status::InProgress, Status::Open},
        {Status::InProgress, Status::WaitingOnCustomer},
        {Status::InProgress, Status::Resolved},
        {Status::WaitingOnCustomer, Status::InProgress},
        {Status::WaitingOnCustomer, Status::Resolved},
        {Status::Resolved, Status::Closed},
        {Status::Resolved, Status::InProgress},
    };
    // Every pair, so a transition added or removed by accident fails here.
    for (Status from : all) {
        for (Status to : all) {
            const bool ok = from == to || allowed.contains(std::pair {from, to});
            QTest::addRow("%s -> %s", qPrintable(TicketWorkflow::statusName(from)),
                          qPrintable(TicketWorkflow::statusName(to)))
                << from << to << ok;
        }
    }
}

void tst_TicketWorkflow::transitions()
{
    QFETCH(Status, from);
    QFETCH(Status, to);
    QFETCH(bool, allowed);
    QCOMPARE(TicketWorkflow::canChange(from, to), allowed);
    const auto result = TicketWorkflow::change(from, to);
    QCOMPARE(result.ok(), allowed);
    if (allowed) {
        QCOMPARE(result.value(), to);
    } else {
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.errorMessage().contains(TicketWorkflow::statusName(to)),
                 qPrintable(result.errorMessage()));
        if (from != Status::Closed)
            QVERIFY2(result.errorMessage().contains(TicketWorkflow::statusName(from)),
                     qPrintable(result.errorMessage()));
    }
}

void tst_TicketWorkflow::closedNeedsExplicitReopen()
{
    for (Status to :
         {Status::Open, Status::InProgress, Status::WaitingOnCustomer, Status::Resolved}) {
        const auto result = TicketWorkflow::change(Status::Closed, to);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.errorMessage().contains(u"reopen"_s), qPrintable(result.errorMessage()));
    }
    const auto reopened = TicketWorkflow::reopen(Status::Closed);
    QVERIFY2(reopened.ok(), qPrintable(reopened.errorMessage()));
    QCOMPARE(reopened.value(), Status::Open);
}

void tst_TicketWorkflow::reopen_data()
{
    QTest::addColumn<Status>("from");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("open") << Status::Open << false;
    QTest::newRow("in progress") << Status::InProgress << false;
    QTest::newRow("waiting on customer") << Status::WaitingOnCustomer << false;
    QTest::newRow("resolved") << Status::Resolved << true;
    QTest::newRow("closed") << Status::Closed << true;
}

void tst_TicketWorkflow::reopen()
{
    QFETCH(Status, from);
    QFETCH(bool, allowed);
    const auto result = TicketWorkflow::reopen(from);
    QCOMPARE(result.ok(), allowed);
    if (allowed) {
        QCOMPARE(result.value(), Status::Open);
    } else {
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QVERIFY2(result.errorMessage().contains(TicketWorkflow::statusName(from)),
                 qPrintable(result.errorMessage()));
    }
}

void tst_TicketWorkflow::nextStatuses()
{
    QCOMPARE(
        TicketWorkflow::nextStatuses(Status::Open),
        (QList {Status::InProgress, Status::WaitingOnCustomer, Status::Resolved, Status::Closed}));
    QCOMPARE(TicketWorkflow::nextStatuses(Status::WaitingOnCustomer),
             (QList {Status::InProgress, Status::Resolved}));
    QVERIFY(TicketWorkflow::nextStatuses(Status::Closed).isEmpty());
}

void tst_TicketWorkflow::changeStatusOnTicket()
{
    Ticket t;
    t.number = u"T-1001"_s;
    const QDateTime created(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC);
    const QDateTime later = created.addSecs(3600);
    t.updatedAt = created;

    QVERIFY(TicketWorkflow::changeStatus(t, Status::InProgress, later).ok());
    QCOMPARE(t.status, Status::InProgress);
    QCOMPARE(t.updatedAt, later);
    QVERIFY(TicketWorkflow::changeStatus(t, Status::Resolved, later.addSecs(60)).ok());
    QVERIFY(TicketWorkflow::changeStatus(t, Status::Closed, later.addSecs(120)).ok());
    QCOMPARE(t.status, Status::Closed);

    // An invalid change leaves the ticket untouched and names it.
    const auto refused = TicketWorkflow::changeStatus(t, Status::Open, later.addSecs(180));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.errorMessage().contains(u"T-1001"_s), qPrintable(refused.errorMessage()));
    QCOMPARE(t.status, Status::Closed);
    QCOMPARE(t.updatedAt, later.addSecs(120));

    QVERIFY(TicketWorkflow::reopen(t, later.addSecs(240)).ok());
    QCOMPARE(t.status, Status::Open);
    QCOMPARE(t.updatedAt, later.addSecs(240));

    const auto again = TicketWorkflow::reopen(t, later.addSecs(300));
    QVERIFY(!again.ok());
    QCOMPARE(t.status, Status::Open);
    QCOMPARE(t.updatedAt, later.addSecs(240));
}

void tst_TicketWorkflow::statusNames()
{
    for (Status s : {Status::Open, Status::InProgress, Status::WaitingOnCustomer, Status::Resolved,
                     Status::Closed}) {
        const QString name = TicketWorkflow::statusName(s);
        QVERIFY(!name.isEmpty());
        const auto parsed = TicketWorkflow::parseStatus(name);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.value(), s);
    }
    QCOMPARE(TicketWorkflow::statusName(Status::WaitingOnCustomer), u"waiting_on_customer"_s);
    const auto bad = TicketWorkflow::parseStatus(u"done"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    QVERIFY(bad.errorMessage().contains(u"done"_s));
}

QTEST_GUILESS_MAIN(tst_TicketWorkflow)
#include "tst_ticketworkflow.moc"

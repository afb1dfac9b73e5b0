// The sync simulation: many seeded random scenarios of offline work on 2-3 devices, HQ-side
// events and sync rounds under injected faults (lost requests and responses, duplicate
// deliveries, HQ restarts, devices killed mid-sync), then a quiet period in which every device
// syncs until nothing is pending, and the checks of simchecks.h.
//
// KARVAN_SIM_SCENARIOS=N runs N scenarios (default 1000; seeds 1..N); KARVAN_SIM_SEED=N replays
// one scenario; KARVAN_SIM_VERBOSE=1 prints every step. Everything a scenario decides comes from
// its seed. Timestamps (HLCs) follow the wall clock of the run, so a replay takes the same steps
// with other clock values.
#include "simchecks.h"
#include "simworld.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "erp/erpcommon.h"
#include "erp/inventory.h"
#include "erp/masterdata.h"
#include "erp/sales.h"
#include "rules/ticketworkflow.h"
#include "services/activityservice.h"
#include "services/customerfields.h"
#include "services/customerservice.h"
#include "services/orderservice.h"
#include "services/ticketservice.h"
#include "store/customerrepository.h"
#include "store/outboxrepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace karvan;
using namespace karvan::sim;
using namespace Qt::StringLiterals;

namespace {

struct OpCounts
{
    qint64 orders = 0, bigOrders = 0, overCredit = 0, newCustomers = 0, edits = 0, hotEdits = 0,
           archivedEdits = 0, ticketOps = 0, activities = 0, refusedLocally = 0, hqEvents = 0,
           syncRounds = 0, failedRounds = 0;
};

const hq::erp::Actor Admin {u"ada"_s, hq::Role::Admin, {}};
const hq::erp::Actor Finance {u"fay"_s, hq::Role::Finance, {}};
const hq::erp::Actor Stock {u"wes"_s, hq::Role::Warehouse, {}};
const QStringList TextFields {u"name"_s, u"phone"_s, u"email"_s, u"notes"_s};

class Scenario
{
public:
    Scenario(const SimCompany &co, quint64 seed, const QString &dir, FaultCounts &faults,
             OpCounts &ops, CheckStats &checks, bool verbose)
        : m_co(co)
        , m_seed(seed)
        , m_dir(dir)
        , m_rng(seed)
        , m_hq(dir + u"/hq.db"_s)
        , m_faults(faults)
        , m_ops(ops)
        , m_checks(checks)
        , m_verbose(verbose)
        , m_wallMs(QDateTime::currentMSecsSinceEpoch())
    { }

    // Empty when every check passed, else what broke.
    QString run()
    {
        if (!QFile::copy(m_co.hqTemplate, m_hq.path()))
            return u"cannot copy the HQ template"_s;
        if (auto r = m_hq.open(); !r)
            return u"open HQ: "_s + r.errorMessage();
        QList<int> seats {0, 1};
        const int shape = m_rng.bounded(4);
        if (shape == 1)
            seats = {0, 2};
        else if (shape >= 2)
            seats = {0, 1, 2};
        for (int seat : seats) {
            const QString path = m_dir + u"/device%1.db"_s.arg(seat);
            if (!QFile::copy(m_co.deviceTemplate, path))
                return u"cannot copy the device template"_s;
            auto dev = std::make_unique<SimDevice>(m_co.seats.at(seat), path, m_hq, m_rng, m_faults,
                                                   m_wallMs);
            if (auto r = dev->start(); !r)
                return u"start device: "_s + r.errorMessage();
            m_devices.append(dev.get());
            m_owned.push_back(std::move(dev));
        }
        const QList<TemplateCustomer> north = customersIn(u"NORTH"_s);
        m_hotCustomer = m_rng.pick(north).id;
        m_hotField = m_rng.pick(TextFields);

        for (int d = 0; d < m_devices.size(); ++d) {
            if (QString e = syncUntilClean(d, 3); !e.isEmpty())
                return u"initial sync: "_s + e;
        }
        const int steps = 5 + m_rng.bounded(16);
        for (int step = 0; step < steps; ++step) {
            m_wallMs += 1000;
            m_step = step;
            const int d = m_rng.bounded(int(m_devices.size()));
            deviceOperation(d);
            if (m_rng.chance(25))
                hqEvent();
            if (m_rng.chance(30))
                faultyRound(m_rng.bounded(int(m_devices.size())));
        }
        if (QString e = quiesce(); !e.isEmpty())
            return e;
        return checkQuiesced(m_hq, m_devices, m_writes, m_checks);
    }

private:
    void log(const QString &what)
    {
        if (m_verbose)
            qInfo("seed %llu step %d: %s", m_seed, m_step, qPrintable(what));
    }

    QList<TemplateCustomer> customersIn(const QString &territory) const
    {
        QList<TemplateCustomer> out;
        for (const TemplateCustomer &c : m_co.customers) {
            if (c.territory == territory)
                out.append(c);
        }
        return out;
    }

    // The active customers the device knows (template ones and those it created).
    QList<QUuid> knownCustomers(SimDevice &dev)
    {
        QList<QUuid> out;
        auto list = CustomerRepository(dev.store()).listByTerritory(dev.territories().value(0));
        if (list) {
            for (const Customer &c : *list)
                out.append(c.id);
        }
        return out;
    }

    bool isTight(const QUuid &id) const
    {
        for (const TemplateCustomer &c : m_co.customers) {
            if (c.tight && c.id == idToString(id))
                return true;
        }
        return false;
    }

    void deviceOperation(int d)
    {
        SimDevice &dev = *m_devices.at(d);
        const int kind = m_rng.bounded(100);
        if (kind < 28)
            return order(dev, {});
        if (kind < 38)
            return newCustomer(dev);
        if (kind < 58)
            return edit(d);
        if (kind < 63)
            return editArchived(d);
        if (kind < 80)
            return ticket(dev);
        if (kind < 90)
            return activity(dev);
        faultyRound(d);
    }

    void order(SimDevice &dev, QUuid customer)
    {
        if (customer.isNull()) {
            const QList<QUuid> known = knownCustomers(dev);
            if (known.isEmpty())
                return;
            customer = m_rng.pick(known);
        }
        OrderDraft draft;
        draft.kind = SalesDocument::Kind::Order;
        draft.customerId = customer;
        draft.date = QDate(2026, 2, 2);
        draft.createdBy = dev.login();
        const bool big = m_rng.chance(15);
        const bool credit = !big && isTight(customer) && m_rng.chance(60);
        QStringList skus = m_co.skus;
        const int lines = 1 + m_rng.bounded(3);
        for (int i = 0; i < lines; ++i) {
            const QString sku = skus.takeAt(m_rng.bounded(int(skus.size())));
            const qint64 qty = big ? 200 + m_rng.bounded(300)
                                   : (credit ? 60 + m_rng.bounded(40) : 1 + m_rng.bounded(4));
            draft.lines.append({sku, Quantity::ofUnits(qty, u"ea"_s).value()});
        }
        auto saved = OrderService(dev.store()).submit(draft);
        ++m_ops.orders;
        m_ops.bigOrders += big ? 1 : 0;
        m_ops.overCredit += credit ? 1 : 0;
        if (!saved)
            ++m_ops.refusedLocally;
        log(u"%1 order for %2: %3"_s.arg(dev.login(), idToString(customer),
                                         saved ? u"saved"_s : saved.errorMessage()));
    }

    void recordWrite(int d, const QString &customerId, const QString &field, const QString &value,
                     const CustomerChange &change)
    {
        m_writes.append({customerId, field, value, change.hlc, d, change.outboxSeq});
    }

    void newCustomer(SimDevice &dev)
    {
        const int d = int(m_devices.indexOf(&dev));
        const QString territory = dev.territories().value(0);
        NewCustomer draft;
        const QString name = u"New %1-%2-%3"_s.arg(m_seed).arg(d).arg(m_step);
        const QString phone = u"+1 555 3%1%2"_s.arg(d).arg(m_step, 3, 10, QLatin1Char('0'));
        draft.fields.insert(u"name"_s, name);
        draft.fields.insert(u"phone"_s, phone);
        draft.territory = territory;
        draft.currency = u"USD"_s;
        draft.taxRegion = territory == u"NORTH"_s ? u"N"_s : u"S"_s;
        draft.createdBy = dev.login();
        auto change = CustomerService(dev.store(), dev.hlcSource()).create(draft);
        ++m_ops.newCustomers;
        log(u"%1 creates customer: %2"_s.arg(
            dev.login(), change ? idToString(change->customer.id) : change.errorMessage()));
        if (!change) {
            ++m_ops.refusedLocally;
            return;
        }
        const QString id = idToString(change->customer.id);
        for (const QString &field : TextFields) {
            recordWrite(d, id, field, customerfields::value(change->customer, field).toString(),
                        *change);
        }
        if (m_rng.chance(70))
            order(dev, change->customer.id);
    }

    QString valueFor(const QString &field, const QString &who)
    {
        const QString tag = u"%1%2x%3"_s.arg(who).arg(m_step).arg(m_rng.bounded(1000));
        if (field == u"phone"_s)
            return u"+1 555 4%1%2"_s.arg(m_step, 2, 10, QLatin1Char('0'))
                .arg(m_rng.bounded(10000), 4, 10, QLatin1Char('0'));
        if (field == u"email"_s)
            return tag + u"@example.com"_s;
        if (field == u"name"_s)
            return u"Renamed "_s + tag;
        return u"Note "_s + tag;
    }

    void editCustomer(int d, const QString &customerId, const QString &field)
    {
        SimDevice &dev = *m_devices.at(d);
        const QString value = valueFor(field, u"d%1s"_s.arg(d));
        QCborMap fields;
        fields.insert(field, value);
        auto change = CustomerService(dev.store(), dev.hlcSource())
                          .edit(QUuid::fromString(customerId), fields);
        ++m_ops.edits;
        log(u"%1 sets %2 of %3 to %4: %5"_s.arg(dev.login(), field, customerId, value,
                                                change ? u"saved"_s : change.errorMessage()));
        if (!change || change->outboxSeq == 0) {
            ++m_ops.refusedLocally;
            return;
        }
        recordWrite(d, customerId, field, value, *change);
    }

    void edit(int d)
    {
        SimDevice &dev = *m_devices.at(d);
        if (dev.territories().value(0) == u"NORTH"_s && m_rng.chance(40)) {
            ++m_ops.hotEdits;
            return editCustomer(d, m_hotCustomer, m_hotField);
        }
        const QList<QUuid> known = knownCustomers(dev);
        if (!known.isEmpty())
            editCustomer(d, idToString(m_rng.pick(known)), m_rng.pick(TextFields));
    }

    // A device that has not heard of the archiving yet edits the customer: HQ must reject it.
    void editArchived(int d)
    {
        if (m_archived.isEmpty()) {
            if (m_devices.at(d)->territories().value(0) == u"NORTH"_s)
                return edit(d);
            return;
        }
        ++m_ops.archivedEdits;
        editCustomer(d, m_archived, u"notes"_s);
    }

    void ticket(SimDevice &dev)
    {
        ++m_ops.ticketOps;
        TicketService tickets(dev.store(), dev.hlcSource(), dev.login());
        QList<std::pair<QUuid, Ticket::Status>> known;
        QSqlQuery q(dev.store().database());
        if (q.exec(u"SELECT id, status FROM tickets ORDER BY id"_s)) {
            while (q.next()) {
                known.append(
                    {QUuid::fromString(q.value(0).toString()),
                     parseTicketStatus(q.value(1).toString()).value_or(Ticket::Status::Open)});
            }
        }
        if (known.isEmpty() || m_rng.chance(35)) {
            const QList<QUuid> customers = knownCustomers(dev);
            if (customers.isEmpty())
                return;
            NewTicket draft;
            draft.customerId = m_rng.pick(customers);
            draft.subject = u"Issue %1-%2"_s.arg(m_seed).arg(m_step);
            draft.description = u"Simulated"_s;
            auto t = tickets.open(draft);
            log(u"%1 opens a ticket: %2"_s.arg(dev.login(), t ? u"ok"_s : t.errorMessage()));
            m_ops.refusedLocally += t ? 0 : 1;
            return;
        }
        const auto &[id, status] = known.at(m_rng.bounded(int(known.size())));
        if (m_rng.chance(50)) {
            auto c = tickets.comment(id, u"Comment at step %1"_s.arg(m_step));
            log(u"%1 comments: %2"_s.arg(dev.login(), c ? u"ok"_s : c.errorMessage()));
            m_ops.refusedLocally += c ? 0 : 1;
            return;
        }
        Result<Ticket> changed = makeError(ErrorCode::Conflict, u"no move"_s);
        const QList<Ticket::Status> next = TicketWorkflow::nextStatuses(status);
        if (next.isEmpty() || m_rng.chance(15))
            changed = tickets.reopen(id);
        else
            changed = tickets.changeStatus(id, next.at(m_rng.bounded(int(next.size()))));
        log(u"%1 moves ticket %2: %3"_s.arg(dev.login(), idToString(id),
                                            changed ? ticketStatusName(changed->status)
                                                    : changed.errorMessage()));
        m_ops.refusedLocally += changed ? 0 : 1;
    }

    void activity(SimDevice &dev)
    {
        const QList<QUuid> customers = knownCustomers(dev);
        if (customers.isEmpty())
            return;
        NewActivity draft;
        draft.customerId = m_rng.pick(customers);
        draft.kind = QList<Activity::Kind> {Activity::Kind::Visit, Activity::Kind::Call,
                                            Activity::Kind::Note}
                         .at(m_rng.bounded(3));
        draft.subject = u"Visit %1"_s.arg(m_step);
        draft.durationMinutes = 5 + m_rng.bounded(60);
        draft.at = QDateTime::fromMSecsSinceEpoch(m_wallMs, Qt::UTC);
        auto a = ActivityService(dev.store(), dev.hlcSource(), dev.login()).log(draft);
        ++m_ops.activities;
        m_ops.refusedLocally += a ? 0 : 1;
        log(u"%1 logs an activity: %2"_s.arg(dev.login(), a ? u"ok"_s : a.errorMessage()));
    }

    void hqEvent()
    {
        ++m_ops.hqEvents;
        hq::Database &db = m_hq.db();
        const int kind = m_rng.bounded(100);
        if (kind < 30) {
            auto held = hq::erp::queryRows(
                db, u"SELECT id FROM sales_orders WHERE status = 'credit_hold' ORDER BY id"_s);
            if (!held || held->isEmpty())
                return;
            const QString id = held->at(m_rng.bounded(int(held->size()))).at(0).toString();
            hq::erp::SalesOrders sales(db);
            auto r = m_rng.chance(70) ? sales.approveCreditHold(Finance, id, u"sim"_s)
                                      : sales.rejectCreditHold(Finance, id, u"sim: no"_s);
            log(u"HQ decides hold %1: %2"_s.arg(
                id, r ? documentStatusName(r->status) : r.errorMessage()));
            return;
        }
        if (kind < 65) {
            const QString id = m_rng.chance(40) ? m_hotCustomer : m_rng.pick(m_co.customers).id;
            const QString field = id == m_hotCustomer ? m_hotField : m_rng.pick(TextFields);
            return hqEdit(id, field);
        }
        if (kind < 90) {
            const QString sku = m_rng.pick(m_co.skus);
            const qint64 delta = (m_rng.chance(50) ? 1 : -1) * (1 + m_rng.bounded(5)) * 1000;
            auto r = hq::erp::Inventory(db).adjust(
                Stock, sku, u"WH1"_s, delta, delta > 0 ? std::optional<qint64>(77) : std::nullopt,
                QDate(2026, 2, 2), u"sim count"_s);
            log(u"HQ adjusts %1 by %2: %3"_s.arg(sku).arg(delta).arg(r ? u"ok"_s
                                                                       : r.errorMessage()));
            return;
        }
        if (!m_archived.isEmpty())
            return;
        const TemplateCustomer &c = m_rng.pick(m_co.customers);
        if (c.id == m_hotCustomer)
            return;
        auto r = hq::erp::MasterData(db).setArchived(Admin, c.id, true);
        log(u"HQ archives %1: %2"_s.arg(c.id, r ? u"ok"_s : r.errorMessage()));
        if (r)
            m_archived = c.id;
    }

    void hqEdit(const QString &id, const QString &field)
    {
        hq::erp::MasterData master(m_hq.db());
        auto found = master.findCustomer(id);
        if (!found || found->customer.archived)
            return;
        Customer c = found->customer;
        const QString value = valueFor(field, u"hq"_s);
        if (auto r = customerfields::apply(c, field, QCborValue(value)); !r) {
            log(u"HQ cannot set %1: %2"_s.arg(field, r.errorMessage()));
            return;
        }
        auto saved = master.saveCustomer(Admin, c);
        auto versions = master.customerFieldVersions(id);
        log(u"HQ sets %1 of %2 to %3: %4"_s.arg(field, id, value,
                                                saved ? u"ok"_s : saved.errorMessage()));
        if (saved && versions)
            m_writes.append({id, field, value, versions->value(field), -1, 0});
    }

    void faultyRound(int d)
    {
        ++m_ops.syncRounds;
        const int killChance = m_rng.chance(25) ? 15 : 0;
        auto r = m_devices.at(d)->sync(true, killChance);
        m_ops.failedRounds += r ? 0 : 1;
        log(u"%1 syncs: %2"_s.arg(m_devices.at(d)->login(),
                                  r ? u"pushed %1 pulled %2"_s.arg(r->pushed).arg(r->pulled)
                                    : r.errorMessage()));
    }

    // Syncs without faults until the round succeeds with an empty outbox queue.
    QString syncUntilClean(int d, int attempts)
    {
        QString last;
        for (int i = 0; i < attempts; ++i) {
            auto r = m_devices.at(d)->sync(false, 0);
            if (!r) {
                last = r.errorMessage();
                continue;
            }
            OutboxRepository outbox(m_devices.at(d)->store());
            auto pending = outbox.countWithState(OutboxMutation::State::Pending);
            auto sent = outbox.countWithState(OutboxMutation::State::Sent);
            if (pending && sent && *pending == 0 && *sent == 0)
                return {};
            last = u"%1 pending, %2 sent after a clean round"_s.arg(pending ? *pending : -1)
                       .arg(sent ? *sent : -1);
        }
        return u"%1 could not finish a fault-free sync: %2"_s.arg(m_devices.at(d)->login(), last);
    }

    QString quiesce()
    {
        // Pushes first, then one more round each so every device pulls the others' writes.
        for (int pass = 0; pass < 2; ++pass) {
            for (int d = 0; d < m_devices.size(); ++d) {
                m_wallMs += 1000;
                if (QString e = syncUntilClean(d, 3); !e.isEmpty())
                    return u"quiesce: "_s + e;
            }
        }
        return {};
    }

    const SimCompany &m_co;
    quint64 m_seed;
    QString m_dir;
    SimRng m_rng;
    SimHq m_hq;
    FaultCounts &m_faults;
    OpCounts &m_ops;
    CheckStats &m_checks;
    bool m_verbose;
    qint64 m_wallMs;
    int m_step = -1;
    std::vector<std::unique_ptr<SimDevice>> m_owned;
    QList<SimDevice *> m_devices;
    QList<FieldWrite> m_writes;
    QString m_hotCustomer;
    QString m_hotField;
    QString m_archived;
};

} // namespace

class tst_SyncSimulation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomScenariosConverge();
};

void tst_SyncSimulation::randomScenariosConverge()
{
    // Device stores and HQ databases commit with synchronous=FULL; on tmpfs that costs nothing,
    // which keeps a thousand scenarios within minutes.
    const QString base = QDir(u"/dev/shm"_s).exists() ? u"/dev/shm"_s : QDir::tempPath();
    QTemporaryDir dir(base + u"/karvan-sim-XXXXXX"_s);
    QVERIFY(dir.isValid());
    QElapsedTimer timer;
    timer.start();
    SimCompany company;
    const QString built = buildCompany(dir.path(), company);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    qInfo("template company built in %lld ms", timer.elapsed());

    quint64 first = 1;
    quint64 count = qEnvironmentVariableIsSet("KARVAN_SIM_SCENARIOS")
        ? qEnvironmentVariable("KARVAN_SIM_SCENARIOS").toULongLong()
        : 1000;
    if (qEnvironmentVariableIsSet("KARVAN_SIM_SEED")) {
        first = qEnvironmentVariable("KARVAN_SIM_SEED").toULongLong();
        count = 1;
    }
    const bool verbose = qEnvironmentVariableIntValue("KARVAN_SIM_VERBOSE") != 0;
    // Stop after this many failing scenarios (KARVAN_SIM_MAX_FAILURES, default 5).
    const int maxFailures = qMax(1,
                                 qEnvironmentVariableIsSet("KARVAN_SIM_MAX_FAILURES")
                                     ? qEnvironmentVariableIntValue("KARVAN_SIM_MAX_FAILURES")
                                     : 5);
    QVERIFY2(count > 0, "KARVAN_SIM_SCENARIOS must be a positive number");

    FaultCounts faults;
    OpCounts ops;
    CheckStats checks;
    QStringList failures;
    for (quint64 seed = first; seed < first + count; ++seed) {
        const QString scenarioDir = dir.path() + u"/s%1"_s.arg(seed);
        QVERIFY(QDir().mkpath(scenarioDir));
        QString failure;
        {
            Scenario scenario(company, seed, scenarioDir, faults, ops, checks, verbose);
            failure = scenario.run();
        }
        if (!failure.isEmpty()) {
            const QString line = u"seed %1: %2\n  replay: KARVAN_SIM_SEED=%1 "
                                 "KARVAN_SIM_VERBOSE=1 ctest -R tst_syncsimulation "
                                 "--output-on-failure"_s.arg(seed)
                                     .arg(failure);
            qWarning("%s", qPrintable(line));
            failures.append(line);
            if (failures.size() >= maxFailures)
                break;
        }
        QDir(scenarioDir).removeRecursively();
    }

    qInfo("%llu scenarios in %.1f s", count, double(timer.elapsed()) / 1000.0);
    for (int f = 0; f < int(Fault::Count); ++f)
        qInfo("  fault %-24s %lld", qPrintable(faultName(Fault(f))), faults[Fault(f)]);
    qInfo("  device ops: %lld orders (%lld over stock, %lld over credit), %lld new customers, "
          "%lld field edits (%lld on the contested field, %lld of an archived customer), "
          "%lld ticket ops, %lld activities, %lld refused on the device",
          ops.orders, ops.bigOrders, ops.overCredit, ops.newCustomers, ops.edits, ops.hotEdits,
          ops.archivedEdits, ops.ticketOps, ops.activities, ops.refusedLocally);
    qInfo("  HQ events %lld; faulty sync rounds %lld (%lld failed); outbox applied %lld, "
          "rejected %lld; orders at HQ %lld; same-field conflicts %lld",
          ops.hqEvents, ops.syncRounds, ops.failedRounds, checks.applied, checks.rejected,
          checks.ordersAtHq, checks.sameFieldConflicts);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_SyncSimulation)
#include "tst_syncsimulation.moc"

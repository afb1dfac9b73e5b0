#include "simworld.h"

#include "auth/userdirectory.h"
#include "domain/ids.h"
#include "erp/inventory.h"
#include "erp/masterdata.h"
#include "http/apimessage.h"
#include "http/routeguard.h"
#include "storage/migrations.h"
#include "store/outboxrepository.h"
#include "sync/changefeed.h"
#include "sync/syncroutes.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace karvan::sim {

namespace {

Money usd(qint64 minor)
{
    return Money::fromMinor(minor, u"USD"_s).value();
}

QString seedCatalog(hq::Database &db, SimCompany &co)
{
    using namespace hq::erp;
    const Actor admin {u"ada"_s, hq::Role::Admin, {}};
    const Actor finance {u"fay"_s, hq::Role::Finance, {}};
    MasterData master(db);
    for (const auto &[code, name] :
         {std::pair {u"WH1"_s, u"Main"_s}, std::pair {u"WH2"_s, u"North depot"_s}}) {
        Warehouse w;
        w.code = code;
        w.name = name;
        if (auto r = master.saveWarehouse(admin, w); !r)
            return u"warehouse: "_s + r.errorMessage();
        co.warehouses.append(code);
    }
    PriceList base;
    base.code = u"BASE-USD"_s;
    base.name = u"List prices"_s;
    base.currency = u"USD"_s;
    base.isBase = true;
    for (int i = 1; i <= 15; ++i) {
        const QString sku = u"P%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        Product p;
        p.sku = sku;
        p.name = u"Product "_s + sku;
        if (auto r = master.saveProduct(admin, p); !r)
            return u"product: "_s + r.errorMessage();
        base.entries.append(
            {sku, u"ea"_s, {{Quantity::ofUnits(1, u"ea"_s).value(), usd(100 + 37 * i)}}});
        co.skus.append(sku);
    }
    if (auto r = master.savePriceList(admin, base); !r)
        return u"price list: "_s + r.errorMessage();
    for (const QString &region : {u"N"_s, u"S"_s}) {
        const bool north = region == u"N"_s;
        TaxRule t {u"standard"_s, region, north ? 1800 : 1000, !north, u"VAT "_s + region};
        if (auto r = master.saveTaxRule(admin, t); !r)
            return u"tax rule: "_s + r.errorMessage();
    }
    for (int i = 0; i < 20; ++i) {
        const bool north = i < 12;
        Customer c;
        c.name = u"Customer %1"_s.arg(i + 1);
        c.phone = u"+1 555 01%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        c.territory = north ? u"NORTH"_s : u"SOUTH"_s;
        c.taxRegion = north ? u"N"_s : u"S"_s;
        c.currency = u"USD"_s;
        c.paymentTermsDays = 30;
        const bool tight = i == 1 || i == 5 || i == 13;
        if (tight)
            c.creditLimit = usd(20000);
        else if (i % 3 == 0)
            c.creditLimit = usd(5'000'000);
        auto saved = master.saveCustomer(admin, c);
        if (!saved)
            return u"customer: "_s + saved.errorMessage();
        co.customers.append({idToString(saved->customer.id), c.territory, tight});
    }
    Inventory inventory(db);
    const QDate day0(2026, 1, 2);
    for (int i = 0; i < co.skus.size(); ++i) {
        if (auto r = inventory.openingStock(finance, co.skus.at(i), u"WH1"_s,
                                            qint64(5 + (i * 7) % 40) * 1000, 50 + 13 * i, day0);
            !r)
            return u"opening stock: "_s + r.errorMessage();
        if (i % 2 == 1) {
            if (auto r = inventory.openingStock(finance, co.skus.at(i), u"WH2"_s,
                                                qint64(3 + i % 5) * 1000, 61 + 11 * i, day0);
                !r)
                return u"opening stock: "_s + r.errorMessage();
        }
    }
    return {};
}

QString seedUsersAndDevices(hq::Database &db, SimCompany &co)
{
    hq::UserDirectory users(db);
    const QList<hq::NewUser> reps {{u"rey"_s, hq::Role::Rep, {u"NORTH"_s}},
                                   {u"ria"_s, hq::Role::Rep, {u"NORTH"_s}},
                                   {u"sam"_s, hq::Role::Rep, {u"SOUTH"_s}}};
    if (auto r = users.add({u"fay"_s, hq::Role::Finance, {}}, u"sim-password"_s, u"sim"_s); !r)
        return u"user: "_s + r.errorMessage();
    for (const hq::NewUser &rep : reps) {
        auto user = users.add(rep, u"sim-password"_s, u"sim"_s);
        if (!user)
            return u"user: "_s + user.errorMessage();
        DeviceSeat seat;
        seat.territories = rep.territories;
        auto enrolled = db.transaction([&]() -> Result<void> {
            auto e = hq::DeviceRegistry(db).enroll(*user, u"sim phone "_s + rep.login, {},
                                                   u"user:"_s + rep.login);
            if (!e)
                return e.error();
            seat.caller = hq::Caller {*user, e->device};
            return {};
        });
        if (!enrolled)
            return u"enroll: "_s + enrolled.errorMessage();
        co.seats.append(seat);
    }
    return {};
}

} // namespace

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::RequestLost:
        return u"request lost"_s;
    case Fault::ResponseLost:
        return u"response lost"_s;
    case Fault::Duplicate:
        return u"duplicate delivery"_s;
    case Fault::HqRestart:
        return u"HQ restart"_s;
    case Fault::DeviceKilled:
        return u"device killed mid-sync"_s;
    case Fault::Count:
        break;
    }
    return {};
}

QString buildCompany(const QString &dir, SimCompany &co)
{
    co.dir = dir;
    co.hqTemplate = dir + u"/hq-template.db"_s;
    co.deviceTemplate = dir + u"/device-template.db"_s;
    {
        auto db = hq::Database::open(u"sqlite:"_s + co.hqTemplate);
        if (!db)
            return u"open HQ: "_s + db.errorMessage();
        if (auto m = hq::migrateHqSchema(**db); !m)
            return u"migrate HQ: "_s + m.errorMessage();
        {
            // A bulk load, like init --demo: the feed is built once at the end.
            hq::sync::FeedTouchesSuspended suspended;
            if (QString e = seedCatalog(**db, co); !e.isEmpty())
                return e;
        }
        auto rebuilt = (*db)->transaction([&] { return hq::sync::ChangeFeed(**db).rebuild(); });
        if (!rebuilt)
            return u"feed rebuild: "_s + rebuilt.errorMessage();
        if (QString e = seedUsersAndDevices(**db, co); !e.isEmpty())
            return e;
        if (auto c = (*db)->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !c)
            return u"checkpoint: "_s + c.errorMessage();
    }
    auto store = LocalStore::open(co.deviceTemplate);
    if (!store)
        return u"device store: "_s + store.errorMessage();
    if (auto c = (*store)->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !c)
        return u"device checkpoint: "_s + c.errorMessage();
    return {};
}

Result<void> SimHq::open()
{
    auto db = hq::Database::open(u"sqlite:"_s + m_path);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    return {};
}

Result<void> SimHq::restart()
{
    m_db.reset();
    return open();
}

sync::TransportReply SimTransport::deliver(const QString &path, const QByteArray &body,
                                           const QByteArray &contentType)
{
    hq::http::ApiRequest request;
    request.method = u"POST"_s;
    request.path = path;
    request.headers.insert("content-type", contentType);
    request.headers.insert("accept", contentType);
    request.body = body;
    request.remoteAddress = u"127.0.0.1"_s;
    hq::http::ApiContext context {m_hq.db(), request, {}, m_caller};
    hq::http::ApiResponse response;
    if (path == u"/v1/sync/push"_s)
        response = hq::http::syncPush(context);
    else if (path == u"/v1/sync/pull"_s)
        response = hq::http::syncPull(context);
    else
        response = hq::http::ApiResponse::error(404, u"not_found"_s, u"no such route"_s);
    return {response.status, response.body, response.mimeType};
}

Result<sync::TransportReply> SimTransport::post(const QString &path, const QByteArray &body,
                                                const QByteArray &contentType)
{
    if (!m_faults)
        return deliver(path, body, contentType);
    if (m_rng.chance(3)) {
        ++m_counts[Fault::HqRestart];
        if (auto r = m_hq.restart(); !r)
            return r.error();
    }
    const int roll = m_rng.bounded(100);
    if (roll < 6) {
        ++m_counts[Fault::RequestLost];
        return makeError(ErrorCode::Storage, u"simulated: connection refused"_s);
    }
    if (roll < 12) {
        ++m_counts[Fault::ResponseLost];
        (void)deliver(path, body, contentType);
        return makeError(ErrorCode::Storage, u"simulated: timeout waiting for the reply"_s);
    }
    if (roll < 18) {
        ++m_counts[Fault::Duplicate];
        (void)deliver(path, body, contentType);
    }
    return deliver(path, body, contentType);
}

SimDevice::SimDevice(const DeviceSeat &seat, QString path, SimHq &hq, SimRng &rng,
                     FaultCounts &counts, const qint64 &wallMs)
    : m_seat(seat)
    , m_path(std::move(path))
    , m_rng(rng)
    , m_counts(counts)
    , m_clock(std::make_unique<sync::HlcClock>(seat.caller.device.id, [&wallMs] { return wallMs; }))
    , m_transport(hq, seat.caller, rng, counts)
{ }

SimDevice::~SimDevice() = default;

Result<void> SimDevice::start()
{
    auto store = LocalStore::open(m_path);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    return SyncStateRepository(*m_store).setValue(u"device_id"_s, deviceId());
}

Result<void> SimDevice::restart()
{
    m_store.reset();
    auto store = LocalStore::open(m_path);
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    return {};
}

HlcSource SimDevice::hlcSource()
{
    return [clock = m_clock.get()] {
        return clock->now().toString();
    };
}

Result<sync::SyncReport> SimDevice::sync(bool faults, int killChance)
{
    m_transport.setFaults(faults);
    bool killed = false;
    Result<sync::SyncReport> report = makeError(ErrorCode::Storage, u"not run"_s);
    {
        sync::SyncEngine engine(*m_store, m_transport, *m_clock);
        // Small batches, so that a round has several requests for faults to hit.
        engine.setBatchSizes(3, 25);
        if (killChance > 0) {
            engine.setFaultHook([&](const QString &) {
                if (killed || !m_rng.chance(killChance))
                    return !killed;
                killed = true;
                return false;
            });
        }
        report = engine.sync();
    }
    m_transport.setFaults(false);
    if (killed) {
        ++m_counts[Fault::DeviceKilled];
        if (auto r = restart(); !r)
            return r.error();
    }
    return report;
}

} // namespace karvan::sim

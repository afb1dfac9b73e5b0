#pragma once

// The pieces of the sync simulation (tst_syncsimulation.cpp): an in-process HQ on a SQLite file
// copied from a template company, a transport that calls HQ's sync handlers directly and
// injects network and server faults, and devices (LocalStore + HLC clock + SyncEngine) that can
// be killed mid-sync and restarted from their files.

#include "auth/deviceregistry.h"
#include "engine/syncengine.h"
#include "engine/transport.h"
#include "hlc.h"
#include "services/hlcsource.h"
#include "storage/database.h"
#include "store/localstore.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <random>

namespace karvan::sim {

// The scenario's only source of randomness: seeded, never the wall clock.
class SimRng
{
public:
    explicit SimRng(quint64 seed)
        : m_engine(seed)
    { }
    // 0 .. n-1 (n > 0), the same on every platform (std::uniform_int_distribution is not).
    int bounded(int n) { return n <= 1 ? 0 : int(m_engine() % quint64(n)); }
    bool chance(int percent) { return bounded(100) < percent; }
    template<typename T> const T &pick(const QList<T> &list)
    {
        return list.at(bounded(int(list.size())));
    }

private:
    std::mt19937_64 m_engine;
};

enum class Fault { RequestLost, ResponseLost, Duplicate, HqRestart, DeviceKilled, Count };
QString faultName(Fault fault);

struct FaultCounts
{
    std::array<qint64, size_t(Fault::Count)> n {};
    qint64 &operator[](Fault f) { return n[size_t(f)]; }
    qint64 operator[](Fault f) const { return n[size_t(f)]; }
    void add(const FaultCounts &other)
    {
        for (size_t i = 0; i < n.size(); ++i)
            n[i] += other.n[i];
    }
};

// One rep's device as enrolled at HQ in the template.
struct DeviceSeat
{
    hq::Caller caller;
    QStringList territories;
};

struct TemplateCustomer
{
    QString id;
    QString territory;
    bool tight = false; // a small credit limit: big orders go on credit hold
};

// The company every scenario starts from (built once per run): 2 territories, 3 reps (two in
// NORTH, one in SOUTH), a finance user, 20 customers, 15 products in two warehouses, a base
// price list and tax rules; devices enrolled. Files are copied per scenario.
struct SimCompany
{
    QString dir;
    QString hqTemplate; // migrated, seeded HQ SQLite file
    QString deviceTemplate; // migrated, empty device store
    QList<TemplateCustomer> customers;
    QStringList skus;
    QStringList warehouses;
    QList<DeviceSeat> seats; // 0, 1: NORTH, 2: SOUTH
};
// Builds the template under dir; an error message or empty.
QString buildCompany(const QString &dir, SimCompany &company);

// HQ: the database of one scenario. restart() closes it and opens it again from its file, as
// a restarted karvan-hq would.
class SimHq
{
public:
    explicit SimHq(QString path)
        : m_path(std::move(path))
    { }
    Result<void> open();
    Result<void> restart();
    hq::Database &db() { return *m_db; }
    QString path() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<hq::Database> m_db;
};

// Calls http::syncPush / syncPull with the device's caller, as HqServer would after the route
// guard admitted it. While faults are on, each request may be lost, its response lost, be
// delivered twice, or find HQ just restarted.
class SimTransport : public sync::SyncTransport
{
public:
    SimTransport(SimHq &hq, const hq::Caller &caller, SimRng &rng, FaultCounts &counts)
        : m_hq(hq)
        , m_caller(caller)
        , m_rng(rng)
        , m_counts(counts)
    { }
    void setFaults(bool on) { m_faults = on; }
    Result<sync::TransportReply> post(const QString &path, const QByteArray &body,
                                      const QByteArray &contentType) override;

private:
    sync::TransportReply deliver(const QString &path, const QByteArray &body,
                                 const QByteArray &contentType);
    SimHq &m_hq;
    hq::Caller m_caller;
    SimRng &m_rng;
    FaultCounts &m_counts;
    bool m_faults = false;
};

// A rep's device: its store on a file, its clock on the simulation's wall clock, its engine.
class SimDevice
{
public:
    SimDevice(const DeviceSeat &seat, QString path, SimHq &hq, SimRng &rng, FaultCounts &counts,
              const qint64 &wallMs);
    ~SimDevice();
    // Opens the store and writes sync_state device_id (first open).
    Result<void> start();
    // The device dies (engine, services and store dropped) and starts again from its file. The
    // HLC clock is kept: a real device persists its last timestamp.
    Result<void> restart();

    // One sync round. faults: transport faults on; killChance: percent per fault-hook point
    // that the device dies there (then restart() runs before this returns).
    Result<sync::SyncReport> sync(bool faults, int killChance);

    LocalStore &store() { return *m_store; }
    HlcSource hlcSource();
    QString login() const { return m_seat.caller.user.login; }
    QString deviceId() const { return m_seat.caller.device.id; }
    const QStringList &territories() const { return m_seat.territories; }

private:
    DeviceSeat m_seat;
    QString m_path;
    SimRng &m_rng;
    FaultCounts &m_counts;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<sync::HlcClock> m_clock;
    SimTransport m_transport;
};

} // namespace karvan::sim

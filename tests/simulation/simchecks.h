#pragma once

// What must hold after a simulated scenario has quiesced (ARCHITECTURE.md, "Sync semantics"):
// convergence, no lost and no duplicated mutation, the same winner of a same-field conflict on
// every replica, and books and stock that agree with themselves.

#include "simworld.h"

#include <QList>
#include <QString>

#include <memory>

namespace karvan::sim {

// One write of a customer field, by a device (device >= 0, its outbox seq) or HQ (-1).
struct FieldWrite
{
    QString customerId;
    QString field; // wire name: name, phone, email, notes
    QString value;
    QString hlc;
    int device = -1;
    qint64 seq = 0;
};

struct CheckStats
{
    qint64 sameFieldConflicts = 0; // (customer, field) written by two or more replicas
    qint64 applied = 0; // outbox entries applied / rejected at the end
    qint64 rejected = 0;
    qint64 ordersAtHq = 0;
};

// The first violation found, as one line, or empty.
QString checkQuiesced(SimHq &hq, const QList<SimDevice *> &devices, const QList<FieldWrite> &writes,
                      CheckStats &stats);

} // namespace karvan::sim

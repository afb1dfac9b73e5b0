#pragma once

#include "domain/result.h"
#include "domain/service.h"
#include "services/hlcsource.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace karvan {

class LocalStore;

struct NewActivity
{
    QUuid customerId;
    Activity::Kind kind = Activity::Kind::Visit;
    QString subject;
    QString notes;
    int durationMinutes = 0; // 0 .. 1440
    QDateTime at; // invalid: now
    QString photoPath; // a local file; the photo itself travels separately
};

// Visits, calls and notes: append-only. The row plus ONE outbox mutation in one durable
// LocalStore transaction; bad input writes nothing. Payload: docs/sync-protocol.md, "Device
// mutation args" (activity create).
class ActivityService
{
public:
    ActivityService(LocalStore &store, HlcSource clock, QString author)
        : m_store(store)
        , m_clock(std::move(clock))
        , m_author(std::move(author))
    { }

    Result<Activity> log(const NewActivity &draft);

private:
    LocalStore &m_store;
    HlcSource m_clock;
    QString m_author;
};

} // namespace karvan

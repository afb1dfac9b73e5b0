#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>
#include <QStringView>

#include <functional>

namespace karvan {

class LocalStore;

// The clock the device's write services stamp changes with. core does not link karvan_sync,
// so the clock comes in as a function; the app and the sync engine pass
//     [&clock] { return clock.now().toString(); }      // karvan::sync::HlcClock
//
// Contract of each call: a fresh hybrid logical clock timestamp in the sortable text form of
// docs/sync-protocol.md section 6, "wwwwwwwwwwww-cccccccc-node" (12 lowercase hex digits of
// Unix milliseconds, '-', 8 lowercase hex digits of the logical counter, '-', a node id of 1 to
// 64 characters of [A-Za-z0-9._:-]), strictly greater than every timestamp it returned or the
// node received before. Because the numbers are fixed-width, string order is HLC order.
using HlcSource = std::function<QString()>;

// Whether text has the form above (the order of the stamps is not checked here).
bool isValidHlcText(QStringView text);

// Calls the clock and checks its answer; an error when there is no clock or it answers
// something else than an HLC.
Result<QString> freshHlc(const HlcSource &clock);

// Appends ONE pending mutation whose args are `args` (CBOR) to the outbox; call it inside the
// LocalStore::transaction that writes the rows it describes. Returns the outbox seq.
Result<qint64> appendMutation(LocalStore &store, const QString &entity, const QString &entityId,
                              const QString &op, const QCborMap &args);

} // namespace karvan

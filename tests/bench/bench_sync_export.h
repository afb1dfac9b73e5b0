#pragma once

// The peer's input: the very records a device receives in its initial sync, as NDJSON.

#include "domain/result.h"

#include <QString>
#include <QUrl>

namespace karvan::bench {

struct ScopeExport
{
    qint64 documents = 0; // upserts written, one line each
    qint64 tombstones = 0; // not written (an initial sync has none to apply)
    qint64 bytes = 0; // of NDJSON
    double seconds = 0;
};

// Pulls the device's whole scope again from HQ (an empty cursor, the device's own id and
// token; nothing is applied anywhere) and writes one JSON document per upserted row to
// ndjsonPath: "_id" is "ENTITY/ID", the other keys are the wire row's fields (CBOR to JSON:
// byte strings as base64url). So PouchDB replicates exactly the records Karvan synced.
Result<ScopeExport> exportScopeAsNdjson(const QUrl &server, const QString &token,
                                        const QString &caFile, const QString &deviceId,
                                        const QString &ndjsonPath);

} // namespace karvan::bench

#pragma once

#include "domain/wirerows.h"

#include <QtGlobal>

namespace karvan::sync {

// Protocol version 1 (docs/sync-protocol.md). A peer refuses other versions with
// "unsupported_version"; fields it does not know inside a version-1 message are ignored.
inline constexpr quint8 ProtocolVersion = 1;

// What a decoder accepts. Both sides use the defaults unless they agree otherwise; a decoder
// never allocates more than a small multiple of maxBodyBytes, whatever the input claims.
struct ProtocolLimits
{
    qsizetype maxBodyBytes = 16 * 1024 * 1024; // CBOR body after decompression
    qsizetype maxWireBytes = 16 * 1024 * 1024 + 64; // the whole envelope as received
    qsizetype maxJsonBytes = 32 * 1024 * 1024; // the debugging JSON form
    int maxMutationsPerPush = 500;
    int maxChangesPerBatch = 5000;
    qsizetype maxStringBytes = 64 * 1024; // one text string (UTF-8 bytes)
    qsizetype maxBlobBytes = 2 * 1024 * 1024; // one byte string (cursor, attachment's data)
    int maxDepth = 16; // container nesting inside a row or mutation args (the message is 0)
    // items of one array inside a row or args: what the row decoders accept (a catalog-wide
    // price list); the body limit still bounds what an array can allocate.
    int maxContainerItems = int(wire::MaxRowArrayItems);
    int maxMapEntries = 1024; // entries of one map inside a row or args; of a message map
    qsizetype compressThreshold = 1024; // encoders compress bodies larger than this
};

} // namespace karvan::sync

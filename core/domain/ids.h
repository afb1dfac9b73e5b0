#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace karvan {

// UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter that keeps ids
// generated in the same millisecond strictly increasing within this process, then 62 random
// bits. Time-ordered ids keep SQLite's B-tree inserts append-only.
class Uuid7
{
public:
    static QUuid generate();
    // For deterministic generators (demo data, tests): the time and the random bits are given.
    static QUuid fromParts(qint64 unixMillis, quint16 counter12, quint64 random62);
    static qint64 unixMillis(const QUuid &id);
    // QUuid::version() of Qt 6.4 knows versions 1 to 5 only, so read the nibble directly.
    static bool isUuid7(const QUuid &id)
    {
        return (id.data3 >> 12) == 7 && (id.data4[0] >> 6) == 0x2;
    }
};

// Ids as text in the store and on the wire: 36 lowercase characters, no braces.
inline QString idToString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace karvan

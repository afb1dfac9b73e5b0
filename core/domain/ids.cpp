#include "domain/ids.h"

#include <QMutex>
#include <QRandomGenerator>

namespace karvan {

QUuid Uuid7::fromParts(qint64 unixMillis, quint16 counter12, quint64 random62)
{
    const auto ms = static_cast<quint64>(unixMillis) & 0xFFFFFFFFFFFFull;
    const quint16 randA = counter12 & 0x0FFF;
    const quint64 randB = random62 & 0x3FFFFFFFFFFFFFFFull;
    const auto l = static_cast<uint>(ms >> 16);
    const auto w1 = static_cast<ushort>(ms & 0xFFFF);
    const auto w2 = static_cast<ushort>(0x7000 | randA);
    // variant 0b10 in the top two bits of byte 8
    const quint64 low = (quint64(0x2) << 62) | randB;
    return QUuid(l, w1, w2, uchar(low >> 56), uchar(low >> 48), uchar(low >> 40), uchar(low >> 32),
                 uchar(low >> 24), uchar(low >> 16), uchar(low >> 8), uchar(low));
}

QUuid Uuid7::generate()
{
    // Monotonic within the process: same millisecond -> counter + 1; a clock that steps back
    // keeps the last timestamp, so ids never go backwards.
    static QMutex mutex;
    static qint64 lastMs = 0;
    static quint16 counter = 0;
    const QMutexLocker lock(&mutex);
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now <= lastMs) {
        now = lastMs;
        if (++counter > 0x0FFF) { // 4096 ids in one millisecond: borrow the next one
            ++now;
            counter = 0;
        }
    } else {
        counter = static_cast<quint16>(QRandomGenerator::system()->bounded(0x200));
    }
    lastMs = now;
    return fromParts(now, counter, QRandomGenerator::system()->generate64());
}

qint64 Uuid7::unixMillis(const QUuid &id)
{
    return (static_cast<qint64>(id.data1) << 16) | id.data2;
}

} // namespace karvan

#include "sync/hqclock.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace karvan::hq::sync {

karvan::sync::HlcClock &hqClock()
{
    // Created on first use (thread-safe static initialization), once per process.
    static karvan::sync::HlcClock clock(
        u"hq-"_s
        + QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0'));
    return clock;
}

} // namespace karvan::hq::sync

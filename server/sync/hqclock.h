#pragma once

#include "hlc.h"

namespace karvan::hq::sync {

// This HQ process's hybrid logical clock. Its node id is "hq-" plus 8 random hex digits chosen
// at start-up, so several HQ processes on one database never issue equal timestamps, and every
// one of them sorts after no device by accident of its name. Thread-safe (HlcClock is).
karvan::sync::HlcClock &hqClock();

} // namespace karvan::hq::sync

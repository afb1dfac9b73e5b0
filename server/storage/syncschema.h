#pragma once

#include "domain/result.h"

namespace karvan::hq {

class Database;

// Version 7: sync: the change feed and its clock, the mutations devices pushed with their
// results, per-field HLCs of customer master data, and what devices create besides orders:
// quotes, tickets with comments, activities.
Result<void> createSync(Database &db);

} // namespace karvan::hq

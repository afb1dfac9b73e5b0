#pragma once

#include "domain/result.h"

namespace karvan::hq {

class Database;

// Version 8: alerts routed to the department affected (server/erp/alerts.h).
Result<void> createAlerts(Database &db);

} // namespace karvan::hq

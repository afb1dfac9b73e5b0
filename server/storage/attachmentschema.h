#pragma once

#include "domain/result.h"

namespace karvan::hq {

class Database;

// Version 9: signatures on orders and quotes and photos of visits, as the devices pushed them
// ("attachment" create mutations, server/sync/mutationapplier_attachments.cpp).
Result<void> createAttachments(Database &db);

} // namespace karvan::hq

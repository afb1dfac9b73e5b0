#pragma once

#include "http/routeguard.h"

namespace karvan::hq::http {

class HqServer;

// POST /v1/sync/push, POST /v1/sync/pull and GET /v1/sync/pull (docs/sync-protocol.md 2):
// binary envelope or JSON form by Content-Type, the caller's device must be the request's
// device_id (403 otherwise), protocol errors as ProtocolError bodies in the request's form.
ApiResponse syncPush(ApiContext &context);
ApiResponse syncPull(ApiContext &context);
void addSyncRoutes(HqServer &server);

} // namespace karvan::hq::http

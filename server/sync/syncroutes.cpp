// The sync endpoints (docs/sync-protocol.md):
//   POST /v1/sync/push   PushRequest  -> PushResponse
//   POST /v1/sync/pull   PullRequest  -> PullResponse
//   GET  /v1/sync/pull?device_id=UUID&cursor=B64URL&max_changes=N -> PullResponse
// Bodies are the binary envelope (application/vnd.karvan.sync) or the JSON form
// (application/json); the answer, a refusal included, comes in the request's form (for GET,
// per Accept; binary by default). A refusal is a ProtocolError with the HTTP status of the
// protocol's table (section 5.5).
#include "sync/syncroutes.h"

#include "http/hqserver.h"
#include "protocol/codec.h"
#include "protocol/limits.h"
#include "storage/database.h"
#include "sync/changefeed.h"
#include "sync/hqclock.h"
#include "sync/pullpagecache.h"
#include "sync/pushcommitter.h"
#include "sync/syncsnapshot.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

namespace {

using karvan::sync::ProtocolError;
namespace Code = karvan::sync::ProtocolErrorCode;

const QByteArray BinaryType = QByteArrayLiteral("application/vnd.karvan.sync");
const QByteArray JsonType = QByteArrayLiteral("application/json");

enum class Form { Binary, Json, Unsupported };

Form formOf(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    if (type == BinaryType)
        return Form::Binary;
    if (type == JsonType)
        return Form::Json;
    return Form::Unsupported;
}

// GET answers per Accept: JSON only when asked for and binary not.
Form acceptedForm(const ApiRequest &request)
{
    const QByteArray accept = request.header("accept").toLower();
    if (accept.contains(JsonType) && !accept.contains(BinaryType))
        return Form::Json;
    return Form::Binary;
}

int httpStatusOf(const QString &code)
{
    if (code == Code::BodyTooLarge || code == Code::TooManyItems || code == Code::StringTooLong)
        return 413;
    if (code == Code::Unauthorized)
        return 401;
    if (code == u"forbidden"_s)
        return 403;
    if (code == Code::Internal)
        return 500;
    return 400;
}

template<typename Message> ApiResponse reply(const Message &message, Form form, int status = 200)
{
    ApiResponse r;
    r.status = status;
    if (form == Form::Json) {
        r.body = karvan::sync::toJson(message);
        r.mimeType = JsonType;
    } else {
        r.body = karvan::sync::encode(message);
        r.mimeType = BinaryType;
    }
    return r;
}

ApiResponse refuse(const ProtocolError &error, Form form)
{
    return reply(error, form, httpStatusOf(error.code));
}

ApiResponse refuse(QStringView code, const QString &message, const QString &field, Form form)
{
    ProtocolError e;
    e.code = code.toString();
    e.message = message;
    e.field = field;
    return refuse(e, form);
}

ApiResponse unsupportedType(const ApiRequest &request)
{
    return ApiResponse::error(415, u"unsupported_media_type"_s,
                              u"Content-Type must be application/vnd.karvan.sync or "
                              "application/json, not \"%1\""_s.arg(
                                  QString::fromLatin1(request.header("content-type").left(100))));
}

// A storage failure: the device retries; the detail goes to the log only.
ApiResponse internalError(const Error &error, Form form)
{
    ApiResponse r = refuse(Code::Internal, u"the server failed; retry later"_s, {}, form);
    r.logDetail = error.message;
    return r;
}

// The caller's device must be the one the request speaks for.
std::optional<ApiResponse> checkDevice(const ApiContext &c, const QUuid &deviceId, Form form)
{
    if (QUuid::fromString(c.caller->device.id) == deviceId)
        return std::nullopt;
    return refuse(u"forbidden", u"device_id is not the device this token was issued to"_s,
                  u"device_id"_s, form);
}

void tagLog(ApiResponse &r, const ApiContext &c)
{
    r.logUser = c.caller->user.login;
    r.logDevice = c.caller->device.id;
}

ApiResponse pullFailure(const Error &error, Form form)
{
    if (error.code == ErrorCode::InvalidArgument)
        return refuse(Code::Malformed, error.message, u"cursor"_s, form);
    return internalError(error, form);
}

// The scope set as a cache key: sorted, without duplicates; "*" for every scope.
QString scopeKey(const std::optional<QStringList> &scopes)
{
    if (!scopes)
        return u"*"_s;
    QStringList sorted = *scopes;
    sorted.sort();
    sorted.removeDuplicates();
    return u"S"_s + sorted.join(QChar(0));
}

ApiResponse pullReply(ApiContext &c, const karvan::sync::PullRequest &request, Form form)
{
    if (auto refused = checkDevice(c, request.deviceId, form))
        return *refused;
    const std::optional<QStringList> scopes = hq::sync::scopesFor(c.caller->user);
    hq::sync::ChangeFeed feed(c.db);
    const auto buildResponse = [&]() -> Result<karvan::sync::PullResponse> {
        auto page = feed.read(scopes, request.cursor, request.maxChanges);
        if (!page)
            return page.error();
        karvan::sync::PullResponse response;
        response.changes = std::move(page->changes);
        response.nextCursor = page->nextCursor;
        response.hasMore = page->hasMore;
        response.progress = page->progress;
        return response;
    };
    if (form == Form::Json) {
        auto response = buildResponse();
        if (!response)
            return pullFailure(response.error(), form);
        response.value().serverHlc = hq::sync::hqClock().now();
        return reply(*response, form);
    }
    // The binary answer is shared by every device asking the same question while the feed
    // has not changed (pullpagecache.h); server_hlc is this response's own.
    auto clock = feed.committedClock();
    if (!clock)
        return internalError(clock.error(), form);
    const int cap = karvan::sync::ProtocolLimits {}.maxChangesPerBatch;
    const hq::sync::PullPageCache::Key key {
        scopeKey(scopes), request.cursor,
        request.maxChanges <= 0 ? cap : std::min(request.maxChanges, cap), c.db.instanceId()};
    auto served = hq::sync::PullPageCache::shared().get(
        key, *clock, [&]() { return feed.committedClock(); },
        [&]() -> Result<hq::sync::EncodedPullPage> {
            auto response = buildResponse();
            if (!response)
                return response.error();
            return hq::sync::encodePullPage(*response);
        });
    if (!served)
        return pullFailure(served.error(), form);
    const hq::sync::EncodedPullPage &page = *served->page;
    ApiResponse r;
    r.body = hq::sync::pullPageWire(page, served->exact ? page.hasMore : true,
                                    hq::sync::hqClock().now());
    r.mimeType = BinaryType;
    return r;
}

} // namespace

ApiResponse syncPush(ApiContext &c)
{
    const Form form = formOf(c.request.header("content-type"));
    if (form == Form::Unsupported)
        return unsupportedType(c.request);
    ProtocolError failure;
    auto request = form == Form::Binary
        ? karvan::sync::decodePushRequest(c.request.body, {}, &failure)
        : karvan::sync::pushRequestFromJson(c.request.body, {}, &failure);
    ApiResponse r;
    if (!request) {
        if (failure.code.isEmpty()) {
            failure.code = Code::Malformed.toString();
            failure.message = request.errorMessage();
        }
        r = refuse(failure, form);
    } else if (auto refused = checkDevice(c, request->deviceId, form)) {
        r = *refused;
    } else {
        // Applied with the pushes queued beside it, in one transaction (pushcommitter.h).
        auto response = hq::sync::PushCommitter::apply(c.db, *c.caller, *request);
        r = response ? reply(*response, form) : internalError(response.error(), form);
    }
    tagLog(r, c);
    return r;
}

ApiResponse syncPull(ApiContext &c)
{
    ApiResponse r;
    if (c.request.method == u"GET"_s) {
        const Form form = acceptedForm(c.request);
        const QUrlQuery &q = c.request.query;
        karvan::sync::PullRequest request;
        const QString device = q.queryItemValue(u"device_id"_s);
        request.deviceId = QUuid::fromString(device);
        const QByteArray cursor = q.queryItemValue(u"cursor"_s).toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(
            cursor,
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                | QByteArray::AbortOnBase64DecodingErrors);
        bool maxOk = true;
        const QString maxText = q.queryItemValue(u"max_changes"_s);
        const qint64 max = maxText.isEmpty() ? 0 : maxText.toLongLong(&maxOk);
        if (device.size() != 36 || request.deviceId.isNull())
            r = refuse(Code::Malformed, u"device_id must be a UUID"_s, u"device_id"_s, form);
        else if (!decoded)
            r = refuse(Code::Malformed, u"cursor must be unpadded base64url"_s, u"cursor"_s, form);
        else if (!maxOk || max < 0 || max > std::numeric_limits<int>::max())
            r = refuse(Code::Malformed, u"max_changes must be a non-negative integer"_s,
                       u"max_changes"_s, form);
        else {
            request.cursor = *decoded;
            request.maxChanges = int(max);
            r = pullReply(c, request, form);
        }
    } else {
        const Form form = formOf(c.request.header("content-type"));
        if (form == Form::Unsupported)
            return unsupportedType(c.request);
        ProtocolError failure;
        auto request = form == Form::Binary
            ? karvan::sync::decodePullRequest(c.request.body, {}, &failure)
            : karvan::sync::pullRequestFromJson(c.request.body, {}, &failure);
        if (!request) {
            if (failure.code.isEmpty()) {
                failure.code = Code::Malformed.toString();
                failure.message = request.errorMessage();
            }
            r = refuse(failure, form);
        } else {
            r = pullReply(c, *request, form);
        }
    }
    tagLog(r, c);
    return r;
}

void addSyncRoutes(HqServer &server)
{
    server.addRoute(u"POST"_s, u"/v1/sync/push"_s, RouteGuard::anyRole(), syncPush,
                    HqServer::SyncBodyLimit, HqServer::Pool::Writers);
    server.addRoute(u"POST"_s, u"/v1/sync/pull"_s, RouteGuard::anyRole(), syncPull,
                    HqServer::SyncBodyLimit);
    server.addRoute(u"GET"_s, u"/v1/sync/pull"_s, RouteGuard::anyRole(), syncPull,
                    HqServer::JsonBodyLimit);
    addSnapshotRoutes(server); // sync/syncsnapshot.h: the bootstrap snapshot
}

} // namespace karvan::hq::http

#pragma once

#include "domain/result.h"
#include "protocol/limits.h"
#include "protocol/messages.h"

#include <QByteArray>
#include <QByteArrayView>

namespace karvan::sync {

// The message kinds of the envelope (byte 5). Values are part of the wire format.
enum class MessageType : quint8 {
    PushRequest = 1,
    PushResponse = 2,
    PullRequest = 3,
    PullResponse = 4,
    ProtocolError = 5,
};

QString messageTypeName(MessageType type); // "push_request", ...

// Binary form: the 12-byte envelope ("KRVN", version, type, flags, reserved, body length)
// then a CBOR map, zlib-compressed when larger than limits.compressThreshold and smaller
// compressed. Encoders do not enforce the counts of ProtocolLimits: the sender batches.
QByteArray encode(const PushRequest &message, const ProtocolLimits &limits = {});
QByteArray encode(const PushResponse &message, const ProtocolLimits &limits = {});
QByteArray encode(const PullRequest &message, const ProtocolLimits &limits = {});
QByteArray encode(const PullResponse &message, const ProtocolLimits &limits = {});
QByteArray encode(const ProtocolError &message, const ProtocolLimits &limits = {});

// Decoders accept any bytes: malformed, truncated, oversized or hostile input is an Error
// with one line naming the field, never a crash, and memory stays bounded by the limits.
// When failure is given it receives the ProtocolError to send back.
Result<PushRequest> decodePushRequest(QByteArrayView wire, const ProtocolLimits &limits = {},
                                      ProtocolError *failure = nullptr);
Result<PushResponse> decodePushResponse(QByteArrayView wire, const ProtocolLimits &limits = {},
                                        ProtocolError *failure = nullptr);
Result<PullRequest> decodePullRequest(QByteArrayView wire, const ProtocolLimits &limits = {},
                                      ProtocolError *failure = nullptr);
Result<PullResponse> decodePullResponse(QByteArrayView wire, const ProtocolLimits &limits = {},
                                        ProtocolError *failure = nullptr);
Result<ProtocolError> decodeProtocolError(QByteArrayView wire, const ProtocolLimits &limits = {},
                                          ProtocolError *failure = nullptr);
// The envelope's message type, after checking magic and version (for routing and tools).
Result<MessageType> peekMessageType(QByteArrayView wire);

// JSON form, for logs, tools and tests: {"protocol_version":1,"message":"push_request",
// "body":{...}} with the same field names; byte strings are base64url text. Rows and args
// survive the round trip as long as they hold no byte strings, except that their keys come
// back sorted (JSON objects are unordered; QCborMap equality is order-sensitive).
QByteArray toJson(const PushRequest &message);
QByteArray toJson(const PushResponse &message);
QByteArray toJson(const PullRequest &message);
QByteArray toJson(const PullResponse &message);
QByteArray toJson(const ProtocolError &message);

Result<PushRequest> pushRequestFromJson(QByteArrayView json, const ProtocolLimits &limits = {},
                                        ProtocolError *failure = nullptr);
Result<PushResponse> pushResponseFromJson(QByteArrayView json, const ProtocolLimits &limits = {},
                                          ProtocolError *failure = nullptr);
Result<PullRequest> pullRequestFromJson(QByteArrayView json, const ProtocolLimits &limits = {},
                                        ProtocolError *failure = nullptr);
Result<PullResponse> pullResponseFromJson(QByteArrayView json, const ProtocolLimits &limits = {},
                                          ProtocolError *failure = nullptr);
Result<ProtocolError> protocolErrorFromJson(QByteArrayView json, const ProtocolLimits &limits = {},
                                            ProtocolError *failure = nullptr);

} // namespace karvan::sync

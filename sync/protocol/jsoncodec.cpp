// The JSON form: the CBOR body rendered with QCborValue::toJsonValue on the way out, and on
// the way in converted to CBOR (bounded) and run through the same streaming decoder, so both
// forms share one set of checks.
#include "protocol/envelope.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::sync {

namespace {

QByteArray jsonOf(const QByteArray &wire, MessageType type)
{
    // Our own freshly encoded bytes: unwrap without limits that could refuse a big message.
    ProtocolLimits unlimited;
    unlimited.maxWireBytes = std::numeric_limits<qsizetype>::max();
    unlimited.maxBodyBytes = std::numeric_limits<quint32>::max();
    QByteArray body;
    detail::DecodeFailure ignored;
    detail::unwrapEnvelope(wire, type, unlimited, &body, &ignored);
    QJsonObject envelope;
    envelope.insert(u"protocol_version"_s, int(ProtocolVersion));
    envelope.insert(u"message"_s, messageTypeName(type));
    envelope.insert(u"body"_s, QCborValue::fromCbor(body).toJsonValue());
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

// Depth-limited: QJsonDocument caps nesting itself, but our limit is far smaller.
bool toCbor(const QJsonValue &json, int depth, const ProtocolLimits &limits, QCborValue *out,
            detail::DecodeFailure *failure)
{
    switch (json.type()) {
    case QJsonValue::Null:
        *out = QCborValue(nullptr);
        return true;
    case QJsonValue::Bool:
        *out = QCborValue(json.toBool());
        return true;
    case QJsonValue::Double: {
        // Integers stay integers (QJsonValue keeps 64-bit integers exactly).
        const double d = json.toDouble();
        const qint64 i = json.toInteger(0);
        if (i != 0 || d == 0)
            *out = QCborValue(i);
        else
            *out = QCborValue(d);
        return true;
    }
    case QJsonValue::String:
        *out = QCborValue(json.toString());
        return true;
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    case QJsonValue::Undefined:
        *failure = {ProtocolErrorCode::Malformed.toString(), u"body"_s, u"undefined value"_s, 0};
        return false;
    }
    if (depth > limits.maxDepth + 4) {
        *failure = {ProtocolErrorCode::TooDeep.toString(), u"body"_s,
                    u"nesting deeper than %1 levels"_s.arg(limits.maxDepth), limits.maxDepth};
        return false;
    }
    if (json.isArray()) {
        QCborArray array;
        for (const QJsonValue &item : json.toArray()) {
            QCborValue value;
            if (!toCbor(item, depth + 1, limits, &value, failure))
                return false;
            array.append(value);
        }
        *out = array;
        return true;
    }
    // QJsonObject keeps the last of duplicate keys; it is the form for debugging anyway.
    const QJsonObject object = json.toObject();
    QCborMap map;
    for (auto it = object.begin(); it != object.end(); ++it) {
        QCborValue value;
        if (!toCbor(it.value(), depth + 1, limits, &value, failure))
            return false;
        map.insert(it.key(), value);
    }
    *out = map;
    return true;
}

template<typename T>
Result<T> fromJson(QByteArrayView json, MessageType type, const ProtocolLimits &limits,
                   ProtocolError *failure)
{
    auto refuse = [&](QStringView code, const QString &detail, qint64 limit = 0) {
        return detail::toError({code.toString(), u"json"_s, detail, limit}, failure);
    };
    if (json.size() > limits.maxJsonBytes)
        return refuse(
            ProtocolErrorCode::BodyTooLarge,
            u"%1 bytes exceed the limit of %2"_s.arg(json.size()).arg(limits.maxJsonBytes),
            limits.maxJsonBytes);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return refuse(
            error.error == QJsonParseError::DeepNesting ? ProtocolErrorCode::TooDeep
                                                        : ProtocolErrorCode::Malformed,
            u"invalid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        return refuse(ProtocolErrorCode::Malformed, u"expected a JSON object"_s);
    const QJsonObject envelope = document.object();
    const QJsonValue version = envelope.value(u"protocol_version"_s);
    if (!version.isDouble())
        return refuse(ProtocolErrorCode::Malformed, u"protocol_version is missing"_s);
    if (version.toDouble() != ProtocolVersion)
        return refuse(ProtocolErrorCode::UnsupportedVersion,
                      u"protocol version %1 is not supported (this peer speaks version %2)"_s
                          .arg(version.toDouble())
                          .arg(ProtocolVersion),
                      ProtocolVersion);
    if (envelope.value(u"message"_s).toString() != messageTypeName(type))
        return refuse(ProtocolErrorCode::WrongMessage,
                      u"expected a %1 message, got \"%2\""_s.arg(messageTypeName(type))
                          .arg(envelope.value(u"message"_s).toString().left(64)));
    QCborValue body;
    detail::DecodeFailure conversion;
    if (!toCbor(envelope.value(u"body"_s), 0, limits, &body, &conversion))
        return detail::toError(conversion, failure);
    return detail::decodeBody<T>(body.toCbor(), limits, true, failure);
}

ProtocolLimits uncompressed()
{
    ProtocolLimits limits;
    limits.compressThreshold = std::numeric_limits<qsizetype>::max();
    return limits;
}

} // namespace

QByteArray toJson(const PushRequest &message)
{
    return jsonOf(encode(message, uncompressed()), MessageType::PushRequest);
}

QByteArray toJson(const PushResponse &message)
{
    return jsonOf(encode(message, uncompressed()), MessageType::PushResponse);
}

QByteArray toJson(const PullRequest &message)
{
    return jsonOf(encode(message, uncompressed()), MessageType::PullRequest);
}

QByteArray toJson(const PullResponse &message)
{
    return jsonOf(encode(message, uncompressed()), MessageType::PullResponse);
}

QByteArray toJson(const ProtocolError &message)
{
    return jsonOf(encode(message, uncompressed()), MessageType::ProtocolError);
}

Result<PushRequest> pushRequestFromJson(QByteArrayView json, const ProtocolLimits &limits,
                                        ProtocolError *failure)
{
    return fromJson<PushRequest>(json, MessageType::PushRequest, limits, failure);
}

Result<PushResponse> pushResponseFromJson(QByteArrayView json, const ProtocolLimits &limits,
                                          ProtocolError *failure)
{
    return fromJson<PushResponse>(json, MessageType::PushResponse, limits, failure);
}

Result<PullRequest> pullRequestFromJson(QByteArrayView json, const ProtocolLimits &limits,
                                        ProtocolError *failure)
{
    return fromJson<PullRequest>(json, MessageType::PullRequest, limits, failure);
}

Result<PullResponse> pullResponseFromJson(QByteArrayView json, const ProtocolLimits &limits,
                                          ProtocolError *failure)
{
    return fromJson<PullResponse>(json, MessageType::PullResponse, limits, failure);
}

Result<ProtocolError> protocolErrorFromJson(QByteArrayView json, const ProtocolLimits &limits,
                                            ProtocolError *failure)
{
    return fromJson<ProtocolError>(json, MessageType::ProtocolError, limits, failure);
}

} // namespace karvan::sync

#include "protocol/envelope.h"

#include <QtEndian>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace karvan::sync::detail {

namespace {

constexpr char Magic[4] = {'K', 'R', 'V', 'N'};
constexpr quint8 FlagZlib = 0x01;
constexpr quint8 KnownFlags = FlagZlib;

bool fail(DecodeFailure *failure, QStringView code, const QString &detail, qint64 limit = 0)
{
    *failure = DecodeFailure {code.toString(), u"envelope"_s, detail, limit};
    return false;
}

} // namespace

QByteArray wrapEnvelope(MessageType type, const QByteArray &body, const ProtocolLimits &limits)
{
    quint8 flags = 0;
    QByteArray payload = body;
    if (body.size() > limits.compressThreshold) {
        QByteArray compressed = qCompress(body, 6);
        if (!compressed.isEmpty() && compressed.size() < body.size()) {
            payload = std::move(compressed);
            flags |= FlagZlib;
        }
    }
    QByteArray wire;
    wire.reserve(EnvelopeHeaderSize + payload.size());
    wire.append(Magic, 4);
    wire.append(char(ProtocolVersion));
    wire.append(char(type));
    wire.append(char(flags));
    wire.append('\0');
    char length[4];
    qToBigEndian(quint32(payload.size()), length);
    wire.append(length, 4);
    wire.append(payload);
    return wire;
}

bool boundedUncompress(QByteArrayView compressed, qsizetype maxBytes, QByteArray *out,
                       DecodeFailure *failure)
{
    if (compressed.size() < 4)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"compressed body shorter than its 4-byte length prefix"_s);
    const quint32 expected = qFromBigEndian<quint32>(compressed.data());
    if (qint64(expected) > qint64(maxBytes))
        return fail(
            failure, ProtocolErrorCode::BodyTooLarge,
            u"compressed body announces %1 bytes, more than the limit of %2"_s.arg(expected).arg(
                maxBytes),
            maxBytes);
    // zlib needs at least 2 header bytes + 4 adler bytes; deflate cannot do better than about
    // 1032:1, so a claimed size far beyond that is a lie and is refused before allocating.
    const qint64 input = compressed.size() - 4;
    if (input < 6 || qint64(expected) > input * 1100 + 64)
        return fail(
            failure, ProtocolErrorCode::BadEnvelope,
            u"compressed body of %1 bytes cannot inflate to the announced %2 bytes"_s.arg(input)
                .arg(expected));
    QByteArray buffer(qsizetype(expected), Qt::Uninitialized);
    z_stream stream {};
    if (inflateInit(&stream) != Z_OK)
        return fail(failure, ProtocolErrorCode::Internal, u"zlib could not start"_s);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data() + 4));
    stream.avail_in = uInt(input);
    stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
    stream.avail_out = uInt(expected);
    const int rc = inflate(&stream, Z_FINISH);
    const uLong produced = stream.total_out;
    const uInt leftIn = stream.avail_in;
    inflateEnd(&stream);
    if (rc == Z_BUF_ERROR && produced == expected)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"compressed body inflates beyond its announced %1 bytes"_s.arg(expected));
    if (rc != Z_STREAM_END)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"compressed body is not a valid zlib stream"_s);
    if (produced != expected || leftIn != 0)
        return fail(
            failure, ProtocolErrorCode::BadEnvelope,
            u"compressed body inflates to %1 bytes, not the announced %2"_s.arg(produced).arg(
                expected));
    *out = std::move(buffer);
    return true;
}

bool unwrapEnvelope(QByteArrayView wire, MessageType expected, const ProtocolLimits &limits,
                    QByteArray *body, DecodeFailure *failure)
{
    if (wire.size() > limits.maxWireBytes)
        return fail(failure, ProtocolErrorCode::BodyTooLarge,
                    u"message of %1 bytes exceeds the limit of %2"_s.arg(wire.size())
                        .arg(limits.maxWireBytes),
                    limits.maxWireBytes);
    if (wire.size() < EnvelopeHeaderSize)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"truncated: %1 bytes, the envelope header alone is 12"_s.arg(wire.size()));
    const auto *bytes = reinterpret_cast<const uchar *>(wire.data());
    if (memcmp(bytes, Magic, 4) != 0)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"not a Karvan sync message (magic is not \"KRVN\")"_s);
    if (bytes[4] != ProtocolVersion)
        return fail(
            failure, ProtocolErrorCode::UnsupportedVersion,
            u"protocol version %1 is not supported (this peer speaks version %2)"_s.arg(bytes[4])
                .arg(ProtocolVersion),
            ProtocolVersion);
    if (bytes[5] != quint8(expected))
        return fail(failure, ProtocolErrorCode::WrongMessage,
                    u"expected a %1 message, got message type %2"_s.arg(messageTypeName(expected))
                        .arg(bytes[5]));
    const quint8 flags = bytes[6];
    if (flags & ~KnownFlags)
        return fail(failure, ProtocolErrorCode::BadEnvelope,
                    u"unknown flags 0x%1"_s.arg(flags, 2, 16, QLatin1Char('0')));
    const quint32 length = qFromBigEndian<quint32>(bytes + 8);
    const qint64 actual = wire.size() - EnvelopeHeaderSize;
    if (qint64(length) != actual)
        return fail(
            failure, ProtocolErrorCode::BadEnvelope,
            u"body length field says %1 bytes but %2 follow (truncated or padded)"_s.arg(length)
                .arg(actual));
    const QByteArrayView payload = wire.sliced(EnvelopeHeaderSize);
    if (flags & FlagZlib)
        return boundedUncompress(payload, limits.maxBodyBytes, body, failure);
    if (payload.size() > limits.maxBodyBytes)
        return fail(failure, ProtocolErrorCode::BodyTooLarge,
                    u"body of %1 bytes exceeds the limit of %2"_s.arg(payload.size())
                        .arg(limits.maxBodyBytes),
                    limits.maxBodyBytes);
    *body = payload.toByteArray();
    return true;
}

} // namespace karvan::sync::detail

namespace karvan::sync {

Result<MessageType> peekMessageType(QByteArrayView wire)
{
    if (wire.size() < detail::EnvelopeHeaderSize || memcmp(wire.data(), "KRVN", 4) != 0)
        return makeError(ErrorCode::InvalidArgument,
                         u"envelope: not a Karvan sync message (magic is not \"KRVN\")"_s);
    const auto *bytes = reinterpret_cast<const uchar *>(wire.data());
    if (bytes[4] != ProtocolVersion)
        return makeError(ErrorCode::InvalidArgument,
                         u"envelope: protocol version %1 is not supported (this peer speaks "
                         u"version %2)"_s.arg(bytes[4])
                             .arg(ProtocolVersion));
    if (bytes[5] < quint8(MessageType::PushRequest)
        || bytes[5] > quint8(MessageType::ProtocolError))
        return makeError(ErrorCode::InvalidArgument,
                         u"envelope: unknown message type %1"_s.arg(bytes[5]));
    return MessageType(bytes[5]);
}

} // namespace karvan::sync

#pragma once

#include "protocol/codec.h"

namespace karvan::sync::detail {

// Failure details shared by every decoding step; turned into an Error and a ProtocolError.
struct DecodeFailure
{
    QString code;
    QString field;
    QString detail;
    qint64 limit = 0;
};

constexpr qsizetype EnvelopeHeaderSize = 12;

// Wraps a CBOR body into the envelope, compressing it when that pays.
QByteArray wrapEnvelope(MessageType type, const QByteArray &body, const ProtocolLimits &limits);

// Checks the envelope and returns the (decompressed) CBOR body, or false with failure set.
bool unwrapEnvelope(QByteArrayView wire, MessageType expected, const ProtocolLimits &limits,
                    QByteArray *body, DecodeFailure *failure);

// qUncompress trusts the 4-byte length prefix and keeps doubling its buffer when the stream
// inflates beyond it (a decompression bomb), so decompression here inflates with zlib
// directly into a buffer of exactly the announced size, after checking it against the limit.
bool boundedUncompress(QByteArrayView compressed, qsizetype maxBytes, QByteArray *out,
                       DecodeFailure *failure);

// The Error (one line: "field: detail") and, when asked for, the ProtocolError to send back.
Error toError(const DecodeFailure &failure, ProtocolError *out);

// Decodes a CBOR body (no envelope). jsonForm: converted from JSON (see CborInput).
template<typename T>
Result<T> decodeBody(const QByteArray &body, const ProtocolLimits &limits, bool jsonForm,
                     ProtocolError *failure);

} // namespace karvan::sync::detail

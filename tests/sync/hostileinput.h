#pragma once

// Helpers for the hostile-input tests of the sync decoders: raw envelopes, sample bodies
// and surgery on CBOR bodies.
#include "protocol/codec.h"
#include "samplemessages.h"

#include <QCborArray>
#include <QCborMap>
#include <QtEndian>

#include <limits>

namespace karvan::sync::hostile {

using namespace Qt::StringLiterals;

inline QByteArray wrap(MessageType type, const QByteArray &body, quint8 flags = 0,
                       quint8 version = 1)
{
    QByteArray wire("KRVN");
    wire.append(char(version));
    wire.append(char(type));
    wire.append(char(flags));
    wire.append('\0');
    char length[4];
    qToBigEndian(quint32(body.size()), length);
    wire.append(length, 4);
    return wire + body;
}

inline QByteArray bodyOf(const QByteArray &plainWire)
{
    return plainWire.mid(12);
}

inline ProtocolLimits plain()
{
    ProtocolLimits limits;
    limits.compressThreshold = std::numeric_limits<qsizetype>::max();
    return limits;
}

inline QByteArray sampleWire(MessageType type, const ProtocolLimits &limits = plain())
{
    switch (type) {
    case MessageType::PushRequest:
        return encode(samples::pushRequest(), limits);
    case MessageType::PushResponse:
        return encode(samples::pushResponse(), limits);
    case MessageType::PullRequest:
        return encode(samples::pullRequest(), limits);
    case MessageType::PullResponse:
        return encode(samples::pullResponse(), limits);
    case MessageType::ProtocolError:
        return encode(samples::protocolError(), limits);
    }
    return {};
}

// Runs the decoder of the given type; returns the error line (empty when it decoded).
inline QString decodeAs(MessageType type, QByteArrayView wire, ProtocolError *failure = nullptr,
                        const ProtocolLimits &limits = {})
{
    switch (type) {
    case MessageType::PushRequest:
        return decodePushRequest(wire, limits, failure).errorMessage();
    case MessageType::PushResponse:
        return decodePushResponse(wire, limits, failure).errorMessage();
    case MessageType::PullRequest:
        return decodePullRequest(wire, limits, failure).errorMessage();
    case MessageType::PullResponse:
        return decodePullResponse(wire, limits, failure).errorMessage();
    case MessageType::ProtocolError:
        return decodeProtocolError(wire, limits, failure).errorMessage();
    }
    return {};
}

inline const QList<MessageType> AllTypes {MessageType::PushRequest, MessageType::PushResponse,
                                          MessageType::PullRequest, MessageType::PullResponse,
                                          MessageType::ProtocolError};

// Replaces (or removes, when value is invalid) the value at a path like
// "mutations.0.args.tags" inside a CBOR DOM.
inline QCborValue withValue(const QCborValue &node, QStringList path, const QCborValue &value)
{
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex) {
        QCborArray array = node.toArray();
        array[index] = path.isEmpty() ? value : withValue(array.at(index), path, value);
        return array;
    }
    QCborMap map = node.toMap();
    if (path.isEmpty() && value.isInvalid())
        map.remove(head);
    else
        map[head] = path.isEmpty() ? value : withValue(map.value(head), path, value);
    return map;
}

inline QByteArray nested(int depth, bool arrays)
{
    QByteArray out(depth, arrays ? '\x81' : '\xa1');
    if (!arrays) {
        out.clear();
        for (int i = 0; i < depth; ++i)
            out.append("\xa1\x61k", 3); // {"k": ...
    }
    out.append('\x00');
    return out;
}

namespace Placeholder {
constexpr qint64 maxU64 = 0x0123456789abcdefLL;
constexpr qint64 minNeg = 0x0123456789abcdeeLL;
} // namespace Placeholder

inline QByteArray text(const QString &s)
{
    return QCborValue(s).toCbor();
}

// A pull_response body whose first change has a row given as raw CBOR bytes.
inline QByteArray pullResponseWithRawRow(const QByteArray &rawRow)
{
    return QByteArray("\xa3") + text(u"changes"_s) + "\x81\xa5" + text(u"entity"_s)
        + text(u"customer"_s) + text(u"id"_s) + text(u"c1"_s) + text(u"op"_s) + text(u"upsert"_s)
        + text(u"hlc"_s) + text(u"0190a1b20000-00000000-hq"_s) + text(u"row"_s) + rawRow
        + text(u"next_cursor"_s) + "\x40" + text(u"has_more"_s) + "\xf4";
}

} // namespace karvan::sync::hostile

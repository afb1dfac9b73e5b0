// libFuzzer target: every sync decoder on arbitrary bytes, as a whole message, as a CBOR body
// in a valid envelope of each type, and as JSON. Whatever decodes must re-encode to bytes
// that decode to the same message. Built by tests/fuzz/ with clang, ASan and UBSan.
#include "protocol/codec.h"

#include <QtEndian>

#include <cstdlib>

using namespace karvan::sync;

namespace {

const ProtocolLimits &limits()
{
    static const ProtocolLimits l = [] {
        ProtocolLimits l;
        // Smaller than production so the fuzzer reaches the limits, same code paths.
        l.maxMutationsPerPush = 50;
        l.maxChangesPerBatch = 50;
        l.maxStringBytes = 4096;
        l.maxBlobBytes = 4096;
        l.maxContainerItems = 256;
        l.maxMapEntries = 64;
        l.maxBodyBytes = 1 << 20;
        l.maxWireBytes = (1 << 20) + 64;
        return l;
    }();
    return l;
}

QByteArray wrap(MessageType type, QByteArrayView body)
{
    QByteArray wire("KRVN");
    wire.append(char(ProtocolVersion));
    wire.append(char(type));
    wire.append('\0');
    wire.append('\0');
    char length[4];
    qToBigEndian(quint32(body.size()), length);
    wire.append(length, 4);
    wire.append(body);
    return wire;
}

template<typename T, typename Decode> void check(QByteArrayView wire, Decode decode)
{
    auto decoded = decode(wire, limits(), nullptr);
    if (!decoded.ok()) {
        if (decoded.errorMessage().isEmpty())
            std::abort();
        return;
    }
    // Round trip: what we accepted we can say again, and it means the same thing.
    auto again = decode(encode(decoded.value(), limits()), limits(), nullptr);
    if (!again.ok() || !(again.value() == decoded.value()))
        std::abort();
}

template<typename Json> void checkJson(QByteArrayView json, Json fromJson)
{
    auto decoded = fromJson(json, limits(), nullptr);
    if (!decoded.ok() && decoded.errorMessage().isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)peekMessageType(input);
    check<PushRequest>(input, decodePushRequest);
    check<PushResponse>(input, decodePushResponse);
    check<PullRequest>(input, decodePullRequest);
    check<PullResponse>(input, decodePullResponse);
    check<ProtocolError>(input, decodeProtocolError);

    // The input as a CBOR body: straight to the streaming reader.
    check<PushRequest>(wrap(MessageType::PushRequest, input), decodePushRequest);
    check<PushResponse>(wrap(MessageType::PushResponse, input), decodePushResponse);
    check<PullRequest>(wrap(MessageType::PullRequest, input), decodePullRequest);
    check<PullResponse>(wrap(MessageType::PullResponse, input), decodePullResponse);
    check<ProtocolError>(wrap(MessageType::ProtocolError, input), decodeProtocolError);

    if (size > 0 && data[0] == '{') {
        checkJson(input, pushRequestFromJson);
        checkJson(input, pushResponseFromJson);
        checkJson(input, pullRequestFromJson);
        checkJson(input, pullResponseFromJson);
        checkJson(input, protocolErrorFromJson);
    }
    (void)Hlc::fromString(QString::fromUtf8(input));
    return 0;
}

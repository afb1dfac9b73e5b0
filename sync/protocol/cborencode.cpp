// Encoders: QCborStreamWriter straight into the body, definite lengths, snake_case keys.
#include "protocol/envelope.h"

#include <QCborStreamWriter>
#include <QCborValue>

using namespace Qt::StringLiterals;

namespace karvan::sync {

namespace {

class BodyWriter
{
public:
    BodyWriter()
        : m_writer(&m_body)
    { }

    QCborStreamWriter &w() { return m_writer; }
    QByteArray take() { return std::move(m_body); }

    void key(const char *name) { m_writer.append(QLatin1StringView(name)); }
    void field(const char *name, const QString &value)
    {
        key(name);
        m_writer.append(value);
    }
    void field(const char *name, qint64 value)
    {
        key(name);
        m_writer.append(value);
    }
    void field(const char *name, bool value)
    {
        key(name);
        m_writer.append(value);
    }
    void field(const char *name, const QByteArray &value)
    {
        key(name);
        m_writer.appendByteString(value.constData(), value.size());
    }
    void field(const char *name, const QUuid &value)
    {
        key(name);
        m_writer.append(value.toString(QUuid::WithoutBraces));
    }
    void field(const char *name, const Hlc &value)
    {
        key(name);
        m_writer.append(value.toString());
    }
    void field(const char *name, const QCborMap &value)
    {
        key(name);
        QCborValue(value).toCbor(m_writer);
    }

private:
    QByteArray m_body;
    QCborStreamWriter m_writer;
};

void writeMutation(BodyWriter &b, const SyncMutation &m)
{
    b.w().startMap(8);
    b.field("seq", m.seq);
    b.field("mutation_id", m.mutationId);
    b.field("entity", m.entity);
    b.field("entity_id", m.entityId);
    b.field("op", m.op);
    b.field("hlc", m.hlc);
    b.field("created_at", m.createdAtMs);
    b.field("args", m.args);
    b.w().endMap();
}

void writeResult(BodyWriter &b, const MutationResult &r)
{
    const bool hasRow = !r.entity.isEmpty();
    b.w().startMap(5 + (r.reasonCode.isEmpty() ? 0 : 1) + (hasRow ? 4 : 0));
    b.field("seq", r.seq);
    b.field("mutation_id", r.mutationId);
    b.field("status", statusName(r.status));
    if (!r.reasonCode.isEmpty())
        b.field("reason_code", r.reasonCode);
    b.field("reason", r.reason);
    b.field("replayed", r.replayed);
    if (hasRow) {
        b.field("entity", r.entity);
        b.field("entity_id", r.entityId);
        b.field("row_hlc", r.rowHlc);
        b.field("row", r.row);
    }
    b.w().endMap();
}

void writeChange(BodyWriter &b, const RowChange &c)
{
    b.w().startMap(5);
    b.field("entity", c.entity);
    b.field("id", c.id);
    b.field("op", opName(c.op));
    b.field("hlc", c.hlc);
    b.field("row", c.row);
    b.w().endMap();
}

} // namespace

QByteArray encode(const PushRequest &message, const ProtocolLimits &limits)
{
    BodyWriter b;
    b.w().startMap(2);
    b.field("device_id", message.deviceId);
    b.key("mutations");
    b.w().startArray(quint64(message.mutations.size()));
    for (const SyncMutation &m : message.mutations)
        writeMutation(b, m);
    b.w().endArray();
    b.w().endMap();
    return detail::wrapEnvelope(MessageType::PushRequest, b.take(), limits);
}

QByteArray encode(const PushResponse &message, const ProtocolLimits &limits)
{
    BodyWriter b;
    b.w().startMap(message.serverHlc.isNull() ? 1 : 2);
    b.key("results");
    b.w().startArray(quint64(message.results.size()));
    for (const MutationResult &r : message.results)
        writeResult(b, r);
    b.w().endArray();
    if (!message.serverHlc.isNull())
        b.field("server_hlc", message.serverHlc);
    b.w().endMap();
    return detail::wrapEnvelope(MessageType::PushResponse, b.take(), limits);
}

QByteArray encode(const PullRequest &message, const ProtocolLimits &limits)
{
    BodyWriter b;
    b.w().startMap(3);
    b.field("device_id", message.deviceId);
    b.field("cursor", message.cursor);
    b.field("max_changes", qint64(message.maxChanges));
    b.w().endMap();
    return detail::wrapEnvelope(MessageType::PullRequest, b.take(), limits);
}

QByteArray encode(const PullResponse &message, const ProtocolLimits &limits)
{
    BodyWriter b;
    b.w().startMap(message.serverHlc.isNull() ? 4 : 5);
    b.key("changes");
    b.w().startArray(quint64(message.changes.size()));
    for (const RowChange &c : message.changes)
        writeChange(b, c);
    b.w().endArray();
    b.field("next_cursor", message.nextCursor);
    b.field("has_more", message.hasMore);
    b.key("progress");
    b.w().startMap(4);
    b.field("records_done", message.progress.recordsDone);
    b.field("records_total", message.progress.recordsTotal);
    b.field("bytes_done", message.progress.bytesDone);
    b.field("bytes_total", message.progress.bytesTotal);
    b.w().endMap();
    if (!message.serverHlc.isNull())
        b.field("server_hlc", message.serverHlc);
    b.w().endMap();
    return detail::wrapEnvelope(MessageType::PullResponse, b.take(), limits);
}

QByteArray encode(const ProtocolError &message, const ProtocolLimits &limits)
{
    BodyWriter b;
    b.w().startMap(5);
    b.field("code", message.code);
    b.field("message", message.message);
    b.field("field", message.field);
    b.field("limit", message.limit);
    b.field("supported_version", qint64(message.supportedVersion));
    b.w().endMap();
    return detail::wrapEnvelope(MessageType::ProtocolError, b.take(), limits);
}

} // namespace karvan::sync

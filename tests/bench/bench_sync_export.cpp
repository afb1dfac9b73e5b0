#include "bench_sync_export.h"

#include "bench_sync_process.h"
#include "engine/transport.h"
#include "protocol/codec.h"

#include <QCborValue>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace karvan::bench {

using namespace Qt::StringLiterals;

Result<ScopeExport> exportScopeAsNdjson(const QUrl &server, const QString &token,
                                        const QString &caFile, const QString &deviceId,
                                        const QString &ndjsonPath)
{
    const qint64 started = monotonicNs();
    auto transport = sync::HttpTransport::create({server, token, caFile, 120000});
    if (!transport)
        return transport.error();
    QFile file(ndjsonPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Storage, u"cannot write "_s + ndjsonPath);

    ScopeExport out;
    sync::PullRequest request;
    request.deviceId = QUuid::fromString(deviceId);
    request.maxChanges = 5000;
    for (int batch = 0;; ++batch) {
        auto reply = (*transport)
                         ->post(u"/v1/sync/pull"_s, sync::encode(request),
                                QByteArrayLiteral("application/vnd.karvan.sync"));
        if (!reply)
            return makeError(reply.error().code, u"export pull: "_s + reply.errorMessage());
        if (reply->httpStatus != 200)
            return makeError(ErrorCode::Storage,
                             u"export pull: HQ answered HTTP %1"_s.arg(reply->httpStatus));
        auto response = sync::decodePullResponse(reply->body);
        if (!response)
            return makeError(ErrorCode::Storage, u"export pull: "_s + response.errorMessage());
        QByteArray lines;
        for (const sync::RowChange &c : std::as_const(response->changes)) {
            if (c.op == sync::RowChange::Op::Tombstone) {
                ++out.tombstones;
                continue;
            }
            QJsonObject doc = QCborValue(c.row).toJsonValue().toObject();
            doc.insert(u"_id"_s, QString(c.entity + u'/' + c.id));
            lines += QJsonDocument(doc).toJson(QJsonDocument::Compact);
            lines += '\n';
            ++out.documents;
        }
        if (file.write(lines) != lines.size())
            return makeError(ErrorCode::Storage, u"cannot write "_s + ndjsonPath);
        out.bytes += lines.size();
        if (!response->hasMore)
            break;
        if (response->nextCursor.isEmpty() || batch > 1'000'000)
            return makeError(ErrorCode::Storage, u"export pull: has_more without a cursor"_s);
        request.cursor = response->nextCursor;
    }
    if (!file.flush())
        return makeError(ErrorCode::Storage, u"cannot write "_s + ndjsonPath);
    out.seconds = (monotonicNs() - started) / 1e9;
    return out;
}

} // namespace karvan::bench

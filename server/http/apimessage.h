#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace karvan::hq::http {

// A request as the route handlers see it: plain copies of what QHttpServerRequest holds, so a
// handler can run on a worker thread after the connection that carried it is gone.
struct ApiRequest
{
    QString method; // "GET", "POST", ...
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString remoteAddress;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
};

// A response built on a worker thread. Copyable on purpose: it crosses from the pool back to
// the event loop in a QFuture. Error bodies are always
//   {"error": {"code": "snake_case", "message": "one line", ...extra}}
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray mimeType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    // For the request log only, never sent: who called, and what went wrong inside on a 500.
    QString logUser;
    QString logDevice;
    QString logDetail;

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse error(int status, const QString &code, const QString &message,
                             const QJsonObject &extra = {});
    // A 500 that says nothing about the inside; detail goes to the log.
    static ApiResponse internal(const QString &detail);
    // Maps a storage or domain Error: InvalidArgument 422, NotFound 404, Conflict 409,
    // anything else 500 (without the message).
    static ApiResponse fromError(const Error &error);
};

// Helpers for JSON request bodies. Each returns the 4xx to send when the body does not fit
// (400 for malformed JSON, a wrong type or a missing field; 415 for another content type).
namespace body {

// The body as a JSON object; requires Content-Type application/json.
std::optional<ApiResponse> object(const ApiRequest &request, QJsonObject *out);
// A required non-empty string field of at most maxLength characters.
std::optional<ApiResponse> requiredString(const QJsonObject &object, const QString &field,
                                          qsizetype maxLength, QString *out);
// An optional string field (absent or null leaves out empty).
std::optional<ApiResponse> optionalString(const QJsonObject &object, const QString &field,
                                          qsizetype maxLength, QString *out);
// An optional integer field (a JSON number without a fraction) in [min, max]; absent or null
// leaves *out unchanged and *present false.
std::optional<ApiResponse> optionalInteger(const QJsonObject &object, const QString &field,
                                           qint64 min, qint64 max, qint64 *out,
                                           bool *present = nullptr);
std::optional<ApiResponse> requiredInteger(const QJsonObject &object, const QString &field,
                                           qint64 min, qint64 max, qint64 *out);
// A decimal amount or quantity as a string ("12.50") or an integer number; the text is parsed
// by the caller with Money::parse / Quantity::parse (never through a double).
std::optional<ApiResponse> requiredDecimal(const QJsonObject &object, const QString &field,
                                           QString *out);
std::optional<ApiResponse> optionalDecimal(const QJsonObject &object, const QString &field,
                                           QString *out);
// An optional date "YYYY-MM-DD"; absent leaves *out as fallback.
std::optional<ApiResponse> optionalDate(const QJsonObject &object, const QString &field,
                                        const QDate &fallback, QDate *out);
std::optional<ApiResponse> optionalBool(const QJsonObject &object, const QString &field,
                                        bool fallback, bool *out);
// A required non-empty array of at most maxItems JSON objects.
std::optional<ApiResponse> objectArray(const QJsonObject &object, const QString &field,
                                       qsizetype maxItems, QList<QJsonObject> *out);

} // namespace body

} // namespace karvan::hq::http

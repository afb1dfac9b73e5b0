#include "http/apimessage.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace karvan::hq::http {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message,
                               const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(u"code"_s, code);
    error.insert(u"message"_s, message.simplified());
    return json({{u"error"_s, error}}, status);
}

ApiResponse ApiResponse::internal(const QString &detail)
{
    ApiResponse r
        = error(500, u"internal"_s, u"the server could not complete the request; it was logged"_s);
    r.logDetail = detail.simplified();
    return r;
}

ApiResponse ApiResponse::fromError(const Error &e)
{
    switch (e.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::CurrencyMismatch:
    case ErrorCode::Overflow:
        return error(422, u"invalid_value"_s, e.message);
    case ErrorCode::NotFound:
        return error(404, u"not_found"_s, e.message);
    case ErrorCode::Conflict:
        return error(409, u"conflict"_s, e.message);
    case ErrorCode::Storage:
        break;
    }
    return internal(e.message);
}

namespace body {

std::optional<ApiResponse> object(const ApiRequest &request, QJsonObject *out)
{
    const QByteArray type = request.header("content-type").split(';').constFirst().trimmed();
    if (type.compare("application/json", Qt::CaseInsensitive) != 0) {
        return ApiResponse::error(415, u"unsupported_media_type"_s,
                                  u"send the body as application/json"_s);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ApiResponse::error(
            400, u"malformed_json"_s,
            u"the body is not valid JSON (%1 at offset %2)"_s.arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!doc.isObject())
        return ApiResponse::error(400, u"malformed_json"_s, u"the body must be a JSON object"_s);
    *out = doc.object();
    return std::nullopt;
}

std::optional<ApiResponse> optionalString(const QJsonObject &object, const QString &field,
                                          qsizetype maxLength, QString *out)
{
    out->clear();
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        return ApiResponse::error(400, u"wrong_type"_s,
                                  u"field \"%1\" must be a string"_s.arg(field));
    }
    if (value.toString().size() > maxLength) {
        return ApiResponse::error(
            400, u"too_long"_s,
            u"field \"%1\" is longer than %2 characters"_s.arg(field).arg(maxLength));
    }
    *out = value.toString();
    return std::nullopt;
}

std::optional<ApiResponse> requiredString(const QJsonObject &object, const QString &field,
                                          qsizetype maxLength, QString *out)
{
    if (!object.contains(field) || object.value(field).isNull()) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"%1\" is required"_s.arg(field));
    }
    if (auto problem = optionalString(object, field, maxLength, out))
        return problem;
    if (out->trimmed().isEmpty()) {
        return ApiResponse::error(400, u"missing_field"_s, u"field \"%1\" is empty"_s.arg(field));
    }
    return std::nullopt;
}

} // namespace body

} // namespace karvan::hq::http

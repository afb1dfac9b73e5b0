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

namespace {

ApiResponse wrongType(const QString &field, const QString &what)
{
    return ApiResponse::error(400, u"wrong_type"_s, u"field \"%1\" must be %2"_s.arg(field, what));
}

bool absent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

std::optional<ApiResponse> optionalInteger(const QJsonObject &object, const QString &field,
                                           qint64 min, qint64 max, qint64 *out, bool *present)
{
    if (present)
        *present = false;
    const QJsonValue value = object.value(field);
    if (absent(value))
        return std::nullopt;
    // A JSON number is a double: only integers that it holds exactly are accepted.
    const double d = value.toDouble();
    if (!value.isDouble() || d != double(qint64(d)) || d < -9.0e15 || d > 9.0e15)
        return wrongType(field, u"an integer"_s);
    const qint64 n = qint64(d);
    if (n < min || n > max) {
        return ApiResponse::error(
            422, u"invalid_value"_s,
            u"field \"%1\" must be between %2 and %3"_s.arg(field).arg(min).arg(max));
    }
    *out = n;
    if (present)
        *present = true;
    return std::nullopt;
}

std::optional<ApiResponse> requiredInteger(const QJsonObject &object, const QString &field,
                                           qint64 min, qint64 max, qint64 *out)
{
    bool present = false;
    if (auto p = optionalInteger(object, field, min, max, out, &present))
        return p;
    if (!present) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"%1\" is required"_s.arg(field));
    }
    return std::nullopt;
}

std::optional<ApiResponse> optionalDecimal(const QJsonObject &object, const QString &field,
                                           QString *out)
{
    out->clear();
    const QJsonValue value = object.value(field);
    if (absent(value))
        return std::nullopt;
    if (value.isString()) {
        if (value.toString().size() > 40)
            return wrongType(field, u"a decimal number"_s);
        *out = value.toString().trimmed();
        return std::nullopt;
    }
    const double d = value.toDouble();
    if (value.isDouble() && d == double(qint64(d)) && d > -9.0e15 && d < 9.0e15) {
        *out = QString::number(qint64(d));
        return std::nullopt;
    }
    return wrongType(field, u"a decimal string such as \"12.50\" or an integer"_s);
}

std::optional<ApiResponse> requiredDecimal(const QJsonObject &object, const QString &field,
                                           QString *out)
{
    if (auto p = optionalDecimal(object, field, out))
        return p;
    if (out->isEmpty()) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"%1\" is required"_s.arg(field));
    }
    return std::nullopt;
}

std::optional<ApiResponse> optionalDate(const QJsonObject &object, const QString &field,
                                        const QDate &fallback, QDate *out)
{
    *out = fallback;
    const QJsonValue value = object.value(field);
    if (absent(value))
        return std::nullopt;
    const QString text = value.toString();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!value.isString() || text.size() != 10 || !date.isValid())
        return wrongType(field, u"a date YYYY-MM-DD"_s);
    *out = date;
    return std::nullopt;
}

std::optional<ApiResponse> optionalBool(const QJsonObject &object, const QString &field,
                                        bool fallback, bool *out)
{
    *out = fallback;
    const QJsonValue value = object.value(field);
    if (absent(value))
        return std::nullopt;
    if (!value.isBool())
        return wrongType(field, u"true or false"_s);
    *out = value.toBool();
    return std::nullopt;
}

std::optional<ApiResponse> objectArray(const QJsonObject &object, const QString &field,
                                       qsizetype maxItems, QList<QJsonObject> *out)
{
    out->clear();
    const QJsonValue value = object.value(field);
    if (absent(value)) {
        return ApiResponse::error(400, u"missing_field"_s,
                                  u"field \"%1\" is required"_s.arg(field));
    }
    if (!value.isArray())
        return wrongType(field, u"an array of objects"_s);
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > maxItems) {
        return ApiResponse::error(
            422, u"invalid_value"_s,
            u"field \"%1\" must hold 1 to %2 items"_s.arg(field).arg(maxItems));
    }
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return wrongType(field, u"an array of objects"_s);
        out->append(item.toObject());
    }
    return std::nullopt;
}

} // namespace body

} // namespace karvan::hq::http

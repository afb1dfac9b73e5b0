#include "http/erproutes_support.h"

#include "domain/money.h"
#include "domain/quantity.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace karvan::hq::http::erpapi {

erp::Actor actorOf(const ApiContext &context)
{
    const UserRecord &user = context.caller->user;
    return erp::Actor {user.login, user.role, user.territories};
}

ApiResponse failure(const Error &error)
{
    if (erp::isPermissionDenied(error))
        return ApiResponse::error(403, u"forbidden"_s, error.message);
    return ApiResponse::fromError(error);
}

std::optional<ApiResponse> checkScope(const ApiContext &context, const QString &territory)
{
    const UserRecord &user = context.caller->user;
    if (user.role != Role::Rep || user.territories.contains(territory))
        return std::nullopt;
    return ApiResponse::error(403, u"out_of_scope"_s,
                              u"%1 does not cover territory %2"_s.arg(user.login, territory));
}

namespace {

bool isUuidText(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

} // namespace

std::optional<ApiResponse> idParam(const ApiContext &context, int index, QString *out)
{
    *out = context.params.value(index);
    if (!isUuidText(*out))
        return ApiResponse::error(404, u"not_found"_s, u"no such id: %1"_s.arg(out->left(64)));
    *out = out->toLower();
    return std::nullopt;
}

std::optional<ApiResponse> idField(const QJsonObject &object, const QString &field, bool required,
                                   QString *out)
{
    if (auto p = required ? body::requiredString(object, field, 64, out)
                          : body::optionalString(object, field, 64, out))
        return p;
    if (out->isEmpty())
        return std::nullopt;
    if (!isUuidText(*out)) {
        return ApiResponse::error(422, u"invalid_value"_s,
                                  u"field \"%1\" must be an id (a UUID)"_s.arg(field));
    }
    *out = out->toLower();
    return std::nullopt;
}

std::optional<ApiResponse> amountField(const QJsonObject &object, const QString &field,
                                       const QString &currency, qint64 *minor)
{
    QString text;
    if (auto p = body::requiredDecimal(object, field, &text))
        return p;
    auto money = Money::parse(text, currency);
    if (!money) {
        return ApiResponse::error(422, u"invalid_value"_s,
                                  u"field \"%1\": %2"_s.arg(field, money.errorMessage()));
    }
    *minor = money->minorUnits();
    return std::nullopt;
}

std::optional<ApiResponse> quantityField(const QJsonObject &object, const QString &field,
                                         bool allowNegative, qint64 *milli)
{
    QString text;
    if (auto p = body::requiredDecimal(object, field, &text))
        return p;
    const bool negative = text.startsWith(u'-');
    auto q = Quantity::parse(negative ? text.mid(1) : text, u"ea"_s);
    if (!q || (negative && !allowNegative) || q->milli() == 0) {
        return ApiResponse::error(
            422, u"invalid_value"_s,
            u"field \"%1\" must be a quantity %2 with at most 3 decimals"_s.arg(
                field, allowNegative ? u"other than zero"_s : u"above zero"_s));
    }
    *milli = negative ? -q->milli() : q->milli();
    return std::nullopt;
}

std::optional<ApiResponse> postingDate(const QJsonObject &object, QDate *out)
{
    return body::optionalDate(object, u"date"_s, QDate::currentDate(), out);
}

std::optional<ApiResponse> optionalObject(const ApiContext &context, QJsonObject *out)
{
    if (context.request.body.trimmed().isEmpty()) {
        *out = {};
        return std::nullopt;
    }
    return body::object(context.request, out);
}

std::optional<ApiResponse> onlyFields(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return ApiResponse::error(
                400, u"unknown_field"_s,
                u"unknown field \"%1\" (known: %2)"_s.arg(it.key().left(64), known.join(u", "_s)));
        }
    }
    return std::nullopt;
}

} // namespace karvan::hq::http::erpapi

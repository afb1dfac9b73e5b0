#pragma once

// What the back-office ERP routes (erproutes*.cpp) share: the actor of a request, the mapping
// of ERP errors to HTTP, the rep's territory scope, and small parsers for ids and amounts.

#include "erp/erpcommon.h"
#include "http/hqserver.h"

#include <QDate>
#include <QJsonObject>

namespace karvan::hq::http::erpapi {

// The ERP actor of an authenticated request: the caller's login, role and territories.
erp::Actor actorOf(const ApiContext &context);

// An ERP error as an HTTP answer: permission denied -> 403 forbidden, else
// ApiResponse::fromError (422, 404, 409, 500).
ApiResponse failure(const Error &error);

// 403 out_of_scope when a rep asks for something outside the rep's territories.
std::optional<ApiResponse> checkScope(const ApiContext &context, const QString &territory);

// The route's {id} placeholder as a UUID text; 404 when it cannot be an id (never reaches SQL
// with garbage).
std::optional<ApiResponse> idParam(const ApiContext &context, int index, QString *out);
// A body field holding an id (UUID) of what (customer, invoice...).
std::optional<ApiResponse> idField(const QJsonObject &object, const QString &field, bool required,
                                   QString *out);

// Money::parse of a decimal field in a currency, to minor units; 422 when it does not fit.
std::optional<ApiResponse> amountField(const QJsonObject &object, const QString &field,
                                       const QString &currency, qint64 *minor);
// A quantity field ("2.5" or 3) to thousandths of a unit; must be above zero unless allowNegative.
std::optional<ApiResponse> quantityField(const QJsonObject &object, const QString &field,
                                         bool allowNegative, qint64 *milli);

// The date of a posting: the body's "date" or today.
std::optional<ApiResponse> postingDate(const QJsonObject &object, QDate *out);

// The request body as a JSON object (an empty body is an empty object for action routes).
std::optional<ApiResponse> optionalObject(const ApiContext &context, QJsonObject *out);

// 400 unknown_field when the object has a field not in known (a typo must not be ignored).
std::optional<ApiResponse> onlyFields(const QJsonObject &object, const QStringList &known);

// Routes of erproutes_orders.cpp and erproutes_stock.cpp.
void addOrderRoutes(HqServer &server);
void addStockRoutes(HqServer &server);
// erproutes_alerts.cpp
void addAlertRoutes(HqServer &server);
// erproutes_attachments.cpp
void addAttachmentRoutes(HqServer &server);

} // namespace karvan::hq::http::erpapi

#pragma once

#include "domain/catalog.h"
#include "domain/customer.h"
#include "domain/documents.h"
#include "domain/service.h"

#include <QJsonObject>

// The JSON views of the domain that scripts read (karvan-cli --json) and HQ's API serves.
// Money is {"amount": "12.34", "minor": 1234, "currency": "USD"}: the decimal string for
// people and spreadsheets, the exact integer for programs. Ids are UUID strings without braces.
namespace karvan::json {

QJsonValue money(const Money &m);
QJsonValue quantity(const Quantity &q);
QJsonObject customer(const Customer &c);
QJsonObject product(const Product &p);
QJsonObject document(const SalesDocument &d);
QJsonObject invoice(const Invoice &i);
QJsonObject payment(const Payment &p);
QJsonObject ticket(const Ticket &t);
QJsonObject activity(const Activity &a);
QJsonObject opportunity(const Opportunity &o);

} // namespace karvan::json

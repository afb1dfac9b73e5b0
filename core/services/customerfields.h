#pragma once

#include "domain/customer.h"
#include "domain/result.h"

#include <QCborMap>
#include <QCborValue>
#include <QString>
#include <QStringList>

// Customer master data by field, under the names the device's mutations use on the wire
// (docs/sync-protocol.md, "Device mutation args"). Shared by CustomerService (edits), the
// conflict review (re-apply mine) and, later, the sync engine (server rows, rebase).
namespace karvan::customerfields {

// What a rep may change on a device: name, phone, email, notes, language, contacts, addresses.
const QStringList &repEditable();
// What only HQ changes (a device edit naming one is refused): credit_limit, payment_terms,
// price_list, territory, currency, tax_region, archived, and their column spellings, plus
// code and id.
const QStringList &hqOnly();

// The field's value as it goes on the wire: text for the text fields; contacts as an array of
// {name, role, phone, email}; addresses as an array of {kind, line1, line2, city, region,
// postal_code, country}. Invalid for a name outside repEditable().
QCborValue value(const Customer &customer, const QString &field);
// All rep-editable fields.
QCborMap values(const Customer &customer);

// Checks and applies one rep-editable field. Text is trimmed; null clears a field (except
// name). Errors name the field: wrong type, empty name, malformed email, phone or language
// tag, a contact without a name, an address kind other than billing/shipping, too long.
Result<void> apply(Customer &customer, const QString &field, const QCborValue &value);

// Refuses an HQ-only or unknown field name, naming it.
Result<void> checkEditable(const QString &field);

} // namespace karvan::customerfields

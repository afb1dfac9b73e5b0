#pragma once

#include "domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace karvan {

struct Contact
{
    QString name;
    QString role; // "Purchasing", "Owner", ...
    QString phone;
    QString email;
    bool operator==(const Contact &) const = default;
};

struct Address
{
    enum class Kind { Billing, Shipping };
    Kind kind = Kind::Billing;
    QString line1;
    QString line2;
    QString city;
    QString region; // tax region code, e.g. "TR", "IR-23"
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2
    bool operator==(const Address &) const = default;
};

// Master data a rep and HQ both write (per-field last-writer-wins at sync), plus the fields
// only HQ may change: credit limit, payment terms, price list and territory.
struct Customer
{
    QUuid id;
    QString code; // HQ account number; empty until HQ assigns one to a customer created offline
    QString name;
    QString language; // BCP 47 tag of the customer's language, e.g. "fa", "tr"
    QList<Contact> contacts;
    QList<Address> addresses;
    QString phone;
    QString email;
    QString notes;
    // HQ-authoritative
    QString territory;
    QUuid priceListId; // null: the company's base list only
    int paymentTermsDays = 30;
    std::optional<Money> creditLimit; // none: no credit limit (cash or trusted account)
    QString currency;
    QString taxRegion;
    bool archived = false;
    QDateTime updatedAt;

    bool operator==(const Customer &) const = default;
};

} // namespace karvan

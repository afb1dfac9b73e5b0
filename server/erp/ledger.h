#pragma once

#include "erp/erpcommon.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

namespace karvan::hq {

class Database;

namespace erp {

// The seeded chart of accounts (storage/erpschema.cpp); codes are stable.
namespace Accounts {
inline const QString Cash = QStringLiteral("1000");
inline const QString Receivables = QStringLiteral("1100"); // AR control
inline const QString Inventory = QStringLiteral("1200");
inline const QString TaxReceivable = QStringLiteral("1300");
inline const QString Payables = QStringLiteral("2000"); // AP control
inline const QString Grni = QStringLiteral("2100"); // goods received not invoiced
inline const QString TaxPayable = QStringLiteral("2200");
inline const QString Equity = QStringLiteral("3000"); // owner's equity, opening balances
inline const QString RetainedEarnings = QStringLiteral("3100");
inline const QString Revenue = QStringLiteral("4000");
inline const QString SalesReturns = QStringLiteral("4100");
inline const QString Cogs = QStringLiteral("5000");
inline const QString InventoryAdjustments = QStringLiteral("5100");
} // namespace Accounts

struct JournalLine
{
    QString account;
    qint64 debit = 0; // minor units, exactly one of debit/credit positive
    qint64 credit = 0;
    QString partyId; // the customer (AR) or vendor (AP) of the line; required on those accounts
};

// One journal entry in one currency. Balanced: the debits equal the credits.
struct JournalDraft
{
    QString id; // empty: a new UUIDv7 (callers that reference the entry first set it)
    QDate date;
    QString currency;
    QString memo;
    QString sourceType; // "manual", "delivery", "invoice", ...
    QString sourceId;
    QList<JournalLine> lines;
};

struct AccountBalance
{
    QString account;
    QString name;
    QString type; // asset, liability, equity, revenue, expense
    QString currency;
    qint64 debit = 0;
    qint64 credit = 0;
    qint64 balance() const { return debit - credit; } // debit-positive
};

// The general ledger. Every posting is validated (balanced, known accounts, open period) and
// written with its audit entry in the caller's transaction; a refused posting writes nothing.
class Ledger
{
public:
    explicit Ledger(Database &db)
        : m_db(db)
    { }

    // A manual journal entry by finance. Control accounts (AR, AP, inventory) are refused:
    // they move only through their subledgers, so the subledgers always agree with them.
    Result<QString> postManual(const Actor &actor, JournalDraft draft);

    // Postings of the ERP modules; runs inside the caller's transaction (an error outside one).
    Result<QString> post(const QString &actorName, JournalDraft draft);

    // Closes the month (YYYY-MM) and every month before it: later postings dated in or before
    // it are refused. Closing a month before one already closed is refused too.
    Result<void> closePeriod(const Actor &actor, const QString &yearMonth);
    // "YYYY-MM" of the last closed month; empty when none is closed.
    Result<QString> closedThrough();
    // An error naming the closed period when date falls in it.
    Result<void> checkOpen(const QDate &date, bool lock);

    // Balances per account and currency over entries dated up to asOf (all when invalid).
    Result<QList<AccountBalance>> balances(const QDate &asOf = {}, const QDate &from = {});

private:
    Result<void> validate(const JournalDraft &draft);
    Database &m_db;
    // The chart of accounts, read once per Ledger: a loader posting thousands of entries
    // through one Ledger reads it once, a request building its own Ledger reads it fresh.
    QSet<QString> m_accounts;
};

} // namespace erp
} // namespace karvan::hq

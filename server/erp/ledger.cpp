#include "erp/ledger.h"

#include "domain/money.h"
#include "storage/database.h"
#include "storage/sqldialect.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace karvan::hq::erp {

Result<void> Ledger::validate(const JournalDraft &draft)
{
    if (!draft.date.isValid())
        return invalid(u"journal entry: no valid date"_s);
    if (!Currency::isKnown(draft.currency))
        return invalid(u"journal entry: unknown currency \"%1\""_s.arg(draft.currency));
    if (draft.lines.size() < 2)
        return invalid(u"journal entry: needs at least two lines"_s);
    if (m_accounts.isEmpty()) {
        auto accounts = queryRows(m_db, u"SELECT code FROM accounts"_s);
        if (!accounts)
            return accounts.error();
        for (const Row &row : *accounts)
            m_accounts.insert(row.at(0).toString());
    }
    const QSet<QString> &known = m_accounts;
    __int128 debits = 0, credits = 0;
    for (qsizetype i = 0; i < draft.lines.size(); ++i) {
        const JournalLine &line = draft.lines.at(i);
        const QString where = u"journal entry line %1"_s.arg(i + 1);
        if (!known.contains(line.account))
            return notFound(u"%1: unknown account \"%2\""_s.arg(where, line.account));
        if (line.debit < 0 || line.credit < 0)
            return invalid(u"%1: negative amount"_s.arg(where));
        if ((line.debit > 0) == (line.credit > 0))
            return invalid(u"%1: needs exactly one of a debit or a credit"_s.arg(where));
        if ((line.account == Accounts::Receivables || line.account == Accounts::Payables)
            && line.partyId.isEmpty())
            return invalid(u"%1: a line on control account %2 needs its customer or vendor"_s.arg(
                where, line.account));
        debits += line.debit;
        credits += line.credit;
    }
    if (debits != credits) {
        return invalid(u"journal entry is not balanced: debits %1, credits %2 (minor units of %3)"_s
                           .arg(static_cast<qint64>(debits))
                           .arg(static_cast<qint64>(credits))
                           .arg(draft.currency));
    }
    if (debits > std::numeric_limits<qint64>::max())
        return makeError(ErrorCode::Overflow, u"journal entry: amounts overflow"_s);
    return {};
}

Result<QString> Ledger::postManual(const Actor &actor, JournalDraft draft)
{
    if (auto a = authorize(actor, Operation::Journal); !a)
        return a.error();
    for (const JournalLine &line : draft.lines) {
        if (line.account == Accounts::Receivables || line.account == Accounts::Payables
            || line.account == Accounts::Inventory) {
            return invalid(
                u"account %1 is a control account; it moves only through its "
                "subledger (invoices, payments, bills, stock moves)"_s.arg(line.account));
        }
    }
    draft.sourceType = u"manual"_s;
    QString id;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto posted = post(actor.auditName(), draft);
        if (!posted)
            return posted.error();
        id = *posted;
        return {};
    });
    if (!r)
        return r.error();
    return id;
}

Result<QString> Ledger::post(const QString &actorName, JournalDraft draft)
{
    if (!m_db.inTransaction())
        return invalid(u"a journal entry is posted inside a transaction"_s);
    if (auto v = validate(draft); !v)
        return v.error();
    if (auto open = checkOpen(draft.date, true); !open)
        return open.error();
    if (draft.id.isEmpty())
        draft.id = newId();
    if (auto r
        = execSql(m_db,
                  u"INSERT INTO journal_entries (id, entry_date, currency, memo, source_type, "
                  "source_id, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  {draft.id, dateText(draft.date), draft.currency, draft.memo, draft.sourceType,
                   draft.sourceId, actorName, nowUtc()});
        !r)
        return r.error();
    QJsonArray lines;
    for (qsizetype i = 0; i < draft.lines.size(); ++i) {
        const JournalLine &line = draft.lines.at(i);
        if (auto r
            = execSql(m_db,
                      u"INSERT INTO journal_lines (entry_id, line_no, account_code, "
                      "debit_minor, credit_minor, currency, party_id) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                      {draft.id, int(i + 1), line.account, line.debit, line.credit, draft.currency,
                       line.partyId.isEmpty() ? QVariant() : QVariant(line.partyId)});
            !r)
            return r.error();
        QJsonObject l {
            {u"account"_s, line.account}, {u"debit"_s, line.debit}, {u"credit"_s, line.credit}};
        if (!line.partyId.isEmpty())
            l.insert(u"party"_s, line.partyId);
        lines.append(l);
    }
    if (auto a
        = audit(m_db, actorName, u"journal.post"_s, u"journal_entry"_s, draft.id, QJsonObject(),
                QJsonObject {{u"date"_s, dateText(draft.date)},
                             {u"currency"_s, draft.currency},
                             {u"memo"_s, draft.memo},
                             {u"source"_s, QString(draft.sourceType + u':' + draft.sourceId)},
                             {u"lines"_s, lines}});
        !a)
        return a.error();
    return draft.id;
}

Result<QString> Ledger::closedThrough()
{
    auto v = m_db.scalar(u"SELECT value FROM erp_settings WHERE key = 'closed_through'"_s);
    if (!v)
        return v.error();
    return v->toString();
}

Result<void> Ledger::checkOpen(const QDate &date, bool lock)
{
    // The lock makes a posting and a period close on PostgreSQL serialize.
    auto row = queryRow(m_db,
                        u"SELECT value FROM erp_settings WHERE key = 'closed_through'"_s
                            + (lock ? sqldialect::forUpdate(m_db.backend()) : QString()));
    if (!row)
        return row.error();
    const QString closed = row->isEmpty() ? QString() : row->at(0).toString();
    if (!closed.isEmpty() && date.toString(u"yyyy-MM"_s) <= closed) {
        return conflict(
            u"period %1 is closed (books closed through %2); post in a later period"_s.arg(
                date.toString(u"yyyy-MM"_s), closed));
    }
    return {};
}

Result<void> Ledger::closePeriod(const Actor &actor, const QString &yearMonth)
{
    if (auto a = authorize(actor, Operation::PeriodClose); !a)
        return a;
    static const QRegularExpression pattern(u"^\\d{4}-(0[1-9]|1[0-2])$"_s);
    if (!pattern.match(yearMonth).hasMatch())
        return invalid(u"period must be YYYY-MM, got \"%1\""_s.arg(yearMonth));
    return m_db.transaction([&]() -> Result<void> {
        auto row = queryRow(m_db,
                            u"SELECT value FROM erp_settings WHERE key = 'closed_through'"_s
                                + sqldialect::forUpdate(m_db.backend()));
        if (!row)
            return row.error();
        const QString before = row->isEmpty() ? QString() : row->at(0).toString();
        if (!before.isEmpty() && yearMonth <= before)
            return conflict(u"the books are already closed through %1"_s.arg(before));
        if (auto r
            = execSql(m_db, u"UPDATE erp_settings SET value = ? WHERE key = 'closed_through'"_s,
                      {yearMonth});
            !r)
            return r;
        return audit(m_db, actor, u"period.close"_s, u"period"_s, yearMonth,
                     {{u"closed_through"_s, before}}, {{u"closed_through"_s, yearMonth}});
    });
}

Result<QList<AccountBalance>> Ledger::balances(const QDate &asOf, const QDate &from)
{
    QString where = u"1 = 1"_s;
    QVariantList bindings;
    if (asOf.isValid()) {
        where += u" AND e.entry_date <= ?"_s;
        bindings.append(dateText(asOf));
    }
    if (from.isValid()) {
        where += u" AND e.entry_date >= ?"_s;
        bindings.append(dateText(from));
    }
    auto rows = queryRows(
        m_db,
        u"SELECT a.code, a.name, a.type, l.currency, COALESCE(SUM(l.debit_minor), 0), "
        "COALESCE(SUM(l.credit_minor), 0) FROM journal_lines l "
        "JOIN journal_entries e ON e.id = l.entry_id JOIN accounts a ON a.code = l.account_code "
        "WHERE %1 GROUP BY a.code, a.name, a.type, l.currency ORDER BY l.currency, a.code"_s.arg(
            where),
        bindings);
    if (!rows)
        return rows.error();
    QList<AccountBalance> out;
    for (const Row &r : *rows) {
        out.append(AccountBalance {r.at(0).toString(), r.at(1).toString(), r.at(2).toString(),
                                   r.at(3).toString(), r.at(4).toString().toLongLong(),
                                   r.at(5).toString().toLongLong()});
    }
    return out;
}

} // namespace karvan::hq::erp

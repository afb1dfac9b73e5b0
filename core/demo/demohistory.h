#pragma once

// Internal to core/demo: the day-by-day simulation of the demo's sales history.

#include "demo/demorun.h"

namespace karvan::demo {

struct Event
{
    enum class Type { Convert, Invoice, Payment };
    Type type = Type::Invoice;
    int customer = 0;
    QUuid ref; // the quote (Convert), order (Invoice) or invoice (Payment; null: on account)
    qint64 amountMinor = 0;
    QList<PricingRequest::Line> lines; // Convert
    QString method; // Payment
};

class History
{
public:
    explicit History(DemoRun &run);
    Result<void> simulate();

private:
    void startDay(int day);
    qint64 tick();
    QDateTime at(qint64 millis) const
    {
        return QDateTime::fromMSecsSinceEpoch(millis, QTimeZone::utc());
    }
    qint64 target(qint64 total) const;
    int age() const { return m_run.m_days - 1 - m_day; }
    int pickCustomer();
    const QString &repOf(const CustomerInfo &c) const
    {
        return m_run.m_reps.at(c.territory).at(c.rep);
    }
    const DemoLanguage &languageOf(const CustomerInfo &c) const
    {
        return demoLanguages().at(c.territory);
    }
    QString number(const char16_t *prefix, int *sequence) const
    {
        return QStringLiteral("%1-%2-%3")
            .arg(QString::fromUtf16(prefix))
            .arg(m_date.year())
            .arg(++*sequence, 6, 10, QChar(u'0'));
    }
    Money money(qint64 minor) const { return Money::fromMinor(minor, m_run.m_currency).value(); }
    void schedule(int day, Event event);

    QList<PricingRequest::Line> pickLines(const CustomerInfo &c, int count);
    Quantity pickQuantity(const CustomerInfo &c, const ProductInfo &p);
    void fillDocument(SalesDocument &doc, const CustomerInfo &c, const PricedDocument &priced);

    Result<void> createQuote(int customer);
    Result<void> createOrder(int customer, const QList<PricingRequest::Line> &lines,
                             const QUuid &sourceQuote, bool mustInvoice);
    Result<void> topUp(int customer);
    Result<void> emitInvoice(const Event &e);
    Result<void> emitPayment(const Event &e);
    Result<void> createTicket(int customer);
    Result<void> createActivity(int customer);
    Result<void> createOpportunity(int customer);

    DemoRun &m_run;
    DemoRandom m_random;
    std::vector<std::vector<Event>> m_agenda;
    std::vector<std::vector<int>> m_stretchByDay;
    std::vector<std::vector<int>> m_followUps; // stretched customers ordering again
    std::vector<quint64> m_dayWeights; // cumulative
    int m_day = 0;
    QDate m_date;
    qint64 m_clock = 0;
    qint64 m_dayEnd = 0;
    qint64 m_tickMax = 60'000;
    qint64 m_todayEnd = 0;
    qint64 m_lines = 0, m_quotes = 0, m_tickets = 0, m_activities = 0, m_opportunities = 0;
    int m_orderSeq = 0, m_quoteSeq = 0, m_invoiceSeq = 0, m_ticketSeq = 0;
};

} // namespace karvan::demo

// The service side of the demo's history: tickets with their comments, the reps' visits, calls
// and notes, and sales opportunities, in the customers' own languages.

#include "demo/demohistory.h"

using namespace Qt::StringLiterals;

namespace karvan::demo {

Result<void> History::createTicket(int customer)
{
    const CustomerInfo &c = m_run.m_customers[customer];
    const DemoLanguage &lang = languageOf(c);
    Ticket t;
    const qint64 created = tick();
    t.id = m_run.nextId(created);
    t.number = number(u"TCK", &m_ticketSeq);
    t.customerId = c.id;
    const int topic = m_random.index(lang.ticketSubjects.size());
    t.subject = lang.ticketSubjects.at(topic);
    t.description = lang.ticketDescriptions.at(topic);
    const int a = age();
    using S = Ticket::Status;
    if (a > 30) {
        static const int w[] = {750, 150, 50, 50};
        static const S s[] = {S::Closed, S::Resolved, S::Open, S::WaitingOnCustomer};
        t.status = s[m_random.weightedPerMille(w)];
    } else if (a > 7) {
        static const int w[] = {350, 300, 150, 120, 80};
        static const S s[] = {S::Resolved, S::Closed, S::InProgress, S::WaitingOnCustomer, S::Open};
        t.status = s[m_random.weightedPerMille(w)];
    } else {
        static const int w[] = {450, 350, 150, 50};
        static const S s[] = {S::Open, S::InProgress, S::WaitingOnCustomer, S::Resolved};
        t.status = s[m_random.weightedPerMille(w)];
    }
    static const int pw[] = {200, 550, 200, 50};
    t.priority = Ticket::Priority(m_random.weightedPerMille(pw));
    t.assignee = repOf(c);
    t.createdAt = at(created);

    int comments = 0;
    switch (t.status) {
    case S::Open:
        comments = int(m_random.between(0, 1));
        break;
    case S::InProgress:
        comments = int(m_random.between(1, 2));
        break;
    case S::WaitingOnCustomer:
        comments = int(m_random.between(1, 3));
        break;
    case S::Resolved:
    case S::Closed:
        comments = int(m_random.between(2, 4));
        break;
    }
    qint64 when = created;
    const int last = int(lang.ticketComments.size()) - 1; // "the customer confirmed the fix"
    const int first = m_random.index(last);
    for (int k = 0; k < comments; ++k) {
        when += m_random.between(3'600'000LL, 72 * 3'600'000LL);
        if (when > m_todayEnd)
            break;
        const bool closing
            = k == comments - 1 && (t.status == S::Resolved || t.status == S::Closed);
        t.comments.append(
            TicketComment {m_run.looseId(when), k % 2 == 0 ? repOf(c) : u"manager"_s, at(when),
                           lang.ticketComments.at(closing ? last : (first + k) % last)});
    }
    t.updatedAt = t.comments.isEmpty() ? t.createdAt : t.comments.last().at;
    KARVAN_DEMO_TRY(m_run.m_sink.ticket(t));
    ++m_run.m_summary.tickets;
    m_run.m_summary.ticketComments += t.comments.size();
    ++m_tickets;
    return {};
}

Result<void> History::createActivity(int customer)
{
    const CustomerInfo &c = m_run.m_customers[customer];
    const DemoLanguage &lang = languageOf(c);
    Activity a;
    const qint64 when = tick();
    a.id = m_run.nextId(when);
    a.customerId = c.id;
    static const int w[] = {600, 300, 100};
    a.kind = Activity::Kind(m_random.weightedPerMille(w));
    a.at = at(when);
    switch (a.kind) {
    case Activity::Kind::Visit:
        a.subject = m_random.pick(lang.visitSubjects);
        a.durationMinutes = int(m_random.between(10, 60));
        break;
    case Activity::Kind::Call:
        a.subject = m_random.pick(lang.callSubjects);
        a.durationMinutes = int(m_random.between(2, 20));
        break;
    case Activity::Kind::Note:
        a.subject = m_random.pick(lang.noteSubjects);
        break;
    }
    if (m_random.chance(500))
        a.notes = m_random.pick(lang.activityNotes);
    a.author = repOf(c);
    KARVAN_DEMO_TRY(m_run.m_sink.activity(a));
    ++m_run.m_summary.activities;
    ++m_activities;
    return {};
}

Result<void> History::createOpportunity(int customer)
{
    const CustomerInfo &c = m_run.m_customers[customer];
    Opportunity o;
    o.id = m_run.nextId(tick());
    o.customerId = c.id;
    o.title = m_random.pick(languageOf(c).opportunityTitles);
    o.amount = money(m_random.between(10, 500) * 100 * 100);
    o.expectedClose = m_date.addDays(m_random.between(20, 120));
    using St = Opportunity::Stage;
    if (o.expectedClose < m_run.m_today) {
        o.stage = m_random.chance(450) ? St::Won : St::Lost;
    } else {
        static const St open[] = {St::Prospecting, St::Qualified, St::Proposal, St::Negotiation};
        o.stage = open[m_random.below(4)];
    }
    static const int probability[] = {10, 25, 50, 70, 100, 0}; // by stage
    o.probabilityPercent = probability[int(o.stage)];
    o.owner = repOf(c);
    KARVAN_DEMO_TRY(m_run.m_sink.opportunity(o));
    ++m_run.m_summary.opportunities;
    ++m_opportunities;
    return {};
}

} // namespace karvan::demo

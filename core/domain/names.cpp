#include "domain/names.h"

#include <array>
#include <utility>

namespace karvan {

namespace {

template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char16_t *>, N>;

template<typename Enum, std::size_t N> QString nameOf(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return QString();
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &table, const QString &name)
{
    for (const auto &[v, n] : table) {
        if (name == QStringView(n))
            return v;
    }
    return std::nullopt;
}

constexpr NameTable<Ticket::Status, 5> kTicketStatuses {{
    {Ticket::Status::Open, u"open"},
    {Ticket::Status::InProgress, u"in_progress"},
    {Ticket::Status::WaitingOnCustomer, u"waiting_on_customer"},
    {Ticket::Status::Resolved, u"resolved"},
    {Ticket::Status::Closed, u"closed"},
}};

constexpr NameTable<Ticket::Priority, 4> kTicketPriorities {{
    {Ticket::Priority::Low, u"low"},
    {Ticket::Priority::Normal, u"normal"},
    {Ticket::Priority::High, u"high"},
    {Ticket::Priority::Urgent, u"urgent"},
}};

constexpr NameTable<Activity::Kind, 3> kActivityKinds {{
    {Activity::Kind::Visit, u"visit"},
    {Activity::Kind::Call, u"call"},
    {Activity::Kind::Note, u"note"},
}};

constexpr NameTable<Opportunity::Stage, 6> kOpportunityStages {{
    {Opportunity::Stage::Prospecting, u"prospecting"},
    {Opportunity::Stage::Qualified, u"qualified"},
    {Opportunity::Stage::Proposal, u"proposal"},
    {Opportunity::Stage::Negotiation, u"negotiation"},
    {Opportunity::Stage::Won, u"won"},
    {Opportunity::Stage::Lost, u"lost"},
}};

constexpr NameTable<Address::Kind, 2> kAddressKinds {{
    {Address::Kind::Billing, u"billing"},
    {Address::Kind::Shipping, u"shipping"},
}};

} // namespace

QString ticketStatusName(Ticket::Status s)
{
    return nameOf(kTicketStatuses, s);
}
std::optional<Ticket::Status> parseTicketStatus(const QString &n)
{
    return valueOf(kTicketStatuses, n);
}
QString ticketPriorityName(Ticket::Priority p)
{
    return nameOf(kTicketPriorities, p);
}
std::optional<Ticket::Priority> parseTicketPriority(const QString &n)
{
    return valueOf(kTicketPriorities, n);
}
QString activityKindName(Activity::Kind k)
{
    return nameOf(kActivityKinds, k);
}
std::optional<Activity::Kind> parseActivityKind(const QString &n)
{
    return valueOf(kActivityKinds, n);
}
QString opportunityStageName(Opportunity::Stage s)
{
    return nameOf(kOpportunityStages, s);
}
std::optional<Opportunity::Stage> parseOpportunityStage(const QString &n)
{
    return valueOf(kOpportunityStages, n);
}
QString addressKindName(Address::Kind k)
{
    return nameOf(kAddressKinds, k);
}
std::optional<Address::Kind> parseAddressKind(const QString &n)
{
    return valueOf(kAddressKinds, n);
}

} // namespace karvan

#pragma once

#include "domain/customer.h"
#include "domain/service.h"

#include <QString>

#include <optional>

// The stable names of the domain's enums: stored in databases, sent on the wire and printed
// by --json. One table each, here, so store, sync, HQ and scripts never disagree.
namespace karvan {

QString ticketStatusName(Ticket::Status status); // open, in_progress, waiting_on_customer, ...
std::optional<Ticket::Status> parseTicketStatus(const QString &name);
QString ticketPriorityName(Ticket::Priority priority); // low, normal, high, urgent
std::optional<Ticket::Priority> parseTicketPriority(const QString &name);
QString activityKindName(Activity::Kind kind); // visit, call, note
std::optional<Activity::Kind> parseActivityKind(const QString &name);
QString opportunityStageName(Opportunity::Stage stage); // prospecting ... won, lost
std::optional<Opportunity::Stage> parseOpportunityStage(const QString &name);
QString addressKindName(Address::Kind kind); // billing, shipping
std::optional<Address::Kind> parseAddressKind(const QString &name);

} // namespace karvan

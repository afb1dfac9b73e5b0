#include "domain/documents.h"

#include <array>
#include <utility>

namespace karvan {

namespace {

// Stable names: stored in the local database and sent on the wire.
constexpr std::array<std::pair<DocumentStatus, const char16_t *>, 12> kStatusNames {{
    {DocumentStatus::Draft, u"draft"},
    {DocumentStatus::PendingSync, u"pending_sync"},
    {DocumentStatus::Confirmed, u"confirmed"},
    {DocumentStatus::CreditHold, u"credit_hold"},
    {DocumentStatus::Backordered, u"backordered"},
    {DocumentStatus::PartiallyAllocated, u"partially_allocated"},
    {DocumentStatus::Rejected, u"rejected"},
    {DocumentStatus::Cancelled, u"cancelled"},
    {DocumentStatus::Delivered, u"delivered"},
    {DocumentStatus::Invoiced, u"invoiced"},
    {DocumentStatus::Converted, u"converted"},
    {DocumentStatus::Expired, u"expired"},
}};

} // namespace

QString documentStatusName(DocumentStatus status)
{
    for (const auto &[s, name] : kStatusNames)
        if (s == status)
            return QString::fromUtf16(name);
    return QString();
}

bool parseDocumentStatus(const QString &name, DocumentStatus *out)
{
    for (const auto &[s, n] : kStatusNames) {
        if (name == QStringView(n)) {
            if (out)
                *out = s;
            return true;
        }
    }
    return false;
}

} // namespace karvan

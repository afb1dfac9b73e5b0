#include "protocol/codec.h"

using namespace Qt::StringLiterals;

namespace karvan::sync {

QString statusName(MutationResult::Status status)
{
    switch (status) {
    case MutationResult::Status::Applied:
        return u"applied"_s;
    case MutationResult::Status::AppliedWithChanges:
        return u"applied_with_changes"_s;
    case MutationResult::Status::Rejected:
        return u"rejected"_s;
    }
    return {};
}

QString opName(RowChange::Op op)
{
    return op == RowChange::Op::Upsert ? u"upsert"_s : u"tombstone"_s;
}

QString messageTypeName(MessageType type)
{
    switch (type) {
    case MessageType::PushRequest:
        return u"push_request"_s;
    case MessageType::PushResponse:
        return u"push_response"_s;
    case MessageType::PullRequest:
        return u"pull_request"_s;
    case MessageType::PullResponse:
        return u"pull_response"_s;
    case MessageType::ProtocolError:
        return u"protocol_error"_s;
    }
    return u"unknown"_s;
}

} // namespace karvan::sync

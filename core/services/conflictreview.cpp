#include "services/conflictreview.h"

#include "store/localstore.h"

namespace karvan {

using namespace Qt::StringLiterals;

Result<void> ConflictReview::keepTheirs(const QUuid &conflictId)
{
    return m_store.transaction([&]() -> Result<void> {
        return ConflictRepository(m_store).markResolved(conflictId,
                                                        ConflictRecord::Resolution::KeepTheirs);
    });
}

Result<CustomerChange> ConflictReview::reapplyMine(const QUuid &conflictId)
{
    CustomerChange change;
    auto result = m_store.transaction([&]() -> Result<void> {
        ConflictRepository conflicts(m_store);
        auto c = conflicts.get(conflictId);
        if (!c)
            return c.error();
        if (c->isResolved())
            return makeError(ErrorCode::Conflict,
                             u"the conflict on %1 is resolved already"_s.arg(c->field));
        if (c->entity != u"customer"_s)
            return makeError(
                ErrorCode::InvalidArgument,
                u"re-applying a %1 field is not supported on a device"_s.arg(c->entity));
        const QUuid customerId = QUuid::fromString(c->entityId);
        auto edit
            = CustomerService(m_store, m_clock).reapply(customerId, QCborMap {{c->field, c->mine}});
        if (!edit)
            return edit.error();
        change = std::move(edit).value();
        return conflicts.markResolved(conflictId, ConflictRecord::Resolution::ReapplyMine);
    });
    if (!result)
        return result.error();
    return change;
}

} // namespace karvan

#pragma once

#include "domain/result.h"
#include "services/customerservice.h"
#include "services/hlcsource.h"
#include "store/conflictrepository.h"

#include <QUuid>

namespace karvan {

class LocalStore;

// The rep's answer to a conflict record (store/conflictrepository.h).
//   keep theirs:    the row already holds the winning value; the record is marked resolved.
//   re-apply mine:  a new customer edit of the field with the rep's value and a fresh HLC
//                   (CustomerService::reapply: row, field_versions, ONE outbox mutation), and
//                   the record marked resolved, in one transaction; the new stamp then wins
//                   on every replica.
class ConflictReview
{
public:
    ConflictReview(LocalStore &store, HlcSource clock)
        : m_store(store)
        , m_clock(std::move(clock))
    { }

    Result<void> keepTheirs(const QUuid &conflictId);
    // Customer fields only; refused (nothing written) for an archived customer, a resolved
    // conflict, or a value that is no longer valid.
    Result<CustomerChange> reapplyMine(const QUuid &conflictId);

private:
    LocalStore &m_store;
    HlcSource m_clock;
};

} // namespace karvan

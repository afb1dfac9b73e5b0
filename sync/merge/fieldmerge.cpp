#include "merge/fieldmerge.h"

#include <algorithm>

namespace karvan::sync {

bool winsOver(const FieldVersion &a, const FieldVersion &b)
{
    if (const auto order = a.hlc <=> b.hlc; order != 0)
        return order > 0;
    return a.value.toCbor() > b.value.toCbor();
}

FieldMergeResult mergeFields(const FieldMap &base, const FieldMap &mine, const FieldMap &theirs)
{
    FieldMergeResult result;
    QList<QString> fields = base.keys() + mine.keys() + theirs.keys();
    std::sort(fields.begin(), fields.end());
    fields.erase(std::unique(fields.begin(), fields.end()), fields.end());

    for (const QString &field : std::as_const(fields)) {
        const auto b = base.constFind(field);
        const auto m = mine.constFind(field);
        const auto t = theirs.constFind(field);
        const bool hasBase = b != base.constEnd();
        const bool hasMine = m != mine.constEnd();
        const bool hasTheirs = t != theirs.constEnd();

        // The winner among every version known, base included (a side that never saw a
        // write keeps whatever base had).
        const FieldVersion *winner = hasBase ? &*b : nullptr;
        for (const FieldVersion *candidate : {hasMine ? &*m : nullptr, hasTheirs ? &*t : nullptr}) {
            if (candidate && (!winner || winsOver(*candidate, *winner)))
                winner = candidate;
        }
        result.merged.insert(field, *winner);

        if (!hasMine || !hasTheirs)
            continue;
        const bool mineChanged = !hasBase || m->hlc != b->hlc;
        const bool theirsChanged = !hasBase || t->hlc != b->hlc;
        // Concurrent edits to different values where mine lost: the losing side reviews it.
        if (mineChanged && theirsChanged && m->value != t->value && winner == &*t)
            result.conflicts.append(
                FieldConflict {field, hasBase ? std::optional(*b) : std::nullopt, *m, *t, *t});
    }
    return result;
}

} // namespace karvan::sync

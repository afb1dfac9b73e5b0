#pragma once

#include "hlc.h"

#include <QCborValue>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace karvan::sync {

// One field of customer master data as a replica knows it: its value and the HLC of the
// write that set it. A cleared field is a null value with its own HLC; a field missing from
// a map means "this replica has never seen a write to it".
struct FieldVersion
{
    QCborValue value;
    Hlc hlc;
    bool operator==(const FieldVersion &) const = default;
};

using FieldMap = QMap<QString, FieldVersion>;

// A field that both sides changed since base, to different values, where this replica's
// ("mine") value lost. The rep reviews it: keep theirs, or re-apply mine (a new write with a
// new HLC, which then wins everywhere).
struct FieldConflict
{
    QString field;
    std::optional<FieldVersion> base;
    FieldVersion mine;
    FieldVersion theirs;
    FieldVersion winner; // always theirs here; kept so a stored record is self-describing
    bool operator==(const FieldConflict &) const = default;
};

struct FieldMergeResult
{
    FieldMap merged;
    QList<FieldConflict> conflicts; // ordered by field name
};

// Per-field last-writer-wins. For every field the version with the higher HLC wins (ties by
// node id are part of Hlc's order; a complete tie, which only a buggy writer produces, goes
// to the larger CBOR encoding), so every replica merging the same versions picks the same
// winner whichever side it calls "mine". Pure: no clock, no I/O.
FieldMergeResult mergeFields(const FieldMap &base, const FieldMap &mine, const FieldMap &theirs);

// True when a wins over b under the rule above.
bool winsOver(const FieldVersion &a, const FieldVersion &b);

} // namespace karvan::sync

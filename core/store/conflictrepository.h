#pragma once

#include "domain/result.h"

#include <QCborValue>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace karvan {

class LocalStore;

// One field that this device and another writer both changed, where last-writer-wins by HLC
// picked a winner (sync/merge/fieldmerge.h). The losing value is kept here until the rep
// reviews it: keep theirs (just resolved) or re-apply mine (a new edit with a fresh HLC, see
// ConflictReview in services/).
struct ConflictRecord
{
    enum class Side { Mine, Theirs };
    enum class Resolution { Unresolved, KeepTheirs, ReapplyMine };

    QUuid id; // assigned by record() when null
    QString entity; // "customer", "ticket"
    QString entityId;
    QString field; // wire name, e.g. "phone", "contacts"
    std::optional<QCborValue> base; // none: no common ancestor known
    QCborValue mine;
    QCborValue theirs;
    Side winner = Side::Theirs; // the side whose value the row now holds
    QString mineHlc; // sortable HLC text
    QString theirsHlc;
    QDateTime detectedAt; // record() uses now when invalid
    QDateTime resolvedAt;
    Resolution resolution = Resolution::Unresolved;

    bool isResolved() const { return resolution != Resolution::Unresolved; }
};

QString conflictResolutionName(ConflictRecord::Resolution resolution); // keep_theirs, ...

class ConflictRepository
{
public:
    explicit ConflictRepository(LocalStore &store)
        : m_store(store)
    { }

    // Stores an unresolved conflict and returns its id.
    Result<QUuid> record(const ConflictRecord &conflict);
    Result<ConflictRecord> get(const QUuid &id);
    // Oldest first.
    Result<QList<ConflictRecord>> listUnresolved(int limit = 500);
    Result<qint64> countUnresolved();
    // Marks a conflict resolved; NotFound if unknown, Conflict if it is resolved already.
    // Does not touch the entity: re-applying mine is ConflictReview's job.
    Result<void> markResolved(const QUuid &id, ConflictRecord::Resolution resolution,
                              const QDateTime &at = QDateTime::currentDateTimeUtc());

private:
    Result<QList<ConflictRecord>> load(const QString &where, const QVariantList &values);

    LocalStore &m_store;
};

} // namespace karvan

#pragma once

#include "domain/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace karvan {

class LocalStore;

// The HLC of the write that last set each field of an entity on this device: written by the
// device's services when the rep edits (CustomerService) and by the sync engine when server
// rows arrive. HLCs are the sortable text form "wwwwwwwwwwww-cccccccc-node"
// (docs/sync-protocol.md section 6), so comparing them as strings orders them.
class FieldVersionRepository
{
public:
    explicit FieldVersionRepository(LocalStore &store)
        : m_store(store)
    { }

    // Stamps every field in `fields` with hlc (insert or replace).
    Result<void> stamp(const QString &entity, const QString &entityId, const QStringList &fields,
                       const QString &hlc);
    // field -> hlc for one entity; empty when nothing was ever stamped.
    Result<QMap<QString, QString>> versions(const QString &entity, const QString &entityId);
    // The greatest stamp of the entity's fields, empty when none.
    Result<QString> latest(const QString &entity, const QString &entityId);
    // Forgets an entity's stamps (it left the device's scope).
    Result<void> remove(const QString &entity, const QString &entityId);

private:
    LocalStore &m_store;
};

} // namespace karvan

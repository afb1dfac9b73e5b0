#pragma once

#include "domain/result.h"

#include <QList>
#include <QString>

namespace karvan::hq {

// What a user may do at HQ. The name is what the database, the CLI and the API use.
enum class Role {
    Rep, // field sales: own territories' customers and documents
    Manager, // sales manager: approves credit holds, sees the team
    Warehouse, // stock, picking, receiving
    Finance, // ledger, receivables, payables
    Admin, // users, configuration, audit
    Kiosk, // a store or restaurant kiosk: catalog and its store
};

QString roleName(Role role);
QList<Role> allRoles();
// "rep", "manager", ... (case-insensitive); an error listing the known names otherwise.
Result<Role> roleFromName(const QString &name);

} // namespace karvan::hq

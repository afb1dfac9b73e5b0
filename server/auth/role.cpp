#include "auth/role.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace karvan::hq {

QString roleName(Role role)
{
    switch (role) {
    case Role::Rep:
        return u"rep"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::Warehouse:
        return u"warehouse"_s;
    case Role::Finance:
        return u"finance"_s;
    case Role::Admin:
        return u"admin"_s;
    case Role::Kiosk:
        return u"kiosk"_s;
    }
    return {};
}

QList<Role> allRoles()
{
    return {Role::Rep, Role::Manager, Role::Warehouse, Role::Finance, Role::Admin, Role::Kiosk};
}

Result<Role> roleFromName(const QString &name)
{
    QStringList known;
    for (const Role role : allRoles()) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
        known.append(roleName(role));
    }
    return makeError(ErrorCode::InvalidArgument,
                     u"unknown role \"%1\" (expected one of: %2)"_s.arg(name, known.join(u", "_s)));
}

} // namespace karvan::hq

#include "storage/alertschema.h"

#include "storage/database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace karvan::hq {

Result<void> createAlerts(Database &db)
{
    const QStringList statements {
        // audience: the department that acts on it ('purchasing', 'finance', 'sales'; which
        // roles belong to each is erp::Alerts::audienceRoles); recipient: the one login it is
        // also for (a rep), or ''. Timestamps as everywhere: UTC ISO 8601 text.
        u"CREATE TABLE alerts ("
        "  id TEXT PRIMARY KEY,"
        "  kind TEXT NOT NULL CHECK (kind IN ('low_stock', 'credit_hold', 'overdue_invoice')),"
        "  audience TEXT NOT NULL,"
        "  recipient TEXT NOT NULL DEFAULT '',"
        "  entity TEXT NOT NULL,"
        "  entity_id TEXT NOT NULL,"
        "  message TEXT NOT NULL,"
        "  created_at TEXT NOT NULL,"
        "  resolved_at TEXT,"
        "  resolved_by TEXT NOT NULL DEFAULT '')"_s,
        // At most one open alert per (kind, entity): raising it again does nothing, also when
        // two HQ processes raise it at once (INSERT ... ON CONFLICT DO NOTHING).
        u"CREATE UNIQUE INDEX alerts_open_once ON alerts (kind, entity, entity_id) "
        "WHERE resolved_at IS NULL"_s,
        u"CREATE INDEX alerts_by_recipient ON alerts (recipient, created_at)"_s,
        u"CREATE INDEX alerts_by_audience ON alerts (audience, created_at)"_s,
    };
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r.error();
    }
    return {};
}

} // namespace karvan::hq

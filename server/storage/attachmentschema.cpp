#include "storage/attachmentschema.h"

#include "storage/database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace karvan::hq {

Result<void> createAttachments(Database &db)
{
    const QString blob = db.backend() == Backend::Postgres ? u"BYTEA"_s : u"BLOB"_s;
    const QStringList statements {
        // entity: 'order' | 'quote' | 'activity'; entity_id: the device's id of it, which is
        // also HQ's id (sales_orders.id, sales_quotes.id, activities.id); hq_ref: what people
        // call it at HQ (the order's or quote's document number, the activity's id);
        // customer_id: whose it is, for the rep's territory scope. sha256: lowercase hex of
        // bytes, checked on intake. author: the login that pushed it; device_id: from where.
        u"CREATE TABLE attachments ("
        "  id TEXT PRIMARY KEY,"
        "  entity TEXT NOT NULL CHECK (entity IN ('order', 'quote', 'activity')),"
        "  entity_id TEXT NOT NULL,"
        "  hq_ref TEXT NOT NULL DEFAULT '',"
        "  customer_id TEXT NOT NULL,"
        "  kind TEXT NOT NULL CHECK (kind IN ('signature', 'photo')),"
        "  mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),"
        "  bytes "_s
            + blob
            + u" NOT NULL,"
              "  size BIGINT NOT NULL CHECK (size > 0),"
              "  sha256 TEXT NOT NULL,"
              "  device_id TEXT NOT NULL,"
              "  author TEXT NOT NULL,"
              "  created_at TEXT NOT NULL)"_s,
        u"CREATE INDEX attachments_by_entity ON attachments (entity, entity_id, created_at)"_s,
    };
    for (const QString &sql : statements) {
        if (auto r = db.exec(sql); !r)
            return r.error();
    }
    return {};
}

} // namespace karvan::hq

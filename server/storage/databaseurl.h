#pragma once

#include "domain/result.h"

#include <QString>

namespace karvan::hq {

// Which SQL engine a database URL names.
enum class Backend {
    Sqlite,
    Postgres,
};

// A parsed --db URL (see ARCHITECTURE.md):
//   sqlite:PATH                                  the embedded default (PATH relative or absolute)
//   postgresql://USER[:PASSWORD]@HOST[:PORT]/DB  (postgres:// too; port 5432 when omitted)
// A PostgreSQL password may also come from the PGPASSWORD environment variable; one in the URL
// wins. User, password and database name may be percent-encoded.
struct DatabaseUrl
{
    Backend backend = Backend::Sqlite;
    QString path; // SQLite file
    QString user; // PostgreSQL only, from here on
    QString password;
    QString host;
    int port = 5432;
    QString database;

    static Result<DatabaseUrl> parse(const QString &text);

    // The URL as it can be shown in logs and messages: never contains the password.
    QString toDisplayString() const;
    // The URL that reconnects to the same database (with the password, if any).
    QString toString() const;
};

} // namespace karvan::hq

#include "cli/commands.h"

#include "audit/auditlog.h"
#include "auth/deviceregistry.h"
#include "auth/passwordhash.h"
#include "auth/role.h"
#include "auth/userdirectory.h"
#include "cli/commandline.h"
#include "cli/passwordinput.h"
#include "demo/demogenerator.h"
#include "erp/alerts.h"
#include "erp/csvimport.h"
#include "erp/hqdemoloader.h"
#include "erp/reports.h"
#include "http/servecommand.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace karvan::hq::cli {

namespace {

const QString DbOption = u"db"_s;

void addDbOption(QCommandLineParser &parser)
{
    parser.addOption(
        {DbOption, u"The database: sqlite:PATH or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB."_s,
         u"URL"_s});
}

// The value of a required single-valued option, or an error naming it.
Result<QString> requiredValue(const QCommandLineParser &parser, const QString &option)
{
    const QStringList values = parser.values(option);
    if (values.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"missing --%1"_s.arg(option));
    if (values.size() > 1)
        return makeError(ErrorCode::InvalidArgument, u"--%1 given more than once"_s.arg(option));
    if (values.constFirst().trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"--%1 is empty"_s.arg(option));
    return values.constFirst();
}

// Opens --db. Commands other than init need an existing database at the latest schema, and
// must not leave an empty SQLite file behind when pointed at the wrong path.
Result<std::unique_ptr<Database>> openDatabase(const QString &urlText, bool forInit)
{
    auto url = DatabaseUrl::parse(urlText);
    if (!url)
        return url.error();
    if (!forInit && url->backend == Backend::Sqlite && !QFileInfo::exists(url->path)) {
        return makeError(ErrorCode::NotFound,
                         u"no database at %1 (create it with: karvan-hq init --db %1)"_s.arg(
                             url->toDisplayString()));
    }
    auto db = Database::open(*url);
    if (!db)
        return db.error();
    if (!forInit) {
        auto version = hqSchemaVersion(**db);
        if (!version)
            return version.error();
        if (*version != latestHqSchemaVersion()) {
            return makeError(ErrorCode::Conflict,
                             u"%1 is at schema version %2, this karvan-hq needs %3 (run: karvan-hq "
                             "init --db URL)"_s.arg(url->toDisplayString())
                                 .arg(*version)
                                 .arg(latestHqSchemaVersion()));
        }
    }
    return db;
}

QString cliActor()
{
    const passwd *pw = getpwuid(geteuid());
    return u"cli:"_s + (pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(geteuid()));
}

// ---- init ---------------------------------------------------------------------------------

const QString DemoOption = u"demo"_s;

void setUpInit(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption({DemoOption,
                      u"Also load the demo company (small, medium or large) into an empty "
                      "database; every demo login's password is \"demo\"."_s,
                      u"SIZE"_s});
}

// Loads the demo company after the schema is in place and prints its logins.
int loadDemo(const QString &name, Database &db, DemoSize size)
{
    auto existing = erp::queryInt(db,
                                  u"SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM "
                                  "customers)"_s);
    if (!existing)
        return fail(name, existing.errorMessage(), ExitFailure);
    if (*existing > 0)
        return fail(name,
                    u"--demo needs an empty database (this one already has users or "
                    "customers)"_s,
                    ExitFailure);
    QElapsedTimer timer;
    timer.start();
    DemoOptions options;
    options.size = size;
    auto loaded = erp::HqDemoLoader(db).load(options);
    if (!loaded)
        return fail(name, u"demo load failed, nothing loaded: "_s + loaded.errorMessage(),
                    ExitFailure);
    const erp::HqDemoLoadReport &r = *loaded;
    printLine(u"init: loaded the %1 demo company \"%2\" in %3 s: %4 users, %5 customers, %6 "
              "products, %7 stock positions, %8 orders (%9 cancelled, %10 on credit hold), "
              "%11 deliveries, %12 invoices, %13 payments; ledger, AR and stock invariants hold"_s
                  .arg(demoSizeName(size), DemoGenerator::companyName())
                  .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                  .arg(r.users)
                  .arg(r.customers)
                  .arg(r.products)
                  .arg(r.stockPositions)
                  .arg(r.ordersTaken)
                  .arg(r.ordersCancelled)
                  .arg(r.ordersHeldAtHq)
                  .arg(r.deliveries)
                  .arg(r.invoices)
                  .arg(r.payments));
    printLine(u"init: skipped %1 quotes (no quotes at HQ), %2 tickets, %3 activities, %4 "
              "opportunities (no CRM at HQ), %5 orders HQ could not deliver in full, %6 invoices "
              "and %7 payments of those; %8 orders ended in another status than in the history, "
              "%9 credit holds approved to deliver them"_s.arg(r.skippedQuotes)
                  .arg(r.skippedTickets)
                  .arg(r.skippedActivities)
                  .arg(r.skippedOpportunities)
                  .arg(r.skippedUndeliverable)
                  .arg(r.skippedInvoices)
                  .arg(r.skippedPayments)
                  .arg(r.statusDiffers)
                  .arg(r.holdsApproved));
    printLine(u"Demo logins (password for all: %1):"_s.arg(DemoGenerator::password()));
    for (const DemoUser &user : DemoGenerator::users(size)) {
        printLine(u"  %1  %2  %3"_s.arg(user.login, -16)
                      .arg(user.role, -9)
                      .arg(user.territories.isEmpty() ? u"-"_s : user.territories.join(u", "_s)));
    }
    return ExitOk;
}

int runInit(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    std::optional<DemoSize> demo;
    if (parser.isSet(DemoOption)) {
        auto sizeText = requiredValue(parser, DemoOption);
        if (!sizeText)
            return fail(name, sizeText.errorMessage(), ExitUsage);
        demo = parseDemoSize(*sizeText);
        if (!demo) {
            return fail(name,
                        u"--demo must be small, medium or large (got \"%1\")"_s.arg(*sizeText),
                        ExitUsage);
        }
    }
    auto db = openDatabase(*url, true);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto before = hqSchemaVersion(**db);
    if (!before)
        return fail(name, before.errorMessage(), ExitFailure);
    auto reached = migrateHqSchema(**db);
    if (!reached)
        return fail(name, reached.errorMessage(), ExitFailure);
    const QString where = (*db)->url().toDisplayString();
    if (*before == *reached)
        printLine(u"init: %1 already at schema version %2"_s.arg(where).arg(*reached));
    else
        printLine(u"init: %1 migrated from schema version %2 to %3"_s.arg(where).arg(*before).arg(
            *reached));
    if (demo)
        return loadDemo(name, **db, *demo);
    return ExitOk;
}

// ---- user add -----------------------------------------------------------------------------

void setUpUserAdd(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption(
        {u"login"_s, u"The login (case-insensitive; a-z, 0-9, . _ - @)."_s, u"NAME"_s});
    QStringList roles;
    for (const Role role : allRoles())
        roles.append(roleName(role));
    parser.addOption({u"role"_s, u"The role: %1."_s.arg(roles.join(u", "_s)), u"ROLE"_s});
    parser.addOption({u"territory"_s, u"A territory the user covers (repeatable)."_s, u"CODE"_s});
    parser.addPositionalArgument(
        u"(stdin)"_s,
        u"The password, one line, at least %1 characters."_s.arg(PasswordHash::MinPasswordLength));
}

int runUserAdd(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    auto loginText = requiredValue(parser, u"login"_s);
    if (!loginText)
        return fail(name, loginText.errorMessage(), ExitUsage);
    auto roleText = requiredValue(parser, u"role"_s);
    if (!roleText)
        return fail(name, roleText.errorMessage(), ExitUsage);

    // Everything that can be checked without the password is checked before reading it.
    auto login = UserDirectory::normalizeLogin(*loginText);
    if (!login)
        return fail(name, login.errorMessage(), ExitFailure);
    auto role = roleFromName(*roleText);
    if (!role)
        return fail(name, role.errorMessage(), ExitFailure);
    NewUser user {*login, *role, {}};
    for (const QString &code : parser.values(u"territory"_s)) {
        auto territory = UserDirectory::normalizeTerritory(code);
        if (!territory)
            return fail(name, territory.errorMessage(), ExitFailure);
        user.territories.append(*territory);
    }
    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    UserDirectory users(**db);
    if (auto existing = users.find(*login); existing)
        return fail(name, u"a user with login \"%1\" already exists"_s.arg(*login), ExitFailure);
    else if (existing.error().code != ErrorCode::NotFound)
        return fail(name, existing.errorMessage(), ExitFailure);

    auto password = readPasswordLine(u"Password for %1: "_s.arg(*login));
    if (!password)
        return fail(name, password.errorMessage(), ExitFailure);
    if (auto acceptable = PasswordHash::checkAcceptable(*password); !acceptable)
        return fail(name, acceptable.errorMessage(), ExitFailure);

    auto added = users.add(user, *password, cliActor());
    if (!added)
        return fail(name, added.errorMessage(), ExitFailure);
    const QString territories = added->territories.isEmpty()
        ? u"no territories"_s
        : u"territories "_s + added->territories.join(u", "_s);
    printLine(u"user add: %1 (%2, %3) id %4"_s.arg(added->login, roleName(added->role), territories,
                                                   added->id));
    return ExitOk;
}

// ---- device issue -----------------------------------------------------------------------

// Devices for a user without a password login: provisioning (kiosks set up at HQ, load tests).
// Each device is enrolled exactly as a login would (DeviceRegistry::enroll, audited as
// device.enroll by the OS user), all of them in one transaction: either every token is issued
// or none is.
constexpr int MaxIssuedDevices = 100000;

void setUpDeviceIssue(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption({u"login"_s, u"The user the devices belong to."_s, u"NAME"_s});
    parser.addOption({u"count"_s, u"How many devices (1 to %1, default 1)."_s.arg(MaxIssuedDevices),
                      u"N"_s, u"1"_s});
    parser.addOption({u"name"_s,
                      u"The device name; with --count above 1 each gets \"NAME-i\" (default "
                      "\"issued\")."_s,
                      u"PREFIX"_s, u"issued"_s});
}

int runDeviceIssue(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    auto loginText = requiredValue(parser, u"login"_s);
    if (!loginText)
        return fail(name, loginText.errorMessage(), ExitUsage);
    bool countOk = false;
    const int count = parser.value(u"count"_s).toInt(&countOk);
    if (!countOk || count < 1 || count > MaxIssuedDevices)
        return fail(name, u"--count must be 1 to %1"_s.arg(MaxIssuedDevices), ExitUsage);
    const QString prefix = parser.value(u"name"_s).simplified();
    // Room for "-100000" after the prefix, so every name stays within the registry's limit.
    if (prefix.isEmpty() || prefix.size() > DeviceRegistry::MaxNameLength - 7)
        return fail(name,
                    u"--name must have 1 to %1 characters"_s.arg(DeviceRegistry::MaxNameLength - 7),
                    ExitUsage);
    auto login = UserDirectory::normalizeLogin(*loginText);
    if (!login)
        return fail(name, login.errorMessage(), ExitFailure);

    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto user = UserDirectory(**db).find(*login);
    if (!user) {
        if (user.error().code == ErrorCode::NotFound)
            return fail(name, u"no user with login \"%1\""_s.arg(*login), ExitFailure);
        return fail(name, user.errorMessage(), ExitFailure);
    }
    if (!user->active)
        return fail(name, u"user \"%1\" is deactivated"_s.arg(*login), ExitFailure);

    QList<DeviceRegistry::Enrollment> issued;
    issued.reserve(count);
    const QString actor = cliActor();
    auto done = (*db)->transaction([&]() -> Result<void> {
        DeviceRegistry registry(**db);
        for (int i = 1; i <= count; ++i) {
            const QString deviceName = count == 1 ? prefix : u"%1-%2"_s.arg(prefix).arg(i);
            auto e = registry.enroll(*user, deviceName, {}, actor);
            if (!e)
                return e.error();
            issued.append(*e);
        }
        return {};
    });
    if (!done)
        return fail(name, u"no device issued: "_s + done.errorMessage(), ExitFailure);
    // Printed only after the commit: every line is a device that exists.
    for (const DeviceRegistry::Enrollment &e : std::as_const(issued)) {
        const QJsonObject line {{u"device_id"_s, e.device.id},
                                {u"token"_s, e.token},
                                {u"login"_s, e.device.login},
                                {u"name"_s, e.device.name}};
        printLine(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
    }
    return ExitOk;
}

// ---- audit verify -------------------------------------------------------------------------

void setUpAuditVerify(QCommandLineParser &parser)
{
    addDbOption(parser);
}

int runAuditVerify(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto result = AuditLog(**db).verify();
    if (!result)
        return fail(name, result.errorMessage(), ExitFailure);
    if (result->intact) {
        printLine(u"audit: %1 entries, chain intact"_s.arg(result->entries));
        return ExitOk;
    }
    printLine(
        u"audit: chain broken at entry %1: %2"_s.arg(result->firstBadSeq).arg(result->reason));
    return ExitFailure;
}

// ---- alerts scan -------------------------------------------------------------------------

void setUpAlertsScan(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption(
        {u"date"_s, u"Overdue as of this date, YYYY-MM-DD (default: today)."_s, u"DATE"_s});
}

int runAlertsScan(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    QDate date = QDate::currentDate();
    if (parser.isSet(u"date"_s)) {
        date = QDate::fromString(parser.value(u"date"_s), Qt::ISODate);
        if (!date.isValid())
            return fail(name, u"--date must be a date YYYY-MM-DD"_s, ExitUsage);
    }
    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto scan = erp::Alerts(**db).scanOverdue(date);
    if (!scan)
        return fail(name, scan.errorMessage(), ExitFailure);
    printLine(u"alerts scan: as of %1, %2 overdue invoice alert(s) raised, %3 resolved"_s
                  .arg(date.toString(Qt::ISODate))
                  .arg(scan->raised)
                  .arg(scan->resolved));
    return ExitOk;
}

// ---- report ------------------------------------------------------------------------------

void setUpReport(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    parser.addOption({u"csv"_s, u"CSV (RFC 4180) on stdout."_s});
    parser.addOption({u"as-of"_s, u"The closing date, YYYY-MM-DD (default: today)."_s, u"DATE"_s});
}

int runReport(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    if (parser.isSet(u"json"_s) && parser.isSet(u"csv"_s))
        return fail(name, u"--json and --csv exclude each other"_s, ExitUsage);
    QDate asOf;
    if (parser.isSet(u"as-of"_s)) {
        asOf = QDate::fromString(parser.value(u"as-of"_s), Qt::ISODate);
        if (!asOf.isValid())
            return fail(name, u"--as-of must be a date YYYY-MM-DD"_s, ExitUsage);
    }
    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    auto table = erp::Reports(**db).byName(name.section(u' ', 1), asOf);
    if (!table)
        return fail(name, table.errorMessage(), ExitFailure);
    const QByteArray out = parser.isSet(u"json"_s) ? table->toJson()
        : parser.isSet(u"csv"_s)                   ? table->toCsv().toUtf8()
                                                   : table->toText().toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return ExitOk;
}

// ---- import ------------------------------------------------------------------------------

void setUpImport(QCommandLineParser &parser)
{
    addDbOption(parser);
    parser.addOption({u"skip-bad"_s,
                      u"Import the good rows and report the bad ones (default: a file with any "
                      "bad row imports nothing)."_s});
    parser.addPositionalArgument(u"FILE"_s, u"The CSV file (UTF-8, header row first)."_s);
}

int runImport(const QString &name, const QCommandLineParser &parser)
{
    auto url = requiredValue(parser, DbOption);
    if (!url)
        return fail(name, url.errorMessage(), ExitUsage);
    auto kind = erp::importKindFromName(name.section(u' ', 1));
    if (!kind)
        return fail(name, kind.errorMessage(), ExitUsage);
    const QString path = parser.positionalArguments().value(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(name, u"cannot read %1: %2"_s.arg(path, file.errorString()), ExitFailure);
    if (file.size() > (qint64(64) << 20))
        return fail(name, u"%1 is larger than 64 MiB: split it"_s.arg(path), ExitFailure);
    const QByteArray data = file.readAll();
    auto db = openDatabase(*url, false);
    if (!db)
        return fail(name, db.errorMessage(), ExitFailure);
    // The import runs as an administrator named after the operating system user, so the
    // audit trail says who loaded the file.
    const erp::Actor actor {cliActor(), Role::Admin, {}};
    auto report = erp::CsvImport(**db).run(actor, *kind, data, parser.isSet(u"skip-bad"_s));
    if (!report)
        return fail(name, u"import failed, nothing imported: "_s + report.errorMessage(),
                    ExitFailure);
    for (const QString &line : report->problemLines()) {
        const QString text = path + u": "_s + line + u'\n';
        std::fputs(text.toLocal8Bit().constData(), stderr);
    }
    printLine(u"import %1: %2"_s.arg(name.section(u' ', 1), report->summary()));
    return report->committed ? ExitOk : ExitFailure;
}

} // namespace

QList<Command> commands()
{
    QList<Command> list {
        {u"init"_s, u"--db URL [--demo small|medium|large]"_s,
         u"Create the database schema, or bring it up to date; --demo also loads the demo "
         "company and prints its logins."_s,
         setUpInit, runInit},
        {u"user add"_s, u"--db URL --login NAME --role ROLE [--territory CODE]... < password"_s,
         u"Add a user; the password is read from stdin (one line)."_s, setUpUserAdd, runUserAdd},
        {u"device issue"_s, u"--db URL --login NAME [--count N] [--name PREFIX]"_s,
         u"Enroll devices for a user without a password login and print one JSON line per "
         "device: {device_id, token, login, name}. The token is shown only here."_s,
         setUpDeviceIssue, runDeviceIssue},
        {u"audit verify"_s, u"--db URL"_s,
         u"Check the audit trail's hash chain; exit 1 naming the first bad entry."_s,
         setUpAuditVerify, runAuditVerify},
        {u"alerts scan"_s, u"--db URL [--date DATE]"_s,
         u"Raise an alert to the rep for each invoice overdue on DATE (default today) that has "
         "none yet, and resolve those of invoices paid since."_s,
         setUpAlertsScan, runAlertsScan},
        {u"serve"_s, u"--db URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]"_s,
         u"Serve the HTTP API (HTTPS with --tls-cert/--tls-key; plain HTTP on loopback only)."_s,
         setUpServe, runServe},
    };
    for (const QString &kind : erp::importKindNames()) {
        list.append({u"import "_s + kind, u"FILE.csv --db URL [--skip-bad]"_s,
                     u"Import %1 from a CSV file: all rows or, with a bad row, none."_s.arg(kind),
                     setUpImport, runImport, 1});
    }
    for (const QString &report : erp::Reports::names()) {
        list.append({u"report "_s + report, u"--db URL [--as-of DATE] [--json|--csv]"_s,
                     u"Print the %1 report as a table, JSON or CSV."_s.arg(report), setUpReport,
                     runReport});
    }
    return list;
}

int fail(const QString &command, const QString &message, int code)
{
    const QString prefix = command.isEmpty() ? u"karvan-hq: "_s : u"karvan-hq %1: "_s.arg(command);
    // One line, whatever the driver put in the message.
    const QString line = prefix + message.simplified() + u'\n';
    std::fputs(line.toLocal8Bit().constData(), stderr);
    return code;
}

void printLine(const QString &line)
{
    std::fputs((line + u'\n').toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

} // namespace karvan::hq::cli

#include "clicommands.h"

#include "store/localstore.h"

#include <QDir>
#include <QStandardPaths>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

const char *const Help = R"(usage: karvan-cli [--profile DIR] COMMAND [ARGS] [--json]

commands:
  login --server URL --login NAME [--ca-file PEM] [--device-name NAME]
                                                 sign in (password: one line on stdin)
  logout [--force]                               sign out (refused while changes are unsynced)
  sync                                           push this device's changes, pull HQ's
  status                                         pending, rejected, conflicts, last sync
  customers [--search TEXT] [--limit N]          customers on this device
  customer show ID                               the 360 view of one customer
  customer add --name NAME [--set FIELD=VALUE]... [--territory CODE] [--currency ISO]
  customer edit ID --set FIELD=VALUE...          fields: name, phone, email, notes, language,
                                                 contacts, addresses (JSON arrays)
  products [--search TEXT] [--limit N]           the catalog with stock per warehouse
  order create --customer ID --line SKU=QTY[:UNIT]... [--warehouse CODE] [--date YYYY-MM-DD]
  quote create --customer ID --line SKU=QTY[:UNIT]... [--date YYYY-MM-DD] [--valid-until DATE]
  quote convert ID [--date YYYY-MM-DD]           the quote's lines as an order, re-priced
  quote pdf ID --out FILE.pdf                    the quote as a PDF
  ticket open --customer ID --subject TEXT [--description TEXT] [--priority P]
  ticket comment ID --body TEXT
  ticket status ID --to STATUS | --reopen
  activity log --customer ID --kind visit|call|note [--subject S] [--notes N] [--minutes M]
  conflicts                                      edits that lost to a later one elsewhere
  conflict resolve ID --keep theirs|mine
  rejected                                       changes HQ refused, with its reasons

The profile (default $KARVAN_PROFILE, else the user's data folder) holds this device's
store. Every command exits non-zero with a one-line reason on bad input; --json prints one
JSON document on stdout.
)";

} // namespace

Error usage(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, u"usage: "_s + message);
}

bool isUsage(const Error &e)
{
    return e.code == ErrorCode::InvalidArgument && e.message.startsWith(u"usage: "_s);
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    QString profile = qEnvironmentVariable("KARVAN_PROFILE");
    if (args.size() >= 2 && args.first() == u"--profile"_s) {
        profile = args.at(1);
        args = args.mid(2);
    } else if (!args.isEmpty() && args.first().startsWith(u"--profile="_s)) {
        profile = args.first().mid(10);
        args = args.mid(1);
    }
    if (args.isEmpty() || args.first() == u"--help"_s || args.first() == u"-h"_s
        || args.first() == u"help"_s) {
        out << Help;
        return args.isEmpty() ? Usage : Ok;
    }
    if (profile.isEmpty())
        profile = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/default"_s;

    // Commands of two words ("customer show", "order create") become one name.
    QString command = args.first();
    static const QStringList twoWords {u"customer"_s, u"order"_s,    u"quote"_s,
                                       u"ticket"_s,   u"activity"_s, u"conflict"_s};
    if (twoWords.contains(command) && args.size() >= 2) {
        command += u' ' + args.at(1);
        args.removeFirst();
    }
    using Command = Result<void> (*)(Context &);
    static const QList<std::pair<QString, Command>> commands {
        {u"login"_s, login},
        {u"logout"_s, logout},
        {u"sync"_s, syncRound},
        {u"status"_s, status},
        {u"customers"_s, customers},
        {u"customer show"_s, customerShow},
        {u"customer add"_s, customerAdd},
        {u"customer edit"_s, customerEdit},
        {u"products"_s, products},
        {u"order create"_s,
         [](Context &c) {
             return documentCreate(c, false);
         }},
        {u"quote create"_s,
         [](Context &c) {
             return documentCreate(c, true);
         }},
        {u"quote convert"_s, quoteConvert},
        {u"quote pdf"_s, quotePdf},
        {u"ticket open"_s, ticketOpen},
        {u"ticket comment"_s, ticketComment},
        {u"ticket status"_s, ticketStatus},
        {u"activity log"_s, activityLog},
        {u"conflicts"_s, conflicts},
        {u"conflict resolve"_s, conflictResolve},
        {u"rejected"_s, rejected},
    };
    Command handler = nullptr;
    QStringList known;
    for (const auto &[name, function] : commands) {
        known.append(name);
        if (name == command)
            handler = function;
    }
    if (!handler) {
        err << "karvan-cli: unknown command \"" << command << "\" (" << known.join(u", "_s) << ")"
            << Qt::endl;
        return Usage;
    }

    if (!QDir().mkpath(profile)) {
        err << "karvan-cli: cannot create the profile folder " << profile << Qt::endl;
        return Refused;
    }
    auto store = LocalStore::open(QDir(profile).filePath(u"device.sqlite"_s));
    if (!store) {
        err << "karvan-cli: " << store.errorMessage() << Qt::endl;
        return Refused;
    }
    args.first() = command;
    Context context {args, **store, out, err};
    const Result<void> result = handler(context);
    out.flush();
    if (!result) {
        err << "karvan-cli: " << result.errorMessage().remove(u'\n') << Qt::endl;
        return isUsage(result.error()) ? Usage : Refused;
    }
    return Ok;
}

} // namespace karvan::cli

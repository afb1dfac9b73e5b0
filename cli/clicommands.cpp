#include "clicommands.h"

#include "store/localstore.h"

#include <QDir>
#include <QStandardPaths>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

const char *const Help = R"(usage: karvan-cli [--profile DIR] COMMAND [ARGS] [--json]

commands:
  customers [--search TEXT] [--limit N]          customers on this device
  customer show ID                               the 360 view of one customer
  products [--search TEXT] [--limit N]           the catalog with stock per warehouse
  order create --customer ID --line SKU=QTY[:UNIT]... [--warehouse CODE] [--date YYYY-MM-DD]
  quote create --customer ID --line SKU=QTY[:UNIT]... [--date YYYY-MM-DD] [--valid-until DATE]
  status                                         pending and rejected changes, last sync
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
    if ((command == u"customer"_s || command == u"order"_s || command == u"quote"_s)
        && args.size() >= 2) {
        command += u' ' + args.at(1);
        args.removeFirst();
    }
    static const QStringList known {u"customers"_s,    u"customer show"_s, u"products"_s,
                                    u"order create"_s, u"quote create"_s,  u"status"_s,
                                    u"rejected"_s};
    if (!known.contains(command)) {
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
    Result<void> result;
    if (command == u"customers"_s)
        result = customers(context);
    else if (command == u"customer show"_s)
        result = customerShow(context);
    else if (command == u"products"_s)
        result = products(context);
    else if (command == u"order create"_s)
        result = documentCreate(context, false);
    else if (command == u"quote create"_s)
        result = documentCreate(context, true);
    else if (command == u"status"_s)
        result = status(context);
    else
        result = rejected(context);
    out.flush();
    if (!result) {
        err << "karvan-cli: " << result.errorMessage().remove(u'\n') << Qt::endl;
        return isUsage(result.error()) ? Usage : Refused;
    }
    return Ok;
}

} // namespace karvan::cli

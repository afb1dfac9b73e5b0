// karvan-demo: writes the demo company into a device store and walks through it.
//
//   karvan-demo generate --db sqlite:PATH [--size small|medium|large] [--seed N]
//                        [--territory CODE]...
//   karvan-demo tour --db sqlite:PATH
//   karvan-demo export --out FILE.ndjson [--size small|medium|large] [--seed N]
//
// export streams the demo company as newline-delimited JSON, one document per record with
// `_id` and `type` (see ndjsonsink.h): the records the benchmark's peer (tests/bench/pouchdb)
// replicates. The file appears only once complete.
//
// Exits non-zero with a one-line reason on bad input; progress goes to stderr.

#include "demo/demogenerator.h"
#include "demo/storedemosink.h"
#include "ndjsonsink.h"
#include "store/localstore.h"
#include "tour.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

using namespace karvan;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString &reason)
{
    QTextStream(stderr) << "karvan-demo: " << reason << Qt::endl;
    return 2;
}

Result<QString> sqlitePath(const QString &url)
{
    if (!url.startsWith(u"sqlite:"_s) || url.size() <= 7)
        return makeError(ErrorCode::InvalidArgument,
                         u"--db must be sqlite:PATH (got \"%1\")"_s.arg(url));
    return url.mid(7);
}

// The seed option, shared by generate and export.
Result<void> readSeed(const QCommandLineParser &parser, DemoOptions &options)
{
    if (!parser.isSet(u"seed"_s))
        return {};
    bool ok = false;
    options.seed = parser.value(u"seed"_s).toULongLong(&ok);
    if (!ok)
        return makeError(ErrorCode::InvalidArgument, u"--seed must be a whole number"_s);
    return {};
}

void printSummary(QTextStream &out, const DemoSummary &s, DemoSize size)
{
    auto money = [](qint64 minor) {
        return Money::fromMinor(minor, DemoGenerator::currency())->toString();
    };
    out << DemoGenerator::companyName() << " demo (" << demoSizeName(size) << ")\n"
        << "  customers        " << s.customers << " (" << s.archivedCustomers << " archived)\n"
        << "  products         " << s.products << "\n"
        << "  price lists      " << s.priceLists << " (" << s.priceListEntries << " entries), "
        << s.promotions << " promotions, " << s.customerPrices << " negotiated prices\n"
        << "  stock levels     " << s.stockLevels << " in " << s.warehouses << " warehouses\n"
        << "  quotes           " << s.quotes << " (" << s.quoteLines << " lines)\n"
        << "  orders           " << s.orders << " (" << s.orderLines << " lines), "
        << money(s.orderTotalMinor) << "\n"
        << "  invoices         " << s.invoices << ", " << money(s.invoicedMinor) << "; "
        << s.overdueInvoices << " overdue (" << money(s.overdueMinor) << ")\n"
        << "  payments         " << s.payments << ", " << money(s.paidMinor) << "\n"
        << "  tickets          " << s.tickets << " (" << s.ticketComments << " comments)\n"
        << "  activities       " << s.activities << ", opportunities " << s.opportunities << "\n";
}

int generate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes the demo company into a device store."_s);
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"The device store, sqlite:PATH."_s, u"url"_s});
    parser.addOption({u"size"_s, u"small (default), medium or large."_s, u"size"_s, u"small"_s});
    parser.addOption({u"seed"_s, u"Random seed (default 20261122)."_s, u"n"_s});
    parser.addOption(
        {u"territory"_s, u"Keep only this territory's customers (repeatable)."_s, u"code"_s});
    parser.process(args);
    if (!parser.isSet(u"db"_s))
        return fail(u"generate needs --db sqlite:PATH"_s);
    auto path = sqlitePath(parser.value(u"db"_s));
    if (!path)
        return fail(path.errorMessage());
    const auto size = parseDemoSize(parser.value(u"size"_s));
    if (!size)
        return fail(u"unknown size \"%1\" (small, medium or large)"_s.arg(parser.value(u"size"_s)));
    DemoOptions options;
    options.size = *size;
    if (auto r = readSeed(parser, options); !r)
        return fail(r.errorMessage());
    const QStringList territories = parser.values(u"territory"_s);
    for (const QString &t : territories) {
        const auto known = DemoGenerator::territories();
        if (std::none_of(known.begin(), known.end(), [&](const auto &k) { return k.code == t; }))
            return fail(u"unknown territory \"%1\""_s.arg(t));
    }
    if (QFileInfo::exists(*path))
        return fail(u"%1 exists already; the demo writes a new store"_s.arg(*path));

    auto store = LocalStore::open(*path);
    if (!store)
        return fail(store.errorMessage());
    QTextStream err(stderr);
    QElapsedTimer timer;
    timer.start();
    Result<DemoSummary> summary = makeError(ErrorCode::Storage, u"not run"_s);
    qint64 written = 0;
    {
        StoreDemoSink sink(**store, territories);
        sink.setProgress([&](qint64 n) { err << "\r  written " << n << " records" << Qt::flush; });
        summary = DemoGenerator(options).generate(sink);
        written = sink.recordsWritten();
    }
    err << "\r" << Qt::flush;
    if (!summary)
        return fail(summary.errorMessage());
    QTextStream out(stdout);
    printSummary(out, *summary, *size);
    out << "  written to       " << *path << ": " << written << " records in "
        << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n\n";
    out << "Demo logins (password \"" << DemoGenerator::password() << "\"):\n";
    for (const DemoUser &u : DemoGenerator::users(*size)) {
        out << "  " << u.login.leftJustified(14) << u.role.leftJustified(10)
            << (u.store.isEmpty() ? u.territories.join(u", "_s) : u"store "_s + u.store) << "\n";
    }
    return 0;
}

int exportNdjson(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Streams the demo company as NDJSON documents."_s);
    parser.addHelpOption();
    parser.addOption({u"out"_s, u"The file to write (replaced when complete)."_s, u"file"_s});
    parser.addOption({u"size"_s, u"small (default), medium or large."_s, u"size"_s, u"small"_s});
    parser.addOption({u"seed"_s, u"Random seed (default 20261122)."_s, u"n"_s});
    parser.process(args);
    if (!parser.isSet(u"out"_s) || parser.value(u"out"_s).isEmpty())
        return fail(u"export needs --out FILE.ndjson"_s);
    const auto size = parseDemoSize(parser.value(u"size"_s));
    if (!size)
        return fail(u"unknown size \"%1\" (small, medium or large)"_s.arg(parser.value(u"size"_s)));
    DemoOptions options;
    options.size = *size;
    if (auto r = readSeed(parser, options); !r)
        return fail(r.errorMessage());

    QSaveFile file(parser.value(u"out"_s));
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
    QElapsedTimer timer;
    timer.start();
    NdjsonSink sink(file);
    if (auto summary = DemoGenerator(options).generate(sink); !summary)
        return fail(u"%1: %2"_s.arg(file.fileName(), summary.errorMessage()));
    if (!file.commit())
        return fail(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()));
    QTextStream err(stderr);
    err << "exported " << sink.documents() << " documents, " << sink.bytes() << " bytes, to "
        << file.fileName() << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s (";
    QStringList counts;
    for (const auto &[type, n] : sink.countsByType())
        counts.append(type + u' ' + QString::number(n));
    err << counts.join(u", "_s) << ")" << Qt::endl;
    return 0;
}

int tour(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Walks through a device store holding the demo."_s);
    parser.addHelpOption();
    parser.addOption({u"db"_s, u"The device store, sqlite:PATH."_s, u"url"_s});
    parser.process(args);
    if (!parser.isSet(u"db"_s))
        return fail(u"tour needs --db sqlite:PATH"_s);
    auto path = sqlitePath(parser.value(u"db"_s));
    if (!path)
        return fail(path.errorMessage());
    if (!QFileInfo::exists(*path))
        return fail(u"%1 does not exist; run karvan-demo generate first"_s.arg(*path));
    auto store = LocalStore::open(*path);
    if (!store)
        return fail(store.errorMessage());
    QTextStream out(stdout);
    if (auto r = runTour(**store, out); !r)
        return fail(r.errorMessage());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"karvan-demo"_s);
    QStringList args = app.arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command.isEmpty() || command == u"--help"_s || command == u"-h"_s) {
        QTextStream(stdout) << "usage: karvan-demo generate --db sqlite:PATH [--size S] "
                               "[--seed N] [--territory CODE]...\n"
                               "       karvan-demo tour --db sqlite:PATH\n"
                               "       karvan-demo export --out FILE.ndjson [--size S] "
                               "[--seed N]\n";
        return command.isEmpty() ? 2 : 0;
    }
    args.removeAt(1);
    if (command == u"generate"_s)
        return generate(args);
    if (command == u"tour"_s)
        return tour(args);
    if (command == u"export"_s)
        return exportNdjson(args);
    return fail(u"unknown command \"%1\" (generate, tour or export)"_s.arg(command));
}

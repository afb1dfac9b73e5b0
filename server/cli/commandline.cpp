#include "cli/commandline.h"

#include "cli/commands.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace karvan::hq {

namespace {

QString mainHelp()
{
    QString text = u"Usage: karvan-hq COMMAND [OPTIONS]\n"
                   "Karvan headquarters server: the back office and the sync endpoint.\n\n"
                   "Commands:\n"_s;
    for (const cli::Command &c : cli::commands())
        text += u"  %1%2\n"_s.arg(QString(c.name + u"  "_s).leftJustified(22), c.summary);
    text += u"\nDatabase URLs: sqlite:PATH, or postgresql://USER[:PASSWORD]@HOST[:PORT]/DB\n"
            "(the password may also come from the PGPASSWORD environment variable).\n"
            "Exit codes: 0 success, 1 refused or failed, 2 unknown command or option.\n"
            "Run \"karvan-hq COMMAND --help\" for a command's options.\n"_s;
    return text;
}

QString commandHelp(const cli::Command &command, QCommandLineParser &parser)
{
    // QCommandLineParser's own usage line names the binary path only; name the command.
    QString generated = parser.helpText();
    generated = generated.mid(generated.indexOf(u'\n') + 1);
    return u"Usage: karvan-hq %1 %2\n"_s.arg(command.name, command.synopsis) + generated;
}

} // namespace

int runCommandLine(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        std::fputs(qPrintable(mainHelp()), stderr);
        return ExitUsage;
    }
    const QString first = args.constFirst();
    if (first == u"--help"_s || first == u"-h"_s || first == u"help"_s) {
        std::fputs(mainHelp().toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    if (first == u"--version"_s || first == u"-v"_s) {
        cli::printLine(u"karvan-hq "_s + QCoreApplication::applicationVersion());
        return ExitOk;
    }

    // The longest command name that the arguments start with ("user add" before "user").
    const QList<cli::Command> all = cli::commands();
    const cli::Command *match = nullptr;
    qsizetype words = 0;
    for (const cli::Command &c : all) {
        const QStringList name = c.name.split(u' ');
        if (args.size() >= name.size() && args.mid(0, name.size()) == name && name.size() > words) {
            match = &c;
            words = name.size();
        }
    }
    if (!match) {
        QStringList known;
        for (const cli::Command &c : all)
            known.append(c.name);
        // Name the group when only its verb is wrong ("user frobnicate").
        QString typed = first;
        for (const cli::Command &c : all) {
            if (c.name.startsWith(first + u' ') && args.size() > 1) {
                typed = first + u' ' + args.at(1);
                break;
            }
        }
        return cli::fail(QString(),
                         u"unknown command \"%1\" (commands: %2; see karvan-hq --help)"_s.arg(
                             typed, known.join(u", "_s)),
                         ExitUsage);
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(match->summary);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    match->setUp(parser);
    QStringList commandArgs {u"karvan-hq"_s};
    commandArgs += args.mid(words);
    if (!parser.parse(commandArgs))
        return cli::fail(match->name, parser.errorText(), ExitUsage);
    if (parser.isSet(help)) {
        std::fputs(commandHelp(*match, parser).toLocal8Bit().constData(), stdout);
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > match->positionalArguments) {
        return cli::fail(
            match->name,
            u"unexpected argument \"%1\""_s.arg(positional.at(match->positionalArguments)),
            ExitUsage);
    }
    if (positional.size() < match->positionalArguments)
        return cli::fail(match->name, u"missing argument (see --help)"_s, ExitUsage);
    return match->run(match->name, parser);
}

} // namespace karvan::hq

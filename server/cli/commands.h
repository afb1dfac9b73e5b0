#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace karvan::hq::cli {

// One subcommand: its name as typed ("user add"), a one-line summary, how to set up its
// parser, and what to run once the parser accepted the arguments.
struct Command
{
    QString name;
    QString synopsis; // "--db URL --login NAME ..."
    QString summary;
    void (*setUp)(QCommandLineParser &parser);
    int (*run)(const QString &name, const QCommandLineParser &parser);
    int positionalArguments = 0; // how many it takes after its name (import: the file)
};

QList<Command> commands();

// Prints "karvan-hq <command>: <message>" on stderr and returns code.
int fail(const QString &command, const QString &message, int code);
void printLine(const QString &line);

} // namespace karvan::hq::cli

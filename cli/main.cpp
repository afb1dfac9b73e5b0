#include "clicommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("karvan-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return karvan::cli::run(app.arguments().mid(1), out, err);
}

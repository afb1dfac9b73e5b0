#include "cli/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("karvan-hq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KARVAN_VERSION));
    return karvan::hq::runCommandLine(QCoreApplication::arguments());
}

#include "clicommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

namespace {

// Only `quote pdf` paints (QPdfWriter needs fonts, so a QGuiApplication); every other
// command runs on a plain QCoreApplication.
bool needsGui(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "quote") == 0 && qstrcmp(argv[i + 1], "pdf") == 0)
            return true;
    }
    return false;
}

// Qt's own chatter on a headless machine ("XDG_RUNTIME_DIR not set", font fallbacks) would
// break the one-line error contract; karvan-cli reports its own errors on stderr.
void quietQtWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        // A PDF needs no window: without a display, paint offscreen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietQtWarnings);
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("karvan-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return karvan::cli::run(QCoreApplication::arguments().mid(1), out, err);
}

// The floor for bench_cold_start: the smallest Qt Quick program (a QGuiApplication and one QML
// Window with a text), started and measured exactly like `karvan --measure-startup`. Whatever
// the app takes beyond this is the app's own start-up work.
//
//   bench_qml_floor     prints one JSON line (see app/startupprobe.h) after the first frame

#include "startupprobe.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    const qint64 mainEntryNs = karvan::startup::monotonicNs();
    const double ageAtMainMs = karvan::startup::processAgeMs();
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData(
        "import QtQuick\n"
        "Window { width: 412; height: 915; visible: true; color: \"#F4F7F6\"\n"
        "  Text { anchors.centerIn: parent; text: \"Karvan\"; font.pixelSize: 15 } }\n");
    if (engine.rootObjects().isEmpty()) {
        QTextStream(stderr) << "bench_qml_floor: the QML window did not load" << Qt::endl;
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        QTextStream(stderr) << "bench_qml_floor: the root object is not a window" << Qt::endl;
        return 1;
    }
    karvan::startup::FirstFrameProbe probe(mainEntryNs, ageAtMainMs);
    probe.watch(window, [] { return true; });
    return app.exec();
}

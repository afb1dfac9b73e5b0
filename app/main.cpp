// karvan: the field client. Everything but this file is in the karvan_app library; run()
// starts a QApplication (not QGuiApplication) because the Qt Charts QML types draw with
// Graphics View.
#include "apprunner.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(KarvanPlugin)

int main(int argc, char **argv)
{
    return karvan::app::run(argc, argv);
}

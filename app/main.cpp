// karvan: the field client. Everything but this file is in the karvan_app library.
#include "apprunner.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(KarvanPlugin)

int main(int argc, char **argv)
{
    return karvan::app::run(argc, argv);
}

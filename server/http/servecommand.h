#pragma once

#include <QCommandLineParser>
#include <QString>

namespace karvan::hq::cli {

// karvan-hq serve --db URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE] [--workers N]
void setUpServe(QCommandLineParser &parser);
int runServe(const QString &name, const QCommandLineParser &parser);

} // namespace karvan::hq::cli

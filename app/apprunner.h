#pragma once

#include "domain/result.h"

#include <QString>

namespace karvan::app {

// `karvan` as a whole: options, the store, the engine, and the modes
//   karvan [--db PATH] [--demo] [--language CODE] [--kiosk] [--kiosk-idle SECONDS]
//   karvan --self-test            every page, every language, phone and tablet; non-zero on
//                                 any QML warning or error
//   karvan --screenshots DIR      PNGs of every page in en, fa, ar at phone and tablet size
//   karvan --server URL --login NAME [--ca-file PEM]
//                                 signs in to HQ at start (password on stdin, or
//                                 KARVAN_PASSWORD) and syncs once; with --self-test the pages
//                                 are then checked on what the sync brought
//   karvan [--db PATH] --measure-startup
//                                 prints one JSON line (app/startupprobe.h) when the main
//                                 window's first frame, and the first frame with the store's
//                                 data, have been drawn, then exits (bench_cold_start)
int run(int argc, char **argv);

// Writes the small demo company into a new store at path (self-test, screenshots, tests).
Result<void> createDemoStore(const QString &path);

} // namespace karvan::app

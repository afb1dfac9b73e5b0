#pragma once

#include "domain/result.h"

#include <QTextStream>

namespace karvan {

class LocalStore;

// A short walk through a device store holding the demo company: search in six languages the
// way people type, then an order priced, checked and saved offline.
Result<void> runTour(LocalStore &store, QTextStream &out);

} // namespace karvan

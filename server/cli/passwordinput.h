#pragma once

#include "domain/result.h"

#include <QString>

namespace karvan::hq::cli {

// Reads one line from stdin as the password (UTF-8, without the line ending). On a terminal it
// prompts on stderr and turns echo off while the password is typed.
Result<QString> readPasswordLine(const QString &prompt);

} // namespace karvan::hq::cli

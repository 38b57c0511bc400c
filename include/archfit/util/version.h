#pragma once

#include <string>

namespace archfit {

// "0.1.0", from the CMake project version.
const char* versionString();

// Data directory (pricing catalogs, schemas, samples): $ARCHFIT_DATA_DIR if set, else
// ../share/archfit next to the executable `exePath`, else the source tree's data/ folder
// compiled in. Returns "" when none of them holds pricing/.
std::string findDataDir(const std::string& exePath);

}  // namespace archfit

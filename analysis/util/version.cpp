#include "archfit/util/version.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

// Both come from the archfit_engine target's compile definitions (analysis/CMakeLists.txt).
#ifndef ARCHFIT_VERSION
#define ARCHFIT_VERSION "0.0.0-unknown"
#endif
#ifndef ARCHFIT_SOURCE_DATA_DIR
#define ARCHFIT_SOURCE_DATA_DIR ""
#endif

namespace archfit {

namespace {

namespace fs = std::filesystem;

// A data directory is usable only when it holds the pricing catalogs.
bool hasPricing(const fs::path& dir)
{
    if (dir.empty())
        return false;
    std::error_code ec;
    return fs::is_directory(dir / "pricing", ec);
}

}  // namespace

const char* versionString()
{
    return ARCHFIT_VERSION;
}

std::string findDataDir(const std::string& exePath)
{
    if (const char* env = std::getenv("ARCHFIT_DATA_DIR"); env && *env && hasPricing(env))
        return env;

    // A bare name ("archfit", found through PATH) says nothing about where we are installed.
    if (const fs::path bin = fs::path(exePath).parent_path(); !bin.empty()) {
        const fs::path installed = bin / ".." / "share" / "archfit";
        if (hasPricing(installed)) {
            // Resolve "bin/.." the way the OS does (bin may be a symlink).
            std::error_code ec;
            const fs::path resolved = fs::weakly_canonical(installed, ec);
            return ec ? installed.string() : resolved.string();
        }
    }

    if (hasPricing(ARCHFIT_SOURCE_DATA_DIR))
        return ARCHFIT_SOURCE_DATA_DIR;
    return {};
}

}  // namespace archfit

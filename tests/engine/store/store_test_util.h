#pragma once
// Helpers shared by the project store tests (tests/engine/store/*_test.cpp).

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace archfit::store_test {

inline std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Names of the save temporaries (<name>.tmp-*) in `dir`.
inline std::vector<std::string> tempFilesIn(const std::filesystem::path& dir)
{
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos)
            found.push_back(name);
    }
    return found;
}

}  // namespace archfit::store_test

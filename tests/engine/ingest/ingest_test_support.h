#pragma once
// Shared by the ingest tests: files they write (one folder per test program and process under
// the system temp folder, named by `tag`) and a two-component workload with routes.

#include "archfit/workload/workload.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace archfit::testfiles {

inline std::filesystem::path tempDir(const std::string& tag)
{
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("archfit-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::filesystem::path writeFile(const std::string& tag, const std::string& name, const std::string& content)
{
    const std::filesystem::path p = tempDir(tag) / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

// "api" takes every path under /api/; "web" GET requests of /static/*.css (a glob).
inline Workload apiAndWebWorkload()
{
    Workload w;
    Component api;
    api.id = "api";
    api.routes = {{"", "/api/", ""}};
    Component web;
    web.id = "web";
    web.routes = {{"", "/static/*.css", "GET"}};
    w.components = {api, web};
    return w;
}

}  // namespace archfit::testfiles

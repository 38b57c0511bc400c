#pragma once
// Helpers shared by the fuzz targets in tests/fuzz (docs/reliability.md). Each target defines
// LLVMFuzzerTestOneInput; built with -DARCHFIT_FUZZ=ON it links libFuzzer, otherwise
// replay_main.cpp replays the seed corpus so ctest runs every target with gcc too.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace archfit::fuzz {

// Stops the run with a message: libFuzzer (and the replay main) report the input that did it.
[[noreturn]] inline void fail(const std::string& what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
    std::abort();
}

inline void check(bool condition, const char* what)
{
    if (!condition)
        fail(what);
}

// Reads every byte of `view` so AddressSanitizer sees a view that dangles or runs past its
// buffer; returns a value the caller folds into a sink so the reads are not optimised away.
inline unsigned touch(std::string_view view)
{
    unsigned sum = 0;
    for (const char c : view)
        sum += static_cast<unsigned char>(c);
    return sum;
}

// The input's lines as the ingest engine hands them to a LineParser: split at '\n', a trailing
// '\r' removed, lines longer than `maxBytes` left out (the engine counts those as "too_long").
inline std::vector<std::string_view> splitLines(std::string_view text, std::size_t maxBytes)
{
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() <= maxBytes)
            lines.push_back(line);
        pos = nl + 1;
    }
    return lines;
}

// A copy of `line` in a heap block of exactly its size, so a parser reading one byte past the
// end is caught by AddressSanitizer (the fuzzer's own buffer has other lines after it).
class ExactCopy {
public:
    explicit ExactCopy(std::string_view line)
        : m_bytes(new char[line.size() == 0 ? 1 : line.size()]), m_size(line.size())
    {
        if (m_size)
            std::copy(line.begin(), line.end(), m_bytes.get());
    }
    std::string_view view() const { return {m_bytes.get(), m_size}; }

private:
    std::unique_ptr<char[]> m_bytes;
    std::size_t m_size;
};

// A scratch file private to this process (in /dev/shm when available: no disk traffic per
// input), rewritten for each input and removed at exit.
class ScratchFile {
public:
    explicit ScratchFile(const char* name)
    {
        const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : nullptr;
        if (!dir)
            dir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
        m_path = std::string(dir) + "/archfit-fuzz-" + std::to_string(::getpid()) + "-" + name;
    }
    ~ScratchFile()
    {
        ::unlink(m_path.c_str());
        ::unlink((m_path + "-journal").c_str());
        ::unlink((m_path + "-wal").c_str());
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const std::string& path() const { return m_path; }

    void write(const std::uint8_t* data, std::size_t size) const
    {
        ::unlink((m_path + "-journal").c_str());
        ::unlink((m_path + "-wal").c_str());
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        check(fd >= 0, "cannot create the scratch file");
        std::size_t done = 0;
        while (done < size) {
            const ssize_t n = ::write(fd, data + done, size - done);
            check(n > 0, "cannot write the scratch file");
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }

private:
    std::string m_path;
};

}  // namespace archfit::fuzz

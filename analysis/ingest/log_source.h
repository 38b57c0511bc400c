#pragma once
// A log file as a stream of (decompressed) bytes, hashed as it is read (engine-internal).
// Gzip is detected by its magic bytes (1f 8b), not by the file name; concatenated gzip members
// are read one after the other, as zcat does. Inflated with ISA-L's igzip where the build found
// it (ARCHFIT_HAVE_ISAL: 2.9x zlib's speed here, docs/benchmarks.md), else with zlib; both check
// each member's CRC. Not thread-safe: one reader thread owns it.

#include "archfit/util/result.h"
#include "util/sha256.h"

#include <cstdint>
#include <memory>
#include <string>

typedef struct z_stream_s z_stream;
struct inflate_state;  // ISA-L

namespace archfit {

class LogSource {
public:
    ~LogSource();
    LogSource(const LogSource&) = delete;
    LogSource& operator=(const LogSource&) = delete;

    // Opens `path` ("-" = standard input; a FIFO is read as a stream too). On failure one
    // Diagnostic naming the file, code "io" ("cannot open: No such file or directory", "is a
    // directory, expected a log file", or the first read's error).
    static Result<std::unique_ptr<LogSource>> open(const std::string& path);

    // Reads up to `size` decompressed bytes into `out`: the count, 0 at the end, -1 on error
    // (error() says why: read error, corrupt gzip data).
    long read(char* out, std::size_t size);
    const std::string& error() const { return m_error; }

    bool gzip() const { return m_gzip; }
    std::uint64_t fileSize() const { return m_fileSize; }
    std::uint64_t rawBytesRead() const { return m_rawRead; }
    // SHA-256 of the bytes on disk. Reads (and hashes) whatever was not read yet; call once, and
    // read no more after it (the rest of the file passes through the input buffer).
    std::string finishSha256();

private:
    LogSource() = default;
    long readRaw(char* out, std::size_t size);  // hashes as it reads
    bool fillRaw();
    int nextGzipMember();
    long readZlib(char* out, std::size_t size);
    long readIsal(char* out, std::size_t size);

    int m_fd = -1;
    bool m_gzip = false;
    bool m_rawEof = false;
    bool m_gzipDone = false;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_rawRead = 0;
    Sha256 m_sha;
    std::string m_error;
    std::unique_ptr<z_stream> m_zs;
    struct IsalState;
    std::unique_ptr<IsalState> m_isal;  // set instead of m_zs when built with ISA-L
    // The first read (the magic check) and, for gzip, the input buffer: uninitialised (no
    // zero-fill pass per file) and no larger than a regular file needs.
    std::unique_ptr<unsigned char[]> m_raw;
    std::size_t m_rawCap = 0, m_rawPos = 0, m_rawLen = 0;
};

}  // namespace archfit

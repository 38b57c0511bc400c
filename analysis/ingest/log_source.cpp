#include "ingest/log_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#ifdef ARCHFIT_HAVE_ISAL
#include <isa-l.h>
#endif

namespace archfit {

namespace {
constexpr std::size_t kRawBuffer = 1u << 20;
}

#ifdef ARCHFIT_HAVE_ISAL
struct LogSource::IsalState {
    inflate_state st;
    bool memberStarted = false;  // input of the current gzip member consumed
};
#else
struct LogSource::IsalState {};
#endif

LogSource::~LogSource()
{
    if (m_zs)
        inflateEnd(m_zs.get());
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::unique_ptr<LogSource>> LogSource::open(const std::string& path)
{
    const auto failed = [&path](std::string message) { return fileDiagnostic(path, "io", std::move(message)); };
    std::unique_ptr<LogSource> s(new LogSource());
    // "-" is standard input (a pipe, a terminal or a redirected file), read as a stream.
    s->m_fd = path == "-" ? ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (s->m_fd < 0)
        return failed(std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(s->m_fd, &st) != 0 || S_ISDIR(st.st_mode))
        return failed(S_ISDIR(st.st_mode) ? "is a directory, expected a log file"
                                          : std::string("cannot stat: ") + std::strerror(errno));
    s->m_fileSize = static_cast<std::uint64_t>(st.st_size);
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(s->m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    // A small regular file needs a buffer of its size (+1 to see the end in the first read), not
    // 1 MiB: with 10,000 small logs that was 10 GB of allocation and page faults.
    s->m_rawCap = S_ISREG(st.st_mode) && st.st_size > 0
                      ? static_cast<std::size_t>(std::clamp<std::uint64_t>(s->m_fileSize + 1, 4096, kRawBuffer))
                      : kRawBuffer;
    s->m_raw.reset(new unsigned char[s->m_rawCap]);
    if (!s->fillRaw())
        return failed(s->m_error);
    if (s->m_rawLen >= 2 && s->m_raw[0] == 0x1f && s->m_raw[1] == 0x8b) {
        s->m_gzip = true;
#ifdef ARCHFIT_HAVE_ISAL
        // ARCHFIT_GZIP=zlib selects the fallback (the tests run both inflaters on the same files).
        const char* forced = std::getenv("ARCHFIT_GZIP");
        if (!forced || std::strcmp(forced, "zlib") != 0) {
            s->m_isal = std::make_unique<IsalState>();
            isal_inflate_init(&s->m_isal->st);
            s->m_isal->st.crc_flag = ISAL_GZIP;  // parse the gzip wrapper, check the CRC
            return std::move(s);  // into the Result
        }
#endif
        s->m_zs = std::make_unique<z_stream>();
        std::memset(s->m_zs.get(), 0, sizeof(z_stream));
        if (inflateInit2(s->m_zs.get(), 15 + 16) != Z_OK)
            return failed("cannot initialise zlib");
    }
    return std::move(s);  // into the Result
}

long LogSource::readRaw(char* out, std::size_t size)
{
    for (;;) {
        const ssize_t n = ::read(m_fd, out, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_error = std::string("read error: ") + std::strerror(errno);
            return -1;
        }
        m_sha.update(out, static_cast<std::size_t>(n));
        m_rawRead += static_cast<std::uint64_t>(n);
        if (n == 0)
            m_rawEof = true;
        return static_cast<long>(n);
    }
}

// Refills the raw buffer when it is empty; false on a read error.
bool LogSource::fillRaw()
{
    if (m_rawPos < m_rawLen || m_rawEof)
        return true;
    const long n = readRaw(reinterpret_cast<char*>(m_raw.get()), m_rawCap);
    if (n < 0)
        return false;
    m_rawPos = 0;
    m_rawLen = static_cast<std::size_t>(n);
    return true;
}

// After a gzip member's end: 1 when another member follows (cat a.gz b.gz), 0 when the data ends
// there (anything else after it is ignored, as zcat does; m_gzipDone set), -1 on a read error.
int LogSource::nextGzipMember()
{
    if (!fillRaw())
        return -1;
    if (m_rawPos < m_rawLen && m_raw[m_rawPos] == 0x1f)
        return 1;
    m_gzipDone = true;
    return 0;
}

long LogSource::read(char* out, std::size_t size)
{
    if (!m_gzip) {
        // Bytes buffered by open() (the magic check) first, then straight from the file.
        if (m_rawPos < m_rawLen) {
            const std::size_t n = std::min(size, m_rawLen - m_rawPos);
            std::memcpy(out, m_raw.get() + m_rawPos, n);
            m_rawPos += n;
            return static_cast<long>(n);
        }
        return m_rawEof ? 0 : readRaw(out, size);
    }
    return m_isal ? readIsal(out, size) : readZlib(out, size);
}

long LogSource::readZlib(char* out, std::size_t size)
{
    z_stream& zs = *m_zs;
    std::size_t produced = 0;
    while (produced < size && !m_gzipDone) {
        if (!fillRaw())
            return -1;
        if (m_rawPos >= m_rawLen && m_rawEof) {
            if (produced == 0 && zs.total_in > 0 && !m_gzipDone) {
                m_error = "gzip data cut short (unexpected end of file)";
                return -1;
            }
            break;
        }
        zs.next_in = m_raw.get() + m_rawPos;
        zs.avail_in = static_cast<uInt>(m_rawLen - m_rawPos);
        zs.next_out = reinterpret_cast<Bytef*>(out + produced);
        zs.avail_out = static_cast<uInt>(size - produced);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced = size - zs.avail_out;
        m_rawPos = m_rawLen - zs.avail_in;
        if (rc == Z_STREAM_END) {
            const int next = nextGzipMember();
            if (next < 0)
                return -1;
            if (next > 0)
                inflateReset(&zs);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = std::string("corrupt gzip data: ") + (zs.msg ? zs.msg : "inflate failed");
            return -1;
        }
    }
    return static_cast<long>(produced);
}

long LogSource::readIsal(char* out, std::size_t size)
{
#ifdef ARCHFIT_HAVE_ISAL
    inflate_state& st = m_isal->st;
    std::size_t produced = 0;
    while (produced < size && !m_gzipDone) {
        if (!fillRaw())
            return -1;
        // With the input used up ISA-L may still hold output of its own: call it once more.
        const bool noInput = m_rawPos >= m_rawLen;
        st.next_in = m_raw.get() + m_rawPos;
        st.avail_in = static_cast<std::uint32_t>(m_rawLen - m_rawPos);
        st.next_out = reinterpret_cast<std::uint8_t*>(out + produced);
        st.avail_out = static_cast<std::uint32_t>(size - produced);
        const std::size_t before = produced;
        const int rc = isal_inflate(&st);
        produced = size - st.avail_out;
        if (m_rawLen - m_rawPos != st.avail_in)
            m_isal->memberStarted = true;
        m_rawPos = m_rawLen - st.avail_in;
        if (rc < 0) {
            m_error = std::string("corrupt gzip data: ") +
                      (rc == ISAL_INCORRECT_CHECKSUM ? "incorrect data check"
                       : rc == ISAL_INVALID_WRAPPER  ? "incorrect header"
                       : rc == ISAL_UNSUPPORTED_METHOD ? "unknown compression method"
                                                       : "invalid deflate data");
            return -1;
        }
        if (st.block_state == ISAL_BLOCK_FINISH) {
            const int next = nextGzipMember();
            if (next < 0)
                return -1;
            if (next > 0) {
                isal_inflate_reset(&st);
                st.crc_flag = ISAL_GZIP;
                m_isal->memberStarted = false;
            }
            continue;
        }
        if (noInput && produced == before) {
            if (produced == 0 && m_isal->memberStarted) {
                m_error = "gzip data cut short (unexpected end of file)";
                return -1;
            }
            break;
        }
    }
    return static_cast<long>(produced);
#else
    (void)out;
    (void)size;
    return -1;
#endif
}

std::string LogSource::finishSha256()
{
    // The input buffer is the sink: nothing is read after this.
    m_rawPos = m_rawLen = 0;
    while (!m_rawEof && readRaw(reinterpret_cast<char*>(m_raw.get()), m_rawCap) > 0) {
    }
    return m_sha.hexDigest();
}

}  // namespace archfit

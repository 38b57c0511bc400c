// gzip inflate: zlib (what ArchFit links) against ISA-L's igzip (libisal-dev), the library the
// issue names as the faster candidate. Built only when ISA-L is installed; reads the .gz named by
// ARCHFIT_BENCH_GZ (e.g. `gzip -1 -k bench-2M.log` from tests/bench/ingest_bench.sh), inflating
// it whole into a 1 MiB buffer as the ingest reader does, and reports decompressed bytes/s.
//   ARCHFIT_BENCH_GZ=/tmp/ib/bench-2M.log.gz build/tests/bench/archfit_inflate_bench

#include <benchmark/benchmark.h>

#include <isa-l.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

const std::vector<unsigned char>* compressed(benchmark::State& state)
{
    static const std::vector<unsigned char> bytes = [] {
        const char* path = std::getenv("ARCHFIT_BENCH_GZ");
        if (!path)
            return std::vector<unsigned char>();
        std::ifstream in(path, std::ios::binary);
        return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
    }();
    if (bytes.empty()) {
        state.SkipWithError("set ARCHFIT_BENCH_GZ to a .gz file");
        return nullptr;
    }
    return &bytes;
}

// Runs `inflateAll(gz, out)` (decompressed bytes of the whole file, -1 on corrupt input) per
// iteration and reports decompressed bytes per second.
template <typename InflateAll>
void measure(benchmark::State& state, InflateAll inflateAll)
{
    const auto* gz = compressed(state);
    if (!gz)
        return;
    std::vector<unsigned char> out(1 << 20);
    std::int64_t total = 0;
    for (auto _ : state) {
        const std::int64_t n = inflateAll(*gz, out);
        if (n < 0)
            state.SkipWithError("corrupt input");
        total += n;
    }
    state.SetBytesProcessed(total);
}

void BM_InflateZlib(benchmark::State& state)
{
    measure(state, [](const std::vector<unsigned char>& gz, std::vector<unsigned char>& out) -> std::int64_t {
        z_stream zs;
        std::memset(&zs, 0, sizeof zs);
        inflateInit2(&zs, 15 + 16);
        zs.next_in = const_cast<unsigned char*>(gz.data());
        zs.avail_in = static_cast<uInt>(gz.size());
        std::int64_t n = 0;
        int rc = Z_OK;
        while (rc == Z_OK) {
            zs.next_out = out.data();
            zs.avail_out = static_cast<uInt>(out.size());
            rc = inflate(&zs, Z_NO_FLUSH);
            n += static_cast<std::int64_t>(out.size() - zs.avail_out);
        }
        inflateEnd(&zs);
        return rc == Z_STREAM_END ? n : -1;
    });
}

void BM_InflateIsal(benchmark::State& state)
{
    measure(state, [](const std::vector<unsigned char>& gz, std::vector<unsigned char>& out) -> std::int64_t {
        static inflate_state st;  // ~40 KB: not on the stack
        isal_inflate_init(&st);
        st.crc_flag = ISAL_GZIP;  // parse the gzip header and check the CRC, as zlib does
        st.next_in = const_cast<unsigned char*>(gz.data());
        st.avail_in = static_cast<std::uint32_t>(gz.size());
        std::int64_t n = 0;
        int rc = ISAL_DECOMP_OK;
        while (rc == ISAL_DECOMP_OK && st.block_state != ISAL_BLOCK_FINISH) {
            st.next_out = out.data();
            st.avail_out = static_cast<std::uint32_t>(out.size());
            rc = isal_inflate(&st);
            n += static_cast<std::int64_t>(out.size() - st.avail_out);
        }
        return rc == ISAL_DECOMP_OK ? n : -1;
    });
}

BENCHMARK(BM_InflateZlib)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_InflateIsal)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();

#include "util/sha256.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define ARCHFIT_SHA_X86 1
#endif

namespace archfit {

namespace {

alignas(16) const std::uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compressPortable(std::uint32_t* state, const unsigned char* data, std::size_t blocks)
{
    for (; blocks > 0; --blocks, data += 64) {
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = static_cast<std::uint32_t>(data[4 * i]) << 24 | static_cast<std::uint32_t>(data[4 * i + 1]) << 16 |
                   static_cast<std::uint32_t>(data[4 * i + 2]) << 8 | data[4 * i + 3];
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kK[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#ifdef ARCHFIT_SHA_X86
// Four rounds per step with the SHA-NI instructions; the state lives as ABEF / CDGH.
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNi(std::uint32_t* state, const unsigned char* data,
                                                                std::size_t blocks)
{
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));       // DCBA
    __m128i s1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));    // HGFE
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                                            // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);                                              // EFGH
    __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);                                      // ABEF
    s1 = _mm_blend_epi16(s1, tmp, 0xF0);                                           // CDGH
    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abef = s0, cdgh = s1;
        __m128i w[4];
        for (int g = 0; g < 16; ++g) {
            __m128i& cur = w[g & 3];
            if (g < 4) {
                cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)), mask);
            } else {
                // W[t..t+3] from W[t-16..t-1]: msg1 adds sigma0, alignr brings W[t-7..t-4], msg2 adds sigma1.
                const __m128i prev = w[(g - 1) & 3], prev2 = w[(g - 2) & 3], prev3 = w[(g - 3) & 3];
                __m128i x = _mm_sha256msg1_epu32(cur, prev3);
                x = _mm_add_epi32(x, _mm_alignr_epi8(prev, prev2, 4));
                cur = _mm_sha256msg2_epu32(x, prev);
            }
            __m128i msg = _mm_add_epi32(cur, _mm_load_si128(reinterpret_cast<const __m128i*>(kK + 4 * g)));
            s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, msg);
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    tmp = _mm_shuffle_epi32(s0, 0x1B);        // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);         // DCHG
    s0 = _mm_blend_epi16(tmp, s1, 0xF0);      // DCBA
    s1 = _mm_alignr_epi8(s1, tmp, 8);         // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), s0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), s1);
}

bool cpuHasSha()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return false;
    const bool sha = (b >> 29) & 1;
    unsigned a1 = 0, b1 = 0, c1 = 0, d1 = 0;
    __get_cpuid(1, &a1, &b1, &c1, &d1);
    const bool sse41 = (c1 >> 19) & 1, ssse3 = (c1 >> 9) & 1;
    return sha && sse41 && ssse3;
}
#endif

using CompressFn = void (*)(std::uint32_t*, const unsigned char*, std::size_t);

CompressFn pickCompress()
{
#ifdef ARCHFIT_SHA_X86
    if (cpuHasSha())
        return compressShaNi;
#endif
    return compressPortable;
}

const CompressFn kCompress = pickCompress();

}  // namespace

Sha256::Sha256() { reset(); }

void Sha256::reset()
{
    static const std::uint32_t kInit[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::memcpy(m_state, kInit, sizeof m_state);
    m_buffered = 0;
    m_length = 0;
}

bool Sha256::hardwareAccelerated() { return kCompress != compressPortable; }

void Sha256::update(const void* data, std::size_t size)
{
    const unsigned char* p = static_cast<const unsigned char*>(data);
    m_length += size;
    if (m_buffered > 0) {
        const std::size_t take = std::min(size, 64 - m_buffered);
        std::memcpy(m_buffer + m_buffered, p, take);
        m_buffered += take;
        p += take;
        size -= take;
        if (m_buffered < 64)
            return;
        kCompress(m_state, m_buffer, 1);
        m_buffered = 0;
    }
    if (size >= 64) {
        kCompress(m_state, p, size / 64);
        p += size / 64 * 64;
        size %= 64;
    }
    std::memcpy(m_buffer, p, size);
    m_buffered = size;
}

std::string Sha256::hexDigest()
{
    const std::uint64_t bits = m_length * 8;
    unsigned char pad[72] = {0x80};
    const std::size_t padLen = (m_buffered < 56 ? 56 : 120) - m_buffered;
    unsigned char lenBytes[8];
    for (int i = 0; i < 8; ++i)
        lenBytes[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    update(pad, padLen);
    update(lenBytes, 8);
    static const char kHex[] = "0123456789abcdef";
    std::string out(64, '0');
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) {
            const unsigned byte = (m_state[i] >> (24 - 8 * j)) & 0xFF;
            out[static_cast<std::size_t>(8 * i + 2 * j)] = kHex[byte >> 4];
            out[static_cast<std::size_t>(8 * i + 2 * j + 1)] = kHex[byte & 15];
        }
    reset();
    return out;
}

std::string sha256Hex(std::string_view data)
{
    Sha256 h;
    h.update(data.data(), data.size());
    return h.hexDigest();
}

}  // namespace archfit

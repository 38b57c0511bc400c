#pragma once
// SHA-256 (FIPS 180-4), streaming (engine-internal). Uses the x86 SHA extensions when the CPU has
// them (checked once at run time), else portable C++; both give identical digests.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace archfit {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    // Finishes and returns the digest as 64 lowercase hex digits; the object is then reset.
    std::string hexDigest();
    // True when the hardware path is in use (for the benchmark notes).
    static bool hardwareAccelerated();

private:
    void reset();
    std::uint32_t m_state[8];
    unsigned char m_buffer[64];
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;   // bytes hashed so far
};

// One-shot convenience.
std::string sha256Hex(std::string_view data);

}  // namespace archfit

#pragma once
// Progress of long CLI work on standard error ("analyzing: 42%"), only when standard error is a
// terminal: pipes, files and the tests see nothing. The line is cleared when the work ends.

#include "archfit/util/progress.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace archfit::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(std::string label) : m_label(std::move(label))
    {
        if (!::isatty(STDERR_FILENO))
            return;
        m_progress.report = [this](std::uint64_t done, std::uint64_t total) {
            const auto now = std::chrono::steady_clock::now();
            if (now - m_last < std::chrono::milliseconds(200) && done < total)
                return;
            m_last = now;
            const int percent = total ? static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)) : 0;
            if (percent == m_percent)
                return;
            m_percent = percent;
            std::fprintf(stderr, "\r%s: %3d%%", m_label.c_str(), percent);
            std::fflush(stderr);
            m_shown = true;
        };
    }
    ~TerminalProgress()
    {
        if (m_shown) {
            std::fprintf(stderr, "\r%*s\r", static_cast<int>(m_label.size()) + 6, "");
            std::fflush(stderr);
        }
    }
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    // Null when standard error is not a terminal (nothing to show).
    Progress* get() { return m_progress.report ? &m_progress : nullptr; }

private:
    std::string m_label;
    Progress m_progress;
    std::chrono::steady_clock::time_point m_last{};
    int m_percent = -1;
    bool m_shown = false;
};

}  // namespace archfit::cli

#pragma once
// Progress reporting and cancellation for long engine work (STYLE.md "Long work").

#include <atomic>
#include <cstdint>
#include <functional>

namespace archfit {

// Owned by the caller and outliving the call that receives it. `report` is called from one engine
// thread at a time (never concurrently), with `done <= total` in the caller's unit (bytes for
// ingest); it must be cheap and thread-safe with respect to the caller's own threads (the GUI
// forwards it through a queued signal). `cancel` may be set from any thread; the work checks it
// often and returns Outcome::Cancelled quickly.
struct Progress {
    std::function<void(std::uint64_t done, std::uint64_t total)> report;
    std::atomic<bool> cancel{false};
};

}  // namespace archfit

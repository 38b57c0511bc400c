#pragma once
// Switches off the number formatting of util/text_format.h on one thread (engine-internal).

namespace archfit::text {

// While a Quiet is alive on a thread, the functions of text_format.h return "" on that thread: for
// evaluations whose reasons and cost details are thrown away unread (the growth grid keeps only
// each component's pick), so that they skip the number formatting. Numbers are never computed
// from these strings, so the results are the same either way. Nests; per thread.
class Quiet {
public:
    Quiet();
    ~Quiet();
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;
};

}  // namespace archfit::text

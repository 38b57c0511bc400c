#pragma once
// Switches off the number formatting of util/text_format.h on one thread (engine-internal).

namespace archfit::text {

// While a Quiet is alive on a thread, the functions of text_format.h return "" on that thread, and
// code that builds longer texts may ask quiet() and leave them out: for evaluations whose reasons
// and cost details are thrown away unread (the growth grid keeps only each component's pick).
// Numbers are never computed from these strings, so the results are the same either way.
// Nests; per thread.
class Quiet {
public:
    Quiet();
    ~Quiet();
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;
};

// True while a Quiet is alive on this thread.
bool quiet();

}  // namespace archfit::text

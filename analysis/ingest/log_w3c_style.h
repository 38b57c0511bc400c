#pragma once
// Engine-internal: the W3C extended log machinery shared by the "w3c" (IIS) and "cloudfront"
// parsers. Both carry a "#Fields:" directive naming the columns, in any order, and may repeat
// their header block mid-file (IIS after each app-pool restart, concatenated CloudFront files),
// so these parsers are sequential(): a line's meaning depends on the last "#Fields:" before it.

#include "archfit/ingest/log_ingest.h"

#include <memory>

namespace archfit {

struct W3cStyleConfig {
    const char* name;              // format name reported ("w3c", "cloudfront")
    char separator;                // between data columns: ' ' (IIS) or '\t' (CloudFront)
    bool timeTakenSeconds;         // time-taken always in seconds (CloudFront); else integers are
                                   // milliseconds (IIS) and decimals seconds (the W3C draft)
    const char* defaultFields;     // columns before any "#Fields:" line; null: such lines are skipped
};

std::unique_ptr<LineParser> makeW3cStyleParser(const W3cStyleConfig& config);

}  // namespace archfit

// AWS CloudFront standard logs (access logs): W3C extended format with tab-separated columns,
//   #Version: 1.0
//   #Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status ...
//   2019-12-04<TAB>21:02:31<TAB>LAX1<TAB>392<TAB>2001:db8::7<TAB>GET<TAB>d111.cloudfront.net<TAB>/index.html<TAB>200 ...
// Columns come from "#Fields:" (log_w3c_parser.cpp does the work); before any such line the
// documented 33-column layout is assumed, so header-less extracts still read. time-taken is in
// seconds ("0.093"); status 000 (the viewer went away before a response) is kept as status 0; the
// host is x-host-header (the name the viewer asked for), else cs(Host) (the distribution's
// domain). A record with fewer columns than "#Fields:" names is read when only columns after the
// ones ArchFit uses are missing (31-column records without sc-range-start/end exist in real logs),
// else skipped as "truncated".

#include "ingest/log_parsers.h"
#include "ingest/log_w3c_style.h"

namespace archfit {

namespace {

const char* const kCloudFrontFields =
    "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
    "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header "
    "cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type "
    "cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte "
    "x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end";

const W3cStyleConfig kCloudFrontConfig{"cloudfront", '\t', true, kCloudFrontFields};

}  // namespace

std::unique_ptr<LineParser> makeCloudFrontParser() { return makeW3cStyleParser(kCloudFrontConfig); }

}  // namespace archfit

#include "store/project_store_extras.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

namespace archfit {

namespace {

using sqlite::Database;
using sqlite::Statement;

std::int64_t toInt64(std::uint64_t v)
{
    return v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
               ? std::numeric_limits<std::int64_t>::max()
               : static_cast<std::int64_t>(v);
}

// "bucket:count bucket:count ..." for the non-empty buckets of one minute's histogram.
std::string latencyText(const LatencyHistogram& h)
{
    std::string out;
    for (int b = 0; b < kLatencyBuckets; ++b) {
        const std::uint64_t n = h.bucketCount(b);
        if (n == 0)
            continue;
        if (!out.empty())
            out += ' ';
        out += std::to_string(b) + ':' + std::to_string(n);
    }
    return out;
}

// More runs than any real project has: a larger index is damage, not data.
constexpr std::int64_t kMaxRuns = 100000;

[[noreturn]] void badRow(const std::string& what)
{
    throw std::runtime_error("the traffic table has " + what);
}

std::uint32_t toCount(std::int64_t v, const char* column)
{
    if (v < 0 || v > std::numeric_limits<std::uint32_t>::max())
        badRow(std::string("an out-of-range ") + column + " (" + std::to_string(v) + ")");
    return static_cast<std::uint32_t>(v);
}

// Parses latencyText() output into a dense array; throws on malformed text.
void parseLatency(const std::string& text, std::uint32_t* dense, int& first, int& last)
{
    first = kLatencyBuckets;
    last = -1;
    std::istringstream in(text);
    std::string token;
    while (in >> token) {
        const std::size_t colon = token.find(':');
        std::size_t usedB = 0, usedN = 0;
        long long bucket = -1, count = -1;
        try {
            if (colon == std::string::npos)
                throw std::invalid_argument("no colon");
            bucket = std::stoll(token.substr(0, colon), &usedB);
            count = std::stoll(token.substr(colon + 1), &usedN);
        } catch (const std::exception&) {
            badRow("a malformed latency entry \"" + token + "\"");
        }
        if (usedB != colon || usedN != token.size() - colon - 1 || bucket < 0
            || bucket >= kLatencyBuckets || count <= 0
            || count > std::numeric_limits<std::uint32_t>::max())
            badRow("a malformed latency entry \"" + token + "\"");
        dense[bucket] += static_cast<std::uint32_t>(count);
        first = std::min(first, static_cast<int>(bucket));
        last = std::max(last, static_cast<int>(bucket));
    }
}

}  // namespace

void createProjectExtrasTables(Database& db)
{
    db.exec("CREATE TABLE scenarios (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " json TEXT NOT NULL);"
            "CREATE TABLE imports (position INTEGER PRIMARY KEY, path TEXT NOT NULL,"
            " sha256 TEXT NOT NULL, format TEXT NOT NULL, lines INTEGER NOT NULL,"
            " parsed INTEGER NOT NULL, skipped INTEGER NOT NULL, imported_utc TEXT NOT NULL);"
            "CREATE TABLE traffic (component TEXT NOT NULL, minute INTEGER NOT NULL,"
            " requests INTEGER NOT NULL, bytes INTEGER NOT NULL, status_other INTEGER NOT NULL,"
            " status_2xx INTEGER NOT NULL, status_3xx INTEGER NOT NULL,"
            " status_4xx INTEGER NOT NULL, status_5xx INTEGER NOT NULL, latency TEXT NOT NULL,"
            " PRIMARY KEY (component, minute));");
}

void addImportDetailTables(Database& db)
{
    db.exec("ALTER TABLE imports ADD COLUMN size INTEGER NOT NULL DEFAULT 0;"
            "ALTER TABLE imports ADD COLUMN gzip INTEGER NOT NULL DEFAULT 0;"
            "ALTER TABLE imports ADD COLUMN run INTEGER NOT NULL DEFAULT 0;"
            "ALTER TABLE imports ADD COLUMN first_minute INTEGER;"
            "ALTER TABLE imports ADD COLUMN last_minute INTEGER;"
            "CREATE TABLE import_skips (run INTEGER NOT NULL, reason TEXT NOT NULL,"
            " count INTEGER NOT NULL, PRIMARY KEY (run, reason));"
            "CREATE TABLE import_skip_examples (run INTEGER NOT NULL, reason TEXT NOT NULL,"
            " position INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,"
            " snippet TEXT NOT NULL, PRIMARY KEY (run, reason, position));"
            "CREATE TABLE import_unmapped (run INTEGER NOT NULL, rank INTEGER NOT NULL,"
            " path TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (run, rank));");
}

void writeProjectExtras(Database& db, const ProjectData& data)
{
    Statement scenario(db, "INSERT INTO scenarios (position, name, json) VALUES (?1, ?2, ?3)");
    std::int64_t position = 0;
    for (const ProjectScenario& s : data.scenarios) {
        scenario.bind(1, position++).bind(2, s.name).bind(3, s.json.empty() ? "{}" : s.json);
        scenario.run();
        scenario.reset();
    }

    Statement import(db, "INSERT INTO imports (position, path, sha256, format, lines, parsed,"
                         " skipped, imported_utc, size, gzip, run, first_minute, last_minute)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    position = 0;
    for (const ProjectImport& i : data.imports) {
        import.bind(1, position++).bind(2, i.path).bind(3, i.sha256).bind(4, i.format);
        import.bind(5, toInt64(i.lines)).bind(6, toInt64(i.parsed)).bind(7, toInt64(i.skipped));
        import.bind(8, i.importedUtc).bind(9, toInt64(i.sizeBytes));
        import.bind(10, std::int64_t{i.gzip ? 1 : 0}).bind(11, std::int64_t{i.run});
        if (i.firstMinute)
            import.bind(12, *i.firstMinute);
        else
            import.bindNull(12);
        if (i.lastMinute)
            import.bind(13, *i.lastMinute);
        else
            import.bindNull(13);
        import.run();
        import.reset();
    }

    Statement skip(db, "INSERT INTO import_skips (run, reason, count) VALUES (?1, ?2, ?3)");
    Statement example(db, "INSERT INTO import_skip_examples (run, reason, position, file, line,"
                          " snippet) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    Statement unmapped(db, "INSERT INTO import_unmapped (run, rank, path, count)"
                           " VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t r = 0; r < data.importRuns.size(); ++r) {
        const ProjectImportRun& run = data.importRuns[r];
        const auto runIndex = static_cast<std::int64_t>(r);
        for (const SkipReason& s : run.skippedByReason) {
            skip.bind(1, runIndex).bind(2, s.reason).bind(3, toInt64(s.count));
            skip.run();
            skip.reset();
            std::int64_t n = 0;
            for (const SkipExample& e : s.examples) {
                example.bind(1, runIndex).bind(2, s.reason).bind(3, n++).bind(4, e.file);
                example.bind(5, toInt64(e.line)).bind(6, e.snippet);
                example.run();
                example.reset();
            }
        }
        std::int64_t rank = 0;
        for (const UnmappedPath& p : run.unmappedTop) {
            unmapped.bind(1, runIndex).bind(2, rank++).bind(3, p.path).bind(4, toInt64(p.count));
            unmapped.run();
            unmapped.reset();
        }
    }

    if (!data.traffic)
        return;
    Statement row(db, "INSERT INTO traffic (component, minute, requests, bytes, status_other,"
                      " status_2xx, status_3xx, status_4xx, status_5xx, latency)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& [id, series] : data.traffic->components()) {
        for (const std::int64_t minute : series.minutes()) {
            const MinuteCell* cell = series.cell(minute);
            if (!cell)
                continue;
            row.bind(1, id).bind(2, minute).bind(3, std::int64_t{cell->requests});
            row.bind(4, toInt64(cell->bytes)).bind(5, std::int64_t{cell->status1xxOrOther()});
            row.bind(6, std::int64_t{cell->status2xx}).bind(7, std::int64_t{cell->status3xx});
            row.bind(8, std::int64_t{cell->status4xx}).bind(9, std::int64_t{cell->status5xx});
            row.bind(10, latencyText(series.histogram(*cell)));
            row.run();
            row.reset();
        }
    }
    Statement source(db, "INSERT INTO traffic_sources (component, source) VALUES (?1, ?2)");
    for (const auto& [id, note] : data.traffic->sources()) {
        source.bind(1, id).bind(2, note);
        source.run();
        source.reset();
    }
}

void addTrafficSourcesTable(Database& db)
{
    db.exec("CREATE TABLE traffic_sources (component TEXT PRIMARY KEY, source TEXT NOT NULL);");
}

void readProjectExtras(Database& db, ProjectData& data)
{
    Statement scenarios(db, "SELECT name, json FROM scenarios ORDER BY position");
    while (scenarios.step())
        data.scenarios.push_back({scenarios.text(0), scenarios.text(1)});

    Statement imports(db, "SELECT path, sha256, format, lines, parsed, skipped, imported_utc,"
                          " size, gzip, run, first_minute, last_minute FROM imports"
                          " ORDER BY position");
    std::uint64_t parsedLines = 0, skippedLines = 0;
    while (imports.step()) {
        ProjectImport i;
        i.path = imports.text(0);
        i.sha256 = imports.text(1);
        i.format = imports.text(2);
        i.lines = static_cast<std::uint64_t>(std::max<std::int64_t>(0, imports.int64(3)));
        i.parsed = static_cast<std::uint64_t>(std::max<std::int64_t>(0, imports.int64(4)));
        i.skipped = static_cast<std::uint64_t>(std::max<std::int64_t>(0, imports.int64(5)));
        i.importedUtc = imports.text(6);
        i.sizeBytes = static_cast<std::uint64_t>(std::max<std::int64_t>(0, imports.int64(7)));
        i.gzip = imports.int64(8) != 0;
        const std::int64_t run = imports.int64(9);
        if (run < 0 || run > kMaxRuns)
            throw std::runtime_error("the imports table has an out-of-range run ("
                                     + std::to_string(run) + ")");
        i.run = static_cast<int>(run);
        if (!imports.isNull(10))
            i.firstMinute = imports.int64(10);
        if (!imports.isNull(11))
            i.lastMinute = imports.int64(11);
        parsedLines += i.parsed;
        skippedLines += i.skipped;
        if (static_cast<std::size_t>(i.run) >= data.importRuns.size())
            data.importRuns.resize(static_cast<std::size_t>(i.run) + 1);
        data.imports.push_back(std::move(i));
    }

    // Skip reasons and unmapped paths of runs the imports name (rows of other runs are ignored).
    Statement skips(db, "SELECT run, reason, count FROM import_skips ORDER BY run, reason");
    while (skips.step()) {
        const std::int64_t run = skips.int64(0);
        if (run < 0 || run >= static_cast<std::int64_t>(data.importRuns.size()))
            continue;
        SkipReason s;
        s.reason = skips.text(1);
        s.count = static_cast<std::uint64_t>(std::max<std::int64_t>(0, skips.int64(2)));
        data.importRuns[static_cast<std::size_t>(run)].skippedByReason.push_back(std::move(s));
    }
    Statement examples(db, "SELECT run, reason, file, line, snippet FROM import_skip_examples"
                           " ORDER BY run, reason, position");
    while (examples.step()) {
        const std::int64_t run = examples.int64(0);
        if (run < 0 || run >= static_cast<std::int64_t>(data.importRuns.size()))
            continue;
        for (SkipReason& s : data.importRuns[static_cast<std::size_t>(run)].skippedByReason) {
            if (s.reason == examples.text(1)) {
                s.examples.push_back({examples.text(2),
                                      static_cast<std::uint64_t>(
                                          std::max<std::int64_t>(0, examples.int64(3))),
                                      examples.text(4)});
                break;
            }
        }
    }
    Statement unmapped(db, "SELECT run, path, count FROM import_unmapped ORDER BY run, rank");
    while (unmapped.step()) {
        const std::int64_t run = unmapped.int64(0);
        if (run < 0 || run >= static_cast<std::int64_t>(data.importRuns.size()))
            continue;
        data.importRuns[static_cast<std::size_t>(run)].unmappedTop.push_back(
            {unmapped.text(1),
             static_cast<std::uint64_t>(std::max<std::int64_t>(0, unmapped.int64(2)))});
    }

    Statement rows(db, "SELECT component, minute, requests, bytes, status_other, status_2xx,"
                       " status_3xx, status_4xx, status_5xx, latency FROM traffic"
                       " ORDER BY component, minute");
    auto traffic = std::make_shared<TrafficData>();
    bool any = false;
    std::uint32_t dense[kLatencyBuckets];
    while (rows.step()) {
        MinuteTotals totals;
        totals.requests = toCount(rows.int64(2), "request count");
        const std::int64_t bytes = rows.int64(3);
        if (bytes < 0)
            badRow("a negative byte count");
        totals.bytes = static_cast<std::uint64_t>(bytes);
        std::uint64_t classes = 0;
        for (int k = 0; k < 5; ++k) {
            totals.status[k] = toCount(rows.int64(4 + k), "status count");
            classes += totals.status[k];
        }
        if (classes != totals.requests)
            badRow("a minute whose status counts do not add up to its requests");
        std::fill(std::begin(dense), std::end(dense), 0u);
        int first = 0, last = -1;
        parseLatency(rows.text(9), dense, first, last);
        traffic->component(rows.text(0))
            .addMinute(rows.int64(1), totals, last >= 0 ? dense : nullptr, first,
                       last >= 0 ? last : kLatencyBuckets - 1);
        any = true;
    }
    Statement sources(db, "SELECT component, source FROM traffic_sources ORDER BY component");
    while (sources.step())
        traffic->setSource(sources.text(0), sources.text(1));
    if (any) {
        // The skipped share lowers confidence (TrafficData::skippedShare): restore it as the
        // ingests counted it.
        traffic->addLineCounts(parsedLines, skippedLines);
        data.traffic = std::move(traffic);
    }
}

}  // namespace archfit

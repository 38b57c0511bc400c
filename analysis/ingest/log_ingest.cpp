// ingestLogs(): the reader/worker pipeline. The calling thread reads each file in chunks split at
// line ends (hashing the raw bytes as it goes); worker threads parse chunks into their own
// aggregates; after the file the aggregates are merged, and the file counts unless its SHA-256
// was seen before.

#include "archfit/ingest/log_ingest.h"

#include "archfit/ingest/metrics_ingest.h"

#include "ingest/log_source.h"
#include "ingest/log_worker.h"
#include "ingest/metrics_series.h"
#include "util/json_locator.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace archfit {

namespace {

// A blocking queue of chunk pointers; null is the end marker.
class ChunkQueue {
public:
    void push(Chunk* c)
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_items.push_back(c);
        }
        m_cv.notify_one();
    }
    Chunk* pop()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [&] { return !m_items.empty(); });
        Chunk* c = m_items.front();
        m_items.pop_front();
        return c;
    }
    // The front item, or null at once when there is none.
    Chunk* tryPop()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_items.empty())
            return nullptr;
        Chunk* c = m_items.front();
        m_items.pop_front();
        return c;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Chunk*> m_items;
};

struct FileOutcome {
    IngestedFile file;
    TrafficData traffic;
    std::map<std::string, SkipReason> skips;
    PathCounter paths;
    std::uint64_t headers = 0, unmapped = 0, bytes = 0;
    bool cancelled = false;
    std::optional<Diagnostic> diagnostic;  // why the file was refused, when it has a position
    // A metrics answer: its minutes wait until every file of the ingest is read.
    std::optional<MetricsRead> metrics;
};

bool cancelled(const IngestOptions& o) { return o.progress && o.progress->cancel.load(std::memory_order_relaxed); }

// Fills `c` from `src` after the carried-over partial line; leaves the new partial line in
// `carry`. Returns false at the end of the file (c may still hold a last line without "\n").
bool readChunk(LogSource& src, Chunk& c, std::vector<char>& carry, std::size_t capacity, bool& eof,
               std::string& error)
{
    c.reserve(capacity);
    c.overlong = false;
    if (!carry.empty())  // an empty vector's data() may be null, which memcpy must not get
        std::memcpy(c.data(), carry.data(), carry.size());
    c.size = carry.size();
    carry.clear();
    while (c.size < capacity && !eof) {
        const long n = src.read(c.data() + c.size, capacity - c.size);
        if (n < 0) {
            error = src.error();
            return false;
        }
        if (n == 0)
            eof = true;
        c.size += static_cast<std::size_t>(n);
    }
    if (eof)
        return c.size > 0;
    const char* last = static_cast<const char*>(memrchr(c.data(), '\n', c.size));
    if (last) {
        const std::size_t keep = static_cast<std::size_t>(last - c.data()) + 1;
        carry.assign(c.data() + keep, c.data() + c.size);
        c.size = keep;
        return true;
    }
    // One line longer than the whole chunk: drop it up to its end, hand on a marker.
    c.overlong = true;
    c.overlongHead = lineSnippet(std::string_view(c.data(), c.size));
    for (;;) {
        const long n = src.read(c.data(), capacity);
        if (n <= 0) {
            eof = n == 0;
            if (n < 0)
                error = src.error();
            break;
        }
        const char* nl = static_cast<const char*>(std::memchr(c.data(), '\n', static_cast<std::size_t>(n)));
        if (nl) {
            carry.assign(nl + 1, static_cast<const char*>(c.data()) + n);
            break;
        }
    }
    c.size = 0;
    return true;
}

// A metrics answer is one JSON document: read whole (after the first chunk and its carried-over
// partial line), then mapped by readMetrics(). Points stand for lines in the counts.
void ingestMetricsFile(FileOutcome& out, LogSource& src, const Chunk& first, std::vector<char>& carry, bool eof,
                       const std::string& format, const Workload& workload)
{
    constexpr std::size_t kMaxAnswerBytes = std::size_t(1) << 30;
    std::string text(first.data(), first.size);
    text.append(carry.data(), carry.size());
    std::vector<char> buffer(1u << 20);
    while (!eof) {
        const long n = src.read(buffer.data(), buffer.size());
        if (n < 0) {
            out.file.error = src.error();
            return;
        }
        if (n == 0)
            break;
        text.append(buffer.data(), static_cast<std::size_t>(n));
        if (text.size() > kMaxAnswerBytes) {
            out.file.error = "a " + format + " answer larger than 1 GiB; query a shorter range or a longer step";
            return;
        }
    }
    out.file.sha256 = src.finishSha256();
    out.file.format = format;
    out.bytes = text.size();
    auto read = readMetrics(text, out.file.path, format, workload);
    if (!read) {
        Diagnostic d = read.errors().front();
        out.file.error = d.toString();
        out.diagnostic = std::move(d);
        return;
    }
    MetricsRead& m = read.value();
    out.file.lines = m.points;
    out.file.parsed = m.pointsUsed;
    out.file.skipped = m.points > m.pointsUsed ? m.points - m.pointsUsed : 0;
    std::unique_ptr<JsonLocator> where;  // examples name the line of their series or point
    for (const MetricsSkip& skip : m.skipped) {
        if (skip.points == 0)
            continue;  // an empty series: nothing left out
        SkipReason& r = out.skips[skip.reason];
        r.reason = skip.reason;
        r.count += skip.points;
        if (r.examples.size() >= 5)
            continue;
        if (!where)
            where = std::make_unique<JsonLocator>(text);
        const int line = where->valuePosition(skip.jsonPath).line;
        r.examples.push_back({out.file.path, static_cast<std::uint64_t>(std::max(line, 1)),
                              lineSnippet(skip.jsonPath + ": " + skip.detail)});
    }
    out.metrics = std::move(m);
}

FileOutcome ingestFile(const std::string& path, const Workload& workload, const LogRouter& router,
                       const IngestOptions& options, std::uint64_t& progressDone, std::uint64_t progressTotal)
{
    FileOutcome out;
    out.file.path = path;
    auto opened = LogSource::open(path);
    if (!opened) {
        out.file.error = opened.errors().front().message;  // the file is named with the outcome
        return out;
    }
    const std::unique_ptr<LogSource> src = std::move(opened).value();
    std::string error;
    out.file.size = src->fileSize();
    out.file.gzip = src->gzip();
    const std::size_t capacity = std::max<std::size_t>(options.chunkBytes, kMaxLineBytes * 2);

    // The first chunk decides the format.
    std::vector<char> carry;
    bool eof = false;
    auto first = std::make_unique<Chunk>();
    const bool haveFirst = readChunk(*src, *first, carry, capacity, eof, error);
    if (!error.empty()) {
        out.file.error = error;
        return out;
    }
    // Metrics answers are known by their content whatever --format says: no log format reads JSON
    // documents of that shape.
    if (const std::string metrics = detectMetricsFormat(std::string_view(first->data(), first->size)); !metrics.empty()) {
        ingestMetricsFile(out, *src, *first, carry, eof, metrics, workload);
        return out;
    }
    std::string format = options.format;
    if (format.empty() || format == "auto") {
        auto detected = detectLogFormat(std::string_view(first->data(), first->size), path, workload);
        if (!detected) {
            out.file.error = detected.errors().front().message;
            out.file.sha256 = src->finishSha256();
            return out;
        }
        format = detected.value();
    }
    out.file.format = format;
    const auto prototype = makeLineParser(format, workload);
    if (!prototype) {
        out.file.error = "unknown format \"" + format + "\"";
        return out;
    }
    if (std::string bad = prototype->prepare(std::string_view(first->data(), first->size)); !bad.empty()) {
        out.file.error = bad;
        out.file.sha256 = src->finishSha256();
        return out;
    }

    // Background workers: one per core less the reading thread, which hashes every byte and, when
    // it is ahead of the workers, parses queued chunks itself (a third thread on two cores only
    // adds switching: docs/benchmarks.md). A sequential format keeps the order: one worker, and
    // the reader never helps.
    const bool sequential = prototype->sequential();
    int threads = options.threads > 0 ? options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency()) - 1;
    threads = std::clamp(threads, 1, 64);
    if (sequential)
        threads = 1;
    std::vector<std::unique_ptr<IngestWorker>> workers;
    for (int i = 0; i < threads; ++i)
        workers.push_back(std::make_unique<IngestWorker>(*prototype, router));
    IngestWorker* helper = nullptr;
    if (!sequential) {
        workers.push_back(std::make_unique<IngestWorker>(*prototype, router));
        helper = workers.back().get();
    }

    // Buffers circulate reader -> work queue -> worker -> free queue.
    ChunkQueue work, freeList;
    std::vector<std::unique_ptr<Chunk>> owned;
    owned.push_back(std::move(first));
    for (int i = 0; i < threads + 2; ++i) {
        owned.push_back(std::make_unique<Chunk>());
        freeList.push(owned.back().get());
    }
    std::mutex linesMutex;
    std::map<std::uint64_t, std::uint64_t> chunkLines;  // seq -> lines

    auto processChunk = [&](IngestWorker& w, Chunk* c) {
        const std::uint64_t lines = cancelled(options) ? 0 : w.process(*c);
        {
            std::lock_guard<std::mutex> lock(linesMutex);
            chunkLines[c->seq] = lines;
        }
        freeList.push(c);
    };
    // A file that fits in the first chunk (most of 10,000 small logs) is parsed on this thread:
    // starting and joining a thread would cost more than the parse.
    const int poolThreads = eof ? 0 : threads;
    std::vector<std::thread> pool;
    for (int i = 0; i < poolThreads; ++i)
        pool.emplace_back([&, w = workers[static_cast<std::size_t>(i)].get()] {
            while (Chunk* c = work.pop())
                processChunk(*w, c);
        });

    std::uint64_t seq = 0;
    std::uint64_t reported = src->rawBytesRead();
    Chunk* c = owned.front().get();
    bool more = haveFirst;
    while (more) {
        c->seq = seq++;
        work.push(c);
        progressDone += src->rawBytesRead() - reported;
        reported = src->rawBytesRead();
        if (options.progress && options.progress->report)
            options.progress->report(progressDone, progressTotal);
        if (cancelled(options)) {
            out.cancelled = true;
            break;
        }
        if (eof)
            break;
        // No free buffer means the workers are behind: parse a queued chunk here meanwhile.
        c = freeList.tryPop();
        while (!c && helper) {
            Chunk* queued = work.tryPop();
            if (!queued)
                break;
            processChunk(*helper, queued);
            c = freeList.tryPop();
        }
        if (!c)
            c = freeList.pop();
        more = readChunk(*src, *c, carry, capacity, eof, error);
        if (!error.empty())
            break;
    }
    // Help with the tail; without a pool, this thread parses everything.
    IngestWorker* tail = poolThreads == 0 ? workers.front().get() : helper;
    while (Chunk* queued = tail ? work.tryPop() : nullptr)
        processChunk(*tail, queued);
    for (int i = 0; i < poolThreads; ++i)
        work.push(nullptr);
    for (std::thread& t : pool)
        t.join();
    if (!error.empty()) {
        out.file.error = error;
        return out;
    }
    if (out.cancelled)
        return out;
    out.file.sha256 = src->finishSha256();
    progressDone += src->rawBytesRead() - reported;

    // Line numbers: lines of the chunks before each one.
    std::map<std::uint64_t, std::uint64_t> firstLine;
    std::uint64_t running = 0;
    for (const auto& [s, n] : chunkLines) {
        firstLine[s] = running;
        running += n;
    }
    for (auto& w : workers) {
        out.file.parsed += w->parsed();
        out.file.skipped += w->skipped();
        out.headers += w->headers();
        out.unmapped += w->unmapped();
        out.bytes += w->bytes();
        auto& series = w->series();
        for (std::size_t i = 0; i < series.size(); ++i) {
            if (series[i].totalRequests() == 0)
                continue;
            const std::string& id = i < router.componentIds().size() ? router.componentIds()[i] : kUnmappedComponent;
            out.traffic.component(id).merge(std::move(series[i]));
        }
        for (const WorkerSkips& s : w->skips()) {
            SkipReason& r = out.skips[s.reason];
            r.reason = s.reason;
            r.count += s.count;
            for (const WorkerExample& e : s.examples)
                r.examples.push_back({path, firstLine[e.seq] + e.line, e.snippet});
        }
        out.paths.merge(w->unmappedPaths());
    }
    for (auto& [reason, r] : out.skips) {
        std::sort(r.examples.begin(), r.examples.end(),
                  [](const SkipExample& a, const SkipExample& b) { return a.line < b.line; });
        if (r.examples.size() > 5)
            r.examples.resize(5);
    }
    out.file.lines = out.file.parsed + out.file.skipped;
    return out;
}

}  // namespace

IngestResult ingestLogs(const std::vector<std::string>& paths, const Workload& workload, const IngestOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    IngestResult result;
    const LogRouter router(workload);
    std::uint64_t total = 0, done = 0;
    for (const std::string& p : paths) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(p, ec);
        total += ec ? 0 : static_cast<std::uint64_t>(size);
    }
    std::set<std::string> seen(options.knownSha256.begin(), options.knownSha256.end());
    std::map<std::string, std::string> firstPathOf;
    std::map<std::string, SkipReason> skips;
    PathCounter paths2;
    std::vector<std::pair<std::string, MetricsRead>> metricsReads;  // (path, answer) in file order

    for (const std::string& path : paths) {
        if (cancelled(options)) {
            result.outcome = Outcome::Cancelled;
            break;
        }
        FileOutcome f = ingestFile(path, workload, router, options, done, total);
        if (f.cancelled) {
            result.outcome = Outcome::Cancelled;
            break;
        }
        if (!f.file.error.empty()) {
            result.errors.push_back(f.diagnostic ? *f.diagnostic : Diagnostic{path, 0, 0, "", "bad_log", f.file.error});
            result.outcome = Outcome::Error;
            result.files.push_back(std::move(f.file));
            continue;
        }
        if (seen.count(f.file.sha256)) {
            const auto it = firstPathOf.find(f.file.sha256);
            f.file.duplicateOf = it != firstPathOf.end() ? it->second : "an earlier import";
            result.files.push_back(std::move(f.file));
            continue;
        }
        seen.insert(f.file.sha256);
        firstPathOf[f.file.sha256] = path;
        if (f.metrics) {
            for (std::string& w : f.metrics->warnings)
                result.notes.push_back(path + ": " + w);
            metricsReads.push_back({path, std::move(*f.metrics)});
        } else {
            result.traffic.merge(std::move(f.traffic));
        }
        result.linesParsed += f.file.parsed;
        result.linesSkipped += f.file.skipped;
        result.headerLines += f.headers;
        result.unmapped += f.unmapped;
        result.bytesRead += f.bytes;
        for (auto& [reason, r] : f.skips) {
            SkipReason& into = skips[reason];
            into.reason = reason;
            into.count += r.count;
            for (SkipExample& e : r.examples)
                if (into.examples.size() < 5)
                    into.examples.push_back(std::move(e));
        }
        paths2.merge(f.paths);
        result.files.push_back(std::move(f.file));
    }
    // Metrics and logs of the same component: the logs win (they have every request, its status
    // and its latency; the metrics are the same traffic seen coarser).
    std::vector<const MetricsRead*> reads;
    for (const auto& [file, read] : metricsReads)
        reads.push_back(&read);
    MetricsTraffic measured = metricsTraffic(reads);
    for (std::string& w : measured.warnings)
        result.notes.push_back(std::move(w));
    for (const auto& [id, series] : measured.traffic.components()) {
        std::vector<std::string> files, formats;
        for (const auto& [file, read] : metricsReads)
            if (read.minutes && read.minutes->components.count(id)) {
                files.push_back(file);
                if (std::find(formats.begin(), formats.end(), read.format) == formats.end())
                    formats.push_back(read.format);
            }
        const ComponentTraffic* logged = result.traffic.find(id);
        if (logged && logged->totalRequests() > 0) {
            result.notes.push_back(id + ": measured by both logs and metrics (" + (files.empty() ? "" : files.front()) +
                                   (files.size() > 1 ? " and " + std::to_string(files.size() - 1) + " more" : "") +
                                   "); the logs were used, the metrics left out");
            continue;
        }
        std::string names;
        for (const std::string& f : formats)
            names += (names.empty() ? "" : ", ") + f;
        result.traffic.component(id).merge(series);
        result.traffic.setSource(id, metricsSourceNote(names, measured.periodMinutes[id]));
    }
    result.linesTotal = result.linesParsed + result.linesSkipped;
    result.traffic.addLineCounts(result.linesParsed, result.linesSkipped);
    for (auto& [reason, r] : skips)
        result.skippedByReason.push_back(std::move(r));
    result.unmappedTop = paths2.top(20);
    result.firstMinute = result.traffic.firstMinute();
    result.lastMinute = result.traffic.lastMinute();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace archfit

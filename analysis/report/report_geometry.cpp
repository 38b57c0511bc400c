// Chart geometry shared by the SVG writer and the Qt PDF painter, so both draw the same picture.

#include "archfit/report/report.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace archfit {

std::vector<double> niceTicks(double maxValue, int target)
{
    if (!(maxValue > 0) || !std::isfinite(maxValue))
        return {0, 1};
    const double raw = maxValue / std::max(1, target);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (magnitude * m >= raw) {
            step = magnitude * m;
            break;
        }
    std::vector<double> ticks;
    const int count = static_cast<int>(std::ceil(maxValue / step - 1e-9));
    for (int i = 0; i <= count; ++i)
        ticks.push_back(i * step);
    return ticks;
}

LaneGeometry layoutLanes(const LaneDiagram& d, double width, double boxHeight, double gap)
{
    LaneGeometry g;
    g.width = width;
    g.headerHeight = 22;
    const int laneCount = std::max<int>(1, static_cast<int>(d.lanes.size()));
    const double laneW = width / laneCount;
    // Room between a lane boundary and the boxes: wide enough for every arrow passing there to
    // run kChannelPitch from its neighbours (see the routing below), at most a third of the lane.
    constexpr double kChannelPitch = 3.0;
    std::map<int, int> passing;  // boundary -> arrows running along it
    for (const auto& [from, to] : d.calls) {
        if (from < 0 || to < 0 || from >= static_cast<int>(d.boxes.size()) || to >= static_cast<int>(d.boxes.size()))
            continue;
        const int lf = std::clamp(d.boxes[static_cast<std::size_t>(from)].lane, 0, laneCount - 1);
        const int lt = std::clamp(d.boxes[static_cast<std::size_t>(to)].lane, 0, laneCount - 1);
        const int b1 = lf == lt ? lf + 1 : (lf < lt ? lf + 1 : lf), b2 = lf == lt ? lf + 1 : (lf < lt ? lt : lt + 1);
        ++passing[b1];
        if (b2 != b1)
            ++passing[b2];
    }
    int busiest = 0;
    for (const auto& [boundary, n] : passing)
        busiest = std::max(busiest, boundary >= laneCount ? 2 * n : n);
    const double needed = (busiest + 1) * kChannelPitch / 2 + 1.5 - 3;
    const double inset = std::min(std::max(std::min(12.0, laneW * 0.06), needed), laneW / 6);
    std::vector<int> perLane(static_cast<std::size_t>(laneCount), 0);
    for (const LaneBox& b : d.boxes) {
        const int lane = std::clamp(b.lane, 0, laneCount - 1);
        const int k = perLane[static_cast<std::size_t>(lane)]++;
        g.boxes.push_back({lane * laneW + 3 + inset, g.headerHeight + gap + k * (boxHeight + gap),
                           laneW - 6 - 2 * inset, boxHeight});
    }
    const int rows = perLane.empty() ? 0 : *std::max_element(perLane.begin(), perLane.end());
    g.height = g.headerHeight + gap + std::max(1, rows) * (boxHeight + gap);
    for (int i = 0; i < laneCount; ++i)
        g.lanes.push_back({i * laneW + 3, 0, laneW - 6, g.height});

    // Routing (issue #19): every arrow runs on channels of its own, so no two arrows share a
    // segment. Vertical runs use the channel at a lane boundary (boundary k lies between lane
    // k - 1 and lane k; boundary laneCount is the right edge), where each arrow passing gets its
    // own x. Horizontal stubs leave a box's right side in its upper half and enter a left side
    // in its lower half, so stubs from both lanes of one boundary never lie on one line; runs
    // across a lane pass in the gap between box rows, each on its own y.
    auto laneOf = [&](int box) { return std::clamp(d.boxes[static_cast<std::size_t>(box)].lane, 0, laneCount - 1); };
    auto valid = [&](int from, int to) {
        return from >= 0 && to >= 0 && from < static_cast<int>(g.boxes.size()) && to < static_cast<int>(g.boxes.size());
    };
    struct Route {
        int from, to, lf, lt;
        int sf, st;      // side used at the source / target: 0 left, 1 right
        int b1, b2;      // boundaries of the first and the last vertical run
        bool crossing;   // runs across at least one whole lane between rows
    };
    std::vector<Route> routes;
    for (const auto& [from, to] : d.calls) {
        if (!valid(from, to))
            continue;
        Route r{from, to, laneOf(from), laneOf(to), 1, 1, 0, 0, false};
        if (r.lf == r.lt) {
            r.b1 = r.b2 = r.lf + 1;  // both ends on the right side
        } else if (r.lf < r.lt) {
            r.sf = 1, r.st = 0, r.b1 = r.lf + 1, r.b2 = r.lt;
        } else {
            r.sf = 0, r.st = 1, r.b1 = r.lf, r.b2 = r.lt + 1;
        }
        r.crossing = r.b1 != r.b2;
        routes.push_back(r);
    }

    // Attach points, spread along their half of the side.
    std::map<std::pair<int, int>, int> sideCount, sideUsed;  // (box, side)
    for (const Route& r : routes) {
        ++sideCount[{r.from, r.sf}];
        ++sideCount[{r.to, r.st}];
    }
    auto attach = [&](int box, int side) {
        const ReportRect& b = g.boxes[static_cast<std::size_t>(box)];
        const int k = sideUsed[{box, side}]++;
        const int m = sideCount[{box, side}];
        const double top = side ? b.y + b.h * 0.04 : b.y + b.h * 0.54;  // right: upper half, left: lower
        return std::make_pair(side ? b.x + b.w : b.x, top + b.h * 0.42 * (k + 1) / (m + 1));
    };

    // Channel x: each arrow using a boundary gets its own slot there.
    std::map<int, int> channelCount, channelUsed;
    for (const Route& r : routes) {
        ++channelCount[r.b1];
        if (r.b2 != r.b1)
            ++channelCount[r.b2];
    }
    const double room = 3 + inset;  // from a boundary to the nearest box edge
    auto channel = [&](int boundary) {
        const int k = channelUsed[boundary]++;
        const int n = channelCount[boundary];
        const double lo = boundary * laneW - (room - 1.5);
        const double hi = boundary >= laneCount ? width - 1 : boundary * laneW + (room - 1.5);
        return lo + (hi - lo) * (k + 1) / (n + 1);
    };

    // Gap row y: the gap between box rows nearest the middle of the run; each run there gets its own y.
    auto gapIndex = [&](double y) {
        return std::max(0, static_cast<int>(std::lround((y - g.headerHeight - gap / 2) / (boxHeight + gap))));
    };
    std::map<int, int> rowCount, rowUsed;
    std::vector<double> mids;
    for (const Route& r : routes)
        if (r.crossing) {
            // Middle of the two boxes (attach points are not known yet; the row choice needs only a rough y).
            const ReportRect& a = g.boxes[static_cast<std::size_t>(r.from)];
            const ReportRect& b = g.boxes[static_cast<std::size_t>(r.to)];
            ++rowCount[gapIndex((a.y + a.h / 2 + b.y + b.h / 2) / 2)];
        }
    auto row = [&](int index) {
        const int k = rowUsed[index]++;
        const int n = rowCount[index];
        const double centre = g.headerHeight + gap / 2 + index * (boxHeight + gap);
        const double half = gap / 2 - 1;
        return centre - half + 2 * half * (k + 1) / (n + 1);
    };

    for (const Route& r : routes) {
        const auto start = attach(r.from, r.sf);
        const auto end = attach(r.to, r.st);
        const double c1 = channel(r.b1);
        std::vector<std::pair<double, double>> line{start, {c1, start.second}};
        if (r.crossing) {
            const ReportRect& a = g.boxes[static_cast<std::size_t>(r.from)];
            const ReportRect& b = g.boxes[static_cast<std::size_t>(r.to)];
            const double y = row(gapIndex((a.y + a.h / 2 + b.y + b.h / 2) / 2));
            const double c2 = channel(r.b2);
            line.push_back({c1, y});
            line.push_back({c2, y});
            line.push_back({c2, end.second});
        } else {
            line.push_back({c1, end.second});
        }
        line.push_back(end);
        g.arrows.push_back(line);
    }
    return g;
}

}  // namespace archfit

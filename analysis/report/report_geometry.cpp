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
    const double inset = std::min(12.0, laneW * 0.06);
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

    // Attach points: arrows leaving or entering one side of a box are spread along that side.
    std::map<std::pair<int, int>, int> sideCount, sideUsed;  // (box, side 0 left / 1 right)
    auto laneOf = [&](int box) { return std::clamp(d.boxes[static_cast<std::size_t>(box)].lane, 0, laneCount - 1); };
    auto sides = [&](int from, int to) {
        const int lf = laneOf(from), lt = laneOf(to);
        if (lf == lt)
            return std::make_pair(1, 1);
        return lf < lt ? std::make_pair(1, 0) : std::make_pair(0, 1);
    };
    for (const auto& [from, to] : d.calls) {
        const auto [sf, st] = sides(from, to);
        ++sideCount[{from, sf}];
        ++sideCount[{to, st}];
    }
    auto attach = [&](int box, int side) {
        const ReportRect& r = g.boxes[static_cast<std::size_t>(box)];
        const int k = sideUsed[{box, side}]++;
        const int m = sideCount[{box, side}];
        return std::make_pair(side ? r.x + r.w : r.x, r.y + r.h * (k + 1) / (m + 1));
    };
    // y of the gap row nearest to `y` (horizontal runs across a lane pass between boxes there).
    auto gapRow = [&](double y) {
        const double k = std::round((y - g.headerHeight - gap / 2) / (boxHeight + gap));
        return g.headerHeight + gap / 2 + std::max(0.0, k) * (boxHeight + gap);
    };
    int index = 0;
    for (const auto& [from, to] : d.calls) {
        if (from < 0 || to < 0 || from >= static_cast<int>(g.boxes.size()) || to >= static_cast<int>(g.boxes.size()))
            continue;
        const auto [sf, st] = sides(from, to);
        const auto start = attach(from, sf);
        const auto end = attach(to, st);
        const double offset = ((index++ % 5) - 2) * 2.5;
        const int lf = laneOf(from), lt = laneOf(to);
        std::vector<std::pair<double, double>> line{start};
        if (lf == lt) {
            const double x = start.first + inset * 0.6 + offset * 0.4;
            line.push_back({x, start.second});
            line.push_back({x, end.second});
        } else {
            // Channel between the source lane and its neighbour towards the target, and the one
            // before the target lane.
            const double c1 = (lf < lt ? (lf + 1) * laneW : lf * laneW) + offset;
            const double c2 = (lf < lt ? lt * laneW : (lt + 1) * laneW) + offset;
            line.push_back({c1, start.second});
            if (std::abs(lf - lt) > 1) {
                const double y = gapRow((start.second + end.second) / 2) + offset * 0.5;
                line.push_back({c1, y});
                line.push_back({c2, y});
            }
            line.push_back({c2, end.second});
        }
        line.push_back(end);
        g.arrows.push_back(line);
    }
    return g;
}

}  // namespace archfit

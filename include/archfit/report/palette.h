#pragma once
// The colours of the families, confidence levels and finding severities, defined once for the
// GUI (widgets/chart_colors.cpp), the PDF, the HTML and the SVG exports (issue #19), so a family
// has the same hue wherever it is drawn. Mid-lightness hues that read on light and dark grounds.

#include <cstdio>
#include <string>

namespace archfit {

struct PaletteColor {
    unsigned char r = 0, g = 0, b = 0;
};

// Lane order: serverless (orange), container (blue), VM (violet); the fourth is for components
// no family can run (the critical red).
inline constexpr PaletteColor kFamilyColors[4] = {{0xe6, 0x7e, 0x22}, {0x34, 0x8f, 0xd6}, {0x9b, 0x6f, 0xcf},
                                                  {0xd6, 0x4a, 0x3e}};

// Confidence by ConfidenceLevel order: low, medium, high.
inline constexpr PaletteColor kConfidenceColors[3] = {{0xd6, 0x4a, 0x3e}, {0xd8, 0xa3, 0x1a}, {0x2e, 0xa0, 0x5a}};

// Finding severities: info, warning, critical (the rank of severityRank()).
inline constexpr PaletteColor kSeverityColors[3] = {{0x34, 0x8f, 0xd6}, {0xd8, 0xa3, 0x1a}, {0xd6, 0x4a, 0x3e}};

// `c` mixed with white: strength 0 gives white, 1 gives `c` (fills behind text on paper).
inline PaletteColor paletteTint(PaletteColor c, double strength)
{
    auto mix = [strength](unsigned char v) {
        return static_cast<unsigned char>(255 + (v - 255) * strength + 0.5);
    };
    return {mix(c.r), mix(c.g), mix(c.b)};
}

// "#rrggbb".
inline std::string paletteHex(PaletteColor c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

}  // namespace archfit

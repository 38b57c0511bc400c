#pragma once
// Read-only HTML rendering of one ComponentResult: the traffic profile, each family's
// feasibility (or blockers), variant, cost items with their arithmetic, operations labour,
// total and reasons, and the recommendation. Every engine string is HTML-escaped.

#include "archfit/score/analysis_result.h"

#include <QTextBrowser>

#include <memory>

namespace archfit {

class DetailView : public QTextBrowser {
    Q_OBJECT

public:
    explicit DetailView(QWidget* parent = nullptr);

    // Shows component `componentIndex` of `result`; an out-of-range index or nullptr clears.
    void setComponent(std::shared_ptr<const AnalysisResult> result, int componentIndex);
    void clear();

    // The HTML for one component (public for tests and reports).
    static QString componentHtml(const ComponentResult& c, const std::string& currency,
                                 Provider provider = Provider::Aws);

private:
    std::shared_ptr<const AnalysisResult> m_result;
};

}  // namespace archfit

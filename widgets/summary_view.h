#pragma once
// Portfolio summary of one AnalysisResult: the recommended layout's monthly cost, the
// all-serverless / all-container / all-VM baselines and the system findings. Display only.

#include "archfit/score/analysis_result.h"

#include <QTextBrowser>

#include <memory>

namespace archfit {

class SummaryView : public QTextBrowser {
    Q_OBJECT

public:
    explicit SummaryView(QWidget* parent = nullptr);

    // Shows `result`; nullptr clears.
    void setResult(std::shared_ptr<const AnalysisResult> result);

    static QString resultHtml(const AnalysisResult& result);

private:
    std::shared_ptr<const AnalysisResult> m_result;
};

}  // namespace archfit

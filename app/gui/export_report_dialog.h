#pragma once
// File > Export report... (issue #8): choose the format (PDF, HTML, CSV, JSON), the paper, the
// cover details and the file; a preview of the pages (PDF/HTML) or of the first lines (CSV/JSON);
// the file is written off the GUI thread. The dialog works on a snapshot of the document's
// workload and analysis taken when it opens.

#include "archfit/score/analysis_result.h"
#include "archfit/report/report.h"
#include "archfit/workload/workload.h"

#include <QDialog>
#include <QString>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPrintPreviewWidget;
class QPrinter;
class QProgressBar;
class QStackedWidget;

namespace archfit {

class Document;

class ExportReportDialog : public QDialog {
    Q_OBJECT

public:
    // `dataDir` holds pricing/ and rules/ (for the price sources the report lists).
    ExportReportDialog(const Document& document, const QString& dataDir, QWidget* parent = nullptr);
    ~ExportReportDialog() override;

    QString outputPath() const;
    void setOutputPath(const QString& path);
    // "pdf", "html", "csv" or "json".
    QString format() const;
    void setFormat(const QString& format);
    // Pages of the preview (PDF and HTML), 0 otherwise.
    int previewPageCount() const;
    bool isWriting() const { return m_writing; }

    // Starts writing outputPath() in the background; reportWritten() or exportFailed() follow.
    void startExport();

signals:
    void reportWritten(const QString& path);
    void exportFailed(const QString& message);

private:
    void buildUi();
    ReportOptions options() const;
    void onFormatChanged();
    void refreshPreview();
    void paintPreview(QPrinter* printer);
    void browseOutput();
    void browseLogo();
    void finishExport(const QString& error);
    void rememberChoices() const;

    std::shared_ptr<const AnalysisResult> m_result;
    Workload m_workload;
    std::vector<ImportedLog> m_logs;  // the document's imports, as the report lists them
    std::vector<SourceRef> m_sources;
    std::string m_catalogFile;

    QComboBox* m_format = nullptr;
    QComboBox* m_paper = nullptr;
    QLineEdit* m_author = nullptr;
    QLineEdit* m_company = nullptr;
    QLineEdit* m_date = nullptr;
    QLineEdit* m_logo = nullptr;
    QLineEdit* m_output = nullptr;
    QStackedWidget* m_previewStack = nullptr;
    std::unique_ptr<QPrinter> m_printer;
    QPrintPreviewWidget* m_preview = nullptr;
    QPlainTextEdit* m_textPreview = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_busy = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_writing = false;
};

}  // namespace archfit

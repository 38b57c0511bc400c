#include "export_report_dialog.h"

#include "document.h"
#include "settings.h"

#include "pdf_renderer.h"
#include "report_writer.h"

#include "archfit/score/analysis_inputs.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPageLayout>
#include <QPageSize>
#include <QPlainTextEdit>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace archfit {

namespace {

const char* const kFormats[] = {"pdf", "html", "csv", "json"};

QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

ExportReportDialog::ExportReportDialog(const Document& document, const QString& dataDir, QWidget* parent)
    : QDialog(parent), m_result(document.analysis()), m_workload(document.workload()),
      m_logs(projectImportedLogs(document.traffic().imports))
{
    setWindowTitle(tr("Export Report"));
    // The price and rule sources the Assumptions chapter lists, from the inputs the analysis
    // used (price book included); the report says where to find them when they cannot be read here.
    const Assumptions assumptions = document.assumptions();
    const AnalysisInputsRequest request = inputsRequest(m_workload, dataDir.toStdString(),
                                                        assumptions.priceBookPath.toStdString(),
                                                        document.filePath().toStdString());
    m_catalogFile = catalogPath(request.dataDir, request.provider, request.region);
    const Result<AnalysisInputs> inputs = loadAnalysisInputs(request);
    QString inputsProblem;
    if (inputs)
        m_sources = reportSources(inputs->catalog, inputs->rules);
    else
        inputsProblem = tr("The report will not list the price and rule sources:\n%1")
                            .arg(qs(inputs.errorText()).trimmed());
    buildUi();
    if (m_result && !inputsProblem.isEmpty())
        m_status->setText(inputsProblem);
    onFormatChanged();
}

ExportReportDialog::~ExportReportDialog() = default;

void ExportReportDialog::buildUi()
{
    m_format = new QComboBox(this);
    m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    m_format->addItem(tr("HTML page (one self-contained file)"), QStringLiteral("html"));
    m_format->addItem(tr("CSV table (every figure)"), QStringLiteral("csv"));
    m_format->addItem(tr("JSON document (analysis and assumptions)"), QStringLiteral("json"));
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("A4"), QStringLiteral("a4"));
    m_paper->addItem(tr("US Letter"), QStringLiteral("letter"));
    m_paper->setCurrentIndex(qMax(0, m_paper->findData(settings::reportPaper.get())));
    m_author = new QLineEdit(settings::reportAuthor.get(), this);
    m_company = new QLineEdit(settings::reportCompany.get(), this);
    m_date = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this);
    m_logo = new QLineEdit(settings::reportLogo.get(), this);
    m_logo->setPlaceholderText(tr("optional PNG or JPEG"));
    auto* logoButton = new QToolButton(this);
    logoButton->setText(tr("\u2026"));
    connect(logoButton, &QToolButton::clicked, this, &ExportReportDialog::browseLogo);
    auto* logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo);
    logoRow->addWidget(logoButton);

    QString directory = settings::reportDirectory.get();
    if (directory.isEmpty())
        directory = QDir::homePath();
    // A file name every system accepts: letters, digits, spaces, - and _ of the assessment name.
    QString base;
    for (const QChar ch : QString::fromStdString(m_workload.assessment.name))
        if (ch.isLetterOrNumber() || ch == QLatin1Char(' ') || ch == QLatin1Char('-') || ch == QLatin1Char('_'))
            base += ch;
    base = base.simplified();
    m_output = new QLineEdit(QDir(directory).filePath(base.isEmpty() ? tr("report") : base), this);
    auto* outputButton = new QToolButton(this);
    outputButton->setText(tr("\u2026"));
    connect(outputButton, &QToolButton::clicked, this, &ExportReportDialog::browseOutput);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output);
    outputRow->addWidget(outputButton);

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Paper:"), m_paper);
    form->addRow(tr("Prepared &by:"), m_author);
    form->addRow(tr("&Company:"), m_company);
    form->addRow(tr("&Date:"), m_date);
    // Rows holding a layout need their own label to get the buddy for the mnemonic.
    auto* logoLabel = new QLabel(tr("&Logo:"), this);
    logoLabel->setBuddy(m_logo);
    form->addRow(logoLabel, logoRow);
    auto* outputLabel = new QLabel(tr("&Save to:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    m_printer->setFullPage(true);
    m_preview = new QPrintPreviewWidget(m_printer.get(), this);
    m_preview->setViewMode(QPrintPreviewWidget::SinglePageView);
    m_preview->setZoomMode(QPrintPreviewWidget::FitInView);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &ExportReportDialog::paintPreview);
    m_textPreview = new QPlainTextEdit(this);
    m_textPreview->setReadOnly(true);
    m_textPreview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textPreview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewStack = new QStackedWidget(this);
    m_previewStack->addWidget(m_preview);
    m_previewStack->addWidget(m_textPreview);
    m_previewStack->setMinimumSize(420, 520);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);  // indeterminate while writing
    m_busy->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    connect(exportButton, &QPushButton::clicked, this, &ExportReportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch();
    left->addWidget(m_status);
    left->addWidget(m_busy);
    left->addWidget(m_buttons);
    auto* top = new QHBoxLayout(this);
    top->addLayout(left, 2);
    top->addWidget(m_previewStack, 3);

    if (!m_result) {
        m_status->setText(tr("There is no analysis to export yet: open a workload and wait for its results."));
        exportButton->setEnabled(false);
    }
    m_format->setCurrentIndex(qMax(0, m_format->findData(settings::reportFormat.get())));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportReportDialog::onFormatChanged);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ExportReportDialog::refreshPreview);
    for (QLineEdit* edit : {m_author, m_company, m_date, m_logo})
        connect(edit, &QLineEdit::editingFinished, this, &ExportReportDialog::refreshPreview);
}

QString ExportReportDialog::format() const { return m_format->currentData().toString(); }

void ExportReportDialog::setFormat(const QString& format)
{
    m_format->setCurrentIndex(qMax(0, m_format->findData(format)));
}

QString ExportReportDialog::outputPath() const { return m_output->text(); }

void ExportReportDialog::setOutputPath(const QString& path) { m_output->setText(path); }

int ExportReportDialog::previewPageCount() const
{
    return m_previewStack->currentWidget() == m_preview ? m_preview->pageCount() : 0;
}

ReportOptions ExportReportDialog::options() const
{
    ReportOptions o;
    o.author = m_author->text().trimmed().toStdString();
    o.company = m_company->text().trimmed().toStdString();
    o.date = m_date->text().trimmed().toStdString();
    o.paper = m_paper->currentData().toString() == QLatin1String("letter") ? PaperSize::Letter : PaperSize::A4;
    o.catalogFile = fileNameOnly(m_catalogFile);
    o.sources = m_sources;
    o.logs = m_logs;
    if (!m_logo->text().trimmed().isEmpty()) {
        QFile logo(m_logo->text().trimmed());
        if (logo.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = logo.readAll();
            o.logo.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        }
    }
    return o;
}

void ExportReportDialog::onFormatChanged()
{
    // The output file follows the format: report.pdf -> report.html.
    const QString ext = format();
    QFileInfo info(m_output->text());
    const QString stem = info.suffix().isEmpty() ? info.fileName() : info.completeBaseName();
    m_output->setText(QDir(info.path()).filePath(stem + QLatin1Char('.') + ext));
    m_paper->setEnabled(ext == QLatin1String("pdf"));
    refreshPreview();
}

void ExportReportDialog::refreshPreview()
{
    if (!m_result)
        return;
    const QString ext = format();
    if (ext == QLatin1String("pdf") || ext == QLatin1String("html")) {
        const ReportOptions o = options();
        m_printer->setPageSize(QPageSize(o.paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
        m_printer->setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        m_previewStack->setCurrentWidget(m_preview);
        m_preview->updatePreview();
        return;
    }
    const std::string text = ext == QLatin1String("csv") ? reportCsv(*m_result)
                                                         : reportJson(*m_result, m_workload, options());
    // The first lines are enough to see the shape of the file.
    QStringList lines = qs(text).split(QLatin1Char('\n'));
    if (lines.size() > 60) {
        lines = lines.mid(0, 60);
        lines << tr("\u2026 (%n more lines)", nullptr, static_cast<int>(qs(text).count(QLatin1Char('\n')) - 60));
    }
    m_textPreview->setPlainText(lines.join(QLatin1Char('\n')));
    m_previewStack->setCurrentWidget(m_textPreview);
}

void ExportReportDialog::paintPreview(QPrinter* printer)
{
    if (!m_result)
        return;
    ReportOptions o = options();
    const ReportDocument doc = buildReport(*m_result, m_workload, o);
    pdf::Renderer renderer(doc, *printer);
    std::string error;
    if (!renderer.render(error))
        m_status->setText(tr("Preview failed: %1").arg(qs(error)));
}

void ExportReportDialog::browseOutput()
{
    const QString ext = format();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), m_output->text(),
                                                      tr("%1 files (*.%2)").arg(ext.toUpper(), ext));
    if (!path.isEmpty())
        m_output->setText(QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + ext : path);
}

void ExportReportDialog::browseLogo()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Cover Logo"), m_logo->text(),
                                                      tr("Images (*.png *.jpg *.jpeg)"));
    if (!path.isEmpty()) {
        m_logo->setText(path);
        refreshPreview();
    }
}

void ExportReportDialog::rememberChoices() const
{
    settings::reportAuthor.set(m_author->text().trimmed());
    settings::reportCompany.set(m_company->text().trimmed());
    settings::reportLogo.set(m_logo->text().trimmed());
    settings::reportFormat.set(format());
    settings::reportPaper.set(m_paper->currentData().toString());
    settings::reportDirectory.set(QFileInfo(m_output->text()).absolutePath());
}

void ExportReportDialog::startExport()
{
    if (!m_result || m_writing)
        return;
    const QString path = m_output->text().trimmed();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose the file to write."));
        return;
    }
    rememberChoices();
    m_writing = true;
    m_busy->setVisible(true);
    m_buttons->setEnabled(false);
    m_status->setText(tr("Writing %1\u2026").arg(QDir::toNativeSeparators(path)));

    const auto result = m_result;
    const Workload workload = m_workload;
    const ReportOptions o = options();
    const std::string target = path.toStdString();
    auto write = [result, workload, o, target]() {
        const Result<bool> written = writeReport(*result, workload, o, target);
        return written ? QString() : qs(written.errorText()).trimmed();
    };
    // QPainter paints text on a QPdfWriter in a worker thread on the desktop platforms (xcb,
    // wayland, windows, cocoa all have threaded font rendering), so the PDF is written there too.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher]() {
        finishExport(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(write));
}

void ExportReportDialog::finishExport(const QString& error)
{
    m_writing = false;
    m_busy->setVisible(false);
    m_buttons->setEnabled(true);
    if (!error.isEmpty()) {
        m_status->setText(tr("Could not export: %1").arg(error));
        emit exportFailed(error);
        return;
    }
    const QString path = m_output->text().trimmed();
    m_status->setText(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)));
    emit reportWritten(path);
    accept();
}

}  // namespace archfit

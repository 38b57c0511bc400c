#include "report_writer.h"

#include "archfit/util/version.h"

#include "pdf_links.h"
#include "pdf_renderer.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>

#include <cctype>
#include <clocale>
#include <memory>

namespace archfit {

namespace {

std::string extensionOf(const std::string& path)
{
    const std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || path.find_first_of("/\\", dot) != std::string::npos)
        return {};
    std::string ext = path.substr(dot + 1);
    for (char& ch : ext)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext;
}

QtMessageHandler g_previousHandler = nullptr;

// Headless runs have no session: Qt's note that XDG_RUNTIME_DIR is unset is noise on a CLI's
// stderr. Everything else goes to the previous handler.
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtFatalMsg && message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

}  // namespace

Result<bool> writePdfReport(const ReportDocument& doc, const std::string& path)
{
    if (!QGuiApplication::instance())
        return fileDiagnostic(path, "pdf", "PDF export needs a Qt application object");
    QByteArray bytes;
    std::map<std::string, pdf::LinkTarget> targets;
    double pageHeightPt = 0;
    {
        // Painted into memory first: the links are resolved before anything touches the disk.
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(720);
        writer.setPageSize(QPageSize(doc.paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        writer.setTitle(pdf::qs(doc.cover.title));
        writer.setCreator(QStringLiteral("ArchFit %1").arg(QString::fromLatin1(versionString())));
        pdf::Renderer renderer(doc, writer);
        std::string error;
        if (!renderer.render(error))
            return fileDiagnostic(path, "pdf", error);
        const double k = writer.resolution() / 72.0;
        pageHeightPt = renderer.pageHeight() / k;
        for (std::size_t i = 0; i < doc.sections.size(); ++i)
            targets["#" + doc.sections[i].anchor] = {renderer.places()[i].page, renderer.places()[i].top / k};
    }
    std::string pdfBytes(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    pdf::resolveInternalLinks(pdfBytes, targets, pageHeightPt);
    return writeTextFile(path, pdfBytes);
}

Result<bool> writeReport(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                         const std::string& path)
{
    if (extensionOf(path) == "pdf")
        return writePdfReport(buildReport(result, workload, options), path);
    return writeTextReport(result, workload, options, path);
}

Result<bool> writeReportHeadless(const AnalysisResult& result, const Workload& workload, const ReportOptions& options,
                                 const std::string& path)
{
    if (extensionOf(path) != "pdf" || QGuiApplication::instance())
        return writeReport(result, workload, options, path);
    // Headless: no display is needed to paint a PDF.
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    g_previousHandler = qInstallMessageHandler(quietHandler);
    static char name[] = "archfit-cli";
    static char* argv[] = {name, nullptr};
    int argc = 1;
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    // QGuiApplication adopts the user's locale for the C library; the engine formats numbers with
    // printf and expects the "C" decimal point.
    std::setlocale(LC_NUMERIC, "C");
    Result<bool> written = writeReport(result, workload, options, path);
    app.reset();
    qInstallMessageHandler(g_previousHandler);
    return written;
}

}  // namespace archfit

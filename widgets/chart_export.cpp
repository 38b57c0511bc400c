#include "chart_export.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace archfit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::ChartExport", text);
}

QSize renderSize(const QWidget* w)
{
    // A hidden chart (another tab) still has its initial, meaningless size.
    if (!w->isVisible() || w->width() < 200 || w->height() < 150)
        return QSize(900, 560);
    return w->size();
}

Diagnostic exportProblem(const QString& path, const char* code, const QString& message)
{
    return fileDiagnostic(QDir::toNativeSeparators(path).toStdString(), code, message.toStdString());
}

// The painter is a QCPPainter (a QPainter subclass) so that charts can draw through it too.
Result<bool> renderSvgWith(const QString& path, const QSize& size, const QString& title,
                           const std::function<void(QCPPainter&)>& paint)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(tr("Exported by ArchFit"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return imageNotWritten(path);
    paint(painter);
    painter.end();
    if (QFileInfo(path).size() <= 0)
        return imageNotWritten(path);
    return true;
}

}  // namespace

Diagnostic imageNotWritten(const QString& path)
{
    return exportProblem(path, "io", tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

Diagnostic unsupportedImageFormat(const QString& path)
{
    return exportProblem(path, "format", tr("Unsupported image format \"%1\": use .png or .svg.")
                                             .arg(QFileInfo(path).suffix().toLower()));
}

Result<bool> renderSvg(const QString& path, const QSize& size, const QString& title,
                       const std::function<void(QPainter&)>& paint)
{
    return renderSvgWith(path, size, title, [&](QCPPainter& painter) { paint(painter); });
}

Result<bool> exportChart(QCustomPlot* plot, const QString& path)
{
    if (!plot)
        return exportProblem(path, "empty", tr("Nothing to export."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = renderSize(plot);
    if (suffix == QStringLiteral("png")) {
        if (!plot->savePng(path, size.width(), size.height()))
            return imageNotWritten(path);
        return true;
    }
    if (suffix == QStringLiteral("svg")) {
        return renderSvgWith(path, size, plot->objectName(), [&](QCPPainter& painter) {
            plot->toPainter(&painter, size.width(), size.height());
        });
    }
    return unsupportedImageFormat(path);
}

void runExportDialog(QWidget* parent, const QString& suffix, const QString& suggestedName,
                     const std::function<Result<bool>(const QString&)>& exporter)
{
    const QString filter = suffix == QStringLiteral("svg") ? tr("SVG image (*.svg)")
                                                          : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(parent, tr("Export image"),
                                                suggestedName + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    const Result<bool> exported = exporter(path);
    if (!exported)
        QMessageBox::warning(parent, tr("Export failed"), QString::fromStdString(exported.errors().front().message));
}

void installChartExportMenu(QCustomPlot* plot)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint& pos) {
        QMenu menu(plot);
        QAction* png = menu.addAction(tr("Export as PNG\u2026"));
        QAction* svg = menu.addAction(tr("Export as SVG\u2026"));
        QAction* chosen = menu.exec(plot->mapToGlobal(pos));
        if (!chosen)
            return;
        const QString name = plot->objectName().isEmpty() ? QStringLiteral("chart") : plot->objectName();
        runExportDialog(plot, chosen == svg ? QStringLiteral("svg") : QStringLiteral("png"), name,
                        [plot](const QString& path) { return exportChart(plot, path); });
        Q_UNUSED(png);
    });
}

}  // namespace archfit

#include "inventory_import_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace archfit {

namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

InventoryImportDialog::InventoryImportDialog(const QString& startDirectory, QWidget* parent)
    : QDialog(parent), m_startDirectory(startDirectory)
{
    setWindowTitle(tr("New from Inventory"));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(
        tr("Pick the client's Kubernetes manifests, docker-compose files (with their .env), Terraform plans "
           "(<code>terraform show -json</code>) or SAM / Serverless templates, as files or whole folders. "
           "ArchFit drafts a workload from them; every value it guessed is listed to confirm."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* inputs = new QHBoxLayout;
    m_pathList = new QListWidget(this);
    m_pathList->setMaximumHeight(90);
    inputs->addWidget(m_pathList, 1);
    auto* buttons = new QVBoxLayout;
    auto* files = new QPushButton(tr("Add &Files\u2026"), this);
    auto* folder = new QPushButton(tr("Add F&older\u2026"), this);
    auto* clear = new QPushButton(tr("&Clear"), this);
    buttons->addWidget(files);
    buttons->addWidget(folder);
    buttons->addWidget(clear);
    buttons->addStretch();
    inputs->addLayout(buttons);
    layout->addLayout(inputs);
    connect(files, &QPushButton::clicked, this, &InventoryImportDialog::addFiles);
    connect(folder, &QPushButton::clicked, this, &InventoryImportDialog::addFolder);
    connect(clear, &QPushButton::clicked, this, &InventoryImportDialog::clearPaths);

    m_status = new QLabel(tr("No files yet."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* found = new QGroupBox(tr("Components found (expand one for the values to confirm)"), split);
    auto* foundLayout = new QVBoxLayout(found);
    m_components = new QTreeWidget(found);
    m_components->setHeaderLabels({tr("Component / field"), tr("Kind / how it was guessed"), tr("Runtime / where"),
                                   tr("Memory (MB)"), tr("vCPU"), tr("To confirm")});
    m_components->setRootIsDecorated(true);
    m_components->setAlternatingRowColors(true);
    m_components->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    foundLayout->addWidget(m_components);
    auto* left = new QGroupBox(tr("Not used, with the reason"), split);
    auto* leftLayout = new QVBoxLayout(left);
    m_skipped = new QTreeWidget(left);
    m_skipped->setHeaderLabels({tr("Reason / item"), tr("Where")});
    m_skipped->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    leftLayout->addWidget(m_skipped);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = box->addButton(tr("&Open as New Assessment"), QDialogButtonBox::AcceptRole);
    m_open->setEnabled(false);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    resize(900, 620);
}

void InventoryImportDialog::addFiles()
{
    const QStringList picked = QFileDialog::getOpenFileNames(
        this, tr("Add Inventory Files"), m_startDirectory,
        tr("Inventory (*.yaml *.yml *.json *.env .env);;All files (*)"));
    if (!picked.isEmpty()) {
        m_startDirectory = QFileInfo(picked.first()).absolutePath();
        addPaths(picked);
    }
}

void InventoryImportDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Inventory Folder"), m_startDirectory);
    if (!dir.isEmpty()) {
        m_startDirectory = dir;
        addPaths({dir});
    }
}

void InventoryImportDialog::clearPaths()
{
    m_paths.clear();
    reimport();
}

void InventoryImportDialog::addPaths(const QStringList& paths)
{
    for (const QString& p : paths)
        if (!m_paths.contains(p))
            m_paths << p;
    reimport();
}

QString InventoryImportDialog::sourceName() const
{
    const auto name = [](const QString& p) {
        const QFileInfo info(p);
        return info.isDir() ? info.fileName() + QLatin1Char('/') : info.fileName();
    };
    if (m_paths.isEmpty())
        return {};
    if (m_paths.size() == 1)
        return name(m_paths.first());
    if (m_paths.size() == 2)
        return tr("%1 and %2").arg(name(m_paths[0]), name(m_paths[1]));
    return tr("%1 and %2 more").arg(name(m_paths.first())).arg(m_paths.size() - 1);
}

void InventoryImportDialog::reimport()
{
    m_pathList->clear();
    for (const QString& p : m_paths)
        m_pathList->addItem(QDir::toNativeSeparators(p));
    m_components->clear();
    m_skipped->clear();
    m_result.reset();
    m_open->setEnabled(false);
    if (m_paths.isEmpty()) {
        m_status->setText(tr("No files yet."));
        return;
    }
    std::vector<std::string> paths;
    for (const QString& p : m_paths)
        paths.push_back(p.toStdString());
    Result<InventoryImport> imported = importInventoryPaths(paths);
    if (!imported) {
        QString text = QStringLiteral("<b>%1</b>").arg(tr("Nothing can be opened yet:"));
        for (const Diagnostic& d : imported.errors())
            text += QStringLiteral("<br>") + fromStd(d.toString()).toHtmlEscaped();
        m_status->setText(text);
        return;
    }
    m_result = std::move(imported).value();
    const InventoryImport& r = *m_result;
    const QLocale locale;
    QStringList formats;
    for (const InventoryFileSummary& f : r.files)
        formats << tr("%1 (%2, %n component(s))", nullptr, static_cast<int>(f.components))
                       .arg(QFileInfo(fromStd(f.path)).fileName(), fromStd(f.format));
    std::size_t toConfirm = 0;
    for (const Component& c : r.workload.components) {
        auto* item = new QTreeWidgetItem(m_components);
        item->setText(0, fromStd(c.id));
        item->setText(1, fromStd(toString(c.kind)));
        item->setText(2, fromStd(toString(c.runtime)));
        item->setText(3, locale.toString(c.memoryMb));
        item->setText(4, locale.toString(c.vcpu, 'g', 3));
        item->setText(5, QString::number(c.provenance.size()));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(5, Qt::AlignRight | Qt::AlignVCenter);
        toConfirm += c.provenance.size();
        for (const Provenance& p : c.provenance) {
            auto* note = new QTreeWidgetItem(item);
            note->setText(0, fromStd(p.field));
            note->setText(1, fromStd(p.rule));
            const QString where = QFileInfo(fromStd(p.file)).fileName() +
                                  (p.line > 0 ? QStringLiteral(":%1").arg(p.line) : QString());
            note->setText(2, where);
            note->setToolTip(1, fromStd(p.rule));
        }
    }
    for (const auto& [reason, count] : r.skippedByReason()) {
        auto* group = new QTreeWidgetItem(m_skipped);
        group->setText(0, tr("%1 (%2)").arg(fromStd(reason)).arg(count));
        for (const InventorySkip& s : r.skipped) {
            if (s.reason != reason)
                continue;
            auto* item = new QTreeWidgetItem(group);
            item->setText(0, fromStd(s.item));
            item->setText(1, QFileInfo(fromStd(s.file)).fileName() +
                                 (s.line > 0 ? QStringLiteral(":%1").arg(s.line) : QString()));
        }
    }
    m_status->setText(tr("Read %1. Found %n component(s) with %2 value(s) to confirm; %3 item(s) not used.",
                         nullptr, static_cast<int>(r.workload.components.size()))
                          .arg(formats.join(QStringLiteral(", ")))
                          .arg(toConfirm)
                          .arg(r.skipped.size()));
    m_open->setEnabled(!r.workload.components.empty());
}

}  // namespace archfit

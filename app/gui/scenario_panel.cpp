#include "scenario_panel.h"

#include "document.h"

#include <QGridLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace archfit {

ScenarioPanel::ScenarioPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
{
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_list->setToolTip(tr("Named sets of assumptions stored in the project; double-click to apply"));
    auto* save = new QPushButton(tr("Save Current\u2026"));
    save->setToolTip(tr("Store the current assumptions as a named scenario"));
    m_apply = new QPushButton(tr("Apply"));
    m_apply->setToolTip(tr("Replace the current assumptions with the selected scenario (undoable)"));
    m_delete = new QPushButton(tr("Delete"));
    m_compare = new QPushButton(tr("Compare\u2026"));
    m_compare->setToolTip(tr("Compare the selected scenario with the current assumptions or "
                             "another scenario, side by side"));
    connect(save, &QPushButton::clicked, this, &ScenarioPanel::saveRequested);
    connect(m_apply, &QPushButton::clicked, this, [this] { emit applyRequested(selectedScenario()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(selectedScenario()); });
    connect(m_compare, &QPushButton::clicked, this, [this] { emit compareRequested(selectedScenario()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem* item) { emit applyRequested(item->text()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { refresh(); });
    connect(document, &Document::scenariosChanged, this, &ScenarioPanel::refresh);

    auto* buttons = new QGridLayout;
    buttons->addWidget(save, 0, 0);
    buttons->addWidget(m_apply, 0, 1);
    buttons->addWidget(m_compare, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    refresh();
}

QString ScenarioPanel::selectedScenario() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->text() : QString();
}

void ScenarioPanel::refresh()
{
    const QStringList names = [this] {
        QStringList n;
        for (const Scenario& s : m_document->scenarios())
            n << s.name;
        return n;
    }();
    QStringList shown;
    for (int i = 0; i < m_list->count(); ++i)
        shown << m_list->item(i)->text();
    if (shown != names) {
        const QString keep = selectedScenario();
        const QSignalBlocker block(m_list);
        m_list->clear();
        m_list->addItems(names);
        const auto found = m_list->findItems(keep, Qt::MatchExactly);
        if (!found.isEmpty())
            m_list->setCurrentItem(found.first());
    }
    const bool selected = m_list->currentItem() != nullptr;
    m_apply->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_compare->setEnabled(selected);
    if (names.isEmpty())
        m_list->setToolTip(tr("No scenarios yet: Save Current\u2026 stores the assumptions"));
}

}  // namespace archfit

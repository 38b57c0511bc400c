#include "component_editor.h"

#include "format.h"

#include "archfit/workload/workload_reader.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace archfit {

namespace {

struct NumberField {
    const char* key;
    const char* label;
    const char* tip;
};

constexpr NumberField kNumberFields[] = {
    {"memory_mb", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Memory (MB)"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Memory per instance, MB (128 to 1,048,576)")},
    {"vcpu", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "vCPU"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor", "vCPUs per instance")},
    {"avg_duration_ms", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Mean duration (ms)"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Mean service time of one request or run, ms")},
    {"max_duration_s", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Max duration (s)"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Longest request or run, seconds")},
    {"requests_per_day", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "Requests per day"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor",
                       "Declared traffic, requests per day (empty: none declared)")},
    {"latency_slo_ms", QT_TRANSLATE_NOOP("archfit::ComponentEditor", "p99 SLO (ms)"),
     QT_TRANSLATE_NOOP("archfit::ComponentEditor", "p99 latency target, ms (empty: none)")},
};

template <typename Enum>
void fillEnum(QComboBox* box, int count)
{
    for (int i = 0; i < count; ++i)
        box->addItem(QString::fromLatin1(toString(static_cast<Enum>(i))), i);
}

std::optional<double> parseNumber(const QString& text, bool& ok)
{
    const QString t = text.trimmed();
    ok = true;
    if (t.isEmpty())
        return std::nullopt;
    double v = QLocale().toDouble(t, &ok);
    if (!ok)
        v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        ok = false;
        return std::nullopt;
    }
    return v;
}

QString numberText(double v)
{
    return QLocale::c().toString(v, 'g', 12);
}

}  // namespace

ComponentEditor::ComponentEditor(QWidget* parent)
    : QWidget(parent)
{
    buildForm();
    setComponent(Workload{}, QString(), nullptr);
}

void ComponentEditor::buildForm()
{
    m_form = new QWidget;
    auto* form = new QFormLayout;
    const auto addText = [&](const char* key, const QString& label, const QString& tip) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("field_") + QLatin1String(key));
        edit->setToolTip(tip);
        form->addRow(label, edit);
        m_fields.insert(QLatin1String(key), edit);
        connect(edit, &QLineEdit::textEdited, this, &ComponentEditor::validate);
    };
    addText("id", tr("Id"), tr("Unique id: lower-case letters, digits, - and _"));
    addText("name", tr("Name"), tr("Display name"));
    m_kind = new QComboBox;
    fillEnum<ComponentKind>(m_kind, 7);
    m_kind->setToolTip(tr("What the component does; sets defaults and blockers"));
    form->addRow(tr("Kind"), m_kind);
    m_runtime = new QComboBox;
    fillEnum<Runtime>(m_runtime, 7);
    m_runtime->setToolTip(tr("Language runtime (affects cold starts)"));
    form->addRow(tr("Runtime"), m_runtime);
    for (const NumberField& f : kNumberFields)
        addText(f.key, tr(f.label), tr(f.tip));
    m_pattern = new QComboBox;
    fillEnum<TrafficPattern>(m_pattern, 4);
    m_pattern->setToolTip(tr("Shape of the declared traffic over a day"));
    form->addRow(tr("Pattern"), m_pattern);
    m_state = new QComboBox;
    fillEnum<StateModel>(m_state, 3);
    m_state->setToolTip(tr("Where the component keeps state; in-memory state blocks serverless"));
    form->addRow(tr("State"), m_state);
    for (QComboBox* box : {m_kind, m_runtime, m_pattern, m_state})
        connect(box, &QComboBox::activated, this, &ComponentEditor::validate);

    m_routes = new QTableWidget(0, 3);
    m_routes->setObjectName(QStringLiteral("routeTable"));
    m_routes->setHorizontalHeaderLabels({tr("Host"), tr("Path"), tr("Method")});
    m_routes->horizontalHeader()->setStretchLastSection(true);
    m_routes->verticalHeader()->setVisible(false);
    m_routes->setToolTip(tr("Route rules: a log line belongs to this component when every "
                            "given field matches (path: prefix or glob with * and ?)"));
    m_routes->setMinimumHeight(90);
    connect(m_routes, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            validate();
    });
    auto* addRoute = new QPushButton(tr("Add Route"));
    connect(addRoute, &QPushButton::clicked, this, [this] {
        m_loading = true;
        m_routes->insertRow(m_routes->rowCount());
        m_routes->setItem(m_routes->rowCount() - 1, 1, new QTableWidgetItem(QStringLiteral("/")));
        m_loading = false;
        validate();
    });
    auto* removeRoute = new QPushButton(tr("Remove Route"));
    connect(removeRoute, &QPushButton::clicked, this, [this] {
        if (m_routes->currentRow() >= 0) {
            m_routes->removeRow(m_routes->currentRow());
            validate();
        }
    });
    auto* routeButtons = new QHBoxLayout;
    routeButtons->addWidget(addRoute);
    routeButtons->addWidget(removeRoute);
    routeButtons->addStretch(1);

    m_problems = new QLabel;
    m_problems->setObjectName(QStringLiteral("validationLabel"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_decisions = new QLabel;
    m_decisions->setWordWrap(true);

    m_apply = new QPushButton(tr("Apply"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_apply->setToolTip(tr("Commit the edits as one undoable step (Ctrl+Return)"));
    connect(m_apply, &QPushButton::clicked, this, &ComponentEditor::apply);
    m_revert = new QPushButton(tr("Revert"));
    connect(m_revert, &QPushButton::clicked, this, &ComponentEditor::loadDraft);
    auto* waive = new QPushButton(tr("Override Blocker\u2026"));
    waive->setToolTip(tr("Set a hard blocker aside, with a written justification"));
    connect(waive, &QPushButton::clicked, this, [this] { showDecisionDialog(false); });
    auto* force = new QPushButton(tr("Force Family\u2026"));
    force->setToolTip(tr("Assign a family regardless of fit, with a written justification"));
    connect(force, &QPushButton::clicked, this, [this] { showDecisionDialog(true); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    auto* decisionButtons = new QHBoxLayout;
    decisionButtons->addWidget(waive);
    decisionButtons->addWidget(force);
    decisionButtons->addStretch(1);

    auto* formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(new QLabel(tr("Route rules")));
    formLayout->addWidget(m_routes);
    formLayout->addLayout(routeButtons);
    formLayout->addWidget(m_problems);
    formLayout->addLayout(buttons);
    formLayout->addWidget(m_decisions);
    formLayout->addLayout(decisionButtons);
    m_provenance = new QLabel;
    m_provenance->setWordWrap(true);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formLayout->addWidget(m_provenance);
    formLayout->addStretch(1);

    m_empty = new QLabel(tr("Select a component to edit it"));
    m_empty->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_empty);
}

void ComponentEditor::setComponent(const Workload& workload, const QString& id,
                                   std::shared_ptr<const AnalysisResult> result)
{
    m_workload = workload;
    m_result = std::move(result);
    m_id = workload.find(id.toStdString()) ? id : QString();
    m_form->setVisible(!m_id.isEmpty());
    m_empty->setVisible(m_id.isEmpty());
    loadDraft();
}

void ComponentEditor::loadDraft()
{
    const Component* c = m_workload.find(m_id.toStdString());
    if (!c)
        return;
    m_loading = true;
    m_fields[QStringLiteral("id")]->setText(QString::fromStdString(c->id));
    m_fields[QStringLiteral("name")]->setText(QString::fromStdString(c->name));
    m_kind->setCurrentIndex(static_cast<int>(c->kind));
    m_runtime->setCurrentIndex(static_cast<int>(c->runtime));
    m_pattern->setCurrentIndex(static_cast<int>(c->pattern));
    m_state->setCurrentIndex(static_cast<int>(c->state));
    m_fields[QStringLiteral("memory_mb")]->setText(QString::number(c->memoryMb));
    m_fields[QStringLiteral("vcpu")]->setText(numberText(c->vcpu));
    m_fields[QStringLiteral("avg_duration_ms")]->setText(numberText(c->avgDurationMs));
    m_fields[QStringLiteral("max_duration_s")]->setText(numberText(c->maxDurationS));
    m_fields[QStringLiteral("requests_per_day")]->setText(
        c->trafficDeclared ? numberText(std::round(c->requestsPerMonth / kDaysPerMonth)) : QString());
    m_fields[QStringLiteral("latency_slo_ms")]->setText(
        c->latencySloMs ? numberText(*c->latencySloMs) : QString());
    m_routes->setRowCount(0);
    for (const RouteRule& r : c->routes) {
        const int row = m_routes->rowCount();
        m_routes->insertRow(row);
        m_routes->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(r.host)));
        m_routes->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(r.path)));
        m_routes->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(r.method)));
    }
    QStringList decisions;
    if (c->forced)
        decisions << tr("Forced to %1: %2").arg(familyLabel(c->forced->family),
                                                QString::fromStdString(c->forced->justification));
    for (const Waiver& w : c->waivers)
        decisions << tr("Waived %1 for %2: %3").arg(QString::fromStdString(w.blocker),
                                                    familyLabel(w.family),
                                                    QString::fromStdString(w.justification));
    m_decisions->setText(decisions.join(QLatin1Char('\n')));
    // Values File > New from Inventory (archfit-cli import) guessed: each with its rule and
    // where it was read, until the user confirms them.
    QString guessed;
    for (const Provenance& p : c->provenance) {
        const QString where = QFileInfo(QString::fromStdString(p.file)).fileName() +
                              (p.line > 0 ? QStringLiteral(":%1").arg(p.line) : QString());
        guessed += QStringLiteral("<li><b>%1</b>: %2 (%3)</li>")
                       .arg(QString::fromStdString(p.field).toHtmlEscaped(),
                            QString::fromStdString(p.rule).toHtmlEscaped(), where.toHtmlEscaped());
    }
    m_provenance->setText(guessed.isEmpty()
                              ? QString()
                              : tr("<b>Imported values to confirm</b> (from the client's inventory):") +
                                    QStringLiteral("<ul>") + guessed + QStringLiteral("</ul>"));
    m_provenance->setVisible(!guessed.isEmpty());
    m_loading = false;
    validate();
}

bool ComponentEditor::readForm(Component& out, QString& problem, QString& key) const
{
    const Component* c = m_workload.find(m_id.toStdString());
    if (!c)
        return false;
    out = *c;
    out.id = m_fields[QStringLiteral("id")]->text().trimmed().toStdString();
    out.name = m_fields[QStringLiteral("name")]->text().toStdString();
    out.kind = static_cast<ComponentKind>(m_kind->currentIndex());
    out.runtime = static_cast<Runtime>(m_runtime->currentIndex());
    out.pattern = static_cast<TrafficPattern>(m_pattern->currentIndex());
    out.state = static_cast<StateModel>(m_state->currentIndex());
    for (const NumberField& f : kNumberFields) {
        const QString k = QLatin1String(f.key);
        bool ok = true;
        const std::optional<double> v = parseNumber(m_fields[k]->text(), ok);
        const bool optional = k == QLatin1String("requests_per_day") || k == QLatin1String("latency_slo_ms");
        if (!ok || (!v && !optional)) {
            problem = tr("%1: expected a number, got \u201C%2\u201D").arg(tr(f.label), m_fields[k]->text());
            key = k;
            return false;
        }
        if (k == QLatin1String("memory_mb")) {
            if (*v != std::floor(*v) || std::abs(*v) > 1e9) {
                problem = tr("%1: expected a whole number of MB").arg(tr(f.label));
                key = k;
                return false;
            }
            out.memoryMb = static_cast<int>(*v);
        } else if (k == QLatin1String("vcpu")) {
            out.vcpu = *v;
        } else if (k == QLatin1String("avg_duration_ms")) {
            out.avgDurationMs = *v;
        } else if (k == QLatin1String("max_duration_s")) {
            out.maxDurationS = *v;
        } else if (k == QLatin1String("requests_per_day")) {
            out.trafficDeclared = v.has_value();
            out.trafficPerDay = true;
            out.requestsPerMonth = v ? *v * kDaysPerMonth : 0;
        } else if (k == QLatin1String("latency_slo_ms")) {
            out.latencySloMs = v;
        }
    }
    out.routes.clear();
    for (int row = 0; row < m_routes->rowCount(); ++row) {
        RouteRule rule;
        const auto cell = [&](int col) {
            const QTableWidgetItem* item = m_routes->item(row, col);
            return item ? item->text().trimmed().toStdString() : std::string();
        };
        rule.host = cell(0);
        rule.path = cell(1);
        rule.method = cell(2);
        if (!rule.host.empty() || !rule.path.empty() || !rule.method.empty())
            out.routes.push_back(rule);
    }
    return true;
}

int ComponentEditor::componentIndex() const
{
    const std::string id = m_id.toStdString();
    for (std::size_t i = 0; i < m_workload.components.size(); ++i)
        if (m_workload.components[i].id == id)
            return static_cast<int>(i);
    return -1;
}

Workload ComponentEditor::candidate(const Component& draft) const
{
    Workload w = m_workload;
    const std::string oldId = m_id.toStdString();
    for (Component& c : w.components) {
        if (c.id == oldId) {
            c = draft;
            continue;
        }
        for (std::string& call : c.calls) {  // a rename follows through the call graph
            if (call == oldId)
                call = draft.id;
        }
    }
    return w;
}

void ComponentEditor::validate()
{
    if (m_loading || m_id.isEmpty())
        return;
    for (QLineEdit* edit : std::as_const(m_fields))
        edit->setStyleSheet(QString());
    Component draft;
    QString problem, key;
    QStringList problems;
    if (!readForm(draft, problem, key)) {
        problems << problem;
        if (QLineEdit* edit = m_fields.value(key))
            edit->setStyleSheet(QStringLiteral("border: 2px solid #c0392b;"));
    } else {
        // The engine's reader is the one source of the rules; it checks this component alone.
        const int index = componentIndex();
        const Result<Component> checked = validateComponent(candidate(draft), static_cast<std::size_t>(index));
        if (!checked) {
            const std::string prefix = "$.components[" + std::to_string(index) + "]";
            for (const Diagnostic& d : checked.errors()) {
                QString field;
                if (d.jsonPath.rfind(prefix + ".", 0) == 0) {
                    field = QString::fromStdString(d.jsonPath.substr(prefix.size() + 1))
                                .section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
                }
                if (QLineEdit* edit = m_fields.value(field))
                    edit->setStyleSheet(QStringLiteral("border: 2px solid #c0392b;"));
                problems << (field.isEmpty() ? QString::fromStdString(d.message)
                                             : tr("%1: %2").arg(field, QString::fromStdString(d.message)));
            }
        }
    }
    m_valid = problems.isEmpty();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!m_valid);
    m_apply->setEnabled(m_valid);
}

QString ComponentEditor::validationText() const
{
    return m_valid ? QString() : m_problems->text();
}

bool ComponentEditor::apply()
{
    validate();
    Component draft;
    QString problem, key;
    if (!m_valid || !readForm(draft, problem, key))
        return false;
    Workload normalised = candidate(draft);
    const std::size_t index = static_cast<std::size_t>(componentIndex());
    Result<Component> checked = validateComponent(normalised, index);
    if (!checked)
        return false;
    normalised.components[index] = std::move(checked).value();
    if (normalised == m_workload)
        return false;  // nothing changed
    emit editRequested(normalised,
                       tr("Edit %1").arg(QString::fromStdString(draft.name.empty() ? draft.id : draft.name)));
    return true;
}

bool ComponentEditor::waiveBlocker(Family family, const QString& blockerCode, const QString& justification)
{
    const int index = componentIndex();
    if (index < 0)
        return false;
    Workload w = m_workload;
    Component& c = w.components[static_cast<std::size_t>(index)];
    c.waivers.push_back({family, blockerCode.toStdString(), justification.trimmed().toStdString()});
    if (!validateComponent(w, static_cast<std::size_t>(index)))
        return false;  // e.g. a justification under 10 characters
    emit editRequested(w, tr("Waive %1 for %2").arg(blockerCode, QString::fromStdString(c.id)));
    return true;
}

bool ComponentEditor::forceFamily(Family family, const QString& justification)
{
    const int index = componentIndex();
    if (index < 0)
        return false;
    Workload w = m_workload;
    Component& c = w.components[static_cast<std::size_t>(index)];
    c.forced = ForcedFamily{family, justification.trimmed().toStdString()};
    if (!validateComponent(w, static_cast<std::size_t>(index)))
        return false;
    emit editRequested(w, tr("Force %1 to %2").arg(QString::fromStdString(c.id), familyLabel(family)));
    return true;
}

void ComponentEditor::showDecisionDialog(bool force)
{
    const ComponentResult* result = m_result ? m_result->find(m_id.toStdString()) : nullptr;
    QDialog dialog(this);
    dialog.setWindowTitle(force ? tr("Force a Family") : tr("Override a Blocker"));
    auto* choice = new QComboBox;
    if (force) {
        for (Family f : kFamilies)
            choice->addItem(familyLabel(f), static_cast<int>(f));
    } else if (result) {
        for (Family f : kFamilies) {
            for (const Blocker& b : result->family(f).blockers) {
                choice->addItem(tr("%1: %2").arg(familyLabel(f), QString::fromStdString(b.text)),
                                QStringList{QString::number(static_cast<int>(f)),
                                            QString::fromStdString(b.code)});
            }
        }
    }
    auto* justification = new QLineEdit;
    justification->setPlaceholderText(tr("Why (at least 10 characters; printed in reports)"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(justification, &QLineEdit::textChanged, ok, [ok, choice](const QString& t) {
        ok->setEnabled(t.trimmed().size() >= 10 && choice->count() > 0);
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QFormLayout(&dialog);
    layout->addRow(force ? tr("Family") : tr("Blocker"), choice);
    layout->addRow(tr("Justification"), justification);
    if (choice->count() == 0)
        layout->addRow(new QLabel(tr("This component has no blockers.")));
    layout->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (force) {
        forceFamily(static_cast<Family>(choice->currentData().toInt()), justification->text());
    } else {
        const QStringList data = choice->currentData().toStringList();
        waiveBlocker(static_cast<Family>(data.value(0).toInt()), data.value(1), justification->text());
    }
}

}  // namespace archfit

#include "assumptions_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace archfit {

namespace {

double Weights::*const kWeightMembers[] = {&Weights::cost, &Weights::latency, &Weights::compliance,
                                           &Weights::lockIn, &Weights::operations};
const char* const kWeightKeys[] = {"cost", "latency", "compliance", "lock_in", "operations"};

}  // namespace

AssumptionsPanel::AssumptionsPanel(QWidget* parent)
    : QWidget(parent)
{
    const QString weightNames[] = {tr("Cost"), tr("Latency"), tr("Compliance"), tr("Lock-in"),
                                   tr("Operations")};
    const QString weightTips[] = {
        tr("Weight of the monthly cost score (cheapest family scores 100)"),
        tr("Weight of the latency score (estimated p99 against the SLO, cold starts)"),
        tr("Weight of the compliance score (tags such as pci-dss, data residency)"),
        tr("Weight of the lock-in score (provider-specific services and mitigations)"),
        tr("Weight of the operations score (labour hours and team skills)")};

    auto* weights = new QGroupBox(tr("Weights"));
    auto* weightForm = new QFormLayout(weights);
    for (int i = 0; i < WeightCount; ++i) {
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(QStringLiteral("weight_") + QLatin1String(kWeightKeys[i]));
        slider->setRange(0, 100);
        slider->setPageStep(5);
        slider->setToolTip(weightTips[i] + tr(" \u2014 raw weight 0\u2013100; the shares shown "
                                              "are the weights divided by their sum"));
        auto* share = new QLabel;
        share->setMinimumWidth(share->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
        share->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(share);
        weightForm->addRow(weightNames[i], row);
        m_sliders[i] = slider;
        m_shares[i] = share;
        connect(slider, &QSlider::valueChanged, this, [this, i, weightNames](int value) {
            Assumptions a = m_current;
            a.weights.*(kWeightMembers[i]) = value / 100.0;
            emitEdit(a, tr("Set %1 weight to %2").arg(weightNames[i].toLower()).arg(value),
                     QStringLiteral("weights.") + QLatin1String(kWeightKeys[i]));
        });
    }

    auto* traffic = new QGroupBox(tr("Traffic and pricing"));
    auto* trafficForm = new QFormLayout(traffic);
    m_growth = new QDoubleSpinBox;
    m_growth->setObjectName(QStringLiteral("growthSpin"));
    m_growth->setRange(kGrowthMin, kGrowthMax);
    m_growth->setDecimals(2);
    m_growth->setSingleStep(0.25);
    m_growth->setPrefix(QStringLiteral("\u00D7 "));
    m_growth->setToolTip(tr("Multiplies every component's traffic (requests per month), "
                            "\u00D70.01 to \u00D7100"));
    trafficForm->addRow(tr("Growth"), m_growth);
    connect(m_growth, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        Assumptions a = m_current;
        a.growth = v;
        emitEdit(a, tr("Set growth to \u00D7%1").arg(QLocale().toString(v, 'f', 2)),
                 QStringLiteral("growth"));
    });
    m_freeTier = new QCheckBox(tr("Apply the free tier"));
    m_freeTier->setToolTip(tr("Subtract the provider's always-free monthly allowances "
                              "(e.g. 1M function requests) from the account's bill"));
    trafficForm->addRow(QString(), m_freeTier);
    connect(m_freeTier, &QCheckBox::toggled, this, [this](bool on) {
        Assumptions a = m_current;
        a.freeTier = on;
        emitEdit(a, on ? tr("Turn the free tier on") : tr("Turn the free tier off"), {});
    });
    m_labour = new QCheckBox(tr("Include operations labour"));
    m_labour->setToolTip(tr("Add labour hours \u00D7 hourly rate (USD per component-month) to "
                            "each family's total"));
    trafficForm->addRow(QString(), m_labour);
    connect(m_labour, &QCheckBox::toggled, this, [this](bool on) {
        Assumptions a = m_current;
        a.labour = on;
        emitEdit(a, on ? tr("Include operations labour") : tr("Exclude operations labour"), {});
    });

    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    for (Provider p : {Provider::Aws, Provider::Azure, Provider::Gcp})
        m_provider->addItem(QString::fromLatin1(toString(p)).toUpper(), static_cast<int>(p));
    m_provider->setToolTip(tr("Cloud provider whose price catalog is used"));
    m_region = new QComboBox;
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setToolTip(tr("Region of the price catalog (data/pricing/<provider>-<region>.json)"));
    trafficForm->addRow(tr("Provider"), m_provider);
    trafficForm->addRow(tr("Region"), m_region);
    connect(m_provider, &QComboBox::activated, this, [this] {
        Assumptions a = m_current;
        a.provider = static_cast<Provider>(m_provider->currentData().toInt());
        m_updating = true;
        fillRegions();
        m_updating = false;
        a.region = m_region->currentText();
        emitEdit(a, tr("Price with %1 %2").arg(m_provider->currentText(), a.region), {});
    });
    connect(m_region, &QComboBox::activated, this, [this] {
        Assumptions a = m_current;
        a.region = m_region->currentText();
        emitEdit(a, tr("Price in region %1").arg(a.region), {});
    });

    m_priceBook = new QLineEdit;
    m_priceBook->setReadOnly(true);
    m_priceBook->setPlaceholderText(tr("List prices"));
    m_priceBook->setToolTip(tr("Private price book (archfit/price-book@1 JSON): negotiated "
                               "discounts and unit prices applied to the catalog"));
    auto* browse = new QPushButton(tr("Choose\u2026"));
    browse->setToolTip(tr("Choose a price book file"));
    connect(browse, &QPushButton::clicked, this, &AssumptionsPanel::browsePriceBook);
    auto* clear = new QPushButton(tr("Clear"));
    clear->setToolTip(tr("Use the catalog's list prices"));
    connect(clear, &QPushButton::clicked, this, [this] {
        if (m_current.priceBookPath.isEmpty())
            return;
        Assumptions a = m_current;
        a.priceBookPath.clear();
        emitEdit(a, tr("Use list prices"), {});
    });
    auto* bookButtons = new QHBoxLayout;
    bookButtons->addWidget(browse);
    bookButtons->addWidget(clear);
    trafficForm->addRow(tr("Price book"), m_priceBook);
    trafficForm->addRow(QString(), bookButtons);

    auto* sizing = new QGroupBox(tr("Sizing"));
    auto* sizingForm = new QFormLayout(sizing);
    m_utilisation = new QSpinBox;
    m_utilisation->setRange(static_cast<int>(kUtilisationMin * 100), static_cast<int>(kUtilisationMax * 100));
    m_utilisation->setSuffix(QStringLiteral(" %"));
    m_utilisation->setToolTip(tr("Containers and VMs run at most this busy (percent of vCPU)"));
    sizingForm->addRow(tr("Target utilisation"), m_utilisation);
    connect(m_utilisation, &QSpinBox::valueChanged, this, [this](int v) {
        Assumptions a = m_current;
        a.sizing.targetUtilisation = v / 100.0;
        emitEdit(a, tr("Set target utilisation to %1 %").arg(v), QStringLiteral("sizing.utilisation"));
    });
    m_minReplicas = new QSpinBox;
    m_minReplicas->setRange(1, kMinReplicasMax);
    m_minReplicas->setToolTip(tr("Always-on services keep at least this many tasks (tasks)"));
    sizingForm->addRow(tr("Minimum replicas"), m_minReplicas);
    connect(m_minReplicas, &QSpinBox::valueChanged, this, [this](int v) {
        Assumptions a = m_current;
        a.sizing.minReplicas = v;
        emitEdit(a, tr("Set minimum replicas to %1").arg(v), QStringLiteral("sizing.replicas"));
    });
    m_headroom = new QSpinBox;
    m_headroom->setRange(0, static_cast<int>(kHeadroomMax * 100));
    m_headroom->setSuffix(QStringLiteral(" %"));
    m_headroom->setToolTip(tr("VM fleets are sized for peak \u00D7 (1 + headroom), percent"));
    sizingForm->addRow(tr("VM headroom"), m_headroom);
    connect(m_headroom, &QSpinBox::valueChanged, this, [this](int v) {
        Assumptions a = m_current;
        a.sizing.vmHeadroom = v / 100.0;
        emitEdit(a, tr("Set VM headroom to %1 %").arg(v), QStringLiteral("sizing.headroom"));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(weights);
    layout->addWidget(traffic);
    layout->addWidget(sizing);
    layout->addStretch(1);
    setAssumptions(m_current);
}

void AssumptionsPanel::setDataDir(const QString& dataDir)
{
    m_dataDir = dataDir;
    m_updating = true;
    fillRegions();
    m_updating = false;
}

void AssumptionsPanel::fillRegions()
{
    const QString provider = QString::fromLatin1(
        toString(static_cast<Provider>(m_provider->currentData().toInt())));
    QStringList regions;
    const QStringList files = QDir(m_dataDir + QStringLiteral("/pricing"))
                                  .entryList({provider + QStringLiteral("-*.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files)
        regions << f.mid(provider.size() + 1).chopped(5);
    if (m_current.provider == static_cast<Provider>(m_provider->currentData().toInt())
        && !m_current.region.isEmpty() && !regions.contains(m_current.region))
        regions << m_current.region;  // shown even without a catalog; the analysis says why
    m_region->clear();
    m_region->addItems(regions);
    const int index = m_region->findText(m_current.region);
    m_region->setCurrentIndex(index >= 0 ? index : 0);
}

void AssumptionsPanel::setAssumptions(const Assumptions& a)
{
    m_current = a;
    m_updating = true;
    for (int i = 0; i < WeightCount; ++i)
        m_sliders[i]->setValue(static_cast<int>(std::lround(a.weights.*(kWeightMembers[i]) * 100)));
    m_growth->setValue(a.growth);
    m_freeTier->setChecked(a.freeTier);
    m_labour->setChecked(a.labour);
    m_provider->setCurrentIndex(m_provider->findData(static_cast<int>(a.provider)));
    fillRegions();
    m_priceBook->setText(a.priceBookPath.isEmpty() ? QString() : QFileInfo(a.priceBookPath).fileName());
    m_priceBook->setToolTip(a.priceBookPath.isEmpty() ? tr("List prices")
                                                      : QDir::toNativeSeparators(a.priceBookPath));
    m_utilisation->setValue(static_cast<int>(std::lround(a.sizing.targetUtilisation * 100)));
    m_minReplicas->setValue(a.sizing.minReplicas);
    m_headroom->setValue(static_cast<int>(std::lround(a.sizing.vmHeadroom * 100)));
    m_updating = false;
    updateShares();
}

void AssumptionsPanel::emitEdit(Assumptions a, const QString& text, const QString& mergeKey)
{
    if (m_updating || a == m_current)
        return;
    m_current = a;
    updateShares();
    emit edited(a, text, mergeKey);
}

void AssumptionsPanel::updateShares()
{
    double sum = 0;
    for (double Weights::*m : kWeightMembers)
        sum += m_current.weights.*m;
    for (int i = 0; i < WeightCount; ++i) {
        const double share = sum > 0 ? m_current.weights.*(kWeightMembers[i]) / sum * 100 : 0;
        m_shares[i]->setText(tr("%1 %").arg(QLocale().toString(share, 'f', 0)));
    }
}

void AssumptionsPanel::browsePriceBook()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a price book"), QFileInfo(m_current.priceBookPath).absolutePath(),
        tr("Price books (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    Assumptions a = m_current;
    a.priceBookPath = path;
    emitEdit(a, tr("Use price book %1").arg(QFileInfo(path).fileName()), {});
}

}  // namespace archfit

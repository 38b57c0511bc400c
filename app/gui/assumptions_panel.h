#pragma once
// The assumptions panel: five weight sliders, growth, free tier, labour, provider and region
// (from the catalogs in <data>/pricing), price book and sizing. It shows an Assumptions value
// and reports each user change as a new value with an undo text and a merge key (a slider drag
// is one undo step); it never changes the document itself.

#include "assumptions.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace archfit {

class AssumptionsPanel : public QWidget {
    Q_OBJECT

public:
    enum Weight { Cost, Latency, Compliance, LockIn, Operations, WeightCount };

    explicit AssumptionsPanel(QWidget* parent = nullptr);

    // Regions offered per provider: the <provider>-<region>.json files in `dataDir`/pricing.
    void setDataDir(const QString& dataDir);
    // Shows `a` without emitting edited().
    void setAssumptions(const Assumptions& a);
    const Assumptions& assumptions() const { return m_current; }

    QSlider* weightSlider(Weight w) const { return m_sliders[w]; }
    QDoubleSpinBox* growthSpin() const { return m_growth; }
    QCheckBox* freeTierBox() const { return m_freeTier; }

signals:
    void edited(const archfit::Assumptions& assumptions, const QString& undoText,
                const QString& mergeKey);

private:
    void emitEdit(Assumptions a, const QString& text, const QString& mergeKey);
    void updateShares();
    void fillRegions();
    void browsePriceBook();

    Assumptions m_current;
    QString m_dataDir;
    bool m_updating = false;
    QSlider* m_sliders[WeightCount] = {};
    QLabel* m_shares[WeightCount] = {};
    QDoubleSpinBox* m_growth = nullptr;
    QCheckBox* m_freeTier = nullptr;
    QCheckBox* m_labour = nullptr;
    QComboBox* m_provider = nullptr;
    QComboBox* m_region = nullptr;
    QLineEdit* m_priceBook = nullptr;
    QSpinBox* m_utilisation = nullptr;
    QSpinBox* m_minReplicas = nullptr;
    QSpinBox* m_headroom = nullptr;
};

}  // namespace archfit

#pragma once
// The what-if knobs of an assessment, as one value: criterion weights, traffic growth, free
// tier, provider and region, a private price book and the sizing settings. A scenario is a
// named Assumptions. Part of it lives in the Workload (weights, provider, region, free tier,
// labour), the rest only in the project; fromWorkload()/applyTo() move between the two.
// JSON (QJsonObject) is the scenario format stored in the project file.

#include "archfit/score/analysis_result.h"
#include "archfit/workload/workload.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace archfit {

struct Assumptions {
    Weights weights;
    double growth = 1.0;             // traffic multiplier, > 0
    bool freeTier = true;
    bool labour = true;              // operations labour added to totals
    Provider provider = Provider::Aws;
    QString region = QStringLiteral("us-east-1");
    QString priceBookPath;           // archfit/price-book@1 file; empty = list prices
    SizingSettings sizing;           // targetUtilisation, minReplicas, vmHeadroom edited in the GUI

    // The workload's part (weights, provider, region, free tier, labour); the rest default.
    static Assumptions fromWorkload(const Workload& workload);
    // Writes the workload's part into `workload`.
    void applyTo(Workload& workload) const;
    AnalysisSettings analysisSettings() const;

    QJsonObject toJson() const;
    // Reads toJson() output; missing keys keep their defaults. False with `error` set (naming
    // the key) when a value has the wrong type or is out of range.
    static bool fromJson(const QJsonObject& json, Assumptions& out, QString* error);

    bool operator==(const Assumptions& o) const;
    bool operator!=(const Assumptions& o) const { return !(*this == o); }
};

// Ranges the GUI and fromJson() enforce (the engine's own bounds where it has them).
constexpr double kGrowthMin = 0.01;
constexpr double kGrowthMax = 100;
constexpr double kUtilisationMin = 0.1;
constexpr double kUtilisationMax = 1.0;
constexpr int kMinReplicasMax = 20;
constexpr double kHeadroomMax = 2.0;

// One translated line per assumption that differs from `a` to `b`
// ("Growth: ×1 → ×3", "Region: us-east-1 → eu-west-1"). Empty when equal.
QStringList describeDifferences(const Assumptions& a, const Assumptions& b);

}  // namespace archfit

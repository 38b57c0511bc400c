#include "assumptions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonValue>
#include <QLocale>

#include <cmath>

namespace archfit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("archfit::Assumptions", text);
}

// The weights in a fixed order with their JSON keys.
struct WeightField {
    const char* key;
    double Weights::*member;
};
constexpr WeightField kWeightFields[] = {
    {"cost", &Weights::cost},         {"latency", &Weights::latency},
    {"compliance", &Weights::compliance}, {"lock_in", &Weights::lockIn},
    {"operations", &Weights::operations},
};

QString key(const char* k)
{
    return QString::fromLatin1(k);
}

bool readNumber(const QJsonObject& json, const char* name, double low, double high, double& out,
                QString* error)
{
    const QJsonValue v = json.value(key(name));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < low || v.toDouble() > high) {
        if (error)
            *error = tr("\"%1\": expected a number from %2 to %3").arg(key(name)).arg(low).arg(high);
        return false;
    }
    out = v.toDouble();
    return true;
}

bool readBool(const QJsonObject& json, const char* name, bool& out, QString* error)
{
    const QJsonValue v = json.value(key(name));
    if (v.isUndefined())
        return true;
    if (!v.isBool()) {
        if (error)
            *error = tr("\"%1\": expected true or false").arg(key(name));
        return false;
    }
    out = v.toBool();
    return true;
}

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

}  // namespace

Assumptions Assumptions::fromWorkload(const Workload& workload)
{
    Assumptions a;
    a.weights = workload.weights;
    a.provider = workload.assessment.provider;
    a.region = QString::fromStdString(workload.assessment.region);
    a.freeTier = workload.assessment.options.freeTier;
    a.labour = workload.assessment.options.operationsLabour;
    return a;
}

void Assumptions::applyTo(Workload& workload) const
{
    workload.weights = weights;
    workload.assessment.provider = provider;
    workload.assessment.region = region.toStdString();
    workload.assessment.options.freeTier = freeTier;
    workload.assessment.options.operationsLabour = labour;
}

AnalysisSettings Assumptions::analysisSettings() const
{
    AnalysisSettings s;
    s.sizing = sizing;
    s.growth = growth;
    return s;
}

QJsonObject Assumptions::toJson() const
{
    QJsonObject w;
    for (const WeightField& f : kWeightFields)
        w.insert(key(f.key), weights.*(f.member));
    QJsonObject sizingJson;
    sizingJson.insert(QStringLiteral("target_utilisation"), sizing.targetUtilisation);
    sizingJson.insert(QStringLiteral("min_replicas"), sizing.minReplicas);
    sizingJson.insert(QStringLiteral("vm_headroom"), sizing.vmHeadroom);
    QJsonObject out;
    out.insert(QStringLiteral("weights"), w);
    out.insert(QStringLiteral("growth"), growth);
    out.insert(QStringLiteral("free_tier"), freeTier);
    out.insert(QStringLiteral("labour"), labour);
    out.insert(QStringLiteral("provider"), QString::fromLatin1(toString(provider)));
    out.insert(QStringLiteral("region"), region);
    out.insert(QStringLiteral("price_book"), priceBookPath);
    out.insert(QStringLiteral("sizing"), sizingJson);
    return out;
}

bool Assumptions::fromJson(const QJsonObject& json, Assumptions& out, QString* error)
{
    Assumptions a = out;
    const QJsonObject w = json.value(QStringLiteral("weights")).toObject();
    for (const WeightField& f : kWeightFields) {
        if (!readNumber(w, f.key, 0, 1000, a.weights.*(f.member), error))
            return false;
    }
    if (!readNumber(json, "growth", kGrowthMin, kGrowthMax, a.growth, error)
        || !readBool(json, "free_tier", a.freeTier, error)
        || !readBool(json, "labour", a.labour, error))
        return false;
    if (json.contains(QStringLiteral("provider"))) {
        const auto p = providerFromString(json.value(QStringLiteral("provider")).toString().toStdString());
        if (!p) {
            if (error)
                *error = tr("\"provider\": expected aws, azure or gcp");
            return false;
        }
        a.provider = *p;
    }
    if (json.contains(QStringLiteral("region")))
        a.region = json.value(QStringLiteral("region")).toString();
    if (json.contains(QStringLiteral("price_book")))
        a.priceBookPath = json.value(QStringLiteral("price_book")).toString();
    const QJsonObject s = json.value(QStringLiteral("sizing")).toObject();
    double replicas = a.sizing.minReplicas;
    if (!readNumber(s, "target_utilisation", kUtilisationMin, kUtilisationMax,
                    a.sizing.targetUtilisation, error)
        || !readNumber(s, "min_replicas", 1, kMinReplicasMax, replicas, error)
        || !readNumber(s, "vm_headroom", 0, kHeadroomMax, a.sizing.vmHeadroom, error))
        return false;
    a.sizing.minReplicas = static_cast<int>(std::lround(replicas));
    out = a;
    return true;
}

bool Assumptions::operator==(const Assumptions& o) const
{
    for (const WeightField& f : kWeightFields) {
        if (weights.*(f.member) != o.weights.*(f.member))
            return false;
    }
    return growth == o.growth && freeTier == o.freeTier && labour == o.labour
           && provider == o.provider && region == o.region && priceBookPath == o.priceBookPath
           && sizing.targetUtilisation == o.sizing.targetUtilisation
           && sizing.minReplicas == o.sizing.minReplicas && sizing.vmHeadroom == o.sizing.vmHeadroom;
}

QStringList describeDifferences(const Assumptions& a, const Assumptions& b)
{
    QStringList out;
    const auto onOff = [](bool v) { return v ? tr("on") : tr("off"); };
    const char* weightLabels[] = {QT_TRANSLATE_NOOP("archfit::Assumptions", "Cost weight"),
                                  QT_TRANSLATE_NOOP("archfit::Assumptions", "Latency weight"),
                                  QT_TRANSLATE_NOOP("archfit::Assumptions", "Compliance weight"),
                                  QT_TRANSLATE_NOOP("archfit::Assumptions", "Lock-in weight"),
                                  QT_TRANSLATE_NOOP("archfit::Assumptions", "Operations weight")};
    for (int i = 0; i < 5; ++i) {
        const double x = a.weights.*(kWeightFields[i].member);
        const double y = b.weights.*(kWeightFields[i].member);
        if (x != y)
            out << tr("%1: %2 \u2192 %3").arg(tr(weightLabels[i]), number(x, 2), number(y, 2));
    }
    if (a.growth != b.growth)
        out << tr("Growth: \u00D7%1 \u2192 \u00D7%2").arg(number(a.growth, 2), number(b.growth, 2));
    if (a.freeTier != b.freeTier)
        out << tr("Free tier: %1 \u2192 %2").arg(onOff(a.freeTier), onOff(b.freeTier));
    if (a.labour != b.labour)
        out << tr("Operations labour: %1 \u2192 %2").arg(onOff(a.labour), onOff(b.labour));
    if (a.provider != b.provider || a.region != b.region) {
        out << tr("Pricing: %1 %2 \u2192 %3 %4")
                   .arg(QString::fromLatin1(toString(a.provider)), a.region,
                        QString::fromLatin1(toString(b.provider)), b.region);
    }
    if (a.priceBookPath != b.priceBookPath) {
        const auto name = [](const QString& p) {
            return p.isEmpty() ? tr("list prices") : QFileInfo(p).fileName();
        };
        out << tr("Price book: %1 \u2192 %2").arg(name(a.priceBookPath), name(b.priceBookPath));
    }
    if (a.sizing.targetUtilisation != b.sizing.targetUtilisation) {
        out << tr("Target utilisation: %1% \u2192 %2%")
                   .arg(number(a.sizing.targetUtilisation * 100, 0),
                        number(b.sizing.targetUtilisation * 100, 0));
    }
    if (a.sizing.minReplicas != b.sizing.minReplicas)
        out << tr("Minimum replicas: %1 \u2192 %2").arg(a.sizing.minReplicas).arg(b.sizing.minReplicas);
    if (a.sizing.vmHeadroom != b.sizing.vmHeadroom) {
        out << tr("VM headroom: %1% \u2192 %2%")
                   .arg(number(a.sizing.vmHeadroom * 100, 0), number(b.sizing.vmHeadroom * 100, 0));
    }
    return out;
}

}  // namespace archfit

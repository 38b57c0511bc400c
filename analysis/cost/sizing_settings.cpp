// SizingSettings equality, member by member; the member count is checked at compile time so a
// setting added later cannot be forgotten here (the GUI re-analyses only when settings differ).

#include "archfit/cost/cost_model.h"

#include "archfit/util/field_count.h"

namespace archfit {

static_assert(detail::fieldCount<PurchasePolicy>() == 2, "PurchasePolicy changed: compare the new member in operator==");
bool operator==(const PurchasePolicy& a, const PurchasePolicy& b)
{
    return a.policy == b.policy && a.horizonMonths == b.horizonMonths;
}

static_assert(detail::fieldCount<SizingSettings>() == 26,
              "SizingSettings changed: compare the new member in operator==");
bool operator==(const SizingSettings& a, const SizingSettings& b)
{
    return a.targetUtilisation == b.targetUtilisation && a.minReplicas == b.minReplicas
           && a.requestCpuFraction == b.requestCpuFraction && a.vmHeadroom == b.vmHeadroom
           && a.vmNPlusOne == b.vmNPlusOne && a.requestsPerConnection == b.requestsPerConnection
           && a.labourHoursServerless == b.labourHoursServerless && a.labourHoursContainer == b.labourHoursContainer
           && a.labourHoursVm == b.labourHoursVm && a.provisionedPercentile == b.provisionedPercentile
           && a.k8sNodeReserve == b.k8sNodeReserve && a.trafficSpread == b.trafficSpread
           && a.unconfirmedPriceSpread == b.unconfirmedPriceSpread && a.labourRateSpread == b.labourRateSpread
           && a.logKbPerRequest == b.logKbPerRequest && a.rootDiskGb == b.rootDiskGb && a.natGateways == b.natGateways
           && a.sweepMin == b.sweepMin && a.sweepMax == b.sweepMax && a.sweepStepsPerDecade == b.sweepStepsPerDecade
           && a.labourHoursPerVmInstance == b.labourHoursPerVmInstance && a.labourHoursPerCluster == b.labourHoursPerCluster
           && a.purchase == b.purchase && a.labourRate == b.labourRate
           && a.freeTier == b.freeTier && a.kubernetesSupport == b.kubernetesSupport;
}

}  // namespace archfit

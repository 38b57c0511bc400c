// AnalysisSettings equality, member by member; the member count is checked at compile time so
// a setting added later cannot be forgotten here (the GUI re-analyses only when settings differ).

#include "archfit/score/analysis_result.h"

#include "archfit/util/field_count.h"

namespace archfit {

static_assert(detail::fieldCount<AnalysisSettings>() == 4,
              "AnalysisSettings changed: compare the new member in operator==");
bool operator==(const AnalysisSettings& a, const AnalysisSettings& b)
{
    return a.sizing == b.sizing && a.growth == b.growth && a.costSweeps == b.costSweeps
           && a.sensitivity == b.sensitivity;
}

}  // namespace archfit

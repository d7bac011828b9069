// Aggregate claims: each part is at most the whole, or the parts sum to it.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::AggregateClaim;
using claimcheck::v1::Claim;

Encoded EncodeAggregate(const Claim& claim, Encoding& encoding) {
  const AggregateClaim& agg = claim.aggregate();
  z3::expr whole = encoding.MeasureValue(agg.whole());
  z3::expr_vector parts(encoding.ctx());
  std::vector<std::string> names;
  for (const std::string& p : agg.parts()) {
    parts.push_back(encoding.MeasureValue(p));
    names.push_back(encoding.MeasureName(p));
  }
  const std::string whole_name = encoding.MeasureName(agg.whole());
  if (agg.relation() == AggregateClaim::RELATION_PARTS_SUM_TO_WHOLE) {
    return {z3::sum(parts) == whole,
            absl::StrCat(absl::StrJoin(names, " + "), " = ", whole_name),
            {},
            {}};
  }
  z3::expr_vector each(encoding.ctx());
  for (unsigned i = 0; i < parts.size(); ++i) each.push_back(parts[i] <= whole);
  Encoded out{z3::mk_and(each),
              absl::StrCat(absl::StrJoin(names, ", "),
                           names.size() > 1 ? " each" : "", " <= ", whole_name),
              {},
              {}};
  for (const std::string& p : agg.parts()) {
    out.orders.push_back({p, agg.whole(), "a part cannot exceed its whole"});
  }
  return out;
}

}  // namespace claimcheck

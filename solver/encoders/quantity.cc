// Quantity claims: measure M has value V, with unit, scale, qualifier and
// rounding turned into an interval in the unit's canonical unit.
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;

namespace {

z3::expr WithinInterval(Encoding& encoding, const z3::expr& v,
                        const ValueInterval& interval) {
  z3::expr c = encoding.ctx().bool_val(true);
  if (interval.lo.has_value()) {
    z3::expr lo = encoding.Real(interval.lo->value);
    c = c && (interval.lo->open ? v > lo : v >= lo);
  }
  if (interval.hi.has_value()) {
    z3::expr hi = encoding.Real(interval.hi->value);
    c = c && (interval.hi->open ? v < hi : v <= hi);
  }
  return c;
}

}  // namespace

Encoded EncodeQuantity(const Claim& claim, Encoding& encoding) {
  const claimcheck::v1::QuantityClaim& q = claim.quantity();
  const Unit unit = LookupUnit(q.amount().unit());
  const ValueInterval interval =
      *AmountInterval(q.amount(), encoding.amount_settings());
  const std::string name = encoding.MeasureName(q.measure());
  const std::string range = FormatInterval(interval, unit.canonical);
  std::string forces = absl::StrCat(name, ": ", DescribeAmount(q.amount()));
  absl::StrAppend(&forces, " = ", range);
  Encoded out{WithinInterval(encoding, encoding.MeasureValue(q.measure()),
                             interval),
              forces,
              {},
              {}};
  DirectBound b{absl::StrCat("measure:", q.measure()), name,
                absl::StrCat(DescribeAmount(q.amount()), " = ", range)};
  b.value = interval;
  out.bounds.push_back(b);
  return out;
}

}  // namespace claimcheck

// Change claims: "$790 million, an increase of 46 percent" (the measure is
// the previous value times 1 + c/100 for c in the stated interval), and
// "all-time high" (no measure of the same quantity is larger).
//
// Both values may be unknown, and x = p (1 + c/100) with c a variable would
// be non-linear. But c only ranges over constant bounds, so for p >= 0 the
// reachable x are exactly [p (1 + lo/100), p (1 + hi/100)] (ends reversed
// for p < 0; x = 0 when p = 0): constants times a variable, linear real
// arithmetic, decided by simplex with a case split on the sign of p. The
// p = 0 case was found by the differential test.
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::ChangeClaim;
using claimcheck::v1::Claim;

namespace {

// x compared with p (1 + c/100) at the bound c = b.
z3::expr AtBound(Encoding& encoding, const z3::expr& x, const z3::expr& p,
                 const Bound& b, bool lower) {
  const Decimal hundred = Decimal::FromInt(100);
  const Decimal factor = *Decimal::Add(hundred, b.value);  // 100 + c
  const z3::expr scaled = p * encoding.Real(factor) / encoding.ctx().real_val(100);
  if (lower) return b.open ? x > scaled : x >= scaled;
  return b.open ? x < scaled : x <= scaled;
}

}  // namespace

Encoded EncodeChange(const Claim& claim, Encoding& encoding) {
  const ChangeClaim& c = claim.change();
  z3::context& ctx = encoding.ctx();
  const z3::expr x = encoding.MeasureValue(c.measure());
  const std::string name = encoding.MeasureName(c.measure());
  if (c.all_time_high()) {
    const claimcheck::v1::Measure& m = encoding.measure(c.measure());
    z3::expr_vector parts(ctx);
    Encoded out{ctx.bool_val(true),
                absl::StrCat(name, ": the all-time high of '", m.quantity(), "'"),
                {},
                {}};
    for (const std::string& other : encoding.MeasuresOfQuantity(m)) {
      if (other == c.measure()) continue;
      parts.push_back(encoding.MeasureValue(other) <= x);
      out.orders.push_back({other, c.measure(), "an all-time high is not exceeded"});
    }
    out.constraint = z3::mk_and(parts);
    return out;
  }
  const z3::expr p = encoding.MeasureValue(c.previous());
  const ValueInterval interval =
      *AmountInterval(c.change(), encoding.amount_settings());
  // For p > 0 the bound at lo is the lower one; for p < 0 it is the upper.
  z3::expr_vector when_nonneg(ctx), when_neg(ctx);
  if (interval.lo.has_value()) {
    when_nonneg.push_back(AtBound(encoding, x, p, *interval.lo, true));
    when_neg.push_back(AtBound(encoding, x, p, *interval.lo, false));
  }
  if (interval.hi.has_value()) {
    when_nonneg.push_back(AtBound(encoding, x, p, *interval.hi, false));
    when_neg.push_back(AtBound(encoding, x, p, *interval.hi, true));
  }
  // From nothing, any finite change is still nothing: p = 0 gives x = 0,
  // which the bounds alone would get wrong (an unbounded change allows any
  // x >= 0; an open bound x > 1.5 p excludes x = 0).
  return {z3::ite(p > 0, z3::mk_and(when_nonneg),
                  z3::ite(p == 0, x == 0, z3::mk_and(when_neg))),
          absl::StrCat(name, " = ", encoding.MeasureName(c.previous()),
                       " x (1 + c/100), c in ",
                       FormatInterval(interval, "percent"), " (",
                       DescribeAmount(c.change()), ")"),
          {},
          {}};
}

}  // namespace claimcheck

// Gap claims: "after a gap of 25 years", "in nine years", "three decades
// after". Years count calendar years (1999 - 1974 = 25), months calendar
// months, days days; the distance runs from some day of `from` to some day of
// `to`, and `to` comes after `from`.
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;

namespace {

// The projection of a day onto the gap's unit: days, calendar months or
// calendar years.
z3::expr Project(Encoding& encoding, const z3::expr& day, UnitKind unit) {
  if (unit == UnitKind::kYears) return encoding.YearOf(day);
  if (unit == UnitKind::kMonths) return encoding.MonthIndexOf(day);
  return day;
}

}  // namespace

// Some day a of `from` and some day b of `to` have P(b) - P(a) in [lo, hi],
// for the projection P of the unit. P is monotone and moves in steps of one,
// so the distances reachable form the whole integer interval
// [P(to.first) - P(from.last), P(to.last) - P(from.first)]: the claim holds
// exactly when that interval meets [lo, hi]. No variable for "some day" is
// needed, and projections of event ends are shared between claims.
z3::expr GapConstraint(Encoding& encoding, const Span& from, const Span& to,
                       const ValueInterval& interval, UnitKind unit) {
  z3::context& ctx = encoding.ctx();
  const IntRange range = IntegersWithin(interval);
  if (range.empty) return ctx.bool_val(false);
  z3::expr_vector parts(ctx);
  parts.push_back(from.last < to.first);  // "after" orders the two
  if (range.hi) {
    parts.push_back(Project(encoding, to.first, unit) -
                        Project(encoding, from.last, unit) <=
                    encoding.Int(*range.hi));
  }
  if (range.lo) {
    parts.push_back(Project(encoding, to.last, unit) -
                        Project(encoding, from.first, unit) >=
                    encoding.Int(*range.lo));
  }
  return z3::mk_and(parts);
}

Encoded EncodeGap(const Claim& claim, Encoding& encoding) {
  const claimcheck::v1::GapClaim& gap = claim.gap();
  const Span from = encoding.Resolve(gap.from());
  const Span to = encoding.Resolve(gap.to());
  const Unit unit = LookupUnit(gap.amount().unit());
  const ValueInterval interval =
      *AmountInterval(gap.amount(), encoding.amount_settings());
  Encoded out{GapConstraint(encoding, from, to, interval, unit.kind),
              absl::StrCat(to.name, " comes ", DescribeAmount(gap.amount()),
                           " after ", from.name, " (",
                           FormatInterval(interval, unit.canonical),
                           unit.kind == UnitKind::kYears
                               ? " between calendar years"
                               : "",
                           ")"),
              {},
              {}};
  return out;
}

}  // namespace claimcheck

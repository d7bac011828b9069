// Gap claims: "after a gap of 25 years", "in nine years", "three decades
// after". Years count calendar years (1999 - 1974 = 25), months calendar
// months, days days; the distance runs from some day of `from` to some day of
// `to`, and `to` comes after `from`.
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;

namespace {

// A day within the span: the span's own expression when it is one day.
z3::expr SomeDay(Encoding& encoding, const Span& span, z3::expr_vector& out) {
  if (z3::eq(span.first, span.last)) return span.first;
  z3::expr d = encoding.FreshInt("day");
  out.push_back(span.first <= d && d <= span.last);
  return d;
}

}  // namespace

z3::expr GapConstraint(Encoding& encoding, const Span& from, const Span& to,
                       const ValueInterval& interval, UnitKind unit) {
  z3::context& ctx = encoding.ctx();
  const IntRange range = IntegersWithin(interval);
  if (range.empty) return ctx.bool_val(false);
  z3::expr_vector parts(ctx);
  parts.push_back(from.last < to.first);  // "after" orders the two
  const z3::expr a = SomeDay(encoding, from, parts);
  const z3::expr b = SomeDay(encoding, to, parts);
  z3::expr distance = b - a;
  if (unit == UnitKind::kYears) {
    distance = encoding.YearOf(b) - encoding.YearOf(a);
  } else if (unit == UnitKind::kMonths) {
    distance = encoding.MonthIndexOf(b) - encoding.MonthIndexOf(a);
  }
  if (range.lo) parts.push_back(distance >= encoding.Int(*range.lo));
  if (range.hi) parts.push_back(distance <= encoding.Int(*range.hi));
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

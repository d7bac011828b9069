// Gap claims: "after a gap of 25 years", "in nine years", "three decades
// after". Years count calendar years (1999 - 1974 = 25), months calendar
// months, days days; the distance runs from some day of `from` to some day of
// `to`, and `to` comes after `from`.
#include <cstdint>
#include <optional>

#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
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

// A gap's bound on P(later) - P(earlier) (at most `k`, or at least `k` when
// `at_least`). When one of the two days is a constant, its period is a
// number, and the bound falls on the other day alone (PeriodGapBound): no
// calendar projection for Z3 to search, and a constraint the fast path
// (solver/fast_path.h) models. The days are those of the projection's
// formula, whose definition also keeps a day within the calendar, as every
// day variable's domain does already. Otherwise the difference of
// projections.
z3::expr PeriodDifference(Encoding& encoding, const z3::expr& earlier,
                          const z3::expr& later, int64_t k, bool at_least,
                          UnitKind unit) {
  if ((unit == UnitKind::kYears || unit == UnitKind::kMonths) &&
      earlier.is_numeral() != later.is_numeral()) {
    const bool months = unit == UnitKind::kMonths;
    const bool known_earlier = earlier.is_numeral();
    const z3::expr& known = known_earlier ? earlier : later;
    const z3::expr& other = known_earlier ? later : earlier;
    const std::optional<DayBound> bound =
        PeriodGapBound(PeriodIndex(known.get_numeral_int64(), months),
                       known_earlier, k, at_least, months);
    if (!bound.has_value()) return encoding.ctx().bool_val(false);
    return bound->lower ? other >= encoding.Int(bound->day)
                        : other <= encoding.Int(bound->day);
  }
  const z3::expr difference =
      Project(encoding, later, unit) - Project(encoding, earlier, unit);
  return at_least ? difference >= encoding.Int(k)
                  : difference <= encoding.Int(k);
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
    parts.push_back(PeriodDifference(encoding, from.last, to.first, *range.hi,
                                     /*at_least=*/false, unit));
  }
  if (range.lo) {
    parts.push_back(PeriodDifference(encoding, from.first, to.last, *range.lo,
                                     /*at_least=*/true, unit));
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

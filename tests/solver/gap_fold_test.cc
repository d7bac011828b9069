// GapConstraint (solver/encoders/gap.cc) folds a bound in calendar years or
// months against a fixed date into a bound on the other day alone. Z3 proves
// here, case by case, that the folded formula holds of exactly the days the
// formula over the calendar projections does (the encoding before the fold),
// for fixed dates at leap days, year ends and both ends of the calendar,
// either side of the gap, and bounds from empty to unbounded.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "claims/amount.h"
#include "claims/calendar.h"
#include "claims/decimal.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "z3++.h"

namespace claimcheck {
namespace {

using claimcheck::v1::CheckRequest;

struct Range {
  std::optional<int64_t> lo;
  std::optional<int64_t> hi;
};

ValueInterval IntervalOf(const Range& r) {
  ValueInterval v;
  if (r.lo) v.lo = Bound{Decimal::FromInt(*r.lo), false};
  if (r.hi) v.hi = Bound{Decimal::FromInt(*r.hi), false};
  return v;
}

// The gap over projections, as GapConstraint wrote it before the fold.
z3::expr Projected(Encoding& encoding, const Span& from, const Span& to,
                   const Range& r, bool months) {
  auto project = [&](const z3::expr& day) {
    return months ? encoding.MonthIndexOf(day) : encoding.YearOf(day);
  };
  z3::expr out = from.last < to.first;
  if (r.lo && r.hi && *r.lo > *r.hi) return encoding.ctx().bool_val(false);
  if (r.hi) {
    out = out && project(to.first) - project(from.last) <= encoding.Int(*r.hi);
  }
  if (r.lo) {
    out = out && project(to.last) - project(from.first) >= encoding.Int(*r.lo);
  }
  return out;
}

TEST(GapFold, SameDaysAsTheProjections) {
  z3::context ctx;
  CheckRequest request;
  request.mutable_claims()->add_events()->set_id("e");
  Encoding encoding(ctx, request);
  const Span event = encoding.EventSpan("e");
  const std::vector<DayInterval> fixed = {
      {DaysFromCivil(2000, 1, 1), DaysFromCivil(2000, 12, 31)},
      {DaysFromCivil(2012, 2, 29), DaysFromCivil(2012, 2, 29)},
      {DaysFromCivil(1999, 12, 31), DaysFromCivil(1999, 12, 31)},
      {DaysFromCivil(2011, 5, 1), DaysFromCivil(2011, 5, 31)},
      {MinDay(), MinDay() + 40},
      {MaxDay() - 40, MaxDay()},
  };
  const std::vector<Range> ranges = {
      {5, 5},       {0, 0},         {1, std::nullopt}, {std::nullopt, 9},
      {9, 10},      {-3, 2},        {25, 35},          {10001, std::nullopt},
      {std::nullopt, -20000},       {120005, 120005},
  };
  int checked = 0;
  for (const bool months : {false, true}) {
    for (const DayInterval& d : fixed) {
      const Span date{encoding.Int(d.first), encoding.Int(d.last), "date", d, ""};
      for (const bool date_first : {true, false}) {
        const Span& from = date_first ? date : event;
        const Span& to = date_first ? event : date;
        for (const Range& r : ranges) {
          const std::string where = absl::StrCat(
              months ? "months" : "years", " date ", FormatDayInterval(d),
              date_first ? " before" : " after", " the event, range [",
              r.lo ? absl::StrCat(*r.lo) : "-inf", ", ",
              r.hi ? absl::StrCat(*r.hi) : "inf", "]");
          const z3::expr folded =
              GapConstraint(encoding, from, to, IntervalOf(r),
                            months ? UnitKind::kMonths : UnitKind::kYears);
          // Folded: no projection, so no definitions.
          EXPECT_TRUE(encoding.TakeSideConstraints().empty()) << where;
          const z3::expr projected = Projected(encoding, from, to, r, months);
          z3::solver solver(ctx);
          for (const z3::expr& h : encoding.hard()) solver.add(h);
          for (const z3::expr& s : encoding.TakeSideConstraints()) solver.add(s);
          solver.add(folded != projected);
          EXPECT_EQ(solver.check(), z3::unsat) << where;
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, 2 * 6 * 2 * 10);
}

}  // namespace
}  // namespace claimcheck

// The brute-force reference on its own: the gap predicate against every
// pair of days, grid bounds, and hand-worked claim sets of every kind.
#include "tests/differential/reference.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace claimcheck::differential {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

TEST(GapHolds, AgreesWithEveryPairOfDays) {
  struct Range {
    int64_t first, last;
  };
  const Range ranges[] = {
      {DaysFromCivil(2011, 12, 26), DaysFromCivil(2012, 1, 7)},
      {DaysFromCivil(2012, 2, 25), DaysFromCivil(2012, 3, 4)},
      {DaysFromCivil(2012, 12, 29), DaysFromCivil(2013, 1, 3)},
  };
  const std::optional<int64_t> bounds[] = {std::nullopt, -1, 0, 1, 2, 5, 9};
  for (UnitKind unit : {UnitKind::kDays, UnitKind::kMonths, UnitKind::kYears}) {
    for (const Range& r : ranges) {
      for (int64_t ff = r.first; ff <= r.last; ++ff) {
        for (int64_t fl = ff; fl <= r.last; ++fl) {
          for (int64_t tf = ff; tf <= r.last; ++tf) {
            for (int64_t tl = tf; tl <= r.last; ++tl) {
              for (const auto& lo : bounds) {
                for (const auto& hi : bounds) {
                  ASSERT_EQ(GapHolds(ff, fl, tf, tl, unit, lo, hi),
                            GapHoldsByPairs(ff, fl, tf, tl, unit, lo, hi))
                      << FormatDay(ff) << ".." << FormatDay(fl) << " -> "
                      << FormatDay(tf) << ".." << FormatDay(tl) << " unit "
                      << static_cast<int>(unit);
                }
              }
            }
          }
        }
      }
    }
  }
}

TEST(GridIn, ExactBounds) {
  auto interval = [](const char* value, Qualifier q, Rounding r) {
    Amount a;
    a.set_value(value);
    a.set_qualifier(q);
    a.set_rounding(r);
    return *AmountInterval(a, AmountSettings());
  };
  // "3" is [2.5, 3.5]: 60..84 in 24ths.
  IntSet g = GridIn(interval("3", QUALIFIER_UNSPECIFIED, ROUNDING_UNSPECIFIED),
                    1, 24);
  EXPECT_EQ(*g.lo, 60);
  EXPECT_EQ(*g.hi, 84);
  // More than 2: (2, inf) -> from 49.
  g = GridIn(interval("2", QUALIFIER_MORE_THAN, ROUNDING_UNSPECIFIED), 1, 24);
  EXPECT_EQ(*g.lo, 49);
  EXPECT_FALSE(g.hi.has_value());
  // Less than 10 percent, shares in 5/8: [0, 16).
  g = GridIn(interval("10", QUALIFIER_LESS_THAN, ROUNDING_UNSPECIFIED), 5, 8);
  EXPECT_EQ(*g.lo, 0);
  EXPECT_EQ(*g.hi, 15);
  // 1.5 weeks exactly as written to the last digit: [10.15, 10.85] days,
  // no whole day.
  Amount weeks;
  weeks.set_value("1.5");
  weeks.set_unit("weeks");
  EXPECT_TRUE(IntegersIn(*AmountInterval(weeks, AmountSettings())).empty);
  // About 10 days: [9, 11].
  Amount days;
  days.set_value("10");
  days.set_unit("days");
  days.set_qualifier(QUALIFIER_ABOUT);
  IntSet d = IntegersIn(*AmountInterval(days, AmountSettings()));
  EXPECT_EQ(*d.lo, 9);
  EXPECT_EQ(*d.hi, 11);
}

constexpr char kBase[] = R"pb(
  sources {
    id: "s"
    published { start { year: 2012 month: 6 day: 1 } }
    retrieved { year: 2026 month: 11 day: 22 }
  }
  sources {
    id: "late"
    published { start { year: 2014 month: 1 day: 1 } }
    retrieved { year: 2026 month: 11 day: 22 }
  }
  events { id: "e" }
  events { id: "f" }
  events { id: "k" classes: "c" actors: "a" roles { actor: "b" office: "pm" } }
  events { id: "l" classes: "c" }
  measures { id: "m1" dimension: DIMENSION_COUNT quantity: "q" }
  measures { id: "m2" dimension: DIMENSION_COUNT quantity: "q" }
  measures { id: "m3" dimension: DIMENSION_COUNT quantity: "q" }
  measures {
    id: "all" dimension: DIMENSION_COUNT quantity: "arms" additive: true
    period { start { year: 2000 } end { year: 2010 } }
  }
  measures {
    id: "sub" dimension: DIMENSION_COUNT quantity: "arms" additive: true
    period { start { year: 2003 } end { year: 2005 } }
  }
)pb";

RefVerdict Decide(const std::string& claims) {
  CheckRequest request;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      absl::StrCat(kBase, claims), request.mutable_claims()))
      << claims;
  RefOptions options;
  options.universe_first = DaysFromCivil(2009, 1, 1);
  options.universe_last = DaysFromCivil(2015, 12, 31);
  absl::StatusOr<RefVerdict> v = ReferenceCheck(request, options);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : RefVerdict::kBudget;
}

constexpr RefVerdict kOk = RefVerdict::kConsistent;
constexpr RefVerdict kBad = RefVerdict::kInconsistent;

struct Case {
  const char* name;
  const char* claims;
  RefVerdict verdict;
};

class ReferenceCase : public ::testing::TestWithParam<Case> {};

TEST_P(ReferenceCase, Decides) {
  EXPECT_EQ(RefVerdictName(Decide(GetParam().claims)),
            std::string(RefVerdictName(GetParam().verdict)))
      << GetParam().claims;
}

#define H "provenance { source: \"s\" modality: MODALITY_HYPOTHETICAL } "
#define R "provenance { source: \"s\" } "

const Case kCases[] = {
    // Dates, unbounded events: the cycle needs propagation.
    {"cycle", "claims { id: \"1\" " H
              "date { subject { event: \"e\" } before { reference { event: \"f\" } } } }"
              "claims { id: \"2\" " H
              "date { subject { event: \"f\" } before { reference { event: \"e\" } } } }",
     kBad},
    {"chain", "claims { id: \"1\" " H
              "date { subject { event: \"e\" } before { reference { event: \"f\" } } } }",
     kOk},
    {"disjoint_months",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 6 } } } }",
     kBad},
    // The summit on 11-13 May "just 10 days after" an event on 2 May.
    {"gap_ten_days",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 day: 2 } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 5 day: 11 }"
     " end { year: 2012 month: 5 day: 13 } } } }"
     "claims { id: \"3\" " H
     "gap { from { event: \"e\" } to { event: \"f\" } amount { value: \"10\" unit: \"days\" } } }",
     kOk},
    {"gap_eight_days",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 day: 2 } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 5 day: 11 }"
     " end { year: 2012 month: 5 day: 13 } } } }"
     "claims { id: \"3\" " H
     "gap { from { event: \"e\" } to { event: \"f\" } amount { value: \"8\" unit: \"days\" } } }",
     kBad},
    // Calendar years: Dec 2011 to Jan 2012 is one year; to Dec 2012 also.
    {"gap_calendar_year",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2011 month: 12 day: 31 } } } }"
     "claims { id: \"2\" " H
     "gap { from { event: \"e\" } to { event: \"f\" } amount { value: \"1\" unit: \"year\" } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 1 day: 1 } } } }",
     kOk},
    {"gap_unbounded_far",  // at least two years after: f in 2014 or later
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 } } } }"
     "claims { id: \"2\" " H
     "gap { from { event: \"e\" } to { event: \"f\" } amount { value: \"2\" unit: \"years\""
     " qualifier: QUALIFIER_AT_LEAST } } }",
     kOk},
    // Tense: reported events end by publication (1 June 2012).
    {"reported_after_publication",
     "claims { id: \"1\" " R
     "date { subject { event: \"e\" } within { start { year: 2012 month: 7 } } } }",
     kBad},
    {"hypothetical_after_publication",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 7 } } } }",
     kOk},
    {"planned_before_publication",
     "claims { id: \"1\" provenance { source: \"s\" modality: MODALITY_PLANNED } "
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 } } } }",
     kBad},
    {"planned_subject_is_a_date",  // the planned claim's subject is no event
     "claims { id: \"1\" provenance { source: \"s\" modality: MODALITY_PLANNED } "
     "date { subject { date { start { year: 2013 } } } after { reference { event: \"e\" } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 } } } }",
     kOk},
    {"reported_and_cancelled",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 5 } } } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"e\" } within { start { year: 2012 } } } }"
     "claims { id: \"3\" provenance { source: \"s\" modality: MODALITY_CANCELLED } "
     "date { subject { event: \"e\" } within { start { year: 2012 } } } }",
     kBad},
    // Relative periods.
    {"last_year",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } in_period { anchor { published_of: \"s\" }"
     " unit: UNIT_YEAR offset: -1 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2011 month: 3 } } } }",
     kOk},
    {"not_last_year",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } in_period { anchor { published_of: \"s\" }"
     " offset: -1 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 3 } } } }",
     kBad},
    {"following_month_of_event",
     "claims { id: \"1\" " H
     "date { subject { event: \"f\" } in_period { anchor { event: \"e\" }"
     " unit: UNIT_MONTH offset: 1 first_day: 10 last_day: 12 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 1 day: 31 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 2 day: 11 } } } }",
     kOk},
    {"month_after_free_anchor_but_before",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } in_period { anchor { event: \"f\" }"
     " unit: UNIT_MONTH offset: 1 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } before { reference { event: \"f\" } } } }",
     kBad},
    {"month_after_free_anchor",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } in_period { anchor { event: \"f\" }"
     " unit: UNIT_MONTH offset: 1 first_day: 3 last_day: 4 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } after { reference { event: \"f\" } } } }",
     kOk},
    {"year_before_free_anchor_in_2012",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } in_period { anchor { event: \"f\" }"
     " offset: -1 first_month: 12 last_month: 12 first_day: 30 last_day: 30 } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"e\" } within { start { year: 2011 month: 12 day: 29 } } } }",
     kBad},
    {"summer_leap_day",
     "claims { id: \"1\" " H
     "date { subject { event: \"f\" } in_period { anchor { published_of: \"s\" }"
     " first_month: 2 last_month: 2 first_day: 29 last_day: 29 } } }",
     kOk},
    // First since.
    {"first_since_known_between",  // k lies strictly between p=e and f
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2011 month: 1 } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"k\" } within { start { year: 2011 month: 6 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 1 } } } }"
     "claims { id: \"4\" " H "existence { event: \"k\" state: STATE_OCCURRED } }"
     "claims { id: \"5\" " H
     "first_since { event: \"f\" event_class: \"c\" previous: \"e\" } }",
     kBad},
    {"first_since_between_not_occurring",
     "claims { id: \"1\" " H
     "date { subject { event: \"e\" } within { start { year: 2011 month: 1 } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"k\" } within { start { year: 2011 month: 6 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 1 } } } }"
     "claims { id: \"5\" " H
     "first_since { event: \"f\" event_class: \"c\" previous: \"e\" } }",
     kOk},
    {"first_since_unnamed_since",  // P in 2011, k occurs after it, before f
     "claims { id: \"2\" " H
     "date { subject { event: \"k\" } within { start { year: 2012 month: 3 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 5 } } } }"
     "claims { id: \"4\" " H "existence { event: \"k\" state: STATE_OCCURRED } }"
     "claims { id: \"5\" " H
     "first_since { event: \"f\" event_class: \"c\" since { start { year: 2011 } } } }",
     kBad},
    {"first_since_unnamed_free",  // P may lie between k and f
     "claims { id: \"2\" " H
     "date { subject { event: \"k\" } within { start { year: 2012 month: 3 } } } }"
     "claims { id: \"3\" " H
     "date { subject { event: \"f\" } within { start { year: 2012 month: 5 } } } }"
     "claims { id: \"4\" " H "existence { event: \"k\" state: STATE_OCCURRED } }"
     "claims { id: \"5\" " H "first_since { event: \"f\" event_class: \"c\" } }",
     kOk},
    {"first_ever_and_last",  // l comes after k
     "claims { id: \"1\" " H
     "first_since { event: \"k\" event_class: \"c\" first_ever: true last: true } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"l\" } after { reference { event: \"k\" } } } }"
     "claims { id: \"4\" " H "existence { event: \"l\" state: STATE_OCCURRED } }",
     kBad},
    {"first_ever_and_last_overlap",  // l may overlap k
     "claims { id: \"1\" " H
     "first_since { event: \"k\" event_class: \"c\" first_ever: true last: true } }"
     "claims { id: \"4\" " H "existence { event: \"l\" state: STATE_OCCURRED } }",
     kOk},
    {"first_ever_alone",  // l may come after k
     "claims { id: \"1\" " H
     "first_since { event: \"k\" event_class: \"c\" first_ever: true } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"l\" } after { reference { event: \"k\" } } } }"
     "claims { id: \"4\" " H "existence { event: \"l\" state: STATE_OCCURRED } }",
     kOk},
    // Ordinal and count.
    {"first_of_class_but_one_before",
     "claims { id: \"1\" " H "ordinal { event_class: \"c\" event: \"k\" ordinal: 1 } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"l\" } before { reference { event: \"k\" } } } }"
     "claims { id: \"4\" " H "existence { event: \"l\" state: STATE_OCCURRED } }",
     kBad},
    {"count_zero_by_publication",
     "claims { id: \"1\" " H
     "ordinal { event_class: \"c\" anchor { published_of: \"s\" } count: 0 } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"l\" } within { start { year: 2012 } } } }",
     kBad},
    // Existence.
    {"not_by_but_before",
     "claims { id: \"1\" " H
     "existence { event: \"e\" state: STATE_DID_NOT_OCCUR by { date { start { year: 2012 } } } } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"e\" } within { start { year: 2012 month: 2 } } } }",
     kBad},
    {"not_by_and_not_named",
     "claims { id: \"1\" " H
     "existence { event: \"e\" state: STATE_DID_NOT_OCCUR by { date { start { year: 2012 } } } } }"
     "claims { id: \"2\" " H
     "date { subject { event: \"e\" } within { start { year: 2012 month: 2 } } } }",
     kOk},
    // Reference facts.
    {"acts_after_death",
     "claims { id: \"1\" " H
     "reference_fact { actor: \"a\" fact: FACT_LIFESPAN from { start { year: 1950 } }"
     " to { start { year: 2011 } } } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"k\" } within { start { year: 2012 month: 2 } } } }",
     kBad},
    {"role_counts_for_life",
     "claims { id: \"1\" " H
     "reference_fact { actor: \"b\" fact: FACT_LIFESPAN from { start { year: 1950 } }"
     " to { start { year: 2011 } } } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"k\" } within { start { year: 2012 month: 2 } } } }",
     kBad},
    {"dead_but_event_cancelled",
     "claims { id: \"1\" " H
     "reference_fact { actor: \"a\" fact: FACT_LIFESPAN from { start { year: 1950 } }"
     " to { start { year: 2011 } } } }"
     "claims { id: \"2\" provenance { source: \"s\" modality: MODALITY_CANCELLED } "
     "date { subject { event: \"k\" } within { start { year: 2012 month: 2 } } } }",
     kOk},
    {"two_terms_disjoint",
     "claims { id: \"1\" " H
     "reference_fact { actor: \"b\" fact: FACT_TERM_OF_OFFICE office: \"pm\""
     " from { start { year: 2010 } } } }"
     "claims { id: \"2\" " H
     "reference_fact { actor: \"b\" fact: FACT_TERM_OF_OFFICE office: \"pm\""
     " from { start { year: 2011 } } } }",
     kBad},
    {"term_other_office",
     "claims { id: \"1\" " H
     "reference_fact { actor: \"b\" fact: FACT_TERM_OF_OFFICE office: \"fm\""
     " from { start { year: 2013 } } } }"
     "claims { id: \"2\" " R
     "date { subject { event: \"k\" } within { start { year: 2012 month: 2 } } } }",
     kOk},
    // Quantities.
    {"sum_needs_negative_part",
     "claims { id: \"1\" " H
     "quantity { measure: \"m1\" amount { value: \"3\" unit: \"count\" } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"m2\" amount { value: \"9\" unit: \"count\" qualifier: QUALIFIER_AT_LEAST } } }"
     "claims { id: \"3\" " H
     "aggregate { whole: \"m1\" parts: \"m2\" parts: \"m3\" relation: RELATION_PARTS_SUM_TO_WHOLE } }",
     kOk},
    {"sum_needs_negative_part_capped",
     "claims { id: \"1\" " H
     "quantity { measure: \"m1\" amount { value: \"3\" unit: \"count\" } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"m2\" amount { value: \"9\" unit: \"count\" qualifier: QUALIFIER_AT_LEAST } } }"
     "claims { id: \"4\" " H
     "quantity { measure: \"m3\" amount { value: \"10\" unit: \"count\" qualifier: QUALIFIER_AT_MOST } } }"
     "claims { id: \"3\" " H
     "aggregate { whole: \"m1\" parts: \"m2\" parts: \"m3\" relation: RELATION_PARTS_SUM_TO_WHOLE } }",
     kBad},
    {"thirds",  // m1 = 2 m2, m1 + m2 = 1 exactly: m2 = 1/3
     "claims { id: \"1\" " H
     "quantity { measure: \"m3\" amount { value: \"1\" unit: \"count\" rounding: ROUNDING_EXACT } } }"
     "claims { id: \"2\" " H
     "change { measure: \"m1\" previous: \"m2\" change { value: \"100\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }"
     "claims { id: \"3\" " H
     "aggregate { whole: \"m3\" parts: \"m1\" parts: \"m2\" relation: RELATION_PARTS_SUM_TO_WHOLE } }",
     kOk},
    {"doubling_out_of_range",
     "claims { id: \"1\" " H
     "quantity { measure: \"m2\" amount { value: \"4\" unit: \"count\" } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"m1\" amount { value: \"6\" unit: \"count\" qualifier: QUALIFIER_AT_MOST } } }"
     "claims { id: \"3\" " H
     "change { measure: \"m1\" previous: \"m2\" change { value: \"100\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }",
     kBad},
    {"all_time_high",
     "claims { id: \"1\" " H
     "quantity { measure: \"m2\" amount { value: \"4\" unit: \"count\" qualifier: QUALIFIER_MORE_THAN } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"m1\" amount { value: \"4\" unit: \"count\" qualifier: QUALIFIER_AT_MOST } } }"
     "claims { id: \"3\" " H "change { measure: \"m1\" all_time_high: true } }",
     kBad},
    {"sub_period",
     "claims { id: \"1\" " H
     "quantity { measure: \"sub\" amount { value: \"6\" unit: \"count\" } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"all\" amount { value: \"4\" unit: \"count\" } } }",
     kBad},
    {"additive_not_negative",
     "claims { id: \"1\" " H
     "quantity { measure: \"all\" amount { value: \"4\" unit: \"count\" } } }"
     "claims { id: \"2\" " H
     "quantity { measure: \"m1\" amount { value: \"2\" unit: \"count\" } } }"
     "claims { id: \"3\" " H
     "aggregate { whole: \"m1\" parts: \"all\" parts: \"sub\" relation: RELATION_PARTS_SUM_TO_WHOLE } }",
     kBad},
    // Shares.
    {"shares_over_100",
     "claims { id: \"1\" " H
     "share { market: \"x\" entity: \"us\" share { value: \"60\" unit: \"percent\""
     " qualifier: QUALIFIER_AT_LEAST } } }"
     "claims { id: \"2\" " H
     "share { market: \"x\" entity: \"ru\" share { value: \"40\" unit: \"percent\""
     " qualifier: QUALIFIER_MORE_THAN } } }",
     kBad},
    {"rank_one_but_surpassed",
     "claims { id: \"1\" " H
     "share { market: \"x\" entity: \"us\" rank: 1 ranked_above: \"ru\" } }",
     kBad},
    {"rank_two_open_world",
     "claims { id: \"1\" " H
     "share { market: \"x\" entity: \"us\" rank: 2 ranked_above: \"ru\" } }"
     "claims { id: \"2\" " H
     "share { market: \"x\" entity: \"cn\" share { value: \"10\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }",
     kOk},
    {"rank_two_but_two_above",
     "claims { id: \"1\" " H
     "share { market: \"x\" entity: \"us\" rank: 2 share { value: \"20\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }"
     "claims { id: \"2\" " H
     "share { market: \"x\" entity: \"cn\" share { value: \"25\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }"
     "claims { id: \"3\" " H
     "share { market: \"x\" entity: \"ru\" share { value: \"30\" unit: \"percent\""
     " rounding: ROUNDING_EXACT } } }",
     kBad},
};

INSTANTIATE_TEST_SUITE_P(
    All, ReferenceCase, ::testing::ValuesIn(kCases),
    [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace claimcheck::differential

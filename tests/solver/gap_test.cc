// Gap claims (SEMANTICS.md, claim kind 2): calendar-year, month and day gaps
// with the vague-amount qualifiers; "after" orders the events.
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

// f then e, each within a year.
std::string Years(int from, int to) {
  return Within("y1", "f", Dates(Day(from))) + Within("y2", "e", Dates(Day(to)));
}

const CheckCase kCases[] = {
    // "after a gap of 25 years": 1999 - 1974 = 25, as journalists count.
    {"GapOf25Years", Years(1974, 1999) + Gap("g", "f", "e", "25", "year"),
     VERDICT_CONSISTENT},
    {"GapOf25YearsIs26", Years(1974, 2000) + Gap("g", "f", "e", "25", "year"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    // Calendar years, not elapsed time: 31 Dec 1974 to 1 Jan 1975 is 1 year.
    {"CalendarYearsNotElapsed",
     Within("y1", "f", Dates(Day(1974, 12, 31))) +
         Within("y2", "e", Dates(Day(1975, 1, 1))) +
         Gap("g", "f", "e", "1", "year"),
     VERDICT_CONSISTENT},
    {"InNineYears", Years(2012, 2021) + Gap("g", "f", "e", "9", "year"),
     VERDICT_CONSISTENT},
    {"InNineYearsNotTen", Years(2012, 2022) + Gap("g", "f", "e", "9", "year"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    // "nearly a decade" is [9, 10] years.
    {"NearlyADecadeNine",
     Years(2012, 2021) + Gap("g", "f", "e", "1", "decade", "QUALIFIER_NEARLY"),
     VERDICT_CONSISTENT},
    {"NearlyADecadeEleven",
     Years(2012, 2023) + Gap("g", "f", "e", "1", "decade", "QUALIFIER_NEARLY"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    // "three decades" rounds in its own unit: [2.5, 3.5] decades = 25..35.
    {"ThreeDecadesIs32", Years(1989, 2021) + Gap("g", "f", "e", "3", "decade"),
     VERDICT_CONSISTENT},
    {"ThreeDecadesNot37", Years(1989, 2026) + Gap("g", "f", "e", "3", "decade"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    {"MoreThan20YearsIsOpen",
     Years(1990, 2010) + Gap("g", "f", "e", "20", "year", "QUALIFIER_MORE_THAN"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    {"AtLeast20Years",
     Years(1990, 2010) + Gap("g", "f", "e", "20", "year", "QUALIFIER_AT_LEAST"),
     VERDICT_CONSISTENT},
    // "decades" is at least 20 years.
    {"DecadesAtLeastTwenty",
     Years(2000, 2015) + Gap("g", "f", "e", "2", "decade", "QUALIFIER_AT_LEAST"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    {"GapOrdersEvents",
     Gap("g", "f", "e", "1", "day") + Before("b", "e", "f"),
     VERDICT_INCONSISTENT, {{"g", "b"}}},
    {"MonthGapCalendarMonths",
     Within("y1", "f", Dates(Day(2011, 1, 31))) +
         Within("y2", "e", Dates(Day(2011, 2, 1))) +
         Gap("g", "f", "e", "1", "month"),
     VERDICT_CONSISTENT},
    // "2 weeks" is [1.5, 2.5] weeks: 11 to 17 days.
    {"WeeksInDays",
     Within("y1", "f", Dates(Day(2011, 5, 1))) +
         Within("y2", "e", Dates(Day(2011, 5, 18))) +
         Gap("g", "f", "e", "2", "week"),
     VERDICT_CONSISTENT},
    {"WeeksInDaysTooFar",
     Within("y1", "f", Dates(Day(2011, 5, 1))) +
         Within("y2", "e", Dates(Day(2011, 5, 19))) +
         Gap("g", "f", "e", "2", "week"),
     VERDICT_INCONSISTENT, {{"y1", "y2", "g"}}},
    // Two gap claims from one earlier event: 45 years and "last in 1969".
    {"FirstIn45YearsLastIn1969",
     Within("y1", "f", Dates(Day(1969))) + Within("y2", "e", Dates(Day(2014, 11))) +
         Gap("g", "f", "e", "45", "year"),
     VERDICT_CONSISTENT},
};

class GapTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(GapTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, GapTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

// Date claims (SEMANTICS.md, "Time" and claim kind 1): within a date at its
// granularity, before/after with and without offsets, endpoints.
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

const std::string kMay11to13 = Dates(Day(2011, 5, 11), Day(2011, 5, 13));

const CheckCase kCases[] = {
    {"DayWithinItsMonth",
     Within("a", "e", Dates(Day(2011, 5, 12))) + Within("b", "e", Dates(Day(2011, 5))),
     VERDICT_CONSISTENT},
    // The semantics' own example: "11-13 May 2011 vs May 2012: disjoint".
    {"MultiDayVsOtherYear",
     Within("a", "e", kMay11to13) + Within("b", "e", Dates(Day(2012, 5))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // "E happened in D" means E's whole interval lies in D: 11-13 May fits
    // inside 12-20 May only if the event is 12-13 May, which is possible.
    {"OverlappingWindowsLeaveRoom",
     Within("a", "e", kMay11to13) +
         Within("b", "e", Dates(Day(2011, 5, 12), Day(2011, 5, 20))),
     VERDICT_CONSISTENT},
    {"YearVsDecadeRange",
     Within("a", "e", Dates(Day(1974))) +
         Within("b", "e", Dates(Day(1970), Day(1979))),
     VERDICT_CONSISTENT},
    {"AdjacentDaysDisjoint",
     Within("a", "e", Dates(Day(2012, 12, 31))) + Within("b", "e", Dates(Day(2013))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"LeapDayExists",
     Within("a", "e", Dates(Day(2012, 2, 29))) + Within("b", "e", Dates(Day(2012, 2))),
     VERDICT_CONSISTENT},
    {"AfterCycle", After("a", "e", "f") + After("b", "f", "e"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"AfterChainOrdersDates",
     After("a", "e", "f") + Within("b", "e", Dates(Day(2010))) +
         Within("c", "f", Dates(Day(2011))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"BeforeSameDayIsStrict",
     Before("a", "e", "f") + Within("b", "e", Dates(Day(2011, 5, 2))) +
         Within("c", "f", Dates(Day(2011, 5, 2))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // The semantics' example: a summit on 11-13 May "just 10 days after" an
    // event on 2 May allows 9 to 11 days, so it holds.
    {"TenDaysAfterMultiDay",
     Within("a", "f", Dates(Day(2011, 5, 2))) + Within("b", "e", kMay11to13) +
         After("c", "e", "f", "10", "day"),
     VERDICT_CONSISTENT},
    {"TenDaysAfterTooFar",
     Within("a", "f", Dates(Day(2011, 5, 2))) +
         Within("b", "e", Dates(Day(2011, 5, 20), Day(2011, 5, 22))) +
         After("c", "e", "f", "10", "day"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // "10 days" is exact: its rounding interval [9.5, 10.5] holds 10 only.
    {"TenDaysAfterNineDays",
     Within("a", "f", Dates(Day(2011, 5, 2))) +
         Within("b", "e", Dates(Day(2011, 5, 11))) +
         After("c", "e", "f", "10", "day"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"ADayBefore",
     Within("a", "e", Dates(Day(2011, 5, 1))) +
         Within("b", "f", Dates(Day(2011, 5, 2))) +
         Before("c", "e", "f", "1", "day"),
     VERDICT_CONSISTENT},
    {"ADayBeforeButTwo",
     Within("a", "e", Dates(Day(2011, 5, 1))) +
         Within("b", "f", Dates(Day(2011, 5, 3))) +
         Before("c", "e", "f", "1", "day"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // "The following month" counts calendar months, across a year boundary.
    {"FollowingMonthAcrossYears",
     Within("a", "e", Dates(Day(2011, 12))) + After("b", "f", "e", "1", "month") +
         Within("c", "f", Dates(Day(2012, 1))),
     VERDICT_CONSISTENT},
    {"FollowingMonthNotTwoLater",
     Within("a", "e", Dates(Day(2012, 5))) + After("b", "f", "e", "1", "month") +
         Within("c", "f", Dates(Day(2012, 7))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"FollowingMonthOneDayApart",
     Within("a", "e", Dates(Day(2012, 1, 31))) + After("b", "f", "e", "1", "month") +
         Within("c", "f", Dates(Day(2012, 2, 1))),
     VERDICT_CONSISTENT},
    {"StartEndpoint",
     "claims { id: \"a\" provenance { source: \"s\" } date { subject { event: "
     "\"e\" endpoint: ENDPOINT_START } within { start { year: 2010 } } } }\n" +
         Within("b", "e", Dates(Day(2010, 6), Day(2011, 6))),
     VERDICT_CONSISTENT},
    {"EndEndpointDisjoint",
     "claims { id: \"a\" provenance { source: \"s\" } date { subject { event: "
     "\"e\" endpoint: ENDPOINT_END } within { start { year: 2010 } } } }\n" +
         Within("b", "e", Dates(Day(2011, 6), Day(2011, 7))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"BeforeAFixedDate",
     "claims { id: \"a\" provenance { source: \"s\" } date { subject { event: "
     "\"e\" } before { reference { date { start { year: 2012 } } } } } }\n" +
         Within("b", "e", Dates(Day(2012, 1, 1))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
};

class DateTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(DateTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, DateTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

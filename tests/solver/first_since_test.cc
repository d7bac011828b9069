// First/last since (SEMANTICS.md, claim kind 3) over event classes: "the
// first visit by a Russian foreign minister since 2012", "the first ... in
// 45 years (last in 1969)", "first-ever", "last".
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

// g and h are of class "visit/x"; e and f are not.
std::string FirstSince(const std::string& id, const std::string& event,
                       const std::string& extra) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } first_since { event: \"" +
         event + "\" event_class: \"visit/x\" " + extra + " } }\n";
}

const CheckCase kCases[] = {
    // "The first visit since 2012" + "in nine years": consistent when the
    // visit is in 2021 ...
    {"SinceYearWithGap",
     FirstSince("a", "e", "since { start { year: 2012 } }") +
         Within("b", "e", Dates(Day(2021, 4, 7))),
     VERDICT_CONSISTENT},
    // ... and the previous event must lie in 2012, before the visit.
    {"SinceLaterThanEvent",
     FirstSince("a", "e", "since { start { year: 2012 } }") +
         Within("b", "e", Dates(Day(2011, 4, 7))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // A known event of the class between the previous one and this breaks
    // "first since".
    {"KnownEventBetween",
     FirstSince("a", "e", "since { start { year: 2012 } }") +
         Within("b", "e", Dates(Day(2021))) + Within("c", "g", Dates(Day(2015))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // One in 2012 itself can be the previous one.
    {"KnownEventInSinceYear",
     FirstSince("a", "e", "since { start { year: 2012 } }") +
         Within("b", "e", Dates(Day(2021))) + Within("c", "g", Dates(Day(2012, 6))),
     VERDICT_CONSISTENT},
    // A known event of the class that did not occur does not count.
    {"CancelledEventDoesNotCount",
     FirstSince("a", "e", "since { start { year: 2012 } }") +
         Within("b", "e", Dates(Day(2021))) +
         Within("c", "g", Dates(Day(2015)), "s", "MODALITY_CANCELLED"),
     VERDICT_CONSISTENT},
    // "the first ... in 45 years (last in 1969)": named previous event.
    {"NamedPrevious",
     FirstSince("a", "e", "previous: \"g\"") + Within("b", "g", Dates(Day(1969))) +
         Within("c", "e", Dates(Day(2014, 11))) + Gap("d", "g", "e", "45", "year"),
     VERDICT_CONSISTENT},
    {"NamedPreviousWithAnotherBetween",
     FirstSince("a", "e", "previous: \"g\"") + Within("b", "g", Dates(Day(1969))) +
         Within("c", "e", Dates(Day(2014, 11))) + Within("d", "h", Dates(Day(1990))),
     VERDICT_INCONSISTENT, {{"a", "b", "c", "d"}}},
    {"FirstEver",
     FirstSince("a", "e", "first_ever: true") + Within("b", "e", Dates(Day(2016))) +
         Within("c", "g", Dates(Day(2015))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"FirstEverNothingBefore",
     FirstSince("a", "e", "first_ever: true") + Within("b", "e", Dates(Day(2016))) +
         Within("c", "g", Dates(Day(2017))),
     VERDICT_CONSISTENT},
    // "This would have been the first-ever visit": hypothetical, so the
    // event need not occur, but no known one came before it.
    {"HypotheticalFirstEver",
     "claims { id: \"a\" provenance { source: \"s\" modality: MODALITY_HYPOTHETICAL } "
     "first_since { event: \"e\" event_class: \"visit/x\" first_ever: true } }\n"
     "claims { id: \"b\" provenance { source: \"s\" } existence { event: \"e\" "
     "state: STATE_CANCELLED } }\n" +
         Within("c", "e", Dates(Day(2012)), "s", "MODALITY_CANCELLED") +
         Within("d", "g", Dates(Day(2010))),
     VERDICT_INCONSISTENT, {{"a", "c", "d"}}},
    {"LastNothingAfter",
     FirstSince("a", "e", "last: true") + Within("b", "e", Dates(Day(2016))) +
         Within("c", "g", Dates(Day(2017))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // Reported, a first-since event occurs: it cannot also be cancelled.
    {"FirstSinceEventOccurs",
     FirstSince("a", "e", "") +
         "claims { id: \"b\" provenance { source: \"s\" } existence { event: "
         "\"e\" state: STATE_CANCELLED } }\n",
     VERDICT_INCONSISTENT, {{"a", "b"}}},
};

class FirstSinceTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(FirstSinceTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, FirstSinceTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

// Ordinal and count (SEMANTICS.md, claim kind 4), open world: "the fifth
// meeting between the two Presidents", "five rounds have already taken
// place".
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

std::string Nth(const std::string& id, const std::string& event, int n) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } ordinal { event_class: "
         "\"visit/x\" event: \"" + event + "\" ordinal: " + std::to_string(n) + " } }\n";
}

std::string CountBy(const std::string& id, const std::string& source, int n) {
  return "claims { id: \"" + id + "\" provenance { source: \"" + source +
         "\" } ordinal { event_class: \"visit/x\" anchor { published_of: \"" + source +
         "\" } count: " + std::to_string(n) + " } }\n";
}

const CheckCase kCases[] = {
    // Open world: fewer known events than the ordinal is fine.
    {"SecondWithOneKnownBefore",
     Nth("a", "e", 2) + Within("b", "g", Dates(Day(2010))) +
         Within("c", "e", Dates(Day(2011))),
     VERDICT_CONSISTENT},
    {"FirstWithOneKnownBefore",
     Nth("a", "e", 1) + Within("b", "g", Dates(Day(2010))) +
         Within("c", "e", Dates(Day(2011))),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"SecondWithTwoKnownBefore",
     Nth("a", "e", 2) + Within("b", "g", Dates(Day(2010))) +
         Within("c", "h", Dates(Day(2009))) + Within("d", "e", Dates(Day(2011))),
     VERDICT_INCONSISTENT, {{"a", "b", "c", "d"}}},
    {"KnownAfterDoesNotCount",
     Nth("a", "e", 1) + Within("b", "g", Dates(Day(2012))) +
         Within("c", "e", Dates(Day(2011))),
     VERDICT_CONSISTENT},
    // "five rounds have already taken place" by publication (12 June 2014).
    {"CountByPublication",
     CountBy("a", "p2014", 1) + Within("b", "g", Dates(Day(2010)), "s") +
         Within("c", "h", Dates(Day(2015)), "s"),
     VERDICT_CONSISTENT},
    {"CountExceeded",
     CountBy("a", "p2014", 1) + Within("b", "g", Dates(Day(2010)), "s") +
         Within("c", "h", Dates(Day(2013)), "s"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
};

class OrdinalTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(OrdinalTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, OrdinalTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

// Aggregate claims and sub-period monotonicity (SEMANTICS.md, claim kind 6).
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

std::string Aggregate(const std::string& id, const std::string& whole,
                      std::vector<std::string> parts, bool sum = false) {
  std::string s = "claims { id: \"" + id +
                  "\" provenance { source: \"s\" } aggregate { whole: \"" +
                  whole + "\"";
  for (const std::string& p : parts) s += " parts: \"" + p + "\"";
  if (sum) s += " relation: RELATION_PARTS_SUM_TO_WHOLE";
  return s + " } }\n";
}

const CheckCase kCases[] = {
    // $310 mn over 1965-1971 within $383 million over 1947-1991: automatic.
    {"SubPeriodWithinWhole",
     Qty("a", "sub", "310", "USD", "SCALE_MILLION") +
         Qty("b", "all", "383", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    {"SubPeriodExceedsWhole",
     Qty("a", "sub", "410", "USD", "SCALE_MILLION") +
         Qty("b", "all", "383", "USD", "SCALE_MILLION"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // 1992-2012 is not inside 1947-1991: no constraint between them.
    {"DisjointPeriodsUnrelated",
     Qty("a", "later", "900", "USD", "SCALE_MILLION") +
         Qty("b", "all", "383", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    {"PartAtMostWhole",
     Aggregate("g", "usd2", {"usd"}) + Qty("a", "usd", "5", "USD") +
         Qty("b", "usd2", "3", "USD"),
     VERDICT_INCONSISTENT, {{"g", "a", "b"}}},
    {"PartsSumToWhole",
     Aggregate("g", "all", {"usd", "usd2"}, true) + Qty("a", "usd", "1", "USD") +
         Qty("b", "usd2", "2", "USD") + Qty("c", "all", "3", "USD"),
     VERDICT_CONSISTENT},
    {"PartsSumBreaks",
     Aggregate("g", "all", {"usd", "usd2"}, true) + Qty("a", "usd", "1", "USD") +
         Qty("b", "usd2", "2", "USD") + Qty("c", "all", "5", "USD"),
     VERDICT_INCONSISTENT, {{"g", "a", "b", "c"}}},
    // An additive measure is never negative: a sub-period of a whole under
    // $1 leaves the other sub-period at most that too.
    {"AdditiveNeverNegative",
     Aggregate("g", "all", {"sub", "later"}, true) +
         Qty("a", "all", "1", "USD", "", "QUALIFIER_LESS_THAN") +
         Qty("b", "later", "2", "USD"),
     VERDICT_INCONSISTENT, {{"g", "a", "b"}}},
};

class AggregateTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(AggregateTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, AggregateTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

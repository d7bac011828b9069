// Change (claim kind 7) and share and rank (claim kind 8): "$790 million, an
// increase of 46 percent", "all-time high", "second largest with 24 per
// cent, surpassed only by the US with almost 30 per cent".
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

std::string Change(const std::string& id, const std::string& measure,
                   const std::string& previous, const std::string& percent,
                   const std::string& qualifier = "") {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } change { measure: \"" +
         measure + "\" previous: \"" + previous + "\" change { value: \"" + percent +
         "\" unit: \"percent\"" + (qualifier.empty() ? "" : " qualifier: " + qualifier) +
         " } } }\n";
}

std::string AllTimeHigh(const std::string& id, const std::string& measure) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } change { measure: \"" +
         measure + "\" all_time_high: true } }\n";
}

std::string Share(const std::string& id, const std::string& entity,
                  const std::string& percent, const std::string& qualifier, int rank,
                  const std::string& above = "") {
  std::string s = "claims { id: \"" + id +
                  "\" provenance { source: \"s\" } share { market: \"arms\" entity: \"" +
                  entity + "\"";
  if (!percent.empty()) {
    s += " share { value: \"" + percent + "\" unit: \"per cent\"" +
         (qualifier.empty() ? "" : " qualifier: " + qualifier) + " }";
  }
  if (rank > 0) s += " rank: " + std::to_string(rank);
  if (!above.empty()) s += " ranked_above: \"" + above + "\"";
  return s + " } }\n";
}

const CheckCase kCases[] = {
    // $790 million, up 46 percent: the year before was 540-543 million.
    {"IncreaseFitsPrevious",
     Qty("a", "usd", "790", "USD", "SCALE_MILLION") +
         Change("b", "usd", "usd2", "46") + Qty("c", "usd2", "541", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    {"IncreaseBreaksPrevious",
     Qty("a", "usd", "790", "USD", "SCALE_MILLION") +
         Change("b", "usd", "usd2", "46") + Qty("c", "usd2", "600", "USD", "SCALE_MILLION"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // From zero, "at least doubled" is still zero.
    {"ChangeFromZeroIsZero",
     Qty("a", "usd", "5", "USD") +
         Change("b", "usd", "usd2", "100", "QUALIFIER_AT_LEAST") +
         Qty("c", "usd2", "0", "USD", "", "QUALIFIER_AT_MOST"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // ... and nothing "grew by more than 50 percent" to nothing.
    {"OpenChangeFromZero",
     Change("b", "usd", "usd2", "50", "QUALIFIER_MORE_THAN") +
         Qty("c", "usd2", "0", "USD", "", "QUALIFIER_AT_MOST") +
         Qty("d", "usd", "0", "USD", "", "QUALIFIER_AT_MOST"),
     VERDICT_CONSISTENT},
    // With both values unknown the change alone is satisfiable.
    {"BothUnknown", Change("b", "usd", "usd2", "46"), VERDICT_CONSISTENT},
    {"DecreaseNegativeChange",
     Qty("a", "usd", "50", "USD") + Change("b", "usd", "usd2", "-50") +
         Qty("c", "usd2", "100", "USD"),
     VERDICT_CONSISTENT},
    // More than doubled from [109.5, 110.5]: over 219, not 200.
    {"MoreThanDoubling",
     Qty("a", "usd", "200", "USD") +
         Change("b", "usd", "usd2", "100", "QUALIFIER_MORE_THAN") +
         Qty("c", "usd2", "110", "USD"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    // "all-time high": no value of the same quantity is larger.
    {"AllTimeHighExceeded",
     AllTimeHigh("a", "sub") + Qty("b", "sub", "310", "USD", "SCALE_MILLION") +
         Qty("c", "later", "400", "USD", "SCALE_MILLION"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"AllTimeHighHolds",
     AllTimeHigh("a", "later") + Qty("b", "sub", "310", "USD", "SCALE_MILLION") +
         Qty("c", "later", "400", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    // The seed's own sentence: 24 per cent, second, surpassed only by the US
    // with almost 30 per cent.
    {"SecondLargestBehindUs",
     Share("a", "russia", "24", "", 2, "us") + Share("b", "us", "30", "QUALIFIER_NEARLY", 1),
     VERDICT_CONSISTENT},
    {"SurpassedByASmallerShare",
     Share("a", "russia", "24", "", 2, "us") + Share("b", "us", "20", "", 1),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"RankTooHigh",
     Share("a", "russia", "24", "", 1) + Share("b", "us", "30", "", 0) ,
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"SharesOverAHundred",
     Share("a", "russia", "60", "", 0) + Share("b", "us", "50", "", 0),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"OpenWorldRank",
     Share("a", "russia", "24", "", 3) + Share("b", "us", "30", "", 0),
     VERDICT_CONSISTENT},
};

class ChangeShareTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(ChangeShareTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, ChangeShareTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

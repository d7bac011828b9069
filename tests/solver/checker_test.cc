// The checker as a whole: statuses for every claim, several conflicts,
// reliability, limits, unsupported kinds, invalid input, determinism, and
// the minimality verifier itself.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::testing::HasSubstr;

std::vector<std::string> Statuses(const CheckReport& report) {
  std::vector<std::string> out;
  for (const ClaimResult& r : report.claims()) {
    out.push_back(r.claim_id() + "=" + ClaimStatus_Name(r.status()));
  }
  return out;
}

TEST(CheckerTest, EmptySetIsConsistent) {
  const CheckReport report = MustCheck(Request(""));
  EXPECT_EQ(report.verdict(), VERDICT_CONSISTENT);
  EXPECT_EQ(report.claims_size(), 0);
}

TEST(CheckerTest, EveryClaimHasAStatusInInputOrder) {
  const CheckReport report = MustCheck(Request(
      Within("a", "e", Dates(Day(2011, 5))) + Within("b", "e", Dates(Day(2012, 5))) +
      Within("c", "f", Dates(Day(2012))) +
      "claims { id: \"d\" provenance { source: \"s\" } existence { event: "
      "\"f\" state: STATE_OCCURRED } }\n"));
  EXPECT_THAT(Statuses(report),
              ::testing::ElementsAre("a=CLAIM_STATUS_IN_CONFLICT",
                                     "b=CLAIM_STATUS_IN_CONFLICT",
                                     "c=CLAIM_STATUS_CONSISTENT",
                                     "d=CLAIM_STATUS_CONSISTENT"));
  EXPECT_EQ(report.issues_size(), 0);
}

TEST(CheckerTest, FindsIndependentConflicts) {
  const CheckRequest request = Request(
      Within("a", "e", Dates(Day(2011, 5))) + Within("b", "e", Dates(Day(2012, 5))) +
      Qty("c", "usd", "790", "USD", "SCALE_MILLION") +
      Qty("d", "usd", "383", "USD", "SCALE_MILLION") +
      Within("x", "f", Dates(Day(2001))));
  const CheckReport report = MustCheck(request);
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  const std::vector<std::set<std::string>> expected = {{"a", "b"}, {"c", "d"}};
  EXPECT_EQ(ConflictSets(report), expected);
  for (const auto& ids : ConflictSets(report)) {
    EXPECT_EQ(MinimalityProblem(request, ids), "");
  }
  EXPECT_EQ(report.claims(4).status(), CLAIM_STATUS_CONSISTENT);
  EXPECT_FALSE(report.conflicts_truncated());
}

TEST(CheckerTest, LeastReliableMemberIsTheCheapestRepair) {
  // "a" (reliability 0.5) disagrees with both "b" and "c", which agree. The
  // first pass sets "a" aside after one conflict; the second finds the
  // other, so both {a, b} and {a, c} are reported, and dropping "a" alone
  // is the cheapest repair.
  const CheckReport report = MustCheck(Request(
      Within("a", "e", Dates(Day(2011)), "low") + Within("b", "e", Dates(Day(2012))) +
      Within("c", "e", Dates(Day(2012, 5)))));
  EXPECT_THAT(ConflictSets(report),
              ::testing::ElementsAre(std::set<std::string>{"a", "b"},
                                     std::set<std::string>{"a", "c"}));
  EXPECT_FALSE(report.conflicts_truncated());
  EXPECT_DOUBLE_EQ(report.conflicts(0).members(0).reliability(), 0.5);
  ASSERT_GE(report.repairs_size(), 1);
  EXPECT_THAT(report.repairs(0).claim_ids(), ::testing::ElementsAre("a"));
  EXPECT_DOUBLE_EQ(report.repairs(0).cost(), 0.5);
}

TEST(CheckerTest, MaxConflictsTruncates) {
  // max_conflicts counts per independent part: e's three dates conflict
  // pairwise; f's two dates are another part, with its own conflict.
  CheckRequest request = Request(
      Within("a", "e", Dates(Day(2011))) + Within("b", "e", Dates(Day(2012))) +
      Within("c", "e", Dates(Day(2013))) + Within("d", "f", Dates(Day(2011))) +
      Within("y", "f", Dates(Day(2012))) + Within("x", "g", Dates(Day(2001))));
  request.mutable_options()->mutable_limits()->set_max_conflicts(1);
  const CheckReport report = MustCheck(request);
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  // One conflict of e's (which pair is Z3's choice) and f's.
  const std::vector<std::set<std::string>> sets = ConflictSets(report);
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[1], (std::set<std::string>{"d", "y"}));
  ASSERT_EQ(sets[0].size(), 2u);
  EXPECT_TRUE(sets[0].count("d") == 0 && sets[0].count("y") == 0);
  EXPECT_TRUE(report.conflicts_truncated());
  // The claim of e's part the search did not reach is not claimed
  // consistent; an independent claim is still checked.
  for (int i = 0; i < 3; ++i) {
    if (sets[0].count(report.claims(i).claim_id()) > 0) continue;
    EXPECT_EQ(report.claims(i).status(), CLAIM_STATUS_UNCHECKED);
    EXPECT_THAT(report.claims(i).detail(), HasSubstr("max_conflicts"));
  }
  EXPECT_EQ(report.claims(5).status(), CLAIM_STATUS_CONSISTENT);
}

TEST(CheckerTest, InvalidInputReportsEveryIssue) {
  const CheckReport report = MustCheck(Request(
      Within("a", "e", Dates(Day(2013, 2, 29))) + Within("b", "nope", Dates(Day(2012))) +
      Qty("c", "usd", "12,34", "USD") + Within("d", "e", Dates(Day(2012)))));
  EXPECT_EQ(report.verdict(), VERDICT_INVALID_INPUT);
  ASSERT_EQ(report.issues_size(), 3);
  EXPECT_EQ(report.issues(0).claim_id(), "a");
  EXPECT_THAT(report.issues(0).message(), HasSubstr("29 February 2013 does not exist"));
  EXPECT_EQ(report.issues(1).claim_id(), "b");
  EXPECT_THAT(report.issues(1).message(), HasSubstr("unknown event 'nope'"));
  EXPECT_EQ(report.issues(2).claim_id(), "c");
  EXPECT_EQ(report.issues(2).field(), "quantity.amount.value");
  EXPECT_THAT(Statuses(report),
              ::testing::ElementsAre("a=CLAIM_STATUS_INVALID", "b=CLAIM_STATUS_INVALID",
                                     "c=CLAIM_STATUS_INVALID",
                                     "d=CLAIM_STATUS_UNCHECKED"));
}

TEST(CheckerTest, ReportsAreDeterministic) {
  const CheckRequest request = Request(
      Within("a", "e", Dates(Day(2011, 5))) + Within("b", "e", Dates(Day(2012, 5))) +
      Gap("g", "f", "e", "25", "year") + Within("c", "f", Dates(Day(1974))));
  const std::string first = MustCheck(request).SerializeAsString();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(MustCheck(request).SerializeAsString(), first);
  }
}

TEST(CheckerTest, ComponentsAreCheckedApart) {
  // Independent groups are checked apart: a conflict in one does not stop
  // the other from being shown consistent.
  const CheckReport report = MustCheck(Request(
      Within("a", "e", Dates(Day(2011))) + Within("b", "e", Dates(Day(2012))) +
      Within("c", "f", Dates(Day(2011))) + Gap("g", "f", "h", "3", "year") +
      Within("d", "h", Dates(Day(2014)))));
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  EXPECT_THAT(Statuses(report),
              ::testing::ElementsAre("a=CLAIM_STATUS_IN_CONFLICT",
                                     "b=CLAIM_STATUS_IN_CONFLICT",
                                     "c=CLAIM_STATUS_CONSISTENT",
                                     "g=CLAIM_STATUS_CONSISTENT",
                                     "d=CLAIM_STATUS_CONSISTENT"));
}

TEST(CheckerTest, ResourceLimitGivesUnknown) {
  CheckRequest request = Request(
      Within("a", "e", Dates(Day(2011, 5))) + Gap("g", "f", "e", "25", "year") +
      After("h", "g", "e", "1", "month") + Within("c", "f", Dates(Day(1986))));
  request.mutable_options()->mutable_limits()->set_rlimit(1);
  // The fast path decides these claims (year and month gaps by cases) with
  // no Z3 call for the limit to stop: this test is about Z3's limit.
  request.mutable_options()->set_no_fast_path(true);
  const CheckReport report = MustCheck(request);
  EXPECT_EQ(report.verdict(), VERDICT_UNKNOWN);
  EXPECT_EQ(report.limit(), LIMIT_RLIMIT) << report.limit_detail();
  for (const ClaimResult& r : report.claims()) {
    EXPECT_EQ(r.status(), CLAIM_STATUS_UNCHECKED) << r.claim_id();
  }
}

TEST(CheckerTest, ExplanationNamesTheDisjointDates) {
  const CheckReport report = MustCheck(Request(
      Within("a", "e", Dates(Day(2011, 5, 11), Day(2011, 5, 13))) +
      Within("b", "e", Dates(Day(2012, 5)))));
  ASSERT_EQ(report.conflicts_size(), 1);
  EXPECT_EQ(report.conflicts(0).explanation(),
            "event e: within 11-13 May 2011 [a] vs within May 2012 [b]: disjoint");
  EXPECT_EQ(report.conflicts(0).members(0).forces(),
            "event e: within 11-13 May 2011");
}

TEST(CheckerTest, ExplanationNamesSubPeriodArithmetic) {
  const CheckReport report = MustCheck(Request(
      Qty("a", "sub", "410", "USD", "SCALE_MILLION") +
      Qty("b", "all", "383", "USD", "SCALE_MILLION")));
  ASSERT_EQ(report.conflicts_size(), 1);
  EXPECT_THAT(report.conflicts(0).explanation(),
              HasSubstr("'arms' over 1965-1971 cannot exceed the same over "
                        "1947-1991"));
  EXPECT_THAT(report.conflicts(0).explanation(),
              HasSubstr("[409,500,000, 410,500,000] USD [a] exceeds"));
}

// The verifier must be able to fail: a conflict with a spare member is not
// minimal, and a consistent set is not a conflict.
TEST(MinimalityVerifierTest, RejectsNonMinimalAndConsistentSets) {
  const CheckRequest request = Request(
      Within("a", "e", Dates(Day(2011))) + Within("b", "e", Dates(Day(2012))) +
      Within("c", "f", Dates(Day(2012))));
  EXPECT_EQ(MinimalityProblem(request, {"a", "b"}), "");
  EXPECT_THAT(MinimalityProblem(request, {"a", "b", "c"}),
              HasSubstr("not minimal: without c"));
  EXPECT_THAT(MinimalityProblem(request, {"b", "c"}),
              HasSubstr("is not inconsistent on its own"));
}

}  // namespace
}  // namespace claimcheck::testing

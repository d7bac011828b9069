// Independent parts (issue #7): a check split into parts, checked on
// several threads, gives the report one check of all the claims gives, and
// the same report whatever the thread count; a session re-solves only the
// parts its changes touch.
#include <set>
#include <string>
#include <vector>

#include "benchmarks/synthetic.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "solver/check_internal.h"
#include "solver/session.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;

// Two independent conflicts: e in 2011 (a) or 2012 (b, less reliable);
// f in 2013 (c, less reliable) or 2014 (d). Fast path leaves both to Z3,
// as two parts.
std::string TwoConflicts() {
  return Within("a", "e", Dates(Day(2011))) +
         Within("b", "e", Dates(Day(2012)), "low") +
         Within("c", "f", Dates(Day(2013)), "low") +
         Within("d", "f", Dates(Day(2014)));
}

CheckReport CheckWithStats(const CheckRequest& request, CheckStats& stats) {
  absl::StatusOr<CheckReport> report =
      CheckWith(request, CheckControl{}, nullptr, &stats);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *report : CheckReport{};
}

TEST(SplitTest, IndependentConflictsAreCheckedAsParts) {
  CheckStats stats;
  const CheckReport report = CheckWithStats(Request(TwoConflicts()), stats);
  EXPECT_EQ(stats.parts, 2);
  EXPECT_EQ(stats.parts_checked, 2);
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  EXPECT_THAT(ConflictSets(report),
              ElementsAre(std::set<std::string>{"a", "b"},
                          std::set<std::string>{"c", "d"}));
  // Conflict indices point into the merged list.
  EXPECT_THAT(report.claims(0).conflicts(), ElementsAre(0));
  EXPECT_THAT(report.claims(3).conflicts(), ElementsAre(1));
}

TEST(SplitTest, OneSidedPublicationDoesNotJoinParts) {
  // "g occurred by s's publication" leans on it the way the reported
  // claims of s do: the publication is a constant, not a variable shared by
  // every claim of s (LinkedPublications), so the conflicts stay apart.
  const std::string by_publication =
      "claims { id: \"x\" provenance { source: \"s\" } existence { event: "
      "\"g\" state: STATE_OCCURRED by { published_of: \"s\" } } }\n";
  CheckStats stats;
  const CheckReport report =
      CheckWithStats(Request(TwoConflicts() + by_publication), stats);
  EXPECT_EQ(stats.parts, 3);
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  EXPECT_THAT(ConflictSets(report),
              ElementsAre(std::set<std::string>{"a", "b"},
                          std::set<std::string>{"c", "d"}));
  EXPECT_EQ(report.claims(4).status(), CLAIM_STATUS_CONSISTENT);

  // Leaned on the other way too ("had not occurred by it"), it is shared.
  const std::string not_by_publication =
      "claims { id: \"y\" provenance { source: \"s\" } existence { event: "
      "\"h\" state: STATE_DID_NOT_OCCUR by { published_of: \"s\" } } }\n";
  const CheckReport linked = CheckWithStats(
      Request(TwoConflicts() + by_publication + not_by_publication), stats);
  EXPECT_EQ(stats.parts, 1);
  EXPECT_THAT(ConflictSets(linked),
              ElementsAre(std::set<std::string>{"a", "b"},
                          std::set<std::string>{"c", "d"}));
}

TEST(SplitTest, RepairsCombineOneRepairOfEachPart) {
  const CheckReport report = MustCheck(Request(TwoConflicts()));
  // Dropping b and c (0.5 each) is cheapest; then one of them with the
  // other conflict's reliable claim, the earlier claims first; three kept.
  ASSERT_EQ(report.repairs_size(), 3);
  EXPECT_THAT(report.repairs(0).claim_ids(), ElementsAre("b", "c"));
  EXPECT_DOUBLE_EQ(report.repairs(0).cost(), 1.0);
  EXPECT_THAT(report.repairs(1).claim_ids(), ElementsAre("a", "c"));
  EXPECT_DOUBLE_EQ(report.repairs(1).cost(), 1.5);
  EXPECT_THAT(report.repairs(2).claim_ids(), ElementsAre("b", "d"));
  EXPECT_DOUBLE_EQ(report.repairs(2).cost(), 1.5);
  for (const Repair& r : report.repairs()) EXPECT_TRUE(r.verified());
}

TEST(SplitTest, MaxConflictsCountsPerPart) {
  CheckRequest request = Request(TwoConflicts());
  request.mutable_options()->mutable_limits()->set_max_conflicts(1);
  const CheckReport report = MustCheck(request);
  EXPECT_EQ(report.conflicts_size(), 2);
  for (const ClaimResult& r : report.claims()) {
    EXPECT_EQ(r.status(), CLAIM_STATUS_IN_CONFLICT) << r.claim_id();
  }
}

TEST(SplitTest, DerivedFactsComeInTheOrderAsked) {
  // g is bounded by its claim's part, e by another part; h by no claim.
  CheckRequest request = Request(TwoConflicts() +
                                 Within("x", "g", Dates(Day(2015))) +
                                 After("y", "h", "g"));
  request.mutable_options()->mutable_diagnosis()->add_derive("h");
  request.mutable_options()->mutable_diagnosis()->add_derive("e");
  request.mutable_options()->mutable_diagnosis()->add_derive("g");
  const CheckReport report = MustCheck(request);
  ASSERT_EQ(report.derived_size(), 3);
  EXPECT_EQ(report.derived(0).subject_id(), "h");
  EXPECT_EQ(report.derived(0).lower(), "2015-01-02");
  EXPECT_EQ(report.derived(1).subject_id(), "e");
  EXPECT_EQ(report.derived(2).subject_id(), "g");
  EXPECT_EQ(report.derived(2).lower(), "2015-01-01");
  EXPECT_EQ(report.derived(2).upper(), "2015-12-31");
}

// A corpus of many parts that only Z3 decides, some with conflicts.
CheckRequest ManyZ3Parts() {
  benchmarks::SyntheticOptions options;
  options.claims = 120;
  options.conflicts = 4;
  options.z3_share = 0.5;
  options.quantity_share = 0.2;
  options.seed = 7;
  return benchmarks::GenerateSynthetic(options);
}

TEST(SplitTest, SameReportWhateverTheThreadCount) {
  CheckRequest request = ManyZ3Parts();
  // Parts share Z3 contexts in batches (check_internal.h); a batch of 1
  // part, batches cut by the part count and by the claim count, and the
  // default (one batch here). The batches never depend on the threads;
  // on this corpus they do not change the report either.
  const std::pair<int, int> batches[] = {
      {1, kZ3BatchClaims}, {3, kZ3BatchClaims}, {kZ3BatchParts, 5},
      {kZ3BatchParts, kZ3BatchClaims}};
  struct RestoreBatches {
    ~RestoreBatches() { SetZ3BatchForTesting(kZ3BatchParts, kZ3BatchClaims); }
  } restore;  // also when an assertion below ends the test
  std::string first;
  for (const auto& [parts, claims] : batches) {
    SetZ3BatchForTesting(parts, claims);
    for (int threads : {1, 2, 5}) {
      request.mutable_options()->set_threads(threads);
      CheckStats stats;
      const CheckReport report = CheckWithStats(request, stats);
      EXPECT_GT(stats.parts, 10) << "threads " << threads;
      EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
      EXPECT_EQ(report.conflicts_size(), 4);
      std::string bytes;
      ASSERT_TRUE(report.SerializeToString(&bytes));
      if (first.empty()) {
        first = bytes;
      } else {
        EXPECT_EQ(bytes, first) << "threads " << threads << ", batches of "
                                << parts << " parts, " << claims << " claims";
      }
    }
  }
}

TEST(SplitTest, EveryConflictOfTheSplitCheckIsMinimal) {
  const CheckRequest request = ManyZ3Parts();
  const CheckReport report = MustCheck(request);
  for (const std::set<std::string>& ids : ConflictSets(report)) {
    EXPECT_EQ(MinimalityProblem(request, ids), "");
  }
}

TEST(SplitTest, ThreadsOutOfRangeAreInvalid) {
  CheckRequest request = Request(TwoConflicts());
  request.mutable_options()->set_threads(-1);
  const CheckReport report = MustCheck(request);
  EXPECT_EQ(report.verdict(), VERDICT_INVALID_INPUT);
  ASSERT_GE(report.issues_size(), 1);
  EXPECT_EQ(report.issues(0).field(), "options.threads");
}

ClaimSet SetOf(const CheckRequest& request) { return request.claims(); }

TEST(SessionTest, RechecksOnlyThePartsAChangeTouches) {
  const CheckRequest corpus = ManyZ3Parts();
  Session session(corpus.options());
  ASSERT_TRUE(session.Add(SetOf(corpus)).ok());
  absl::StatusOr<CheckReport> report = session.Check();
  ASSERT_TRUE(report.ok()) << report.status();
  const int parts = session.last_stats().parts;
  EXPECT_GT(parts, 10);
  EXPECT_EQ(session.last_stats().parts_checked, parts);

  // Nothing changed: nothing solved.
  report = session.Check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(session.last_stats().parts_reused, parts);
  EXPECT_EQ(session.last_stats().parts_checked, 0);

  // A second copy of a claim in conflict: its part is solved again.
  const Claim* some = nullptr;
  for (int i = 0; i < report->claims_size(); ++i) {
    if (report->claims(i).status() == CLAIM_STATUS_IN_CONFLICT) {
      some = &corpus.claims().claims(i);
      break;
    }
  }
  ASSERT_NE(some, nullptr);
  ClaimSet article;
  Claim& added = *article.add_claims();
  added = *some;
  added.set_id("article-1");
  ASSERT_TRUE(session.Add(article).ok());
  report = session.Check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(session.last_stats().parts_checked, 1);
  EXPECT_EQ(session.last_stats().parts_reused, parts - 1);

  // The session's report is the report of one check of its claims.
  CheckRequest whole;
  *whole.mutable_options() = corpus.options();
  *whole.mutable_claims() = session.claims();
  EXPECT_TRUE(MessageDifferencer::Equals(*report, MustCheck(whole)));

  // Retracting the conflicts' claims leaves a consistent corpus.
  std::vector<std::string> in_conflict;
  for (const ClaimResult& r : report->claims()) {
    if (r.status() == CLAIM_STATUS_IN_CONFLICT) in_conflict.push_back(r.claim_id());
  }
  ASSERT_FALSE(in_conflict.empty());
  ASSERT_TRUE(session.Retract(in_conflict).ok());
  report = session.Check();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->verdict(), VERDICT_CONSISTENT);
  EXPECT_EQ(report->claims_size(),
            corpus.claims().claims_size() + 1 - static_cast<int>(in_conflict.size()));
}

TEST(SessionTest, BadAddsChangeNothingAndSayWhy) {
  Session session;
  const CheckRequest base = Request(Within("a", "e", Dates(Day(2011))));
  ASSERT_TRUE(session.Add(SetOf(base)).ok());
  const int claims = session.claims().claims_size();

  // The same claim id again.
  absl::Status s = session.Add(SetOf(Request(Within("a", "f", Dates(Day(2012))))));
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("claim 'a'"));

  // An event id defined otherwise.
  ClaimSet other;
  Event& e = *other.add_events();
  e.set_id("e");
  e.set_name("another event");
  s = session.Add(other);
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("event 'e'"));

  // A claim naming an event nobody defined: the issue names the claim.
  ClaimSet dangling = SetOf(Request(Within("b", "nowhere", Dates(Day(2012)))));
  std::vector<Issue> issues;
  s = session.Add(dangling, &issues);
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].claim_id(), "b");
  EXPECT_EQ(session.claims().claims_size(), claims);

  EXPECT_TRUE(absl::IsNotFound(session.Retract({"no-such-claim"})));
  EXPECT_EQ(session.claims().claims_size(), claims);
}

}  // namespace
}  // namespace claimcheck::testing

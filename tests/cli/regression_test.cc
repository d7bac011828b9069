// CompareWithExpectations: differences, and expected conflicts that a
// truncated search did not reach, verified on their own.
#include "cli/regression.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.
using ::testing::ElementsAre;

Expectations TwoConflicts() {
  Expectations e;
  e.set_verdict(VERDICT_INCONSISTENT);
  ExpectedConflict* a = e.add_conflicts();
  a->add_claim_ids("a");
  a->add_claim_ids("b");
  ExpectedConflict* c = e.add_conflicts();
  c->add_claim_ids("c");
  c->add_claim_ids("d");
  return e;
}

// A report listing the conflict {a, b} only.
CheckReport FoundAB(bool truncated) {
  CheckReport r;
  r.set_verdict(VERDICT_INCONSISTENT);
  r.set_conflicts_truncated(truncated);
  Conflict* c = r.add_conflicts();
  c->add_members()->set_claim_id("b");
  c->add_members()->set_claim_id("a");
  return r;
}

TEST(Regression, MissingConflictIsADifference) {
  EXPECT_THAT(CompareWithExpectations(TwoConflicts(), FoundAB(false)),
              ElementsAre("- conflict {c, d}"));
}

TEST(Regression, CompleteSearchDoesNotAskTheVerifier) {
  int asked = 0;
  auto verify = [&](const std::vector<std::string>&) { return ++asked, true; };
  EXPECT_THAT(CompareWithExpectations(TwoConflicts(), FoundAB(false), verify),
              ElementsAre("- conflict {c, d}"));
  EXPECT_EQ(asked, 0);
}

TEST(Regression, TruncatedSearchVerifiesWhatItMissed) {
  std::vector<std::vector<std::string>> asked;
  auto holds = [&](const std::vector<std::string>& ids) {
    asked.push_back(ids);
    return true;
  };
  EXPECT_TRUE(CompareWithExpectations(TwoConflicts(), FoundAB(true), holds).empty());
  EXPECT_THAT(asked, ElementsAre(std::vector<std::string>{"c", "d"}));
  auto fails = [](const std::vector<std::string>&) { return false; };
  EXPECT_THAT(CompareWithExpectations(TwoConflicts(), FoundAB(true), fails),
              ElementsAre("- conflict {c, d}"));
}

}  // namespace
}  // namespace claimcheck

// Claims that give phrases instead of values ("US$310 mn", "after a gap of
// 25 years", "May 11-13, 2011"): read by the normaliser at the boundary,
// with a warning saying what each was read as.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::testing::HasSubstr;

std::string QtyText(const std::string& id, const std::string& measure,
                    const std::string& text) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } quantity { measure: \"" +
         measure + "\" amount { text: \"" + text + "\" } } }\n";
}

std::string WithinText(const std::string& id, const std::string& event,
                       const std::string& text) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } date { subject { event: \"" +
         event + "\" } within { text: \"" + text + "\" } } }\n";
}

TEST(PhraseTest, AmountsAreReadAndChecked) {
  const CheckReport report =
      MustCheck(Request(QtyText("a", "sub", "US$310 mn") + QtyText("b", "all", "$383 million")));
  EXPECT_EQ(report.verdict(), VERDICT_CONSISTENT);
  ASSERT_EQ(report.issues_size(), 2);
  EXPECT_EQ(report.issues(0).severity(), SEVERITY_WARNING);
  EXPECT_EQ(report.issues(0).field(), "quantity.amount");
  EXPECT_THAT(report.issues(0).message(),
              HasSubstr("read \"US$310 mn\" as QUALIFIER_UNSPECIFIED 310 SCALE_MILLION USD"));
}

TEST(PhraseTest, ReadAmountsCanConflict) {
  const CheckReport report =
      MustCheck(Request(QtyText("a", "sub", "US$410 mn") + QtyText("b", "all", "$383 million")));
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  EXPECT_EQ(ConflictSets(report), (std::vector<std::set<std::string>>{{"a", "b"}}));
}

TEST(PhraseTest, DatesAndGapsAreRead) {
  const std::string gap =
      "claims { id: \"g\" provenance { source: \"s\" } gap { from { event: \"f\" } to { "
      "event: \"e\" } amount { text: \"after a gap of 25 years\" } } }\n";
  EXPECT_EQ(MustCheck(Request(WithinText("a", "f", "1974") + WithinText("b", "e", "1999") + gap))
                .verdict(),
            VERDICT_CONSISTENT);
  EXPECT_EQ(MustCheck(Request(WithinText("a", "f", "1974") + WithinText("b", "e", "2000") + gap))
                .verdict(),
            VERDICT_INCONSISTENT);
  const CheckReport report = MustCheck(Request(WithinText("a", "e", "May 11-13, 2011") +
                                               WithinText("b", "e", "May 2012")));
  ASSERT_EQ(report.conflicts_size(), 1);
  EXPECT_THAT(report.conflicts(0).explanation(),
              HasSubstr("within 11-13 May 2011 [a] vs within May 2012 [b]: disjoint"));
}

TEST(PhraseTest, UnreadablePhrasesAreInvalid) {
  const CheckReport report = MustCheck(Request(
      QtyText("a", "usd", "blue") + WithinText("b", "e", "last year") + QtyText("c", "usd", "$5")));
  EXPECT_EQ(report.verdict(), VERDICT_INVALID_INPUT);
  ASSERT_GE(report.issues_size(), 2);
  EXPECT_EQ(report.claims(0).status(), CLAIM_STATUS_INVALID);
  EXPECT_THAT(report.claims(0).detail(), HasSubstr("blue"));
  EXPECT_EQ(report.claims(1).status(), CLAIM_STATUS_INVALID);
  EXPECT_THAT(report.claims(1).detail(), HasSubstr("is relative"));
  // The readable one is not blamed.
  EXPECT_EQ(report.claims(2).status(), CLAIM_STATUS_UNCHECKED);
}

}  // namespace
}  // namespace claimcheck::testing

// Tense binding (SEMANTICS.md, "Time"): reported events end by publication,
// planned ones start after it; publication is bounded by retrieval.
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

std::string PublishedWithin(const std::string& id, const std::string& source,
                            const std::string& dates) {
  return "claims { id: \"" + id +
         "\" provenance { source: \"s\" } date { subject { published_of: \"" +
         source + "\" } within { " + dates + " } } }\n";
}

const CheckCase kCases[] = {
    {"ReportedBeforePublication",
     Within("a", "e", Dates(Day(2014, 6, 10)), "p2014"), VERDICT_CONSISTENT},
    {"ReportedOnPublicationDay",
     Within("a", "e", Dates(Day(2014, 6, 12)), "p2014"), VERDICT_CONSISTENT},
    // A single claim can conflict with its own source's date.
    {"ReportedAfterPublication",
     Within("a", "e", Dates(Day(2015)), "p2014"), VERDICT_INCONSISTENT, {{"a"}}},
    // "accessed on 23 Jan 2109": after the corpus was retrieved (2026).
    {"ReportedAfterRetrieval", Within("a", "e", Dates(Day(2109, 1, 23))),
     VERDICT_INCONSISTENT, {{"a"}}},
    {"PlannedBeforePublication",
     Within("a", "e", Dates(Day(2014, 1)), "p2014", "MODALITY_PLANNED"),
     VERDICT_INCONSISTENT, {{"a"}}},
    {"PlannedAfterPublication",
     Within("a", "e", Dates(Day(2015)), "p2014", "MODALITY_PLANNED"),
     VERDICT_CONSISTENT},
    {"CancelledHasNoBinding",
     Within("a", "e", Dates(Day(2015)), "p2014", "MODALITY_CANCELLED"),
     VERDICT_CONSISTENT},
    // Publication unknown: a variable that a second claim can pin.
    {"UnknownPublicationPinned",
     Within("a", "e", Dates(Day(2021))) +
         PublishedWithin("b", "s", Dates(Day(2019))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"UnknownPublicationFree", Within("a", "e", Dates(Day(2021))),
     VERDICT_CONSISTENT},
    {"PublicationAfterRetrieval", PublishedWithin("b", "s", Dates(Day(2027))),
     VERDICT_INCONSISTENT, {{"b"}}},
};

class TenseTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(TenseTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, TenseTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

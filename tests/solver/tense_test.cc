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

// "`event` occurred (or did not) by the publication of `by`", told by "s".
std::string ExistsBy(const std::string& id, const std::string& event,
                     const std::string& state, const std::string& by) {
  return "claims { id: \"" + id + "\" provenance { source: \"s\" } existence { " +
         "event: \"" + event + "\" state: " + state + " by { published_of: \"" +
         by + "\" } } }\n";
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
    // A publication every claim leans on one way is a constant
    // (LinkedPublications); the verdicts are those of the variable.
    // Occurred by p2014's publication (12 June 2014), but in 2015.
    {"OccurredByPublicationOneSided",
     ExistsBy("a", "e", "STATE_OCCURRED", "p2014") +
         Within("b", "e", Dates(Day(2015)), "ref"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"OccurredByPublicationBeforeIt",
     ExistsBy("a", "e", "STATE_OCCURRED", "p2014") +
         Within("b", "e", Dates(Day(2014, 5)), "ref"),
     VERDICT_CONSISTENT},
    // s's own reported claim has e over by s's publication, which its
    // "had not occurred by the publication" contradicts: leaned on both
    // ways, the publication stays a variable.
    {"DidNotOccurByOwnPublicationLinked",
     ExistsBy("a", "e", "STATE_DID_NOT_OCCUR", "s") +
         Within("b", "e", Dates(Day(2011))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // Told by another source, e in 2011 is consistent with s's claim: s's
    // publication may be in 2010.
    {"DidNotOccurByPublicationOneSided",
     ExistsBy("a", "e", "STATE_DID_NOT_OCCUR", "s") +
         Within("b", "e", Dates(Day(2011)), "ref"),
     VERDICT_CONSISTENT},
};

class TenseTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(TenseTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, TenseTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

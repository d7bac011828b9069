// Existence (claim kind 9), reference facts (claim kind 10) and relative
// periods ("last year", "this summer", "April 07" of an unknown year).
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;

std::string Exists(const std::string& id, const std::string& event,
                   const std::string& state, const std::string& by = "",
                   const std::string& source = "s") {
  return "claims { id: \"" + id + "\" provenance { source: \"" + source +
         "\" } existence { event: \"" + event + "\" state: " + state +
         (by.empty() ? "" : " by { published_of: \"" + by + "\" }") + " } }\n";
}

// The prelude has no actors: these cases add their own events.
const char kActors[] =
    "events { id: \"decision\" name: \"the decision to join CENTO\" actors: \"liaquat\" }\n"
    "events { id: \"act\" name: \"an act as prime minister\" roles { actor: \"liaquat\" "
    "office: \"pm\" } }\n";

std::string Lifespan(const std::string& id, int born, int died) {
  return "claims { id: \"" + id + "\" provenance { source: \"ref\" } reference_fact { "
         "actor: \"liaquat\" fact: FACT_LIFESPAN from { start { year: " +
         std::to_string(born) + " month: 10 day: 1 } } to { start { year: " +
         std::to_string(died) + " month: 10 day: 16 } } } }\n";
}

std::string Term(const std::string& id, int from, int to) {
  return "claims { id: \"" + id + "\" provenance { source: \"ref\" } reference_fact { "
         "actor: \"liaquat\" fact: FACT_TERM_OF_OFFICE office: \"pm\" from { start { year: " +
         std::to_string(from) + " } } to { start { year: " + std::to_string(to) + " } } } }\n";
}

std::string Period(const std::string& id, const std::string& event,
                   const std::string& anchor, const std::string& body,
                   const std::string& source = "s",
                   const std::string& modality = "MODALITY_REPORTED") {
  return "claims { id: \"" + id + "\" provenance { source: \"" + source +
         "\" modality: " + modality + " } date { subject { event: \"" + event + "\" } in_period { anchor { " + anchor +
         " } " + body + " } } }\n";
}

const CheckCase kCases[] = {
    {"OccurredThenCancelled",
     Exists("a", "e", "STATE_OCCURRED") + Exists("b", "e", "STATE_CANCELLED"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // A reported date makes its subject occur.
    {"ReportedDateMeansOccurred",
     Within("a", "e", Dates(Day(2012))) + Exists("b", "e", "STATE_DID_NOT_OCCUR"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // A cancelled plan with a date is fine.
    // "cancelled at the last minute": the cancellation came before the
    // planned visit, which did not occur: naming it does not make it occur.
    {"CancelledBeforeThePlannedDate",
     Within("a", "e", Dates(Day(2012)), "s", "MODALITY_CANCELLED") +
         Before("b", "f", "e") + Exists("c", "e", "STATE_CANCELLED"),
     VERDICT_CONSISTENT},
    {"CancelledPlanWithDate",
     Within("a", "e", Dates(Day(2012)), "s", "MODALITY_CANCELLED") +
         Exists("b", "e", "STATE_CANCELLED"),
     VERDICT_CONSISTENT},
    // "so far President Putin has not visited Pakistan" (by publication,
    // 12 June 2014) vs a visit reported in 2013.
    {"NotYetByPublication",
     Exists("a", "e", "STATE_DID_NOT_OCCUR", "p2014", "p2014") +
         Within("b", "e", Dates(Day(2013))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"NotYetThenLater",
     Exists("a", "e", "STATE_DID_NOT_OCCUR", "p2014", "p2014") +
         Within("b", "e", Dates(Day(2016))),
     VERDICT_CONSISTENT},
    // Liaquat Ali Khan died in 1951: a decision of his in 1954 cannot be.
    {"ActsOnlyWhileAlive",
     std::string(kActors) + Lifespan("r", 1895, 1951) +
         Within("a", "decision", Dates(Day(1954))),
     VERDICT_INCONSISTENT, {{"r", "a"}}},
    {"ActsWhileAlive",
     std::string(kActors) + Lifespan("r", 1895, 1951) +
         Within("a", "decision", Dates(Day(1950))),
     VERDICT_CONSISTENT},
    {"ActsInOffice",
     std::string(kActors) + Term("r", 1947, 1951) + Within("a", "act", Dates(Day(1952))),
     VERDICT_INCONSISTENT, {{"r", "a"}}},
    // A role's actor is bound by the lifespan too.
    {"RoleActorAlive",
     std::string(kActors) + Lifespan("r", 1895, 1951) + Within("a", "act", Dates(Day(1953))),
     VERDICT_INCONSISTENT, {{"r", "a"}}},
    {"TwoLifespansDisagree",
     std::string(kActors) + Lifespan("r", 1895, 1951) + Lifespan("q", 1895, 1961),
     VERDICT_INCONSISTENT, {{"r", "q"}}},
    // "last year" in an article of 12 June 2014 is 2013.
    {"LastYear",
     Period("a", "e", "published_of: \"p2014\"", "unit: UNIT_YEAR offset: -1", "p2014") +
         Within("b", "e", Dates(Day(2013, 5))),
     VERDICT_CONSISTENT},
    {"LastYearNotThisYear",
     Period("a", "e", "published_of: \"p2014\"", "unit: UNIT_YEAR offset: -1", "p2014") +
         Within("b", "e", Dates(Day(2014, 2))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // "will begin this summer" (planned): June-August of the publication
    // year, after publication.
    {"ThisSummer",
     Period("a", "e", "published_of: \"p2014\"",
            "offset: 0 first_month: 6 last_month: 8", "p2014", "MODALITY_PLANNED") +
         Within("b", "e", Dates(Day(2014, 7)), "s", "MODALITY_PLANNED"),
     VERDICT_CONSISTENT},
    {"ThisSummerNotSeptember",
     Period("a", "e", "published_of: \"p2014\"",
            "offset: 0 first_month: 6 last_month: 8", "p2014", "MODALITY_PLANNED") +
         Within("b", "e", Dates(Day(2014, 9, 1)), "s", "MODALITY_PLANNED"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // A reported "this summer" is over by publication: 1-12 June 2014 only.
    {"ReportedThisSummerBeforePublication",
     Period("a", "e", "published_of: \"p2014\"",
            "offset: 0 first_month: 6 last_month: 8", "p2014") +
         Within("b", "e", Dates(Day(2014, 6, 20))),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // "April 07" with the year left to the publication date (unknown):
    // pinned to 2021 by another claim, the visit is on 7 April 2021.
    {"MonthDayOfUnknownYear",
     Period("a", "e", "published_of: \"s\"",
            "offset: 0 first_month: 4 last_month: 4 first_day: 7 last_day: 7") +
         "claims { id: \"b\" provenance { source: \"s\" } date { subject { "
         "published_of: \"s\" } within { start { year: 2021 } } } }\n" +
         Within("c", "e", Dates(Day(2022, 4)), "ref"),
     VERDICT_INCONSISTENT, {{"a", "b", "c"}}},
    {"MonthDayOfUnknownYearFree",
     Period("a", "e", "published_of: \"s\"",
            "offset: 0 first_month: 4 last_month: 4 first_day: 7 last_day: 7") +
         Within("c", "e", Dates(Day(2022, 4))),
     VERDICT_CONSISTENT},
    {"FollowingMonthAsPeriod",
     Within("a", "f", Dates(Day(2012, 12, 20))) +
         Period("b", "e", "event: \"f\"", "unit: UNIT_MONTH offset: 1") +
         Within("c", "e", Dates(Day(2013, 1, 31))),
     VERDICT_CONSISTENT},
};

class ExistenceReferenceTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(ExistenceReferenceTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, ExistenceReferenceTest,
                         ::testing::ValuesIn(kCases), CaseName);

}  // namespace
}  // namespace claimcheck::testing

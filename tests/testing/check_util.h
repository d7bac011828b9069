// Helpers for table-driven checker tests: a standard prelude of sources,
// events and measures, requests from text-format claims, and an independent
// verification that a reported conflict is minimal.
#ifndef CLAIMCHECK_TESTS_TESTING_CHECK_UTIL_H_
#define CLAIMCHECK_TESTS_TESTING_CHECK_UTIL_H_

#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck::testing {

// Sources: "s" (published unknown), "p2014" (published 12 June 2014),
// "low" (reliability 0.5), "ref" (reference, reliability 1). All retrieved
// 2026-11-22.
// Events: "e", "f", "g" (class "visit/x"), "h" (class "visit/x").
// Measures: "len" (length), "usd" and "usd2" (money, USD), "pkr" (money,
// PKR), "all" (USD, additive, quantity "arms", 1947-1991), "sub" (same,
// 1965-1971), "later" (same, 1992-2012), "pct" (percentage), "cnt" (count),
// "share_us" and "share_ru" (shares).
extern const char kPrelude[];

// The prelude plus `claims` (text-format ClaimSet fields), parsed; aborts the
// test on a parse error.
claimcheck::v1::CheckRequest Request(absl::string_view claims);

// Check() that must succeed (an internal error fails the test).
claimcheck::v1::CheckReport MustCheck(const claimcheck::v1::CheckRequest& r);

// The request restricted to the claims whose ids are in `keep`.
claimcheck::v1::CheckRequest Restrict(const claimcheck::v1::CheckRequest& r,
                                      const std::set<std::string>& keep);

// Empty when `ids` is a minimal inconsistent subset of `request`: the set is
// inconsistent and dropping any one member makes it consistent. Otherwise a
// description of what fails. Uses fresh checks, independent of the report.
std::string MinimalityProblem(const claimcheck::v1::CheckRequest& request,
                              const std::set<std::string>& ids);

// The member ids of each conflict, in report order.
std::vector<std::set<std::string>> ConflictSets(
    const claimcheck::v1::CheckReport& report);

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_TESTING_CHECK_UTIL_H_

namespace claimcheck::testing {

// One row of a table-driven checker test.
struct CheckCase {
  std::string name;
  std::string claims;  // text-format ClaimSet fields added to kPrelude
  claimcheck::v1::Verdict verdict;
  // Expected conflicts as sets of claim ids, in report order; checked when
  // not empty.
  std::vector<std::set<std::string>> conflicts = {};
  claimcheck::v1::CheckOptions options = {};
};

// Runs the case: the verdict and conflicts must match, and every reported
// conflict must be marked minimal and be minimal under fresh checks.
void ExpectCase(const CheckCase& c);

inline std::string CaseName(const ::testing::TestParamInfo<CheckCase>& info) {
  return info.param.name;
}

}  // namespace claimcheck::testing

namespace claimcheck::testing {

// Text-format builders that keep case tables readable.
// Day(2011, 5, 11) -> "{ year: 2011 month: 5 day: 11 }".
std::string Day(int year, int month = 0, int day = 0);
// A DateSpec body: "start {...} end {...}" (end omitted when empty).
std::string Dates(const std::string& start, const std::string& end = "");
// Date claim: `event` within the dates.
std::string Within(const std::string& id, const std::string& event,
                   const std::string& dates, const std::string& source = "s",
                   const std::string& modality = "");
// Date claim: `subject` after/before `reference` event, with an optional
// offset amount ("value unit").
std::string After(const std::string& id, const std::string& subject,
                  const std::string& reference, const std::string& value = "",
                  const std::string& unit = "",
                  const std::string& source = "s");
std::string Before(const std::string& id, const std::string& subject,
                   const std::string& reference,
                   const std::string& value = "", const std::string& unit = "",
                   const std::string& source = "s");
// Gap claim from `from` to `to` (events).
std::string Gap(const std::string& id, const std::string& from,
                const std::string& to, const std::string& value,
                const std::string& unit, const std::string& qualifier = "",
                const std::string& source = "s");
// Quantity claim; scale and qualifier are enum names or empty.
std::string Qty(const std::string& id, const std::string& measure,
                const std::string& value, const std::string& unit,
                const std::string& scale = "", const std::string& qualifier = "",
                const std::string& source = "s");

}  // namespace claimcheck::testing

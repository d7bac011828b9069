#include "cli/regression.h"

#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace claimcheck {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

std::vector<std::string> CompareWithExpectations(const Expectations& expected,
                                                 const CheckReport& report,
                                                 const ConflictVerifier& verify) {
  std::vector<std::string> diff;
  if (expected.verdict() != VERDICT_UNSPECIFIED &&
      expected.verdict() != report.verdict()) {
    diff.push_back(absl::StrCat("- verdict ", Verdict_Name(expected.verdict())));
    diff.push_back(absl::StrCat("+ verdict ", Verdict_Name(report.verdict())));
  }
  std::set<std::set<std::string>> want, got;
  absl::flat_hash_map<std::string, std::string> explanation;
  for (const ExpectedConflict& c : expected.conflicts()) {
    want.insert(std::set<std::string>(c.claim_ids().begin(), c.claim_ids().end()));
  }
  for (const Conflict& c : report.conflicts()) {
    std::set<std::string> ids;
    for (const ConflictMember& m : c.members()) ids.insert(m.claim_id());
    explanation[absl::StrJoin(ids, ", ")] = c.explanation();
    got.insert(ids);
  }
  for (const auto& ids : want) {
    if (got.count(ids)) continue;
    if (report.conflicts_truncated() && verify &&
        verify(std::vector<std::string>(ids.begin(), ids.end()))) {
      continue;  // still a minimal conflict; the search stopped before it
    }
    diff.push_back(absl::StrCat("- conflict {", absl::StrJoin(ids, ", "), "}"));
  }
  for (const auto& ids : got) {
    if (!want.count(ids)) {
      const std::string key = absl::StrJoin(ids, ", ");
      diff.push_back(absl::StrCat("+ conflict {", key, "}: ", explanation[key]));
    }
  }
  absl::flat_hash_map<std::string, const ClaimResult*> result_of;
  for (const ClaimResult& r : report.claims()) result_of[r.claim_id()] = &r;
  for (const std::string& id : expected.consistent()) {
    auto it = result_of.find(id);
    if (it == result_of.end()) {
      diff.push_back(absl::StrCat("- claim ", id, " (no such claim in the dataset)"));
    } else if (it->second->status() != CLAIM_STATUS_CONSISTENT) {
      diff.push_back(absl::StrCat("- claim ", id, " CONSISTENT"));
      diff.push_back(absl::StrCat("+ claim ", id, " ",
                                  ClaimStatus_Name(it->second->status()),
                                  it->second->detail().empty() ? "" : ": ",
                                  it->second->detail()));
    }
  }
  absl::flat_hash_map<std::string, const DerivedFact*> fact_of;
  for (const DerivedFact& f : report.derived()) fact_of[f.subject_id()] = &f;
  for (const ExpectedDerived& d : expected.derived()) {
    auto it = fact_of.find(d.subject_id());
    const std::string want = absl::StrCat(
        "derived ", d.subject_id(), " [", d.lower(), ", ", d.upper(), "]");
    if (it == fact_of.end()) {
      diff.push_back(absl::StrCat("- ", want));
      diff.push_back(absl::StrCat("+ derived ", d.subject_id(), " not reported"));
      continue;
    }
    const DerivedFact& f = *it->second;
    if (f.lower() != d.lower() || f.upper() != d.upper() || !f.complete()) {
      diff.push_back(absl::StrCat("- ", want));
      diff.push_back(absl::StrCat("+ derived ", d.subject_id(), " [", f.lower(),
                                  ", ", f.upper(), "]",
                                  f.complete() ? "" : " (incomplete)", ": ",
                                  f.summary()));
    }
  }
  return diff;
}

}  // namespace claimcheck

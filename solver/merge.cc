#include "solver/merge.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "solver/diagnosis/repair.h"
#include "solver/oracle.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

std::string KindName(const Claim& claim) {
  const auto* field = Claim::descriptor()->FindFieldByNumber(claim.kind_case());
  return field == nullptr ? "unknown" : field->name();
}

// A repair of the whole request: claims by input index, ascending.
struct Combined {
  std::vector<int> claims;
  uint64_t weight = 0;
  double cost = 0;
  bool verified = true;
};

bool Cheaper(const Combined& a, const Combined& b) {
  if (a.weight != b.weight) return a.weight < b.weight;
  if (a.claims.size() != b.claims.size()) return a.claims.size() < b.claims.size();
  return a.claims < b.claims;
}

// The `k` cheapest unions of one repair from each list (the parts are
// independent). Keeping only the k cheapest partial unions at each step is
// exact: the order is compatible with adding the same disjoint set to both
// sides (weights and sizes add; the first claim the two sets do not share
// still decides the order of the sets).
std::vector<Combined> CheapestUnions(const std::vector<std::vector<Combined>>& lists,
                                     int k) {
  std::vector<Combined> best = {Combined{}};
  for (const std::vector<Combined>& list : lists) {
    std::vector<Combined> next;
    for (const Combined& a : best) {
      for (const Combined& b : list) {
        Combined c;
        std::merge(a.claims.begin(), a.claims.end(), b.claims.begin(),
                   b.claims.end(), std::back_inserter(c.claims));
        c.weight = a.weight + b.weight;
        c.cost = a.cost + b.cost;
        c.verified = a.verified && b.verified;
        next.push_back(std::move(c));
      }
    }
    std::sort(next.begin(), next.end(), Cheaper);
    if (static_cast<int>(next.size()) > k) next.resize(k);
    best = std::move(next);
  }
  return best;
}

}  // namespace

void ReportUnencoded(const Claim& claim, ClaimResult& result,
                     CheckReport& report) {
  result.set_status(CLAIM_STATUS_UNCHECKED);
  result.set_detail(absl::StrCat("claims of kind '", KindName(claim),
                                 "' are not encoded yet; not checked"));
  Issue& issue = *report.add_issues();
  issue.set_severity(SEVERITY_WARNING);
  issue.set_claim_id(claim.id());
  issue.set_field(KindName(claim));
  issue.set_message(result.detail());
}

void MergeParts(const CheckRequest& request, const Split& split,
                int max_repairs, std::vector<CheckReport>& reports,
                CheckReport& report) {
  const ClaimSet& set = request.claims();
  absl::flat_hash_map<std::string, int> claim_index;
  for (int i = 0; i < set.claims_size(); ++i) claim_index[set.claims(i).id()] = i;
  auto index_of = [&](const std::string& id) {
    auto it = claim_index.find(id);
    return it == claim_index.end() ? INT_MAX : it->second;
  };

  // Conflicts in input order of their members, as one check orders them.
  struct Found {
    std::vector<int> members;  // input indices, ascending
    int part;
    int local;
  };
  std::vector<Found> found;
  for (size_t p = 0; p < reports.size(); ++p) {
    for (int c = 0; c < reports[p].conflicts_size(); ++c) {
      Found f{{}, static_cast<int>(p), c};
      for (const ConflictMember& m : reports[p].conflicts(c).members()) {
        f.members.push_back(index_of(m.claim_id()));
      }
      std::sort(f.members.begin(), f.members.end());
      found.push_back(std::move(f));
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.members < b.members; });
  std::vector<std::vector<int>> renumbered(reports.size());
  for (size_t p = 0; p < reports.size(); ++p) {
    renumbered[p].resize(reports[p].conflicts_size());
  }
  for (size_t c = 0; c < found.size(); ++c) {
    renumbered[found[c].part][found[c].local] = static_cast<int>(c);
    *report.add_conflicts() =
        std::move(*reports[found[c].part].mutable_conflicts(found[c].local));
  }

  // Claims back at their input positions, issues in input order of their
  // claims.
  std::vector<std::pair<int, Issue>> issues;
  bool inconsistent = false, unknown = false;
  for (size_t p = 0; p < reports.size(); ++p) {
    CheckReport& r = reports[p];
    const Part& part = split.parts[p];
    for (size_t k = 0; k < part.claims.size(); ++k) {
      ClaimResult& result = *report.mutable_claims(part.claims[k]);
      result = std::move(*r.mutable_claims(static_cast<int>(k)));
      for (int& c : *result.mutable_conflicts()) c = renumbered[p][c];
      std::sort(result.mutable_conflicts()->begin(),
                result.mutable_conflicts()->end());
    }
    for (Issue& issue : *r.mutable_issues()) {
      issues.emplace_back(index_of(issue.claim_id()), std::move(issue));
    }
    inconsistent |= r.verdict() == VERDICT_INCONSISTENT;
    unknown |= r.verdict() == VERDICT_UNKNOWN;
    if (report.limit() == LIMIT_UNSPECIFIED && r.limit() != LIMIT_UNSPECIFIED) {
      report.set_limit(r.limit());
      report.set_limit_detail(r.limit_detail());
    }
    report.set_conflicts_truncated(report.conflicts_truncated() ||
                                   r.conflicts_truncated());
    report.set_repairs_truncated(report.repairs_truncated() ||
                                 r.repairs_truncated());
  }
  CheckReport unencoded;
  for (int i : split.unencoded) {
    ReportUnencoded(set.claims(i), *report.mutable_claims(i), unencoded);
  }
  for (Issue& issue : *unencoded.mutable_issues()) {
    issues.emplace_back(index_of(issue.claim_id()), std::move(issue));
  }
  std::stable_sort(issues.begin(), issues.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, issue] : issues) *report.add_issues() = std::move(issue);
  report.set_verdict(inconsistent ? VERDICT_INCONSISTENT
                     : unknown    ? VERDICT_UNKNOWN
                                  : VERDICT_CONSISTENT);

  // Repairs: one from each inconsistent part. A part with none (a limit,
  // or no repairs asked for) leaves the whole with none.
  absl::flat_hash_map<std::string, double> reliability;
  for (const Source& s : set.sources()) {
    reliability[s.id()] = SourceReliability(s);
  }
  std::vector<std::vector<Combined>> lists;
  bool complete = true;
  for (const CheckReport& r : reports) {
    if (r.conflicts_size() == 0) continue;
    std::vector<Combined>& list = lists.emplace_back();
    for (const Repair& repair : r.repairs()) {
      Combined c;
      c.cost = repair.cost();
      c.verified = repair.verified();
      for (const std::string& id : repair.claim_ids()) {
        const int i = index_of(id);
        c.claims.push_back(i);
        c.weight += RepairWeight(
            reliability[set.claims(i).provenance().source()]);
      }
      std::sort(c.claims.begin(), c.claims.end());
      list.push_back(std::move(c));
    }
    complete &= !list.empty();
  }
  if (complete && !lists.empty() && max_repairs > 0) {
    for (const Combined& c : CheapestUnions(lists, max_repairs)) {
      Repair& out = *report.add_repairs();
      for (int i : c.claims) out.add_claim_ids(set.claims(i).id());
      out.set_cost(c.cost);
      out.set_verified(c.verified);
    }
  }

  // Derived facts, in the order of the subjects.
  std::vector<std::pair<std::pair<int, int>, DerivedFact>> derived;
  if (request.options().diagnosis().derive_all()) {
    absl::flat_hash_map<std::string, std::pair<int, int>> order;
    for (int i = 0; i < set.events_size(); ++i) order[set.events(i).id()] = {0, i};
    for (int i = 0; i < set.measures_size(); ++i) {
      order.emplace(set.measures(i).id(), std::make_pair(1, i));
    }
    for (CheckReport& r : reports) {
      for (DerivedFact& fact : *r.mutable_derived()) {
        auto it = order.find(fact.subject_id());
        derived.emplace_back(it == order.end() ? std::make_pair(2, 0) : it->second,
                             std::move(fact));
      }
    }
  } else {
    for (size_t p = 0; p < reports.size(); ++p) {
      const std::vector<int>& subjects = split.parts[p].subjects;
      auto& facts = *reports[p].mutable_derived();
      for (int k = 0; k < facts.size() && k < static_cast<int>(subjects.size());
           ++k) {
        derived.emplace_back(std::make_pair(0, subjects[k]),
                             std::move(facts[k]));
      }
    }
  }
  std::stable_sort(derived.begin(), derived.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, fact] : derived) *report.add_derived() = std::move(fact);
}

}  // namespace claimcheck

#include "solver/checker.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claims/validate.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "solver/explain.h"
#include "z3++.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// An encoded claim and its assumption literal.
struct Entry {
  int index;  // into request.claims()
  z3::expr literal;
  Encoded encoded;
};

enum class Outcome { kSat, kUnsat, kUnknown };

// A minimal conflict found by the search, before it becomes a proto.
struct FoundConflict {
  std::vector<int> entries;  // into Search::entries_, in input order
  std::vector<int> axioms;   // into Encoding::axioms()
  bool is_minimal;
};

Limit LimitFromReason(const std::string& reason) {
  if (absl::StrContains(reason, "timeout")) return LIMIT_TIMEOUT;
  if (absl::StrContains(reason, "cancel")) return LIMIT_CANCELLED;
  if (absl::StrContains(reason, "resource") ||
      absl::StrContains(reason, "rlimit")) {
    return LIMIT_RLIMIT;
  }
  return LIMIT_SOLVER_INCOMPLETE;
}

std::string KindName(const Claim& claim) {
  const auto* field =
      Claim::descriptor()->FindFieldByNumber(claim.kind_case());
  return field == nullptr ? "unknown" : field->name();
}

// Finds minimal conflicts one after another: shrink the solver's core by
// deletion until every member is needed, record it, set aside its least
// reliable member, and look again, until the claims left are consistent or a
// limit is hit.
class Search {
 public:
  Search(const CheckRequest& request, z3::context& ctx, Encoding& encoding,
         std::vector<Entry>& entries)
      : request_(request),
        ctx_(ctx),
        encoding_(encoding),
        entries_(entries),
        solver_(ctx) {
    const Limits& limits = request.options().limits();
    z3::params params(ctx);
    if (limits.timeout_ms() > 0) {
      params.set("timeout", static_cast<unsigned>(std::min<int64_t>(
                                limits.timeout_ms(), UINT32_MAX)));
    }
    if (limits.rlimit() > 0) {
      params.set("rlimit", static_cast<unsigned>(std::min<int64_t>(
                               limits.rlimit(), UINT32_MAX)));
    }
    solver_.set(params);
    for (const z3::expr& h : encoding.hard()) solver_.add(h);
    for (size_t i = 0; i < entries.size(); ++i) {
      solver_.add(z3::implies(entries[i].literal, entries[i].encoded.constraint));
      entry_of_[entries[i].literal.id()] = static_cast<int>(i);
    }
    for (size_t i = 0; i < encoding.axioms().size(); ++i) {
      axiom_of_[encoding.axioms()[i].literal.id()] = static_cast<int>(i);
      all_axioms_.push_back(static_cast<int>(i));
    }
  }

  void Run(CheckReport& report) {
    const int max_conflicts = request_.options().limits().max_conflicts() > 0
                                  ? request_.options().limits().max_conflicts()
                                  : kDefaultMaxConflicts;
    std::vector<int> active;
    for (size_t i = 0; i < entries_.size(); ++i) {
      active.push_back(static_cast<int>(i));
    }
    std::vector<FoundConflict> found;
    bool truncated = false;
    while (true) {
      std::vector<int> core_entries, core_axioms;
      const Outcome outcome =
          Solve(active, all_axioms_, &core_entries, &core_axioms);
      if (outcome == Outcome::kSat) break;
      if (outcome == Outcome::kUnknown) break;
      if (static_cast<int>(found.size()) >= max_conflicts) {
        truncated = true;
        break;
      }
      FoundConflict conflict = Shrink(core_entries);
      found.push_back(conflict);
      // Set aside the least reliable member (the latest on ties).
      int drop = conflict.entries.front();
      for (int e : conflict.entries) {
        if (Reliability(e) <= Reliability(drop)) drop = e;
      }
      active.erase(std::find(active.begin(), active.end(), drop));
    }
    Report(found, truncated, report);
  }

 private:
  double Reliability(int entry) const {
    const std::string& source =
        request_.claims().claims(entries_[entry].index).provenance().source();
    const Source& s = encoding_.source(source);
    return s.has_reliability() ? s.reliability() : 1.0;
  }

  Outcome Solve(const std::vector<int>& entries, const std::vector<int>& axioms,
                std::vector<int>* core_entries, std::vector<int>* core_axioms) {
    z3::expr_vector assumptions(ctx_);
    for (int e : entries) assumptions.push_back(entries_[e].literal);
    for (int a : axioms) assumptions.push_back(encoding_.axioms()[a].literal);
    const z3::check_result r = solver_.check(assumptions);
    ++solver_calls_;
    if (r == z3::sat) return Outcome::kSat;
    if (r == z3::unknown) {
      limit_reason_ = solver_.reason_unknown();
      return Outcome::kUnknown;
    }
    if (core_entries != nullptr) {
      core_entries->clear();
      core_axioms->clear();
      const z3::expr_vector core = solver_.unsat_core();
      for (const z3::expr& lit : core) {
        auto e = entry_of_.find(lit.id());
        if (e != entry_of_.end()) core_entries->push_back(e->second);
        auto a = axiom_of_.find(lit.id());
        if (a != axiom_of_.end()) core_axioms->push_back(a->second);
      }
      std::sort(core_entries->begin(), core_entries->end());
      std::sort(core_axioms->begin(), core_axioms->end());
    }
    return Outcome::kUnsat;
  }

  // Deletion-based shrinking. A member stays when the set without it is
  // satisfiable; when that check is unknown the result is not proved minimal.
  FoundConflict Shrink(std::vector<int> current) {
    FoundConflict out{{}, {}, true};
    std::vector<int> core_entries, core_axioms;
    for (size_t i = 0; i < current.size();) {
      std::vector<int> candidate = current;
      candidate.erase(candidate.begin() + static_cast<long>(i));
      const Outcome r =
          Solve(candidate, all_axioms_, &core_entries, &core_axioms);
      if (r == Outcome::kUnsat) {
        // The new core is a subset of the candidate; members before i were
        // already shown necessary and stay in it.
        current = core_entries;
      } else {
        if (r == Outcome::kUnknown) out.is_minimal = false;
        ++i;
      }
    }
    out.entries = current;
    // The background facts this conflict needs, for its explanation.
    if (Solve(current, all_axioms_, &core_entries, &core_axioms) ==
        Outcome::kUnsat) {
      std::vector<int> axioms = core_axioms;
      for (size_t i = 0; i < axioms.size();) {
        std::vector<int> candidate = axioms;
        candidate.erase(candidate.begin() + static_cast<long>(i));
        if (Solve(current, candidate, nullptr, nullptr) == Outcome::kUnsat) {
          axioms = candidate;
        } else {
          ++i;
        }
      }
      out.axioms = axioms;
    } else {
      out.is_minimal = false;
    }
    return out;
  }

  void Report(const std::vector<FoundConflict>& found, bool truncated,
              CheckReport& report) {
    const ClaimSet& set = request_.claims();
    absl::flat_hash_map<int, ClaimResult*> result_of;  // by claim index
    for (int i = 0; i < report.claims_size(); ++i) {
      result_of[i] = report.mutable_claims(i);
    }
    for (size_t c = 0; c < found.size(); ++c) {
      Conflict& conflict = *report.add_conflicts();
      conflict.set_is_minimal(found[c].is_minimal);
      std::vector<ExplainedMember> explained;
      for (int e : found[c].entries) {
        const Claim& claim = set.claims(entries_[e].index);
        const Source& source = encoding_.source(claim.provenance().source());
        ConflictMember& m = *conflict.add_members();
        m.set_claim_id(claim.id());
        m.set_source_id(source.id());
        m.set_source_title(source.title());
        m.set_quote(claim.provenance().quote());
        m.set_begin(claim.provenance().begin());
        m.set_end(claim.provenance().end());
        m.set_reliability(Reliability(e));
        m.set_forces(entries_[e].encoded.forces);
        explained.push_back({claim.id(), &entries_[e].encoded});
        ClaimResult* r = result_of[entries_[e].index];
        r->set_status(CLAIM_STATUS_IN_CONFLICT);
        r->add_conflicts(static_cast<int>(c));
      }
      std::vector<const Axiom*> axioms;
      for (int a : found[c].axioms) axioms.push_back(&encoding_.axioms()[a]);
      conflict.set_explanation(Explain(explained, axioms, encoding_));
    }
    report.set_conflicts_truncated(truncated);
    const bool unknown = !limit_reason_.empty();
    if (unknown) {
      report.set_limit(LimitFromReason(limit_reason_));
      report.set_limit_detail(limit_reason_);
    }
    for (const Entry& entry : entries_) {
      ClaimResult* r = result_of[entry.index];
      if (r->status() == CLAIM_STATUS_IN_CONFLICT) continue;
      if (unknown) {
        r->set_status(CLAIM_STATUS_UNCHECKED);
        r->set_detail(absl::StrCat("solver limit hit: ", limit_reason_));
      } else if (truncated) {
        r->set_status(CLAIM_STATUS_UNCHECKED);
        r->set_detail("the conflict search stopped at max_conflicts");
      } else {
        r->set_status(CLAIM_STATUS_CONSISTENT);
      }
    }
    if (!found.empty()) {
      report.set_verdict(VERDICT_INCONSISTENT);
    } else if (unknown || truncated) {
      report.set_verdict(VERDICT_UNKNOWN);
    } else {
      report.set_verdict(VERDICT_CONSISTENT);
    }
  }

  const CheckRequest& request_;
  z3::context& ctx_;
  Encoding& encoding_;
  std::vector<Entry>& entries_;
  z3::solver solver_;
  absl::flat_hash_map<unsigned, int> entry_of_;
  absl::flat_hash_map<unsigned, int> axiom_of_;
  std::vector<int> all_axioms_;
  std::string limit_reason_;
  int solver_calls_ = 0;
};

bool IsClaimIssue(const Issue& issue) {
  return !absl::StartsWith(issue.field(), "source.") &&
         !absl::StartsWith(issue.field(), "event.") &&
         !absl::StartsWith(issue.field(), "measure.") &&
         !absl::StartsWith(issue.field(), "options.");
}

void ReportInvalid(const CheckRequest& request, std::vector<Issue> issues,
                   CheckReport& report) {
  report.set_verdict(VERDICT_INVALID_INPUT);
  absl::flat_hash_map<std::string, std::string> first_issue;
  for (const Issue& issue : issues) {
    if (IsClaimIssue(issue) && !first_issue.contains(issue.claim_id())) {
      first_issue[issue.claim_id()] =
          absl::StrCat(issue.field(), ": ", issue.message());
    }
  }
  const ClaimSet& set = request.claims();
  for (int i = 0; i < set.claims_size(); ++i) {
    ClaimResult& r = *report.mutable_claims(i);
    const std::string& key =
        set.claims(i).id().empty() ? absl::StrCat("#", i + 1) : set.claims(i).id();
    auto it = first_issue.find(key);
    if (it != first_issue.end()) {
      r.set_status(CLAIM_STATUS_INVALID);
      r.set_detail(it->second);
    } else {
      r.set_status(CLAIM_STATUS_UNCHECKED);
      r.set_detail("not checked: the input has errors");
    }
  }
  for (Issue& issue : issues) *report.add_issues() = std::move(issue);
}

}  // namespace

absl::StatusOr<CheckReport> Check(const CheckRequest& request) {
  CheckReport report;
  const ClaimSet& set = request.claims();
  for (const Claim& claim : set.claims()) {
    report.add_claims()->set_claim_id(claim.id());
  }
  std::vector<Issue> issues = ValidateRequest(request);
  if (!issues.empty()) {
    ReportInvalid(request, std::move(issues), report);
    return report;
  }
  try {
    z3::context ctx;
    Encoding encoding(ctx, request);
    std::vector<Entry> entries;
    for (int i = 0; i < set.claims_size(); ++i) {
      const Claim& claim = set.claims(i);
      std::optional<Encoded> encoded = EncodeClaim(claim, encoding);
      if (!encoded.has_value()) {
        ClaimResult& r = *report.mutable_claims(i);
        r.set_status(CLAIM_STATUS_UNCHECKED);
        r.set_detail(absl::StrCat("claims of kind '", KindName(claim),
                                  "' are not encoded yet; not checked"));
        Issue& issue = *report.add_issues();
        issue.set_severity(SEVERITY_WARNING);
        issue.set_claim_id(claim.id());
        issue.set_field(KindName(claim));
        issue.set_message(r.detail());
        continue;
      }
      entries.push_back(
          {i, ctx.bool_const(absl::StrCat("claim!", i).c_str()), *encoded});
    }
    Search search(request, ctx, encoding, entries);
    search.Run(report);
  } catch (const z3::exception& e) {
    return absl::InternalError(absl::StrCat("Z3 failed: ", e.msg()));
  }
  return report;
}

}  // namespace claimcheck

#include "solver/checker.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "claims/fill.h"
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

// Z3 4.8.12 reports an exhausted rlimit as "canceled", like an interrupt, so
// the limit is told apart by what was configured and how long the call took.
Limit ClassifyLimit(const std::string& reason, const Limits& limits,
                    absl::Duration elapsed) {
  const bool timed_out =
      limits.timeout_ms() > 0 &&
      elapsed >= absl::Milliseconds(limits.timeout_ms());
  if (absl::StrContains(reason, "timeout") || timed_out) return LIMIT_TIMEOUT;
  if (absl::StrContains(reason, "resource") ||
      absl::StrContains(reason, "rlimit")) {
    return LIMIT_RLIMIT;
  }
  if (absl::StrContains(reason, "cancel")) {
    return limits.rlimit() > 0 ? LIMIT_RLIMIT : LIMIT_CANCELLED;
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
    // Assert every atom as relevant: on the seed corpus the satisfiable
    // checks of large components ran 2-20x faster (measured with Z3 4.8.12);
    // a heuristic only, sound and complete either way.
    params.set("relevancy", 0u);
    solver_.set(params);
    for (const z3::expr& h : encoding.hard()) solver_.add(h);
    for (size_t i = 0; i < entries.size(); ++i) {
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
    std::vector<FoundConflict> found;
    for (const std::vector<int>& component : Components()) {
      std::vector<int> active = component;
      while (true) {
        std::vector<int> core_entries, core_axioms;
        const Outcome outcome =
            Solve(active, all_axioms_, &core_entries, &core_axioms);
        if (outcome == Outcome::kSat) break;
        if (outcome == Outcome::kUnknown) {
          // This component is unknown on its own; the rest of the report
          // stands.
          for (int e : active) unknown_.insert(e);
          break;
        }
        if (static_cast<int>(found.size()) >= max_conflicts) {
          for (int e : active) truncated_.insert(e);
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
    }
    // Report conflicts in input order of their members, whatever order the
    // components and the solver's cores came in.
    std::sort(found.begin(), found.end(),
              [](const FoundConflict& a, const FoundConflict& b) {
                return a.entries < b.entries;
              });
    Report(found, report);
  }

 private:
  // Claims that share no variable, directly or through other claims or
  // background facts, are checked apart: Z3's integer search degrades on
  // unions of unrelated problems. Union-find over the uninterpreted
  // constants each claim's formula mentions. Components come in input order
  // of their first claim.
  std::vector<std::vector<int>> Components() const {
    std::vector<int> parent(entries_.size());
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
    std::function<int(int)> find = [&](int x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    auto unite = [&](int a, int b) {
      a = find(a);
      b = find(b);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    };
    // Measures related by a background fact belong together.
    absl::flat_hash_map<std::string, std::string> alias;
    for (const Axiom& a : encoding_.axioms()) {
      if (!a.lhs.empty()) alias["value!" + a.rhs] = "value!" + a.lhs;
    }
    auto canonical = [&](std::string name) {
      for (auto it = alias.find(name); it != alias.end(); it = alias.find(name)) {
        name = it->second;
      }
      return name;
    };
    absl::flat_hash_map<std::string, int> owner;
    for (size_t i = 0; i < entries_.size(); ++i) {
      absl::flat_hash_set<std::string> names;
      absl::flat_hash_set<unsigned> seen;
      CollectConstants(entries_[i].encoded.constraint, names, seen);
      for (const z3::expr& d : entries_[i].encoded.definitions) {
        CollectConstants(d, names, seen);
      }
      for (const std::string& name : names) {
        auto [it, inserted] = owner.emplace(canonical(name), static_cast<int>(i));
        if (!inserted) unite(static_cast<int>(i), it->second);
      }
    }
    std::vector<std::vector<int>> components;
    absl::flat_hash_map<int, size_t> index_of_root;
    for (size_t i = 0; i < entries_.size(); ++i) {
      const int root = find(static_cast<int>(i));
      auto [it, inserted] = index_of_root.emplace(root, components.size());
      if (inserted) components.emplace_back();
      components[it->second].push_back(static_cast<int>(i));
    }
    return components;
  }

  static void CollectConstants(const z3::expr& e,
                               absl::flat_hash_set<std::string>& names,
                               absl::flat_hash_set<unsigned>& seen) {
    if (!seen.insert(e.id()).second || !e.is_app()) return;
    if (e.is_const() && !e.is_numeral() && !e.is_true() && !e.is_false()) {
      names.insert(e.decl().name().str());
      return;
    }
    for (unsigned i = 0; i < e.num_args(); ++i) {
      CollectConstants(e.arg(i), names, seen);
    }
  }

  double Reliability(int entry) const {
    const std::string& source =
        request_.claims().claims(entries_[entry].index).provenance().source();
    const Source& s = encoding_.source(source);
    return s.has_reliability() ? s.reliability() : 1.0;
  }

  // Checks the given claims under the given background facts. Only the
  // claims checked are asserted (in a push/pop scope): the integer structure
  // of claims outside the check must not slow it down.
  Outcome Solve(const std::vector<int>& entries, const std::vector<int>& axioms,
                std::vector<int>* core_entries, std::vector<int>* core_axioms) {
    z3::expr_vector assumptions(ctx_);
    solver_.push();
    absl::flat_hash_set<unsigned> defined;
    for (int e : entries) {
      for (const z3::expr& d : entries_[e].encoded.definitions) {
        if (defined.insert(d.id()).second) solver_.add(d);
      }
      solver_.add(z3::implies(entries_[e].literal, entries_[e].encoded.constraint));
      assumptions.push_back(entries_[e].literal);
    }
    for (int a : axioms) assumptions.push_back(encoding_.axioms()[a].literal);
    const absl::Time start = absl::Now();
    const z3::check_result r = solver_.check(assumptions);
    ++solver_calls_;
    struct PopOnExit {
      z3::solver& s;
      ~PopOnExit() { s.pop(); }
    } pop{solver_};
    if (r == z3::sat) return Outcome::kSat;
    if (r == z3::unknown) {
      limit_reason_ = solver_.reason_unknown();
      limit_ = ClassifyLimit(limit_reason_, request_.options().limits(),
                             absl::Now() - start);
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

  void Report(const std::vector<FoundConflict>& found, CheckReport& report) {
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
    const bool truncated = !truncated_.empty();
    const bool unknown = !unknown_.empty();
    report.set_conflicts_truncated(truncated);
    if (unknown) {
      report.set_limit(limit_);
      report.set_limit_detail(limit_reason_);
    }
    for (size_t e = 0; e < entries_.size(); ++e) {
      ClaimResult* r = result_of[entries_[e].index];
      if (r->status() == CLAIM_STATUS_IN_CONFLICT) continue;
      if (unknown_.contains(static_cast<int>(e))) {
        r->set_status(CLAIM_STATUS_UNCHECKED);
        r->set_detail(absl::StrCat("solver limit hit: ", limit_reason_));
      } else if (truncated_.contains(static_cast<int>(e))) {
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
  Limit limit_ = LIMIT_UNSPECIFIED;
  // Entries left unchecked by a limit or by max_conflicts.
  absl::flat_hash_set<int> unknown_;
  absl::flat_hash_set<int> truncated_;
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
    if (issue.severity() == SEVERITY_ERROR && IsClaimIssue(issue) &&
        !first_issue.contains(issue.claim_id())) {
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

absl::StatusOr<CheckReport> Check(const CheckRequest& original) {
  // Phrases given instead of values are read first (claims/fill.h).
  CheckRequest filled = original;
  std::vector<Issue> read = FillPhrases(*filled.mutable_claims());
  const CheckRequest& request = read.empty() ? original : filled;
  CheckReport report;
  const ClaimSet& set = request.claims();
  for (const Claim& claim : set.claims()) {
    report.add_claims()->set_claim_id(claim.id());
  }
  std::vector<Issue> issues = ValidateRequest(request);
  bool read_failed = false;
  for (const Issue& issue : read) {
    read_failed |= issue.severity() == SEVERITY_ERROR;
  }
  if (!issues.empty() || read_failed) {
    issues.insert(issues.begin(), read.begin(), read.end());
    ReportInvalid(request, std::move(issues), report);
    return report;
  }
  for (Issue& issue : read) *report.add_issues() = std::move(issue);
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

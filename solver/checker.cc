#include "solver/checker.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "claims/fill.h"
#include "claims/parallel.h"
#include "claims/validate.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "solver/check_internal.h"
#include "solver/diagnosis/derive.h"
#include "solver/diagnosis/enumerate.h"
#include "solver/diagnosis/repair.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "solver/explain.h"
#include "solver/fast_path.h"
#include "solver/merge.h"
#include "solver/oracle.h"
#include "solver/split.h"
#include "solver/stopper.h"
#include "z3++.h"

namespace claimcheck {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

int MaxRepairs(const CheckOptions& options) {
  return options.diagnosis().max_repairs() == 0
             ? kDefaultMaxRepairs
             : options.diagnosis().max_repairs();
}

int ThreadsOf(const CheckOptions& options) {
  return options.threads() > 0 ? options.threads() : DefaultThreads();
}

CheckReport EmptyReportFor(const CheckRequest& request) {
  CheckReport report;
  for (const Claim& claim : request.claims().claims()) {
    report.add_claims()->set_claim_id(claim.id());
  }
  return report;
}

namespace {

std::string StoppedDetail(Stopper& stopper) {
  return absl::StrCat("not settled before the check was stopped: ",
                      stopper.Reason());
}

// The diagnosis of the encoded claims: every minimal conflict of every
// component (solver/diagnosis/enumerate.h), the cheapest repairs
// (repair.h), and the bounds the consistent claims imply (derive.h).
class Diagnoser {
 public:
  Diagnoser(const CheckRequest& request, z3::context& ctx, Encoding& encoding,
            const std::vector<Entry>& entries, Stopper& stopper,
            absl::Time diagnosis_end)
      : request_(request),
        encoding_(encoding),
        entries_(entries),
        oracle_(request, ctx, encoding, entries),
        stopper_(stopper),
        deadline_(diagnosis_end, &stopper) {
    oracle_.SetStopper(&stopper);
  }

  void Run(CheckReport& report) {
    const CheckOptions& options = request_.options();
    const int max_conflicts = options.limits().max_conflicts() > 0
                                  ? options.limits().max_conflicts()
                                  : kDefaultMaxConflicts;
    const EnumerationLimits enumeration{
        max_conflicts,
        options.limits().max_subsets_explored() > 0
            ? options.limits().max_subsets_explored()
            : kDefaultMaxSubsetsExplored,
        &deadline_};
    // First every component to a verdict, then the overlapping conflicts
    // with what budget is left.
    struct Searched {
      std::vector<int> component;
      std::vector<int> kept;
      std::vector<int> own;  // indices into `found`
      Enumeration state;
    };
    std::vector<MinimalSet> found;
    std::vector<Searched> searched;
    for (std::vector<int>& component : oracle_.Components()) {
      Searched s{std::move(component), {}, {}, {}};
      const size_t before = found.size();
      s.state = CoverConflicts(oracle_, s.component, enumeration, found, s.kept);
      for (size_t i = before; i < found.size(); ++i) {
        s.own.push_back(static_cast<int>(i));
      }
      searched.push_back(std::move(s));
    }
    std::vector<std::vector<int>> inconsistent;
    for (Searched& s : searched) {
      const size_t before = found.size();
      ExtendConflicts(oracle_, s.component, s.kept, s.own, enumeration, found,
                      s.state);
      if (!s.own.empty() || found.size() > before) {
        inconsistent.push_back(s.component);
      }
      if (!s.state.complete) conflicts_truncated_ = true;
      limit_hit_ |= s.state.unknown;
      if (s.state.covered) continue;
      for (int e : s.component) {
        (s.state.unknown ? unknown_ : truncated_).insert(e);
      }
    }
    // Conflicts in input order of their members, whatever order the
    // components and the solver's cores came in.
    std::sort(found.begin(), found.end(),
              [](const MinimalSet& a, const MinimalSet& b) {
                return a.entries < b.entries;
              });
    ReportConflicts(found, report);

    const int max_repairs = MaxRepairs(options);
    std::vector<FoundRepair> repairs;
    if (!FindRepairs(oracle_, inconsistent, found, max_repairs, deadline_,
                     repairs)) {
      report.set_repairs_truncated(true);
    }
    for (const FoundRepair& r : repairs) {
      Repair& out = *report.add_repairs();
      for (int e : r.entries) out.add_claim_ids(oracle_.ClaimId(e));
      out.set_cost(r.cost);
      out.set_verified(r.verified);
    }

    std::vector<int> consistent;
    for (size_t e = 0; e < entries_.size(); ++e) {
      if (report.claims(entries_[e].index).status() == CLAIM_STATUS_CONSISTENT) {
        consistent.push_back(static_cast<int>(e));
      }
    }
    std::vector<std::string> subjects(options.diagnosis().derive().begin(),
                                      options.diagnosis().derive().end());
    if (options.diagnosis().derive_all()) {
      subjects = ConstrainedSubjects(oracle_, request_.claims(), consistent);
    }
    for (DerivedFact& fact : Derive(oracle_, consistent, subjects, deadline_)) {
      *report.add_derived() = std::move(fact);
    }
  }

 private:
  void ReportConflicts(const std::vector<MinimalSet>& found,
                       CheckReport& report) {
    const ClaimSet& set = request_.claims();
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
        m.set_reliability(oracle_.Reliability(e));
        m.set_forces(entries_[e].encoded.forces);
        explained.push_back({claim.id(), &entries_[e].encoded});
        ClaimResult& r = *report.mutable_claims(entries_[e].index);
        r.set_status(CLAIM_STATUS_IN_CONFLICT);
        r.add_conflicts(static_cast<int>(c));
      }
      std::vector<const Axiom*> axioms;
      for (int a : found[c].axioms) axioms.push_back(&encoding_.axioms()[a]);
      conflict.set_explanation(Explain(explained, axioms, encoding_));
    }
    const bool truncated = !truncated_.empty();
    const bool unknown = !unknown_.empty();
    report.set_conflicts_truncated(conflicts_truncated_);
    // Set by any component a limit stopped, whether or not its claims were
    // all shown consistent first (unknown_ holds only the latter's).
    if (limit_hit_) {
      report.set_limit(oracle_.limit());
      report.set_limit_detail(oracle_.limit_reason());
    }
    for (size_t e = 0; e < entries_.size(); ++e) {
      ClaimResult& r = *report.mutable_claims(entries_[e].index);
      if (r.status() == CLAIM_STATUS_IN_CONFLICT) continue;
      if (unknown_.contains(static_cast<int>(e))) {
        r.set_status(CLAIM_STATUS_UNCHECKED);
        r.set_detail(absl::StrCat("solver limit hit: ", oracle_.limit_reason()));
      } else if (truncated_.contains(static_cast<int>(e))) {
        r.set_status(CLAIM_STATUS_UNCHECKED);
        r.set_detail(
            stopper_.Stopped() != LIMIT_UNSPECIFIED
                ? StoppedDetail(stopper_)
                : "the conflict search stopped at max_conflicts or diagnosis_ms");
      } else {
        r.set_status(CLAIM_STATUS_CONSISTENT);
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
  Encoding& encoding_;
  const std::vector<Entry>& entries_;
  Oracle oracle_;
  Stopper& stopper_;
  Deadline deadline_;
  // Entries left unchecked by a limit, or by max_conflicts / diagnosis_ms.
  absl::flat_hash_set<int> unknown_;
  absl::flat_hash_set<int> truncated_;
  bool conflicts_truncated_ = false;
  bool limit_hit_ = false;
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

// A Z3 call outside the oracle (an optimizer, the map of the conflict
// search) that an interrupt stopped can fail instead of answering unknown;
// then nothing of the diagnosis is kept. `encoded`: by claim, whether it
// was encoded (the others keep their UNCHECKED detail).
void ReportStoppedFailure(Stopper& stopper, const std::vector<bool>& encoded,
                          CheckReport& report) {
  report.clear_conflicts();
  report.clear_repairs();
  report.clear_derived();
  report.set_conflicts_truncated(true);
  report.set_verdict(VERDICT_UNKNOWN);
  for (int i = 0; i < report.claims_size(); ++i) {
    if (!encoded[i]) continue;
    ClaimResult& r = *report.mutable_claims(i);
    r.clear_conflicts();
    r.set_status(CLAIM_STATUS_UNCHECKED);
    r.set_detail(StoppedDetail(stopper));
  }
}

// The Z3 part of a check, on a validated request whose report lists its
// claims: one diagnosis, in `ctx` (which earlier parts of its batch may have
// used; see CheckParts).
absl::Status CheckWithZ3(const CheckRequest& request, const CheckControl& control,
                         absl::Time diagnosis_end, z3::context& ctx,
                         CheckReport& report) {
  const ClaimSet& set = request.claims();
  try {
    Stopper stopper(control, ctx);
    std::vector<bool> encoded_claims(set.claims_size(), false);
    try {
      Encoding encoding(ctx, request);
      std::vector<Entry> entries;
      for (int i = 0; i < set.claims_size(); ++i) {
        const Claim& claim = set.claims(i);
        std::optional<Encoded> encoded = EncodeClaim(claim, encoding);
        encoded_claims[i] = encoded.has_value();
        if (!encoded.has_value()) {
          ReportUnencoded(claim, *report.mutable_claims(i), report);
          continue;
        }
        entries.push_back(
            {i, ctx.bool_const(absl::StrCat("claim!", i).c_str()), *encoded});
      }
      Diagnoser diagnoser(request, ctx, encoding, entries, stopper,
                          diagnosis_end);
      diagnoser.Run(report);
    } catch (const z3::exception&) {
      if (stopper.Stopped() == LIMIT_UNSPECIFIED) throw;
      ReportStoppedFailure(stopper, encoded_claims, report);
    }
    // Whatever part of the check the stop cut short, the report names it.
    if (stopper.Stopped() != LIMIT_UNSPECIFIED) {
      report.set_limit(stopper.Stopped());
      report.set_limit_detail(stopper.Reason());
    }
  } catch (const z3::exception& e) {
    return absl::InternalError(absl::StrCat("Z3 failed: ", e.msg()));
  }
  return absl::OkStatus();
}

// The cache key of a part: its request, serialized deterministically.
std::string KeyOf(const CheckRequest& request) {
  std::string key;
  {
    google::protobuf::io::StringOutputStream stream(&key);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&out);
  }
  return key;
}

// Whether a part's report is a function of its request: nothing was cut
// short by a limit, a stop or the diagnosis budget.
bool Reusable(const CheckReport& report) {
  if (report.limit() != LIMIT_UNSPECIFIED || report.repairs_truncated()) {
    return false;
  }
  for (const ClaimResult& r : report.claims()) {
    if (r.status() == CLAIM_STATUS_UNCHECKED) return false;
  }
  for (const DerivedFact& d : report.derived()) {
    if (!d.complete()) return false;
  }
  return true;
}

// Parts per shared Z3 context, and claims: a larger part gets one alone.
// (SetZ3BatchForTesting changes them.)
std::atomic<int> batch_parts{kZ3BatchParts};
std::atomic<int> batch_claims{kZ3BatchClaims};

}  // namespace

absl::Status CheckSplit(const Split& split, int threads,
                        const CheckControl& control, absl::Time diagnosis_end,
                        PartCache* cache, CheckStats& stats,
                        std::vector<CheckReport>& reports,
                        std::vector<std::string>& keys) {
  const int n = static_cast<int>(split.parts.size());
  stats.parts += n;
  reports.assign(n, CheckReport());
  std::vector<absl::Status> status(n);
  keys.assign(n, "");
  std::vector<int> to_check;
  for (int p = 0; p < n; ++p) {
    if (cache != nullptr) {
      keys[p] = KeyOf(split.parts[p].request);
      if (const CheckReport* hit = cache->Find(keys[p]); hit != nullptr) {
        reports[p] = *hit;
        stats.parts_reused += 1;
        continue;
      }
    }
    to_check.push_back(p);
  }
  stats.parts_checked += static_cast<int>(to_check.size());
  // Small parts share a Z3 context, a batch of consecutive ones at a time:
  // making and deleting a context cost more than checking a part of a few
  // claims (on 40,000 claims with 1% of them in 2-claim parts that need Z3,
  // Z3_mk_context and Z3_del_context took 27% of the check). The batches
  // depend on the parts alone, never on the thread count, so the report
  // does not either; a part's report may depend on the parts before it in
  // its batch only where Z3 may answer either way (which of several cores
  // it returns first), never in a verdict.
  std::vector<std::pair<int, int>> batches;  // [begin, end) in to_check
  for (int k = 0, claims = 0; k < static_cast<int>(to_check.size()); ++k) {
    const int size = split.parts[to_check[k]].request.claims().claims_size();
    if (batches.empty() || batches.back().second - batches.back().first >=
                               batch_parts ||
        claims + size > batch_claims) {
      batches.push_back({k, k});
      claims = 0;
    }
    batches.back().second = k + 1;
    claims += size;
  }
  ParallelFor(static_cast<int>(batches.size()), threads, [&](int b) {
    z3::context ctx;
    for (int k = batches[b].first; k < batches[b].second; ++k) {
      const int p = to_check[k];
      reports[p] = EmptyReportFor(split.parts[p].request);
      status[p] = CheckWithZ3(split.parts[p].request, control, diagnosis_end,
                              ctx, reports[p]);
    }
  });
  for (int p : to_check) {
    if (!status[p].ok()) return status[p];
    if (cache != nullptr && Reusable(reports[p])) cache->Store(keys[p], reports[p]);
  }
  return absl::OkStatus();
}

namespace {

// The Z3 part of a check: its independent parts (solver/split.h), each
// checked on its own, on up to options.threads threads, and merged
// (solver/merge.h). Taken from and stored in `cache` when it is not null.
absl::Status CheckParts(const CheckRequest& request, const CheckControl& control,
                        absl::Time diagnosis_end, PartCache* cache,
                        CheckStats& stats, CheckReport& report) {
  const std::string whole_key = cache != nullptr ? KeyOf(request) : "";
  if (cache != nullptr) {
    if (const CheckReport* hit = cache->Find(whole_key); hit != nullptr) {
      report = *hit;
      stats.parts += 1;
      stats.parts_reused += 1;
      return absl::OkStatus();
    }
  }
  Split split;
  try {
    split = SplitIndependent(request);
  } catch (const z3::exception& e) {
    return absl::InternalError(absl::StrCat("Z3 failed: ", e.msg()));
  }
  if (split.parts.size() <= 1) {
    stats.parts += 1;
    stats.parts_checked += 1;
    z3::context ctx;
    if (absl::Status s =
            CheckWithZ3(request, control, diagnosis_end, ctx, report);
        !s.ok()) {
      return s;
    }
    if (cache != nullptr && Reusable(report)) cache->Store(whole_key, report);
    return absl::OkStatus();
  }
  std::vector<CheckReport> reports;
  std::vector<std::string> keys;
  if (absl::Status s = CheckSplit(split, ThreadsOf(request.options()), control,
                                  diagnosis_end, cache, stats, reports, keys);
      !s.ok()) {
    return s;
  }
  MergeParts(request, split, MaxRepairs(request.options()), reports, report);
  return absl::OkStatus();
}

}  // namespace

void SetZ3BatchForTesting(int parts, int claims) {
  batch_parts = parts;
  batch_claims = claims;
}

const CheckReport* PartCache::Find(const std::string& key) {
  auto it = reports_.find(key);
  if (it == reports_.end()) return nullptr;
  used_.insert(key);
  return &it->second;
}

void PartCache::Store(const std::string& key, const CheckReport& report) {
  reports_[key] = report;
  used_.insert(key);
}

void PartCache::EndGeneration() {
  absl::erase_if(reports_, [&](const auto& entry) {
    return !used_.contains(entry.first);
  });
  used_.clear();
}

CheckRequest RestOf(const CheckRequest& request, const FastPathResult& fast) {
  const ClaimSet& set = request.claims();
  CheckRequest rest;
  *rest.mutable_options() = request.options();
  *rest.mutable_claims()->mutable_sources() = set.sources();
  // Without the events and measures of decided groups: on a large corpus
  // they would be most of the rest's encoding.
  for (int i = 0; i < set.events_size(); ++i) {
    if (!fast.event_decided[i]) *rest.mutable_claims()->add_events() = set.events(i);
  }
  for (int i = 0; i < set.measures_size(); ++i) {
    if (!fast.measure_decided[i]) {
      *rest.mutable_claims()->add_measures() = set.measures(i);
    }
  }
  for (int i = 0; i < set.claims_size(); ++i) {
    if (!fast.decided[i]) *rest.mutable_claims()->add_claims() = set.claims(i);
  }
  return rest;
}

void Stitch(const ClaimSet& set, const std::vector<bool>& decided,
            std::vector<Issue> read, CheckReport& merged) {
  // The rest's claims, then every claim in input order.
  std::vector<ClaimResult> rest_results(
      std::make_move_iterator(merged.mutable_claims()->begin()),
      std::make_move_iterator(merged.mutable_claims()->end()));
  merged.clear_claims();
  size_t next = 0;
  for (int i = 0; i < set.claims_size(); ++i) {
    if (decided[i]) {
      ClaimResult& r = *merged.add_claims();
      r.set_claim_id(set.claims(i).id());
      r.set_status(CLAIM_STATUS_CONSISTENT);
    } else {
      *merged.add_claims() = std::move(rest_results[next++]);
    }
  }
  std::vector<Issue> rest_issues(
      std::make_move_iterator(merged.mutable_issues()->begin()),
      std::make_move_iterator(merged.mutable_issues()->end()));
  merged.clear_issues();
  for (Issue& issue : read) *merged.add_issues() = std::move(issue);
  for (Issue& issue : rest_issues) *merged.add_issues() = std::move(issue);
}

absl::StatusOr<CheckReport> Check(const CheckRequest& request) {
  return CheckWith(request, CheckControl{}, nullptr, nullptr);
}

absl::StatusOr<CheckReport> Check(const CheckRequest& request,
                                  const CheckControl& control) {
  return CheckWith(request, control, nullptr, nullptr);
}

absl::StatusOr<CheckReport> CheckWith(const CheckRequest& original,
                                      const CheckControl& control,
                                      PartCache* cache, CheckStats* stats_out) {
  CheckStats unused;
  CheckStats& stats = stats_out != nullptr ? *stats_out : unused;
  stats = CheckStats{};
  // Phrases given instead of values are read first (claims/fill.h), in a
  // copy of the request; most requests have none and are not copied (on
  // 40,000 claims, copying and walking them took 26 ms of a 130 ms check).
  std::optional<CheckRequest> filled;
  std::vector<Issue> read;
  if (HasPhrases(original.claims())) {
    filled = original;
    read = FillPhrases(*filled->mutable_claims());
  }
  const CheckRequest& request = filled.has_value() ? *filled : original;
  const ClaimSet& set = request.claims();
  std::vector<Issue> issues = ValidateRequest(request);
  bool read_failed = false;
  for (const Issue& issue : read) {
    read_failed |= issue.severity() == SEVERITY_ERROR;
  }
  if (!issues.empty() || read_failed) {
    CheckReport report = EmptyReportFor(request);
    issues.insert(issues.begin(), read.begin(), read.end());
    ReportInvalid(request, std::move(issues), report);
    return report;
  }
  const int64_t diagnosis_ms = request.options().limits().diagnosis_ms();
  const absl::Time diagnosis_end =
      diagnosis_ms > 0 ? absl::Now() + absl::Milliseconds(diagnosis_ms)
                       : absl::InfiniteFuture();
  // Groups the fast path shows consistent need no Z3; the rest is checked
  // as a request of its own, its report merged back in input order.
  // A check whose deadline passed before it began decides nothing.
  const bool expired = absl::Now() >= control.deadline;
  const FastPathResult fast =
      expired ? FastPathResult{} : DecideSimpleGroups(request);
  stats.fast_path_groups = fast.groups_decided;
  if (fast.groups_decided == 0) {
    CheckReport z3_report = EmptyReportFor(request);
    if (absl::Status s = CheckParts(request, control, diagnosis_end, cache,
                                    stats, z3_report);
        !s.ok()) {
      return s;
    }
    std::vector<Issue> z3_issues(z3_report.issues().begin(),
                                 z3_report.issues().end());
    z3_report.clear_issues();
    for (Issue& issue : read) *z3_report.add_issues() = std::move(issue);
    for (Issue& issue : z3_issues) *z3_report.add_issues() = std::move(issue);
    if (cache != nullptr) cache->EndGeneration();
    return z3_report;
  }
  const CheckRequest rest = RestOf(request, fast);
  CheckReport merged;
  if (rest.claims().claims_size() == 0) {
    merged.set_verdict(VERDICT_CONSISTENT);
  } else {
    merged = EmptyReportFor(rest);
    if (absl::Status s = CheckParts(rest, control, diagnosis_end, cache, stats,
                                    merged);
        !s.ok()) {
      return s;
    }
  }
  if (cache != nullptr) cache->EndGeneration();
  Stitch(set, fast.decided, std::move(read), merged);
  return merged;
}

}  // namespace claimcheck

// The check behind claimcheck::Check (checker.h), with what a session
// (session.h) and the benchmarks need besides: a cache of the reports of
// independent parts (solver/split.h), and counts of what the call did.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_CHECK_INTERNAL_H_
#define CLAIMCHECK_SOLVER_CHECK_INTERNAL_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "proto/claimcheck.pb.h"
#include "solver/check_control.h"
#include "solver/fast_path.h"
#include "solver/split.h"

namespace claimcheck {

// What one check did.
struct CheckStats {
  int fast_path_groups = 0;  // groups of claims decided without Z3
  int parts = 0;             // independent parts left to Z3
  int parts_checked = 0;     // of which checked with Z3 in this call
  int parts_reused = 0;      // of which taken from the cache
};

// Small parts of a check share a Z3 context, this many consecutive parts
// (and claims) at most per context.
constexpr int kZ3BatchParts = 64;
constexpr int kZ3BatchClaims = 128;
// For tests, which must cover batches of every size: from now on, in every
// check (kZ3BatchParts, kZ3BatchClaims restore the defaults).
void SetZ3BatchForTesting(int parts, int claims);

// Reports of parts, by their request. A part's report is a function of its
// request alone (its claims, their events, measures and sources, and the
// options) unless a wall-clock limit or a stop cut it short, and such
// reports are not stored. One proviso: where Z3 may answer either way (which
// of several minimal conflicts a core leads to first, which background facts
// an explanation names), the context a part shares with the parts before it
// in its batch may sway the answer, so a part re-checked in another batch
// can differ there; its verdict cannot. Used from one thread at a time.
class PartCache {
 public:
  const claimcheck::v1::CheckReport* Find(const std::string& key);
  void Store(const std::string& key, const claimcheck::v1::CheckReport& report);
  // Drops the entries neither found nor stored since the last call.
  void EndGeneration();
  size_t size() const { return reports_.size(); }

 private:
  absl::flat_hash_map<std::string, claimcheck::v1::CheckReport> reports_;
  absl::flat_hash_set<std::string> used_;
};

// The diagnosis's max_repairs with its default applied, and the threads a
// check uses (options.threads, 0: the machine's cores).
int MaxRepairs(const claimcheck::v1::CheckOptions& options);
int ThreadsOf(const claimcheck::v1::CheckOptions& options);

// A report listing the request's claims (ids only).
claimcheck::v1::CheckReport EmptyReportFor(
    const claimcheck::v1::CheckRequest& request);

// Checks each part of `split` with Z3 on its own (parts of a few claims
// share a context, in batches that depend on the parts alone), on up to
// `threads` threads: `reports` gets one report per part. With a cache, a
// part found there is not checked, a reusable report is stored, and `keys`
// gets each part's cache key (else empty strings).
absl::Status CheckSplit(const Split& split, int threads,
                        const CheckControl& control, absl::Time diagnosis_end,
                        PartCache* cache, CheckStats& stats,
                        std::vector<claimcheck::v1::CheckReport>& reports,
                        std::vector<std::string>& keys);

// The request of what the fast path left of `request`: the claims it did
// not decide, the events and measures outside its decided groups, every
// source, the options.
claimcheck::v1::CheckRequest RestOf(const claimcheck::v1::CheckRequest& request,
                                    const FastPathResult& fast);

// Makes `merged`, the report of a rest's claims (RestOf), the report of every
// claim of `set`: a decided claim consistent, the others' results in input
// order; the phrase readings `read` first among the issues.
void Stitch(const claimcheck::v1::ClaimSet& set, const std::vector<bool>& decided,
            std::vector<claimcheck::v1::Issue> read,
            claimcheck::v1::CheckReport& merged);

// Check(request, control), reusing and filling `cache` and counting into
// `stats` when they are not null.
absl::StatusOr<claimcheck::v1::CheckReport> CheckWith(
    const claimcheck::v1::CheckRequest& request, const CheckControl& control,
    PartCache* cache, CheckStats* stats);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_CHECK_INTERNAL_H_

// The public entry point of the claimcheck library.
//
//   claimcheck::v1::CheckRequest request = ...;
//   absl::StatusOr<claimcheck::v1::CheckReport> report =
//       claimcheck::Check(request);
//
// Domain outcomes are data in the report: CONSISTENT, INCONSISTENT (with
// every conflict found, each verified minimal), UNKNOWN (a limit was hit) and
// INVALID_INPUT (with every validation issue). A non-OK status means an
// internal failure only. Every input claim has an entry in report.claims.
//
// Thread-safe: each call builds its own Z3 contexts. Independent parts of
// one check run on up to options.threads threads (solver/split.h); the
// report does not depend on the count. For a corpus that grows, see
// session.h.
#ifndef CLAIMCHECK_SOLVER_CHECKER_H_
#define CLAIMCHECK_SOLVER_CHECKER_H_

#include "absl/status/statusor.h"
#include "proto/claimcheck.pb.h"
#include "solver/check_control.h"

namespace claimcheck {

// Default for Limits.max_conflicts when unset.
inline constexpr int kDefaultMaxConflicts = 16;
// Default for Limits.max_subsets_explored when unset.
inline constexpr int kDefaultMaxSubsetsExplored = 32;
// Default for Diagnosis.max_repairs when unset.
inline constexpr int kDefaultMaxRepairs = 3;

absl::StatusOr<claimcheck::v1::CheckReport> Check(
    const claimcheck::v1::CheckRequest& request);

// Check(request), stoppable by `control` (check_control.h): by a deadline
// (LIMIT_TIMEOUT) or a cancellation (LIMIT_CANCELLED). With a finite
// deadline or a `cancelled` callback the call runs one watcher thread beside
// its own; with neither it is Check(request).
absl::StatusOr<claimcheck::v1::CheckReport> Check(
    const claimcheck::v1::CheckRequest& request, const CheckControl& control);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_CHECKER_H_

// A brute-force reference for claim-set consistency, independent of solver/.
//
// The reference decides whether some assignment satisfies every claim of a
// set, by exhaustive search over finite domains:
//   - each event: start and end days (integers) and an `occurs` Boolean;
//   - each measure: a value on the grid of multiples of 1/24 in [-50, 50];
//   - each (market, entity) share: a value on the grid of multiples of 5/8
//     in [0, 100].
// Generated sets pin every event inside a window of days with a claim
// "w-<event>" and every measure inside [0, 10] with a claim "r-<measure>",
// so on a whole generated set the finite domains are exactly the solver's
// (days) or contain a solution whenever the reals do (values: every bound the
// generator writes lies on a grid coarse enough for chains of strict
// inequalities, sums and doublings; see generator.h).
// Subsets (conflicts with a member removed) may lack a window claim; then
// the event ranges over `RefOptions::universe`, six years either side of
// the windows: more than twice the longest distance the generator writes
// (at least three years), so chains of such distances fit too.
//
// The search is plain depth-first enumeration over bounds (branching on
// single values or halves), pruned only by sound bounds narrowing; every
// leaf is checked against the exact predicates below, so the answer is
// exact for the domains enumerated. The meaning implemented is the one the
// differential test's brief states (SEMANTICS.md, the proto comments).
#ifndef CLAIMCHECK_TESTS_DIFFERENTIAL_REFERENCE_H_
#define CLAIMCHECK_TESTS_DIFFERENTIAL_REFERENCE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claims/amount.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck::differential {

enum class RefVerdict {
  kConsistent,
  kInconsistent,
  kBudget,  // the node or time budget ran out before an answer
};

const char* RefVerdictName(RefVerdict v);

struct RefOptions {
  // The days event starts and ends range over.
  int64_t universe_first = 0;
  int64_t universe_last = 0;
  // Search nodes before giving up with kBudget.
  int64_t node_budget = 2'000'000;
  // Milliseconds of the calling thread's CPU time before giving up with
  // kBudget (0: no limit).
  // Propagation narrows a domain by a day a round on some cycles of
  // constraints, so a node can take seconds on a set without its window
  // claims: the node budget alone does not bound the time.
  int64_t time_budget_ms = 0;
};

// Measure values are multiples of 1 / kMeasureDen within +-kMeasureLimit.
inline constexpr int64_t kMeasureDen = 24;
inline constexpr int64_t kMeasureLimit = 50;
// Shares are multiples of kShareNum / kShareDen within [0, 100].
inline constexpr int64_t kShareNum = 5;
inline constexpr int64_t kShareDen = 8;

// Options for checking `full` and its subsets: the universe runs from 1
// January six years before the earliest window claim ("w-*") to 31 December
// six years after the latest.
RefOptions OptionsFor(const claimcheck::v1::CheckRequest& full);

// What makes the reference's domains the solver's on a whole generated set:
// every event has its window claim "w-<id>" (a hypothetical date claim
// `within`, inside the universe), every measure its range claim
// "r-<id>" (a quantity at most 10), every source a single publication day.
absl::Status CheckDomainAssumptions(const claimcheck::v1::CheckRequest& request,
                                    const RefOptions& options);

// Decides the request's claim set. Fails only on input the reference does
// not model (unknown ids, a source without a publication day, ...).
absl::StatusOr<RefVerdict> ReferenceCheck(
    const claimcheck::v1::CheckRequest& request, const RefOptions& options,
    int64_t* nodes = nullptr);

// --- Pieces exposed for the reference's own tests -------------------------

// The projection of a day on a gap unit: the day itself, the month index
// 12 * year + month - 1, or the calendar year.
int64_t ProjectDay(int64_t day, UnitKind unit);

// Gap(from [ff, fl], to [tf, tl]): fl < tf, and some a in [ff, fl] and b in
// [tf, tl] have P(b) - P(a) in [lo, hi] (absent ends unbounded). Loops over
// a; for each a the differences over b form a whole integer interval.
bool GapHolds(int64_t ff, int64_t fl, int64_t tf, int64_t tl, UnitKind unit,
              std::optional<int64_t> lo, std::optional<int64_t> hi);
// The same, by looping over every a and every b.
bool GapHoldsByPairs(int64_t ff, int64_t fl, int64_t tf, int64_t tl,
                     UnitKind unit, std::optional<int64_t> lo,
                     std::optional<int64_t> hi);

// The integers inside a value interval; nullopt ends are unbounded. Sets
// *empty when there are none.
struct IntSet {
  std::optional<int64_t> lo;
  std::optional<int64_t> hi;
  bool empty = false;
};
IntSet IntegersIn(const ValueInterval& interval);

// The grid indices g (value g * num / den) inside a value interval.
IntSet GridIn(const ValueInterval& interval, int64_t num, int64_t den);

}  // namespace claimcheck::differential

#endif  // CLAIMCHECK_TESTS_DIFFERENTIAL_REFERENCE_H_

// Every minimal conflict of a component, in two passes; the second
// MARCO-style (Liffiton et al.,
// "Fast, flexible MUS enumeration", 2016; Z3's examples/python/mus): a
// Boolean "map" over the component's claims keeps the subsets not yet
// explored; each seed it proposes is either grown to a maximal consistent
// subset (blocking its subsets) or shrunk to a minimal conflict (blocking its
// supersets), until the map is empty or a bound is hit.
#ifndef CLAIMCHECK_SOLVER_DIAGNOSIS_ENUMERATE_H_
#define CLAIMCHECK_SOLVER_DIAGNOSIS_ENUMERATE_H_

#include <vector>

#include "solver/oracle.h"

namespace claimcheck {

// How the search of one component ended.
struct Enumeration {
  // Every claim outside the conflicts found was shown consistent with the
  // rest of them (the first pass got through).
  bool covered = false;
  // Every minimal conflict of the component was found.
  bool complete = false;
  // A solver call hit a limit.
  bool unknown = false;
};

struct EnumerationLimits {
  int max_conflicts;         // in `found` as a whole
  int max_subsets_explored;  // per component, in the second pass
  const Deadline* deadline;
};

// The first pass over a component: conflict after conflict, setting aside
// the least reliable member of each, until the claims left (`kept`) are
// consistent. Every claim is then in a conflict found or shown consistent.
// Appends the conflicts to `found`.
Enumeration CoverConflicts(Oracle& oracle, const std::vector<int>& component,
                           const EnumerationLimits& limits,
                           std::vector<MinimalSet>& found,
                           std::vector<int>& kept);

// The second pass, after CoverConflicts of the component got through
// (`state.covered`): MARCO, seeded with the component's conflicts found so
// far (`own`, indices into `found`) and the consistent `kept`, for the
// conflicts that overlap them, within the limits. Its solver calls are
// bounded (Oracle::Effort::kBounded): a call that runs out counts as
// "not consistent" when growing a consistent subset (still sound), and ends
// the pass when shrinking. Deterministic for a given input.
void ExtendConflicts(Oracle& oracle, const std::vector<int>& component,
                     const std::vector<int>& kept, const std::vector<int>& own,
                     const EnumerationLimits& limits,
                     std::vector<MinimalSet>& found, Enumeration& state);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_DIAGNOSIS_ENUMERATE_H_

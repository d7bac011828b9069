// The cheapest ways to restore consistency: sets of claims hitting every
// conflict, cost = the sum of their sources' reliabilities. An implicit
// hitting-set search (Davies and Bacchus, "Solving MAXSAT by solving a
// sequence of simpler SAT instances", 2011): a weighted MaxSAT over one
// "drop" Boolean per claim proposes the cheapest set hitting every conflict
// known; the oracle checks that the claims left are consistent, and when
// they are not, the conflict it meets joins the known ones.
#ifndef CLAIMCHECK_SOLVER_DIAGNOSIS_REPAIR_H_
#define CLAIMCHECK_SOLVER_DIAGNOSIS_REPAIR_H_

#include <cstdint>
#include <vector>

#include "solver/oracle.h"

namespace claimcheck {

// A claim's MaxSAT weight: its reliability in millionths, plus one so that
// among equally reliable sets the smaller costs less (and a claim of
// reliability 0 is not dropped for nothing).
uint64_t RepairWeight(double reliability);

struct FoundRepair {
  std::vector<int> entries;  // ascending
  double cost = 0;
  uint64_t weight = 0;  // the MaxSAT cost, which orders repairs exactly
  bool verified = true;  // false: a limit stopped the consistency check
};

// Appends up to `max_repairs` repairs to `out`, cheapest first; among equal
// costs fewer claims first, then Z3's (deterministic) order. `components`
// are the inconsistent components; `conflicts` the conflicts known in them.
// Returns false when the deadline cut the search short.
bool FindRepairs(Oracle& oracle,
                 const std::vector<std::vector<int>>& components,
                 const std::vector<MinimalSet>& conflicts, int max_repairs,
                 const Deadline& deadline, std::vector<FoundRepair>& out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_DIAGNOSIS_REPAIR_H_

// What the consistent claims imply: the tightest bounds on an event's days
// or a measure's value, each with a minimal set of claims that forces it.
// The bound comes from Z3's optimizer over the claims of the subject's
// component; its support is an unsat core of "the claims, and the subject
// beyond the bound", shrunk by deletion.
#ifndef CLAIMCHECK_SOLVER_DIAGNOSIS_DERIVE_H_
#define CLAIMCHECK_SOLVER_DIAGNOSIS_DERIVE_H_

#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"
#include "solver/oracle.h"

namespace claimcheck {

// Derives bounds for each id in `subjects` (events or measures of the set)
// from the entries in `consistent`, in the order given.
std::vector<claimcheck::v1::DerivedFact> Derive(
    Oracle& oracle, const std::vector<int>& consistent,
    const std::vector<std::string>& subjects, const Deadline& deadline);

// Every event and measure some entry in `consistent` mentions, events
// first, each in input order.
std::vector<std::string> ConstrainedSubjects(
    Oracle& oracle, const claimcheck::v1::ClaimSet& set,
    const std::vector<int>& consistent);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_DIAGNOSIS_DERIVE_H_

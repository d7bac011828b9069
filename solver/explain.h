// Explanations a person can follow: why the members of a conflict cannot all
// hold, from the bounds each puts on a shared subject and the background
// facts the conflict rests on.
#ifndef CLAIMCHECK_SOLVER_EXPLAIN_H_
#define CLAIMCHECK_SOLVER_EXPLAIN_H_

#include <string>
#include <vector>

#include "solver/encoders/encoder.h"
#include "solver/encoding.h"

namespace claimcheck {

struct ExplainedMember {
  std::string claim_id;
  const Encoded* encoded;
};

// Finds two bounds on one subject that are disjoint ("Zardari's visit to
// Russia: within 11-13 May 2011 [c1] vs within May 2012 [c2]: disjoint"), or
// an order between measures that bounds break; otherwise says which claims
// and background facts cannot hold together.
std::string Explain(const std::vector<ExplainedMember>& members,
                    const std::vector<const Axiom*>& axioms,
                    const Encoding& encoding);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_EXPLAIN_H_

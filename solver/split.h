// The split of a check into independent parts (issue #7): claims that share
// no Z3 constant, directly or through other claims or background facts, are
// checked as requests of their own, each with its own Z3 context, so that
// parts can run on several threads and a session can keep the report of a
// part its changes did not touch (solver/session.h).
//
// Where the parts come from: the request is encoded once (in a context of
// its own) and its claims grouped by Oracle::Components, which is exact. A
// part's request then keeps only what its claims can reach: the events and
// measures whose constants they mention or whose ids, classes, actors or
// quantities they name, and the sources they name. What is left out has no
// claim on it, so it cannot change a verdict, a conflict or a bound.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_SPLIT_H_
#define CLAIMCHECK_SOLVER_SPLIT_H_

#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

struct Part {
  // The part's claims (in input order), their sources, events and measures,
  // and the request's options, with diagnosis.derive narrowed to `subjects`.
  claimcheck::v1::CheckRequest request;
  // Indices into the whole request's claims, ascending.
  std::vector<int> claims;
  // Positions in the whole request's options.diagnosis.derive that this
  // part derives, ascending.
  std::vector<int> subjects;
};

struct Split {
  // In input order of their first claim. A last part with no claims derives
  // the subjects no claim mentions.
  std::vector<Part> parts;
  // Claims no encoder takes (claims with no kind; validation rejects them).
  std::vector<int> unencoded;
};

// Expects a validated request with its phrases filled (claims/fill.h).
// Throws z3::exception when Z3 fails.
Split SplitIndependent(const claimcheck::v1::CheckRequest& request);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_SPLIT_H_

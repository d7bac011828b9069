// An incremental check of a growing corpus (issue #7): claims are added and
// retracted, and each Check re-checks only the regions (solver/regions.h)
// the changes reach; every other region keeps what the check before found:
// its claims' fast-path verdicts, phrase readings and Z3 parts' reports.
//
//   claimcheck::Session session(options);
//   session.Add(corpus);                       // absl::Status
//   absl::StatusOr<CheckReport> r = session.Check();
//   session.Add(todays_article);
//   r = session.Check();                       // checks what it reaches
//   session.Retract({"s7-claim-3"});
//
// Check's report is the report claimcheck::Check gives for the session's
// claims (session.claims()) and options, with the proviso of PartCache
// (solver/check_internal.h): where Z3 may answer either way, a part checked
// in another batch may differ, never in a verdict. A part's report is reused
// only when its claims, their events, measures and sources and the options
// are the same, and only when no limit, stop or budget cut it short.
//
// Cost of a Check after the first: the regions the changes reach, checked
// as one request (validation was done by Add), plus the report's assembly,
// linear in the claims but with no checking in it. The first Check, and
// every Check with options that derive bounds or turn the fast path off, or
// with its deadline already passed, checks every claim (with the cache); so
// does a Check whose session leaves exactly one part to Z3, as
// claimcheck::Check checks such a rest as one request of its own.
// Add validates the new claims with the definitions they name; Retract
// re-indexes the claims' positions.
//
// Not thread-safe: one caller at a time (Check itself uses options.threads).
#ifndef CLAIMCHECK_SOLVER_SESSION_H_
#define CLAIMCHECK_SOLVER_SESSION_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/claimcheck.pb.h"
#include "solver/check_control.h"

namespace claimcheck {

class PartCache;

class Session {
 public:
  explicit Session(claimcheck::v1::CheckOptions options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Adds the set's sources, events, measures and claims. A claim id already
  // in the session is an error; a source, event or measure id already there
  // is taken as the same one when its definition is identical, and is an
  // error otherwise. The combined set must validate (claims/validate.h);
  // when it does not, nothing is added, the status names the first issue
  // and `issues` (when not null) receives them all.
  absl::Status Add(const claimcheck::v1::ClaimSet& set,
                   std::vector<claimcheck::v1::Issue>* issues = nullptr);
  // Removes the claims with these ids; their sources, events and measures
  // stay. An id not in the session is an error, and then nothing is removed.
  absl::Status Retract(const std::vector<std::string>& claim_ids);

  absl::StatusOr<claimcheck::v1::CheckReport> Check(
      const CheckControl& control = {});

  // The session's claims as one set, in the order they were added.
  const claimcheck::v1::ClaimSet& claims() const { return set_; }

  // What the last Check did.
  struct Stats {
    int fast_path_groups = 0;  // groups decided without Z3 by this Check
    int parts = 0;             // independent parts left to Z3
    int parts_checked = 0;     // of which solved by this Check
    int parts_reused = 0;      // of which kept from the Check before
    int claims_checked = 0;    // claims this Check checked (its regions')
  };
  const Stats& last_stats() const { return stats_; }

 private:
  struct Index;  // the regions' keys and what the last Check found
  absl::StatusOr<claimcheck::v1::CheckReport> CheckEverything(
      const CheckControl& control);
  absl::StatusOr<claimcheck::v1::CheckReport> CheckRegions(
      const CheckControl& control);

  claimcheck::v1::CheckOptions options_;
  claimcheck::v1::ClaimSet set_;
  std::unique_ptr<PartCache> cache_;
  std::unique_ptr<Index> index_;
  Stats stats_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_SESSION_H_

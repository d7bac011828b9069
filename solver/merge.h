// The report of a split check (solver/split.h), put together from the
// reports of its parts. Deterministic: the same parts' reports give the same
// report, whatever order or threads the parts were checked in.
//
//   - claims: each part's results, back at their input positions;
//   - conflicts: every part's, in input order of their members (as in one
//     check);
//   - repairs: the cheapest combinations of one repair per inconsistent
//     part (the parts are independent, so a set of claims restores
//     consistency exactly when its share of each part does), ranked as one
//     check ranks them: weight, then size, then input order;
//   - derived facts: in the order the options name the subjects, or for
//     derive_all events then measures in input order;
//   - verdict, limit and the truncation flags: INCONSISTENT when any part
//     is, else UNKNOWN when any part is; the first part's limit in input
//     order; truncated when any part was.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_MERGE_H_
#define CLAIMCHECK_SOLVER_MERGE_H_

#include <vector>

#include "proto/claimcheck.pb.h"
#include "solver/split.h"

namespace claimcheck {

// Marks a claim no encoder takes as UNCHECKED, with a warning in `report`.
void ReportUnencoded(const claimcheck::v1::Claim& claim,
                     claimcheck::v1::ClaimResult& result,
                     claimcheck::v1::CheckReport& report);

// `report` lists the request's claims (ids set); `reports` are the parts'
// reports, one per part of `split`, consumed. `max_repairs`: the repairs to
// keep (Diagnosis.max_repairs with its default applied).
void MergeParts(const claimcheck::v1::CheckRequest& request, const Split& split,
                int max_repairs, std::vector<claimcheck::v1::CheckReport>& reports,
                claimcheck::v1::CheckReport& report);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_MERGE_H_

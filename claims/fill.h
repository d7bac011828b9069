// Phrases to values at the boundary: an Amount with only `text` ("US$310
// mn", "nearly a decade") or a DateSpec with only `text` ("May 11-13, 2011")
// is filled in by the normaliser before validation.
#ifndef CLAIMCHECK_CLAIMS_FILL_H_
#define CLAIMCHECK_CLAIMS_FILL_H_

#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// Fills every phrase-only Amount and DateSpec of the claims in place. Returns
// one Issue per phrase: a WARNING saying what it was read as (with the
// normaliser's own warnings), or an ERROR when it could not be read (a
// relative date such as "last year" must be stated as a RelativePeriod).
std::vector<claimcheck::v1::Issue> FillPhrases(claimcheck::v1::ClaimSet& set);

// Whether FillPhrases would fill anything: a caller can skip copying a
// request that has no phrases (most have none).
bool HasPhrases(const claimcheck::v1::ClaimSet& set);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_FILL_H_

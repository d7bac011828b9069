// Validation at the boundary: everything behind it assumes valid input.
//
// Runs in O(size of the claim set) and reports every problem, not the first:
// each Issue names the claim (or source, event, measure) id, the field path
// and what is wrong.
#ifndef CLAIMCHECK_CLAIMS_VALIDATE_H_
#define CLAIMCHECK_CLAIMS_VALIDATE_H_

#include <functional>
#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// Most threads a check may ask for (CheckOptions.threads).
inline constexpr int kMaxThreads = 256;
// Default for Limits.max_claims when unset.
inline constexpr int kDefaultMaxClaims = 100000;
// Largest magnitude a stated figure may have once scaled (10^18).
inline constexpr int kMaxMagnitudeDigits = 18;
// Longest id (of a source, event, measure or claim) and longest quote,
// in bytes: past these an input is taken as malformed, not as a claim set.
inline constexpr size_t kMaxIdBytes = 256;
inline constexpr size_t kMaxQuoteBytes = 64 * 1024;

// The claims are checked on up to options.threads threads (0, or a count
// the options reject: the machine's cores); the issues come in input order
// whatever the count.
std::vector<claimcheck::v1::Issue> ValidateRequest(
    const claimcheck::v1::CheckRequest& request);

// The checks ValidateRequest makes of the set as a whole, apart, for a
// caller that grows a set and validates only what it adds (a session,
// solver/session.h): every subject to derive is an event or measure
// (`defined`), and `claims` is within options.limits.max_claims.
std::vector<claimcheck::v1::Issue> ValidateWholeSet(
    const claimcheck::v1::CheckOptions& options, int claims,
    const std::function<bool(const std::string&)>& defined);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_VALIDATE_H_

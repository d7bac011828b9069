// `claimcheck test EXPECTATIONS`: checks a dataset against what it is
// expected to check to, and describes every difference.
#ifndef CLAIMCHECK_CLI_REGRESSION_H_
#define CLAIMCHECK_CLI_REGRESSION_H_

#include <functional>
#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// Whether a set of claim ids is still a minimal conflict, checked on its
// own: for expected conflicts the report does not list because its search
// was cut short (conflicts_truncated), so that a bounded enumeration's
// order does not decide whether an expectation holds.
using ConflictVerifier =
    std::function<bool(const std::vector<std::string>& claim_ids)>;

// The differences between a report and the expectations, one line each,
// "-" for something expected and missing, "+" for something unexpected.
// Empty when every expectation holds. `verify` may be empty: then an
// expected conflict not reported is a difference whatever the search did.
std::vector<std::string> CompareWithExpectations(
    const claimcheck::v1::Expectations& expected,
    const claimcheck::v1::CheckReport& report,
    const ConflictVerifier& verify = nullptr);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REGRESSION_H_

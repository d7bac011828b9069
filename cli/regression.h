// `claimcheck test EXPECTATIONS`: checks a dataset against what it is
// expected to check to, and describes every difference.
#ifndef CLAIMCHECK_CLI_REGRESSION_H_
#define CLAIMCHECK_CLI_REGRESSION_H_

#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// The differences between a report and the expectations, one line each,
// "-" for something expected and missing, "+" for something unexpected.
// Empty when every expectation holds.
std::vector<std::string> CompareWithExpectations(
    const claimcheck::v1::Expectations& expected,
    const claimcheck::v1::CheckReport& report);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REGRESSION_H_

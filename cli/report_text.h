// The human-readable report the CLI prints.
#ifndef CLAIMCHECK_CLI_REPORT_TEXT_H_
#define CLAIMCHECK_CLI_REPORT_TEXT_H_

#include <string>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

std::string RenderTextReport(const claimcheck::v1::CheckReport& report);

// The CLI's exit code for a verdict: 0 consistent, 1 inconsistent, 2 invalid
// input, 3 unknown.
int ExitCodeFor(claimcheck::v1::Verdict verdict);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLI_REPORT_TEXT_H_

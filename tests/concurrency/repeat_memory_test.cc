// Repeated checks through the C++ API keep the process's memory flat
// (issue #8: a service or pipeline runs millions of checks in one
// process): resident memory after a second round of checks stays within a
// slack of what it was after the first.
#include <cstdlib>
#include <iostream>
#include <string>

#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"
#include "solver/checker.h"
#include "tests/testing/check_util.h"
#include "tests/testing/memory.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT

int Rounds() {
  const char* v = std::getenv("REPEAT_CHECKS");
  return v != nullptr ? std::atoi(v) : 200;
}

// Runs `n` checks of `request` and returns the resident memory after them.
int64_t RunChecks(const CheckRequest& request, int n, Verdict want) {
  for (int i = 0; i < n; ++i) {
    absl::StatusOr<CheckReport> report = Check(request);
    EXPECT_TRUE(report.ok());
    if (report.ok()) EXPECT_EQ(report->verdict(), want);
  }
  return TrimmedResidentKb();
}

void ExpectFlat(const std::string& what, const CheckRequest& request, Verdict want) {
  const int n = Rounds();
  const int64_t first = RunChecks(request, n, want);
  const int64_t second = RunChecks(request, n, want);
  std::cout << what << ": RSS " << first << " kB after " << n << " checks, "
            << second << " kB after " << n << " more ("
            << (second - first) * 1024 / n << " bytes per check)" << std::endl;
  // 200 checks leaking 1.3 kB each would be 256 kB.
  EXPECT_LE(second - first, 256) << what;
}

TEST(RepeatMemoryTest, ConflictFoundByZ3) {
  ExpectFlat("conflict (Z3)",
             Request(Within("a", "e", Dates(Day(2011, 5))) +
                     Within("b", "e", Dates(Day(2012, 5)))),
             VERDICT_INCONSISTENT);
}

TEST(RepeatMemoryTest, ConsistentByTheFastPath) {
  ExpectFlat("consistent (fast path)",
             Request(Within("a", "e", Dates(Day(2011, 5))) +
                     Within("b", "e", Dates(Day(2011)))),
             VERDICT_CONSISTENT);
}

}  // namespace
}  // namespace claimcheck::testing

// CheckControl (solver/check_control.h): a deadline or a cancellation stops
// a check promptly, interrupting Z3, and the report says which; a control
// that never fires changes nothing.
#include <atomic>
#include <thread>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "solver/checker.h"
#include "tests/testing/check_util.h"
#include "tests/testing/slow_request.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::testing::HasSubstr;

// Generous: the bound checks that the stop is prompt, not how fast. The
// slow request alone runs for minutes.
constexpr absl::Duration kPrompt = absl::Seconds(10);

CheckReport MustCheck(const CheckRequest& request, const CheckControl& control) {
  absl::StatusOr<CheckReport> report = Check(request, control);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *report : CheckReport();
}

void ExpectStopped(const CheckReport& report, Limit limit,
                   const std::string& reason) {
  EXPECT_EQ(report.verdict(), VERDICT_UNKNOWN);
  EXPECT_EQ(report.limit(), limit);
  EXPECT_EQ(report.limit_detail(), reason);
  ASSERT_GT(report.claims_size(), 0);
  for (const ClaimResult& r : report.claims()) {
    EXPECT_EQ(r.status(), CLAIM_STATUS_UNCHECKED) << r.claim_id();
    EXPECT_THAT(r.detail(), HasSubstr(reason)) << r.claim_id();
  }
}

const CheckRequest& Conflicting() {
  static const CheckRequest* request = new CheckRequest(Request(
      Within("a", "e", Dates(Day(2011, 5))) +
      Within("b", "e", Dates(Day(2012, 5))) +
      Qty("c", "usd", "790", "USD", "SCALE_MILLION")));
  return *request;
}

TEST(CheckControlTest, AControlThatNeverFiresChangesNothing) {
  const CheckReport plain = testing::MustCheck(Conflicting());
  CheckControl control;
  control.deadline = absl::Now() + absl::Hours(1);
  control.cancelled = [] { return false; };
  const CheckReport controlled = MustCheck(Conflicting(), control);
  EXPECT_EQ(controlled.verdict(), VERDICT_INCONSISTENT);
  EXPECT_EQ(controlled.SerializeAsString(), plain.SerializeAsString());
}

TEST(CheckControlTest, APassedDeadlineStopsBeforeAnySolverCall) {
  CheckControl control;
  control.deadline = absl::Now() - absl::Seconds(1);
  ExpectStopped(MustCheck(Conflicting(), control), LIMIT_TIMEOUT,
                "deadline passed");
}

TEST(CheckControlTest, InvalidInputIsReportedWhateverTheControl) {
  CheckControl control;
  control.deadline = absl::Now() - absl::Seconds(1);
  const CheckReport report = MustCheck(
      Request(Within("a", "e", Dates(Day(2013, 2, 29)))), control);
  EXPECT_EQ(report.verdict(), VERDICT_INVALID_INPUT);
  EXPECT_EQ(report.limit(), LIMIT_UNSPECIFIED);
}

TEST(CheckControlTest, ADeadlineInterruptsALongCheck) {
  CheckControl control;
  const absl::Time start = absl::Now();
  control.deadline = start + absl::Milliseconds(300);
  const CheckReport report = MustCheck(SlowRequest(), control);
  const absl::Duration took = absl::Now() - start;
  EXPECT_LT(took, kPrompt);
  EXPECT_GE(took, absl::Milliseconds(300));
  ExpectStopped(report, LIMIT_TIMEOUT, "deadline passed");
}

TEST(CheckControlTest, ACancellationInterruptsALongCheck) {
  std::atomic<bool> cancelled{false};
  CheckControl control;
  control.cancelled = [&cancelled] { return cancelled.load(); };
  const absl::Time start = absl::Now();
  std::thread canceller([&cancelled] {
    absl::SleepFor(absl::Milliseconds(300));
    cancelled = true;
  });
  const CheckReport report = MustCheck(SlowRequest(), control);
  const absl::Duration took = absl::Now() - start;
  canceller.join();
  EXPECT_LT(took, kPrompt);
  EXPECT_GE(took, absl::Milliseconds(300));
  ExpectStopped(report, LIMIT_CANCELLED, "cancelled by the caller");
}

TEST(CheckControlTest, TheCallbackIsPolledFromTheStart) {
  CheckControl control;
  control.cancelled = [] { return true; };
  const absl::Time start = absl::Now();
  const CheckReport report = MustCheck(SlowRequest(), control);
  EXPECT_LT(absl::Now() - start, kPrompt);
  ExpectStopped(report, LIMIT_CANCELLED, "cancelled by the caller");
}

}  // namespace
}  // namespace claimcheck::testing

#include "solver/stopper.h"

#include <algorithm>

namespace claimcheck {

using claimcheck::v1::Limit;

Stopper::Stopper(const CheckControl& control, z3::context& ctx)
    : control_(control), ctx_(ctx) {
  if (control.deadline != absl::InfiniteFuture() || control.cancelled) {
    watcher_ = std::thread([this] { Watch(); });
  }
}

Stopper::~Stopper() {
  {
    absl::MutexLock lock(&mu_);
    done_ = true;
  }
  if (watcher_.joinable()) watcher_.join();
}

void Stopper::Latch(Limit limit) {
  if (stopped_ == claimcheck::v1::LIMIT_UNSPECIFIED) stopped_ = limit;
}

Limit Stopper::Stopped() {
  absl::MutexLock lock(&mu_);
  if (absl::Now() >= control_.deadline) Latch(claimcheck::v1::LIMIT_TIMEOUT);
  return stopped_;
}

std::string Stopper::Reason() {
  switch (Stopped()) {
    case claimcheck::v1::LIMIT_TIMEOUT:
      return "deadline passed";
    case claimcheck::v1::LIMIT_CANCELLED:
      return "cancelled by the caller";
    default:
      return "";
  }
}

void Stopper::Watch() {
  // Looks at the deadline and the callback now, then at every poll, at the
  // deadline and at the end of the check. Once stopped it interrupts Z3 at
  // every look: an interrupt stops only the call in progress (Z3 4.8.12
  // keeps no interrupted state), and a call can begin between the solver
  // layer's look at the latch and the interrupt.
  absl::MutexLock lock(&mu_);
  auto done = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return done_; };
  while (!done_) {
    if (absl::Now() >= control_.deadline) Latch(claimcheck::v1::LIMIT_TIMEOUT);
    if (stopped_ == claimcheck::v1::LIMIT_UNSPECIFIED && control_.cancelled) {
      // The callback may take its own locks: not under ours.
      mu_.Unlock();
      const bool cancelled = control_.cancelled();
      mu_.Lock();
      if (cancelled) Latch(claimcheck::v1::LIMIT_CANCELLED);
    }
    absl::Time wake = control_.deadline;
    if (stopped_ != claimcheck::v1::LIMIT_UNSPECIFIED) {
      ctx_.interrupt();
      wake = absl::Now() + kCancelPollInterval;
    } else if (control_.cancelled) {
      wake = std::min(wake, absl::Now() + kCancelPollInterval);
    }
    mu_.AwaitWithDeadline(absl::Condition(&done), wake);
  }
}

}  // namespace claimcheck

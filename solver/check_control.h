// CheckControl: how a caller of claimcheck::Check (checker.h) stops a check
// from outside.
#ifndef CLAIMCHECK_SOLVER_CHECK_CONTROL_H_
#define CLAIMCHECK_SOLVER_CHECK_CONTROL_H_

#include <functional>

#include "absl/time/time.h"

namespace claimcheck {

// How a caller stops a check from outside: a deadline, a cancellation, or
// both. A check stopped this way returns what it settled before the stop,
// with `limit` LIMIT_TIMEOUT (the deadline passed) or LIMIT_CANCELLED and
// `limit_detail` saying so: claims not yet settled are UNCHECKED, and the
// verdict is UNKNOWN unless it was settled first (a conflict already found
// stays INCONSISTENT). A stop interrupts the Z3 call in progress and makes
// every later one return at once, so the check returns within a few
// milliseconds of the stop (Z3 checks for interrupts often but not
// everywhere).
struct CheckControl {
  // The check stops when this time passes.
  absl::Time deadline = absl::InfiniteFuture();
  // When set, polled every kCancelPollInterval from a watcher thread of the
  // check (never from the caller's thread); returning true cancels the
  // check. Must be thread-safe and cheap.
  std::function<bool()> cancelled;
};
inline constexpr absl::Duration kCancelPollInterval = absl::Milliseconds(10);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_CHECK_CONTROL_H_

// How a CheckControl (check_control.h) stops a check: a watcher thread that
// interrupts Z3 when the deadline passes or the caller cancels, and a latch
// the solver layer reads before each call.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_STOPPER_H_
#define CLAIMCHECK_SOLVER_STOPPER_H_

#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/claimcheck.pb.h"
#include "solver/check_control.h"
#include "z3++.h"

namespace claimcheck {

class Stopper {
 public:
  // Starts the watcher when the control can stop anything (a finite
  // deadline or a `cancelled` callback). `control` and `ctx` outlive this.
  Stopper(const CheckControl& control, z3::context& ctx);
  // Ends and joins the watcher.
  ~Stopper();
  Stopper(const Stopper&) = delete;
  Stopper& operator=(const Stopper&) = delete;

  // LIMIT_UNSPECIFIED while the check may go on; once stopped,
  // LIMIT_TIMEOUT or LIMIT_CANCELLED for good. Cheap: a lock and a clock
  // read (the callback is polled by the watcher only).
  claimcheck::v1::Limit Stopped();
  // Why, for limit_detail ("deadline passed", "cancelled by the caller").
  std::string Reason();

 private:
  void Watch();
  // Latches `limit` unless a stop is latched already.
  void Latch(claimcheck::v1::Limit limit) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const CheckControl& control_;
  z3::context& ctx_;
  absl::Mutex mu_;
  claimcheck::v1::Limit stopped_ ABSL_GUARDED_BY(mu_) =
      claimcheck::v1::LIMIT_UNSPECIFIED;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  std::thread watcher_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_STOPPER_H_

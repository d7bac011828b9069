#include "service/checker_service.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "solver/checker.h"

namespace claimcheck::service {
namespace {

using claimcheck::v1::CheckBatchRequest;
using claimcheck::v1::CheckBatchResponse;
using claimcheck::v1::CheckReport;
using claimcheck::v1::CheckRequest;

absl::Time DeadlineOf(const grpc::ServerContext& context) {
  const std::chrono::system_clock::time_point d = context.deadline();
  return d == std::chrono::system_clock::time_point::max()
             ? absl::InfiniteFuture()
             : absl::FromChrono(d);
}

int HardwareThreads() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace

// Holds one of max_concurrent_checks slots for its lifetime; waits for one
// while the call is alive (a passed deadline cancels the call too).
class CheckerService::Slot {
 public:
  Slot(CheckerService& service, grpc::ServerContext& context)
      : service_(service) {
    absl::MutexLock lock(&service.mu_);
    auto free = [&service]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(service.mu_) {
      return service.stats_.in_flight < service.max_concurrent_;
    };
    while (!free()) {
      if (context.IsCancelled()) return;
      service.mu_.AwaitWithTimeout(absl::Condition(&free), kCancelPollInterval);
    }
    held_ = true;
    Stats& s = service.stats_;
    s.peak_in_flight = std::max(s.peak_in_flight, ++s.in_flight);
  }
  ~Slot() {
    if (!held_) return;
    absl::MutexLock lock(&service_.mu_);
    --service_.stats_.in_flight;
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  bool held() const { return held_; }

 private:
  CheckerService& service_;
  bool held_ = false;
};

CheckerService::CheckerService(const ServiceOptions& options)
    : options_(options),
      max_concurrent_(options.max_concurrent_checks > 0
                          ? options.max_concurrent_checks
                          : HardwareThreads()) {}

CheckerService::Stats CheckerService::stats() const {
  absl::MutexLock lock(&mu_);
  return stats_;
}

grpc::Status CheckerService::Admit(int64_t claims) const {
  if (options_.max_claims <= 0 || claims <= options_.max_claims) {
    return grpc::Status::OK;
  }
  return grpc::Status(
      grpc::StatusCode::RESOURCE_EXHAUSTED,
      absl::StrCat("the request has ", claims,
                   " claims; this server accepts at most ", options_.max_claims,
                   " claims per call (--max_claims)"));
}

grpc::Status CheckerService::Stopped(grpc::ServerContext* context) {
  if (absl::Now() >= DeadlineOf(*context)) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        "the call's deadline passed; the check was stopped");
  }
  if (context->IsCancelled()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the call was cancelled; the check was stopped");
  }
  return grpc::Status::OK;
}

grpc::Status CheckerService::Count(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  ++stats_.calls;
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    ++stats_.deadline_exceeded;
  } else if (status.error_code() == grpc::StatusCode::CANCELLED) {
    ++stats_.cancelled;
  }
  return status;
}

grpc::Status CheckerService::CheckOne(grpc::ServerContext* context,
                                      const CheckRequest& request,
                                      CheckReport& report) {
  CheckControl control;
  control.deadline = DeadlineOf(*context);
  control.cancelled = [context] { return context->IsCancelled(); };
  absl::StatusOr<CheckReport> checked = claimcheck::Check(request, control);
  // A late answer is no answer: once the deadline passed or the call was
  // cancelled, that is the status, whatever the check returned.
  if (grpc::Status stopped = Stopped(context); !stopped.ok()) return stopped;
  if (!checked.ok()) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        std::string(checked.status().message()));
  }
  report = std::move(*checked);
  return grpc::Status::OK;
}

grpc::Status CheckerService::Check(grpc::ServerContext* context,
                                   const CheckRequest* request,
                                   CheckReport* report) {
  if (grpc::Status s = Admit(request->claims().claims_size()); !s.ok()) {
    return Count(s);
  }
  Slot slot(*this, *context);
  if (!slot.held()) return Count(Stopped(context));
  return Count(CheckOne(context, *request, *report));
}

grpc::Status CheckerService::CheckBatch(grpc::ServerContext* context,
                                        const CheckBatchRequest* batch,
                                        CheckBatchResponse* response) {
  int64_t claims = 0;
  for (const CheckRequest& r : batch->requests()) {
    claims += r.claims().claims_size();
  }
  if (grpc::Status s = Admit(claims); !s.ok()) return Count(s);
  Slot slot(*this, *context);
  if (!slot.held()) return Count(Stopped(context));
  for (int i = 0; i < batch->requests_size(); ++i) {
    grpc::Status s = CheckOne(context, batch->requests(i), *response->add_reports());
    if (!s.ok()) {
      response->Clear();
      return Count(grpc::Status(
          s.error_code(), absl::StrCat("request ", i, ": ", s.error_message())));
    }
  }
  return Count(grpc::Status::OK);
}

}  // namespace claimcheck::service

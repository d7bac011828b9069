// The claimcheck.v1.ClaimChecker gRPC service (proto/claimcheck_service.proto)
// on the library's Check (solver/checker.h).
//
// Each call's deadline and cancellation stop its check (CheckControl): a
// passed deadline answers DEADLINE_EXCEEDED and a cancelled call CANCELLED,
// within milliseconds, the solver interrupted. Calls are served in parallel
// on gRPC's thread pool, at most max_concurrent_checks checks at a time;
// calls beyond wait for a slot (their deadline still counts).
#ifndef CLAIMCHECK_SERVICE_CHECKER_SERVICE_H_
#define CLAIMCHECK_SERVICE_CHECKER_SERVICE_H_

#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/grpcpp.h"
#include "proto/claimcheck_service.grpc.pb.h"

namespace claimcheck::service {

struct ServiceOptions {
  // Claims accepted in one call (summed over a batch); more is
  // RESOURCE_EXHAUSTED. <= 0: no limit.
  int max_claims = 10000;
  // Checks run at once; <= 0: the number of hardware threads.
  int max_concurrent_checks = 0;
};

class CheckerService final : public claimcheck::v1::ClaimChecker::Service {
 public:
  explicit CheckerService(const ServiceOptions& options);

  grpc::Status Check(grpc::ServerContext* context,
                     const claimcheck::v1::CheckRequest* request,
                     claimcheck::v1::CheckReport* report) override;
  grpc::Status CheckBatch(grpc::ServerContext* context,
                          const claimcheck::v1::CheckBatchRequest* batch,
                          claimcheck::v1::CheckBatchResponse* response) override;

  // What the service has done, for tests and monitoring.
  struct Stats {
    int in_flight = 0;       // checks running now
    int peak_in_flight = 0;  // the most at once so far
    int64_t calls = 0;       // calls finished, whatever their status
    int64_t deadline_exceeded = 0;
    int64_t cancelled = 0;
  };
  Stats stats() const;
  int max_concurrent_checks() const { return max_concurrent_; }

 private:
  class Slot;
  // RESOURCE_EXHAUSTED past max_claims.
  grpc::Status Admit(int64_t claims) const;
  // Checks one request under the call's deadline and cancellation.
  grpc::Status CheckOne(grpc::ServerContext* context,
                        const claimcheck::v1::CheckRequest& request,
                        claimcheck::v1::CheckReport& report);
  // The call's status once its deadline passed or it was cancelled.
  grpc::Status Stopped(grpc::ServerContext* context);
  grpc::Status Count(const grpc::Status& status);

  const ServiceOptions options_;
  const int max_concurrent_;
  mutable absl::Mutex mu_;
  Stats stats_ ABSL_GUARDED_BY(mu_);
};

}  // namespace claimcheck::service

#endif  // CLAIMCHECK_SERVICE_CHECKER_SERVICE_H_

// A claimcheck gRPC server: the ClaimChecker service (checker_service.h),
// standard health checking (grpc.health.v1.Health) and server reflection
// (grpc.reflection.v1alpha.ServerReflection), with a message size limit.
// Used by the server binary (server_main.cc), the tests and the benchmark.
#ifndef CLAIMCHECK_SERVICE_SERVER_H_
#define CLAIMCHECK_SERVICE_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "service/checker_service.h"

namespace claimcheck::service {

// gRPC's own default for received messages.
inline constexpr int kDefaultMaxMessageBytes = 4 * 1024 * 1024;

struct ServerOptions {
  // Host to listen on: loopback unless told otherwise.
  std::string address = "127.0.0.1";
  // 0: a free port the system picks (see Server::port()).
  int port = 50051;
  // Largest request accepted, in bytes; larger ones get RESOURCE_EXHAUSTED
  // from gRPC ("Received message larger than max (N vs. M)").
  int max_message_bytes = kDefaultMaxMessageBytes;
  ServiceOptions service;
};

class Server {
 public:
  // Listens and serves on gRPC's threads. Fails when the address cannot be
  // bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      const ServerOptions& options);
  // Shuts down with no grace when not shut down yet.
  ~Server();

  int port() const { return port_; }
  // "127.0.0.1:50051"
  std::string target() const;
  CheckerService& service() { return *service_; }

  // Reports NOT_SERVING, stops taking calls, lets calls in progress finish
  // for `grace`, then cancels them (which stops their checks) and waits for
  // them to return.
  void Shutdown(absl::Duration grace);

 private:
  Server() = default;

  std::string host_;
  int port_ = 0;
  std::unique_ptr<CheckerService> service_;
  std::unique_ptr<grpc::Server> server_;
  bool shut_down_ = false;
};

}  // namespace claimcheck::service

#endif  // CLAIMCHECK_SERVICE_SERVER_H_

#include "service/server.h"

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"

namespace claimcheck::service {
namespace {

constexpr char kServiceName[] = "claimcheck.v1.ClaimChecker";

// An IPv6 host goes in brackets: "[::1]:50051".
std::string HostPort(const std::string& host, int port) {
  return absl::StrContains(host, ':') ? absl::StrCat("[", host, "]:", port)
                                      : absl::StrCat(host, ":", port);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    const ServerOptions& options) {
  // Both are process-wide switches read when a server is built; calling the
  // reflection plugin's initializer also keeps the linker from dropping it.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::unique_ptr<Server> server(new Server());
  server->host_ = options.address;
  server->service_ = std::make_unique<CheckerService>(options.service);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(HostPort(options.address, options.port),
                           grpc::InsecureServerCredentials(), &server->port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  // gRPC sets SO_REUSEPORT by default: a second server on a taken port
  // would start and share its calls instead of failing.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(server->service_.get());
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", HostPort(options.address, options.port)));
  }
  grpc::HealthCheckServiceInterface* health =
      server->server_->GetHealthCheckService();
  if (health != nullptr) health->SetServingStatus(kServiceName, true);
  return server;
}

Server::~Server() {
  if (server_ != nullptr && !shut_down_) Shutdown(absl::ZeroDuration());
}

std::string Server::target() const { return HostPort(host_, port_); }

void Server::Shutdown(absl::Duration grace) {
  if (shut_down_) return;
  shut_down_ = true;
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->SetServingStatus(false);
  }
  server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  server_->Wait();
}

}  // namespace claimcheck::service

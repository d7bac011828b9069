// claimcheck_server: the claimcheck.v1.ClaimChecker gRPC service, with
// health checking and server reflection.
//
//   claimcheck_server [--address=127.0.0.1] [--port=50051]
//                     [--max_message_bytes=4194304] [--max_claims=10000]
//                     [--max_concurrent_checks=0] [--shutdown_grace_ms=5000]
//
// Prints "claimcheck_server: listening on HOST:PORT" once it serves. On
// SIGTERM or SIGINT it stops taking calls, lets calls in progress finish
// for --shutdown_grace_ms, cancels the rest (stopping their checks) and
// exits 0.
#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/time.h"
#include "service/server.h"
#include "solver/allocator.h"

ABSL_FLAG(std::string, address, "127.0.0.1",
          "Host to listen on (loopback by default; 0.0.0.0 or :: for all).");
ABSL_FLAG(int, port, 50051, "Port to listen on; 0 picks a free one.");
ABSL_FLAG(int, max_message_bytes, claimcheck::service::kDefaultMaxMessageBytes,
          "Largest request accepted, bytes (RESOURCE_EXHAUSTED past it).");
ABSL_FLAG(int, max_claims, 10000,
          "Claims accepted per call, summed over a batch (RESOURCE_EXHAUSTED "
          "past it); 0: no limit.");
ABSL_FLAG(int, max_concurrent_checks, 0,
          "Checks run at once; further calls wait for a slot (0: one per "
          "hardware thread).");
ABSL_FLAG(int, shutdown_grace_ms, 5000,
          "On SIGTERM/SIGINT, how long calls in progress may finish before "
          "they are cancelled.");

int main(int argc, char** argv) {
  claimcheck::TuneAllocator();
  absl::SetProgramUsageMessage(
      "claimcheck_server [--address=HOST] [--port=N] [--max_message_bytes=N] "
      "[--max_claims=N] [--max_concurrent_checks=N] [--shutdown_grace_ms=N]");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() > 1) {
    std::cerr << "claimcheck_server: unexpected argument '" << args[1]
              << "'\n";
    return 2;
  }
  if (absl::GetFlag(FLAGS_port) < 0 || absl::GetFlag(FLAGS_port) > 65535) {
    std::cerr << "claimcheck_server: --port must be 0..65535\n";
    return 2;
  }
  // Blocked here, before gRPC starts its threads (they inherit the mask),
  // so that only sigwait below sees the signals.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  claimcheck::service::ServerOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.port = absl::GetFlag(FLAGS_port);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.service.max_claims = absl::GetFlag(FLAGS_max_claims);
  options.service.max_concurrent_checks =
      absl::GetFlag(FLAGS_max_concurrent_checks);
  absl::StatusOr<std::unique_ptr<claimcheck::service::Server>> server =
      claimcheck::service::Server::Start(options);
  if (!server.ok()) {
    std::cerr << "claimcheck_server: " << server.status().message() << "\n";
    return 1;
  }
  std::cout << "claimcheck_server: listening on " << (*server)->target()
            << " (at most " << (*server)->service().max_concurrent_checks()
            << " checks at once)" << std::endl;

  int received = 0;
  sigwait(&signals, &received);
  std::cout << "claimcheck_server: " << (received == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", shutting down" << std::endl;
  (*server)->Shutdown(absl::Milliseconds(absl::GetFlag(FLAGS_shutdown_grace_ms)));
  std::cout << "claimcheck_server: stopped" << std::endl;
  return 0;
}

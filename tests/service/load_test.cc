// A bounded load test of the gRPC server on loopback (issue #8): many
// concurrent clients, each sending its share of unary Check calls, must see
// zero errors and the right verdict on every call, and the server's memory
// must come back to its baseline afterwards (no growth per call).
//
// CI runs 64 clients x 150 calls, twice (a warm-up, then the measured
// round), with one malloc arena (BUILD.bazel says why);
// MALLOC_ARENA_MAX=1 LOAD_CALLS_PER_CLIENT=1000 gives the issue's
// 64 x 1,000 by hand.
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "proto/claimcheck_service.grpc.pb.h"
#include "service/server.h"
#include "tests/testing/check_util.h"
#include "tests/testing/memory.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::claimcheck::service::Server;
using ::claimcheck::service::ServerOptions;

constexpr int kClients = 64;
// Every kConflictEvery-th call of a client needs Z3 (a conflict to find and
// shrink); the others are decided by the fast path.
constexpr int kConflictEvery = 50;
// Resident memory the server may keep beyond its warmed-up baseline: gRPC's
// and the allocator's caches, not per-call growth (64,000 leaked reports of
// about 300 bytes would be 19 MB).
constexpr int64_t kSlackKb = 16 * 1024;

int CallsPerClient() {
  const char* v = std::getenv("LOAD_CALLS_PER_CLIENT");
  return v != nullptr ? std::atoi(v) : 150;
}

CheckRequest Consistent() {
  return Request(Within("a", "e", Dates(Day(2011, 5))) +
                 Within("b", "e", Dates(Day(2011))));
}

CheckRequest Conflicting() {
  return Request(Within("a", "e", Dates(Day(2011, 5))) +
                 Within("b", "e", Dates(Day(2012, 5))));
}

struct Tally {
  std::atomic<int64_t> ok{0};
  std::atomic<int64_t> errors{0};
  std::atomic<int64_t> wrong{0};
};

using Stubs = std::vector<std::unique_ptr<ClaimChecker::Stub>>;

// Each client has its own channel (a connection of its own), as separate
// processes would, and keeps it from round to round.
Stubs Connect(const std::string& target) {
  Stubs stubs;
  for (int c = 0; c < kClients; ++c) {
    grpc::ChannelArguments args;
    args.SetInt("grpc.channel_id", c);  // no channel sharing
    stubs.push_back(ClaimChecker::NewStub(grpc::CreateCustomChannel(
        target, grpc::InsecureChannelCredentials(), args)));
  }
  return stubs;
}

void RunClients(Stubs& stubs, int calls, Tally& tally) {
  const CheckRequest consistent = Consistent();
  const CheckRequest conflicting = Conflicting();
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      ClaimChecker::Stub* stub = stubs[c].get();
      for (int i = 0; i < calls; ++i) {
        const bool conflict = (i + c) % kConflictEvery == 0;
        grpc::ClientContext context;
        context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(120)));
        CheckReport report;
        const grpc::Status status =
            stub->Check(&context, conflict ? conflicting : consistent, &report);
        if (!status.ok()) {
          if (tally.errors++ < 5) {
            std::cerr << "client " << c << " call " << i << ": "
                      << status.error_code() << " " << status.error_message() << "\n";
          }
          continue;
        }
        const Verdict want = conflict ? VERDICT_INCONSISTENT : VERDICT_CONSISTENT;
        if (report.verdict() != want) {
          ++tally.wrong;
        } else {
          ++tally.ok;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
}

TEST(LoadTest, ManyClientsNoErrorsAndMemoryBackToBaseline) {
  ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string target = (*server)->target();

  // Warm-up: the same load once, so that gRPC's threads and pools and the
  // allocator's per-thread arenas have grown to what this load needs; that
  // is the baseline.
  const int calls = CallsPerClient();
  Stubs stubs = Connect(target);
  Tally warm;
  RunClients(stubs, calls, warm);
  ASSERT_EQ(warm.errors.load(), 0);
  const int64_t baseline_kb = TrimmedResidentKb();

  Tally tally;
  const absl::Time start = absl::Now();
  RunClients(stubs, calls, tally);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  const int64_t after_kb = TrimmedResidentKb();

  std::cout << kClients << " clients x " << calls << " calls: " << tally.ok.load()
            << " right, " << tally.wrong.load() << " wrong verdicts, "
            << tally.errors.load() << " errors in " << seconds << " s ("
            << static_cast<int>(kClients * calls / seconds) << " calls/s); RSS "
            << baseline_kb << " kB after warm-up, " << after_kb
            << " kB after the load" << std::endl;
  EXPECT_EQ(tally.errors.load(), 0);
  EXPECT_EQ(tally.wrong.load(), 0);
  EXPECT_EQ(tally.ok.load(), static_cast<int64_t>(kClients) * calls);
  EXPECT_EQ((*server)->service().stats().in_flight, 0);
  EXPECT_LE(after_kb - baseline_kb, kSlackKb)
      << "the server kept " << (after_kb - baseline_kb) << " kB after the load";
  (*server)->Shutdown(absl::Seconds(1));
}

}  // namespace
}  // namespace claimcheck::testing

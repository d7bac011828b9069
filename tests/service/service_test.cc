// The gRPC service over 127.0.0.1 with real clients: round trip, invalid
// input, deadlines and cancellation (the check is stopped on the server,
// not only abandoned by the client), size and claim limits, batches,
// concurrent calls, health checking and reflection.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "proto/claimcheck_service.grpc.pb.h"
#include "service/reflection_client.h"
#include "service/server.h"
#include "solver/checker.h"
#include "tests/testing/check_util.h"
#include "tests/testing/slow_request.h"

namespace claimcheck::testing {
namespace {

using namespace claimcheck::v1;  // NOLINT
using ::claimcheck::service::Server;
using ::claimcheck::service::ServerOptions;
using ::testing::HasSubstr;

// Generous bounds: they check that a stop is prompt, not how fast it is.
// The slow request alone runs for about two minutes.
constexpr absl::Duration kPrompt = absl::Seconds(10);

std::unique_ptr<Server> StartServer(ServerOptions options = {}) {
  options.port = 0;  // the system picks a free one
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? std::move(*server) : nullptr;
}

std::shared_ptr<grpc::Channel> ChannelTo(const Server& server) {
  return grpc::CreateChannel(server.target(), grpc::InsecureChannelCredentials());
}

void SetDeadline(grpc::ClientContext& context, absl::Duration d) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + d));
}

const CheckRequest& Conflicting() {
  static const CheckRequest* request = new CheckRequest(Request(
      Within("a", "e", Dates(Day(2011, 5))) +
      Within("b", "e", Dates(Day(2012, 5))) +
      Within("c", "f", Dates(Day(2001)))));
  return *request;
}

const CheckRequest& Consistent() {
  static const CheckRequest* request =
      new CheckRequest(Request(Within("a", "e", Dates(Day(2011, 5)))));
  return *request;
}

const CheckRequest& Invalid() {
  static const CheckRequest* request =
      new CheckRequest(Request(Within("leap", "e", Dates(Day(2013, 2, 29)))));
  return *request;
}

// Waits until the server has no check running, for at most kPrompt.
bool ServerGoesIdle(Server& server) {
  const absl::Time end = absl::Now() + kPrompt;
  while (absl::Now() < end) {
    if (server.service().stats().in_flight == 0) return true;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return false;
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { Start({}); }
  void Start(const ServerOptions& options) {
    server_ = StartServer(options);
    ASSERT_NE(server_, nullptr);
    stub_ = ClaimChecker::NewStub(ChannelTo(*server_));
  }
  grpc::Status Call(const CheckRequest& request, CheckReport& report,
                    absl::Duration deadline = absl::Seconds(60)) {
    grpc::ClientContext context;
    SetDeadline(context, deadline);
    return stub_->Check(&context, request, &report);
  }
  grpc::Status CallBatch(const std::vector<CheckRequest>& requests,
                         CheckBatchResponse& response,
                         absl::Duration deadline = absl::Seconds(60)) {
    CheckBatchRequest batch;
    for (const CheckRequest& r : requests) *batch.add_requests() = r;
    grpc::ClientContext context;
    SetDeadline(context, deadline);
    return stub_->CheckBatch(&context, batch, &response);
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<ClaimChecker::Stub> stub_;
};

TEST_F(ServiceTest, RoundTripGivesTheLibrarysReport) {
  CheckReport report;
  const grpc::Status status = Call(Conflicting(), report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  ASSERT_EQ(report.conflicts_size(), 1);
  EXPECT_EQ(report.conflicts(0).members_size(), 2);
  absl::StatusOr<CheckReport> direct = Check(Conflicting());
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(report.SerializeAsString(), direct->SerializeAsString());
}

TEST_F(ServiceTest, InvalidInputIsAReportNotAnError) {
  CheckReport report;
  const grpc::Status status = Call(Invalid(), report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.verdict(), VERDICT_INVALID_INPUT);
  ASSERT_GE(report.issues_size(), 1);
  EXPECT_EQ(report.issues(0).claim_id(), "leap");
  EXPECT_THAT(report.issues(0).message(), HasSubstr("does not exist"));
}

TEST_F(ServiceTest, ADeadlineStopsTheCheckOnTheServer) {
  CheckReport report;
  const absl::Time start = absl::Now();
  const grpc::Status status =
      Call(SlowRequest(), report, absl::Milliseconds(200));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
      << status.error_message();
  // The client gives up at its deadline whatever the server does; the
  // server must have stopped the check too, well before its two minutes.
  EXPECT_TRUE(ServerGoesIdle(*server_));
  EXPECT_LT(absl::Now() - start, kPrompt);
  const auto stats = server_->service().stats();
  EXPECT_EQ(stats.calls, 1);
  EXPECT_EQ(stats.deadline_exceeded, 1);
}

TEST_F(ServiceTest, ACancelledCallStopsTheCheckOnTheServer) {
  grpc::ClientContext context;
  SetDeadline(context, absl::Seconds(60));
  std::thread canceller([&context] {
    absl::SleepFor(absl::Milliseconds(300));
    context.TryCancel();
  });
  CheckReport report;
  const grpc::Status status = stub_->Check(&context, SlowRequest(), &report);
  canceller.join();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(ServerGoesIdle(*server_));
  // The server counts the call once its handler returns.
  const absl::Time end = absl::Now() + kPrompt;
  while (server_->service().stats().calls == 0 && absl::Now() < end) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_EQ(server_->service().stats().cancelled, 1);
}

TEST_F(ServiceTest, AnOversizedRequestIsRefused) {
  ServerOptions options;
  options.max_message_bytes = 64 * 1024;
  Start(options);
  CheckRequest big = Consistent();
  big.mutable_claims()->mutable_claims(0)->mutable_provenance()->set_quote(
      std::string(100 * 1024, 'x'));
  CheckReport report;
  const grpc::Status status = Call(big, report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("larger than max"));
  EXPECT_THAT(status.error_message(), HasSubstr("65536"));
  // A request under the limit still goes through.
  EXPECT_TRUE(Call(Consistent(), report).ok());
}

TEST_F(ServiceTest, TooManyClaimsAreRefusedNamingTheLimit) {
  ServerOptions options;
  options.service.max_claims = 2;
  Start(options);
  CheckReport report;
  grpc::Status status = Call(Conflicting(), report);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(),
              HasSubstr("the request has 3 claims; this server accepts at "
                        "most 2 claims per call (--max_claims)"));
  EXPECT_TRUE(Call(Consistent(), report).ok());
  // A batch counts the claims of all its requests.
  CheckBatchResponse response;
  status = CallBatch({Consistent(), Consistent(), Consistent()}, response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("has 3 claims"));
}

TEST_F(ServiceTest, ABatchAnswersInRequestOrder) {
  CheckBatchResponse response;
  const grpc::Status status =
      CallBatch({Conflicting(), Invalid(), Consistent()}, response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.reports_size(), 3);
  EXPECT_EQ(response.reports(0).verdict(), VERDICT_INCONSISTENT);
  EXPECT_EQ(response.reports(1).verdict(), VERDICT_INVALID_INPUT);
  EXPECT_EQ(response.reports(2).verdict(), VERDICT_CONSISTENT);
}

TEST_F(ServiceTest, ABatchDeadlineCoversTheWholeBatch) {
  CheckBatchResponse response;
  const grpc::Status status = CallBatch({Consistent(), SlowRequest()}, response,
                                        absl::Milliseconds(300));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(ServerGoesIdle(*server_));
}

TEST_F(ServiceTest, ConcurrentCallsRunInParallelUpToTheBound) {
  ServerOptions options;
  options.service.max_concurrent_checks = 2;
  Start(options);
  // Three slow calls: two must run at once (a server that served calls one
  // at a time never gets there), the third waits for a slot.
  constexpr int kCalls = 3;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<grpc::Status> statuses(kCalls);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    contexts.push_back(std::make_unique<grpc::ClientContext>());
    SetDeadline(*contexts.back(), absl::Seconds(60));
  }
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&, i] {
      CheckReport report;
      statuses[i] = stub_->Check(contexts[i].get(), SlowRequest(), &report);
    });
  }
  const absl::Time end = absl::Now() + kPrompt;
  while (server_->service().stats().in_flight < 2 && absl::Now() < end) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_EQ(server_->service().stats().in_flight, 2);
  absl::SleepFor(absl::Milliseconds(200));
  EXPECT_EQ(server_->service().stats().peak_in_flight, 2);
  for (auto& context : contexts) context->TryCancel();
  for (std::thread& t : callers) t.join();
  for (const grpc::Status& s : statuses) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::CANCELLED);
  }
  EXPECT_TRUE(ServerGoesIdle(*server_));
}

TEST_F(ServiceTest, ConcurrentCallsEachGetTheirOwnReport) {
  const std::vector<std::pair<const CheckRequest*, Verdict>> cases = {
      {&Conflicting(), VERDICT_INCONSISTENT},
      {&Consistent(), VERDICT_CONSISTENT},
      {&Invalid(), VERDICT_INVALID_INPUT}};
  constexpr int kThreads = 6;
  constexpr int kCallsEach = 3;
  std::atomic<int> right{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      for (int c = 0; c < kCallsEach; ++c) {
        const auto& [request, verdict] = cases[(t + c) % cases.size()];
        CheckReport report;
        if (Call(*request, report).ok() && report.verdict() == verdict) ++right;
      }
    });
  }
  for (std::thread& t : callers) t.join();
  EXPECT_EQ(right.load(), kThreads * kCallsEach);
  EXPECT_EQ(server_->service().stats().calls, kThreads * kCallsEach);
}

TEST_F(ServiceTest, HealthCheckingServesAndStopsAtShutdown) {
  std::unique_ptr<grpc::health::v1::Health::Stub> health =
      grpc::health::v1::Health::NewStub(ChannelTo(*server_));
  for (const std::string service : {"", "claimcheck.v1.ClaimChecker"}) {
    grpc::ClientContext context;
    SetDeadline(context, absl::Seconds(10));
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    const grpc::Status status = health->Check(&context, request, &response);
    ASSERT_TRUE(status.ok()) << service << ": " << status.error_message();
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING)
        << service;
  }
  server_->Shutdown(absl::ZeroDuration());
  grpc::ClientContext context;
  SetDeadline(context, absl::Seconds(10));
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_FALSE(health->Check(&context, {}, &response).ok());
}

TEST_F(ServiceTest, ReflectionListsTheServicesAndDescribesCheck) {
  service::ReflectionClient client(ChannelTo(*server_), absl::Seconds(10));
  absl::StatusOr<std::vector<std::string>> services = client.ListServices();
  ASSERT_TRUE(services.ok()) << services.status();
  EXPECT_THAT(*services, ::testing::UnorderedElementsAre(
                             "claimcheck.v1.ClaimChecker",
                             "grpc.health.v1.Health",
                             "grpc.reflection.v1alpha.ServerReflection"));
  absl::StatusOr<const google::protobuf::MethodDescriptor*> method =
      client.FindMethod("claimcheck.v1.ClaimChecker.Check");
  ASSERT_TRUE(method.ok()) << method.status();
  EXPECT_EQ((*method)->input_type()->full_name(), "claimcheck.v1.CheckRequest");
  EXPECT_EQ((*method)->output_type()->full_name(), "claimcheck.v1.CheckReport");
  // The imported schema came along: a claim's kinds are all there.
  EXPECT_NE(client.pool().FindMessageTypeByName("claimcheck.v1.GapClaim"),
            nullptr);
}

TEST_F(ServiceTest, ReflectionIsEnoughToCallCheck) {
  // A request built only from the descriptors the server sent, as
  // grpc_cli does: text in, text out.
  service::ReflectionClient client(ChannelTo(*server_), absl::Seconds(10));
  absl::StatusOr<const google::protobuf::MethodDescriptor*> method =
      client.FindMethod("claimcheck.v1.ClaimChecker/Check");
  ASSERT_TRUE(method.ok()) << method.status();
  std::unique_ptr<google::protobuf::Message> request =
      client.NewMessage((*method)->input_type());
  std::unique_ptr<google::protobuf::Message> response =
      client.NewMessage((*method)->output_type());
  std::string text;
  google::protobuf::TextFormat::PrintToString(Conflicting(), &text);
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(text, request.get()));
  const grpc::Status status =
      client.Call(**method, *request, *response, absl::Seconds(60));
  ASSERT_TRUE(status.ok()) << status.error_message();
  CheckReport report;
  ASSERT_TRUE(report.ParseFromString(response->SerializeAsString()));
  EXPECT_EQ(report.verdict(), VERDICT_INCONSISTENT);
  EXPECT_EQ(report.conflicts_size(), 1);
}

}  // namespace
}  // namespace claimcheck::testing

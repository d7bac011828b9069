// claimcheck_client: calls a gRPC server through its reflection service,
// knowing no method in advance (like grpc_cli, which Debian does not ship).
//
//   claimcheck_client [--server=127.0.0.1:50051] ls
//   claimcheck_client [--server=...] describe SYMBOL
//   claimcheck_client [--server=...] [--format=text|json] [--deadline_ms=N]
//                     call SERVICE.METHOD [FILE]
//   claimcheck_client [--server=...] health [SERVICE]
//
// `call` reads the request (text format, or JSON with --format=json) from
// FILE or stdin and prints the response in the same format. Exit codes: 0
// success (health: SERVING), 1 a failed call (its status code and message
// on stderr), 2 usage.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/reflection_client.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051", "The server, HOST:PORT.");
ABSL_FLAG(std::string, format, "text",
          "Request and response format for call: text or json.");
ABSL_FLAG(int64_t, deadline_ms, 0, "Deadline of call and health, ms (0: none).");
ABSL_FLAG(int64_t, reflection_timeout_ms, 10000,
          "Deadline of each reflection request, ms.");

namespace {

constexpr char kUsage[] =
    "claimcheck_client [--server=HOST:PORT] ls | describe SYMBOL | "
    "[--format=text|json] [--deadline_ms=N] call SERVICE.METHOD [FILE] | "
    "health [SERVICE]";

int Fail(const std::string& message, int code = 1) {
  std::cerr << "claimcheck_client: " << message << "\n";
  return code;
}

int Fail(const absl::Status& status) {
  return Fail(absl::StrCat(absl::StatusCodeToString(status.code()), ": ",
                           status.message()));
}

int Fail(const grpc::Status& status) {
  return Fail(absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                           status.error_message()));
}

absl::Duration Deadline() {
  const int64_t ms = absl::GetFlag(FLAGS_deadline_ms);
  return ms > 0 ? absl::Milliseconds(ms) : absl::InfiniteDuration();
}

int List(claimcheck::service::ReflectionClient& client) {
  absl::StatusOr<std::vector<std::string>> services = client.ListServices();
  if (!services.ok()) return Fail(services.status());
  for (const std::string& s : *services) std::cout << s << "\n";
  return 0;
}

int Describe(claimcheck::service::ReflectionClient& client,
             const std::string& symbol) {
  if (absl::Status s = client.Load(symbol); !s.ok()) return Fail(s);
  const google::protobuf::DescriptorPool& pool = client.pool();
  if (const auto* d = pool.FindServiceByName(symbol)) {
    std::cout << d->DebugString();
  } else if (const auto* d = pool.FindMessageTypeByName(symbol)) {
    std::cout << d->DebugString();
  } else if (const auto* d = pool.FindMethodByName(symbol)) {
    std::cout << d->DebugString();
  } else if (const auto* d = pool.FindEnumTypeByName(symbol)) {
    std::cout << d->DebugString();
  } else {
    return Fail(absl::StrCat("NOT_FOUND: ", symbol));
  }
  return 0;
}

int Call(claimcheck::service::ReflectionClient& client,
         const std::string& name, const std::string& file) {
  absl::StatusOr<const google::protobuf::MethodDescriptor*> method =
      client.FindMethod(name);
  if (!method.ok()) return Fail(method.status());
  std::stringstream text;
  if (file.empty() || file == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(file);
    if (!in) return Fail(absl::StrCat(file, ": cannot be read"), 2);
    text << in.rdbuf();
  }
  std::unique_ptr<google::protobuf::Message> request =
      client.NewMessage((*method)->input_type());
  std::unique_ptr<google::protobuf::Message> response =
      client.NewMessage((*method)->output_type());
  const bool json = absl::GetFlag(FLAGS_format) == "json";
  const bool parsed =
      json ? google::protobuf::util::JsonStringToMessage(text.str(), request.get())
                 .ok()
           : google::protobuf::TextFormat::ParseFromString(text.str(),
                                                           request.get());
  if (!parsed) {
    return Fail(absl::StrCat("the request is not a ",
                             (*method)->input_type()->full_name(), " in ",
                             json ? "JSON" : "text format"),
                2);
  }
  grpc::Status status = client.Call(**method, *request, *response, Deadline());
  if (!status.ok()) return Fail(status);
  std::string out;
  if (json) {
    google::protobuf::util::JsonPrintOptions print;
    print.add_whitespace = true;
    print.preserve_proto_field_names = true;
    google::protobuf::util::MessageToJsonString(*response, &out, print);
  } else {
    google::protobuf::TextFormat::PrintToString(*response, &out);
  }
  std::cout << out;
  return 0;
}

int Health(const std::shared_ptr<grpc::Channel>& channel,
           const std::string& service) {
  std::unique_ptr<grpc::health::v1::Health::Stub> stub =
      grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  if (Deadline() != absl::InfiniteDuration()) {
    context.set_deadline(absl::ToChronoTime(absl::Now() + Deadline()));
  }
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) return Fail(status);
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                   response.status())
            << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING ? 0
                                                                             : 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "text" && format != "json") {
    return Fail(absl::StrCat("unknown --format '", format, "'\nusage: ", kUsage), 2);
  }
  const std::string command = args.size() > 1 ? args[1] : "";
  std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel(
      absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials());
  claimcheck::service::ReflectionClient client(
      channel, absl::Milliseconds(absl::GetFlag(FLAGS_reflection_timeout_ms)));
  if (command == "ls" && args.size() == 2) return List(client);
  if (command == "describe" && args.size() == 3) return Describe(client, args[2]);
  if (command == "call" && (args.size() == 3 || args.size() == 4)) {
    return Call(client, args[2], args.size() == 4 ? args[3] : "");
  }
  if (command == "health" && args.size() <= 3) {
    return Health(channel, args.size() == 3 ? args[2] : "");
  }
  return Fail(absl::StrCat("usage: ", kUsage), 2);
}

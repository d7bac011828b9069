// A client that knows no service in advance: it asks the server's
// reflection service (grpc.reflection.v1alpha.ServerReflection) what it
// offers and for the descriptors of its methods, then calls a method with
// messages built from those descriptors. What grpc_cli and grpcurl do, for
// machines that have neither (Debian packages no generic gRPC client).
#ifndef CLAIMCHECK_SERVICE_REFLECTION_CLIENT_H_
#define CLAIMCHECK_SERVICE_REFLECTION_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/message.h"
#include "grpcpp/grpcpp.h"

namespace claimcheck::service {

class ReflectionClient {
 public:
  // Each call below is one RPC with `timeout` as its deadline.
  ReflectionClient(std::shared_ptr<grpc::Channel> channel,
                   absl::Duration timeout);

  // The full names of the services the server offers, as it lists them.
  absl::StatusOr<std::vector<std::string>> ListServices();

  // Fetches the file that defines `symbol` (a service, method or message
  // full name), and every file it imports, into pool().
  absl::Status Load(const std::string& symbol);
  // Descriptors fetched so far.
  const google::protobuf::DescriptorPool& pool() const { return pool_; }

  // A method by "pkg.Service.Method" or "pkg.Service/Method", loaded first.
  absl::StatusOr<const google::protobuf::MethodDescriptor*> FindMethod(
      const std::string& name);
  // An empty message of a type in pool().
  std::unique_ptr<google::protobuf::Message> NewMessage(
      const google::protobuf::Descriptor* type);

  // Calls a unary method with `request` (of its input type); fills
  // `response` (of its output type). `deadline` bounds the call
  // (InfiniteDuration: none).
  grpc::Status Call(const google::protobuf::MethodDescriptor& method,
                    const google::protobuf::Message& request,
                    google::protobuf::Message& response,
                    absl::Duration deadline);

 private:
  // One reflection request (text format of ServerReflectionRequest) and its
  // response, on a stream of its own.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Ask(
      const std::string& request_text);
  absl::Status AddFiles(const google::protobuf::Message& response);

  std::shared_ptr<grpc::Channel> channel_;
  absl::Duration timeout_;
  google::protobuf::SimpleDescriptorDatabase database_;
  google::protobuf::DescriptorPool pool_{&database_};
  google::protobuf::DynamicMessageFactory factory_{&pool_};
};

}  // namespace claimcheck::service

#endif  // CLAIMCHECK_SERVICE_REFLECTION_CLIENT_H_

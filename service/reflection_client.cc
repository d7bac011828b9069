#include "service/reflection_client.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/text_format.h"
#include "grpcpp/generic/generic_stub.h"

namespace claimcheck::service {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MessageFactory;

constexpr char kReflectionMethod[] =
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
constexpr char kRequestType[] =
    "grpc.reflection.v1alpha.ServerReflectionRequest";
constexpr char kResponseType[] =
    "grpc.reflection.v1alpha.ServerReflectionResponse";

grpc::ByteBuffer ToBuffer(const Message& message) {
  const std::string bytes = message.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

bool FromBuffer(const grpc::ByteBuffer& buffer, Message& message) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return message.ParseFromString(bytes);
}

// Waits for the one operation in flight on `cq`.
bool Next(grpc::CompletionQueue& cq) {
  void* tag = nullptr;
  bool ok = false;
  return cq.Next(&tag, &ok) && ok;
}

void Drain(grpc::CompletionQueue& cq) {
  cq.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (cq.Next(&tag, &ok)) {
  }
}

void* Tag() { return reinterpret_cast<void*>(1); }

absl::Status FromGrpc(const grpc::Status& status, const std::string& what) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

// The message field `name` of `m`, or null when unset.
const Message* Field(const Message& m, const char* name) {
  const FieldDescriptor* f = m.GetDescriptor()->FindFieldByName(name);
  if (f == nullptr || !m.GetReflection()->HasField(m, f)) return nullptr;
  return &m.GetReflection()->GetMessage(m, f);
}

std::vector<std::string> RepeatedStrings(const Message& m, const char* name) {
  std::vector<std::string> out;
  const FieldDescriptor* f = m.GetDescriptor()->FindFieldByName(name);
  if (f == nullptr) return out;
  const int n = m.GetReflection()->FieldSize(m, f);
  for (int i = 0; i < n; ++i) {
    out.push_back(m.GetReflection()->GetRepeatedString(m, f, i));
  }
  return out;
}

absl::Status ErrorOf(const Message& response) {
  const Message* error = Field(response, "error_response");
  if (error == nullptr) return absl::OkStatus();
  const Descriptor* d = error->GetDescriptor();
  const int code = error->GetReflection()->GetInt32(
      *error, d->FindFieldByName("error_code"));
  return absl::Status(static_cast<absl::StatusCode>(code),
                      error->GetReflection()->GetString(
                          *error, d->FindFieldByName("error_message")));
}

}  // namespace

ReflectionClient::ReflectionClient(std::shared_ptr<grpc::Channel> channel,
                                   absl::Duration timeout)
    : channel_(std::move(channel)), timeout_(timeout) {}

absl::StatusOr<std::unique_ptr<Message>> ReflectionClient::Ask(
    const std::string& request_text) {
  // The reflection messages compiled into libgrpc++_reflection, found by
  // name: no copy of reflection.proto is needed.
  const DescriptorPool* generated = DescriptorPool::generated_pool();
  const Descriptor* request_type = generated->FindMessageTypeByName(kRequestType);
  const Descriptor* response_type =
      generated->FindMessageTypeByName(kResponseType);
  if (request_type == nullptr || response_type == nullptr) {
    return absl::FailedPreconditionError(
        "the reflection protos are not linked in (link -lgrpc++_reflection)");
  }
  MessageFactory* messages = MessageFactory::generated_factory();
  std::unique_ptr<Message> request(messages->GetPrototype(request_type)->New());
  std::unique_ptr<Message> response(
      messages->GetPrototype(response_type)->New());
  if (!google::protobuf::TextFormat::ParseFromString(request_text,
                                                     request.get())) {
    return absl::InternalError(absl::StrCat("bad reflection request ", request_text));
  }

  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  grpc::CompletionQueue cq;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
      stub.PrepareCall(&context, kReflectionMethod, &cq);
  call->StartCall(Tag());
  bool ok = Next(cq);
  if (ok) {
    call->Write(ToBuffer(*request), Tag());
    ok = Next(cq);
  }
  if (ok) {
    call->WritesDone(Tag());
    ok = Next(cq);
  }
  grpc::ByteBuffer reply;
  bool replied = false;
  if (ok) {
    call->Read(&reply, Tag());
    replied = Next(cq);
  }
  grpc::Status status;
  call->Finish(&status, Tag());
  Next(cq);
  Drain(cq);
  if (!status.ok()) return FromGrpc(status, "reflection");
  if (!replied || !FromBuffer(reply, *response)) {
    return absl::UnavailableError("reflection: no usable response");
  }
  if (absl::Status error = ErrorOf(*response); !error.ok()) return error;
  return response;
}

absl::StatusOr<std::vector<std::string>> ReflectionClient::ListServices() {
  absl::StatusOr<std::unique_ptr<Message>> response = Ask("list_services: \"*\"");
  if (!response.ok()) return response.status();
  const Message* list = Field(**response, "list_services_response");
  if (list == nullptr) {
    return absl::UnavailableError("reflection: no list of services");
  }
  std::vector<std::string> names;
  const FieldDescriptor* service =
      list->GetDescriptor()->FindFieldByName("service");
  const int n = list->GetReflection()->FieldSize(*list, service);
  for (int i = 0; i < n; ++i) {
    const Message& s = list->GetReflection()->GetRepeatedMessage(*list, service, i);
    names.push_back(s.GetReflection()->GetString(
        s, s.GetDescriptor()->FindFieldByName("name")));
  }
  return names;
}

absl::Status ReflectionClient::AddFiles(const Message& response) {
  const Message* files = Field(response, "file_descriptor_response");
  if (files == nullptr) {
    return absl::UnavailableError("reflection: no file descriptors");
  }
  for (const std::string& bytes : RepeatedStrings(*files, "file_descriptor_proto")) {
    google::protobuf::FileDescriptorProto file;
    if (!file.ParseFromString(bytes)) {
      return absl::DataLossError("reflection: a file descriptor does not parse");
    }
    google::protobuf::FileDescriptorProto known;
    if (!database_.FindFileByName(file.name(), &known)) database_.Add(file);
  }
  return absl::OkStatus();
}

absl::Status ReflectionClient::Load(const std::string& symbol) {
  absl::StatusOr<std::unique_ptr<Message>> response =
      Ask(absl::StrCat("file_containing_symbol: \"", symbol, "\""));
  if (!response.ok()) return response.status();
  if (absl::Status s = AddFiles(**response); !s.ok()) return s;
  // The server sends the imports along; any it left out are asked for.
  std::vector<std::string> names;
  database_.FindAllFileNames(&names);
  for (size_t i = 0; i < names.size(); ++i) {
    google::protobuf::FileDescriptorProto file;
    database_.FindFileByName(names[i], &file);
    for (const std::string& dependency : file.dependency()) {
      google::protobuf::FileDescriptorProto known;
      if (database_.FindFileByName(dependency, &known)) continue;
      response = Ask(absl::StrCat("file_by_filename: \"", dependency, "\""));
      if (!response.ok()) return response.status();
      if (absl::Status s = AddFiles(**response); !s.ok()) return s;
      names.push_back(dependency);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<const google::protobuf::MethodDescriptor*>
ReflectionClient::FindMethod(const std::string& name) {
  const std::string dotted = absl::StrReplaceAll(name, {{"/", "."}});
  const size_t last_dot = dotted.rfind('.');
  if (last_dot == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", name, "' is not Service.Method"));
  }
  const std::string service_name = dotted.substr(0, last_dot);
  if (absl::Status s = Load(service_name); !s.ok()) return s;
  const google::protobuf::ServiceDescriptor* service =
      pool_.FindServiceByName(service_name);
  if (service == nullptr) {
    return absl::NotFoundError(absl::StrCat("no service ", service_name));
  }
  const google::protobuf::MethodDescriptor* method =
      service->FindMethodByName(dotted.substr(last_dot + 1));
  if (method == nullptr) {
    return absl::NotFoundError(absl::StrCat("no method ", dotted));
  }
  return method;
}

std::unique_ptr<Message> ReflectionClient::NewMessage(const Descriptor* type) {
  return std::unique_ptr<Message>(factory_.GetPrototype(type)->New());
}

grpc::Status ReflectionClient::Call(
    const google::protobuf::MethodDescriptor& method, const Message& request,
    Message& response, absl::Duration deadline) {
  if (method.client_streaming() || method.server_streaming()) {
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                        "only unary methods can be called");
  }
  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  if (deadline != absl::InfiniteDuration()) {
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }
  grpc::CompletionQueue cq;
  const std::string path =
      absl::StrCat("/", method.service()->full_name(), "/", method.name());
  std::unique_ptr<grpc::ClientAsyncResponseReader<grpc::ByteBuffer>> call =
      stub.PrepareUnaryCall(&context, path, ToBuffer(request), &cq);
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  call->Finish(&reply, &status, Tag());
  Next(cq);
  Drain(cq);
  if (status.ok() && !FromBuffer(reply, response)) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        "the response does not parse as " +
                            method.output_type()->full_name());
  }
  return status;
}

}  // namespace claimcheck::service

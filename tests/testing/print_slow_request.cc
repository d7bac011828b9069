// Prints SlowRequest() (slow_request.h) for the shell tests: as a
// text-format CheckRequest, or with --jsonl its ClaimSet as one line of JSON.
#include <iostream>
#include <string>

#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"
#include "tests/testing/slow_request.h"

int main(int argc, char** argv) {
  const claimcheck::v1::CheckRequest request = claimcheck::testing::SlowRequest();
  std::string out;
  if (argc == 2 && std::string(argv[1]) == "--jsonl") {
    if (!google::protobuf::util::MessageToJsonString(request.claims(), &out).ok()) {
      return 1;
    }
    out += "\n";
  } else {
    google::protobuf::TextFormat::PrintToString(request, &out);
  }
  std::cout << out;
  return 0;
}

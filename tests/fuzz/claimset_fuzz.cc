#include "tests/fuzz/claimset_fuzz.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/statusor.h"
#include "claims/load.h"
#include "proto/claimcheck.pb.h"
#include "solver/checker.h"

namespace claimcheck::fuzz {

using namespace claimcheck::v1;  // NOLINT

int CheckBytes(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // A first byte 0, 1 or 2 names the format (text, JSON, binary) and is
  // not part of the input; otherwise '{' starts JSON and anything else is
  // text, so that the project's own files serve as seeds as they are.
  const char* begin = reinterpret_cast<const char*>(data);
  Format format = data[0] == '{' ? Format::kJson : Format::kText;
  if (data[0] < 3) {
    format = data[0] == 0 ? Format::kText : data[0] == 1 ? Format::kJson : Format::kBinary;
    ++begin;
    --size;
  }
  const std::string content(begin, size);
  Origins origins;
  absl::StatusOr<ClaimSet> set = ParseClaimSet("fuzz", content, format, &origins);
  if (!set.ok()) return 0;  // a parse error, named: fine
  CheckRequest request;
  *request.mutable_claims() = *std::move(set);
  // Small limits keep each input quick; what is tested is that nothing
  // crashes and nothing is dropped, not the verdict.
  Limits& limits = *request.mutable_options()->mutable_limits();
  limits.set_max_claims(64);
  limits.set_rlimit(2000000);
  limits.set_max_conflicts(4);
  limits.set_max_subsets_explored(4);
  request.mutable_options()->mutable_diagnosis()->set_max_repairs(-1);
  absl::StatusOr<CheckReport> report = Check(request);
  if (!report.ok()) return 0;  // an error status, not a crash
  if (report->claims_size() != request.claims().claims_size()) {
    std::fprintf(stderr, "report has %d claim results for %d claims\n",
                 report->claims_size(), request.claims().claims_size());
    std::abort();
  }
  for (const ClaimResult& r : report->claims()) {
    if (r.status() == CLAIM_STATUS_UNSPECIFIED) {
      std::fprintf(stderr, "claim '%s' has no status\n", r.claim_id().c_str());
      std::abort();
    }
  }
  return 0;
}

}  // namespace claimcheck::fuzz

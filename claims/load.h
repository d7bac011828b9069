// Reading claim sets from files: text format (.textproto, .txtpb, .pbtxt),
// JSON (.json) or binary protobuf (.pb, .binpb), chosen by extension.
//
// Parse errors name the file, line and column. Every source, event, measure
// and claim read keeps the file and line it came from, so that validation
// issues can point at them.
#ifndef CLAIMCHECK_CLAIMS_LOAD_H_
#define CLAIMCHECK_CLAIMS_LOAD_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {

struct Location {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown (binary input)
};

// Where each object of a merged claim set came from, by kind and id.
class Origins {
 public:
  void Add(absl::string_view kind, absl::string_view id, Location where);
  // kind is "source", "event", "measure" or "claim".
  const Location* Find(absl::string_view kind, absl::string_view id) const;
  // Fills issue.file and issue.line from the object the issue is about.
  void Locate(claimcheck::v1::Issue& issue) const;

 private:
  absl::flat_hash_map<std::string, Location> where_;
};

enum class Format { kText, kJson, kBinary };

// The format a path's extension names; fails on an unknown extension.
absl::StatusOr<Format> FormatOfPath(absl::string_view path);

// Parses one claim set from `content`, recording origins under `path`.
absl::StatusOr<claimcheck::v1::ClaimSet> ParseClaimSet(
    absl::string_view path, const std::string& content, Format format,
    Origins* origins);

// Reads and merges the files in order into one ClaimSet. Fails on the first
// unreadable or unparsable file, naming it.
absl::StatusOr<claimcheck::v1::ClaimSet> LoadClaimFiles(
    const std::vector<std::string>& paths, Origins* origins);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_LOAD_H_

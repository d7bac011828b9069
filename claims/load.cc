#include "claims/load.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"

namespace claimcheck {
namespace {

using claimcheck::v1::ClaimSet;
using google::protobuf::FieldDescriptor;
using google::protobuf::TextFormat;

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (first_.empty()) {
      first_ = absl::StrCat(line + 1, ":", column + 1, ": ", message);
    }
  }
  void AddWarning(int, int, const std::string&) override {}
  const std::string& first() const { return first_; }

 private:
  std::string first_;
};

constexpr const char* kRepeated[][2] = {{"sources", "source"},
                                        {"events", "event"},
                                        {"measures", "measure"},
                                        {"claims", "claim"}};

// The id of element `index` of repeated field `field` (each has an `id`).
std::string IdOf(const ClaimSet& set, const FieldDescriptor* field,
                 int index) {
  const google::protobuf::Message& m =
      set.GetReflection()->GetRepeatedMessage(set, field, index);
  return m.GetReflection()->GetString(
      m, m.GetDescriptor()->FindFieldByName("id"));
}

// 1-based line of the first `"id": <needle>` (JSON) or `id: <needle>`
// (text) in `content`, or 0.
int LineOfQuotedId(const std::string& content, const std::string& needle,
                   size_t from) {
  size_t pos = from;
  while ((pos = content.find(needle, pos)) != std::string::npos) {
    size_t k = pos;
    while (k > 0 && (content[k - 1] == ' ' || content[k - 1] == '\t' ||
                     content[k - 1] == ':' || content[k - 1] == '\n' ||
                     content[k - 1] == '\r')) {
      --k;
    }
    if ((k >= 4 && content.compare(k - 4, 4, "\"id\"") == 0) ||
        (k >= 2 && content.compare(k - 2, 2, "id") == 0 &&
         (k == 2 || (!std::isalnum(static_cast<unsigned char>(content[k - 3])) &&
                     content[k - 3] != '_')))) {
      return 1 + static_cast<int>(
                     std::count(content.begin(), content.begin() + pos, '\n'));
    }
    pos += needle.size();
  }
  return 0;
}

// 1-based line of the first `id: "<id>"` or `id: '<id>'` in `content`
// after the first mention of the kind's field (`"events"`), so that ids
// shared by two kinds resolve apart; or 0.
int IdLineOf(const std::string& content, const std::string& id,
             absl::string_view field_name) {
  size_t from = content.find(absl::StrCat("\"", field_name, "\""));
  if (from == std::string::npos) from = content.find(std::string(field_name));
  if (from == std::string::npos) from = 0;
  for (const char quote : {'"', '\''}) {
    const std::string needle = absl::StrCat(std::string(1, quote), id,
                                            std::string(1, quote));
    const int line = LineOfQuotedId(content, needle, from);
    if (line > 0) return line;
  }
  return 0;
}

}  // namespace

void Origins::Add(absl::string_view kind, absl::string_view id,
                  Location where) {
  where_.emplace(absl::StrCat(kind, ":", id), std::move(where));
}

const Location* Origins::Find(absl::string_view kind,
                              absl::string_view id) const {
  auto it = where_.find(absl::StrCat(kind, ":", id));
  return it == where_.end() ? nullptr : &it->second;
}

void Origins::Locate(claimcheck::v1::Issue& issue) const {
  absl::string_view kind = "claim";
  for (absl::string_view k : {"source", "event", "measure"}) {
    if (absl::StartsWith(issue.field(), absl::StrCat(k, "."))) kind = k;
  }
  const Location* where = Find(kind, issue.claim_id());
  if (where == nullptr) return;
  issue.set_file(where->file);
  issue.set_line(where->line);
}

absl::StatusOr<Format> FormatOfPath(absl::string_view path) {
  for (absl::string_view ext : {".textproto", ".txtpb", ".pbtxt", ".txt"}) {
    if (absl::EndsWith(path, ext)) return Format::kText;
  }
  if (absl::EndsWith(path, ".json")) return Format::kJson;
  if (absl::EndsWith(path, ".pb") || absl::EndsWith(path, ".binpb")) {
    return Format::kBinary;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, ": unknown extension (expected .textproto, .txtpb, .pbtxt, .json, "
            ".pb or .binpb)"));
}

absl::StatusOr<ClaimSet> ParseClaimSet(absl::string_view path,
                                       const std::string& content,
                                       Format format, Origins* origins) {
  ClaimSet set;
  TextFormat::ParseInfoTree tree;
  switch (format) {
    case Format::kText: {
      TextFormat::Parser parser;
      CollectErrors errors;
      parser.RecordErrorsTo(&errors);
      parser.WriteLocationsTo(&tree);
      if (!parser.ParseFromString(content, &set)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ":", errors.first()));
      }
      break;
    }
    case Format::kJson: {
      google::protobuf::util::JsonParseOptions options;
      const auto status =
          google::protobuf::util::JsonStringToMessage(content, &set, options);
      if (!status.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": invalid JSON claim set: ", status.message().as_string()));
      }
      break;
    }
    case Format::kBinary:
      if (!set.ParseFromString(content)) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": not a binary ClaimSet protobuf"));
      }
      break;
  }
  if (origins != nullptr) {
    for (const auto& [field_name, kind] : kRepeated) {
      const FieldDescriptor* field =
          ClaimSet::descriptor()->FindFieldByName(field_name);
      const int n = set.GetReflection()->FieldSize(set, field);
      // The text parser records one location per field occurrence, so list
      // syntax ("claims [ {...}, {...} ]") leaves elements without one; then
      // the line of the element's id is used, as for JSON.
      bool tree_usable = format == Format::kText;
      for (int i = 0; i < n && tree_usable; ++i) {
        const int line = tree.GetLocation(field, i).line;
        tree_usable = line >= 0 && (i == 0 || line > tree.GetLocation(field, i - 1).line);
      }
      for (int i = 0; i < n; ++i) {
        const std::string id = IdOf(set, field, i);
        int line = 0;
        if (tree_usable) {
          line = tree.GetLocation(field, i).line + 1;
        } else if (format != Format::kBinary) {
          line = IdLineOf(content, id, field_name);
        }
        origins->Add(kind, id, {std::string(path), line});
      }
    }
  }
  return set;
}

absl::StatusOr<ClaimSet> LoadClaimFiles(const std::vector<std::string>& paths,
                                        Origins* origins) {
  ClaimSet merged;
  for (const std::string& path : paths) {
    absl::StatusOr<Format> format = FormatOfPath(path);
    if (!format.ok()) return format.status();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat(path, ": cannot be read"));
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    absl::StatusOr<ClaimSet> set =
        ParseClaimSet(path, buffer.str(), *format, origins);
    if (!set.ok()) return set.status();
    // An empty file (or one of comments only, or "{}") is a truncated or
    // mistaken input more often than a claim set: said, not checked as one.
    if (set->ByteSizeLong() == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": empty: no sources, events, measures or claims in it"));
    }
    merged.MergeFrom(*set);
  }
  return merged;
}

}  // namespace claimcheck

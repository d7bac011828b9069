#include "solver/session.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "claims/fill.h"
#include "claims/validate.h"
#include "google/protobuf/util/message_differencer.h"
#include "solver/check_internal.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Appends `added`'s entries to `into`, those with an id `into` has already
// only when identical (then they are skipped). Returns an error naming the
// first id defined twice.
template <typename T>
absl::Status AppendById(const google::protobuf::RepeatedPtrField<T>& added,
                        const char* what,
                        google::protobuf::RepeatedPtrField<T>& into) {
  absl::flat_hash_map<std::string, const T*> by_id;
  for (const T& t : into) by_id.emplace(t.id(), &t);
  std::vector<const T*> fresh;
  for (const T& t : added) {
    auto it = by_id.find(t.id());
    if (it == by_id.end()) {
      by_id.emplace(t.id(), &t);
      fresh.push_back(&t);
      continue;
    }
    if (!google::protobuf::util::MessageDifferencer::Equals(*it->second, t)) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, " '", t.id(),
                       "' is already in the session with another definition"));
    }
  }
  for (const T* t : fresh) *into.Add() = *t;
  return absl::OkStatus();
}

}  // namespace

Session::Session(CheckOptions options)
    : options_(std::move(options)), cache_(std::make_unique<PartCache>()) {}

Session::~Session() = default;

absl::Status Session::Add(const ClaimSet& set, std::vector<Issue>* issues) {
  absl::flat_hash_set<std::string> ids;
  for (const Claim& c : set_.claims()) ids.insert(c.id());
  for (const Claim& c : set.claims()) {
    if (!c.id().empty() && !ids.insert(c.id()).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "claim '", c.id(), "' is already in the session (retract it first)"));
    }
  }
  CheckRequest combined;
  *combined.mutable_options() = options_;
  ClaimSet& out = *combined.mutable_claims();
  out = set_;
  if (absl::Status s = AppendById(set.sources(), "source", *out.mutable_sources());
      !s.ok()) {
    return s;
  }
  if (absl::Status s = AppendById(set.events(), "event", *out.mutable_events());
      !s.ok()) {
    return s;
  }
  if (absl::Status s = AppendById(set.measures(), "measure", *out.mutable_measures());
      !s.ok()) {
    return s;
  }
  for (const Claim& c : set.claims()) *out.add_claims() = c;
  // Validated as Check validates: after the phrases are read.
  CheckRequest read = combined;
  std::vector<Issue> found = FillPhrases(*read.mutable_claims());
  std::vector<Issue> invalid = ValidateRequest(read);
  invalid.insert(invalid.begin(), found.begin(), found.end());
  std::vector<Issue> errors;
  for (Issue& issue : invalid) {
    if (issue.severity() == SEVERITY_ERROR) errors.push_back(std::move(issue));
  }
  if (!errors.empty()) {
    const Issue& first = errors.front();
    absl::Status status = absl::InvalidArgumentError(absl::StrCat(
        errors.size(), " issue(s), nothing added; the first: ",
        first.claim_id().empty() ? "" : absl::StrCat("'", first.claim_id(), "' "),
        first.field(), ": ", first.message()));
    if (issues != nullptr) *issues = std::move(errors);
    return status;
  }
  set_ = std::move(*combined.mutable_claims());
  return absl::OkStatus();
}

absl::Status Session::Retract(const std::vector<std::string>& claim_ids) {
  absl::flat_hash_set<std::string> present;
  for (const Claim& c : set_.claims()) present.insert(c.id());
  absl::flat_hash_set<std::string> gone;
  for (const std::string& id : claim_ids) {
    if (!present.contains(id)) {
      return absl::NotFoundError(
          absl::StrCat("claim '", id, "' is not in the session; nothing retracted"));
    }
    gone.insert(id);
  }
  google::protobuf::RepeatedPtrField<Claim> kept;
  for (Claim& c : *set_.mutable_claims()) {
    if (!gone.contains(c.id())) *kept.Add() = std::move(c);
  }
  set_.mutable_claims()->Swap(&kept);
  return absl::OkStatus();
}

absl::StatusOr<CheckReport> Session::Check(const CheckControl& control) {
  CheckRequest request;
  *request.mutable_options() = options_;
  *request.mutable_claims() = set_;
  CheckStats stats;
  absl::StatusOr<CheckReport> report =
      CheckWith(request, control, cache_.get(), &stats);
  stats_ = {stats.fast_path_groups, stats.parts, stats.parts_checked,
            stats.parts_reused};
  return report;
}

}  // namespace claimcheck

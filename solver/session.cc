#include "solver/session.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "claims/fill.h"
#include "claims/validate.h"
#include "google/protobuf/util/message_differencer.h"
#include "solver/check_internal.h"
#include "solver/encoding.h"
#include "solver/fast_path.h"
#include "solver/merge.h"
#include "solver/regions.h"
#include "solver/split.h"
#include "z3++.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// The entries of `added` the session does not have (by id, through `at`,
// the index of `have`), in order; an entry it has, or that `added` has
// earlier, must be identical (then it is skipped). Returns an error naming
// the first id defined twice.
template <typename T>
absl::Status FreshById(const google::protobuf::RepeatedPtrField<T>& added,
                       const char* what,
                       const google::protobuf::RepeatedPtrField<T>& have,
                       const absl::flat_hash_map<std::string, int>& at,
                       std::vector<const T*>& fresh) {
  absl::flat_hash_map<std::string, const T*> earlier;
  for (const T& t : added) {
    const T* same = nullptr;
    if (auto it = at.find(t.id()); it != at.end()) {
      same = &have.Get(it->second);
    } else if (auto e = earlier.find(t.id()); e != earlier.end()) {
      same = e->second;
    }
    if (same == nullptr) {
      earlier.emplace(t.id(), &t);
      fresh.push_back(&t);
    } else if (!google::protobuf::util::MessageDifferencer::Equals(*same, t)) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, " '", t.id(),
                       "' is already in the session with another definition"));
    }
  }
  return absl::OkStatus();
}

// Whether a session can check regions apart: not when the options derive
// bounds (a derivation's subject may lie in any region, and derive_all
// turns the fast path off) or turn the fast path off.
bool RegionsApply(const CheckOptions& options) {
  return !options.no_fast_path() && !options.diagnosis().derive_all() &&
         options.diagnosis().derive_size() == 0;
}

}  // namespace

// The regions' keys (solver/regions.h) of the session's claims and
// definitions, and what the last Check found for each claim. Claims are
// known by a handle that stays the same across retractions.
struct Session::Index {
  absl::flat_hash_map<std::string, int> handle_of;  // claim id -> handle
  std::vector<int> position;                        // by handle; -1: retracted
  std::vector<int> handle_at;                       // by position in set_
  std::vector<std::vector<std::string>> links;      // by handle
  absl::flat_hash_map<std::string, std::vector<int>> claims_at;  // key -> handles
  // Definitions' links, both ways: key -> keys.
  absl::flat_hash_map<std::string, std::vector<std::string>> neighbours;
  // Definitions by id: index in the session's set.
  absl::flat_hash_map<std::string, int> source_at, event_at, measure_at;
  // By source, the claims that name its publication two-sidedly, and that
  // lean on it being late, early (encoding.h, UsesOfPublications).
  absl::flat_hash_map<std::string, std::array<int, 3>> uses;

  // Changes since the last Check: keys whose regions must be checked again,
  // and claims added.
  absl::flat_hash_set<std::string> dirty_keys;
  std::vector<int> added;

  // What the last Check found; only when primed.
  bool primed = false;
  absl::flat_hash_set<std::string> linked;  // linked publications then
  std::vector<char> decided;                // by handle: by the fast path
  absl::flat_hash_map<int, std::vector<Issue>> read;  // phrase readings
  struct StoredPart {
    std::vector<int> handles;  // in input order
    std::string key;           // in the PartCache
    bool live = true;
  };
  std::vector<StoredPart> parts;
  std::vector<int> part_of;  // by handle; -1: none

  // Drops the parts no longer live; `renumber` holds indices into the
  // list, kept pointing at the same parts.
  void DropDeadParts(std::vector<int>& renumber) {
    size_t live = 0;
    for (const StoredPart& p : parts) live += p.live;
    if (live == parts.size()) return;
    std::vector<StoredPart> kept;
    std::vector<int> moved(parts.size(), -1);
    for (size_t p = 0; p < parts.size(); ++p) {
      if (!parts[p].live) continue;
      moved[p] = static_cast<int>(kept.size());
      kept.push_back(std::move(parts[p]));
    }
    parts = std::move(kept);
    for (int& p : part_of) {
      if (p >= 0) p = moved[p];
    }
    for (int& p : renumber) p = moved[p];
  }

  const Measure* MeasureById(const ClaimSet& set, const std::string& id) const {
    auto it = measure_at.find(id);
    return it == measure_at.end() ? nullptr : &set.measures(it->second);
  }

  void Link(const std::vector<std::string>& keys) {
    for (size_t i = 1; i < keys.size(); ++i) {
      neighbours[keys[0]].push_back(keys[i]);
      neighbours[keys[i]].push_back(keys[0]);
    }
    dirty_keys.insert(keys.begin(), keys.end());
  }

  void CountUses(const Claim& c, int delta) {
    const PublicationUses u = UsesOfPublications(c);
    for (const std::string& s : u.two_sided) uses[s][0] += delta;
    for (const std::string& s : u.late) uses[s][1] += delta;
    for (const std::string& s : u.early) uses[s][2] += delta;
  }

  absl::flat_hash_set<std::string> Linked() const {
    absl::flat_hash_set<std::string> out;
    for (const auto& [source, n] : uses) {
      if (n[0] > 0 || (n[1] > 0 && n[2] > 0)) out.insert(source);
    }
    return out;
  }

  bool HasClaims(const std::string& key) const {
    auto it = claims_at.find(key);
    return it != claims_at.end() && !it->second.empty();
  }

  // The claims of the regions of `claims` and of `keys`, in input order:
  // everything linked to them by keys a Check follows now (regions.h).
  std::vector<int> Reach(const std::vector<int>& claims,
                         const absl::flat_hash_set<std::string>& keys,
                         const absl::flat_hash_set<std::string>& linked_now,
                         absl::flat_hash_set<std::string>& seen) const {
    std::vector<char> in(position.size(), 0);
    std::vector<int> out;
    std::vector<std::string> todo;
    auto follow = [&](const std::string& key) {
      if (seen.contains(key)) return;
      if (!dirty_keys.contains(key)) {
        const std::string source = PublicationOfKey(key);
        if (!source.empty() && !linked_now.contains(source)) return;
        if (IsRangeKey(key) && !HasClaims(key)) return;
      }
      seen.insert(key);
      todo.push_back(key);
    };
    auto take = [&](int h) {
      if (position[h] < 0 || in[h]) return;
      in[h] = 1;
      out.push_back(h);
      for (const std::string& k : links[h]) follow(k);
    };
    for (int h : claims) take(h);
    for (const std::string& k : keys) follow(k);
    while (!todo.empty()) {
      const std::string key = std::move(todo.back());
      todo.pop_back();
      if (auto it = claims_at.find(key); it != claims_at.end()) {
        for (int h : it->second) take(h);
      }
      if (auto it = neighbours.find(key); it != neighbours.end()) {
        for (const std::string& k : it->second) follow(k);
      }
    }
    std::sort(out.begin(), out.end(),
              [&](int a, int b) { return position[a] < position[b]; });
    return out;
  }
};

Session::Session(CheckOptions options)
    : options_(std::move(options)),
      cache_(std::make_unique<PartCache>()),
      index_(std::make_unique<Index>()) {}

Session::~Session() = default;

absl::Status Session::Add(const ClaimSet& set, std::vector<Issue>* issues) {
  Index& index = *index_;
  absl::flat_hash_set<std::string> ids;
  for (const Claim& c : set.claims()) {
    if (!c.id().empty() &&
        (index.handle_of.contains(c.id()) || !ids.insert(c.id()).second)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "claim '", c.id(), "' is already in the session (retract it first)"));
    }
  }
  std::vector<const Source*> sources;
  std::vector<const Event*> events;
  std::vector<const Measure*> measures;
  if (absl::Status s = FreshById(set.sources(), "source", set_.sources(),
                                 index.source_at, sources);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = FreshById(set.events(), "event", set_.events(),
                                 index.event_at, events);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = FreshById(set.measures(), "measure", set_.measures(),
                                 index.measure_at, measures);
      !s.ok()) {
    return s;
  }
  // Validated as Check validates, after the phrases are read, but only
  // what is new: the new definitions and claims, with every source and the
  // events and measures the new claims name (the session's were validated
  // when they came). Then what depends on the whole: the claim count and
  // the subjects to derive.
  CheckRequest request;
  *request.mutable_options() = options_;
  request.mutable_options()->mutable_diagnosis()->clear_derive();
  request.mutable_options()->mutable_limits()->set_max_claims(INT32_MAX);
  ClaimSet& read = *request.mutable_claims();
  *read.mutable_sources() = set_.sources();
  for (const Source* t : sources) *read.add_sources() = *t;
  for (const Event* t : events) *read.add_events() = *t;
  for (const Measure* t : measures) *read.add_measures() = *t;
  absl::flat_hash_set<std::string> named;
  auto measure_named = [&](const std::string& id) -> const Measure* {
    if (const Measure* m = index.MeasureById(set_, id); m != nullptr) return m;
    for (const Measure* m : measures) {
      if (m->id() == id) return m;
    }
    return nullptr;
  };
  std::vector<std::vector<std::string>> links;  // by new claim
  for (const Claim& c : set.claims()) {
    *read.add_claims() = c;
    links.push_back(ClaimLinks(c, measure_named));
    named.insert(links.back().begin(), links.back().end());
  }
  for (const std::string& k : named) {
    if (absl::StartsWith(k, "e:")) {
      if (auto it = index.event_at.find(k.substr(2)); it != index.event_at.end()) {
        *read.add_events() = set_.events(it->second);
      }
    } else if (absl::StartsWith(k, "m:")) {
      if (auto it = index.measure_at.find(k.substr(2)); it != index.measure_at.end()) {
        *read.add_measures() = set_.measures(it->second);
      }
    }
  }
  std::vector<Issue> invalid = FillPhrases(read);
  for (Issue& issue : ValidateRequest(request)) invalid.push_back(std::move(issue));
  auto defined = [&](const std::string& id) {
    return index.event_at.contains(id) || index.measure_at.contains(id) ||
           std::any_of(events.begin(), events.end(),
                       [&](const Event* e) { return e->id() == id; }) ||
           std::any_of(measures.begin(), measures.end(),
                       [&](const Measure* m) { return m->id() == id; });
  };
  for (Issue& issue : ValidateWholeSet(
           options_, set_.claims_size() + set.claims_size(), defined)) {
    invalid.push_back(std::move(issue));
  }
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
  for (const Source* t : sources) {
    index.source_at[t->id()] = set_.sources_size();
    *set_.add_sources() = *t;
  }
  // Definitions first: a claim's links look its measures up.
  for (const Event* t : events) {
    index.event_at[t->id()] = set_.events_size();
    *set_.add_events() = *t;
    index.Link(EventLinks(*t));
  }
  for (const Measure* t : measures) {
    index.measure_at[t->id()] = set_.measures_size();
    *set_.add_measures() = *t;
    index.Link(MeasureLinks(*t));
  }
  const int claims_before = set_.claims_size();
  for (const Claim& c : set.claims()) *set_.add_claims() = c;
  for (int i = claims_before; i < set_.claims_size(); ++i) {
    const Claim& c = set_.claims(i);
    const int h = static_cast<int>(index.position.size());
    index.handle_of[c.id()] = h;
    index.position.push_back(i);
    index.handle_at.push_back(h);
    index.links.push_back(std::move(links[i - claims_before]));
    for (const std::string& k : index.links.back()) index.claims_at[k].push_back(h);
    index.CountUses(c, +1);
    index.decided.push_back(0);
    index.part_of.push_back(-1);
    index.added.push_back(h);
  }
  return absl::OkStatus();
}

absl::Status Session::Retract(const std::vector<std::string>& claim_ids) {
  Index& index = *index_;
  absl::flat_hash_set<std::string> gone;
  for (const std::string& id : claim_ids) {
    if (!index.handle_of.contains(id)) {
      return absl::NotFoundError(
          absl::StrCat("claim '", id, "' is not in the session; nothing retracted"));
    }
    gone.insert(id);
  }
  for (const std::string& id : gone) {
    const int h = index.handle_of.at(id);
    const Claim& c = set_.claims(index.position[h]);
    index.CountUses(c, -1);
    // Its region is checked again, and a part it was in is gone. A
    // publication's key counts only while linked (a change of that is
    // seen by the next Check).
    for (const std::string& k : index.links[h]) {
      const std::string source = PublicationOfKey(k);
      if (source.empty() || index.linked.contains(source)) {
        index.dirty_keys.insert(k);
      }
      std::vector<int>& at = index.claims_at[k];
      at.erase(std::remove(at.begin(), at.end(), h), at.end());
    }
    if (index.part_of[h] >= 0) index.parts[index.part_of[h]].live = false;
    index.part_of[h] = -1;
    index.read.erase(h);
    index.position[h] = -1;
    index.handle_of.erase(id);
  }
  google::protobuf::RepeatedPtrField<Claim> kept;
  for (Claim& c : *set_.mutable_claims()) {
    if (!gone.contains(c.id())) *kept.Add() = std::move(c);
  }
  set_.mutable_claims()->Swap(&kept);
  index.handle_at.clear();
  for (int i = 0; i < set_.claims_size(); ++i) {
    const int h = index.handle_of.at(set_.claims(i).id());
    index.position[h] = i;
    index.handle_at.push_back(h);
  }
  return absl::OkStatus();
}

absl::StatusOr<CheckReport> Session::Check(const CheckControl& control) {
  stats_ = Stats{};
  if (!RegionsApply(options_) || absl::Now() >= control.deadline) {
    index_->primed = false;
    return CheckEverything(control);
  }
  return CheckRegions(control);
}

// Every claim, as claimcheck::Check checks them (reusing parts' reports).
absl::StatusOr<CheckReport> Session::CheckEverything(const CheckControl& control) {
  CheckRequest request;
  *request.mutable_options() = options_;
  *request.mutable_claims() = set_;
  CheckStats stats;
  absl::StatusOr<CheckReport> report =
      CheckWith(request, control, cache_.get(), &stats);
  stats_ = {stats.fast_path_groups, stats.parts, stats.parts_checked,
            stats.parts_reused, set_.claims_size()};
  return report;
}

absl::StatusOr<CheckReport> Session::CheckRegions(const CheckControl& control) {
  Index& index = *index_;
  const absl::flat_hash_set<std::string> linked_now = index.Linked();
  // What to check: every claim the first time; else the regions the changes
  // reach, and those of parts whose reports the cache no longer holds (a
  // limit or a stop cut them short).
  std::vector<int> claims;
  absl::flat_hash_set<std::string> seen;  // keys reached
  const bool everything = !index.primed;
  if (everything) {
    for (int i = 0; i < set_.claims_size(); ++i) {
      claims.push_back(index.handle_at[i]);
    }
  } else {
    for (const std::string& s : linked_now) {
      if (!index.linked.contains(s)) index.dirty_keys.insert(PublicationKey(s));
    }
    for (const std::string& s : index.linked) {
      if (!linked_now.contains(s)) index.dirty_keys.insert(PublicationKey(s));
    }
    std::vector<int> start = index.added;
    for (const Index::StoredPart& p : index.parts) {
      if (p.live && cache_->Find(p.key) == nullptr) {
        start.insert(start.end(), p.handles.begin(), p.handles.end());
      }
    }
    claims = index.Reach(start, index.dirty_keys, linked_now, seen);
  }
  // The request of those claims: the definitions their keys reach (all of
  // them the first time), every source.
  CheckRequest request;
  *request.mutable_options() = options_;
  ClaimSet& sub = *request.mutable_claims();
  *sub.mutable_sources() = set_.sources();
  if (everything) {
    *sub.mutable_events() = set_.events();
    *sub.mutable_measures() = set_.measures();
  } else {
    // In the session's order, as a check of every claim has them.
    std::vector<int> events, measures;
    for (const std::string& key : seen) {
      if (absl::StartsWith(key, "e:")) {
        if (auto it = index.event_at.find(key.substr(2)); it != index.event_at.end()) {
          events.push_back(it->second);
        }
      } else if (absl::StartsWith(key, "m:")) {
        if (auto it = index.measure_at.find(key.substr(2));
            it != index.measure_at.end()) {
          measures.push_back(it->second);
        }
      }
    }
    std::sort(events.begin(), events.end());
    std::sort(measures.begin(), measures.end());
    for (int i : events) *sub.add_events() = set_.events(i);
    for (int i : measures) *sub.add_measures() = set_.measures(i);
  }
  for (int h : claims) *sub.add_claims() = set_.claims(index.position[h]);

  // As CheckWith does, without validation (Add validated every claim):
  // phrases, the fast path, then the rest's parts with Z3.
  CheckStats stats;
  std::vector<Issue> read;
  if (HasPhrases(sub)) read = FillPhrases(sub);
  const int64_t diagnosis_ms = options_.limits().diagnosis_ms();
  const absl::Time diagnosis_end =
      diagnosis_ms > 0 ? absl::Now() + absl::Milliseconds(diagnosis_ms)
                       : absl::InfiniteFuture();
  const FastPathResult fast = DecideSimpleGroups(request);
  stats.fast_path_groups = fast.groups_decided;
  const CheckRequest rest = RestOf(request, fast);
  std::vector<int> rest_handles;
  for (int i = 0; i < sub.claims_size(); ++i) {
    if (!fast.decided[i]) rest_handles.push_back(claims[i]);
  }
  Split split;
  if (!rest_handles.empty()) {
    try {
      split = SplitIndependent(rest);
    } catch (const z3::exception& e) {
      return absl::InternalError(absl::StrCat("Z3 failed: ", e.msg()));
    }
  }
  std::vector<CheckReport> part_reports;
  std::vector<std::string> keys;
  if (absl::Status s = CheckSplit(split, ThreadsOf(options_), control,
                                  diagnosis_end, cache_.get(), stats,
                                  part_reports, keys);
      !s.ok()) {
    index.primed = false;
    return s;
  }

  // What they found replaces what the index held for them.
  if (everything) {
    index.parts.clear();
    std::fill(index.part_of.begin(), index.part_of.end(), -1);
    index.read.clear();
  }
  for (size_t i = 0; i < claims.size(); ++i) {
    const int h = claims[i];
    index.decided[h] = fast.decided[i] ? 1 : 0;
    index.read.erase(h);
    if (index.part_of[h] >= 0) index.parts[index.part_of[h]].live = false;
    index.part_of[h] = -1;
  }
  for (Issue& issue : read) {
    index.read[index.handle_of.at(issue.claim_id())].push_back(std::move(issue));
  }
  std::vector<int> fresh_part(split.parts.size());
  for (size_t p = 0; p < split.parts.size(); ++p) {
    Index::StoredPart stored;
    for (int k : split.parts[p].claims) stored.handles.push_back(rest_handles[k]);
    stored.key = keys[p];
    fresh_part[p] = static_cast<int>(index.parts.size());
    for (int h : stored.handles) index.part_of[h] = fresh_part[p];
    index.parts.push_back(std::move(stored));
  }
  index.DropDeadParts(fresh_part);
  index.added.clear();
  index.dirty_keys.clear();
  index.linked = linked_now;
  index.primed = true;
  stats_.claims_checked = static_cast<int>(claims.size());
  stats_.fast_path_groups = stats.fast_path_groups;

  // The report of every claim: the claims Z3 has, in input order, merged
  // from every live part (this Check's and the kept ones'), as CheckWith
  // merges the parts of its rest.
  CheckRequest whole_rest;
  *whole_rest.mutable_options() = options_;
  *whole_rest.mutable_claims()->mutable_sources() = set_.sources();
  std::vector<int> rest_index(index.position.size(), -1);
  for (int i = 0; i < set_.claims_size(); ++i) {
    const int h = index.handle_at[i];
    if (index.decided[h]) continue;
    rest_index[h] = whole_rest.claims().claims_size();
    *whole_rest.mutable_claims()->add_claims() = set_.claims(i);
  }
  Split all;
  std::vector<CheckReport> reports;
  for (size_t p = 0; p < index.parts.size(); ++p) {
    const Index::StoredPart& stored = index.parts[p];
    if (!stored.live) continue;
    Part& part = all.parts.emplace_back();
    for (int h : stored.handles) part.claims.push_back(rest_index[h]);
    std::sort(part.claims.begin(), part.claims.end());
    if (const CheckReport* hit = cache_->Find(stored.key); hit != nullptr) {
      reports.push_back(*hit);
    } else {
      // Checked by this Check but not reusable (a limit cut it short).
      const auto it = std::find(fresh_part.begin(), fresh_part.end(),
                                static_cast<int>(p));
      if (it == fresh_part.end()) {
        index.primed = false;
        return absl::InternalError(
            "a kept part's report is neither cached nor checked again");
      }
      reports.push_back(part_reports[it - fresh_part.begin()]);
    }
  }
  stats_.parts = static_cast<int>(all.parts.size());
  stats_.parts_checked = stats.parts_checked;
  stats_.parts_reused = stats_.parts - stats_.parts_checked;
  if (all.parts.size() == 1) {
    // One part: claimcheck::Check checks the whole rest as one request, not
    // the part's own; so does the session then (with the cache).
    CheckRequest whole;
    *whole.mutable_options() = options_;
    *whole.mutable_claims() = set_;
    return CheckWith(whole, control, cache_.get(), nullptr);  // ends the
                                                               // generation
  }
  cache_->EndGeneration();
  // Parts in input order of their first claim, as the split orders them.
  std::vector<int> order(all.parts.size());
  for (size_t p = 0; p < order.size(); ++p) order[p] = static_cast<int>(p);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return all.parts[a].claims.front() < all.parts[b].claims.front();
  });
  Split sorted;
  std::vector<CheckReport> sorted_reports;
  for (int p : order) {
    sorted.parts.push_back(std::move(all.parts[p]));
    sorted_reports.push_back(std::move(reports[p]));
  }
  CheckReport merged = EmptyReportFor(whole_rest);
  if (sorted.parts.empty()) {
    merged.set_verdict(VERDICT_CONSISTENT);
  } else {
    MergeParts(whole_rest, sorted, MaxRepairs(options_), sorted_reports, merged);
  }
  std::vector<bool> decided(set_.claims_size());
  std::vector<Issue> readings;
  for (int i = 0; i < set_.claims_size(); ++i) {
    const int h = index.handle_at[i];
    decided[i] = index.decided[h] != 0;
    if (auto it = index.read.find(h); it != index.read.end()) {
      readings.insert(readings.end(), it->second.begin(), it->second.end());
    }
  }
  Stitch(set_, decided, std::move(readings), merged);
  return merged;
}

}  // namespace claimcheck

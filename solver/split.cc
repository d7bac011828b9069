#include "solver/split.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "solver/oracle.h"
#include "z3++.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Every string a message holds, at any depth: the ids, classes, actors and
// quantities a claim names are among them.
void CollectStrings(const google::protobuf::Message& m,
                    std::vector<const std::string*>& out) {
  const google::protobuf::Reflection* r = m.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const google::protobuf::FieldDescriptor* f : fields) {
    using FD = google::protobuf::FieldDescriptor;
    if (f->cpp_type() == FD::CPPTYPE_STRING) {
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          out.push_back(&r->GetRepeatedStringReference(m, f, i, nullptr));
        }
      } else {
        out.push_back(&r->GetStringReference(m, f, nullptr));
      }
    } else if (f->cpp_type() == FD::CPPTYPE_MESSAGE) {
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          CollectStrings(r->GetRepeatedMessage(m, f, i), out);
        }
      } else {
        CollectStrings(r->GetMessage(m, f), out);
      }
    }
  }
}

// The parts a subject of the set belongs to, gathered without repeats.
class Owners {
 public:
  void Add(int part) {
    if (std::find(parts_.begin(), parts_.end(), part) == parts_.end()) {
      parts_.push_back(part);
    }
  }
  void Add(const std::vector<int>& parts) {
    for (int p : parts) Add(p);
  }
  const std::vector<int>& parts() const { return parts_; }

 private:
  std::vector<int> parts_;  // few: usually one
};

}  // namespace

Split SplitIndependent(const CheckRequest& request) {
  const ClaimSet& set = request.claims();
  Split split;
  z3::context ctx;
  Encoding encoding(ctx, request, Encoding::Use::kStructure);
  std::vector<Entry> entries;
  for (int i = 0; i < set.claims_size(); ++i) {
    std::optional<Encoded> encoded = EncodeClaim(set.claims(i), encoding);
    if (!encoded.has_value()) {
      split.unencoded.push_back(i);
      continue;
    }
    entries.push_back(
        {i, ctx.bool_const(absl::StrCat("claim!", i).c_str()), *encoded});
  }
  Oracle oracle(request, ctx, encoding, entries);
  std::vector<int> all(entries.size());
  for (size_t e = 0; e < all.size(); ++e) all[e] = static_cast<int>(e);
  absl::flat_hash_map<std::string, int> part_of;  // constant -> part
  const std::vector<std::vector<int>> components =
      oracle.Components(all, &part_of);

  const int n = static_cast<int>(components.size());
  split.parts.resize(n);
  // Which parts name each string.
  absl::flat_hash_map<std::string, std::vector<int>> named_by;
  for (int p = 0; p < n; ++p) {
    for (int e : components[p]) {
      const int index = entries[e].index;
      split.parts[p].claims.push_back(index);
      std::vector<const std::string*> strings;
      CollectStrings(set.claims(index), strings);
      for (const std::string* s : strings) {
        if (s->empty()) continue;
        std::vector<int>& parts = named_by[*s];
        if (parts.empty() || parts.back() != p) parts.push_back(p);
      }
    }
  }
  auto named = [&](const std::string& s, Owners& owners) {
    if (auto it = named_by.find(s); it != named_by.end()) owners.Add(it->second);
  };
  auto by_constant = [&](const std::string& name, Owners& owners) {
    if (auto it = part_of.find(name); it != part_of.end()) owners.Add(it->second);
  };
  auto event_owners = [&](const Event& e, Owners& owners) {
    by_constant(absl::StrCat("start!", e.id()), owners);
    by_constant(absl::StrCat("end!", e.id()), owners);
    by_constant(absl::StrCat("occurs!", e.id()), owners);
  };
  auto measure_owners = [&](const Measure& m, Owners& owners) {
    by_constant(oracle.Canonical(absl::StrCat("value!", m.id())), owners);
  };

  std::vector<std::vector<int>> events_of(n), measures_of(n), sources_of(n);
  for (int i = 0; i < set.events_size(); ++i) {
    const Event& e = set.events(i);
    Owners owners;
    event_owners(e, owners);
    named(e.id(), owners);
    for (const std::string& c : e.classes()) named(c, owners);
    for (const std::string& a : e.actors()) named(a, owners);
    for (const ActorRole& r : e.roles()) named(r.actor(), owners);
    for (int p : owners.parts()) events_of[p].push_back(i);
  }
  // Measures of one quantity go together: an encoder may range over them.
  using QuantityKey = std::tuple<std::string, std::string, std::string, int,
                                 std::string>;
  absl::flat_hash_map<QuantityKey, Owners> quantity_owners;
  std::vector<Owners> measure_parts(set.measures_size());
  auto key_of = [](const Measure& m) {
    return QuantityKey{m.quantity(), m.from(), m.to(), m.dimension(),
                       m.currency()};
  };
  for (int i = 0; i < set.measures_size(); ++i) {
    const Measure& m = set.measures(i);
    measure_owners(m, measure_parts[i]);
    named(m.id(), measure_parts[i]);
    if (!m.quantity().empty()) {
      quantity_owners[key_of(m)].Add(measure_parts[i].parts());
    }
  }
  for (int i = 0; i < set.measures_size(); ++i) {
    const Measure& m = set.measures(i);
    if (!m.quantity().empty()) {
      measure_parts[i].Add(quantity_owners[key_of(m)].parts());
    }
    for (int p : measure_parts[i].parts()) measures_of[p].push_back(i);
  }
  for (int i = 0; i < set.sources_size(); ++i) {
    const Source& s = set.sources(i);
    Owners owners;
    by_constant(absl::StrCat("published!", s.id()), owners);
    named(s.id(), owners);
    for (int p : owners.parts()) sources_of[p].push_back(i);
  }

  // Subjects to derive go to the part that constrains them; the others to a
  // last part of their own, with no claims.
  const Diagnosis& diagnosis = request.options().diagnosis();
  std::vector<int> leftover;
  if (!diagnosis.derive_all()) {
    absl::flat_hash_map<std::string, int> event_index, measure_index;
    for (int i = 0; i < set.events_size(); ++i) event_index[set.events(i).id()] = i;
    for (int i = 0; i < set.measures_size(); ++i) {
      measure_index[set.measures(i).id()] = i;
    }
    for (int s = 0; s < diagnosis.derive_size(); ++s) {
      const std::string& id = diagnosis.derive(s);
      Owners owners;
      if (auto it = event_index.find(id); it != event_index.end()) {
        event_owners(set.events(it->second), owners);
      } else if (auto m = measure_index.find(id); m != measure_index.end()) {
        measure_owners(set.measures(m->second), owners);
      }
      if (owners.parts().empty()) {
        leftover.push_back(s);
      } else {
        split.parts[owners.parts().front()].subjects.push_back(s);
      }
    }
    if (!leftover.empty()) {
      Part& last = split.parts.emplace_back();
      last.subjects = leftover;
      events_of.emplace_back();
      measures_of.emplace_back();
      sources_of.emplace_back();
      for (int s : leftover) {
        const std::string& id = diagnosis.derive(s);
        if (auto it = event_index.find(id); it != event_index.end()) {
          events_of.back().push_back(it->second);
        } else if (auto m = measure_index.find(id); m != measure_index.end()) {
          for (int i = 0; i < set.measures_size(); ++i) {
            const Measure& other = set.measures(i);
            if (i == m->second ||
                (!other.quantity().empty() &&
                 key_of(other) == key_of(set.measures(m->second)))) {
              measures_of.back().push_back(i);
            }
          }
        }
      }
      for (std::vector<int>* v : {&events_of.back(), &measures_of.back()}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
      }
    }
  }

  for (size_t p = 0; p < split.parts.size(); ++p) {
    Part& part = split.parts[p];
    CheckRequest& sub = part.request;
    *sub.mutable_options() = request.options();
    Diagnosis& d = *sub.mutable_options()->mutable_diagnosis();
    d.clear_derive();
    for (int s : part.subjects) d.add_derive(diagnosis.derive(s));
    ClaimSet& out = *sub.mutable_claims();
    for (int i : sources_of[p]) *out.add_sources() = set.sources(i);
    for (int i : events_of[p]) *out.add_events() = set.events(i);
    for (int i : measures_of[p]) *out.add_measures() = set.measures(i);
    for (int i : part.claims) *out.add_claims() = set.claims(i);
  }
  return split;
}

}  // namespace claimcheck

#include "solver/explain.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace claimcheck {
namespace {

struct Tagged {
  const DirectBound* bound;
  std::string claim_id;
};

// a's values all lie below b's.
bool ValuesBelow(const ValueInterval& a, const ValueInterval& b) {
  if (!a.hi.has_value() || !b.lo.has_value()) return false;
  const int c = Decimal::Compare(a.hi->value, b.lo->value);
  return c < 0 || (c == 0 && (a.hi->open || b.lo->open));
}

bool Disjoint(const DirectBound& a, const DirectBound& b) {
  if (a.value.has_value() != b.value.has_value()) return false;
  if (a.value.has_value()) {
    return ValuesBelow(*a.value, *b.value) || ValuesBelow(*b.value, *a.value);
  }
  return a.last_day < b.first_day || b.last_day < a.first_day;
}

std::string Tag(const Tagged& t) {
  return absl::StrCat(t.bound->text, " [", t.claim_id, "]");
}

}  // namespace

std::string Explain(const std::vector<ExplainedMember>& members,
                    const std::vector<const Axiom*>& axioms,
                    const Encoding& encoding) {
  absl::flat_hash_map<std::string, std::vector<Tagged>> by_subject;
  std::vector<std::string> subjects;  // first-seen order, for determinism
  for (const ExplainedMember& m : members) {
    for (const DirectBound& b : m.encoded->bounds) {
      auto& list = by_subject[b.subject];
      if (list.empty()) subjects.push_back(b.subject);
      list.push_back({&b, m.claim_id});
    }
  }
  std::vector<std::string> background;
  for (const Axiom* a : axioms) background.push_back(a->text);
  const std::string because =
      background.empty()
          ? ""
          : absl::StrCat(" (given that ", absl::StrJoin(background, "; "), ")");

  // 1. Two bounds on one subject that do not meet.
  for (const std::string& s : subjects) {
    const std::vector<Tagged>& list = by_subject[s];
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        if (Disjoint(*list[i].bound, *list[j].bound)) {
          return absl::StrCat(list[i].bound->subject_name, ": ", Tag(list[i]),
                              " vs ", Tag(list[j]), ": disjoint", because);
        }
      }
    }
  }

  // 2. An order between measures (a part and its whole) that bounds break.
  std::vector<MeasureOrder> orders;
  for (const ExplainedMember& m : members) {
    orders.insert(orders.end(), m.encoded->orders.begin(),
                  m.encoded->orders.end());
  }
  for (const Axiom* a : axioms) {
    if (!a->lhs.empty()) orders.push_back({a->lhs, a->rhs, a->text});
  }
  for (const MeasureOrder& o : orders) {
    auto lhs = by_subject.find(absl::StrCat("measure:", o.lhs));
    auto rhs = by_subject.find(absl::StrCat("measure:", o.rhs));
    if (lhs == by_subject.end() || rhs == by_subject.end()) continue;
    for (const Tagged& l : lhs->second) {
      for (const Tagged& r : rhs->second) {
        if (l.bound->value && r.bound->value &&
            ValuesBelow(*r.bound->value, *l.bound->value)) {
          return absl::StrCat(encoding.MeasureName(o.lhs), ": ", Tag(l),
                              " exceeds ", encoding.MeasureName(o.rhs), ": ",
                              Tag(r), "; but ", o.why);
        }
      }
    }
  }

  // 3. No single pair explains it: name what cannot hold together.
  std::vector<std::string> forced;
  for (const ExplainedMember& m : members) {
    forced.push_back(absl::StrCat(m.encoded->forces, " [", m.claim_id, "]"));
  }
  return absl::StrCat("no dates and values satisfy all of: ",
                      absl::StrJoin(forced, "; "), because);
}

}  // namespace claimcheck

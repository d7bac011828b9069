#include "solver/regions.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claims/fields.h"

namespace claimcheck {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

// As the split and the fast path key a quantity.
std::string QuantityKey(const Measure& m) {
  return absl::StrCat(m.quantity(), "\x1f", m.from(), "\x1f", m.to(), "\x1f",
                      m.dimension(), "\x1f", m.currency());
}

}  // namespace

std::vector<std::string> ClaimLinks(
    const Claim& c,
    const std::function<const Measure*(const std::string&)>& measures) {
  std::vector<std::string> out;
  ForEachNamed(c, [&](Named kind, const std::string& id) {
    switch (kind) {
      case Named::kEvent:
        out.push_back(absl::StrCat("e:", id));
        break;
      case Named::kPublication:
        out.push_back(PublicationKey(id));
        break;
      case Named::kClass:
        out.push_back(absl::StrCat("c:", id));
        break;
      case Named::kActor:
        out.push_back(absl::StrCat("a:", id));
        break;
      case Named::kMeasure:
        out.push_back(absl::StrCat("m:", id));
        break;
      case Named::kMeasureRange:
        out.push_back(absl::StrCat("m:", id));
        if (const Measure* m = measures(id); m != nullptr) {
          out.push_back(absl::StrCat("r:", QuantityKey(*m)));
        }
        break;
      case Named::kMarket:
        out.push_back(absl::StrCat("k:", id));
        break;
    }
  });
  out.push_back(PublicationKey(c.provenance().source()));
  return out;
}

std::vector<std::string> EventLinks(const Event& e) {
  std::vector<std::string> out = {absl::StrCat("e:", e.id())};
  for (const std::string& c : e.classes()) out.push_back(absl::StrCat("c:", c));
  for (const std::string& a : e.actors()) out.push_back(absl::StrCat("a:", a));
  for (const ActorRole& r : e.roles()) {
    out.push_back(absl::StrCat("a:", r.actor()));
  }
  return out;
}

std::vector<std::string> MeasureLinks(const Measure& m) {
  std::vector<std::string> out = {absl::StrCat("m:", m.id()),
                                  absl::StrCat("r:", QuantityKey(m))};
  if (!m.quantity().empty()) out.push_back(absl::StrCat("q:", QuantityKey(m)));
  return out;
}

std::string PublicationKey(const std::string& source) {
  return absl::StrCat("p:", source);
}

bool IsRangeKey(const std::string& key) { return absl::StartsWith(key, "r:"); }

std::string PublicationOfKey(const std::string& key) {
  return absl::StartsWith(key, "p:") ? key.substr(2) : "";
}

}  // namespace claimcheck

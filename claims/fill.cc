#include "claims/fill.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claims/amount.h"
#include "claims/calendar.h"
#include "claims/fields.h"
#include "claims/normalize.h"

namespace claimcheck {
namespace {

using claimcheck::v1::Amount;
using claimcheck::v1::Claim;
using claimcheck::v1::DateSpec;
using claimcheck::v1::Issue;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// An Amount or DateSpec given only as text.
bool IsPhrase(const Amount& a) { return a.value().empty() && !a.text().empty(); }
bool IsPhrase(const DateSpec& d) { return !d.has_start() && !d.text().empty(); }

class Filler {
 public:
  std::vector<Issue> Run(claimcheck::v1::ClaimSet& set) {
    for (Claim& claim : *set.mutable_claims()) {
      id_ = claim.id();
      Walk(claim, "");
    }
    return std::move(issues_);
  }

 private:
  void Add(claimcheck::v1::Severity severity, const std::string& field,
           std::string message) {
    Issue& issue = issues_.emplace_back();
    issue.set_severity(severity);
    issue.set_claim_id(id_);
    issue.set_field(field);
    issue.set_message(std::move(message));
  }

  static std::string Warnings(const std::vector<std::string>& w) {
    return w.empty() ? "" : absl::StrCat(" (", absl::StrJoin(w, "; "), ")");
  }

  void FillAmount(Amount& a, const std::string& path) {
    if (!IsPhrase(a)) return;
    // Gap amounts and date offsets are durations; the rest quantities.
    const bool duration = path.find("gap.") != std::string::npos ||
                          path.find(".offset") != std::string::npos;
    Amount read;
    std::vector<std::string> warnings;
    if (duration) {
      absl::StatusOr<NormalizedDuration> d = NormalizeDuration(a.text());
      if (!d.ok()) {
        Add(claimcheck::v1::SEVERITY_ERROR, path, std::string(d.status().message()));
        return;
      }
      read = d->amount;
      warnings = d->warnings;
    } else {
      absl::StatusOr<NormalizedQuantity> q = NormalizeQuantity(a.text());
      if (!q.ok()) {
        Add(claimcheck::v1::SEVERITY_ERROR, path, std::string(q.status().message()));
        return;
      }
      read = q->amount;
      warnings = q->warnings;
    }
    a.set_value(read.value());
    if (a.scale() == claimcheck::v1::SCALE_UNSPECIFIED) a.set_scale(read.scale());
    if (a.unit().empty()) a.set_unit(read.unit());
    if (a.qualifier() == claimcheck::v1::QUALIFIER_UNSPECIFIED) {
      a.set_qualifier(read.qualifier());
    }
    Add(claimcheck::v1::SEVERITY_WARNING, path,
        absl::StrCat("read \"", a.text(), "\" as ",
                     claimcheck::v1::Qualifier_Name(a.qualifier()), " ",
                     a.value(), " ", claimcheck::v1::Scale_Name(a.scale()), " ",
                     a.unit(), Warnings(warnings)));
  }

  void FillDate(DateSpec& d, const std::string& path) {
    if (!IsPhrase(d)) return;
    absl::StatusOr<NormalizedDate> n = NormalizeDate(d.text());
    if (!n.ok()) {
      Add(claimcheck::v1::SEVERITY_ERROR, path, std::string(n.status().message()));
      return;
    }
    if (n->is_relative()) {
      Add(claimcheck::v1::SEVERITY_ERROR, path,
          absl::StrCat("\"", d.text(), "\" is relative (",
                       DescribeRelativeDate(*n->relative),
                       "): state it as a date's in_period"));
      return;
    }
    const std::string text = d.text();
    *d.mutable_start() = n->date->start();
    if (n->date->has_end()) *d.mutable_end() = n->date->end();
    absl::StatusOr<DayInterval> interval = DateSpecInterval(d);
    Add(claimcheck::v1::SEVERITY_WARNING, path,
        absl::StrCat("read \"", text, "\" as ",
                     interval.ok() ? FormatDayInterval(*interval) : "?",
                     Warnings(n->warnings)));
  }

  void Walk(Message& m, const std::string& path) {
    if (m.GetDescriptor() == Amount::descriptor()) {
      FillAmount(static_cast<Amount&>(m), path);
      return;
    }
    if (m.GetDescriptor() == DateSpec::descriptor()) {
      FillDate(static_cast<DateSpec&>(m), path);
      return;
    }
    const auto* r = m.GetReflection();
    std::vector<const FieldDescriptor*> fields;
    r->ListFields(m, &fields);
    for (const FieldDescriptor* f : fields) {
      if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
      const std::string sub = path.empty() ? f->name() : absl::StrCat(path, ".", f->name());
      if (f->is_repeated()) {
        for (int i = 0; i < r->FieldSize(m, f); ++i) {
          Walk(*r->MutableRepeatedMessage(&m, f, i), absl::StrCat(sub, "[", i, "]"));
        }
      } else {
        Walk(*r->MutableMessage(&m, f), sub);
      }
    }
  }

  std::string id_;
  std::vector<Issue> issues_;
};

}  // namespace

bool HasPhrases(const claimcheck::v1::ClaimSet& set) {
  bool any = false;
  for (const Claim& claim : set.claims()) {
    ForEachAmount(claim, [&](const Amount& a) { any |= IsPhrase(a); });
    ForEachDateSpec(claim, [&](const DateSpec& d) { any |= IsPhrase(d); });
    if (any) return true;
  }
  return false;
}

std::vector<Issue> FillPhrases(claimcheck::v1::ClaimSet& set) {
  return Filler().Run(set);
}

}  // namespace claimcheck

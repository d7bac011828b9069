#include "tests/testing/check_util.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "solver/checker.h"

namespace claimcheck::testing {

using namespace claimcheck::v1;  // NOLINT

const char kPrelude[] = R"pb(
  sources { id: "s" retrieved { year: 2026 month: 11 day: 22 } }
  sources {
    id: "p2014"
    retrieved { year: 2026 month: 11 day: 22 }
    published { start { year: 2014 month: 6 day: 12 } }
  }
  sources { id: "low" reliability: 0.5 retrieved { year: 2026 month: 11 day: 22 } }
  sources { id: "ref" reliability: 1 retrieved { year: 2026 month: 11 day: 22 } }
  events { id: "e" name: "event e" }
  events { id: "f" name: "event f" }
  events { id: "g" name: "event g" classes: "visit/x" }
  events { id: "h" name: "event h" classes: "visit/x" }
  measures { id: "len" name: "length" dimension: DIMENSION_LENGTH }
  measures { id: "usd" name: "cost" dimension: DIMENSION_MONEY currency: "USD" }
  measures { id: "usd2" name: "cost 2" dimension: DIMENSION_MONEY currency: "USD" }
  measures { id: "pkr" name: "cost in rupees" dimension: DIMENSION_MONEY currency: "PKR" }
  measures {
    id: "all" dimension: DIMENSION_MONEY currency: "USD" quantity: "arms" additive: true
    period { start { year: 1947 } end { year: 1991 } }
  }
  measures {
    id: "sub" dimension: DIMENSION_MONEY currency: "USD" quantity: "arms" additive: true
    period { start { year: 1965 } end { year: 1971 } }
  }
  measures {
    id: "later" dimension: DIMENSION_MONEY currency: "USD" quantity: "arms" additive: true
    period { start { year: 1992 } end { year: 2012 } }
  }
  measures { id: "pct" name: "growth" dimension: DIMENSION_PERCENTAGE }
  measures { id: "cnt" name: "doses" dimension: DIMENSION_COUNT }
  measures { id: "share_us" name: "US share" dimension: DIMENSION_SHARE }
  measures { id: "share_ru" name: "Russian share" dimension: DIMENSION_SHARE }
)pb";

CheckRequest Request(absl::string_view claims) {
  CheckRequest request;
  const std::string text = absl::StrCat(kPrelude, claims);
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      text, request.mutable_claims()))
      << "cannot parse test claims:\n"
      << claims;
  return request;
}

CheckReport MustCheck(const CheckRequest& request) {
  absl::StatusOr<CheckReport> report = Check(request);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *report : CheckReport();
}

CheckRequest Restrict(const CheckRequest& request,
                      const std::set<std::string>& keep) {
  CheckRequest out = request;
  out.mutable_claims()->clear_claims();
  for (const Claim& c : request.claims().claims()) {
    if (keep.count(c.id())) *out.mutable_claims()->add_claims() = c;
  }
  return out;
}

std::string MinimalityProblem(const CheckRequest& request,
                              const std::set<std::string>& ids) {
  const CheckReport whole = MustCheck(Restrict(request, ids));
  if (whole.verdict() != VERDICT_INCONSISTENT) {
    return absl::StrCat("{", absl::StrJoin(ids, ", "),
                        "} is not inconsistent on its own: ",
                        Verdict_Name(whole.verdict()));
  }
  for (const std::string& drop : ids) {
    std::set<std::string> rest = ids;
    rest.erase(drop);
    const CheckReport r = MustCheck(Restrict(request, rest));
    if (r.verdict() != VERDICT_CONSISTENT) {
      return absl::StrCat("not minimal: without ", drop, " the rest is ",
                          Verdict_Name(r.verdict()));
    }
  }
  return "";
}

std::vector<std::set<std::string>> ConflictSets(const CheckReport& report) {
  std::vector<std::set<std::string>> out;
  for (const Conflict& c : report.conflicts()) {
    std::set<std::string> ids;
    for (const ConflictMember& m : c.members()) ids.insert(m.claim_id());
    out.push_back(ids);
  }
  return out;
}

}  // namespace claimcheck::testing

namespace claimcheck::testing {

void ExpectCase(const CheckCase& c) {
  claimcheck::v1::CheckRequest request = Request(c.claims);
  *request.mutable_options() = c.options;
  const claimcheck::v1::CheckReport report = MustCheck(request);
  EXPECT_EQ(claimcheck::v1::Verdict_Name(report.verdict()),
            claimcheck::v1::Verdict_Name(c.verdict))
      << report.DebugString();
  if (!c.conflicts.empty()) {
    EXPECT_EQ(ConflictSets(report), c.conflicts) << report.DebugString();
  }
  if (c.verdict == claimcheck::v1::VERDICT_INCONSISTENT) {
    EXPECT_GT(report.conflicts_size(), 0);
  }
  for (const auto& conflict : report.conflicts()) {
    EXPECT_TRUE(conflict.is_minimal());
    EXPECT_FALSE(conflict.explanation().empty());
  }
  for (const std::set<std::string>& ids : ConflictSets(report)) {
    EXPECT_EQ(MinimalityProblem(request, ids), "");
  }
  EXPECT_EQ(report.claims_size(), request.claims().claims_size());
}

}  // namespace claimcheck::testing

namespace claimcheck::testing {

std::string Day(int year, int month, int day) {
  return absl::StrCat("{ year: ", year, " month: ", month, " day: ", day, " }");
}

std::string Dates(const std::string& start, const std::string& end) {
  return end.empty() ? absl::StrCat("start ", start)
                     : absl::StrCat("start ", start, " end ", end);
}

namespace {

std::string Provenance(const std::string& source, const std::string& modality) {
  return absl::StrCat("provenance { source: \"", source, "\"",
                      modality.empty() ? "" : " modality: ", modality, " }");
}

std::string Offset(const std::string& value, const std::string& unit) {
  if (value.empty()) return "";
  return absl::StrCat(" offset { value: \"", value, "\" unit: \"", unit,
                      "\" }");
}

std::string Relative(const std::string& word, const std::string& id,
                     const std::string& subject, const std::string& reference,
                     const std::string& value, const std::string& unit,
                     const std::string& source) {
  return absl::StrCat("claims { id: \"", id, "\" ", Provenance(source, ""),
                      " date { subject { event: \"", subject, "\" } ", word,
                      " { reference { event: \"", reference, "\" }",
                      Offset(value, unit), " } } }\n");
}

}  // namespace

std::string Within(const std::string& id, const std::string& event,
                   const std::string& dates, const std::string& source,
                   const std::string& modality) {
  return absl::StrCat("claims { id: \"", id, "\" ", Provenance(source, modality),
                      " date { subject { event: \"", event, "\" } within { ",
                      dates, " } } }\n");
}

std::string After(const std::string& id, const std::string& subject,
                  const std::string& reference, const std::string& value,
                  const std::string& unit, const std::string& source) {
  return Relative("after", id, subject, reference, value, unit, source);
}

std::string Before(const std::string& id, const std::string& subject,
                   const std::string& reference, const std::string& value,
                   const std::string& unit, const std::string& source) {
  return Relative("before", id, subject, reference, value, unit, source);
}

std::string Gap(const std::string& id, const std::string& from,
                const std::string& to, const std::string& value,
                const std::string& unit, const std::string& qualifier,
                const std::string& source) {
  return absl::StrCat(
      "claims { id: \"", id, "\" ", Provenance(source, ""),
      " gap { from { event: \"", from, "\" } to { event: \"", to,
      "\" } amount { value: \"", value, "\" unit: \"", unit, "\"",
      qualifier.empty() ? "" : " qualifier: ", qualifier, " } } }\n");
}

std::string Qty(const std::string& id, const std::string& measure,
                const std::string& value, const std::string& unit,
                const std::string& scale, const std::string& qualifier,
                const std::string& source) {
  return absl::StrCat(
      "claims { id: \"", id, "\" ", Provenance(source, ""),
      " quantity { measure: \"", measure, "\" amount { value: \"", value,
      "\" unit: \"", unit, "\"", scale.empty() ? "" : " scale: ", scale,
      qualifier.empty() ? "" : " qualifier: ", qualifier, " } } }\n");
}

}  // namespace claimcheck::testing

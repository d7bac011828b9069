#include "tests/testing/slow_request.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace claimcheck::testing {

using namespace claimcheck::v1;  // NOLINT

namespace {

Claim& AddClaim(ClaimSet& set) {
  Claim& c = *set.add_claims();
  c.set_id(absl::StrCat("c", set.claims_size()));
  c.mutable_provenance()->set_source("s");
  return c;
}

void Within(ClaimSet& set, const std::string& event, int from, int to) {
  DateClaim& d = *AddClaim(set).mutable_date();
  d.mutable_subject()->set_event(event);
  d.mutable_within()->mutable_start()->set_year(from);
  d.mutable_within()->mutable_end()->set_year(to);
}

}  // namespace

CheckRequest SlowRequest(int events) {
  CheckRequest request;
  ClaimSet& set = *request.mutable_claims();
  Source& s = *set.add_sources();
  s.set_id("s");
  s.mutable_retrieved()->set_year(2026);
  s.mutable_retrieved()->set_month(11);
  s.mutable_retrieved()->set_day(22);
  for (int i = 0; i < events; ++i) {
    Event& e = *set.add_events();
    e.set_id(absl::StrCat("e", i));
    e.set_name(absl::StrCat("visit ", i));
    e.add_classes("visit/x");
  }
  for (int i = 1; i < events; ++i) {
    GapClaim& g = *AddClaim(set).mutable_gap();
    g.mutable_from()->set_event(absl::StrCat("e", i - 1));
    g.mutable_to()->set_event(absl::StrCat("e", i));
    g.mutable_amount()->set_value("2");
    g.mutable_amount()->set_unit("year");
  }
  Within(set, "e0", 1950, 1960);
  Within(set, absl::StrCat("e", events - 1), 2020, 2030);
  return request;
}

}  // namespace claimcheck::testing

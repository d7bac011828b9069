#include "benchmarks/synthetic.h"

#include <algorithm>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"

namespace claimcheck::benchmarks {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

constexpr int kSources = 16;

void SetDate(int year, int month, int day, CalendarDate* d) {
  d->set_year(year);
  if (month > 0) d->set_month(month);
  if (day > 0) d->set_day(day);
}

class Generator {
 public:
  explicit Generator(const SyntheticOptions& options)
      : options_(options), rng_(options.seed) {}

  CheckRequest Run() {
    CheckRequest request;
    ClaimSet& set = *request.mutable_claims();
    for (int s = 0; s < kSources; ++s) {
      Source& source = *set.add_sources();
      source.set_id(absl::StrCat("s", s));
      source.set_title(absl::StrCat("source ", s));
      SetDate(2024, 1 + s % 12, 1, source.mutable_published()->mutable_start());
      SetDate(2026, 11, 1, source.mutable_retrieved());
    }
    const int k = std::max(2, options_.claims_per_component);
    const int components = options_.claims / k;
    // Planted conflicts spread evenly over the components.
    const int conflicts = std::min(options_.conflicts, components);
    std::uniform_real_distribution<double> kind(0.0, 1.0);
    for (int c = 0; c < components; ++c) {
      const bool conflict =
          conflicts > 0 && c % std::max(1, components / conflicts) == 0 &&
          c / std::max(1, components / conflicts) < conflicts;
      double r = kind(rng_);
      if ((r -= options_.z3_share) < 0) {
        Lifespan(c, conflict, set);
      } else if ((r -= options_.narrowed_period_share) < 0) {
        InPeriod(c, conflict, /*narrowed=*/true, set);
      } else if ((r -= options_.whole_period_share) < 0) {
        InPeriod(c, conflict, /*narrowed=*/false, set);
      } else if ((r -= options_.ordinal_share) < 0) {
        Ordinal(c, conflict, set);
      } else if ((r -= options_.first_since_share) < 0) {
        FirstSince(c, conflict, set);
      } else if ((r -= options_.year_gap_share) < 0) {
        YearGap(c, conflict, set);
      } else if ((r -= options_.fixed_offset_share) < 0) {
        FixedOffset(c, conflict, set);
      } else if ((r -= options_.quantity_share) < 0) {
        Quantities(c, k, conflict, set);
      } else {
        Dates(c, k, conflict, set);
      }
    }
    return request;
  }

 private:
  Claim& NewClaim(ClaimSet& set) {
    Claim& claim = *set.add_claims();
    claim.set_id(absl::StrCat("c", set.claims_size()));
    claim.mutable_provenance()->set_source(
        absl::StrCat("s", std::uniform_int_distribution<int>(0, kSources - 1)(rng_)));
    return claim;
  }

  std::string NewEvent(int c, ClaimSet& set, const char* suffix = "") {
    Event& event = *set.add_events();
    event.set_id(absl::StrCat("e", c, suffix));
    event.set_name(absl::StrCat("event ", c, suffix));
    return event.id();
  }

  int Year() { return std::uniform_int_distribution<int>(1950, 2020)(rng_); }

  void Dates(int c, int k, bool conflict, ClaimSet& set) {
    const std::string event = NewEvent(c, set);
    const int year = Year();
    const int month = std::uniform_int_distribution<int>(1, 12)(rng_);
    const int day = std::uniform_int_distribution<int>(1, 20)(rng_);
    for (int j = 0; j < k; ++j) {
      DateClaim& d = *NewClaim(set).mutable_date();
      d.mutable_subject()->set_event(event);
      DateSpec& within = *d.mutable_within();
      if (conflict && j == k - 1) {
        SetDate(year + 3, 0, 0, within.mutable_start());
      } else if (j % 3 == 0) {
        SetDate(year, 0, 0, within.mutable_start());
      } else if (j % 3 == 1) {
        SetDate(year, month, 0, within.mutable_start());
      } else {
        SetDate(year, month, day, within.mutable_start());
        SetDate(year, month, day + 8, within.mutable_end());
      }
    }
  }

  void Quantities(int c, int k, bool conflict, ClaimSet& set) {
    Measure& measure = *set.add_measures();
    measure.set_id(absl::StrCat("m", c));
    measure.set_name(absl::StrCat("measure ", c));
    measure.set_dimension(DIMENSION_MONEY);
    measure.set_currency("USD");
    const int value = std::uniform_int_distribution<int>(10, 900)(rng_);
    for (int j = 0; j < k; ++j) {
      QuantityClaim& q = *NewClaim(set).mutable_quantity();
      q.set_measure(measure.id());
      Amount& amount = *q.mutable_amount();
      amount.set_value(absl::StrCat(conflict && j == k - 1 ? 2 * value : value));
      amount.set_unit("USD");
      amount.set_scale(SCALE_MILLION);
    }
  }

  // "e within year Y" and "e 5 (or 20) years after year Y-5".
  void FixedOffset(int c, bool conflict, ClaimSet& set) {
    const std::string event = NewEvent(c, set);
    const int year = Year();
    Within(event, year, set);
    DateClaim& after = *NewClaim(set).mutable_date();
    after.mutable_subject()->set_event(event);
    SetDate(year - 5, 0, 0,
            after.mutable_after()->mutable_reference()->mutable_date()->mutable_start());
    SetYears(conflict ? "20" : "5", after.mutable_after()->mutable_offset());
  }

  // Two events of a class of their own, "p within year Y-5" and "e within
  // year Y".
  struct ClassOfTwo {
    std::string cls;
    std::string previous;  // p
    std::string event;     // e
    int year;              // Y
  };
  ClassOfTwo NewClassOfTwo(int c, ClaimSet& set) {
    ClassOfTwo out{absl::StrCat("visit/", c), NewEvent(c, set, "p"), "", Year()};
    set.mutable_events(set.events_size() - 1)->add_classes(out.cls);
    out.event = NewEvent(c, set);
    set.mutable_events(set.events_size() - 1)->add_classes(out.cls);
    Within(out.previous, out.year - 5, set);
    Within(out.event, out.year, set);
    return out;
  }

  // Those, and "e is the second of its class" (or the first).
  void Ordinal(int c, bool conflict, ClaimSet& set) {
    const ClassOfTwo two = NewClassOfTwo(c, set);
    OrdinalClaim& ordinal = *NewClaim(set).mutable_ordinal();
    ordinal.set_event(two.event);
    ordinal.set_event_class(two.cls);
    ordinal.set_ordinal(conflict ? 1 : 2);
  }

  // Those, and "e is the first of its class since Y-5 (or Y-3), the last
  // being p".
  void FirstSince(int c, bool conflict, ClaimSet& set) {
    const ClassOfTwo two = NewClassOfTwo(c, set);
    FirstSinceClaim& first = *NewClaim(set).mutable_first_since();
    first.set_event(two.event);
    first.set_event_class(two.cls);
    SetDate(conflict ? two.year - 3 : two.year - 5, 0, 0,
            first.mutable_since()->mutable_start());
    first.set_previous(two.previous);
  }

  // "a lived from Y-60 to Y+10" (a reference fact), "e within year Y" (or
  // Y-65, before a's birth), e an event of a's.
  void Lifespan(int c, bool conflict, ClaimSet& set) {
    const std::string event = NewEvent(c, set);
    const std::string actor = absl::StrCat("a", c);
    set.mutable_events(set.events_size() - 1)->add_actors(actor);
    const int year = Year();
    ReferenceFactClaim& life = *NewClaim(set).mutable_reference_fact();
    life.set_actor(actor);
    life.set_fact(ReferenceFactClaim::FACT_LIFESPAN);
    SetDate(year - 60, 0, 0, life.mutable_from()->mutable_start());
    SetDate(year + 10, 0, 0, life.mutable_to()->mutable_start());
    Within(event, conflict ? year - 65 : year, set);
  }

  // "f within year Y-5", "e within year Y", "e in the fifth year after f's"
  // (or the third), or when `narrowed` "in the first half of" that year.
  void InPeriod(int c, bool conflict, bool narrowed, ClaimSet& set) {
    const std::string before = NewEvent(c, set, "a");
    const std::string event = NewEvent(c, set);
    const int year = Year();
    Within(before, year - 5, set);
    Within(event, year, set);
    DateClaim& in = *NewClaim(set).mutable_date();
    in.mutable_subject()->set_event(event);
    RelativePeriod& period = *in.mutable_in_period();
    period.mutable_anchor()->set_event(before);
    period.set_unit(RelativePeriod::UNIT_YEAR);
    period.set_offset(conflict ? 3 : 5);
    if (narrowed) {
      period.set_first_month(1);
      period.set_last_month(6);
    }
  }

  // "f within year Y-5", "e within year Y", "e 5 (or 1) years after f".
  void YearGap(int c, bool conflict, ClaimSet& set) {
    const std::string before = NewEvent(c, set, "a");
    const std::string event = NewEvent(c, set);
    const int year = Year();
    Within(before, year - 5, set);
    Within(event, year, set);
    DateClaim& after = *NewClaim(set).mutable_date();
    after.mutable_subject()->set_event(event);
    after.mutable_after()->mutable_reference()->set_event(before);
    SetYears(conflict ? "1" : "5", after.mutable_after()->mutable_offset());
  }

  void Within(const std::string& event, int year, ClaimSet& set) {
    DateClaim& within = *NewClaim(set).mutable_date();
    within.mutable_subject()->set_event(event);
    SetDate(year, 0, 0, within.mutable_within()->mutable_start());
  }

  static void SetYears(const char* value, Amount* offset) {
    offset->set_value(value);
    offset->set_unit("year");
  }

  SyntheticOptions options_;
  std::mt19937 rng_;
};

}  // namespace

CheckRequest GenerateSynthetic(const SyntheticOptions& options) {
  return Generator(options).Run();
}

}  // namespace claimcheck::benchmarks

#include "tests/differential/generator.h"

#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "tests/differential/reference.h"

namespace claimcheck::differential {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

struct Window {
  int64_t first;
  int64_t last;
};

Window Windows(int i) {
  switch (i) {
    case 0:  // a month and a year boundary
      return {DaysFromCivil(2011, 12, 10), DaysFromCivil(2012, 1, 31)};
    case 1:  // 29 February 2012 and two month boundaries
      return {DaysFromCivil(2012, 2, 8), DaysFromCivil(2012, 3, 20)};
    default:  // a month and a year boundary
      return {DaysFromCivil(2012, 11, 28), DaysFromCivil(2013, 1, 12)};
  }
}

void SetDay(int64_t day, CalendarDate* d) {
  const Civil c = CivilFromDays(day);
  d->set_year(c.year);
  d->set_month(c.month);
  d->set_day(c.day);
}

class Gen {
 public:
  Gen(Family family, uint32_t seed) : family_(family), rng_(seed) {}

  CheckRequest Run() {
    window_ = Windows(Int(0, 2));
    // How many claims hold under the planted solution.
    const int mode = Int(0, 9);
    p_true_ = mode < 4 ? 1.0 : mode < 7 ? 0.75 : 0.4;
    Sources();
    switch (family_) {
      case Family::kDates:
        Events(Int(1, 3), false);
        Claims(Int(2, 6), [this] { return DateOrGap(); });
        break;
      case Family::kPeriods:
        Events(Int(1, 3), false);
        Claims(Int(2, 5), [this] {
          return Chance(0.55) ? InPeriod() : DateOrGap();
        });
        break;
      case Family::kClasses:
        Events(Int(2, 3), true);
        Claims(Int(2, 6), [this] {
          const int k = Int(0, 9);
          if (k < 3) return FirstSince();
          if (k < 5) return Ordinal();
          if (k < 7) return Existence();
          return DateOrGap();
        });
        break;
      case Family::kActors:
        Events(Int(1, 3), false);
        Claims(Int(2, 6), [this] {
          const int k = Int(0, 9);
          if (k < 4) return ReferenceFact();
          if (k < 6) return Existence();
          return DateOrGap();
        });
        break;
      case Family::kQuantities:
        Measures(Int(2, 3));
        Claims(Int(2, 6), [this] { return Quantitative(); });
        break;
      case Family::kShares:
        PlantShares();
        Claims(Int(2, 5), [this] { return Share(); });
        break;
      case Family::kMixed: {
        Events(Int(1, 3), true);
        Measures(Int(1, 3));
        PlantShares();
        Claims(Int(3, 6), [this] {
          const int k = Int(0, 19);
          if (k < 5) return DateOrGap();
          if (k < 7) return InPeriod();
          if (k < 8) return FirstSince();
          if (k < 9) return Ordinal();
          if (k < 10) return Existence();
          if (k < 11) return ReferenceFact();
          if (k < 17) return Quantitative();
          return Share();
        });
        break;
      }
    }
    return request_;
  }

 private:
  // --- randomness ---------------------------------------------------------
  int Int(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool Chance(double p) {
    return std::uniform_real_distribution<double>(0, 1)(rng_) < p;
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Int(0, static_cast<int>(v.size()) - 1)];
  }
  int64_t Day(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }

  ClaimSet& set() { return *request_.mutable_claims(); }

  // --- things ---------------------------------------------------------------
  void Sources() {
    for (int i = 1; i <= 2; ++i) {
      Source& s = *set().add_sources();
      s.set_id(absl::StrCat("s", i));
      s.set_title(absl::StrCat("source ", i));
      SetDay(Chance(0.8) ? Day(window_.first - 5, window_.last + 10)
                         : Day(window_.first - 40, window_.last + 40),
             s.mutable_published()->mutable_start());
      s.mutable_retrieved()->set_year(2026);
      s.mutable_retrieved()->set_month(11);
      s.mutable_retrieved()->set_day(22);
      if (i == 2 && Chance(0.5)) s.set_reliability(0.5);
    }
  }

  void Events(int n, bool classes) {
    for (int i = 1; i <= n; ++i) {
      Event& e = *set().add_events();
      e.set_id(absl::StrCat("e", i));
      e.set_name(absl::StrCat("event ", i));
      if (classes || Chance(0.3)) {
        if (Chance(0.75)) e.add_classes("c/x");
        if (Chance(0.25)) e.add_classes("c/y");
      }
      if (Chance(0.5)) e.add_actors("a1");
      if (Chance(0.4)) {
        ActorRole& r = *e.add_roles();
        r.set_actor(Chance(0.7) ? "a2" : "a1");
        r.set_office(Chance(0.7) ? "pm" : "fm");
      }
      events_.push_back(e.id());
      // The planted solution: a few days inside the window; occurring
      // mostly.
      const int64_t start = Day(window_.first, window_.last);
      const int64_t end = std::min(window_.last, start + Int(0, 6) * Int(0, 1));
      AddPin(Within(e.id(), ENDPOINT_START, start, start));
      AddPin(Within(e.id(), ENDPOINT_END, end, end));
      Claim occurs;
      occurs.mutable_existence()->set_event(e.id());
      occurs.mutable_existence()->set_state(
          Chance(0.85) ? ExistenceClaim::STATE_OCCURRED
                       : ExistenceClaim::STATE_CANCELLED);
      AddPin(occurs);
      Claim& w = *set().add_claims();
      w.set_id(absl::StrCat("w-", e.id()));
      w.mutable_provenance()->set_source("s1");
      w.mutable_provenance()->set_modality(MODALITY_HYPOTHETICAL);
      DateClaim& d = *w.mutable_date();
      d.mutable_subject()->set_event(e.id());
      SetDay(window_.first, d.mutable_within()->mutable_start());
      SetDay(window_.last, d.mutable_within()->mutable_end());
    }
    // Whether the actor a1's reference facts name an end (kept the same
    // for all of them).
    a1_has_to_ = Chance(0.5);
    a2_has_to_ = Chance(0.5);
  }

  void Measures(int n) {
    const int dim = Int(0, 3);
    dimension_ = dim == 0   ? DIMENSION_COUNT
                 : dim == 1 ? DIMENSION_MONEY
                 : dim == 2 ? DIMENSION_PERCENTAGE
                            : DIMENSION_SHARE;
    unit_ = dim == 0 ? (Chance(0.5) ? "count" : "doses")
            : dim == 1 ? "USD"
                       : "percent";
    const std::vector<std::pair<int, int>> periods = {
        {2000, 2010}, {2003, 2005}, {2006, 2008}, {2000, 2010}, {2011, 2012}};
    const bool same_quantity = Chance(0.7);
    for (int i = 1; i <= n; ++i) {
      Measure& m = *set().add_measures();
      m.set_id(absl::StrCat("m", i));
      m.set_name(absl::StrCat("measure ", i));
      m.set_dimension(dimension_);
      if (dimension_ == DIMENSION_MONEY) m.set_currency("USD");
      m.set_quantity(same_quantity || i == 1 ? "q" : absl::StrCat("q", i));
      if (Chance(0.5)) {
        m.set_additive(true);
        const auto& p = Pick(periods);
        m.mutable_period()->mutable_start()->set_year(p.first);
        m.mutable_period()->mutable_end()->set_year(p.second);
      }
      measures_.push_back(m.id());
      Claim& r = *set().add_claims();
      r.set_id(absl::StrCat("r-", m.id()));
      r.mutable_provenance()->set_source("s1");
      r.mutable_provenance()->set_modality(MODALITY_HYPOTHETICAL);
      r.mutable_quantity()->set_measure(m.id());
      Amount& a = *r.mutable_quantity()->mutable_amount();
      a.set_value("10");
      a.set_unit(unit_);
      a.set_qualifier(QUALIFIER_AT_MOST);
      values.push_back(Int(0, 20));  // halves
    }
    // A part over a sub-period is no larger than the whole period's.
    const auto& ms = set().measures();
    for (int round = 0; round < 3; ++round) {
      for (int a = 0; a < ms.size(); ++a) {
        for (int b = 0; b < ms.size(); ++b) {
          if (a == b || !ms[a].additive() || !ms[b].additive() ||
              ms[a].quantity() != ms[b].quantity()) {
            continue;
          }
          const auto& pa = ms[a].period();
          const auto& pb = ms[b].period();
          const bool inside = pa.start().year() >= pb.start().year() &&
                              pa.end().year() <= pb.end().year();
          if (inside) values[a] = std::min(values[a], values[b]);
        }
      }
    }
    for (int i = 0; i < ms.size(); ++i) {
      Claim pin;
      pin.mutable_quantity()->set_measure(ms[i].id());
      Amount& a = *pin.mutable_quantity()->mutable_amount();
      a.set_value(absl::StrCat(values[i] / 2, values[i] % 2 ? ".5" : ""));
      a.set_unit(unit_);
      a.set_rounding(ROUNDING_EXACT);
      AddPin(pin);
    }
  }

  // Planted shares for every entity of both markets, on multiples of 5,
  // at most 100 a market.
  void PlantShares() {
    for (const char* market : {"mk1", "mk2"}) {
      int left = 20;  // fives
      for (const char* entity : {"us", "ru", "cn"}) {
        const int v = Int(0, std::min(left, 12));
        left -= v;
        Claim pin;
        ShareClaim& s = *pin.mutable_share();
        s.set_market(market);
        s.set_entity(entity);
        s.mutable_share()->set_value(absl::StrCat(5 * v));
        s.mutable_share()->set_unit("percent");
        s.mutable_share()->set_rounding(ROUNDING_EXACT);
        AddPin(pin);
      }
    }
  }

  static Claim Within(const std::string& event, Endpoint endpoint,
                      int64_t first, int64_t last) {
    Claim c;
    DateClaim& d = *c.mutable_date();
    d.mutable_subject()->set_event(event);
    d.mutable_subject()->set_endpoint(endpoint);
    SetDay(first, d.mutable_within()->mutable_start());
    SetDay(last, d.mutable_within()->mutable_end());
    return c;
  }

  void AddPin(Claim pin) {
    pin.set_id(absl::StrCat("pin-", pins_.claims_size()));
    pin.mutable_provenance()->set_source("s1");
    pin.mutable_provenance()->set_modality(MODALITY_HYPOTHETICAL);
    *pins_.add_claims() = std::move(pin);
  }

  // Whether `claim` holds in the planted solution: the set with every pin
  // and the claim is consistent (pins fix every variable but the planted
  // shares of entities no claim names, which only weaken share claims).
  bool Holds(const Claim& claim) {
    CheckRequest r = request_;
    for (const Claim& pin : pins_.claims()) *r.mutable_claims()->add_claims() = pin;
    *r.mutable_claims()->add_claims() = claim;
    absl::StatusOr<RefVerdict> v = ReferenceCheck(r, OptionsFor(r));
    return v.ok() && *v == RefVerdict::kConsistent;
  }

  // --- claims -----------------------------------------------------------
  // n claims from `make`, each (with probability p_true_) redrawn until it
  // holds in the planted solution.
  template <typename F>
  void Claims(int n, F make) {
    for (int i = 0; i < n; ++i) {
      const bool planted = Chance(p_true_);
      Claim c;
      for (int attempt = 0; attempt < (planted ? 40 : 1); ++attempt) {
        c = make();
        if (c.kind_case() == Claim::KIND_NOT_SET) continue;
        c.set_id(absl::StrCat("c", claims_ + 1));
        if (c.provenance().source().empty()) {
          c.mutable_provenance()->set_source(Chance(0.6) ? "s1" : "s2");
        }
        if (!planted || Holds(c)) break;
      }
      if (c.kind_case() == Claim::KIND_NOT_SET) continue;
      ++claims_;
      *set().add_claims() = std::move(c);
    }
  }

  void SetModality(Claim& c, bool any) {
    const int k = Int(0, 19);
    Modality m = MODALITY_UNSPECIFIED;
    if (any) {
      m = k < 9    ? MODALITY_UNSPECIFIED
          : k < 11 ? MODALITY_REPORTED
          : k < 14 ? MODALITY_PLANNED
          : k < 16 ? MODALITY_CANCELLED
                   : MODALITY_HYPOTHETICAL;
    } else {
      m = k < 14 ? MODALITY_UNSPECIFIED
          : k < 17 ? MODALITY_REPORTED
                   : MODALITY_HYPOTHETICAL;
    }
    c.mutable_provenance()->set_modality(m);
  }

  void RandomDateSpec(DateSpec* d) {
    const int k = Int(0, 19);
    if (k < 9) {  // days
      const int64_t start = Day(window_.first - 10, window_.last + 10);
      SetDay(start, d->mutable_start());
      const int len = Pick(std::vector<int>{0, 0, 1, 2, 4, 7, 12, 20});
      if (len > 0) SetDay(start + len, d->mutable_end());
    } else if (k < 15) {  // a month, or two
      const Civil c = CivilFromDays(Day(window_.first - 20, window_.last + 20));
      d->mutable_start()->set_year(c.year);
      d->mutable_start()->set_month(c.month);
      if (k == 14) {
        const int y = c.month == 12 ? c.year + 1 : c.year;
        d->mutable_end()->set_year(y);
        d->mutable_end()->set_month(c.month == 12 ? 1 : c.month + 1);
      }
    } else {  // a year
      d->mutable_start()->set_year(
          CivilFromDays(Day(window_.first, window_.last)).year);
    }
  }

  void RandomRef(TimeRef* r, const std::string& avoid, bool events_only) {
    std::vector<std::string> others;
    for (const std::string& e : events_) {
      if (e != avoid) others.push_back(e);
    }
    const int k = Int(0, 9);
    if (!others.empty() && (events_only || k < 5)) {
      r->set_event(Pick(others));
      if (Chance(0.2)) r->set_endpoint(Chance(0.5) ? ENDPOINT_START : ENDPOINT_END);
    } else if (k < 8 || events_only) {
      RandomDateSpec(r->mutable_date());
      if (Chance(0.15)) r->set_endpoint(Chance(0.5) ? ENDPOINT_START : ENDPOINT_END);
    } else {
      r->set_published_of(Chance(0.5) ? "s1" : "s2");
    }
  }

  // A subject: mostly an event.
  void Subject(TimeRef* r) {
    const int k = Int(0, 19);
    if (events_.empty() || k == 0) {
      r->set_published_of(Chance(0.5) ? "s1" : "s2");
    } else if (k == 1) {
      RandomDateSpec(r->mutable_date());
    } else {
      r->set_event(Pick(events_));
      if (Chance(0.15)) r->set_endpoint(Chance(0.5) ? ENDPOINT_START : ENDPOINT_END);
    }
  }

  void Duration(Amount* a) {
    const int u = Int(0, 19);
    std::vector<std::string> values;
    std::string unit;
    if (u < 9) {
      unit = Chance(0.5) ? "day" : "days";
      values = {"1", "2", "3", "5", "7", "10", "12", "15", "20", "30", "45"};
    } else if (u < 12) {
      unit = Chance(0.5) ? "week" : "weeks";
      values = {"1", "2", "3", "4", "1.5"};
    } else if (u < 16) {
      unit = Chance(0.5) ? "month" : "months";
      values = {"0", "1", "1", "2", "3"};
    } else if (u < 19) {
      unit = Chance(0.5) ? "year" : "years";
      values = {"0", "1", "1", "2"};
    } else {
      unit = "decade";
      a->set_unit(unit);
      if (Chance(0.5)) {
        a->set_value("0.1");
        a->set_rounding(ROUNDING_EXACT);
      } else {
        a->set_value("1");
        a->set_qualifier(QUALIFIER_LESS_THAN);
      }
      return;
    }
    a->set_unit(unit);
    a->set_value(Pick(values));
    if (Chance(0.5)) {
      a->set_qualifier(static_cast<Qualifier>(Int(1, 6)));
    }
    const int r = Int(0, 9);
    if (r == 0) a->set_rounding(ROUNDING_SIGNIFICANT_FIGURES);
    if (r == 1) a->set_rounding(ROUNDING_EXACT);
  }

  Claim DateOrGap() {
    Claim c;
    SetModality(c, true);
    const int k = Int(0, 11);
    if (k < 6) {
      DateClaim& d = *c.mutable_date();
      Subject(d.mutable_subject());
      const std::string avoid = d.subject().event();
      if (k < 2) {
        RandomDateSpec(d.mutable_within());
      } else {
        Relative& rel = k % 2 == 0 ? *d.mutable_before() : *d.mutable_after();
        RandomRef(rel.mutable_reference(), avoid, false);
        if (k >= 4) Duration(rel.mutable_offset());
      }
    } else {
      GapClaim& g = *c.mutable_gap();
      if (Chance(0.5)) {
        Subject(g.mutable_from());
        RandomRef(g.mutable_to(), g.from().event(), !g.from().has_event());
      } else {
        Subject(g.mutable_to());
        RandomRef(g.mutable_from(), g.to().event(), !g.to().has_event());
      }
      Duration(g.mutable_amount());
    }
    return c;
  }

  Claim InPeriod() {
    Claim c;
    SetModality(c, true);
    DateClaim& d = *c.mutable_date();
    Subject(d.mutable_subject());
    RelativePeriod& p = *d.mutable_in_period();
    const int a = Int(0, 9);
    if (a < 5) {
      p.mutable_anchor()->set_published_of(Chance(0.5) ? "s1" : "s2");
    } else if (a < 8 && events_.size() > 1) {
      RandomRef(p.mutable_anchor(), d.subject().event(), true);
    } else {
      RandomDateSpec(p.mutable_anchor()->mutable_date());
    }
    const int u = Int(0, 9);
    if (u < 4) {
      p.set_unit(RelativePeriod::UNIT_YEAR);
    } else if (u < 8) {
      p.set_unit(RelativePeriod::UNIT_MONTH);
    }
    if (p.unit() == RelativePeriod::UNIT_MONTH) {
      p.set_offset(Int(-2, 2));
      if (Chance(0.4)) {
        const int f = Int(1, 28);
        p.set_first_day(f);
        p.set_last_day(Int(f, 28));
      }
    } else {
      p.set_offset(Int(-1, 1));
      if (Chance(0.5)) {
        const Civil w = CivilFromDays(Day(window_.first - 20, window_.last));
        p.set_first_month(w.month);
        p.set_last_month(std::min(12, w.month + Int(0, 1)));
        if (Chance(0.4)) {
          p.set_first_day(Int(1, 28));
          p.set_last_day(Int(p.first_month() == p.last_month() ? p.first_day() : 1,
                             28));
        }
      }
    }
    return c;
  }

  // An event of class c/x other than `avoid`, giving one the class when none
  // has it.
  std::string ClassMember(const std::string& avoid, const std::string& cls) {
    std::vector<std::string> members;
    for (Event& e : *set().mutable_events()) {
      if (e.id() == avoid) continue;
      if (std::find(e.classes().begin(), e.classes().end(), cls) !=
          e.classes().end()) {
        members.push_back(e.id());
      }
    }
    if (!members.empty()) return Pick(members);
    for (Event& e : *set().mutable_events()) {
      if (e.id() != avoid) {
        e.add_classes(cls);
        return e.id();
      }
    }
    return "";
  }

  Claim FirstSince() {
    Claim c;
    if (events_.empty()) return c;
    c.mutable_provenance()->set_modality(Chance(0.8) ? MODALITY_UNSPECIFIED
                                                     : MODALITY_REPORTED);
    FirstSinceClaim& f = *c.mutable_first_since();
    f.set_event(Pick(events_));
    const std::string cls = Chance(0.8) ? "c/x" : "c/y";
    f.set_event_class(cls);
    const int k = Int(0, 9);
    if (k < 2) {
      f.set_first_ever(true);
      return c;
    }
    if (k < 3) {
      f.set_last(true);
      return c;
    }
    if (k < 7) {
      const std::string p = ClassMember(f.event(), cls);
      if (!p.empty()) f.set_previous(p);
    }
    if (k >= 7 || Chance(0.5)) RandomDateSpec(f.mutable_since());
    return c;
  }

  Claim Ordinal() {
    Claim c;
    OrdinalClaim& o = *c.mutable_ordinal();
    o.set_event_class(Chance(0.8) ? "c/x" : "c/y");
    if (!events_.empty() && Chance(0.6)) {
      c.mutable_provenance()->set_modality(Chance(0.8) ? MODALITY_UNSPECIFIED
                                                       : MODALITY_REPORTED);
      o.set_event(Pick(events_));
      o.set_ordinal(Int(1, 3));
    } else {
      SetModality(c, false);
      RandomRef(o.mutable_anchor(), "", false);
      o.set_count(Int(0, 2));
    }
    return c;
  }

  Claim Existence() {
    Claim c;
    if (events_.empty()) return c;
    SetModality(c, false);
    ExistenceClaim& x = *c.mutable_existence();
    x.set_event(Pick(events_));
    const int k = Int(0, 9);
    x.set_state(k < 4   ? ExistenceClaim::STATE_OCCURRED
                : k < 8 ? ExistenceClaim::STATE_DID_NOT_OCCUR
                        : ExistenceClaim::STATE_CANCELLED);
    if (x.state() != ExistenceClaim::STATE_CANCELLED && Chance(0.5)) {
      RandomRef(x.mutable_by(), x.event(), false);
    }
    return c;
  }

  Claim ReferenceFact() {
    Claim c;
    SetModality(c, false);
    c.mutable_provenance()->set_source("s1");
    ReferenceFactClaim& r = *c.mutable_reference_fact();
    const bool term = Chance(0.5);
    r.set_actor(term ? "a2" : (Chance(0.8) ? "a1" : "a2"));
    r.set_fact(term ? ReferenceFactClaim::FACT_TERM_OF_OFFICE
                    : ReferenceFactClaim::FACT_LIFESPAN);
    if (term) r.set_office(Chance(0.8) ? "pm" : "fm");
    // From: a day, a month or a year near the window, long before, or
    // unknown (then `to` is given).
    const bool has_to = r.actor() == "a1" ? a1_has_to_ : a2_has_to_;
    const int k = Int(0, 9);
    if (k < 2) {
      r.mutable_from()->mutable_start()->set_year(1950 + Int(0, 20));
    } else if (k < 9 || !has_to) {
      RandomDateSpec(r.mutable_from());
    }
    if (has_to) {
      // Not ending before it starts (the validator rejects that).
      for (int attempt = 0; attempt < 20; ++attempt) {
        r.mutable_to()->Clear();
        RandomDateSpec(r.mutable_to());
        if (!r.has_from() || DateSpecInterval(r.to())->last >=
                                 DateSpecInterval(r.from())->first) {
          break;
        }
      }
      if (r.has_from() && DateSpecInterval(r.to())->last <
                              DateSpecInterval(r.from())->first) {
        std::swap(*r.mutable_from(), *r.mutable_to());
      }
    }
    return c;
  }

  // --- quantities ---------------------------------------------------------
  void QuantityAmount(Amount* a) {
    a->set_unit(unit_);
    const int k = Int(0, 19);
    if (k < 7) {
      a->set_value(absl::StrCat(Int(0, 10)));
      if (Chance(0.15)) {
        a->set_value(Chance(0.5) ? "10" : "2");
        a->set_rounding(ROUNDING_SIGNIFICANT_FIGURES);
      }
    } else if (k < 11) {
      a->set_value(Pick(std::vector<std::string>{"0", "1.5", "2.5", "3", "4.5",
                                                 "5", "6", "7.5", "8"}));
      a->set_rounding(ROUNDING_EXACT);
    } else if (k < 18) {
      a->set_value(absl::StrCat(Int(0, 20) * 5 / 10,
                                Int(0, 1) == 1 ? ".5" : ""));
      a->set_qualifier(static_cast<Qualifier>(Int(3, 6)));
    } else {
      a->set_value(Pick(std::vector<std::string>{"5", "10", "2.5"}));
      a->set_qualifier(Chance(0.5) ? QUALIFIER_ABOUT : QUALIFIER_NEARLY);
    }
  }

  Claim Quantitative() {
    Claim c;
    if (measures_.empty()) return c;
    SetModality(c, false);
    const int k = Int(0, 9);
    if (k < 5 || measures_.size() < 2) {
      QuantityClaim& q = *c.mutable_quantity();
      q.set_measure(Pick(measures_));
      QuantityAmount(q.mutable_amount());
    } else if (k < 8) {
      AggregateClaim& a = *c.mutable_aggregate();
      std::vector<std::string> ms = measures_;
      std::shuffle(ms.begin(), ms.end(), rng_);
      a.set_whole(ms[0]);
      const int parts = Int(1, static_cast<int>(ms.size()) - 1);
      for (int i = 1; i <= parts; ++i) a.add_parts(ms[i]);
      const int r = Int(0, 2);
      a.set_relation(r == 0   ? AggregateClaim::RELATION_UNSPECIFIED
                     : r == 1 ? AggregateClaim::RELATION_PARTS_AT_MOST_WHOLE
                              : AggregateClaim::RELATION_PARTS_SUM_TO_WHOLE);
    } else {
      ChangeClaim& ch = *c.mutable_change();
      std::vector<std::string> ms = measures_;
      std::shuffle(ms.begin(), ms.end(), rng_);
      ch.set_measure(ms[0]);
      if (Chance(0.3)) {
        ch.set_all_time_high(true);
        return c;
      }
      ch.set_previous(ms[1]);
      Amount& a = *ch.mutable_change();
      a.set_unit("percent");
      // Ratios 2, 1 and 1/2 exactly, or ranges of ratios; one exact ratio
      // other than 1 a set.
      struct Option {
        const char* value;
        Qualifier q;
        bool exact;
      };
      std::vector<Option> options = {
          {"0", QUALIFIER_AT_LEAST, false},  {"0", QUALIFIER_AT_MOST, false},
          {"50", QUALIFIER_MORE_THAN, false}, {"100", QUALIFIER_LESS_THAN, false},
          {"100", QUALIFIER_AT_LEAST, false}, {"100", QUALIFIER_ABOUT, false},
          {"0", QUALIFIER_UNSPECIFIED, true}};
      if (!exact_ratio_) {
        options.push_back({"100", QUALIFIER_UNSPECIFIED, true});
        options.push_back({"-50", QUALIFIER_UNSPECIFIED, true});
      }
      const Option& o = Pick(options);
      a.set_value(o.value);
      a.set_qualifier(o.q);
      if (o.exact) {
        a.set_rounding(ROUNDING_EXACT);
        if (std::string(o.value) != "0") exact_ratio_ = true;
      }
    }
    return c;
  }

  Claim Share() {
    Claim c;
    SetModality(c, false);
    ShareClaim& s = *c.mutable_share();
    s.set_market(Chance(0.85) ? "mk1" : "mk2");
    const std::vector<std::string> entities = {"us", "ru", "cn"};
    s.set_entity(Pick(entities));
    const bool ranked = Chance(0.5);
    if (!ranked || Chance(0.5)) {
      Amount& a = *s.mutable_share();
      a.set_unit("percent");
      const int k = Int(0, 9);
      if (k < 4) {
        a.set_value(absl::StrCat(5 * Int(0, 12)));
        a.set_rounding(ROUNDING_EXACT);
      } else if (k < 8) {
        a.set_value(absl::StrCat(5 * Int(0, 14)));
        a.set_qualifier(static_cast<Qualifier>(Int(3, 6)));
      } else if (k < 9) {
        a.set_value(Chance(0.5) ? "50" : "100");
        a.set_qualifier(Chance(0.5) ? QUALIFIER_ABOUT : QUALIFIER_NEARLY);
      } else {
        a.set_value(Pick(std::vector<std::string>{"20", "30", "40", "50"}));
        a.set_rounding(ROUNDING_SIGNIFICANT_FIGURES);
      }
    }
    if (ranked) {
      s.set_rank(Int(1, 3));
      for (const std::string& e : entities) {
        // At most rank - 1 of them (the validator rejects more).
        if (e != s.entity() && s.ranked_above_size() < s.rank() - 1 &&
            Chance(0.5)) {
          s.add_ranked_above(e);
        }
      }
    }
    return c;
  }

  Family family_;
  std::mt19937 rng_;
  CheckRequest request_;
  Window window_;
  std::vector<std::string> events_;
  std::vector<std::string> measures_;
  Dimension dimension_ = DIMENSION_COUNT;
  std::string unit_;
  bool a1_has_to_ = false, a2_has_to_ = false;
  bool exact_ratio_ = false;
  int claims_ = 0;
  double p_true_ = 1.0;
  ClaimSet pins_;  // the planted solution, as claims
  std::vector<int> values;  // planted measure values, in halves
};

}  // namespace

const char* FamilyName(Family family) {
  switch (family) {
    case Family::kDates: return "dates";
    case Family::kPeriods: return "periods";
    case Family::kClasses: return "classes";
    case Family::kActors: return "actors";
    case Family::kQuantities: return "quantities";
    case Family::kShares: return "shares";
    case Family::kMixed: return "mixed";
  }
  return "?";
}

std::vector<Family> AllFamilies() {
  return {Family::kDates,      Family::kPeriods, Family::kClasses,
          Family::kActors,     Family::kQuantities, Family::kShares,
          Family::kMixed};
}

CheckRequest Generate(Family family, uint32_t seed) {
  return Gen(family, seed).Run();
}

std::string KindOf(const Claim& claim) {
  switch (claim.kind_case()) {
    case Claim::kDate: {
      const DateClaim& d = claim.date();
      if (d.has_within()) return "date.within";
      if (d.has_in_period()) return "date.in_period";
      if (d.has_before()) {
        return d.before().has_offset() ? "date.before_offset" : "date.before";
      }
      if (d.has_after()) {
        return d.after().has_offset() ? "date.after_offset" : "date.after";
      }
      return "date";
    }
    case Claim::kGap: return "gap";
    case Claim::kFirstSince: return "first_since";
    case Claim::kOrdinal: return "ordinal";
    case Claim::kQuantity: return "quantity";
    case Claim::kAggregate: return "aggregate";
    case Claim::kChange: return "change";
    case Claim::kShare: return "share";
    case Claim::kExistence: return "existence";
    case Claim::kReferenceFact: return "reference_fact";
    default: return "none";
  }
}

bool IsScaffold(const Claim& claim) {
  return claim.id().rfind("w-", 0) == 0 || claim.id().rfind("r-", 0) == 0;
}

}  // namespace claimcheck::differential

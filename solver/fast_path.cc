#include "solver/fast_path.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "claims/amount.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "claims/fields.h"
#include "claims/parallel.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Groups a worker solves at a time: most groups take a few microseconds,
// so handing them out one by one would cost a synchronisation each.
constexpr int kGroupsPerBlock = 256;

// Variables of the day constraints: an event's start and end, a source's
// publication. Node ids for grouping: an event, a measure, a publication.
class Ids {
 public:
  explicit Ids(const ClaimSet& set) {
    for (const Event& e : set.events()) {
      events_.emplace(e.id(), static_cast<int>(events_.size()));
    }
    for (const Measure& m : set.measures()) {
      measures_.emplace(m.id(), static_cast<int>(measures_.size()));
    }
    for (const Source& s : set.sources()) {
      sources_.emplace(s.id(), static_cast<int>(sources_.size()));
    }
  }
  int EventNode(const std::string& id) const { return events_.at(id); }
  int MeasureNode(const std::string& id) const {
    return static_cast<int>(events_.size()) + measures_.at(id);
  }
  int PublicationNode(const std::string& id) const {
    return static_cast<int>(events_.size() + measures_.size()) + sources_.at(id);
  }
  int Nodes() const {
    return static_cast<int>(events_.size() + measures_.size() + sources_.size());
  }
  // The node of an event or measure id, if it is one.
  std::optional<int> SubjectNode(const std::string& id) const {
    if (events_.contains(id)) return EventNode(id);
    if (measures_.contains(id)) return MeasureNode(id);
    return std::nullopt;
  }

 private:
  absl::flat_hash_map<std::string, int> events_, measures_, sources_;
};

// An offset or gap the fast path models: in days, or in calendar years or
// months. With one side a fixed date, the date's period is a number (as
// GapConstraint folds it: solver/encoders/gap.cc); between two unknown days,
// GroupSolver::SolvePeriods decides it by cases.
bool ModelledGap(const Amount& amount) {
  const UnitKind unit = LookupUnit(amount.unit()).kind;
  return unit == UnitKind::kDays || unit == UnitKind::kYears ||
         unit == UnitKind::kMonths;
}

// A period the fast path models: a whole year or month ("last year", "the
// following month"), or one narrowed to a range of its days ("that
// summer", "on 7 April"), which on a known year or month is an interval of
// days. Days of a year without months (the 15th of any month of it) are
// not an interval, and left to Z3.
bool ModelledPeriod(const RelativePeriod& period) {
  const bool by_month = period.unit() == RelativePeriod::UNIT_MONTH;
  return by_month || period.first_month() != 0 ||
         (period.first_day() == 0 && period.last_day() == 0);
}

// Whether the fast path models the claim's own constraint.
bool IsSimple(const Claim& c) {
  switch (c.kind_case()) {
    case Claim::kDate: {
      const DateClaim& d = c.date();
      if (d.has_within()) return true;
      if (d.has_in_period()) return ModelledPeriod(d.in_period());
      const Relative& rel = d.has_before() ? d.before() : d.after();
      return !rel.has_offset() || ModelledGap(rel.offset());
    }
    case Claim::kGap:
      return ModelledGap(c.gap().amount());
    case Claim::kQuantity:
    case Claim::kFirstSince:
    case Claim::kOrdinal:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Grouping: union-find over nodes.

class UnionFind {
 public:
  explicit UnionFind(int n) : parent_(n) {
    for (int i = 0; i < n; ++i) parent_[i] = i;
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Unite(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<int> parent_;
};

// The nodes a claim touches: every event, measure and linked publication
// its formula (with its tense binding) can mention. For claims the fast path
// does not model, an over-approximation is enough: they only taint.
// Events by class, in input order (as Encoding::EventsOfClass).
using ClassEvents = absl::flat_hash_map<std::string, std::vector<const std::string*>>;

ClassEvents EventsByClass(const ClaimSet& set) {
  ClassEvents out;
  for (const Event& e : set.events()) {
    for (const std::string& c : e.classes()) out[c].push_back(&e.id());
  }
  return out;
}

class Touches {
 public:
  Touches(const CheckRequest& request, const Ids& ids,
          const absl::flat_hash_set<std::string>& linked,
          const ClassEvents& class_events)
      : set_(request.claims()), ids_(ids), linked_(linked),
        class_events_(class_events) {
    for (const Event& e : set_.events()) {
      for (const std::string& a : e.actors()) actor_events_[a].push_back(e.id());
      for (const ActorRole& r : e.roles()) actor_events_[r.actor()].push_back(e.id());
    }
    for (const Measure& m : set_.measures()) {
      quantity_measures_[QuantityKey(m)].push_back(&m);
    }
  }

  std::vector<int> Of(const Claim& c) const {
    std::vector<int> out;
    auto events = [&](const auto* list) {
      if (list == nullptr) return;
      for (const auto& e : *list) out.push_back(ids_.EventNode(Id(e)));
    };
    ForEachNamed(c, [&](Named kind, const std::string& id) {
      switch (kind) {
        case Named::kEvent:
          out.push_back(ids_.EventNode(id));
          break;
        case Named::kPublication:
          // An unlinked publication is a constant (LinkedPublications).
          if (linked_.contains(id)) out.push_back(ids_.PublicationNode(id));
          break;
        case Named::kClass:
          events(Find(class_events_, id));
          break;
        case Named::kActor:
          events(Find(actor_events_, id));
          break;
        case Named::kMeasure:
          out.push_back(ids_.MeasureNode(id));
          break;
        case Named::kMeasureRange:
          // An all-time high ranges over the measures of its quantity.
          for (const auto& [key, list] : quantity_measures_) {
            for (const Measure* m : list) {
              if (m->id() != id) continue;
              for (const Measure* o : list) out.push_back(ids_.MeasureNode(o->id()));
            }
          }
          break;
        case Named::kMarket:
          break;  // share claims touch only shares, which nothing else does
      }
    });
    const Modality mod = c.provenance().modality();
    if (mod != MODALITY_CANCELLED && mod != MODALITY_HYPOTHETICAL &&
        linked_.contains(c.provenance().source())) {
      out.push_back(ids_.PublicationNode(c.provenance().source()));
    }
    return out;
  }

  // Measures that a background fact (sub-period monotonicity) orders with
  // another measure: the fast path leaves them to Z3.
  std::vector<int> OrderedMeasures() const {
    std::vector<int> out;
    for (const auto& [key, list] : quantity_measures_) {
      int additive = 0;
      for (const Measure* m : list) additive += m->additive() && !m->quantity().empty();
      if (additive < 2) continue;
      for (const Measure* m : list) out.push_back(ids_.MeasureNode(m->id()));
    }
    return out;
  }

 private:
  static std::string QuantityKey(const Measure& m) {
    return absl::StrCat(m.quantity(), "\x1f", m.from(), "\x1f", m.to(), "\x1f",
                        m.dimension(), "\x1f", m.currency());
  }
  template <typename Map>
  static const typename Map::mapped_type* Find(const Map& map,
                                               const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
  }
  static const std::string& Id(const std::string& id) { return id; }
  static const std::string& Id(const std::string* id) { return *id; }

  const ClaimSet& set_;
  const Ids& ids_;
  const absl::flat_hash_set<std::string>& linked_;
  const ClassEvents& class_events_;
  absl::flat_hash_map<std::string, std::vector<std::string>> actor_events_;
  absl::flat_hash_map<std::string, std::vector<const Measure*>> quantity_measures_;
};

// ---------------------------------------------------------------------------
// One group's constraints: x - y <= c over day variables (and a zero
// variable for constants), and value intervals per measure.

// A day-valued term: a variable of the group or a constant.
struct Term {
  int var = -1;  // -1: constant
  int64_t value = 0;
};

struct Span {
  Term first;
  Term last;
};

// What every group's solver looks up, built once per check.
struct Shared {
  explicit Shared(const CheckRequest& request)
      : linked(LinkedPublications(request.claims())),
        settings(AmountSettingsFor(request.options())),
        class_events(EventsByClass(request.claims())) {
    for (const Source& s : request.claims().sources()) sources[s.id()] = &s;
    for (const Measure& m : request.claims().measures()) measures[m.id()] = &m;
  }
  absl::flat_hash_set<std::string> linked;
  AmountSettings settings;
  absl::flat_hash_map<std::string, const Source*> sources;
  absl::flat_hash_map<std::string, const Measure*> measures;
  ClassEvents class_events;
};

class GroupSolver {
 public:
  explicit GroupSolver(const Shared& shared)
      : linked_(shared.linked),
        settings_(shared.settings),
        sources_(shared.sources),
        measures_(shared.measures),
        class_events_(shared.class_events) {
    // A group of two date claims has about ten edges (domains, bounds,
    // tense); growing from empty took four allocations each.
    edges_.reserve(kEdgesReserved);
  }

  // Adds a claim's constraint and tense binding.
  void Add(const Claim& c) {
    switch (c.kind_case()) {
      case Claim::kDate:
        AddDate(c.date());
        break;
      case Claim::kGap:
        AddGap(Resolve(c.gap().from()), Resolve(c.gap().to()), c.gap().amount());
        break;
      case Claim::kQuantity:
        AddQuantity(c.quantity());
        break;
      case Claim::kFirstSince:
        AddFirstSince(c.first_since());
        break;
      case Claim::kOrdinal:
        AddOrdinal(c.ordinal());
        break;
      default:
        feasible_ = false;  // not modelled: never reached for simple claims
        break;
    }
    BindTense(c);
  }

  // Whether the group's constraints have a solution.
  bool Solve() {
    if (!feasible_) return false;
    for (const std::string& e : bound_if_occurs_order_) {
      if (!occurs_.contains(e)) continue;
      if (not_occurs_.contains(e)) return false;
      for (const auto& [last, pub] : bound_if_occurs_[e]) LessEq(last, pub, 0);
    }
    for (const std::string& e : occurs_) {
      if (not_occurs_.contains(e)) return false;
    }
    // What first-since and ordinal claims say of the known events of their
    // class that occur; an event nothing makes occur is taken not to, which
    // only lifts constraints (an occurring event is bounded by its sources'
    // dates, excluded from first-since gaps and counted by ordinals;
    // nothing here needs one to occur).
    std::vector<Choice> choices;
    for (const FirstSinceRecord& f : first_since_) AddFirstSinceChoices(f, choices);
    std::vector<int> allowed;  // per ordinal: how many of its choices may count
    for (const OrdinalRecord& o : ordinals_) {
      AddOrdinalChoices(o, static_cast<int>(allowed.size()), choices, allowed);
    }
    if (!feasible_) return false;
    if (choices.empty()) {
      if (periods_.empty()) return NoNegativeCycle(edges_);
      return SolvePeriods();
    }
    // By cases over the choices (a set bit takes the second edge); with
    // calendar periods as well, or too many cases, left to Z3.
    if (!periods_.empty() || choices.size() > kMaxChoiceBits) return false;
    std::vector<Edge> edges = edges_;
    const size_t base = edges.size();
    std::vector<int> counted(allowed.size());
    for (uint32_t mask = 0; mask < (1u << choices.size()); ++mask) {
      std::fill(counted.begin(), counted.end(), 0);
      bool within = true;
      for (size_t i = 0; i < choices.size(); ++i) {
        const int c = choices[i].counter;
        if (c >= 0 && ((mask >> i) & 1) && ++counted[c] > allowed[c]) within = false;
      }
      if (!within) continue;
      edges.resize(base);
      for (size_t i = 0; i < choices.size(); ++i) {
        edges.push_back((mask >> i) & 1 ? choices[i].second : choices[i].first);
      }
      if (NoNegativeCycle(edges)) return true;
    }
    return false;
  }

 private:
  struct Edge {
    int from;
    int to;
    int64_t weight;  // dist(to) <= dist(from) + weight
  };
  // Two constraints of which the group needs one (`first` or `second`);
  // `counter`, if not -1, is an ordinal claim that counts the choices of
  // `second` it ranges over.
  struct Choice {
    Edge first;
    Edge second;
    int counter = -1;
  };

  // A first-since claim's spans, and the class's other known events (not
  // the event, nor a named previous one).
  struct FirstSinceRecord {
    enum Form { kSince, kFirstEver, kLast };
    Form form = kSince;
    Span event;
    Span previous;  // kSince only
    std::vector<std::pair<const std::string*, Span>> others;
  };

  // An ordinal claim: its event's span (or its anchor's), how many known
  // events may come before it, and the class's other known events.
  struct OrdinalRecord {
    bool has_event = false;
    Span at;
    int64_t limit = 0;
    std::vector<std::pair<const std::string*, Span>> others;
  };

  // x - y <= c.
  void LessEq(Term x, Term y, int64_t c) {
    std::optional<Edge> edge;
    bool holds = false;
    if (!ToEdge(x, y, c, edge, holds)) {
      feasible_ = false;
    } else if (edge) {
      edges_.push_back(*edge);
    }
  }

  // x - y <= c as an edge; between two constants, no edge, and `holds` set
  // when it holds. False when it fails.
  bool ToEdge(Term x, Term y, int64_t c, std::optional<Edge>& edge, bool& holds) {
    if (x.var < 0 && y.var < 0) {
      if (x.value - y.value > c) return false;
      holds = true;
      return true;
    }
    // Constants become offsets from the zero variable.
    const int xv = x.var < 0 ? Zero() : x.var;
    const int yv = y.var < 0 ? Zero() : y.var;
    const int64_t k = c - (x.var < 0 ? x.value : 0) + (y.var < 0 ? y.value : 0);
    edge = Edge{yv, xv, k};
    return true;
  }
  void Less(Term x, Term y) { LessEq(x, y, -1); }

  int Zero() {
    if (zero_ < 0) zero_ = NewVar();
    return zero_;
  }
  int NewVar() { return vars_++; }
  static Term Const(int64_t v) { return Term{-1, v}; }

  Span EventSpan(const std::string& id) {
    auto [it, inserted] = events_.emplace(id, std::make_pair(0, 0));
    if (inserted) {
      it->second = {NewVar(), NewVar()};
      const Term s{it->second.first}, e{it->second.second};
      LessEq(Const(MinDay()), s, 0);
      LessEq(s, e, 0);
      LessEq(e, Const(MaxDay()), 0);
    }
    return {Term{it->second.first}, Term{it->second.second}};
  }

  Term Published(const std::string& id) {
    auto [it, inserted] = publications_.emplace(id, 0);
    if (inserted) {
      it->second = NewVar();
      const Term p{it->second};
      const Source& s = *sources_.at(id);
      LessEq(Const(MinDay()), p, 0);
      LessEq(p, Const(MaxDay()), 0);
      LessEq(p, Const(CalendarDateInterval(s.retrieved())->last), 0);
      if (s.has_published()) {
        const DayInterval d = *DateSpecInterval(s.published());
        LessEq(Const(d.first), p, 0);
        LessEq(p, Const(d.last), 0);
      }
    }
    return Term{it->second};
  }

  // As Encoding::PublishedOneSided.
  Term PublishedOneSided(const std::string& id, bool latest) {
    if (linked_.contains(id)) return Published(id);
    const Source& s = *sources_.at(id);
    const int64_t retrieved = CalendarDateInterval(s.retrieved())->last;
    if (!s.has_published()) return Const(latest ? retrieved : MinDay());
    const DayInterval p = *DateSpecInterval(s.published());
    return Const(latest ? std::min(p.last, retrieved) : p.first);
  }

  // As Encoding::ResolveOneSided.
  Span ResolveOneSided(const TimeRef& ref, bool latest) {
    if (ref.published_of().empty() || linked_.contains(ref.published_of())) {
      return Resolve(ref);
    }
    const Term p = PublishedOneSided(ref.published_of(), latest);
    return {p, p};
  }

  // As Encoding::Resolve.
  Span Resolve(const TimeRef& ref) {
    Span span;
    if (ref.has_event()) {
      span = EventSpan(ref.event());
    } else if (ref.has_date()) {
      const DayInterval d = *DateSpecInterval(ref.date());
      span = {Const(d.first), Const(d.last)};
    } else {
      const Term p = Published(ref.published_of());
      span = {p, p};
    }
    if (ref.endpoint() == ENDPOINT_START) span.last = span.first;
    if (ref.endpoint() == ENDPOINT_END) span.first = span.last;
    return span;
  }

  // As GapConstraint: `to` after `from`, by [lo, hi] days, or calendar
  // months or years, measured from some day of `from` to some day of `to`.
  void AddGap(const Span& from, const Span& to, const Amount& amount) {
    const IntRange range = IntegersWithin(*AmountInterval(amount, settings_));
    if (range.empty) {
      feasible_ = false;
      return;
    }
    Less(from.last, to.first);
    const UnitKind unit = LookupUnit(amount.unit()).kind;
    if (unit == UnitKind::kDays) {
      if (range.hi) LessEq(to.first, from.last, *range.hi);
      if (range.lo) LessEq(from.first, to.last, -*range.lo);
      return;
    }
    const bool months = unit == UnitKind::kMonths;
    if (range.hi) PeriodDifference(from.last, to.first, *range.hi, false, months);
    if (range.lo) PeriodDifference(from.first, to.last, *range.lo, true, months);
  }

  // As PeriodDifference in solver/encoders/gap.cc: P(later) - P(earlier) at
  // most `k` (at least, when `at_least`), for the projection P onto years or
  // months: a bound on the day when the other is a constant, else a
  // PeriodConstraint for SolvePeriods.
  void PeriodDifference(Term earlier, Term later, int64_t k, bool at_least,
                        bool months) {
    if (earlier.var < 0 && later.var < 0) {
      if (!PeriodGapHolds(PeriodIndex(later.value, months) -
                              PeriodIndex(earlier.value, months),
                          k, at_least)) {
        feasible_ = false;
      }
    } else if (earlier.var < 0 || later.var < 0) {
      const bool known_earlier = earlier.var < 0;
      const Term other = known_earlier ? later : earlier;
      const std::optional<DayBound> bound = PeriodGapBound(
          PeriodIndex((known_earlier ? earlier : later).value, months),
          known_earlier, k, at_least, months);
      if (!bound.has_value()) {
        feasible_ = false;
      } else if (bound->lower) {
        LessEq(Const(bound->day), other, 0);
      } else {
        LessEq(other, Const(bound->day), 0);
      }
    } else {
      periods_.push_back({earlier.var, later.var, k, at_least, months});
    }
  }

  void AddDate(const DateClaim& d) {
    const Span subject = Resolve(d.subject());
    if (d.has_within()) {
      const DayInterval w = *DateSpecInterval(d.within());
      LessEq(Const(w.first), subject.first, 0);
      LessEq(subject.last, Const(w.last), 0);
      return;
    }
    if (d.has_in_period()) {
      AddPeriod(subject, d.in_period());
      return;
    }
    const bool before = d.has_before();
    const Relative& rel = before ? d.before() : d.after();
    const Span reference = rel.has_offset()
                               ? Resolve(rel.reference())
                               : ResolveOneSided(rel.reference(), before);
    if (rel.has_offset()) {
      if (before) {
        AddGap(subject, reference, rel.offset());
      } else {
        AddGap(reference, subject, rel.offset());
      }
    } else if (before) {
      Less(subject.last, reference.first);
    } else {
      Less(reference.last, subject.first);
    }
  }

  // As EncodePeriod (solver/encoders/date.cc): both ends of the subject
  // are in the year (month) of the anchor's first day moved by the offset,
  // P(end) - P(anchor) = offset for the projection P; a narrowed period
  // also puts the first end on or after its first month and day, and the
  // last on or before its last, within that year (month). With the anchor
  // a fixed day the period is a number and the narrowing a bound now; else
  // SolvePeriods bounds it in each case, once the period is known.
  void AddPeriod(const Span& subject, const RelativePeriod& period) {
    const Span anchor = Resolve(period.anchor());
    const bool months = period.unit() == RelativePeriod::UNIT_MONTH;
    for (const Term& end : {subject.first, subject.last}) {
      PeriodDifference(anchor.first, end, period.offset(), /*at_least=*/false,
                       months);
      PeriodDifference(anchor.first, end, period.offset(), /*at_least=*/true,
                       months);
    }
    const int last_month =
        period.last_month() == 0 ? period.first_month() : period.last_month();
    const Narrowing narrowings[] = {
        {subject.first, anchor.first, period.offset(), months, true,
         period.first_month(), period.first_day()},
        {subject.last, anchor.first, period.offset(), months, false, last_month,
         period.last_day()}};
    for (const Narrowing& n : narrowings) {
      if (n.month == 0 && n.day == 0) continue;  // the whole period
      if (n.end.var >= 0 && n.anchor.var >= 0) {
        narrowings_.push_back(n);
        continue;
      }
      // The end's period is a number: its own, or the anchor's moved.
      const int64_t p = n.end.var < 0
                            ? PeriodIndex(n.end.value, months)
                            : PeriodIndex(n.anchor.value, months) + n.offset;
      const std::optional<DayBound> b = NarrowingBound(n, p);
      if (!b.has_value()) {
        feasible_ = false;
      } else if (b->lower) {
        LessEq(Const(b->day), n.end, 0);
      } else {
        LessEq(n.end, Const(b->day), 0);
      }
    }
  }

  // The end's day on or after (lower) or on or before (month, day) of its
  // period (EncodePeriod's not_before and not_after; month 0 is the whole
  // period, a month, and day 0 the whole month).
  struct Narrowing {
    Term end;
    Term anchor;
    int64_t offset;
    bool months;
    bool lower;
    int month;
    int day;
  };

  // The bound a narrowing puts on its end's day when the end lies in
  // `period` (a year, or a month index); nullopt when no day of the period
  // satisfies it (on or after the 30th of February).
  static std::optional<DayBound> NarrowingBound(const Narrowing& n,
                                                int64_t period) {
    const int64_t year =
        n.months ? (period >= 0 ? period / 12 : (period - 11) / 12) : period;
    const int month =
        n.months ? static_cast<int>(period - 12 * year) + 1 : n.month;
    if (year < kMinYear || year > kMaxYear) {
      // No day of the calendar lies in such a period: the end's own period
      // bounds say so; this one adds nothing.
      return DayBound{n.lower ? MinDay() : MaxDay(), n.lower};
    }
    const int y = static_cast<int>(year);
    const int days = DaysInMonth(y, month);
    if (!n.lower) {
      return DayBound{
          DaysFromCivil(y, month, n.day == 0 ? days : std::min(n.day, days)),
          false};
    }
    if (n.day <= days) return DayBound{DaysFromCivil(y, month, std::max(1, n.day)), true};
    // Past the month's last day: from the next month of a year on; none
    // within a month.
    if (n.months || month == 12) return std::nullopt;
    return DayBound{DaysFromCivil(y, month + 1, 1), true};
  }

  // x - y <= c or u - v <= d: a choice, or the one that can hold (neither:
  // infeasible), or nothing when one holds on constants. Returns 1 when the
  // second holds on constants or is forced, else 0 (for counting).
  int Either(Term x, Term y, int64_t c, Term u, Term v, int64_t d, int counter,
             std::vector<Choice>& choices) {
    std::optional<Edge> first, second;
    bool first_holds = false, second_holds = false;
    const bool first_possible = ToEdge(x, y, c, first, first_holds);
    const bool second_possible = ToEdge(u, v, d, second, second_holds);
    if (first_holds) return 0;
    if (second_holds) return 1;
    if (first_possible && second_possible) {
      choices.push_back({*first, *second, counter});
    } else if (first_possible) {
      edges_.push_back(*first);
    } else if (second_possible) {
      edges_.push_back(*second);
      return 1;
    } else {
      feasible_ = false;
    }
    return 0;
  }

  void AddFirstSinceChoices(const FirstSinceRecord& f, std::vector<Choice>& choices) {
    for (const auto& [k, other] : f.others) {
      if (!occurs_.contains(*k)) continue;
      switch (f.form) {
        case FirstSinceRecord::kFirstEver:  // no known event ends before it
          LessEq(f.event.first, other.last, 0);
          break;
        case FirstSinceRecord::kLast:  // none starts after it
          LessEq(other.first, f.event.last, 0);
          break;
        case FirstSinceRecord::kSince:
          // Not strictly between the previous one and this one: it starts
          // by the previous one's end, or ends on or after this one's start.
          Either(other.first, f.previous.last, 0, f.event.first, other.last, 0,
                 -1, choices);
          break;
      }
    }
  }

  // Each occurring known event is before the claim's event or anchor (the
  // second edge, counted) or not; at most `limit` may be. Choices that
  // cannot exceed the limit together are dropped (either edge is the other's
  // negation, so one of them holds anyway).
  void AddOrdinalChoices(const OrdinalRecord& o, int counter,
                         std::vector<Choice>& choices, std::vector<int>& allowed) {
    const size_t begin = choices.size();
    int64_t left = o.limit;
    for (const auto& [k, other] : o.others) {
      if (!occurs_.contains(*k)) continue;
      // Before: other.last < at.first (event form), other.last <= at.last
      // (anchor form); not before: the negation.
      left -= o.has_event
                  ? Either(o.at.first, other.last, 0, other.last, o.at.first, -1,
                           counter, choices)
                  : Either(o.at.last, other.last, -1, other.last, o.at.last, 0,
                           counter, choices);
    }
    if (left < 0) feasible_ = false;
    if (static_cast<int64_t>(choices.size() - begin) <= left) choices.resize(begin);
    allowed.push_back(static_cast<int>(std::max<int64_t>(left, 0)));
  }

  // The known events of a class but the ones named (null: none), with
  // their spans.
  std::vector<std::pair<const std::string*, Span>> KnownOthers(
      const std::string& event_class, const std::string* skip,
      const std::string* skip_too = nullptr) {
    std::vector<std::pair<const std::string*, Span>> out;
    auto it = class_events_.find(event_class);
    if (it == class_events_.end()) return out;
    for (const std::string* k : it->second) {
      if ((skip != nullptr && *k == *skip) || (skip_too != nullptr && *k == *skip_too)) {
        continue;
      }
      out.push_back({k, EventSpan(*k)});
    }
    return out;
  }

  // As EncodeOrdinal (solver/encoders/ordinal.cc), once Solve knows which
  // known events occur.
  void AddOrdinal(const OrdinalClaim& c) {
    OrdinalRecord o;
    o.has_event = c.form_case() == OrdinalClaim::kEvent;
    o.at = o.has_event ? EventSpan(c.event()) : Resolve(c.anchor());
    o.limit = o.has_event ? c.ordinal() - 1 : c.count();
    o.others = KnownOthers(c.event_class(), o.has_event ? &c.event() : nullptr);
    ordinals_.push_back(std::move(o));
  }

  // As EncodeFirstSince (solver/encoders/first_since.cc): the previous
  // event's bounds now; what the class's other known events must not do,
  // once Solve knows which of them occur.
  void AddFirstSince(const FirstSinceClaim& c) {
    FirstSinceRecord f;
    f.event = EventSpan(c.event());
    f.form = c.first_ever() ? FirstSinceRecord::kFirstEver
             : c.last()     ? FirstSinceRecord::kLast
                            : FirstSinceRecord::kSince;
    const std::string* skip = nullptr;
    if (f.form == FirstSinceRecord::kLast && c.has_since()) {
      const DayInterval since = *DateSpecInterval(c.since());
      LessEq(Const(since.first), f.event.first, 0);
      LessEq(f.event.last, Const(since.last), 0);
    } else if (f.form == FirstSinceRecord::kSince) {
      if (c.previous().empty()) {
        f.previous = {Term{NewVar()}, Term{NewVar()}};
        LessEq(Const(MinDay()), f.previous.first, 0);
        LessEq(f.previous.first, f.previous.last, 0);
        LessEq(f.previous.last, Const(MaxDay()), 0);
      } else {
        f.previous = EventSpan(c.previous());
        occurs_.insert(c.previous());
        skip = &c.previous();
      }
      Less(f.previous.last, f.event.first);
      if (c.has_since()) {
        const DayInterval since = *DateSpecInterval(c.since());
        LessEq(Const(since.first), f.previous.first, 0);
        LessEq(f.previous.last, Const(since.last), 0);
      }
    }
    f.others = KnownOthers(c.event_class(), &c.event(), skip);
    first_since_.push_back(std::move(f));
  }

  void AddQuantity(const QuantityClaim& q) {
    auto [it, inserted] = values_.emplace(q.measure(), ValueInterval{});
    if (inserted) {
      const Measure& m = *measures_.at(q.measure());
      // As Encoding::AddMeasureAxioms.
      if (m.additive()) it->second.lo = Bound{Decimal::FromInt(0), false};
      if (m.dimension() == DIMENSION_SHARE) {
        it->second.lo = Bound{Decimal::FromInt(0), false};
        it->second.hi = Bound{Decimal::FromInt(100), false};
      }
    }
    const ValueInterval v = *AmountInterval(q.amount(), settings_);
    ValueInterval& x = it->second;
    if (v.lo && (!x.lo || Tighter(*v.lo, *x.lo, /*lower=*/true))) x.lo = v.lo;
    if (v.hi && (!x.hi || Tighter(*v.hi, *x.hi, /*lower=*/false))) x.hi = v.hi;
    if (x.lo && x.hi) {
      const int cmp = Decimal::Compare(x.lo->value, x.hi->value);
      if (cmp > 0 || (cmp == 0 && (x.lo->open || x.hi->open))) feasible_ = false;
    }
  }

  static bool Tighter(const Bound& a, const Bound& b, bool lower) {
    const int cmp = Decimal::Compare(a.value, b.value);
    if (cmp != 0) return lower ? cmp > 0 : cmp < 0;
    return a.open && !b.open;
  }

  // As BindTense (solver/encoders/tense.cc), for the kinds modelled here.
  void BindTense(const Claim& c) {
    // Pointers into the claim: at 40,000 claims, copies of these ids took
    // a sixth of this function's instructions.
    absl::InlinedVector<const std::string*, 2> named;
    const std::string* subject = nullptr;
    auto event_of = [](const TimeRef& r) -> const std::string* {
      return r.has_event() ? &r.event() : nullptr;
    };
    if (c.has_date()) {
      subject = event_of(c.date().subject());
      if (subject) named.push_back(subject);
      const Relative* rel = c.date().has_before()  ? &c.date().before()
                            : c.date().has_after() ? &c.date().after()
                                                   : nullptr;
      if (rel != nullptr) {
        if (auto e = event_of(rel->reference())) named.push_back(e);
      }
    } else if (c.has_gap()) {
      subject = event_of(c.gap().to());
      if (subject) named.push_back(subject);
      if (auto e = event_of(c.gap().from())) named.push_back(e);
    } else if (c.has_first_since()) {
      subject = &c.first_since().event();
      named.push_back(subject);
      if (!c.first_since().previous().empty()) {
        named.push_back(&c.first_since().previous());
      }
    } else if (c.has_ordinal() && c.ordinal().form_case() == OrdinalClaim::kEvent) {
      subject = &c.ordinal().event();
      named.push_back(subject);
    }
    const std::string& source = c.provenance().source();
    switch (c.provenance().modality()) {
      case MODALITY_UNSPECIFIED:
      case MODALITY_REPORTED:
        if (subject) occurs_.insert(*subject);
        if (named.empty()) break;
        {
          const Term pub = PublishedOneSided(source, true);
          for (const std::string* e : named) {
            const Term last = EventSpan(*e).last;
            auto [it, inserted] = bound_if_occurs_.try_emplace(*e);
            if (inserted) bound_if_occurs_order_.push_back(*e);
            it->second.emplace_back(last, pub);
          }
        }
        break;
      case MODALITY_PLANNED:
        if (subject) Less(PublishedOneSided(source, false), EventSpan(*subject).first);
        break;
      case MODALITY_CANCELLED:
        if (subject) not_occurs_.insert(*subject);
        break;
      default:
        break;
    }
  }

  // Bellman-Ford from a virtual source joined to every variable by 0.
  bool NoNegativeCycle(const std::vector<Edge>& edges) const {
    std::vector<int64_t> dist(vars_, 0);
    for (int round = 0; round <= vars_; ++round) {
      bool changed = false;
      for (const Edge& e : edges) {
        if (dist[e.from] + e.weight < dist[e.to]) {
          dist[e.to] = dist[e.from] + e.weight;
          changed = true;
        }
      }
      if (!changed) return true;
    }
    return false;
  }

  // The least upper bound on every variable minus `source` (`reverse`:
  // on `source` minus every variable), from shortest paths over edges_,
  // which have no negative cycle; nullopt where no path bounds it.
  std::vector<std::optional<int64_t>> ShortestFrom(int source, bool reverse) const {
    std::vector<std::optional<int64_t>> dist(vars_);
    dist[source] = 0;
    for (int round = 0; round < vars_; ++round) {
      bool changed = false;
      for (const Edge& e : edges_) {
        const int from = reverse ? e.to : e.from;
        const int to = reverse ? e.from : e.to;
        if (dist[from] && (!dist[to] || *dist[from] + e.weight < *dist[to])) {
          dist[to] = *dist[from] + e.weight;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return dist;
  }

  // The day constraints with calendar-period gaps between two variable days
  // (periods_), decided exactly by cases. The difference constraints alone
  // bound each such day, hence its year or month, to a range. Some of the
  // days ("enumerated": at least one of each gap's two, the one with fewer
  // periods) are given each period of their range in turn; a gap between
  // two of them is then checked on the numbers, and a gap with one of them
  // becomes a bound on the other day (as the fold of a fixed date does),
  // and each enumerated day gets its period's first and last day as bounds.
  // The constraints have a solution exactly when one of these cases does
  // (any solution's days lie within the ranges). Too many cases: left to
  // Z3 (false).
  bool SolvePeriods() const {
    if (!NoNegativeCycle(edges_) || zero_ < 0) return false;
    const std::vector<std::optional<int64_t>> upper = ShortestFrom(zero_, false);
    const std::vector<std::optional<int64_t>> lower = ShortestFrom(zero_, true);
    // Each projected day (variable, months): its range of periods.
    struct Projected {
      int var;
      bool months;
      int64_t first;
      int64_t last;
      bool enumerated = false;
    };
    std::vector<Projected> projected;
    // The index of a projected day in `projected`, -1 when absent.
    auto find = [&](int var, bool months) {
      for (size_t i = 0; i < projected.size(); ++i) {
        if (projected[i].var == var && projected[i].months == months) {
          return static_cast<int>(i);
        }
      }
      return -1;
    };
    // The same, adding it first when absent.
    auto index_of = [&](int var, bool months) {
      if (const int i = find(var, months); i >= 0) return i;
      const int64_t lo = lower[var] ? std::max(MinDay(), -*lower[var]) : MinDay();
      const int64_t hi = upper[var] ? std::min(MaxDay(), *upper[var]) : MaxDay();
      projected.push_back({var, months, PeriodIndex(lo, months),
                           PeriodIndex(std::max(lo, hi), months)});
      return static_cast<int>(projected.size()) - 1;
    };
    struct Gap {
      int earlier;  // indices into `projected`
      int later;
      int64_t k;
      bool at_least;
    };
    std::vector<Gap> gaps;
    for (const PeriodConstraint& p : periods_) {
      gaps.push_back({index_of(p.earlier, p.months), index_of(p.later, p.months),
                      p.k, p.at_least});
    }
    auto size = [&](int i) { return projected[i].last - projected[i].first + 1; };
    int64_t cases = 1;
    for (const Gap& g : gaps) {
      if (projected[g.earlier].enumerated || projected[g.later].enumerated) continue;
      const int pick = size(g.earlier) <= size(g.later) ? g.earlier : g.later;
      projected[pick].enumerated = true;
      cases *= size(pick);
      if (cases > kMaxPeriodCases) return false;
    }
    std::vector<int> order;  // the enumerated days
    for (size_t i = 0; i < projected.size(); ++i) {
      if (projected[i].enumerated) order.push_back(static_cast<int>(i));
    }
    std::vector<int64_t> period(projected.size());
    std::vector<int> position(projected.size(), -1);
    for (size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<int>(i);
    // A case's day bounds on top of edges_: false when one is empty.
    auto feasible = [&]() {
      std::vector<Edge> edges = edges_;
      auto bound = [&](int i, const DayBound& b) {
        if (b.lower) {
          edges.push_back({projected[i].var, zero_, -b.day});
        } else {
          edges.push_back({zero_, projected[i].var, b.day});
        }
      };
      for (int i : order) {
        const bool months = projected[i].months;
        // Within the calendar, so both exist.
        bound(i, {*FirstDayOfPeriodAtLeast(period[i], months), true});
        bound(i, {*LastDayOfPeriodAtMost(period[i], months), false});
      }
      // A narrowed period's end lies in the anchor's period moved by the
      // offset; one of the two is enumerated (their gap is a PeriodConstraint).
      for (const Narrowing& n : narrowings_) {
        const int anchor = find(n.anchor.var, n.months);
        const int end = find(n.end.var, n.months);
        int64_t p;
        if (anchor >= 0 && projected[anchor].enumerated) {
          p = period[anchor] + n.offset;
        } else if (end >= 0 && projected[end].enumerated) {
          p = period[end];
        } else {
          return false;  // not reached: left to Z3
        }
        const std::optional<DayBound> b = NarrowingBound(n, p);
        if (!b.has_value()) return false;
        if (b->lower) {
          edges.push_back({n.end.var, zero_, -b->day});
        } else {
          edges.push_back({zero_, n.end.var, b->day});
        }
      }
      for (const Gap& g : gaps) {
        const bool known_earlier = projected[g.earlier].enumerated;
        if (known_earlier && projected[g.later].enumerated) {
          continue;  // checked on the numbers
        }
        const std::optional<DayBound> b = PeriodGapBound(
            period[known_earlier ? g.earlier : g.later], known_earlier, g.k,
            g.at_least, projected[g.earlier].months);
        if (!b.has_value()) return false;
        bound(known_earlier ? g.later : g.earlier, *b);
      }
      return NoNegativeCycle(edges);
    };
    // Depth-first over the enumerated days, a gap between two of them
    // checked once both have a period.
    std::function<bool(size_t)> assign = [&](size_t n) -> bool {
      if (n == order.size()) return feasible();
      const int i = order[n];
      for (int64_t p = projected[i].first; p <= projected[i].last; ++p) {
        period[i] = p;
        bool holds = true;
        for (const Gap& g : gaps) {
          if (position[g.earlier] < 0 || position[g.later] < 0 ||
              std::max(position[g.earlier], position[g.later]) !=
                  static_cast<int>(n)) {
            continue;
          }
          if (!PeriodGapHolds(period[g.later] - period[g.earlier], g.k,
                              g.at_least)) {
            holds = false;
          }
        }
        if (holds && assign(n + 1)) return true;
      }
      return false;
    };
    return assign(0);
  }

  static constexpr size_t kEdgesReserved = 16;
  // At most this many cases of SolvePeriods (products of the projected
  // days' ranges of years or months).
  static constexpr int64_t kMaxPeriodCases = 4096;
  // At most 2^this cases of first-since and ordinal choices.
  static constexpr size_t kMaxChoiceBits = 12;

  // P(later) - P(earlier) at most k (at least, when at_least), P the
  // projection onto years or months, of two variable days.
  struct PeriodConstraint {
    int earlier;
    int later;
    int64_t k;
    bool at_least;
    bool months;
  };

  const absl::flat_hash_set<std::string>& linked_;
  const AmountSettings& settings_;
  const absl::flat_hash_map<std::string, const Source*>& sources_;
  const absl::flat_hash_map<std::string, const Measure*>& measures_;
  const ClassEvents& class_events_;
  absl::flat_hash_map<std::string, std::pair<int, int>> events_;
  absl::flat_hash_map<std::string, int> publications_;
  absl::flat_hash_map<std::string, ValueInterval> values_;
  // Tense bounds that hold when the event occurs: (its end, the latest
  // publication day).
  absl::flat_hash_map<std::string, std::vector<std::pair<Term, Term>>>
      bound_if_occurs_;
  std::vector<std::string> bound_if_occurs_order_;
  absl::flat_hash_set<std::string> occurs_;
  absl::flat_hash_set<std::string> not_occurs_;
  std::vector<Edge> edges_;
  std::vector<PeriodConstraint> periods_;
  // Narrowings of periods between two variable days, for SolvePeriods.
  std::vector<Narrowing> narrowings_;
  std::vector<FirstSinceRecord> first_since_;
  std::vector<OrdinalRecord> ordinals_;
  int vars_ = 0;
  int zero_ = -1;
  bool feasible_ = true;
};

}  // namespace

FastPathResult DecideSimpleGroups(const CheckRequest& request) {
  const ClaimSet& set = request.claims();
  FastPathResult result;
  result.decided.assign(set.claims_size(), false);
  if (request.options().no_fast_path() ||
      request.options().diagnosis().derive_all()) {
    return result;
  }
  const Ids ids(set);
  const Shared shared(request);
  const Touches touches(request, ids, shared.linked, shared.class_events);
  // One extra node per claim, for claims that touch nothing (constants
  // only) and to tie each claim to its group.
  const int nodes = ids.Nodes();
  UnionFind groups(nodes + set.claims_size());
  std::vector<bool> tainted(nodes + set.claims_size(), false);
  for (int i = 0; i < set.claims_size(); ++i) {
    const Claim& c = set.claims(i);
    const int own = nodes + i;
    const bool simple = IsSimple(c);
    if (!simple) tainted[own] = true;
    for (int n : touches.Of(c)) groups.Unite(own, n);
  }
  for (int n : touches.OrderedMeasures()) tainted[n] = true;
  for (const std::string& id : request.options().diagnosis().derive()) {
    if (std::optional<int> n = ids.SubjectNode(id)) tainted[*n] = true;
  }
  // A group is tainted when any of its nodes is.
  absl::flat_hash_set<int> tainted_roots;
  for (int n = 0; n < nodes + set.claims_size(); ++n) {
    if (tainted[n]) tainted_roots.insert(groups.Find(n));
  }
  // Claims by group (groups in input order of their first claim, claims in
  // input order).
  absl::flat_hash_map<int, int> group_of_root;
  std::vector<int> roots;
  std::vector<std::vector<int>> members;
  for (int i = 0; i < set.claims_size(); ++i) {
    const int root = groups.Find(nodes + i);
    auto [it, inserted] =
        group_of_root.try_emplace(root, static_cast<int>(roots.size()));
    if (inserted) {
      roots.push_back(root);
      members.emplace_back();
    }
    members[it->second].push_back(i);
  }
  result.groups = static_cast<int>(roots.size());
  std::vector<int> candidates;  // untainted groups
  for (int g = 0; g < result.groups; ++g) {
    if (!tainted_roots.contains(roots[g])) candidates.push_back(g);
  }
  // Groups share only `shared`, which they read: they are solved on up to
  // options.threads threads (0: the machine's cores), a block of
  // consecutive groups at a time, each answer stored apart, so the result
  // does not depend on the thread count.
  std::vector<char> consistent(candidates.size(), 0);
  const int block = kGroupsPerBlock;
  const int blocks =
      (static_cast<int>(candidates.size()) + block - 1) / block;
  const int threads = request.options().threads() > 0
                          ? request.options().threads()
                          : DefaultThreads();
  ParallelFor(blocks, threads, [&](int b) {
    const int end =
        std::min(static_cast<int>(candidates.size()), (b + 1) * block);
    for (int k = b * block; k < end; ++k) {
      GroupSolver solver(shared);
      for (int i : members[candidates[k]]) solver.Add(set.claims(i));
      consistent[k] = solver.Solve() ? 1 : 0;
    }
  });
  absl::flat_hash_set<int> decided_roots;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (!consistent[k]) continue;
    const int g = candidates[k];
    ++result.groups_decided;
    decided_roots.insert(roots[g]);
    for (int i : members[g]) result.decided[i] = true;
  }
  // Events and measures are nodes 0..E-1 and E..E+M-1, in input order.
  result.event_decided.assign(set.events_size(), false);
  for (int e = 0; e < set.events_size(); ++e) {
    result.event_decided[e] = decided_roots.contains(groups.Find(e));
  }
  result.measure_decided.assign(set.measures_size(), false);
  for (int m = 0; m < set.measures_size(); ++m) {
    result.measure_decided[m] =
        decided_roots.contains(groups.Find(set.events_size() + m));
  }
  return result;
}

}  // namespace claimcheck

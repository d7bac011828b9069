// The shared state of one encoding: Z3 variables for events, publication
// dates and measures, calendar projections, and the background axioms.
//
// Internal to the solver layer. Everything here assumes a validated ClaimSet.
#ifndef CLAIMCHECK_SOLVER_ENCODING_H_
#define CLAIMCHECK_SOLVER_ENCODING_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "claims/amount.h"
#include "claims/calendar.h"
#include "proto/claimcheck.pb.h"
#include "z3++.h"

namespace claimcheck {

// A stretch of days on the timeline: two integer expressions, and the fixed
// interval when both are constants.
struct Span {
  z3::expr first;
  z3::expr last;
  std::string name;                 // "Zardari's visit to Russia", "May 2012"
  std::optional<DayInterval> fixed;  // set for constant dates
  std::string event;                 // the event id, when the span is an event
};

// A background fact that claims may run into (a source's publication date,
// sub-period monotonicity). Each is guarded by its own literal so that the
// facts a conflict depends on can be named in its explanation.
struct Axiom {
  z3::expr literal;
  std::string text;
  // For sub-period axioms: value(lhs) <= value(rhs), measure ids.
  std::string lhs;
  std::string rhs;
};

// The amount settings (rounding, tolerances) a check's options ask for.
AmountSettings AmountSettingsFor(const claimcheck::v1::CheckOptions& options);

// The publications whose dates are solver variables. A claim's constraint
// may lean on a publication one way: it holds more easily the later the
// publication is (a reported claim's tense binding, "occurred by the
// publication", "before the publication", with no offset) or the earlier (a
// planned claim's binding, "had not occurred by the publication", "after
// the publication"). A publication all of whose uses lean the same way can
// take its extreme day, so it is a constant there, which is exact: the
// claims of one article then share no variable through it. The others are
// linked: those named two-sidedly (a gap, a period, an offset, a date claim
// about the publication itself) and those leaned on both ways.
absl::flat_hash_set<std::string> LinkedPublications(
    const claimcheck::v1::ClaimSet& set);

// One claim's share of LinkedPublications: the publications it names
// two-sidedly, and those it leans on being late or early. A publication is
// linked when some claim names it two-sidedly, or some leans on it each way.
struct PublicationUses {
  std::vector<std::string> two_sided, late, early;
};
PublicationUses UsesOfPublications(const claimcheck::v1::Claim& c);

class Encoding {
 public:
  // What an encoding is for. kSolve: checks. kStructure: only which
  // constants each claim's formulas mention (solver/split.h), so a year or
  // month projection's definition only ties its value to its day, without
  // the calendar arithmetic (and the year hints) between them: those
  // mention no constant shared with anything else, and they were most of
  // the split's work (64% of it on 1M claims with 5,000 Z3-only parts).
  // Such formulas are not to be solved.
  enum class Use { kSolve, kStructure };
  Encoding(z3::context& ctx, const claimcheck::v1::CheckRequest& request,
           Use use = Use::kSolve);

  z3::context& ctx() { return ctx_; }
  const AmountSettings& amount_settings() const { return settings_; }

  // Constraints that always hold (domains, start <= end, projections).
  const z3::expr_vector& hard() const { return hard_; }
  const std::vector<Axiom>& axioms() const { return axioms_; }

  const claimcheck::v1::Source& source(const std::string& id) const {
    return *sources_.at(id);
  }
  const claimcheck::v1::Event& event(const std::string& id) const {
    return *events_.at(id);
  }
  const claimcheck::v1::Measure& measure(const std::string& id) const {
    return *measures_.at(id);
  }

  // The span a reference names, with its endpoint applied.
  Span Resolve(const claimcheck::v1::TimeRef& ref);
  // As Resolve, for a reference used one-sidedly (LinkedPublications): an
  // unlinked publication is its latest possible day (`latest`) or its
  // earliest, a fixed span.
  Span ResolveOneSided(const claimcheck::v1::TimeRef& ref, bool latest);
  Span EventSpan(const std::string& event_id);
  z3::expr Published(const std::string& source_id);
  // The publication date as a one-sided use sees it (LinkedPublications):
  // the variable when the publication is linked, else its latest possible
  // day (`latest`) or its earliest.
  z3::expr PublishedOneSided(const std::string& source_id, bool latest);
  z3::expr MeasureValue(const std::string& measure_id);
  // Whether the event occurs.
  z3::expr Occurs(const std::string& event_id);
  // Events listing `event_class`, in input order.
  const std::vector<std::string>& EventsOfClass(const std::string& event_class);
  // Events naming `actor` among their actors or roles (office empty), or in
  // a role with `office`, in input order.
  std::vector<std::string> EventsOfActor(const std::string& actor,
                                         const std::string& office) const;
  // The span of an actor's life (office empty) or term of an office: two
  // integer days, first <= last.
  Span ActorSpan(const std::string& actor, const std::string& office);
  // Measures of the same quantity (and from, to, dimension, currency) as
  // `m`, `m` included, in input order.
  std::vector<std::string> MeasuresOfQuantity(
      const claimcheck::v1::Measure& m) const;
  // An entity's share of a market, a real in [0, 100].
  z3::expr Share(const std::string& market, const std::string& entity);
  // Every entity any share claim names for the market, in input order.
  const std::vector<std::string>& EntitiesOfMarket(const std::string& market);

  // Calendar projections of a day expression: a fresh integer whose defining
  // constraints go to the current claim's side constraints (see
  // TakeSideConstraints), so they are asserted only when that claim is.
  // Linear integer arithmetic: no div or mod terms (see Project).
  z3::expr YearOf(const z3::expr& day);
  // Months since year 0: 12 * year + month - 1.
  z3::expr MonthIndexOf(const z3::expr& day);
  // Month of the year (1..12) and day of the month (1..31) of a day.
  z3::expr MonthOf(const z3::expr& day);
  z3::expr DayOfMonthOf(const z3::expr& day);

  // Returns and clears the constraints that define the projections made
  // since the last call; the encoder of a claim conjoins them to it.
  z3::expr_vector TakeSideConstraints();

  z3::expr FreshInt(const std::string& prefix);
  z3::expr Int(int64_t v) { return ctx_.int_val(static_cast<int64_t>(v)); }
  z3::expr Real(const Decimal& d) {
    return ctx_.real_val(d.ToRationalString().c_str());
  }

  // A readable name for a measure or event ("arms transfers 1947-1991").
  std::string MeasureName(const std::string& id) const;
  std::string EventName(const std::string& id) const;

 private:
  void AddMeasureAxioms(const claimcheck::v1::ClaimSet& set);
  void AddSourceAxioms(const claimcheck::v1::ClaimSet& set);
  void NoteYearsMentioned(const claimcheck::v1::CheckRequest& request);

  z3::context& ctx_;
  Use use_;
  AmountSettings settings_;
  // A projection made once per day expression, reused by every claim that
  // needs it; its definition joins each such claim's side constraints.
  struct Projection {
    z3::expr value;
    z3::expr definition;
  };
  const Projection& Project(const z3::expr& day, bool month);
  // The years (exclusive, inclusive] a year projection of `day` gets order
  // hints for: when the day is an event's start or end and "within" claims
  // bound it, their years and one more on each side (a part of three
  // claims with four projections: 29 -> 20 million instructions), unless
  // they span 400 years or more; otherwise hint_years_. Hints are implied by the projection's definition, so any
  // window is exact: it only guides Z3's search.
  std::pair<int, int> HintYears(const z3::expr& day) const;

  z3::expr_vector hard_;
  z3::expr_vector side_;
  absl::flat_hash_map<unsigned, Projection> years_;
  absl::flat_hash_map<unsigned, Projection> months_;
  // Jan 1 and the leap flag of each year variable, for month projections,
  // with the definition through the quotients they are terms of.
  struct YearStart {
    z3::expr jan1;
    z3::expr leap;
    z3::expr definition;
  };
  absl::flat_hash_map<unsigned, YearStart> year_starts_;
  // Month (1..12) and first day of the month, by the day projected.
  struct MonthParts {
    z3::expr month;
    z3::expr month_start;
  };
  absl::flat_hash_map<unsigned, MonthParts> month_parts_;
  absl::flat_hash_map<std::string, std::vector<std::string>> class_events_;
  absl::flat_hash_map<std::string, std::pair<z3::expr, z3::expr>> actor_spans_;
  absl::flat_hash_map<std::string, z3::expr> shares_;
  absl::flat_hash_map<std::string, std::vector<std::string>> market_entities_;
  std::vector<std::string> event_order_;
  std::vector<std::string> measure_order_;
  // Years (exclusive, inclusive] that year projections get order hints for.
  std::pair<int, int> hint_years_ = {0, 0};
  // An event's start (true) or end (false), by event id.
  using EventDay = std::pair<std::string, bool>;
  // Years (first, last) of the "within" claims about an event's start or
  // end, and each start and end variable's EventDay, by expression id
  // (HintYears).
  absl::flat_hash_map<EventDay, std::pair<int, int>> within_years_;
  absl::flat_hash_map<unsigned, EventDay> day_event_;
  std::vector<Axiom> axioms_;
  int fresh_ = 0;
  absl::flat_hash_map<std::string, const claimcheck::v1::Source*> sources_;
  absl::flat_hash_map<std::string, const claimcheck::v1::Event*> events_;
  absl::flat_hash_map<std::string, const claimcheck::v1::Measure*> measures_;
  absl::flat_hash_map<std::string, std::pair<z3::expr, z3::expr>> event_vars_;
  absl::flat_hash_map<std::string, z3::expr> published_vars_;
  // Sources whose publication must stay a variable (LinkedPublications).
  absl::flat_hash_set<std::string> publication_linked_;
  absl::flat_hash_map<std::string, z3::expr> measure_vars_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_ENCODING_H_

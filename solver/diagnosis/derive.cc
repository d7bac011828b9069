#include "solver/diagnosis/derive.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "claims/calendar.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// One side of a derived range.
struct Extreme {
  bool bounded = false;
  bool known = true;   // false: the optimizer hit a limit
  std::optional<z3::expr> value;  // a numeral, when bounded
  bool open = false;  // the subject cannot reach the value itself
  std::vector<std::string> support;
  std::vector<std::string> background;
};

Extreme Unbounded(bool known) {
  Extreme out;
  out.known = known;
  return out;
}

// Reads an optimum: a numeral, a numeral plus or minus an infinitesimal (an
// open bound), or infinite.
Extreme ReadOptimum(const z3::expr& v) {
  Extreme out;
  if (v.is_numeral()) {
    out.bounded = true;
    out.value = v;
    return out;
  }
  if (v.to_string().find("oo") != std::string::npos) return out;
  if (v.is_app() && v.decl().decl_kind() == Z3_OP_ADD) {
    for (unsigned i = 0; i < v.num_args(); ++i) {
      if (v.arg(i).is_numeral()) {
        out.bounded = true;
        out.open = true;
        out.value = v.arg(i);
        return out;
      }
    }
  }
  out.known = false;
  return out;
}

std::string DecimalText(const z3::expr& numeral) {
  std::string s = numeral.get_decimal_string(6);
  if (absl::EndsWith(s, "?")) return absl::StrCat("about ", s.substr(0, s.size() - 1));
  if (absl::StrContains(s, ".")) {
    while (absl::EndsWith(s, "0")) s.pop_back();
    if (absl::EndsWith(s, ".")) s.pop_back();
  }
  return s;
}

std::string CanonicalUnit(const Measure& m) {
  switch (m.dimension()) {
    case DIMENSION_MONEY: return m.currency();
    case DIMENSION_LENGTH: return "km";
    case DIMENSION_VOLUME: return "m3";
    case DIMENSION_PERCENTAGE:
    case DIMENSION_SHARE: return "percent";
    case DIMENSION_DURATION: return "days";
    default: return "";
  }
}

class Deriver {
 public:
  Deriver(Oracle& oracle, const std::vector<int>& consistent,
          const Deadline& deadline)
      : oracle_(oracle), deadline_(deadline) {
    components_ = oracle.Components(consistent, &component_of_);
  }

  DerivedFact Run(const std::string& id) {
    Encoding& enc = oracle_.encoding();
    DerivedFact fact;
    fact.set_subject_id(id);
    fact.set_complete(true);
    const bool is_event = IsEvent(id);
    fact.set_subject(is_event ? enc.EventName(id) : enc.MeasureName(id));
    // The component the subject's variables lie in, if any claim left
    // mentions them. (Creating variables now would miss their domains.)
    const std::string lo_name = is_event ? absl::StrCat("start!", id)
                                         : absl::StrCat("value!", id);
    const std::string hi_name = is_event ? absl::StrCat("end!", id) : lo_name;
    std::optional<int> component;
    for (const std::string& n : {lo_name, hi_name}) {
      auto it = component_of_.find(oracle_.Canonical(n));
      if (it != component_of_.end()) component = it->second;
    }
    Extreme lo, hi, latest_start, earliest_end;
    if (component.has_value()) {
      const std::vector<int>& entries = components_[*component];
      rings_ = Rings(entries, {oracle_.Canonical(lo_name),
                               oracle_.Canonical(hi_name)});
      const z3::expr x_lo = is_event ? enc.EventSpan(id).first : enc.MeasureValue(id);
      const z3::expr x_hi = is_event ? enc.EventSpan(id).last : enc.MeasureValue(id);
      lo = Bound(entries, x_lo, /*minimize=*/true, /*integer=*/is_event);
      hi = Bound(entries, x_hi, /*minimize=*/false, /*integer=*/is_event);
      if (is_event) {
        latest_start = Bound(entries, x_lo, /*minimize=*/false, /*integer=*/true);
        earliest_end = Bound(entries, x_hi, /*minimize=*/true, /*integer=*/true);
        for (Extreme* e : {&lo, &hi, &latest_start, &earliest_end}) {
          DropCalendarEnd(*e);
        }
      }
    }
    fact.set_complete(lo.known && hi.known && latest_start.known &&
                      earliest_end.known);
    for (const std::string& s : lo.support) fact.add_lower_support(s);
    for (const std::string& s : hi.support) fact.add_upper_support(s);
    absl::flat_hash_set<std::string> seen;
    for (const Extreme* e : {&lo, &hi, &latest_start, &earliest_end}) {
      for (const std::string& b : e->background) {
        if (seen.insert(b).second) fact.add_background(b);
      }
    }
    if (is_event) {
      if (latest_start.bounded) {
        fact.set_latest_start(FormatDay(latest_start.value->get_numeral_int64()));
        for (const std::string& s : latest_start.support) {
          fact.add_latest_start_support(s);
        }
      }
      if (earliest_end.bounded) {
        fact.set_earliest_end(FormatDay(earliest_end.value->get_numeral_int64()));
        for (const std::string& s : earliest_end.support) {
          fact.add_earliest_end_support(s);
        }
      }
      DescribeDays(lo, hi, latest_start, earliest_end, fact);
    } else {
      DescribeValues(lo, hi, CanonicalUnit(enc.measure(id)), fact);
    }
    return fact;
  }

 private:
  bool IsEvent(const std::string& id) const {
    for (const Event& e : oracle_.request().claims().events()) {
      if (e.id() == id) return true;
    }
    return false;
  }

  // The calendar's own ends (years 1 and 9999) are no bound, nor are days
  // a chain of relative claims puts near them: "9 years after an event
  // that is not bounded either" ends in year 10 at the earliest. Within
  // 200 years of either end a bound is taken to come from the calendar,
  // not from the claims.
  static void DropCalendarEnd(Extreme& e) {
    constexpr int64_t kNearEnd = 200 * 366;
    if (!e.bounded) return;
    const int64_t day = e.value->get_numeral_int64();
    if (day <= MinDay() + kNearEnd || day >= MaxDay() - kNearEnd) {
      e = Unbounded(e.known);
    }
  }

  // The least (or greatest) value of x under the entries, and the claims
  // that force it.
  Extreme Bound(const std::vector<int>& entries, const z3::expr& x,
                bool minimize, bool integer) {
    Extreme out;
    if (deadline_.Passed()) {
      out.known = false;
      return out;
    }
    out = integer ? IntegerOptimum(entries, x, minimize)
                  : RealOptimum(entries, x, minimize);
    // A day bound proved but not shown tight still has its support; a value
    // the oracle cannot reach is no bound at all.
    if (!out.bounded || (!out.known && !integer)) return out;
    return WithSupport(entries, x, minimize, integer, out);
  }

  // The claims within 1, 2, ... hops of the subject (claims linked by a
  // constant they share), each ring a strict subset of the component and at
  // most kMaxRings of them. What a subset rules out the component rules out,
  // and a bound usually rests on a few nearby claims: proving a probe out of
  // reach on a ring costs a fraction of a check of a large component.
  std::vector<std::vector<int>> Rings(
      const std::vector<int>& entries,
      const absl::flat_hash_set<std::string>& subject) const {
    constexpr int kMaxRings = 3;
    std::vector<std::vector<std::string>> constants(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      for (const std::string& n : oracle_.ConstantsOf(entries[i])) {
        constants[i].push_back(oracle_.Canonical(n));
      }
    }
    std::vector<std::vector<int>> rings;
    absl::flat_hash_set<std::string> reached = subject;
    std::vector<bool> in(entries.size(), false);
    for (int r = 0; r < kMaxRings; ++r) {
      std::vector<std::string> added;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (in[i]) continue;
        for (const std::string& n : constants[i]) {
          if (reached.contains(n)) {
            in[i] = true;
            added.insert(added.end(), constants[i].begin(), constants[i].end());
            break;
          }
        }
      }
      for (std::string& n : added) reached.insert(std::move(n));
      std::vector<int> ring;
      for (size_t i = 0; i < entries.size(); ++i) {
        if (in[i]) ring.push_back(entries[i]);
      }
      if (ring.size() == entries.size()) break;
      if (rings.empty() || ring.size() > rings.back().size()) {
        rings.push_back(std::move(ring));
      }
    }
    return rings;
  }

  // Solve on the rings first for an unsatisfiable answer (and its core),
  // then on all of `entries`.
  Outcome SolveNear(const std::vector<int>& entries, const z3::expr& extra,
                    MinimalSet* core,
                    const std::function<void(const z3::model&)>& on_sat = {}) {
    for (const std::vector<int>& ring : rings_) {
      if (oracle_.Solve(ring, oracle_.all_axioms(), &extra, core) ==
          Outcome::kUnsat) {
        return Outcome::kUnsat;
      }
    }
    return oracle_.Solve(entries, oracle_.all_axioms(), &extra, core, on_sat);
  }

  // Days: a search with the oracle (whose answers the differential test
  // checks) from the value of a first model outwards: probes at 1, 2, 4...
  // days beyond the best value reached, then bisection once a probe is out
  // of reach. A model is often at the optimum already, and then one probe
  // (the one that proves it) settles the bound. Each satisfiable probe's
  // model moves the best value at once. A probe Z3 cannot settle stops the
  // search: the bound proved so far is kept and marked not tight.
  Extreme IntegerOptimum(const std::vector<int>& entries, const z3::expr& x,
                         bool minimize) {
    Extreme out;
    int64_t best = 0;
    auto at = [&](const z3::model& m) {
      best = m.eval(x, /*model_completion=*/true).get_numeral_int64();
    };
    Outcome first;
    {
      // The claims' own model: the verdict's check of these claims already
      // succeeded at full effort.
      Oracle::EffortScope full(oracle_, Oracle::Effort::kFull);
      first = oracle_.Solve(entries, oracle_.all_axioms(), nullptr, nullptr, at);
    }
    if (first != Outcome::kSat) {
      out.known = false;
      return out;
    }
    const int64_t toward = minimize ? -1 : 1;
    const int64_t end = minimize ? MinDay() - 1 : MaxDay() + 1;
    // `beyond` is proved out of reach (the calendar's end to start with).
    int64_t beyond = end;
    int64_t step = 1;
    while ((beyond - best) * toward > 1) {
      if (deadline_.Passed()) {
        out.known = false;
        break;
      }
      const int64_t gap = (beyond - best) * toward;
      const int64_t distance = std::max<int64_t>(1, std::min(step, gap / 2));
      const int64_t probe_at = best + toward * distance;
      const z3::expr probe = minimize ? x <= oracle_.encoding().Int(probe_at)
                                      : x >= oracle_.encoding().Int(probe_at);
      const Outcome r = SolveNear(entries, probe, nullptr, at);
      if (r == Outcome::kUnknown) {
        out.known = false;
        break;
      }
      if (r == Outcome::kUnsat) {
        beyond = probe_at;
      } else {
        step *= 2;
      }
    }
    if (out.known) {
      out.bounded = true;
      out.value = oracle_.encoding().Int(best);
    } else if (beyond != end) {
      // Proved, though perhaps not tight.
      out.bounded = true;
      out.value = oracle_.encoding().Int(beyond - toward);
    }
    return out;
  }

  // Values: Z3's optimizer, its optimum then shown reachable by the oracle.
  Extreme RealOptimum(const std::vector<int>& entries, const z3::expr& x,
                      bool minimize) {
    Extreme out;
    z3::context& ctx = x.ctx();
    z3::optimize opt(ctx);
    const Limits& limits = oracle_.request().options().limits();
    if (limits.timeout_ms() > 0) {
      z3::params p(ctx);
      p.set("timeout", static_cast<unsigned>(
                           std::min<int64_t>(limits.timeout_ms(), UINT32_MAX)));
      opt.set(p);
    }
    Encoding& enc = oracle_.encoding();
    for (const z3::expr& h : enc.hard()) opt.add(h);
    for (const Axiom& a : enc.axioms()) opt.add(a.literal);
    oracle_.ForEachFormula(
        entries, [&](const z3::expr& d) { opt.add(d); },
        [&](int e) { opt.add(oracle_.entries()[e].encoded.constraint); });
    const z3::optimize::handle h = minimize ? opt.minimize(x) : opt.maximize(x);
    if (opt.check() != z3::sat) {
      out.known = false;
      return out;
    }
    out = ReadOptimum(minimize ? opt.lower(h) : opt.upper(h));
    if (!out.bounded) return out;
    // Reachable (or approached, for an open bound)?
    const z3::expr& v = *out.value;
    const z3::expr near = out.open ? (minimize ? x < v + 1 : x > v - 1)
                                   : x == v;
    if (oracle_.Solve(entries, oracle_.all_axioms(), &near, nullptr) !=
        Outcome::kSat) {
      out.known = false;
    }
    return out;
  }

  Extreme WithSupport(const std::vector<int>& entries, const z3::expr& x,
                      bool minimize, bool integer, Extreme out) {
    Encoding& enc = oracle_.encoding();
    // Support: the claims that rule out the subject beyond the bound.
    const z3::expr& v = *out.value;
    const z3::expr beyond = minimize ? (out.open ? x <= v : x < v)
                                     : (out.open ? x >= v : x > v);
    MinimalSet core;
    const Outcome r = SolveNear(entries, beyond, &core);
    if (r == Outcome::kSat) {
      // The claims reach beyond the bound: no bound (Z3 4.8.12's optimizer
      // puts the least value of x > 2e9, x real, at 2000000001).
      return Unbounded(/*known=*/false);
    }
    if (r == Outcome::kUnknown) {
      out.known = false;
      // A day bound was proved by the search; a value bound was not.
      return integer ? out : Unbounded(/*known=*/false);
    }
    const MinimalSet support = oracle_.Shrink(core.entries, &beyond);
    if (!support.is_minimal) out.known = false;
    for (int e : support.entries) out.support.push_back(oracle_.ClaimId(e));
    for (int a : support.axioms) {
      out.background.push_back(enc.axioms()[a].text);
    }
    return out;
  }

  static void DescribeDays(const Extreme& lo, const Extreme& hi,
                           const Extreme& latest_start,
                           const Extreme& earliest_end, DerivedFact& fact) {
    std::optional<int64_t> first, last;
    if (lo.bounded) first = lo.value->get_numeral_int64();
    if (hi.bounded) last = hi.value->get_numeral_int64();
    if (first) fact.set_lower(FormatDay(*first));
    if (last) fact.set_upper(FormatDay(*last));
    std::string summary;
    if (first && last) {
      summary = absl::StrCat("within ", FormatDayInterval({*first, *last}));
    } else if (first) {
      summary = absl::StrCat("not before ", FormatDayInterval({*first, *first}));
    } else if (last) {
      summary = absl::StrCat("not after ", FormatDayInterval({*last, *last}));
    } else {
      summary = "not bounded by the claims";
    }
    // An event [s, e] with s <= latest start and e >= earliest end: when
    // earliest end <= latest start it has a day in between (it meets that
    // window), otherwise it covers the days from latest start to earliest
    // end. Said only when that is narrower than the span above.
    if (latest_start.bounded && earliest_end.bounded) {
      const int64_t ls = latest_start.value->get_numeral_int64();
      const int64_t ee = earliest_end.value->get_numeral_int64();
      const bool narrower = !first || !last || std::min(ls, ee) > *first ||
                            std::max(ls, ee) < *last;
      if (narrower && ee <= ls) {
        absl::StrAppend(&summary, "; some day of it within ",
                        FormatDayInterval({ee, ls}));
      } else if (narrower) {
        absl::StrAppend(&summary, "; it covers ", FormatDayInterval({ls, ee}));
      }
    }
    fact.set_summary(std::move(summary));
  }

  static void DescribeValues(const Extreme& lo, const Extreme& hi,
                             const std::string& unit, DerivedFact& fact) {
    const std::string suffix = unit.empty() ? "" : absl::StrCat(" ", unit);
    std::string low, high;
    if (lo.bounded) fact.set_lower(low = DecimalText(*lo.value));
    if (hi.bounded) fact.set_upper(high = DecimalText(*hi.value));
    if (lo.bounded && hi.bounded && low == high && !lo.open && !hi.open) {
      fact.set_summary(absl::StrCat("exactly ", low, suffix));
    } else if (lo.bounded && hi.bounded) {
      fact.set_summary(absl::StrCat(lo.open ? "more than " : "at least ", low,
                                    " and ", hi.open ? "less than " : "at most ",
                                    high, suffix));
    } else if (lo.bounded) {
      fact.set_summary(absl::StrCat(lo.open ? "more than " : "at least ", low, suffix));
    } else if (hi.bounded) {
      fact.set_summary(absl::StrCat(hi.open ? "less than " : "at most ", high, suffix));
    } else {
      fact.set_summary("not bounded by the claims");
    }
  }

  Oracle& oracle_;
  const Deadline& deadline_;
  std::vector<std::vector<int>> components_;
  absl::flat_hash_map<std::string, int> component_of_;
  // Rings of the current subject (Rings).
  std::vector<std::vector<int>> rings_;
};

}  // namespace

std::vector<DerivedFact> Derive(Oracle& oracle,
                                const std::vector<int>& consistent,
                                const std::vector<std::string>& subjects,
                                const Deadline& deadline) {
  // Nothing asked: no effort change (each sets every solver's params, 3%
  // of checking a small part).
  if (subjects.empty()) return {};
  // Bounded: a probe of the bisection can cost Z3 minutes on a large
  // component (a bound it cannot settle leaves the fact incomplete).
  Oracle::EffortScope effort(oracle, Oracle::Effort::kBounded);
  Deriver deriver(oracle, consistent, deadline);
  std::vector<DerivedFact> out;
  for (const std::string& id : subjects) out.push_back(deriver.Run(id));
  return out;
}

std::vector<std::string> ConstrainedSubjects(Oracle& oracle,
                                             const ClaimSet& set,
                                             const std::vector<int>& consistent) {
  absl::flat_hash_set<std::string> names;
  for (int e : consistent) {
    for (std::string& n : oracle.ConstantsOf(e)) names.insert(std::move(n));
  }
  std::vector<std::string> out;
  for (const Event& e : set.events()) {
    if (names.contains(absl::StrCat("start!", e.id())) ||
        names.contains(absl::StrCat("end!", e.id()))) {
      out.push_back(e.id());
    }
  }
  for (const Measure& m : set.measures()) {
    if (names.contains(absl::StrCat("value!", m.id()))) out.push_back(m.id());
  }
  return out;
}

}  // namespace claimcheck

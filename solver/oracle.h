// The solving primitives the diagnosis is built from: satisfiability of a
// subset of the encoded claims (under a subset of the background facts),
// unsat cores, deletion-based shrinking to a minimal set, and the split of
// the claims into independent components.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_ORACLE_H_
#define CLAIMCHECK_SOLVER_ORACLE_H_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "proto/claimcheck.pb.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "solver/stopper.h"
#include "z3++.h"

namespace claimcheck {

// An encoded claim and its assumption literal.
struct Entry {
  int index;  // into request.claims()
  z3::expr literal;
  Encoded encoded;
};

enum class Outcome { kSat, kUnsat, kUnknown };

// A set of entries found minimal for some property (a conflict, or the
// support of a derived bound), with the background facts it needs.
struct MinimalSet {
  std::vector<int> entries;  // into the oracle's entries, ascending
  std::vector<int> axioms;   // into Encoding::axioms(), ascending
  // Verified: removing any one entry loses the property.
  bool is_minimal = true;
};

class Oracle {
 public:
  // Sets Z3's per-call limits from request.options().limits().
  Oracle(const claimcheck::v1::CheckRequest& request, z3::context& ctx,
         Encoding& encoding, const std::vector<Entry>& entries);

  // How hard a call may work. kFull: the request's limits. kBounded: also
  // at most kBoundedAttempts of Z3's resource count, for the searches beyond
  // the verdict (overlapping conflicts, repairs), whose checks of unusual
  // subsets can take Z3 minutes; a bounded call that runs out is unknown
  // to its caller but is no limit of the report.
  // kExplain: one attempt of at most kExplainRlimit, for the checks that
  // only choose which background facts an explanation names.
  enum class Effort { kFull, kBounded, kExplain };
  // On the seed corpus a typical call costs 0.5-0.6 million and the slowest
  // first-pass call about 5 million; the worst second-pass calls cost 20-50
  // million (10-70 s) unbounded (measured with Z3 4.8.12). A bounded call
  // makes up to three attempts with other random seeds, this much each
  // (and a third of the request's time limit each): on small sets Z3's time
  // is heavy-tailed in its seed (a 2-claim check of the differential test
  // took 5.7 s with seed 0, 0.1 s with each of seeds 1-7).
  static constexpr std::array<unsigned, 3> kBoundedAttempts = {12000000, 2000000,
                                                               2000000};
  // A one-claim check without one of its background facts took Z3 140 s
  // unbounded, and 49 s to exhaust kBoundedAttempts, in the differential
  // test's periods family (seed 1001779); a fact whose check runs out is
  // kept, so an explanation may name a fact it does not need.
  static constexpr unsigned kExplainRlimit = 2000000;
  void SetEffort(Effort effort);
  // Once `stopper` (not null, outliving the oracle) says stop, every call
  // is unknown at once and the limit is the stop's.
  void SetStopper(Stopper* stopper) { stopper_ = stopper; }
  // Sets an effort for its own lifetime.
  class EffortScope {
   public:
    EffortScope(Oracle& oracle, Effort effort)
        : oracle_(oracle), saved_(oracle.effort_) {
      oracle.SetEffort(effort);
    }
    ~EffortScope() { oracle_.SetEffort(saved_); }
    EffortScope(const EffortScope&) = delete;
    EffortScope& operator=(const EffortScope&) = delete;

   private:
    Oracle& oracle_;
    Effort saved_;
  };

  const claimcheck::v1::CheckRequest& request() const { return request_; }
  const std::vector<Entry>& entries() const { return entries_; }
  Encoding& encoding() { return encoding_; }
  const std::vector<int>& all_axioms() const { return all_axioms_; }

  // Checks the given entries under the given background facts, with `extra`
  // asserted too when it is not null. On kUnsat, fills `core` when not null;
  // on kSat, calls `on_sat` (when set) with the model.
  //
  // A check of fewer than kWholeSetMin entries asserts just those entries,
  // in a push/pop scope of one solver: the integer structure of claims
  // outside a small check must not slow it down. A larger check goes to a
  // second solver in which every entry is asserted once, behind its literal
  // (and every definition behind a literal of its own), and only chooses
  // which literals to assume: each such call starts from what Z3 learnt in
  // the ones before. On the seed corpus's large component a satisfiable
  // check took 0.5-7 s asserted afresh, and 5-50 ms after the first this
  // way. The searches beyond the verdict (growing consistent subsets,
  // repairs) make many large checks that differ in a claim or two. 24 lies
  // between the differential test's sets (about a dozen claims at most) and
  // those large checks (150 or more); it is not tuned further.
  static constexpr int kWholeSetMin = 24;
  // For tests, which must cover both solvers on small sets too: checks of
  // at least `n` entries go to the whole-set solver from now on (in every
  // oracle; `kWholeSetMin` restores the default).
  static void SetWholeSetMinForTesting(int n);
  Outcome Solve(const std::vector<int>& entries, const std::vector<int>& axioms,
                const z3::expr* extra, MinimalSet* core,
                const std::function<void(const z3::model&)>& on_sat = nullptr);
  Outcome Solve(const std::vector<int>& entries, MinimalSet* core) {
    return Solve(entries, all_axioms_, nullptr, core);
  }

  // Walks the entries in order: first the definitions an entry needs that
  // no earlier entry needed, then the entry itself. (Z3's search follows the
  // order formulas are asserted in, so callers keep this interleaving.)
  void ForEachFormula(const std::vector<int>& entries,
                      const std::function<void(const z3::expr&)>& definition,
                      const std::function<void(int)>& entry) const;

  // Shrinks `core` (unsatisfiable with `extra`) by deletion until every
  // entry is needed, then finds the background facts it needs.
  // is_minimal is false when some check along the way was unknown.
  MinimalSet Shrink(std::vector<int> core, const z3::expr* extra = nullptr);

  // Claims that share no variable, directly or through other claims or
  // background facts, checked apart: Z3's integer search degrades on unions
  // of unrelated problems. Components come in input order of their first
  // claim, their entries ascending.
  std::vector<std::vector<int>> Components() const;
  // The components of a subset of the entries (ascending). When
  // `component_of` is given, it maps each constant the subset mentions
  // (under its Canonical name) to its component.
  std::vector<std::vector<int>> Components(
      const std::vector<int>& subset,
      absl::flat_hash_map<std::string, int>* component_of) const;
  // The name a constant is grouped under: a measure's value stands for the
  // measures a background fact orders it with.
  std::string Canonical(std::string name) const;
  // Whether the entry's formula (with its definitions) holds in `model`,
  // constants the model leaves open taking any value.
  bool HoldsIn(int entry, const z3::model& model) const;
  // The names of the Z3 constants an entry's formula mentions.
  std::vector<std::string> ConstantsOf(int entry) const;

  double Reliability(int entry) const;
  const std::string& ClaimId(int entry) const;

  // The last limit hit, if any.
  claimcheck::v1::Limit limit() const { return limit_; }
  const std::string& limit_reason() const { return limit_reason_; }
  int calls() const { return calls_; }

 private:
  // Makes whole_, with every entry and definition behind its literal.
  void AssertAll();
  // Sets Z3's limits and seed for an attempt of a call (0: the first).
  void SetAttempt(int attempt);
  // Whether the stopper said stop; if so, records its limit.
  bool Stopped();

  const claimcheck::v1::CheckRequest& request_;
  z3::context& ctx_;
  Encoding& encoding_;
  const std::vector<Entry>& entries_;
  // All three are Z3's simple solver: its incremental SMT core without the
  // default solver's tactic front end, which checks under assumptions never
  // use. With Z3 4.8.12 the default solver's first check cost 2.8-3.5 ms
  // and each change of its params 0.7-1.1 ms, against 0.24-0.31 ms and
  // 0.02 ms (prof/z3micro-style measurement, one claim); the diagnosis of a
  // two-claim part took 14 ms against 3.7 ms.
  //
  // A check of fewer than kWholeSetMin claims goes to scoped_ first, with
  // Z3's simplex-based arithmetic solver (kSimplexArith) within
  // kSimplexRlimit of Z3's resource count, then, if that does not settle
  // it, to fallback_, with the default arithmetic solver and the call's
  // budget. On most small checks the simplex solver costs about a third
  // fewer instructions (a part of three claims with four year projections:
  // 29 against 44 million; a check of such a part costs about 7,000 of the
  // resource count), but it has heavier tails: used alone, it halved the
  // differential test's solver time (223 s against 484 s) and left 3 or 4
  // of its 4,952 conflicts unproved minimal (bounded calls that ran out),
  // against none with the default solver. Two solvers, because Z3 sets up a
  // solver's arithmetic theory at its first check: changing arith.solver on
  // one solver between calls, tried first, left the same conflicts
  // unproved. A request's rlimit and timeout_ms bound each of the two tries,
  // so a small call may take up to twice them (deadline_ms bounds the
  // check).
  z3::solver scoped_;
  std::optional<z3::solver> fallback_;  // made by the first call it takes
  static constexpr unsigned kSimplexArith = 2;
  static constexpr unsigned kSimplexRlimit = 1000000;
  // Made by the first large check (AssertAll).
  std::optional<z3::solver> whole_;
  z3::params whole_params_;
  // By the definition's id.
  absl::flat_hash_map<unsigned, z3::expr> definition_guard_;
  absl::flat_hash_map<unsigned, int> entry_of_;
  absl::flat_hash_map<unsigned, int> axiom_of_;
  std::vector<int> all_axioms_;
  // Canonical's links, from a measure value's name towards its group's.
  absl::flat_hash_map<std::string, std::string> measure_link_;
  std::string limit_reason_;
  claimcheck::v1::Limit limit_ = claimcheck::v1::LIMIT_UNSPECIFIED;
  int calls_ = 0;
  Effort effort_ = Effort::kFull;
  Stopper* stopper_ = nullptr;
};

// A source's reliability: its own, or 1 when it states none.
double SourceReliability(const claimcheck::v1::Source& source);

// A wall-clock budget shared by the steps of one diagnosis; also passed
// once `stopper` (when not null) says stop.
class Deadline {
 public:
  // ms <= 0: no deadline.
  explicit Deadline(int64_t ms, Stopper* stopper = nullptr)
      : end_(ms > 0 ? absl::Now() + absl::Milliseconds(ms)
                    : absl::InfiniteFuture()),
        stopper_(stopper) {}
  // Passed at `end`: a budget shared by the parts of a split check.
  Deadline(absl::Time end, Stopper* stopper) : end_(end), stopper_(stopper) {}
  bool Passed() const {
    return absl::Now() >= end_ ||
           (stopper_ != nullptr &&
            stopper_->Stopped() != claimcheck::v1::LIMIT_UNSPECIFIED);
  }

 private:
  absl::Time end_;
  Stopper* stopper_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_ORACLE_H_

#include "solver/oracle.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Z3 4.8.12 reports an exhausted rlimit as "canceled", like an interrupt, so
// the limit is told apart by what was configured and how long the call took.
Limit ClassifyLimit(const std::string& reason, const Limits& limits,
                    absl::Duration elapsed) {
  const bool timed_out =
      limits.timeout_ms() > 0 &&
      elapsed >= absl::Milliseconds(limits.timeout_ms());
  if (absl::StrContains(reason, "timeout") || timed_out) return LIMIT_TIMEOUT;
  if (absl::StrContains(reason, "resource") ||
      absl::StrContains(reason, "rlimit")) {
    return LIMIT_RLIMIT;
  }
  if (absl::StrContains(reason, "cancel")) {
    return limits.rlimit() > 0 ? LIMIT_RLIMIT : LIMIT_CANCELLED;
  }
  return LIMIT_SOLVER_INCOMPLETE;
}

// Through Z3's C API: the C++ API's expr for each argument costs a
// reference count and an error check per node, and this walk visits every
// node of every claim's formula and definitions (on two-claim parts it took
// 11% of a check that way).
void CollectConstants(Z3_context c, Z3_ast a,
                      absl::flat_hash_set<std::string>& names,
                      absl::flat_hash_set<unsigned>& seen) {
  if (!seen.insert(Z3_get_ast_id(c, a)).second ||
      Z3_get_ast_kind(c, a) != Z3_APP_AST) {
    return;
  }
  Z3_app app = Z3_to_app(c, a);
  const unsigned n = Z3_get_app_num_args(c, app);
  if (n == 0) {
    Z3_func_decl decl = Z3_get_app_decl(c, app);
    if (Z3_get_decl_kind(c, decl) == Z3_OP_UNINTERPRETED) {
      Z3_symbol name = Z3_get_decl_name(c, decl);
      names.insert(Z3_get_symbol_kind(c, name) == Z3_STRING_SYMBOL
                       ? std::string(Z3_get_symbol_string(c, name))
                       : absl::StrCat(Z3_get_symbol_int(c, name)));
    }
    return;
  }
  for (unsigned i = 0; i < n; ++i) {
    CollectConstants(c, Z3_get_app_arg(c, app, i), names, seen);
  }
}

std::atomic<int> whole_set_min{Oracle::kWholeSetMin};

}  // namespace

void Oracle::SetWholeSetMinForTesting(int n) { whole_set_min = n; }

Oracle::Oracle(const CheckRequest& request, z3::context& ctx,
               Encoding& encoding, const std::vector<Entry>& entries)
    : request_(request),
      ctx_(ctx),
      encoding_(encoding),
      entries_(entries),
      scoped_(ctx, z3::solver::simple()),
      whole_params_(ctx) {
  SetEffort(Effort::kFull);
  for (const z3::expr& h : encoding.hard()) scoped_.add(h);
  for (size_t i = 0; i < entries.size(); ++i) {
    entry_of_[entries[i].literal.id()] = static_cast<int>(i);
  }
  for (size_t i = 0; i < encoding.axioms().size(); ++i) {
    axiom_of_[encoding.axioms()[i].literal.id()] = static_cast<int>(i);
    all_axioms_.push_back(static_cast<int>(i));
  }
  // Measures a background fact orders (a part and its whole) are grouped
  // under one name: union by name, every link pointing to a smaller name.
  for (const Axiom& a : encoding.axioms()) {
    if (a.lhs.empty()) continue;
    std::string x = Canonical("value!" + a.lhs);
    std::string y = Canonical("value!" + a.rhs);
    if (x == y) continue;
    if (y < x) std::swap(x, y);
    measure_link_[y] = x;
  }
}

void Oracle::SetEffort(Effort effort) {
  effort_ = effort;
  SetAttempt(0);
}

void Oracle::SetAttempt(int attempt) {
  const Limits& limits = request_.options().limits();
  const bool bounded = effort_ != Effort::kFull;
  unsigned timeout = 0;
  if (limits.timeout_ms() > 0) {
    // A bounded call's attempts share the call's time limit.
    const int64_t ms =
        bounded ? std::max<int64_t>(1, limits.timeout_ms() / kBoundedAttempts.size())
                : limits.timeout_ms();
    timeout = static_cast<unsigned>(std::min<int64_t>(ms, UINT32_MAX));
  }
  unsigned rlimit = limits.rlimit() > 0
                        ? static_cast<unsigned>(
                              std::min<int64_t>(limits.rlimit(), UINT32_MAX))
                        : 0;
  const unsigned cap = effort_ == Effort::kExplain ? kExplainRlimit
                                                    : kBoundedAttempts[attempt];
  if (bounded && (rlimit == 0 || rlimit > cap)) rlimit = cap;
  // A z3::params copy shares its object: each solver gets one of its own.
  auto make_params = [&] {
    z3::params params(ctx_);
    if (timeout > 0) params.set("timeout", timeout);
    // 0 resets a bound set before.
    params.set("rlimit", rlimit);
    // Another seed for another attempt: Z3's search time on a given
    // problem is heavy-tailed in its random choices.
    params.set("random_seed", static_cast<unsigned>(attempt));
    // Assert every atom as relevant: on the seed corpus the scoped
    // solver's satisfiable checks of large components ran 2-20x faster, and
    // the whole-set solver's run of the CLI took 2.5 s against 4.9 s with
    // Z3's default relevancy (measured with Z3 4.8.12).
    params.set("relevancy", 0u);
    return params;
  };
  // The scoped solver: the simplex-based arithmetic solver, within
  // kSimplexRlimit (and the call's time limit); the fallback solver: the
  // default one, with the call's budget and this attempt's seed.
  z3::params simplex = make_params();
  simplex.set("arith.solver", kSimplexArith);
  simplex.set("rlimit", rlimit == 0 ? kSimplexRlimit
                                    : std::min(rlimit, kSimplexRlimit));
  simplex.set("random_seed", 0u);
  scoped_.set(simplex);
  if (fallback_.has_value()) fallback_->set(make_params());
  // The whole-set solver uses the simplex-based solver: over the seed
  // corpus, with every check through that solver, the CLI run took 82 s this
  // way and 151 s with the default one. Heuristics only: sound and complete
  // either way.
  whole_params_ = make_params();
  whole_params_.set("arith.solver", kSimplexArith);
  if (whole_.has_value()) whole_->set(whole_params_);
}

void Oracle::AssertAll() {
  if (whole_.has_value()) return;
  whole_.emplace(ctx_, z3::solver::simple());
  whole_->set(whole_params_);
  for (const z3::expr& h : encoding_.hard()) whole_->add(h);
  std::vector<int> all(entries_.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  ForEachFormula(
      all,
      [&](const z3::expr& d) {
        z3::expr guard = ctx_.bool_const(
            absl::StrCat("definition!", definition_guard_.size()).c_str());
        definition_guard_.emplace(d.id(), guard);
        whole_->add(z3::implies(guard, d));
      },
      [&](int e) {
        whole_->add(
            z3::implies(entries_[e].literal, entries_[e].encoded.constraint));
      });
}

Outcome Oracle::Solve(const std::vector<int>& entries,
                      const std::vector<int>& axioms, const z3::expr* extra,
                      MinimalSet* core,
                      const std::function<void(const z3::model&)>& on_sat) {
  if (Stopped()) return Outcome::kUnknown;
  const bool whole = static_cast<int>(entries.size()) >= whole_set_min;
  if (whole) AssertAll();
  // The solver of the try that answers; its scope stays open until the
  // model or the core has been read.
  z3::solver* solver = nullptr;
  z3::expr_vector assumptions(ctx_);
  struct PopOnExit {
    z3::solver* s = nullptr;
    ~PopOnExit() {
      if (s != nullptr) s->pop();
    }
  } pop;
  // Puts the call's formulas to `s`. A scoped solver's formulas, and
  // `extra`, hold for this call only. (A pop forgets what Z3 learnt in its
  // scope: the whole-set solver pushes only for `extra`.)
  auto pose = [&](z3::solver& s) {
    if (pop.s != nullptr) pop.s->pop();
    pop.s = nullptr;
    solver = &s;
    assumptions = z3::expr_vector(ctx_);
    if (!whole || extra != nullptr) {
      s.push();
      pop.s = &s;
    }
    if (whole) {
      ForEachFormula(
          entries,
          [&](const z3::expr& d) {
            assumptions.push_back(definition_guard_.at(d.id()));
          },
          [&](int e) { assumptions.push_back(entries_[e].literal); });
    } else {
      ForEachFormula(
          entries, [&](const z3::expr& d) { s.add(d); },
          [&](int e) {
            s.add(z3::implies(entries_[e].literal,
                              entries_[e].encoded.constraint));
            assumptions.push_back(entries_[e].literal);
          });
    }
    if (extra != nullptr) s.add(*extra);
    for (int a : axioms) assumptions.push_back(encoding_.axioms()[a].literal);
  };
  const absl::Time start = absl::Now();
  auto check = [&] {
    z3::check_result r = solver->check(assumptions);
    ++calls_;
    if (r == z3::unknown && effort_ == Effort::kBounded && !Stopped()) {
      // Restarts with other seeds, each with its share of the budget.
      for (size_t attempt = 1;
           attempt < kBoundedAttempts.size() && r == z3::unknown; ++attempt) {
        SetAttempt(static_cast<int>(attempt));
        r = solver->check(assumptions);
        ++calls_;
      }
      SetAttempt(0);
    }
    return r;
  };
  z3::check_result r = z3::unknown;
  if (whole) {
    pose(*whole_);
    r = check();
  } else {
    // A small check goes first to the simplex solver, within its small
    // budget (see scoped_), and what that does not settle to the default
    // solver, as configured.
    pose(scoped_);
    r = solver->check(assumptions);
    ++calls_;
    if (r == z3::unknown && !Stopped()) {
      if (!fallback_.has_value()) {
        fallback_.emplace(ctx_, z3::solver::simple());
        for (const z3::expr& h : encoding_.hard()) fallback_->add(h);
        SetAttempt(0);
      }
      pose(*fallback_);
      r = check();
    }
  }
  if (r == z3::sat) {
    if (on_sat) on_sat(solver->get_model());
    return Outcome::kSat;
  }
  if (r == z3::unknown) {
    if (Stopped()) return Outcome::kUnknown;
    if (effort_ != Effort::kFull) return Outcome::kUnknown;
    limit_reason_ = solver->reason_unknown();
    limit_ = ClassifyLimit(limit_reason_, request_.options().limits(),
                           absl::Now() - start);
    return Outcome::kUnknown;
  }
  if (core != nullptr) {
    core->entries.clear();
    core->axioms.clear();
    for (const z3::expr& lit : solver->unsat_core()) {
      if (auto e = entry_of_.find(lit.id()); e != entry_of_.end()) {
        core->entries.push_back(e->second);
      }
      if (auto a = axiom_of_.find(lit.id()); a != axiom_of_.end()) {
        core->axioms.push_back(a->second);
      }
    }
    std::sort(core->entries.begin(), core->entries.end());
    std::sort(core->axioms.begin(), core->axioms.end());
  }
  return Outcome::kUnsat;
}

bool Oracle::Stopped() {
  if (stopper_ == nullptr) return false;
  const Limit stop = stopper_->Stopped();
  if (stop == LIMIT_UNSPECIFIED) return false;
  limit_ = stop;
  limit_reason_ = stopper_->Reason();
  return true;
}

void Oracle::ForEachFormula(
    const std::vector<int>& entries,
    const std::function<void(const z3::expr&)>& definition,
    const std::function<void(int)>& entry) const {
  absl::flat_hash_set<unsigned> defined;
  for (int e : entries) {
    for (const z3::expr& d : entries_[e].encoded.definitions) {
      if (defined.insert(d.id()).second) definition(d);
    }
    entry(e);
  }
}

MinimalSet Oracle::Shrink(std::vector<int> current, const z3::expr* extra) {
  MinimalSet out;
  MinimalSet core;
  // A member stays when the set without it is satisfiable; when that check
  // is unknown the result is not proved minimal.
  for (size_t i = 0; i < current.size();) {
    std::vector<int> candidate = current;
    candidate.erase(candidate.begin() + static_cast<long>(i));
    const Outcome r = Solve(candidate, all_axioms_, extra, &core);
    if (r == Outcome::kUnsat) {
      // The new core is a subset of the candidate; members before i were
      // already shown necessary and stay in it.
      current = core.entries;
    } else {
      if (r == Outcome::kUnknown) out.is_minimal = false;
      ++i;
    }
  }
  out.entries = current;
  // The background facts the set needs, for its explanation.
  if (Solve(current, all_axioms_, extra, &core) != Outcome::kUnsat) {
    out.is_minimal = false;
    return out;
  }
  std::vector<int> axioms = core.axioms;
  // Which background facts an explanation names is not the verdict's
  // business: these checks are bounded (kExplainRlimit), and one that runs
  // out keeps its fact.
  EffortScope explain(*this, Effort::kExplain);
  for (size_t i = 0; i < axioms.size();) {
    std::vector<int> candidate = axioms;
    candidate.erase(candidate.begin() + static_cast<long>(i));
    if (Solve(current, candidate, extra, nullptr) == Outcome::kUnsat) {
      axioms = candidate;
    } else {
      ++i;
    }
  }
  out.axioms = axioms;
  return out;
}

bool Oracle::HoldsIn(int entry, const z3::model& model) const {
  const Encoded& e = entries_[entry].encoded;
  for (const z3::expr& d : e.definitions) {
    if (!model.eval(d, /*model_completion=*/true).is_true()) return false;
  }
  return model.eval(e.constraint, /*model_completion=*/true).is_true();
}

std::vector<std::string> Oracle::ConstantsOf(int entry) const {
  absl::flat_hash_set<std::string> names;
  absl::flat_hash_set<unsigned> seen;
  CollectConstants(ctx_, entries_[entry].encoded.constraint, names, seen);
  for (const z3::expr& d : entries_[entry].encoded.definitions) {
    CollectConstants(ctx_, d, names, seen);
  }
  std::vector<std::string> out(names.begin(), names.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::vector<int>> Oracle::Components() const {
  std::vector<int> all(entries_.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  return Components(all, nullptr);
}

std::string Oracle::Canonical(std::string name) const {
  for (auto it = measure_link_.find(name); it != measure_link_.end();
       it = measure_link_.find(name)) {
    name = it->second;
  }
  return name;
}

std::vector<std::vector<int>> Oracle::Components(
    const std::vector<int>& subset,
    absl::flat_hash_map<std::string, int>* component_of) const {
  // Union-find over positions in `subset`.
  std::vector<int> parent(subset.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
  std::function<int(int)> find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto unite = [&](int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  absl::flat_hash_map<std::string, std::string> canonical;  // memo
  absl::flat_hash_map<std::string, int> owner;  // canonical name -> position
  for (size_t i = 0; i < subset.size(); ++i) {
    for (const std::string& name : ConstantsOf(subset[i])) {
      auto c = canonical.find(name);
      if (c == canonical.end()) c = canonical.emplace(name, Canonical(name)).first;
      auto [it, inserted] = owner.emplace(c->second, static_cast<int>(i));
      if (!inserted) unite(static_cast<int>(i), it->second);
    }
  }
  std::vector<std::vector<int>> components;
  absl::flat_hash_map<int, int> index_of_root;
  for (size_t i = 0; i < subset.size(); ++i) {
    const int root = find(static_cast<int>(i));
    auto [it, inserted] =
        index_of_root.emplace(root, static_cast<int>(components.size()));
    if (inserted) components.emplace_back();
    components[it->second].push_back(subset[i]);
  }
  if (component_of != nullptr) {
    for (const auto& [name, position] : owner) {
      (*component_of)[name] = index_of_root.at(find(position));
    }
  }
  return components;
}

double Oracle::Reliability(int entry) const {
  const std::string& source =
      request_.claims().claims(entries_[entry].index).provenance().source();
  return SourceReliability(encoding_.source(source));
}

double SourceReliability(const Source& source) {
  return source.has_reliability() ? source.reliability() : 1.0;
}

const std::string& Oracle::ClaimId(int entry) const {
  return request_.claims().claims(entries_[entry].index).id();
}

}  // namespace claimcheck

#include "solver/diagnosis/enumerate.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"

namespace claimcheck {
namespace {

// Grows a consistent `seed` towards a maximal consistent subset of
// `component`: first every claim the seed's model already satisfies, then
// one claim at a time in input order. A claim whose check is unknown is left
// out: the seed stays consistent, perhaps not maximal.
void Grow(Oracle& oracle, const std::vector<int>& component,
          std::vector<int>& seed) {
  absl::flat_hash_set<int> in(seed.begin(), seed.end());
  auto by_model = [&](const z3::model& model) {
    for (int e : component) {
      if (!in.contains(e) && oracle.HoldsIn(e, model)) {
        in.insert(e);
        seed.push_back(e);
      }
    }
  };
  const size_t before = seed.size();
  Outcome r = oracle.Solve(seed, oracle.all_axioms(), nullptr, nullptr, by_model);
  if (r != Outcome::kSat) return;
  if (seed.size() != before) {
    // Confirm what the model suggested (cheap: one satisfiable call).
    std::vector<int> kept(seed.begin(), seed.begin() + before);
    r = oracle.Solve(seed, nullptr);
    if (r != Outcome::kSat) {
      seed = kept;
      in = absl::flat_hash_set<int>(kept.begin(), kept.end());
    }
  }
  for (int e : component) {
    if (in.contains(e)) continue;
    seed.push_back(e);
    r = oracle.Solve(seed, oracle.all_axioms(), nullptr, nullptr, by_model);
    if (r == Outcome::kSat) {
      in.insert(e);
    } else {
      seed.pop_back();
    }
  }
  std::sort(seed.begin(), seed.end());
}

}  // namespace

Enumeration CoverConflicts(Oracle& oracle, const std::vector<int>& component,
                           const EnumerationLimits& limits,
                           std::vector<MinimalSet>& found,
                           std::vector<int>& kept) {
  Enumeration out;
  const size_t first_found = found.size();
  // First pass. Most components are consistent: one call settles them.
  std::vector<int> active = component;
  MinimalSet core;
  while (true) {
    const Outcome r = oracle.Solve(active, &core);
    if (r == Outcome::kSat) break;
    if (r == Outcome::kUnknown) {
      out.unknown = true;
      return out;
    }
    if (static_cast<int>(found.size()) >= limits.max_conflicts ||
        limits.deadline->Passed()) {
      return out;
    }
    MinimalSet conflict = oracle.Shrink(core.entries);
    // Set aside the least reliable member (the latest on ties).
    int drop = conflict.entries.front();
    for (int e : conflict.entries) {
      if (oracle.Reliability(e) <= oracle.Reliability(drop)) drop = e;
    }
    active.erase(std::find(active.begin(), active.end(), drop));
    found.push_back(std::move(conflict));
  }
  out.covered = true;
  out.complete = found.size() == first_found;
  kept = active;
  return out;
}

void ExtendConflicts(Oracle& oracle, const std::vector<int>& component,
                     const std::vector<int>& kept, const std::vector<int>& own,
                     const EnumerationLimits& limits,
                     std::vector<MinimalSet>& found, Enumeration& out) {
  if (!out.covered || out.complete) return;
  const Oracle::EffortScope bounded(oracle, Oracle::Effort::kBounded);
  MinimalSet core;
  // Second pass: MARCO. The map has one Boolean per claim (its own literal,
  // in a solver of its own), true = in the seed; unassigned literals count
  // as true, so seeds are as large as the map allows.
  const std::vector<Entry>& entries = oracle.entries();
  z3::context& ctx = entries[component.front()].literal.ctx();
  // The simple solver, as the oracle's (oracle.h): set up in a fraction of
  // the default solver's time.
  z3::solver map(ctx, z3::solver::simple());
  auto block_up = [&](const MinimalSet& conflict) {
    // Some member of the conflict must be left out.
    z3::expr_vector left_out(ctx);
    for (int e : conflict.entries) left_out.push_back(!entries[e].literal);
    map.add(z3::mk_or(left_out));
  };
  for (int i : own) block_up(found[i]);
  // The claims the first pass kept are consistent: grow them to a maximal
  // consistent subset, the first one explored.
  std::vector<int> seed = kept;
  int explored = 0;
  bool grown_first = false;
  while (true) {
    if (static_cast<int>(found.size()) >= limits.max_conflicts ||
        limits.deadline->Passed() ||
        explored >= limits.max_subsets_explored) {
      return;
    }
    Outcome r = Outcome::kSat;
    if (grown_first) {
      if (map.check() == z3::unsat) {
        out.complete = true;
        return;
      }
      const z3::model m = map.get_model();
      seed.clear();
      for (int e : component) {
        if (!m.eval(entries[e].literal, /*model_completion=*/false).is_false()) {
          seed.push_back(e);
        }
      }
      r = oracle.Solve(seed, &core);
    }
    grown_first = true;
    if (r == Outcome::kUnknown) return;  // over the bounded effort
    if (r == Outcome::kUnsat) {
      found.push_back(oracle.Shrink(core.entries));
      block_up(found.back());
      continue;
    }
    ++explored;
    Grow(oracle, component, seed);
    // Block every subset of this maximal consistent subset: some claim
    // outside it must be in the next seed.
    absl::flat_hash_set<int> in(seed.begin(), seed.end());
    z3::expr_vector outside(ctx);
    for (int e : component) {
      if (!in.contains(e)) outside.push_back(entries[e].literal);
    }
    map.add(z3::mk_or(outside));
  }
}

}  // namespace claimcheck

#include "solver/diagnosis/repair.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
uint64_t RepairWeight(double reliability) {
  return static_cast<uint64_t>(
             std::llround(std::clamp(reliability, 0.0, 1.0) * 1e6)) +
         1;
}

bool FindRepairs(Oracle& oracle,
                 const std::vector<std::vector<int>>& components,
                 const std::vector<MinimalSet>& conflicts, int max_repairs,
                 const Deadline& deadline, std::vector<FoundRepair>& out) {
  if (components.empty() || max_repairs <= 0) return true;
  const Oracle::EffortScope bounded(oracle, Oracle::Effort::kBounded);
  z3::context& ctx = oracle.entries()[components.front().front()].literal.ctx();
  z3::optimize opt(ctx);
  absl::flat_hash_map<int, z3::expr> drop;
  std::vector<int> universe;
  for (const std::vector<int>& c : components) {
    for (int e : c) {
      universe.push_back(e);
      z3::expr d = ctx.bool_const(absl::StrCat("drop!", e).c_str());
      drop.emplace(e, d);
      opt.add_soft(!d, static_cast<unsigned>(RepairWeight(oracle.Reliability(e))));
    }
  }
  auto hit = [&](const MinimalSet& conflict) {
    z3::expr_vector any(ctx);
    for (int e : conflict.entries) any.push_back(drop.at(e));
    opt.add(z3::mk_or(any));
  };
  for (const MinimalSet& c : conflicts) hit(c);

  const size_t first = out.size();
  while (static_cast<int>(out.size() - first) < max_repairs) {
    if (deadline.Passed()) return false;
    if (opt.check() != z3::sat) return true;  // no other repair
    const z3::model m = opt.get_model();
    FoundRepair repair;
    absl::flat_hash_set<int> dropped;
    for (int e : universe) {
      if (m.eval(drop.at(e), /*model_completion=*/true).is_true()) {
        repair.entries.push_back(e);
        repair.cost += oracle.Reliability(e);
        repair.weight += RepairWeight(oracle.Reliability(e));
        dropped.insert(e);
      }
    }
    // Are the claims left consistent? A conflict the candidate misses is
    // learned, and the search proposes again.
    bool missed = false;
    for (const std::vector<int>& c : components) {
      std::vector<int> rest;
      for (int e : c) {
        if (!dropped.contains(e)) rest.push_back(e);
      }
      MinimalSet core;
      const Outcome r = oracle.Solve(rest, &core);
      if (r == Outcome::kUnknown) repair.verified = false;
      if (r == Outcome::kUnsat) {
        hit(oracle.Shrink(core.entries));
        missed = true;
        break;
      }
    }
    if (missed) continue;
    // Later proposals may not contain this one.
    z3::expr_vector keep_one(ctx);
    for (int e : repair.entries) keep_one.push_back(!drop.at(e));
    opt.add(z3::mk_or(keep_one));
    out.push_back(std::move(repair));
  }
  std::stable_sort(out.begin() + static_cast<long>(first), out.end(),
                   [](const FoundRepair& a, const FoundRepair& b) {
                     if (a.weight != b.weight) return a.weight < b.weight;
                     if (a.entries.size() != b.entries.size()) {
                       return a.entries.size() < b.entries.size();
                     }
                     return a.entries < b.entries;
                   });
  return true;
}

}  // namespace claimcheck

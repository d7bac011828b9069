// A synthetic corpus for the scale benchmarks: many independent components
// (one event or one measure each), a few of them with a planted conflict.
//
//   SyntheticOptions options;
//   options.claims = 40000;
//   options.conflicts = 1;
//   claimcheck::v1::CheckRequest request = GenerateSynthetic(options);
//
// Component kinds, mixed by `quantity_share`, `z3_share`,
// `narrowed_period_share`, `whole_period_share`, `ordinal_share`,
// `first_since_share`, `year_gap_share` and `fixed_offset_share`:
//   date      k "within" claims on one event, nested (a year, a month of it,
//             a day range of that month); planted conflict: the last claim
//             names another year.
//   quantity  k quantity claims on one measure, of one value; planted
//             conflict: the last claim doubles it.
//   lifespan (`z3_share`) "a lived from Y-60 to Y+10" (a reference fact)
//             and "e within year Y", e an event with actor a: an actor's
//             events, which only Z3 decides (2 claims); planted conflict:
//             "e within Y-65", both.
//   narrowed period  "f within year Y-5", "e within year Y" and "e in the
//             first half of the fifth year after f's": year projections of
//             two unknown days, narrowed to months, which the fast path
//             decides by cases (the Z3-only kind at 052c0b2); planted
//             conflict: "the third year", all three.
//   whole period  the same without "the first half of" (the Z3-only kind
//             from 8451c40 until the fast path took it at 052c0b2).
//   ordinal   "p within year Y-5", "e within year Y" and "e is the second of
//             its class" (p and e the class's only events): a count over a
//             class, which the fast path decides (the Z3-only kind at
//             0fc6e1d); planted conflict: "the first", all three.
//   first since  "p within year Y-5", "e within year Y" and "e is the first
//             event of its class since Y-5, the last being p" (p and e the
//             class's only events), which the fast path decides (the
//             Z3-only kind until it did); planted conflict: "since Y-3",
//             with p's year.
//   year gap  "f within year Y-5", "e within year Y" and "e 5 years after
//             f": calendar years between two unknown days, which the fast
//             path decides by cases over their years (3 claims); planted
//             conflict: 1 year, all three.
//   fixed offset  "e within year Y" and "e 5 years after year Y-5": the
//             fixed year's number turns the offset into bounds on e's days,
//             which the fast path decides; planted conflict: 20 years.
// Every claim holds under the planted solution except the planted conflicts.
// With k = 2 each planted conflict is its component's one minimal conflict,
// of 2 claims (3 for a year gap); with k > 2, the last date claim conflicts
// with each of the others.
#ifndef CLAIMCHECK_BENCHMARKS_SYNTHETIC_H_
#define CLAIMCHECK_BENCHMARKS_SYNTHETIC_H_

#include <cstdint>

#include "proto/claimcheck.pb.h"

namespace claimcheck::benchmarks {

struct SyntheticOptions {
  // Components: claims / claims_per_component; with in-period, ordinal,
  // first since and year gap components (3 claims each) the corpus has a
  // few more claims.
  int claims = 1000;
  int claims_per_component = 2;     // at least 2 (date and quantity kinds)
  int conflicts = 1;                // components with a planted conflict
  double quantity_share = 0.0;      // share of components about a measure
  double z3_share = 0.0;            // share of lifespan components (Z3 only)
  double narrowed_period_share = 0.0;  // share of narrowed-period components
  double whole_period_share = 0.0;  // share of whole-period components
  double ordinal_share = 0.0;       // share of ordinal components
  double first_since_share = 0.0;   // share of first since components
  double year_gap_share = 0.0;      // share of year gap components
  double fixed_offset_share = 0.0;  // share of fixed offset components
  uint32_t seed = 1;
};

claimcheck::v1::CheckRequest GenerateSynthetic(const SyntheticOptions& options);

}  // namespace claimcheck::benchmarks

#endif  // CLAIMCHECK_BENCHMARKS_SYNTHETIC_H_

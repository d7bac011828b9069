// Deterministic random claim sets for the differential test.
//
// Every set is small enough for the brute-force reference:
//   - days: a window of 42-53 days that crosses a month boundary and a year
//     boundary (2011-12-10..2012-01-31, 2012-11-28..2013-01-12) or holds 29
//     February (2012-02-08..2012-03-20); every event gets the hypothetical
//     claim "w-<event>" pinning it inside the window; at most three named
//     events; every source is published on one known day, retrieved
//     2026-11-22;
//   - measures: at most three, each with the claim "r-<measure>" (at most
//     10); every bound a claim states lies on the grid of halves (changes are
//     doublings, halvings, equalities or ranges of them), so the reference's
//     grid of 1/24 holds a solution whenever the reals do;
//   - shares: at most three entities a market; bounds on multiples of 5,
//     the reference's grid is 5/8.
// Durations require at most three years, so the reference's universe (six
// years either side of the windows) holds every event of a subset too.
//
// A solution is planted: hidden days and occurrence for every event, values
// for every measure and share. Depending on the seed, all, about three in
// four, or about two in five of the claims are redrawn until they hold in
// it (the reference decides), so sets come out consistent and inconsistent
// in useful proportions; the test balances them further.
#ifndef CLAIMCHECK_TESTS_DIFFERENTIAL_GENERATOR_H_
#define CLAIMCHECK_TESTS_DIFFERENTIAL_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck::differential {

enum class Family {
  kDates,       // within, before/after (with and without offsets), gaps
  kPeriods,     // in_period with dates
  kClasses,     // first_since, ordinal, existence with dates
  kActors,      // reference facts, existence with dates
  kQuantities,  // quantity, aggregate, change
  kShares,      // share and rank
  kMixed,       // any of the above in one set
};

const char* FamilyName(Family family);
std::vector<Family> AllFamilies();

// The set for (family, seed); the same arguments give the same set.
claimcheck::v1::CheckRequest Generate(Family family, uint32_t seed);

// A name for the kind of a claim, finer for dates: "date.within",
// "date.before", "date.after_offset", "date.in_period", "gap", ...
std::string KindOf(const claimcheck::v1::Claim& claim);

// Whether the claim is scaffolding ("w-*" window or "r-*" range claim).
bool IsScaffold(const claimcheck::v1::Claim& claim);

}  // namespace claimcheck::differential

#endif  // CLAIMCHECK_TESTS_DIFFERENTIAL_GENERATOR_H_

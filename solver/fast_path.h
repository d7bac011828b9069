// The fast path: independent groups of claims decided consistent without
// Z3 (issue #7).
//
// Most claims of a large corpus bound one event's dates or one measure's
// value ("in May 2012", "$310 mn"), and most groups of claims that share an
// event or a measure are consistent. Paying Z3's set-up for each such group
// costs milliseconds; intersecting intervals costs microseconds. This file
// decides, natively and exactly, the groups built only of
//   - date claims within a date, or before or after a reference (an event, a
//     date or a publication), with no offset or an offset in days;
//   - gap claims in days;
//   - offsets and gaps in calendar years or months: against a fixed date
//     ("5 years after 2000") the date's year or month is a number, so the
//     bound falls on the other day alone (as the Z3 encoding folds it,
//     solver/encoders/gap.cc); between two unknown days, by cases over the
//     years or months the other constraints leave them (at most 4,096
//     cases, else the group goes to Z3);
//   - dates in a year or month placed relative to an anchor ("last year",
//     "the following month"): both ends of the subject have the anchor's
//     year or month moved by the offset, decided as the calendar offsets
//     above (a bound against a fixed anchor, else by cases), and a period
//     narrowed to months and days ("that summer", "on 7 April of the year
//     after") bounds the ends' days once the year or month is known (days
//     of a year without months, the 15th of any month, go to Z3);
//   - quantity claims;
//   - first-since claims (since a named or unnamed previous event, first
//     ever, last) over the known events of their class: an event nothing
//     makes occur is taken not to (which only lifts constraints); one that
//     occurs gives a bound, or for "since" a disjunction (it starts by the
//     previous one's end or ends on or after this one's start), decided by
//     cases (at most 2^12, and none with calendar periods, else Z3);
//   - ordinal claims ("the second visit": at most one known one before it;
//     "two so far": at most two by an anchor), over the same occurring known
//     events: each is before the event or anchor or not, at most so many
//     before, by the same cases;
// with their tense binding (SEMANTICS.md, "Time"; solver/encoders/tense.cc),
// the events' and publications' domains and the sources' dates. These are
// difference constraints over integer days (solved by Bellman-Ford) and
// intervals of measure values. A group touching anything else (existence
// claims, days of a year given without months, an actor's events, a
// measure another measure is ordered with, a subject to derive, ...) is
// left to Z3,
// and so is every group the fast path finds inconsistent: its conflicts,
// explanations and repairs come from the full diagnosis.
//
// Exact by construction, and checked against the Z3 encoding by
// tests/solver/fast_path_test.cc and, through Check, by the differential
// test. Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_FAST_PATH_H_
#define CLAIMCHECK_SOLVER_FAST_PATH_H_

#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

struct FastPathResult {
  // One per claim of the request: shown consistent here (its whole group
  // is, and no claim outside the group shares a variable with it).
  std::vector<bool> decided;
  // One per event and per measure of the request: in a decided group, so
  // no claim left to Z3 names it (nor ranges over it through a class, an
  // actor or an ordered quantity).
  std::vector<bool> event_decided;
  std::vector<bool> measure_decided;
  int groups = 0;          // groups of claims sharing events or measures
  int groups_decided = 0;  // of which decided here
};

// Runs in O(claims + events + measures + sources) plus, per group, the
// Bellman-Ford cost O(variables * constraints) of its day constraints (once
// per case for calendar gaps between unknown days). Groups are solved on
// up to options.threads threads (0: the machine's cores); the result does
// not depend on the count.
// Expects a validated request with its phrases filled (claims/fill.h).
FastPathResult DecideSimpleGroups(const claimcheck::v1::CheckRequest& request);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_FAST_PATH_H_

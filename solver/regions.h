// The links a session (solver/session.h) follows to re-check only what a
// change can reach. Two claims are in one region when they are linked,
// directly or through definitions, by a key:
//
//   e:<event>    an event a claim names (a time reference, the subject of a
//                first-since, ordinal or existence claim);
//   c:<class>    an event class a first-since or ordinal claim ranges over,
//                linked to the class's events;
//   a:<actor>    an actor a reference fact binds, linked to the actor's
//                events (actors and roles);
//   m:<measure>  a measure a quantity, aggregate or change claim names,
//                linked to its quantity q:<quantity key> when it names one
//                (background facts order the measures of a quantity), and
//                to r:<quantity key>, the measures a change claim ranges
//                over (those of its measure's key, named quantity or not);
//                a session follows r: only while a change claim is on it;
//   k:<market>   a market of share claims;
//   p:<source>   a source's publication: named by a claim, or the claim's
//                own source (its tense binding). A session follows these only
//                for a linked publication (LinkedPublications), the only kind
//                whose date is a variable.
//
// A region is then a union of the fast path's groups and of the split's
// parts (solver/fast_path.h, solver/split.h), whatever else is in the
// session: the keys come from the same walk as the fast path's groups
// (ForEachNamed, claims/fields.h), and the split's parts are finer than
// those groups but for measures that background facts order (which q:
// links) and share claims of one market (k:). The check of
// a region's claims with the definitions its keys reach gives them the
// report a check of every claim gives them. tests/solver/session_test.cc
// compares the two on random sequences of additions and retractions.
//
// Internal to the solver layer.
#ifndef CLAIMCHECK_SOLVER_REGIONS_H_
#define CLAIMCHECK_SOLVER_REGIONS_H_

#include <functional>
#include <string>
#include <vector>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// The keys a claim links, its own source's publication (p:) among them.
// `measures` finds a measure of the claim's set by id (null: none).
std::vector<std::string> ClaimLinks(
    const claimcheck::v1::Claim& claim,
    const std::function<const claimcheck::v1::Measure*(const std::string&)>&
        measures);

// A definition's own key (e:<id>, m:<id>) first, then the keys it links
// that key to.
std::vector<std::string> EventLinks(const claimcheck::v1::Event& event);
std::vector<std::string> MeasureLinks(const claimcheck::v1::Measure& measure);

// The source a publication key names, or empty for another key.
std::string PublicationOfKey(const std::string& key);
std::string PublicationKey(const std::string& source);
// Whether the key is a change claim's range (r:).
bool IsRangeKey(const std::string& key);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_REGIONS_H_

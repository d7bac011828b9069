// The time references, amounts and dates a claim holds, visited by kind
// with typed accessors: the walks over every claim of a large set (phrase
// filling, publication links) use these rather than protobuf reflection,
// which cost more than the rest of those walks together on 40,000 claims.
//
// tests/claims/fields_test.cc checks them against the schema: every
// TimeRef, Amount and DateSpec a Claim can hold, at any depth, is visited.
#ifndef CLAIMCHECK_CLAIMS_FIELDS_H_
#define CLAIMCHECK_CLAIMS_FIELDS_H_

#include <string>

#include "proto/claimcheck.pb.h"

namespace claimcheck {

// Calls f(const TimeRef&) for each time reference the claim sets.
template <typename F>
void ForEachTimeRef(const claimcheck::v1::Claim& c, F&& f) {
  using claimcheck::v1::Claim;
  switch (c.kind_case()) {
    case Claim::kDate: {
      const claimcheck::v1::DateClaim& d = c.date();
      if (d.has_subject()) f(d.subject());
      if (d.has_before() && d.before().has_reference()) f(d.before().reference());
      if (d.has_after() && d.after().has_reference()) f(d.after().reference());
      if (d.has_in_period() && d.in_period().has_anchor()) {
        f(d.in_period().anchor());
      }
      break;
    }
    case Claim::kGap:
      if (c.gap().has_from()) f(c.gap().from());
      if (c.gap().has_to()) f(c.gap().to());
      break;
    case Claim::kOrdinal:
      if (c.ordinal().has_anchor()) f(c.ordinal().anchor());
      break;
    case Claim::kExistence:
      if (c.existence().has_by()) f(c.existence().by());
      break;
    default:
      break;  // the other kinds hold no time reference
  }
}

// Calls f(const Amount&) for each amount the claim sets.
template <typename F>
void ForEachAmount(const claimcheck::v1::Claim& c, F&& f) {
  using claimcheck::v1::Claim;
  switch (c.kind_case()) {
    case Claim::kDate:
      if (c.date().has_before() && c.date().before().has_offset()) {
        f(c.date().before().offset());
      }
      if (c.date().has_after() && c.date().after().has_offset()) {
        f(c.date().after().offset());
      }
      break;
    case Claim::kGap:
      if (c.gap().has_amount()) f(c.gap().amount());
      break;
    case Claim::kQuantity:
      if (c.quantity().has_amount()) f(c.quantity().amount());
      break;
    case Claim::kChange:
      if (c.change().has_change()) f(c.change().change());
      break;
    case Claim::kShare:
      if (c.share().has_share()) f(c.share().share());
      break;
    default:
      break;
  }
}

// Calls f(const DateSpec&) for each date the claim sets, those of its time
// references included.
template <typename F>
void ForEachDateSpec(const claimcheck::v1::Claim& c, F&& f) {
  using claimcheck::v1::Claim;
  ForEachTimeRef(c, [&](const claimcheck::v1::TimeRef& r) {
    if (r.has_date()) f(r.date());
  });
  switch (c.kind_case()) {
    case Claim::kDate:
      if (c.date().has_within()) f(c.date().within());
      break;
    case Claim::kFirstSince:
      if (c.first_since().has_since()) f(c.first_since().since());
      break;
    case Claim::kReferenceFact:
      if (c.reference_fact().has_from()) f(c.reference_fact().from());
      if (c.reference_fact().has_to()) f(c.reference_fact().to());
      break;
    default:
      break;
  }
}

// What a claim names that other claims may name too, by kind.
enum class Named {
  kEvent,         // an event (a time reference, a subject)
  kPublication,   // a source's publication (a time reference)
  kClass,         // an event class a first-since or ordinal claim ranges over
  kActor,         // an actor whose events a reference fact binds
  kMeasure,       // a measure
  kMeasureRange,  // a measure, and those of its quantity a change claim
                  // ranges over (an all-time high)
  kMarket,        // a market of share claims
};

// Calls f(Named, const std::string& id) for each thing the claim names
// (empty ids skipped); its own source is not among them. The fast path's
// groups (solver/fast_path.cc) and a session's regions (solver/regions.h)
// both link claims by these.
template <typename F>
void ForEachNamed(const claimcheck::v1::Claim& c, F&& f) {
  using claimcheck::v1::Claim;
  auto named = [&](Named kind, const std::string& id) {
    if (!id.empty()) f(kind, id);
  };
  ForEachTimeRef(c, [&](const claimcheck::v1::TimeRef& r) {
    named(Named::kEvent, r.event());
    named(Named::kPublication, r.published_of());
  });
  switch (c.kind_case()) {
    case Claim::kFirstSince:
      named(Named::kEvent, c.first_since().event());
      named(Named::kEvent, c.first_since().previous());
      named(Named::kClass, c.first_since().event_class());
      break;
    case Claim::kOrdinal:
      named(Named::kEvent, c.ordinal().event());
      named(Named::kClass, c.ordinal().event_class());
      break;
    case Claim::kExistence:
      named(Named::kEvent, c.existence().event());
      break;
    case Claim::kReferenceFact:
      named(Named::kActor, c.reference_fact().actor());
      break;
    case Claim::kQuantity:
      named(Named::kMeasure, c.quantity().measure());
      break;
    case Claim::kAggregate:
      named(Named::kMeasure, c.aggregate().whole());
      for (const std::string& p : c.aggregate().parts()) {
        named(Named::kMeasure, p);
      }
      break;
    case Claim::kChange:
      named(Named::kMeasure, c.change().previous());
      named(Named::kMeasureRange, c.change().measure());
      break;
    case Claim::kShare:
      named(Named::kMarket, c.share().market());
      break;
    default:
      break;  // date and gap claims name only their time references
  }
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_FIELDS_H_

// The time references, amounts and dates a claim holds, visited by kind
// with typed accessors: the walks over every claim of a large set (phrase
// filling, publication links) use these rather than protobuf reflection,
// which cost more than the rest of those walks together on 40,000 claims.
//
// tests/claims/fields_test.cc checks them against the schema: every
// TimeRef, Amount and DateSpec a Claim can hold, at any depth, is visited.
#ifndef CLAIMCHECK_CLAIMS_FIELDS_H_
#define CLAIMCHECK_CLAIMS_FIELDS_H_

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

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_FIELDS_H_

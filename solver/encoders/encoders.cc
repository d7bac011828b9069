#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;

std::optional<Encoded> EncodeClaim(const Claim& claim, Encoding& encoding) {
  std::optional<Encoded> encoded;
  switch (claim.kind_case()) {
    case Claim::kDate:
      encoded = EncodeDate(claim, encoding);
      break;
    case Claim::kGap:
      encoded = EncodeGap(claim, encoding);
      break;
    case Claim::kQuantity:
      encoded = EncodeQuantity(claim, encoding);
      break;
    case Claim::kAggregate:
      encoded = EncodeAggregate(claim, encoding);
      break;
    case Claim::kFirstSince:
      encoded = EncodeFirstSince(claim, encoding);
      break;
    case Claim::kOrdinal:
      encoded = EncodeOrdinal(claim, encoding);
      break;
    case Claim::kChange:
      encoded = EncodeChange(claim, encoding);
      break;
    case Claim::kShare:
      encoded = EncodeShare(claim, encoding);
      break;
    case Claim::kExistence:
      encoded = EncodeExistence(claim, encoding);
      break;
    case Claim::kReferenceFact:
      encoded = EncodeReferenceFact(claim, encoding);
      break;
    default:
      return std::nullopt;
  }
  BindTense(claim, encoding, *encoded);
  for (const z3::expr& d : encoding.TakeSideConstraints()) {
    encoded->definitions.push_back(d);
  }
  return encoded;
}

IntRange IntegersWithin(const ValueInterval& interval) {
  IntRange r;
  if (interval.lo.has_value()) {
    const Bound& b = *interval.lo;
    std::optional<int64_t> c = b.open ? b.value.Floor() : b.value.Ceil();
    r.lo = b.open ? *c + 1 : *c;
  }
  if (interval.hi.has_value()) {
    const Bound& b = *interval.hi;
    std::optional<int64_t> f = b.open ? b.value.Ceil() : b.value.Floor();
    r.hi = b.open ? *f - 1 : *f;
  }
  r.empty = r.lo && r.hi && *r.lo > *r.hi;
  return r;
}

}  // namespace claimcheck

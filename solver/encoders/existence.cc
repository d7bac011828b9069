// Existence claims: an event occurred, did not occur (by a reference: "so far
// has not visited"), or was cancelled.
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::ExistenceClaim;

Encoded EncodeExistence(const Claim& claim, Encoding& encoding) {
  const ExistenceClaim& c = claim.existence();
  const Span event = encoding.EventSpan(c.event());
  const z3::expr occurs = encoding.Occurs(c.event());
  Encoded out{occurs, "", {}, {}};
  switch (c.state()) {
    case ExistenceClaim::STATE_OCCURRED:
      out.forces = absl::StrCat(event.name, ": occurred");
      if (c.has_by()) {
        const Span by = encoding.ResolveOneSided(c.by(), /*latest=*/true);
        out.constraint = occurs && event.first <= by.last;
        absl::StrAppend(&out.forces, " by ", by.name);
      }
      break;
    case ExistenceClaim::STATE_DID_NOT_OCCUR:
      out.constraint = !occurs;
      out.forces = absl::StrCat(event.name, ": did not occur");
      if (c.has_by()) {
        const Span by = encoding.ResolveOneSided(c.by(), /*latest=*/false);
        out.constraint = !occurs || event.first > by.last;
        absl::StrAppend(&out.forces, " by ", by.name);
      }
      break;
    default:  // STATE_CANCELLED (validation rejects UNSPECIFIED)
      out.constraint = !occurs;
      out.forces = absl::StrCat(event.name, ": cancelled, so did not occur");
      break;
  }
  return out;
}

}  // namespace claimcheck

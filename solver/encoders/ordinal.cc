// Ordinal and count claims, open world: "the fifth meeting" (at most four
// known meetings before it), "five rounds have already taken place" (at most
// five known rounds by the anchor).
#include "absl/strings/str_cat.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::OrdinalClaim;

Encoded EncodeOrdinal(const Claim& claim, Encoding& encoding) {
  const OrdinalClaim& c = claim.ordinal();
  z3::context& ctx = encoding.ctx();
  z3::expr_vector counted(ctx);
  const bool has_event = c.form_case() == OrdinalClaim::kEvent;
  const Span at = has_event ? encoding.EventSpan(c.event())
                            : encoding.Resolve(c.anchor());
  for (const std::string& k : encoding.EventsOfClass(c.event_class())) {
    if (has_event && k == c.event()) continue;
    const Span other = encoding.EventSpan(k);
    const z3::expr before =
        has_event ? other.last < at.first : other.last <= at.last;
    counted.push_back(z3::ite(encoding.Occurs(k) && before, ctx.int_val(1),
                              ctx.int_val(0)));
  }
  const int limit = has_event ? c.ordinal() - 1 : c.count();
  z3::expr count = counted.empty() ? ctx.int_val(0) : z3::sum(counted);
  return {count <= limit,
          has_event
              ? absl::StrCat(at.name, ": number ", c.ordinal(), " of '",
                             c.event_class(), "', so at most ", limit,
                             " known before it")
              : absl::StrCat("at most ", limit, " known '", c.event_class(),
                             "' by ", at.name),
          {},
          {}};
}

}  // namespace claimcheck

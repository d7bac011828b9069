// Reference facts: an actor's lifespan or term of office. An actor acts
// only while alive; an office-holder's act falls inside the term.
#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::ReferenceFactClaim;

Encoded EncodeReferenceFact(const Claim& claim, Encoding& encoding) {
  const ReferenceFactClaim& c = claim.reference_fact();
  z3::context& ctx = encoding.ctx();
  const bool term = c.fact() == ReferenceFactClaim::FACT_TERM_OF_OFFICE;
  const std::string office = term ? c.office() : "";
  const Span span = encoding.ActorSpan(c.actor(), office);
  z3::expr_vector parts(ctx);
  std::string forces = absl::StrCat(span.name, ":");
  Encoded out{ctx.bool_val(true), "", {}, {}};
  DirectBound bound{"", "", ""};
  if (c.has_from()) {
    const DayInterval from = *DateSpecInterval(c.from());
    parts.push_back(span.first >= encoding.Int(from.first) &&
                    span.first <= encoding.Int(from.last));
    absl::StrAppend(&forces, " from ", FormatDayInterval(from));
    bound.first_day = from.first;
  }
  if (c.has_to()) {
    const DayInterval to = *DateSpecInterval(c.to());
    parts.push_back(span.last >= encoding.Int(to.first) &&
                    span.last <= encoding.Int(to.last));
    absl::StrAppend(&forces, " to ", FormatDayInterval(to));
    bound.last_day = to.last;
  } else {
    absl::StrAppend(&forces, ", ongoing");
  }
  for (const std::string& e : encoding.EventsOfActor(c.actor(), office)) {
    const Span event = encoding.EventSpan(e);
    parts.push_back(z3::implies(encoding.Occurs(e), event.first >= span.first &&
                                                        event.last <= span.last));
    // The span bounds every event the actor acts in, for explanations.
    DirectBound b = bound;
    b.subject = absl::StrCat("event:", e);
    b.subject_name = event.name;
    b.text = absl::StrCat("inside ", span.name, " (",
                          c.has_from() ? FormatDay(bound.first_day) : "?", " to ",
                          c.has_to() ? FormatDay(bound.last_day) : "now", ")");
    out.bounds.push_back(b);
  }
  out.constraint = z3::mk_and(parts);
  out.forces = forces;
  return out;
}

}  // namespace claimcheck

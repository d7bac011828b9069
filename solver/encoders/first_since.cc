// First/last since claims: "the first visit by a Russian foreign minister
// since 2012", "the first ... in 45 years (last in 1969)", "first-ever",
// "the last ...". Over the known events of a class: those that occur.
#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::FirstSinceClaim;

Encoded EncodeFirstSince(const Claim& claim, Encoding& encoding) {
  const FirstSinceClaim& c = claim.first_since();
  z3::context& ctx = encoding.ctx();
  const Span event = encoding.EventSpan(c.event());
  z3::expr_vector parts(ctx);
  const std::vector<std::string>& known = encoding.EventsOfClass(c.event_class());

  if (c.first_ever() || c.last()) {
    for (const std::string& k : known) {
      if (k == c.event()) continue;
      const Span other = encoding.EventSpan(k);
      // first-ever: no known event ends before it; last: none starts after.
      const z3::expr ruled_out =
          c.first_ever() ? other.last < event.first : other.first > event.last;
      parts.push_back(z3::implies(encoding.Occurs(k), !ruled_out));
    }
    std::string forces = absl::StrCat(event.name, ": the ",
                                      c.first_ever() ? "first-ever" : "last",
                                      " of '", c.event_class(), "'");
    Encoded out{ctx.bool_val(true), "", {}, {}};
    if (c.last() && c.has_since()) {
      const DayInterval since = *DateSpecInterval(c.since());
      parts.push_back(event.first >= encoding.Int(since.first) &&
                      event.last <= encoding.Int(since.last));
      const std::string text = absl::StrCat("within ", FormatDayInterval(since));
      absl::StrAppend(&forces, ", ", text);
      out.bounds.push_back({absl::StrCat("event:", c.event()), event.name, text,
                            since.first, since.last, {}});
    }
    out.constraint = z3::mk_and(parts);
    out.forces = forces;
    return out;
  }

  // The previous event P: named, or an unnamed event of this claim's own.
  Span previous = c.previous().empty()
                      ? Span{encoding.FreshInt("previous_start"),
                             encoding.FreshInt("previous_end"),
                             absl::StrCat("the previous '", c.event_class(), "'"),
                             std::nullopt, ""}
                      : encoding.EventSpan(c.previous());
  if (c.previous().empty()) {
    parts.push_back(previous.first >= encoding.Int(MinDay()) &&
                    previous.first <= previous.last &&
                    previous.last <= encoding.Int(MaxDay()));
  } else {
    parts.push_back(encoding.Occurs(c.previous()));
  }
  parts.push_back(previous.last < event.first);
  std::string forces = absl::StrCat(event.name, ": the first of '",
                                    c.event_class(), "' since ", previous.name);
  if (c.has_since()) {
    const DayInterval since = *DateSpecInterval(c.since());
    parts.push_back(previous.first >= encoding.Int(since.first) &&
                    previous.last <= encoding.Int(since.last));
    absl::StrAppend(&forces, " (within ", FormatDayInterval(since), ")");
  }
  for (const std::string& k : known) {
    if (k == c.event() || k == c.previous()) continue;
    const Span other = encoding.EventSpan(k);
    parts.push_back(z3::implies(
        encoding.Occurs(k),
        !(other.first > previous.last && other.last < event.first)));
  }
  return {z3::mk_and(parts), forces, {}, {}};
}

}  // namespace claimcheck

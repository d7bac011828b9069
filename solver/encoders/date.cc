// Date claims: the subject lies within a date ("in May 2012"), or before or
// after a reference, optionally by an offset ("just 10 days after", "the
// following month").
#include "absl/strings/str_cat.h"
#include "claims/calendar.h"
#include "solver/encoders/encoder.h"

namespace claimcheck {

using claimcheck::v1::Claim;
using claimcheck::v1::DateClaim;

namespace {

// The bound key of a span, when it names a whole event or a publication.
std::string SubjectKey(const claimcheck::v1::TimeRef& ref) {
  if (ref.endpoint() != claimcheck::v1::ENDPOINT_UNSPECIFIED) return "";
  if (ref.has_event()) return absl::StrCat("event:", ref.event());
  if (!ref.published_of().empty()) {
    return absl::StrCat("published:", ref.published_of());
  }
  return "";
}

}  // namespace

Encoded EncodeDate(const Claim& claim, Encoding& encoding) {
  const DateClaim& date = claim.date();
  const Span subject = encoding.Resolve(date.subject());
  const std::string key = SubjectKey(date.subject());
  Encoded out{encoding.ctx().bool_val(true), "", {}, {}};

  if (date.has_within()) {
    const DayInterval d = *DateSpecInterval(date.within());
    out.constraint = subject.first >= encoding.Int(d.first) &&
                     subject.last <= encoding.Int(d.last);
    const std::string text = absl::StrCat("within ", FormatDayInterval(d));
    out.forces = absl::StrCat(subject.name, ": ", text);
    if (!key.empty()) {
      out.bounds.push_back({key, subject.name, text, d.first, d.last, {}});
    }
    return out;
  }

  const bool before = date.has_before();
  const claimcheck::v1::Relative& rel = before ? date.before() : date.after();
  const Span reference = encoding.Resolve(rel.reference());
  const char* word = before ? "before" : "after";
  if (rel.has_offset()) {
    const Unit unit = LookupUnit(rel.offset().unit());
    const ValueInterval interval =
        *AmountInterval(rel.offset(), encoding.amount_settings());
    out.constraint =
        before ? GapConstraint(encoding, subject, reference, interval, unit.kind)
               : GapConstraint(encoding, reference, subject, interval, unit.kind);
    out.forces = absl::StrCat(subject.name, ": ", DescribeAmount(rel.offset()),
                              " ", word, " ", reference.name, " (",
                              FormatInterval(interval, unit.canonical), ")");
    return out;
  }
  out.constraint =
      before ? subject.last < reference.first : subject.first > reference.last;
  out.forces = absl::StrCat(subject.name, ": ", word, " ", reference.name);
  if (!key.empty() && reference.fixed) {
    DirectBound b{key, subject.name, absl::StrCat(word, " ", reference.name)};
    if (before) {
      b.last_day = reference.fixed->first - 1;
    } else {
      b.first_day = reference.fixed->last + 1;
    }
    out.bounds.push_back(b);
  }
  return out;
}

}  // namespace claimcheck

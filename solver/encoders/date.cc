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

// The subject lies within a period placed relative to an anchor day (the
// first day of the anchor): a year or month moved by an offset, narrowed to
// months and days. Both ends of the subject are projected onto the calendar
// and compared field by field.
Encoded EncodePeriod(const DateClaim& date, const Span& subject,
                     Encoding& encoding) {
  const claimcheck::v1::RelativePeriod& period = date.in_period();
  const Span anchor = encoding.Resolve(period.anchor());
  z3::context& ctx = encoding.ctx();
  z3::expr_vector parts(ctx);
  const bool by_month = period.unit() == claimcheck::v1::RelativePeriod::UNIT_MONTH;
  const int first_month = by_month ? 0 : period.first_month();
  const int last_month = by_month ? 0 : period.last_month();
  // Whether day d is on or after (month m, day dd) of its period, or on or
  // before; month 0 is the whole period, day 0 the whole month.
  auto not_before = [&](const z3::expr& d, int m, int dd) {
    if (m == 0) {
      return dd == 0 ? ctx.bool_val(true) : encoding.DayOfMonthOf(d) >= dd;
    }
    const z3::expr month = encoding.MonthOf(d);
    return month > m || (month == m && (dd == 0 ? ctx.bool_val(true)
                                                : encoding.DayOfMonthOf(d) >= dd));
  };
  auto not_after = [&](const z3::expr& d, int m, int dd) {
    if (m == 0) {
      return dd == 0 ? ctx.bool_val(true) : encoding.DayOfMonthOf(d) <= dd;
    }
    const z3::expr month = encoding.MonthOf(d);
    return month < m || (month == m && (dd == 0 ? ctx.bool_val(true)
                                                : encoding.DayOfMonthOf(d) <= dd));
  };
  for (const z3::expr& d : {subject.first, subject.last}) {
    if (by_month) {
      parts.push_back(encoding.MonthIndexOf(d) ==
                      encoding.MonthIndexOf(anchor.first) + period.offset());
    } else {
      parts.push_back(encoding.YearOf(d) ==
                      encoding.YearOf(anchor.first) + period.offset());
    }
  }
  parts.push_back(not_before(subject.first, first_month, period.first_day()));
  parts.push_back(not_after(subject.last, last_month == 0 ? first_month : last_month,
                            period.last_day()));
  const std::string what =
      !period.text().empty()
          ? period.text()
          : absl::StrCat(by_month ? "month " : "year ",
                         period.offset() >= 0 ? "+" : "", period.offset());
  return {z3::mk_and(parts),
          absl::StrCat(subject.name, ": ", what, " relative to ", anchor.name),
          {},
          {}};
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

  if (date.has_in_period()) return EncodePeriod(date, subject, encoding);

  const bool before = date.has_before();
  const claimcheck::v1::Relative& rel = before ? date.before() : date.after();
  // Without an offset the reference is a one-sided bound.
  const Span reference =
      rel.has_offset() ? encoding.Resolve(rel.reference())
                       : encoding.ResolveOneSided(rel.reference(), before);
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

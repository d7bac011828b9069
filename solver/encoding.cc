#include "solver/encoding.h"

#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Days from 1970-01-01 to 0001-01-01 is -719162: JanFirst(y) below is
// 365 (y - 1) + leap days before y, shifted by this.
constexpr int64_t kEpochShift = 719162;

bool Contains(const DayInterval& outer, const DayInterval& inner) {
  return outer.first <= inner.first && inner.last <= outer.last &&
         !(outer.first == inner.first && outer.last == inner.last);
}

}  // namespace

Encoding::Encoding(z3::context& ctx, const CheckRequest& request)
    : ctx_(ctx), hard_(ctx) {
  const Tolerances& t = request.options().tolerances();
  if (request.options().rounding() != ROUNDING_UNSPECIFIED) {
    settings_.rounding = request.options().rounding();
  }
  if (t.has_about()) settings_.about = *Decimal::FromDouble(t.about());
  if (t.has_nearly()) settings_.nearly = *Decimal::FromDouble(t.nearly());
  const ClaimSet& set = request.claims();
  for (const Source& s : set.sources()) sources_[s.id()] = &s;
  for (const Event& e : set.events()) events_[e.id()] = &e;
  for (const Measure& m : set.measures()) measures_[m.id()] = &m;
  AddSourceAxioms(set);
  AddMeasureAxioms(set);
}

void Encoding::AddSourceAxioms(const ClaimSet& set) {
  for (const Source& s : set.sources()) {
    z3::expr pub = Published(s.id());
    const DayInterval retrieved = *CalendarDateInterval(s.retrieved());
    z3::expr lit = ctx_.bool_const(absl::StrCat("axiom!source!", s.id()).c_str());
    z3::expr body = pub <= Int(retrieved.last);
    std::string text = absl::StrCat("source '", s.id(), "' was retrieved on ",
                                    FormatDay(retrieved.last));
    if (s.has_published()) {
      const DayInterval p = *DateSpecInterval(s.published());
      body = body && pub >= Int(p.first) && pub <= Int(p.last);
      text = absl::StrCat("source '", s.id(), "' was published ",
                          p.first == p.last ? "on " : "in ",
                          FormatDayInterval(p));
    }
    hard_.push_back(z3::implies(lit, body));
    axioms_.push_back({lit, text, "", ""});
  }
}

void Encoding::AddMeasureAxioms(const ClaimSet& set) {
  for (const Measure& m : set.measures()) {
    z3::expr v = MeasureValue(m.id());
    if (m.additive()) hard_.push_back(v >= 0);
    if (m.dimension() == DIMENSION_SHARE) {
      hard_.push_back(v >= 0 && v <= 100);
    }
  }
  // Sub-period monotonicity of additive measures of one quantity.
  for (const Measure& a : set.measures()) {
    if (!a.additive() || a.quantity().empty()) continue;
    const DayInterval pa = *DateSpecInterval(a.period());
    for (const Measure& b : set.measures()) {
      if (&a == &b || !b.additive() || b.quantity() != a.quantity() ||
          b.from() != a.from() || b.to() != a.to() ||
          b.currency() != a.currency() || b.dimension() != a.dimension()) {
        continue;
      }
      const DayInterval pb = *DateSpecInterval(b.period());
      if (!Contains(pb, pa)) continue;
      z3::expr lit = ctx_.bool_const(
          absl::StrCat("axiom!subperiod!", a.id(), "!", b.id()).c_str());
      hard_.push_back(z3::implies(lit, MeasureValue(a.id()) <= MeasureValue(b.id())));
      axioms_.push_back(
          {lit, absl::StrCat("'", a.quantity(), "' over ",
                             FormatDayInterval(pa),
                             " cannot exceed the same over ",
                             FormatDayInterval(pb),
                             ", which encloses it"),
           a.id(), b.id()});
    }
  }
}

Span Encoding::EventSpan(const std::string& id) {
  auto it = event_vars_.find(id);
  if (it == event_vars_.end()) {
    z3::expr s = ctx_.int_const(absl::StrCat("start!", id).c_str());
    z3::expr e = ctx_.int_const(absl::StrCat("end!", id).c_str());
    hard_.push_back(s >= Int(MinDay()) && s <= e && e <= Int(MaxDay()));
    it = event_vars_.emplace(id, std::make_pair(s, e)).first;
  }
  return Span{it->second.first, it->second.second, EventName(id), std::nullopt,
              id};
}

z3::expr Encoding::Published(const std::string& id) {
  auto it = published_vars_.find(id);
  if (it == published_vars_.end()) {
    z3::expr p = ctx_.int_const(absl::StrCat("published!", id).c_str());
    hard_.push_back(p >= Int(MinDay()) && p <= Int(MaxDay()));
    it = published_vars_.emplace(id, p).first;
  }
  return it->second;
}

z3::expr Encoding::MeasureValue(const std::string& id) {
  auto it = measure_vars_.find(id);
  if (it == measure_vars_.end()) {
    it = measure_vars_
             .emplace(id, ctx_.real_const(absl::StrCat("value!", id).c_str()))
             .first;
  }
  return it->second;
}

Span Encoding::Resolve(const TimeRef& ref) {
  Span span = [&]() -> Span {
    switch (ref.ref_case()) {
      case TimeRef::kEvent:
        return EventSpan(ref.event());
      case TimeRef::kDate: {
        const DayInterval d = *DateSpecInterval(ref.date());
        return Span{Int(d.first), Int(d.last),
                    ref.date().text().empty() ? FormatDayInterval(d)
                                              : ref.date().text(),
                    d, ""};
      }
      default: {
        z3::expr p = Published(ref.published_of());
        return Span{p, p,
                    absl::StrCat("the publication of '", ref.published_of(),
                                 "'"),
                    std::nullopt, ""};
      }
    }
  }();
  if (ref.endpoint() == ENDPOINT_START) {
    span.last = span.first;
    span.name = absl::StrCat("the start of ", span.name);
    if (span.fixed) span.fixed->last = span.fixed->first;
  } else if (ref.endpoint() == ENDPOINT_END) {
    span.first = span.last;
    span.name = absl::StrCat("the end of ", span.name);
    if (span.fixed) span.fixed->first = span.fixed->last;
  }
  return span;
}

z3::expr Encoding::FreshInt(const std::string& prefix) {
  return ctx_.int_const(absl::StrCat(prefix, "!", fresh_++).c_str());
}

z3::expr Encoding::JanFirst(const z3::expr& year) {
  z3::expr y1 = year - 1;
  return 365 * y1 + y1 / 4 - y1 / 100 + y1 / 400 - Int(kEpochShift);
}

z3::expr Encoding::YearOf(const z3::expr& day) {
  if (day.is_numeral()) {
    return Int(CivilFromDays(day.get_numeral_int64()).year);
  }
  z3::expr y = FreshInt("year");
  hard_.push_back(y >= kMinYear && y <= kMaxYear && JanFirst(y) <= day &&
                  day < JanFirst(y + 1));
  return y;
}

z3::expr Encoding::MonthIndexOf(const z3::expr& day) {
  if (day.is_numeral()) {
    const Civil c = CivilFromDays(day.get_numeral_int64());
    return Int(12 * static_cast<int64_t>(c.year) + c.month - 1);
  }
  z3::expr y = YearOf(day);
  z3::expr m = FreshInt("month");
  z3::expr leap = z3::ite(
      (z3::mod(y, 4) == 0 && z3::mod(y, 100) != 0) || z3::mod(y, 400) == 0,
      Int(1), Int(0));
  // Day of year (0-based) on which month m starts, and its length.
  static constexpr int kCumulative[] = {0,   31,  59,  90,  120, 151,
                                        181, 212, 243, 273, 304, 334};
  static constexpr int kLength[] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  z3::expr start = Int(kCumulative[11]) + leap;
  z3::expr length = Int(kLength[11]);
  for (int i = 10; i >= 0; --i) {
    z3::expr s = i >= 2 ? Int(kCumulative[i]) + leap : Int(kCumulative[i]);
    z3::expr l = i == 1 ? Int(28) + leap : Int(kLength[i]);
    start = z3::ite(m == i + 1, s, start);
    length = z3::ite(m == i + 1, l, length);
  }
  z3::expr month_start = JanFirst(y) + start;
  hard_.push_back(m >= 1 && m <= 12 && month_start <= day &&
                  day < month_start + length);
  return 12 * y + m - 1;
}

std::string Encoding::MeasureName(const std::string& id) const {
  const Measure& m = *measures_.at(id);
  std::string name = m.name().empty() ? m.id() : m.name();
  if (m.has_period() && m.name().empty()) {
    absl::StrAppend(&name, " ", FormatDayInterval(*DateSpecInterval(m.period())));
  }
  return name;
}

std::string Encoding::EventName(const std::string& id) const {
  const Event& e = *events_.at(id);
  return e.name().empty() ? e.id() : e.name();
}

}  // namespace claimcheck

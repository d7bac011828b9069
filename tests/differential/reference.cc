#include "tests/differential/reference.h"

#include <time.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "claims/calendar.h"
#include "claims/decimal.h"

namespace claimcheck::differential {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

namespace {

using i128 = __int128;
// Bounds of every variable, inclusive. A variable is fixed when lo == hi.
using Store = std::vector<std::pair<int64_t, int64_t>>;

bool Fixed(const Store& s, int v) { return s[v].first == s[v].second; }
int64_t Val(const Store& s, int v) { return s[v].first; }
int64_t Lo(const Store& s, int v) { return s[v].first; }
int64_t Hi(const Store& s, int v) { return s[v].second; }

// A constraint over a box of values: true at every point, at none, or
// undecided.
enum class Tri { kFalse, kTrue, kUnknown };
Tri Decided(bool all_true, bool none_true) {
  return none_true ? Tri::kFalse : all_true ? Tri::kTrue : Tri::kUnknown;
}

bool SetLo(Store& s, int v, int64_t lo, bool& changed) {
  if (lo > s[v].first) {
    s[v].first = lo;
    changed = true;
  }
  return s[v].first <= s[v].second;
}

bool SetHi(Store& s, int v, int64_t hi, bool& changed) {
  if (hi < s[v].second) {
    s[v].second = hi;
    changed = true;
  }
  return s[v].first <= s[v].second;
}

// Narrows for a <= b + k.
bool NarrowLeq(Store& s, int a, int b, int64_t k, bool& changed) {
  return SetHi(s, a, s[b].second + k, changed) &&
         SetLo(s, b, s[a].first - k, changed);
}

// --- Exact rationals for amount bounds -----------------------------------

struct Rational {
  i128 p = 0;
  i128 q = 1;  // > 0
};

i128 ParseI128(absl::string_view s) {
  bool neg = false;
  if (!s.empty() && s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  i128 v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return neg ? -v : v;
}

Rational ToRational(const Decimal& d) {
  const std::string text = d.ToRationalString();
  std::vector<std::string> parts = absl::StrSplit(text, '/');
  Rational r;
  r.p = ParseI128(parts[0]);
  r.q = parts.size() > 1 ? ParseI128(parts[1]) : 1;
  if (r.q < 0) {
    r.p = -r.p;
    r.q = -r.q;
  }
  return r;
}

i128 FloorDiv(i128 a, i128 b) {  // b > 0
  i128 q = a / b;
  if ((a % b != 0) && (a < 0)) --q;
  return q;
}
i128 CeilDiv(i128 a, i128 b) { return -FloorDiv(-a, b); }

int64_t Clamp64(i128 v) {
  const i128 kMax = static_cast<i128>(1) << 60;
  if (v > kMax) return static_cast<int64_t>(kMax);
  if (v < -kMax) return static_cast<int64_t>(-kMax);
  return static_cast<int64_t>(v);
}

// --- Calendar helpers -----------------------------------------------------

int64_t FirstDayOfYear(int64_t y) {
  if (y < kMinYear) return MinDay() - 1;
  if (y > kMaxYear) return MaxDay() + 1;
  return DaysFromCivil(static_cast<int>(y), 1, 1);
}

// The first day d with ProjectDay(d) >= p.
int64_t FirstDayWithProjection(int64_t p, UnitKind unit) {
  switch (unit) {
    case UnitKind::kYears:
      return FirstDayOfYear(p);
    case UnitKind::kMonths: {
      const int64_t y = static_cast<int64_t>(FloorDiv(p, 12));
      const int64_t m = p - 12 * y + 1;
      if (y < kMinYear) return MinDay() - 1;
      if (y > kMaxYear) return MaxDay() + 1;
      return DaysFromCivil(static_cast<int>(y), static_cast<int>(m), 1);
    }
    default:
      return p;
  }
}

// The last day d with ProjectDay(d) <= p.
int64_t LastDayWithProjection(int64_t p, UnitKind unit) {
  return FirstDayWithProjection(p + 1, unit) - 1;
}

// --- Primitive constraints --------------------------------------------------

class Prim {
 public:
  explicit Prim(std::vector<int> scope) {
    std::sort(scope.begin(), scope.end());
    scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
    vars_ = std::move(scope);
  }
  virtual ~Prim() = default;
  const std::vector<int>& vars() const { return vars_; }
  // The exact predicate; every variable of the scope is fixed.
  virtual bool Check(const Store& s) const = 0;
  // Sound narrowing: removes only values no solution uses. False when a
  // domain becomes empty.
  virtual bool Narrow(Store& s, bool& changed) const { return true; }
  // Sound three-valued evaluation over the box (some variable free):
  // kTrue only when every point satisfies the constraint, kFalse only when
  // none does.
  virtual Tri Eval(const Store& s) const { return Tri::kUnknown; }

 private:
  std::vector<int> vars_;
};

using Prims = std::vector<std::unique_ptr<Prim>>;

class FalsePrim : public Prim {
 public:
  FalsePrim() : Prim({}) {}
  bool Check(const Store&) const override { return false; }
  bool Narrow(Store&, bool&) const override { return false; }
  Tri Eval(const Store&) const override { return Tri::kFalse; }
};

// lo <= x <= hi.
class BoundPrim : public Prim {
 public:
  BoundPrim(int x, std::optional<int64_t> lo, std::optional<int64_t> hi)
      : Prim({x}), x_(x), lo_(lo), hi_(hi) {}
  bool Check(const Store& s) const override {
    const int64_t v = Val(s, x_);
    return (!lo_ || v >= *lo_) && (!hi_ || v <= *hi_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (lo_ && !SetLo(s, x_, *lo_, changed)) return false;
    if (hi_ && !SetHi(s, x_, *hi_, changed)) return false;
    return true;
  }
  Tri Eval(const Store& s) const override {
    return Decided((!lo_ || Lo(s, x_) >= *lo_) && (!hi_ || Hi(s, x_) <= *hi_),
                   (lo_ && Hi(s, x_) < *lo_) || (hi_ && Lo(s, x_) > *hi_));
  }

 private:
  int x_;
  std::optional<int64_t> lo_, hi_;
};

// x - y <= k.
class DiffPrim : public Prim {
 public:
  DiffPrim(int x, int y, int64_t k) : Prim({x, y}), x_(x), y_(y), k_(k) {}
  bool Check(const Store& s) const override {
    return Val(s, x_) - Val(s, y_) <= k_;
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (!SetHi(s, x_, s[y_].second + k_, changed)) return false;
    return SetLo(s, y_, s[x_].first - k_, changed);
  }
  Tri Eval(const Store& s) const override {
    return Decided(Hi(s, x_) - Lo(s, y_) <= k_, Lo(s, x_) - Hi(s, y_) > k_);
  }

 private:
  int x_, y_;
  int64_t k_;
};

class GapPrim : public Prim {
 public:
  GapPrim(int ff, int fl, int tf, int tl, UnitKind unit, IntSet range)
      : Prim({ff, fl, tf, tl}),
        ff_(ff), fl_(fl), tf_(tf), tl_(tl), unit_(unit), range_(range) {}
  bool Check(const Store& s) const override {
    if (range_.empty) return false;
    return GapHolds(Val(s, ff_), Val(s, fl_), Val(s, tf_), Val(s, tl_), unit_,
                    range_.lo, range_.hi);
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (range_.empty) return false;
    // fl < tf.
    if (!SetHi(s, fl_, s[tf_].second - 1, changed)) return false;
    if (!SetLo(s, tf_, s[fl_].first + 1, changed)) return false;
    // a >= ff and b <= tl with P(b) - P(a) >= lo: P(tl) - P(ff) >= lo.
    if (range_.lo) {
      const int64_t lo = *range_.lo;
      if (!SetLo(s, tl_,
                 FirstDayWithProjection(ProjectDay(s[ff_].first, unit_) + lo,
                                        unit_),
                 changed)) {
        return false;
      }
      if (!SetHi(s, ff_,
                 LastDayWithProjection(ProjectDay(s[tl_].second, unit_) - lo,
                                       unit_),
                 changed)) {
        return false;
      }
    }
    // a <= fl and b >= tf with P(b) - P(a) <= hi: P(tf) - P(fl) <= hi.
    if (range_.hi) {
      const int64_t hi = *range_.hi;
      if (!SetHi(s, tf_,
                 LastDayWithProjection(ProjectDay(s[fl_].second, unit_) + hi,
                                       unit_),
                 changed)) {
        return false;
      }
      if (!SetLo(s, fl_,
                 FirstDayWithProjection(ProjectDay(s[tf_].first, unit_) - hi,
                                        unit_),
                 changed)) {
        return false;
      }
    }
    return true;
  }

 private:
  int ff_, fl_, tf_, tl_;
  UnitKind unit_;
  IntSet range_;
};

// The period a RelativePeriod places at an anchor day; nullopt when it
// leaves the calendar.
std::optional<DayInterval> PeriodAt(int64_t anchor_day,
                                    const RelativePeriod& p) {
  const Civil a = CivilFromDays(anchor_day);
  int64_t year, first_month, last_month;
  if (p.unit() == RelativePeriod::UNIT_MONTH) {
    const int64_t index = 12 * int64_t{a.year} + a.month - 1 + p.offset();
    year = static_cast<int64_t>(FloorDiv(index, 12));
    first_month = last_month = index - 12 * year + 1;
  } else {
    year = a.year + int64_t{p.offset()};
    first_month = p.first_month() == 0 ? 1 : p.first_month();
    last_month = p.first_month() == 0 ? 12
                 : p.last_month() == 0 ? p.first_month()
                                       : p.last_month();
  }
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const bool narrowed_days =
      p.unit() == RelativePeriod::UNIT_MONTH || p.first_month() != 0;
  const int y = static_cast<int>(year);
  const int first_day =
      narrowed_days && p.first_day() != 0 ? p.first_day() : 1;
  const int last_day = narrowed_days && p.last_day() != 0
                           ? p.last_day()
                           : DaysInMonth(y, static_cast<int>(last_month));
  // A day the month lacks (30 April) is not modelled; the generator writes
  // days up to 28 only.
  if (first_day > DaysInMonth(y, static_cast<int>(first_month)) ||
      last_day > DaysInMonth(y, static_cast<int>(last_month))) {
    return std::nullopt;
  }
  return DayInterval{DaysFromCivil(y, static_cast<int>(first_month), first_day),
                     DaysFromCivil(y, static_cast<int>(last_month), last_day)};
}

class InPeriodPrim : public Prim {
 public:
  InPeriodPrim(int anchor, int sf, int sl, RelativePeriod period)
      : Prim({anchor, sf, sl}),
        anchor_(anchor), sf_(sf), sl_(sl), period_(std::move(period)) {}
  // Days every month has: the period exists at every anchor.
  bool Monotone() const {
    return period_.first_day() <= 28 && period_.last_day() <= 28;
  }
  bool Check(const Store& s) const override {
    std::optional<DayInterval> p = PeriodAt(Val(s, anchor_), period_);
    return p && Val(s, sf_) >= p->first && Val(s, sl_) <= p->last;
  }
  // Both ends of the period are non-decreasing in the anchor day (a later
  // anchor never moves the year or month back), so the extreme anchors
  // bound the subject, and the subject bounds the anchor (found by
  // bisection over the anchor's days).
  bool Narrow(Store& s, bool& changed) const override {
    if (!Monotone()) return true;
    std::optional<DayInterval> at_lo = PeriodAt(Lo(s, anchor_), period_);
    std::optional<DayInterval> at_hi = PeriodAt(Hi(s, anchor_), period_);
    if (!at_lo || !at_hi) return true;  // off the calendar: leave to Check
    if (!SetLo(s, sf_, at_lo->first, changed)) return false;
    if (!SetHi(s, sl_, at_hi->last, changed)) return false;
    // The latest anchor whose period starts by sf.hi.
    const int64_t sf_hi = Hi(s, sf_), sl_lo = Lo(s, sl_);
    int64_t lo = Lo(s, anchor_), hi = Hi(s, anchor_);
    if (PeriodAt(lo, period_)->first > sf_hi) return false;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo + 1) / 2;
      if (PeriodAt(mid, period_)->first <= sf_hi) lo = mid; else hi = mid - 1;
    }
    if (!SetHi(s, anchor_, lo, changed)) return false;
    // The earliest anchor whose period ends on or after sl.lo.
    lo = Lo(s, anchor_);
    hi = Hi(s, anchor_);
    if (PeriodAt(hi, period_)->last < sl_lo) return false;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (PeriodAt(mid, period_)->last >= sl_lo) hi = mid; else lo = mid + 1;
    }
    return SetLo(s, anchor_, lo, changed);
  }
  Tri Eval(const Store& s) const override {
    if (!Monotone()) return Tri::kUnknown;
    std::optional<DayInterval> at_lo = PeriodAt(Lo(s, anchor_), period_);
    std::optional<DayInterval> at_hi = PeriodAt(Hi(s, anchor_), period_);
    if (!at_lo || !at_hi) return Tri::kUnknown;
    return Decided(Lo(s, sf_) >= at_hi->first && Hi(s, sl_) <= at_lo->last,
                   Hi(s, sf_) < at_lo->first || Lo(s, sl_) > at_hi->last);
  }

 private:
  int anchor_, sf_, sl_;
  RelativePeriod period_;
};

struct EventVars {
  int s, e, o;
};

std::vector<int> VarsOf(const std::vector<EventVars>& events) {
  std::vector<int> out;
  for (const EventVars& k : events) {
    out.push_back(k.s);
    out.push_back(k.e);
    out.push_back(k.o);
  }
  return out;
}

// FirstSinceClaim, its "first since P", "first ever" and "last" parts (the
// occurrence of `event` and of a named P are separate BoolPrims).
class FirstSincePrim : public Prim {
 public:
  struct Spec {
    EventVars event;
    std::optional<EventVars> previous;
    std::optional<DayInterval> since;
    bool first_ever = false;
    bool last = false;
    // Events of the class other than `event` and `previous`.
    std::vector<EventVars> others;
    // Events of the class other than `event` (for first_ever and last).
    std::vector<EventVars> others_but_event;
  };
  static std::vector<int> Scope(const Spec& spec) {
    std::vector<int> v = VarsOf(spec.others_but_event);
    v.push_back(spec.event.s);
    v.push_back(spec.event.e);
    if (spec.previous) {
      v.push_back(spec.previous->s);
      v.push_back(spec.previous->e);
    }
    return v;
  }
  explicit FirstSincePrim(Spec spec) : Prim(Scope(spec)), spec_(std::move(spec)) {}

  // A known event surely doing what is forbidden does not occur.
  static bool Occurs(Store& s, const EventVars& k, bool surely_forbidden,
                     bool& changed) {
    return !surely_forbidden || SetHi(s, k.o, 0, changed);
  }

  bool Check(const Store& s) const override {
    const int64_t es = Val(s, spec_.event.s), ee = Val(s, spec_.event.e);
    if (spec_.first_ever) {
      for (const EventVars& k : spec_.others_but_event) {
        if (Val(s, k.o) == 1 && Val(s, k.e) < es) return false;
      }
    } else if (!spec_.last) {
      // The last day of P. A named P is given; an unnamed P is a fresh
      // event, and the latest last day it may have is the best choice: it
      // only has to precede `event` and lie in `since`, and a later P leaves
      // fewer known events strictly between. A one-day P on that day exists
      // exactly when the day is not before since.first.
      int64_t p_last;
      if (spec_.previous) {
        const int64_t ps = Val(s, spec_.previous->s);
        p_last = Val(s, spec_.previous->e);
        if (!(p_last < es)) return false;
        if (spec_.since &&
            (ps < spec_.since->first || p_last > spec_.since->last)) {
          return false;
        }
      } else {
        p_last = es - 1;
        if (spec_.since) {
          p_last = std::min(p_last, spec_.since->last);
          if (p_last < spec_.since->first) return false;
        }
      }
      for (const EventVars& k : spec_.others) {
        if (Val(s, k.o) == 1 && Val(s, k.s) > p_last && Val(s, k.e) < es) {
          return false;
        }
      }
    }
    if (spec_.last) {
      for (const EventVars& k : spec_.others_but_event) {
        if (Val(s, k.o) == 1 && Val(s, k.s) > ee) return false;
      }
    }
    return true;
  }

  // Known events that occur must not do what the claim forbids: the
  // forbidden order, once the other half of it is certain, narrows.
  bool Narrow(Store& s, bool& changed) const override {
    const int es = spec_.event.s;
    if (spec_.first_ever) {
      for (const EventVars& k : spec_.others_but_event) {
        if (!Occurs(s, k, Hi(s, k.e) < Lo(s, es), changed)) return false;
        if (Lo(s, k.o) == 1 && !NarrowLeq(s, es, k.e, 0, changed)) return false;
      }
    } else if (!spec_.last) {
      if (!spec_.previous && spec_.since &&
          !SetLo(s, es, spec_.since->first + 1, changed)) {
        return false;
      }
      for (const EventVars& k : spec_.others) {
        // P's last day, at its latest.
        const int64_t p_hi =
            spec_.previous ? Hi(s, spec_.previous->e)
                           : std::min(Hi(s, es) - 1,
                                      spec_.since ? spec_.since->last
                                                  : Hi(s, es) - 1);
        const bool after_p = Lo(s, k.s) > p_hi;
        const bool before_e = Hi(s, k.e) < Lo(s, es);
        if (!Occurs(s, k, after_p && before_e, changed)) return false;
        if (Lo(s, k.o) != 1) continue;
        if (after_p && !NarrowLeq(s, es, k.e, 0, changed)) return false;
        if (before_e) {
          if (spec_.previous) {
            if (!NarrowLeq(s, k.s, spec_.previous->e, 0, changed)) return false;
          } else {
            // k.s <= min(es - 1, since.last)
            if (!NarrowLeq(s, k.s, es, -1, changed)) return false;
            if (spec_.since && !SetHi(s, k.s, spec_.since->last, changed)) {
              return false;
            }
          }
        }
      }
    }
    if (spec_.last) {
      for (const EventVars& k : spec_.others_but_event) {
        if (!Occurs(s, k, Lo(s, k.s) > Hi(s, spec_.event.e), changed)) {
          return false;
        }
        if (Lo(s, k.o) == 1 && !NarrowLeq(s, k.s, spec_.event.e, 0, changed)) {
          return false;
        }
      }
    }
    return true;
  }

  // The same over bounds: `sure` conditions hold at every point, `maybe`
  // ones at some.
  Tri Eval(const Store& s) const override {
    bool sure = true, never = false;
    // A condition that must hold.
    auto need = [&](bool all, bool some) {
      sure = sure && all;
      never = never || !some;
    };
    // A known event K that must not do something.
    auto forbid = [&](const EventVars& k, bool all, bool some) {
      need(!(Hi(s, k.o) == 1 && some), !(Lo(s, k.o) == 1 && all));
    };
    const int64_t es_lo = Lo(s, spec_.event.s), es_hi = Hi(s, spec_.event.s);
    if (spec_.first_ever) {
      for (const EventVars& k : spec_.others_but_event) {
        forbid(k, Hi(s, k.e) < es_lo, Lo(s, k.e) < es_hi);
      }
    } else if (!spec_.last) {
      int64_t p_lo, p_hi;  // bounds of P's last day
      if (spec_.previous) {
        const EventVars& p = *spec_.previous;
        p_lo = Lo(s, p.e);
        p_hi = Hi(s, p.e);
        need(p_hi < es_lo, p_lo < es_hi);
        if (spec_.since) {
          need(Lo(s, p.s) >= spec_.since->first && p_hi <= spec_.since->last,
               Hi(s, p.s) >= spec_.since->first && p_lo <= spec_.since->last);
        }
      } else {
        p_lo = es_lo - 1;
        p_hi = es_hi - 1;
        if (spec_.since) {
          p_lo = std::min(p_lo, spec_.since->last);
          p_hi = std::min(p_hi, spec_.since->last);
          need(p_lo >= spec_.since->first, p_hi >= spec_.since->first);
        }
      }
      for (const EventVars& k : spec_.others) {
        forbid(k, Lo(s, k.s) > p_hi && Hi(s, k.e) < es_lo,
               Hi(s, k.s) > p_lo && Lo(s, k.e) < es_hi);
      }
    }
    if (spec_.last) {
      const int64_t ee_lo = Lo(s, spec_.event.e), ee_hi = Hi(s, spec_.event.e);
      for (const EventVars& k : spec_.others_but_event) {
        forbid(k, Lo(s, k.s) > ee_hi, Hi(s, k.s) > ee_lo);
      }
    }
    return Decided(sure, never);
  }

 private:
  Spec spec_;
};

// At most `max_before` of `others` occur and end before `target` starts
// (strict = true), or end on or before `target` (strict = false).
class CountBeforePrim : public Prim {
 public:
  CountBeforePrim(int target, std::vector<EventVars> others, bool strict,
                  int64_t max_before)
      : Prim(Scope(target, others)),
        target_(target), others_(std::move(others)), strict_(strict),
        max_(max_before) {}
  static std::vector<int> Scope(int target, const std::vector<EventVars>& o) {
    std::vector<int> v = VarsOf(o);
    v.push_back(target);
    return v;
  }
  bool Check(const Store& s) const override {
    const int64_t t = Val(s, target_);
    int64_t n = 0;
    for (const EventVars& k : others_) {
      if (Val(s, k.o) != 1) continue;
      const int64_t e = Val(s, k.e);
      if (strict_ ? e < t : e <= t) ++n;
    }
    return n <= max_;
  }
  Tri Eval(const Store& s) const override {
    int64_t surely = 0, maybe = 0;
    for (const EventVars& k : others_) {
      if (Hi(s, k.o) == 1 && (strict_ ? Lo(s, k.e) < Hi(s, target_)
                                      : Lo(s, k.e) <= Hi(s, target_))) {
        ++maybe;
      }
      if (Lo(s, k.o) == 1 && (strict_ ? Hi(s, k.e) < Lo(s, target_)
                                      : Hi(s, k.e) <= Lo(s, target_))) {
        ++surely;
      }
    }
    return Decided(maybe <= max_, surely > max_);
  }
  // With `max` events surely counted, no other may count.
  bool Narrow(Store& s, bool& changed) const override {
    std::vector<bool> sure(others_.size());
    int64_t surely = 0;
    for (size_t i = 0; i < others_.size(); ++i) {
      const EventVars& k = others_[i];
      sure[i] = Lo(s, k.o) == 1 && (strict_ ? Hi(s, k.e) < Lo(s, target_)
                                            : Hi(s, k.e) <= Lo(s, target_));
      surely += sure[i] ? 1 : 0;
    }
    if (surely > max_) return false;
    if (surely < max_) return true;
    for (size_t i = 0; i < others_.size(); ++i) {
      if (sure[i]) continue;
      const EventVars& k = others_[i];
      // Not counted: not occurring, or target <= e (strict) / target < e.
      const int64_t k_off = strict_ ? 0 : -1;
      const bool ends_before = strict_ ? Hi(s, k.e) < Lo(s, target_)
                                       : Hi(s, k.e) <= Lo(s, target_);
      if (ends_before && !SetHi(s, k.o, 0, changed)) return false;
      if (Lo(s, k.o) == 1 && !NarrowLeq(s, target_, k.e, k_off, changed)) {
        return false;
      }
    }
    return true;
  }

 private:
  int target_;
  std::vector<EventVars> others_;
  bool strict_;
  int64_t max_;
};

// not occurs, or start > by.
class NotOccurByPrim : public Prim {
 public:
  NotOccurByPrim(int o, int start, int by)
      : Prim({o, start, by}), o_(o), s_(start), by_(by) {}
  bool Check(const Store& s) const override {
    return Val(s, o_) == 0 || Val(s, s_) > Val(s, by_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (Fixed(s, o_) && Val(s, o_) == 1) {
      if (!SetLo(s, s_, s[by_].first + 1, changed)) return false;
      if (!SetHi(s, by_, s[s_].second - 1, changed)) return false;
    }
    if (s[s_].second <= s[by_].first) return SetHi(s, o_, 0, changed);
    return true;
  }
  Tri Eval(const Store& s) const override {
    return Decided(Hi(s, o_) == 0 || Lo(s, s_) > Hi(s, by_),
                   Lo(s, o_) == 1 && Hi(s, s_) <= Lo(s, by_));
  }

 private:
  int o_, s_, by_;
};

// not occurs, or a <= b (a reported claim's named events that occur are
// over by the publication).
class NotOccurOrLeqPrim : public Prim {
 public:
  NotOccurOrLeqPrim(int o, int a, int b) : Prim({o, a, b}), o_(o), a_(a), b_(b) {}
  bool Check(const Store& s) const override {
    return Val(s, o_) == 0 || Val(s, a_) <= Val(s, b_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (Fixed(s, o_) && Val(s, o_) == 1) {
      if (!SetHi(s, a_, s[b_].second, changed)) return false;
      if (!SetLo(s, b_, s[a_].first, changed)) return false;
    }
    if (s[a_].first > s[b_].second) return SetHi(s, o_, 0, changed);
    return true;
  }
  Tri Eval(const Store& s) const override {
    return Decided(Hi(s, o_) == 0 || Hi(s, a_) <= Lo(s, b_),
                   Lo(s, o_) == 1 && Lo(s, a_) > Hi(s, b_));
  }

 private:
  int o_, a_, b_;
};

// not occurs, or the event lies within [first, last] (last optional).
class CondWithinPrim : public Prim {
 public:
  CondWithinPrim(EventVars ev, int64_t first, std::optional<int64_t> last)
      : Prim({ev.s, ev.e, ev.o}), ev_(ev), first_(first), last_(last) {}
  bool Check(const Store& s) const override {
    if (Val(s, ev_.o) == 0) return true;
    return Val(s, ev_.s) >= first_ && (!last_ || Val(s, ev_.e) <= *last_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    if (Fixed(s, ev_.o) && Val(s, ev_.o) == 1) {
      if (!SetLo(s, ev_.s, first_, changed)) return false;
      if (last_ && !SetHi(s, ev_.e, *last_, changed)) return false;
    }
    if (s[ev_.s].second < first_ || (last_ && s[ev_.e].first > *last_)) {
      return SetHi(s, ev_.o, 0, changed);
    }
    return true;
  }
  Tri Eval(const Store& s) const override {
    const bool inside =
        Lo(s, ev_.s) >= first_ && (!last_ || Hi(s, ev_.e) <= *last_);
    const bool outside =
        Hi(s, ev_.s) < first_ || (last_ && Lo(s, ev_.e) > *last_);
    return Decided(Hi(s, ev_.o) == 0 || inside, Lo(s, ev_.o) == 1 && outside);
  }

 private:
  EventVars ev_;
  int64_t first_;
  std::optional<int64_t> last_;
};

// sum(parts) == whole.
class SumEqPrim : public Prim {
 public:
  SumEqPrim(int whole, std::vector<int> parts)
      : Prim(Scope(whole, parts)), whole_(whole), parts_(std::move(parts)) {}
  static std::vector<int> Scope(int whole, std::vector<int> parts) {
    parts.push_back(whole);
    return parts;
  }
  bool Check(const Store& s) const override {
    int64_t sum = 0;
    for (int p : parts_) sum += Val(s, p);
    return sum == Val(s, whole_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    int64_t lo = 0, hi = 0;
    for (int p : parts_) {
      lo += s[p].first;
      hi += s[p].second;
    }
    if (!SetLo(s, whole_, lo, changed) || !SetHi(s, whole_, hi, changed)) {
      return false;
    }
    for (int p : parts_) {
      const int64_t others_lo = lo - s[p].first, others_hi = hi - s[p].second;
      if (!SetLo(s, p, s[whole_].first - others_hi, changed)) return false;
      if (!SetHi(s, p, s[whole_].second - others_lo, changed)) return false;
      lo = others_lo + s[p].first;
      hi = others_hi + s[p].second;
    }
    return true;
  }
  Tri Eval(const Store& s) const override {
    int64_t lo = 0, hi = 0;
    for (int p : parts_) {
      lo += s[p].first;
      hi += s[p].second;
    }
    return Decided(false, hi < Lo(s, whole_) || lo > Hi(s, whole_));
  }

 private:
  int whole_;
  std::vector<int> parts_;
};

// sum(vars) <= cap.
class SumLeqPrim : public Prim {
 public:
  SumLeqPrim(std::vector<int> vars, int64_t cap)
      : Prim(vars), terms_(std::move(vars)), cap_(cap) {}
  bool Check(const Store& s) const override {
    int64_t sum = 0;
    for (int v : terms_) sum += Val(s, v);
    return sum <= cap_;
  }
  bool Narrow(Store& s, bool& changed) const override {
    int64_t lo = 0;
    for (int v : terms_) lo += s[v].first;
    for (int v : terms_) {
      if (!SetHi(s, v, cap_ - (lo - s[v].first), changed)) return false;
    }
    return true;
  }
  Tri Eval(const Store& s) const override {
    int64_t lo = 0, hi = 0;
    for (int v : terms_) {
      lo += s[v].first;
      hi += s[v].second;
    }
    return Decided(hi <= cap_, lo > cap_);
  }

 private:
  std::vector<int> terms_;
  int64_t cap_;
};

// measure = previous x (1 + c / 100) for some c in `change` (values on the
// measure grid; the grid unit cancels).
class ChangePrim : public Prim {
 public:
  ChangePrim(int measure, int previous, ValueInterval change)
      : Prim({measure, previous}),
        m_(measure), p_(previous), change_(std::move(change)) {}
  bool Check(const Store& s) const override {
    const i128 m = Val(s, m_), p = Val(s, p_);
    if (p == 0) return m == 0 && Nonempty();
    // c = 100 (m - p) / p.
    Rational c{100 * (m - p), p};
    if (c.q < 0) {
      c.p = -c.p;
      c.q = -c.q;
    }
    if (change_.lo) {
      const Rational b = ToRational(change_.lo->value);
      const i128 lhs = c.p * b.q, rhs = b.p * c.q;
      if (change_.lo->open ? !(lhs > rhs) : !(lhs >= rhs)) return false;
    }
    if (change_.hi) {
      const Rational b = ToRational(change_.hi->value);
      const i128 lhs = c.p * b.q, rhs = b.p * c.q;
      if (change_.hi->open ? !(lhs < rhs) : !(lhs <= rhs)) return false;
    }
    return true;
  }

 private:
  bool Nonempty() const {
    if (!change_.lo || !change_.hi) return true;
    const int cmp = Decimal::Compare(change_.lo->value, change_.hi->value);
    if (cmp < 0) return true;
    return cmp == 0 && !change_.lo->open && !change_.hi->open;
  }
  int m_, p_;
  ValueInterval change_;
};

// At most max_above of `others` are strictly greater than x.
class CountAbovePrim : public Prim {
 public:
  CountAbovePrim(int x, std::vector<int> others, int64_t max_above)
      : Prim(Scope(x, others)), x_(x), others_(std::move(others)),
        max_(max_above) {}
  static std::vector<int> Scope(int x, std::vector<int> others) {
    others.push_back(x);
    return others;
  }
  bool Check(const Store& s) const override {
    int64_t n = 0;
    for (int o : others_) n += Val(s, o) > Val(s, x_) ? 1 : 0;
    return n <= max_;
  }
  Tri Eval(const Store& s) const override {
    int64_t surely = 0, maybe = 0;
    for (int o : others_) {
      surely += Lo(s, o) > Hi(s, x_) ? 1 : 0;
      maybe += Hi(s, o) > Lo(s, x_) ? 1 : 0;
    }
    return Decided(maybe <= max_, surely > max_);
  }
  bool Narrow(Store& s, bool& changed) const override {
    int64_t surely = 0;
    for (int o : others_) surely += Lo(s, o) > Hi(s, x_) ? 1 : 0;
    if (surely > max_) return false;
    if (surely < max_) return true;
    for (int o : others_) {
      if (Lo(s, o) > Hi(s, x_)) continue;
      if (!NarrowLeq(s, o, x_, 0, changed)) return false;
    }
    return true;
  }

 private:
  int x_;
  std::vector<int> others_;
  int64_t max_;
};

// --- The search -------------------------------------------------------------

class Search {
 public:
  Search(const Prims& prims, int64_t budget, int64_t time_budget_ms)
      : prims_(prims), budget_(budget) {
    if (time_budget_ms > 0) {
      deadline_ns_ = ThreadCpuNanos() + time_budget_ms * 1000000;
    }
  }

  RefVerdict Run(Store s) {
    const Outcome o = Node(std::move(s));
    return o == kSat ? RefVerdict::kConsistent
           : o == kUnsat ? RefVerdict::kInconsistent
                         : RefVerdict::kBudget;
  }
  int64_t nodes() const { return nodes_; }

 private:
  enum Outcome { kSat, kUnsat, kOut };

  // Narrows the single free variable `v` of `p` to its first and last
  // supported values.
  bool Support(const Prim& p, int v, Store& s, bool& changed) {
    const std::pair<int64_t, int64_t> d = s[v];
    int64_t lo = d.first;
    for (; lo <= d.second; ++lo) {
      s[v] = {lo, lo};
      if (p.Check(s)) break;
    }
    if (lo > d.second) {
      s[v] = d;
      return false;
    }
    int64_t hi = d.second;
    for (; hi > lo; --hi) {
      s[v] = {hi, hi};
      if (p.Check(s)) break;
    }
    s[v] = {lo, hi};
    if (lo != d.first || hi != d.second) changed = true;
    return true;
  }

  // The constraint over the box: exact when every variable is fixed.
  static Tri Status(const Prim& p, const Store& s, int* free, int* n) {
    *n = 0;
    for (int v : p.vars()) {
      if (!Fixed(s, v)) {
        ++*n;
        *free = v;
      }
    }
    if (*n == 0) return p.Check(s) ? Tri::kTrue : Tri::kFalse;
    return p.Eval(s);
  }

  bool TimeUp() {
    if (deadline_ns_ && ThreadCpuNanos() > *deadline_ns_) out_of_time_ = true;
    return out_of_time_;
  }

  // The calling thread's CPU time: a budget in it does not shrink when
  // other work shares the machine (the wall clock's did: under load the
  // reference confirmed fewer conflicts, and a family failed its share).
  static int64_t ThreadCpuNanos() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return int64_t{t.tv_sec} * 1000000000 + t.tv_nsec;
  }

  // False when the box has no solution, or (with out_of_time_ set) when the
  // time budget ran out.
  bool Propagate(Store& s) {
    while (true) {
      if (TimeUp()) return false;
      bool changed = false;
      for (const std::unique_ptr<Prim>& p : prims_) {
        if (!p->Narrow(s, changed)) return false;
        int free = -1, n = 0;
        const Tri t = Status(*p, s, &free, &n);
        if (t == Tri::kFalse) return false;
        if (t == Tri::kUnknown && n == 1 && !Support(*p, free, s, changed)) {
          return false;
        }
      }
      if (!changed) return true;
    }
  }

  Outcome Node(Store s) {
    if (++nodes_ > budget_ || TimeUp()) return kOut;
    if (!Propagate(s)) return out_of_time_ ? kOut : kUnsat;
    // Branch on a free variable of a constraint still undecided; when every
    // constraint holds at every point of the box, the box is all solutions.
    int best = -1;
    int64_t best_size = 0;
    for (const std::unique_ptr<Prim>& p : prims_) {
      int free = -1, n = 0;
      const Tri t = Status(*p, s, &free, &n);
      if (t == Tri::kFalse) return kUnsat;
      if (t == Tri::kTrue) continue;
      for (int v : p->vars()) {
        const int64_t size = s[v].second - s[v].first + 1;
        if (size > 1 && (best < 0 || size < best_size)) {
          best = v;
          best_size = size;
        }
      }
    }
    if (best < 0) return kSat;
    const std::pair<int64_t, int64_t> d = s[best];
    std::vector<std::pair<int64_t, int64_t>> branches;
    if (best_size <= 8) {
      for (int64_t v = d.first; v <= d.second; ++v) branches.push_back({v, v});
    } else {
      const int64_t mid = d.first + (d.second - d.first) / 2;
      branches = {{d.first, mid}, {mid + 1, d.second}};
    }
    bool out = false;
    for (const auto& b : branches) {
      Store child = s;
      child[best] = b;
      const Outcome o = Node(std::move(child));
      if (o == kSat) return kSat;
      if (o == kOut) {
        out = true;
        break;
      }
    }
    return out ? kOut : kUnsat;
  }

  const Prims& prims_;
  int64_t budget_;
  std::optional<int64_t> deadline_ns_;  // ThreadCpuNanos()
  bool out_of_time_ = false;
  int64_t nodes_ = 0;
};

// --- From claims to constraints --------------------------------------------

class Builder {
 public:
  Builder(const CheckRequest& request, const RefOptions& options)
      : set_(request.claims()), options_(options) {
    const CheckOptions& o = request.options();
    if (o.rounding() != ROUNDING_UNSPECIFIED) settings_.rounding = o.rounding();
    if (o.tolerances().has_about()) {
      settings_.about = *Decimal::FromDouble(o.tolerances().about());
    }
    if (o.tolerances().has_nearly()) {
      settings_.nearly = *Decimal::FromDouble(o.tolerances().nearly());
    }
  }

  absl::Status Build() {
    for (const Source& s : set_.sources()) {
      if (!s.has_published()) {
        return absl::InvalidArgumentError(
            absl::StrCat("source ", s.id(), " has no publication day"));
      }
      absl::StatusOr<DayInterval> p = DateSpecInterval(s.published());
      if (!p.ok()) return p.status();
      // A publication known to the day is a constant; a rougher one a
      // variable over its days.
      published_[s.id()] = p->first == p->last ? Const(p->first)
                                               : NewVar(p->first, p->last);
    }
    for (const v1::Event& e : set_.events()) {
      EventVars v{NewVar(options_.universe_first, options_.universe_last),
                  NewVar(options_.universe_first, options_.universe_last),
                  NewVar(0, 1)};
      events_[e.id()] = v;
      event_protos_[e.id()] = &e;
      Add<DiffPrim>(v.s, v.e, 0);  // start <= end
    }
    for (const Measure& m : set_.measures()) {
      measures_[m.id()] = NewVar(-kMeasureLimit * kMeasureDen,
                                 kMeasureLimit * kMeasureDen);
      measure_protos_[m.id()] = &m;
    }
    MeasureAxioms();
    // Shares: every (market, entity) a share claim names, each market's
    // total at most 100.
    std::map<std::string, std::vector<int>> markets;
    for (const Claim& c : set_.claims()) {
      if (!c.has_share()) continue;
      std::vector<std::string> named = {c.share().entity()};
      named.insert(named.end(), c.share().ranked_above().begin(),
                   c.share().ranked_above().end());
      for (const std::string& e : named) {
        const std::string key = absl::StrCat(c.share().market(), "\n", e);
        if (shares_.count(key)) continue;
        const int v = NewVar(0, 100 * kShareDen / kShareNum);
        shares_[key] = v;
        markets[c.share().market()].push_back(v);
        market_entities_[c.share().market()].push_back(e);
      }
    }
    for (auto& [market, vars] : markets) {
      Add<SumLeqPrim>(vars, 100 * kShareDen / kShareNum);
    }
    for (const Claim& c : set_.claims()) {
      absl::Status s = AddClaim(c);
      if (!s.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("claim ", c.id(), ": ", s.message()));
      }
    }
    return ReferenceFacts();
  }

  Store& store() { return store_; }
  const Prims& prims() const { return prims_; }

 private:
  struct Span {
    int first, last;
  };

  int NewVar(int64_t lo, int64_t hi) {
    store_.push_back({lo, hi});
    return static_cast<int>(store_.size()) - 1;
  }
  int Const(int64_t v) {
    auto it = consts_.find(v);
    if (it != consts_.end()) return it->second;
    const int var = NewVar(v, v);
    consts_[v] = var;
    return var;
  }
  template <typename P, typename... Args>
  void Add(Args&&... args) {
    prims_.push_back(std::make_unique<P>(std::forward<Args>(args)...));
  }
  void AddFalse() { Add<FalsePrim>(); }
  void AddBool(int v, int64_t value) {
    Add<BoundPrim>(v, value, value);
  }

  absl::StatusOr<EventVars> EventOf(const std::string& id) const {
    auto it = events_.find(id);
    if (it == events_.end()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown event ", id));
    }
    return it->second;
  }
  absl::StatusOr<int> MeasureVar(const std::string& id) const {
    auto it = measures_.find(id);
    if (it == measures_.end()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown measure ", id));
    }
    return it->second;
  }

  absl::StatusOr<Span> Resolve(const TimeRef& ref) {
    Span span;
    switch (ref.ref_case()) {
      case TimeRef::kEvent: {
        absl::StatusOr<EventVars> e = EventOf(ref.event());
        if (!e.ok()) return e.status();
        span = {e->s, e->e};
        break;
      }
      case TimeRef::kDate: {
        absl::StatusOr<DayInterval> d = DateSpecInterval(ref.date());
        if (!d.ok()) return d.status();
        span = {Const(d->first), Const(d->last)};
        break;
      }
      case TimeRef::kPublishedOf: {
        auto it = published_.find(ref.published_of());
        if (it == published_.end()) {
          return absl::InvalidArgumentError("unknown source");
        }
        span = {it->second, it->second};
        break;
      }
      default:
        return absl::InvalidArgumentError("empty time reference");
    }
    if (ref.endpoint() == ENDPOINT_START) span.last = span.first;
    if (ref.endpoint() == ENDPOINT_END) span.first = span.last;
    return span;
  }

  absl::Status AddGap(const TimeRef& from, const TimeRef& to,
                      const Amount& amount) {
    absl::StatusOr<Span> f = Resolve(from);
    absl::StatusOr<Span> t = Resolve(to);
    if (!f.ok()) return f.status();
    if (!t.ok()) return t.status();
    absl::StatusOr<ValueInterval> interval = AmountInterval(amount, settings_);
    if (!interval.ok()) return interval.status();
    const UnitKind unit = LookupUnit(amount.unit()).kind;
    if (unit != UnitKind::kDays && unit != UnitKind::kMonths &&
        unit != UnitKind::kYears) {
      return absl::InvalidArgumentError("gap amount is not a duration");
    }
    Add<GapPrim>(f->first, f->last, t->first, t->last, unit,
                 IntegersIn(*interval));
    return absl::OkStatus();
  }

  // Events of a class, in input order, except `skip`.
  std::vector<EventVars> ClassEvents(const std::string& event_class,
                                     const std::set<std::string>& skip) const {
    std::vector<EventVars> out;
    for (const v1::Event& e : set_.events()) {
      if (skip.count(e.id())) continue;
      if (std::find(e.classes().begin(), e.classes().end(), event_class) !=
          e.classes().end()) {
        out.push_back(events_.at(e.id()));
      }
    }
    return out;
  }

  void AddValueBounds(int var, const ValueInterval& interval, int64_t num,
                      int64_t den) {
    const IntSet g = GridIn(interval, num, den);
    if (g.empty) {
      AddFalse();
    } else {
      Add<BoundPrim>(var, g.lo, g.hi);
    }
  }

  absl::Status AddClaim(const Claim& claim) {
    switch (claim.kind_case()) {
      case Claim::kDate: {
        const DateClaim& d = claim.date();
        absl::StatusOr<Span> subject = Resolve(d.subject());
        if (!subject.ok()) return subject.status();
        switch (d.relation_case()) {
          case DateClaim::kWithin: {
            absl::StatusOr<DayInterval> w = DateSpecInterval(d.within());
            if (!w.ok()) return w.status();
            Add<BoundPrim>(subject->first, w->first, std::nullopt);
            Add<BoundPrim>(subject->last, std::nullopt, w->last);
            break;
          }
          case DateClaim::kBefore:
          case DateClaim::kAfter: {
            const bool before = d.has_before();
            const Relative& rel = before ? d.before() : d.after();
            if (rel.has_offset()) {
              absl::Status s =
                  before ? AddGap(d.subject(), rel.reference(), rel.offset())
                         : AddGap(rel.reference(), d.subject(), rel.offset());
              if (!s.ok()) return s;
            } else {
              absl::StatusOr<Span> r = Resolve(rel.reference());
              if (!r.ok()) return r.status();
              if (before) {
                Add<DiffPrim>(subject->last, r->first, -1);
              } else {
                Add<DiffPrim>(r->last, subject->first, -1);
              }
            }
            break;
          }
          case DateClaim::kInPeriod: {
            absl::StatusOr<Span> anchor = Resolve(d.in_period().anchor());
            if (!anchor.ok()) return anchor.status();
            Add<InPeriodPrim>(anchor->first, subject->first, subject->last,
                              d.in_period());
            break;
          }
          default:
            return absl::InvalidArgumentError("date claim without relation");
        }
        break;
      }
      case Claim::kGap: {
        absl::Status s =
            AddGap(claim.gap().from(), claim.gap().to(), claim.gap().amount());
        if (!s.ok()) return s;
        break;
      }
      case Claim::kFirstSince: {
        const FirstSinceClaim& f = claim.first_since();
        absl::StatusOr<EventVars> e = EventOf(f.event());
        if (!e.ok()) return e.status();
        FirstSincePrim::Spec spec;
        spec.event = *e;
        std::set<std::string> skip = {f.event()};
        spec.others_but_event = ClassEvents(f.event_class(), skip);
        spec.first_ever = f.first_ever();
        spec.last = f.last();
        // "First since P" unless the claim is first-ever or last (the two
        // other forms, which take no P).
        if (!f.first_ever() && !f.last()) {
          if (!f.previous().empty()) {
            absl::StatusOr<EventVars> p = EventOf(f.previous());
            if (!p.ok()) return p.status();
            spec.previous = *p;
            AddBool(p->o, 1);
            Add<DiffPrim>(p->e, e->s, -1);
            skip.insert(f.previous());
          }
          if (f.has_since()) {
            absl::StatusOr<DayInterval> since = DateSpecInterval(f.since());
            if (!since.ok()) return since.status();
            spec.since = *since;
            if (spec.previous) {
              Add<BoundPrim>(spec.previous->s, since->first, std::nullopt);
              Add<BoundPrim>(spec.previous->e, std::nullopt, since->last);
            }
          }
        }
        spec.others = ClassEvents(f.event_class(), skip);
        Add<FirstSincePrim>(std::move(spec));
        break;
      }
      case Claim::kOrdinal: {
        const OrdinalClaim& o = claim.ordinal();
        if (o.form_case() == OrdinalClaim::kEvent) {
          absl::StatusOr<EventVars> e = EventOf(o.event());
          if (!e.ok()) return e.status();
          Add<CountBeforePrim>(e->s, ClassEvents(o.event_class(), {o.event()}),
                               /*strict=*/true, int64_t{o.ordinal()} - 1);
        } else if (o.form_case() == OrdinalClaim::kAnchor) {
          absl::StatusOr<Span> a = Resolve(o.anchor());
          if (!a.ok()) return a.status();
          Add<CountBeforePrim>(a->last, ClassEvents(o.event_class(), {}),
                               /*strict=*/false, int64_t{o.count()});
        } else {
          return absl::InvalidArgumentError("ordinal without form");
        }
        break;
      }
      case Claim::kQuantity: {
        absl::StatusOr<int> m = MeasureVar(claim.quantity().measure());
        if (!m.ok()) return m.status();
        absl::StatusOr<ValueInterval> i =
            AmountInterval(claim.quantity().amount(), settings_);
        if (!i.ok()) return i.status();
        AddValueBounds(*m, *i, 1, kMeasureDen);
        break;
      }
      case Claim::kAggregate: {
        const AggregateClaim& a = claim.aggregate();
        absl::StatusOr<int> whole = MeasureVar(a.whole());
        if (!whole.ok()) return whole.status();
        std::vector<int> parts;
        for (const std::string& p : a.parts()) {
          absl::StatusOr<int> v = MeasureVar(p);
          if (!v.ok()) return v.status();
          parts.push_back(*v);
        }
        if (a.relation() == AggregateClaim::RELATION_PARTS_SUM_TO_WHOLE) {
          Add<SumEqPrim>(*whole, parts);
        } else {
          for (int p : parts) Add<DiffPrim>(p, *whole, 0);
        }
        break;
      }
      case Claim::kChange: {
        const ChangeClaim& c = claim.change();
        absl::StatusOr<int> m = MeasureVar(c.measure());
        if (!m.ok()) return m.status();
        if (c.all_time_high()) {
          const Measure& me = *measure_protos_.at(c.measure());
          for (const Measure& o : set_.measures()) {
            if (o.id() == me.id() || o.quantity() != me.quantity() ||
                o.from() != me.from() || o.to() != me.to()) {
              continue;
            }
            Add<DiffPrim>(measures_.at(o.id()), *m, 0);
          }
        }
        if (!c.previous().empty()) {
          absl::StatusOr<int> p = MeasureVar(c.previous());
          if (!p.ok()) return p.status();
          absl::StatusOr<ValueInterval> i = AmountInterval(c.change(), settings_);
          if (!i.ok()) return i.status();
          Add<ChangePrim>(*m, *p, *i);
        }
        break;
      }
      case Claim::kShare: {
        const ShareClaim& sc = claim.share();
        const int x = shares_.at(absl::StrCat(sc.market(), "\n", sc.entity()));
        if (sc.has_share()) {
          absl::StatusOr<ValueInterval> i = AmountInterval(sc.share(), settings_);
          if (!i.ok()) return i.status();
          AddValueBounds(x, *i, kShareNum, kShareDen);
        }
        if (sc.rank() > 0) {
          for (const std::string& a : sc.ranked_above()) {
            const int y = shares_.at(absl::StrCat(sc.market(), "\n", a));
            Add<DiffPrim>(x, y, -1);  // x < y on the grid
          }
          std::vector<int> others;
          for (const std::string& e : market_entities_.at(sc.market())) {
            if (e != sc.entity()) {
              others.push_back(shares_.at(absl::StrCat(sc.market(), "\n", e)));
            }
          }
          Add<CountAbovePrim>(x, others, int64_t{sc.rank()} - 1);
        }
        break;
      }
      case Claim::kExistence: {
        const ExistenceClaim& x = claim.existence();
        absl::StatusOr<EventVars> e = EventOf(x.event());
        if (!e.ok()) return e.status();
        std::optional<Span> by;
        if (x.has_by()) {
          absl::StatusOr<Span> b = Resolve(x.by());
          if (!b.ok()) return b.status();
          by = *b;
        }
        switch (x.state()) {
          case ExistenceClaim::STATE_OCCURRED:
            AddBool(e->o, 1);
            if (by) Add<DiffPrim>(e->s, by->last, 0);
            break;
          case ExistenceClaim::STATE_DID_NOT_OCCUR:
            if (by) {
              Add<NotOccurByPrim>(e->o, e->s, by->last);
            } else {
              AddBool(e->o, 0);
            }
            break;
          case ExistenceClaim::STATE_CANCELLED:
            AddBool(e->o, 0);
            break;
          default:
            return absl::InvalidArgumentError("existence without state");
        }
        break;
      }
      case Claim::kReferenceFact: {
        const ReferenceFactClaim& r = claim.reference_fact();
        if (r.fact() != ReferenceFactClaim::FACT_LIFESPAN &&
            r.fact() != ReferenceFactClaim::FACT_TERM_OF_OFFICE) {
          return absl::InvalidArgumentError("reference fact without fact");
        }
        const bool term = r.fact() == ReferenceFactClaim::FACT_TERM_OF_OFFICE;
        facts_[{r.actor(), term ? r.office() : std::string("\n")}].push_back(&r);
        break;
      }
      default:
        return absl::InvalidArgumentError("claim of no kind");
    }
    return Tense(claim);
  }

  // Occurrence and tense binding by modality.
  absl::Status Tense(const Claim& claim) {
    std::vector<std::string> named;
    std::string subject;
    auto event_of = [](const TimeRef& r) {
      return r.ref_case() == TimeRef::kEvent ? r.event() : std::string();
    };
    switch (claim.kind_case()) {
      case Claim::kDate: {
        const DateClaim& d = claim.date();
        subject = event_of(d.subject());
        named.push_back(subject);
        if (d.has_before()) named.push_back(event_of(d.before().reference()));
        if (d.has_after()) named.push_back(event_of(d.after().reference()));
        if (d.has_in_period()) {
          named.push_back(event_of(d.in_period().anchor()));
        }
        break;
      }
      case Claim::kGap:
        subject = event_of(claim.gap().to());
        named = {event_of(claim.gap().from()), subject};
        break;
      case Claim::kFirstSince:
        subject = claim.first_since().event();
        named = {subject, claim.first_since().previous()};
        break;
      case Claim::kOrdinal:
        if (claim.ordinal().form_case() == OrdinalClaim::kEvent) {
          subject = claim.ordinal().event();
          named = {subject};
        }
        break;
      default:
        break;
    }
    const auto pub = published_.find(claim.provenance().source());
    if (pub == published_.end()) {
      return absl::InvalidArgumentError("unknown source");
    }
    switch (claim.provenance().modality()) {
      case MODALITY_UNSPECIFIED:
      case MODALITY_REPORTED:
        for (const std::string& e : named) {
          if (e.empty()) continue;
          absl::StatusOr<EventVars> v = EventOf(e);
          if (!v.ok()) return v.status();
          if (e == subject) {
            AddBool(v->o, 1);
            Add<DiffPrim>(v->e, pub->second, 0);
          } else {
            Add<NotOccurOrLeqPrim>(v->o, v->e, pub->second);
          }
        }
        break;
      case MODALITY_PLANNED:
        if (!subject.empty()) {
          absl::StatusOr<EventVars> v = EventOf(subject);
          if (!v.ok()) return v.status();
          Add<DiffPrim>(pub->second, v->s, -1);
        }
        break;
      case MODALITY_CANCELLED:
        if (!subject.empty()) {
          absl::StatusOr<EventVars> v = EventOf(subject);
          if (!v.ok()) return v.status();
          AddBool(v->o, 0);
        }
        break;
      default:
        break;
    }
    return absl::OkStatus();
  }

  // One span per actor (and office): it starts on some day of every `from`
  // and ends on some day of every `to`; the occurring events of the actor
  // lie inside it. The earliest start and the latest end are the best
  // choices, so the span exists exactly when those meet and contain the
  // events.
  absl::Status ReferenceFacts() {
    for (const auto& [key, claims] : facts_) {
      const std::string& actor = key.first;
      const bool term = key.second != "\n";
      int64_t l1 = MinDay(), u1 = MaxDay(), l2 = MinDay(), u2 = MaxDay();
      bool has_to = false;
      for (const ReferenceFactClaim* r : claims) {
        if (r->has_from()) {  // unset: a start not known
          absl::StatusOr<DayInterval> f = DateSpecInterval(r->from());
          if (!f.ok()) return f.status();
          l1 = std::max(l1, f->first);
          u1 = std::min(u1, f->last);
        }
        if (r->has_to()) {
          absl::StatusOr<DayInterval> t = DateSpecInterval(r->to());
          if (!t.ok()) return t.status();
          has_to = true;
          l2 = std::max(l2, t->first);
          u2 = std::min(u2, t->last);
        }
      }
      if (l1 > u1 || l2 > u2 || l1 > u2) {
        AddFalse();
        continue;
      }
      for (const v1::Event& e : set_.events()) {
        bool acts = false;
        if (!term) {
          acts = std::find(e.actors().begin(), e.actors().end(), actor) !=
                 e.actors().end();
        }
        for (const ActorRole& role : e.roles()) {
          if (role.actor() == actor && (!term || role.office() == key.second)) {
            acts = true;
          }
        }
        if (!acts) continue;
        Add<CondWithinPrim>(events_.at(e.id()), l1,
                            has_to ? std::optional<int64_t>(u2) : std::nullopt);
      }
    }
    return absl::OkStatus();
  }

  void MeasureAxioms() {
    for (const Measure& m : set_.measures()) {
      const int v = measures_.at(m.id());
      if (m.additive()) Add<BoundPrim>(v, 0, std::nullopt);
      if (m.dimension() == DIMENSION_SHARE) {
        Add<BoundPrim>(v, 0, 100 * kMeasureDen);
      }
    }
    for (const Measure& a : set_.measures()) {
      for (const Measure& b : set_.measures()) {
        if (&a == &b || !a.additive() || !b.additive()) continue;
        if (a.quantity() != b.quantity() || a.from() != b.from() ||
            a.to() != b.to() || a.currency() != b.currency() ||
            a.dimension() != b.dimension()) {
          continue;
        }
        absl::StatusOr<DayInterval> pa = DateSpecInterval(a.period());
        absl::StatusOr<DayInterval> pb = DateSpecInterval(b.period());
        if (!pa.ok() || !pb.ok()) continue;
        const bool inside = pa->first >= pb->first && pa->last <= pb->last;
        const bool equal = pa->first == pb->first && pa->last == pb->last;
        if (inside && !equal) {
          Add<DiffPrim>(measures_.at(a.id()), measures_.at(b.id()), 0);
        }
      }
    }
  }

  const ClaimSet& set_;
  RefOptions options_;
  AmountSettings settings_;
  Store store_;
  Prims prims_;
  std::map<int64_t, int> consts_;
  std::map<std::string, int> published_;
  std::map<std::string, EventVars> events_;
  std::map<std::string, const v1::Event*> event_protos_;
  std::map<std::string, int> measures_;
  std::map<std::string, const Measure*> measure_protos_;
  std::map<std::string, int> shares_;
  std::map<std::string, std::vector<std::string>> market_entities_;
  std::map<std::pair<std::string, std::string>,
           std::vector<const ReferenceFactClaim*>>
      facts_;
};

}  // namespace

const char* RefVerdictName(RefVerdict v) {
  switch (v) {
    case RefVerdict::kConsistent: return "CONSISTENT";
    case RefVerdict::kInconsistent: return "INCONSISTENT";
    default: return "BUDGET";
  }
}

int64_t ProjectDay(int64_t day, UnitKind unit) {
  if (unit == UnitKind::kDays) return day;
  const Civil c = CivilFromDays(day);
  if (unit == UnitKind::kYears) return c.year;
  return 12 * int64_t{c.year} + c.month - 1;
}

bool GapHolds(int64_t ff, int64_t fl, int64_t tf, int64_t tl, UnitKind unit,
              std::optional<int64_t> lo, std::optional<int64_t> hi) {
  if (!(fl < tf) || ff > fl || tf > tl) return false;
  const int64_t ptf = ProjectDay(tf, unit), ptl = ProjectDay(tl, unit);
  for (int64_t a = ff; a <= fl; ++a) {
    // P is non-decreasing and grows by at most one a day, so over b in
    // [tf, tl] the differences P(b) - P(a) are every integer of this range.
    const int64_t pa = ProjectDay(a, unit);
    int64_t dlo = ptf - pa, dhi = ptl - pa;
    if (lo) dlo = std::max(dlo, *lo);
    if (hi) dhi = std::min(dhi, *hi);
    if (dlo <= dhi) return true;
  }
  return false;
}

bool GapHoldsByPairs(int64_t ff, int64_t fl, int64_t tf, int64_t tl,
                     UnitKind unit, std::optional<int64_t> lo,
                     std::optional<int64_t> hi) {
  if (!(fl < tf) || ff > fl || tf > tl) return false;
  for (int64_t a = ff; a <= fl; ++a) {
    for (int64_t b = tf; b <= tl; ++b) {
      const int64_t d = ProjectDay(b, unit) - ProjectDay(a, unit);
      if ((!lo || d >= *lo) && (!hi || d <= *hi)) return true;
    }
  }
  return false;
}

IntSet IntegersIn(const ValueInterval& interval) {
  return GridIn(interval, 1, 1);
}

IntSet GridIn(const ValueInterval& interval, int64_t num, int64_t den) {
  // g * num / den against a bound p / q: compare g with p * den / (q * num).
  IntSet out;
  if (interval.lo) {
    const Rational b = ToRational(interval.lo->value);
    const i128 n = b.p * den, d = b.q * num;
    out.lo = Clamp64(interval.lo->open ? FloorDiv(n, d) + 1 : CeilDiv(n, d));
  }
  if (interval.hi) {
    const Rational b = ToRational(interval.hi->value);
    const i128 n = b.p * den, d = b.q * num;
    out.hi = Clamp64(interval.hi->open ? CeilDiv(n, d) - 1 : FloorDiv(n, d));
  }
  out.empty = out.lo && out.hi && *out.lo > *out.hi;
  return out;
}

RefOptions OptionsFor(const CheckRequest& full) {
  int first_year = kMaxYear, last_year = kMinYear;
  for (const Claim& c : full.claims().claims()) {
    if (c.id().rfind("w-", 0) != 0 || !c.has_date() || !c.date().has_within()) {
      continue;
    }
    absl::StatusOr<DayInterval> w = DateSpecInterval(c.date().within());
    if (!w.ok()) continue;
    first_year = std::min(first_year, CivilFromDays(w->first).year);
    last_year = std::max(last_year, CivilFromDays(w->last).year);
  }
  RefOptions o;
  if (first_year > last_year) {
    first_year = 2010;
    last_year = 2012;
  }
  o.universe_first = DaysFromCivil(std::max(kMinYear, first_year - 6), 1, 1);
  o.universe_last = DaysFromCivil(std::min(kMaxYear, last_year + 6), 12, 31);
  return o;
}

absl::Status CheckDomainAssumptions(const CheckRequest& request,
                                    const RefOptions& options) {
  const ClaimSet& set = request.claims();
  std::map<std::string, const Claim*> by_id;
  for (const Claim& c : set.claims()) by_id[c.id()] = &c;
  for (const Source& s : set.sources()) {
    absl::StatusOr<DayInterval> p = DateSpecInterval(s.published());
    if (!s.has_published() || !p.ok() || p->first != p->last) {
      return absl::FailedPreconditionError(
          absl::StrCat("source ", s.id(), " has no single publication day"));
    }
  }
  for (const v1::Event& e : set.events()) {
    auto it = by_id.find(absl::StrCat("w-", e.id()));
    if (it == by_id.end() || !it->second->has_date() ||
        !it->second->date().has_within() ||
        it->second->date().subject().event() != e.id() ||
        it->second->date().subject().endpoint() != ENDPOINT_UNSPECIFIED) {
      return absl::FailedPreconditionError(
          absl::StrCat("event ", e.id(), " has no window claim w-", e.id()));
    }
    absl::StatusOr<DayInterval> w =
        DateSpecInterval(it->second->date().within());
    if (!w.ok() || w->first < options.universe_first ||
        w->last > options.universe_last) {
      return absl::FailedPreconditionError(
          absl::StrCat("window of ", e.id(), " leaves the universe"));
    }
  }
  for (const Measure& m : set.measures()) {
    auto it = by_id.find(absl::StrCat("r-", m.id()));
    if (it == by_id.end() || !it->second->has_quantity() ||
        it->second->quantity().measure() != m.id()) {
      return absl::FailedPreconditionError(
          absl::StrCat("measure ", m.id(), " has no range claim r-", m.id()));
    }
    absl::StatusOr<ValueInterval> i =
        AmountInterval(it->second->quantity().amount(), AmountSettings());
    if (!i.ok() || !i->lo || !i->hi ||
        Decimal::Compare(i->lo->value, Decimal::FromInt(-kMeasureLimit)) < 0 ||
        Decimal::Compare(i->hi->value, Decimal::FromInt(kMeasureLimit)) > 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("range of ", m.id(), " is not within the grid"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<RefVerdict> ReferenceCheck(const CheckRequest& request,
                                          const RefOptions& options,
                                          int64_t* nodes) {
  Builder builder(request, options);
  absl::Status s = builder.Build();
  if (!s.ok()) return s;
  Search search(builder.prims(), options.node_budget, options.time_budget_ms);
  const RefVerdict v = search.Run(builder.store());
  if (nodes != nullptr) *nodes += search.nodes();
  return v;
}

}  // namespace claimcheck::differential

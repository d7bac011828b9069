#include "claims/amount.h"

#include <array>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

using claimcheck::v1::Amount;
using claimcheck::v1::Dimension;
using claimcheck::v1::Rounding;

Decimal Dec(absl::string_view s) { return *Decimal::Parse(s); }

bool IsCurrencyCode(absl::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

absl::StatusOr<Decimal> Checked(std::optional<Decimal> d) {
  if (!d.has_value()) {
    return absl::OutOfRangeError("amount is too large to compute with");
  }
  return *d;
}

absl::StatusOr<Decimal> MulAll(Decimal v, const std::array<Decimal, 2>& by) {
  for (const Decimal& f : by) {
    absl::StatusOr<Decimal> r = Checked(Decimal::Mul(v, f));
    if (!r.ok()) return r.status();
    v = *r;
  }
  return v;
}

Decimal ScaleFactor(claimcheck::v1::Scale scale) {
  switch (scale) {
    case claimcheck::v1::SCALE_THOUSAND: return Decimal::Pow10(3);
    case claimcheck::v1::SCALE_MILLION: return Decimal::Pow10(6);
    case claimcheck::v1::SCALE_BILLION: return Decimal::Pow10(9);
    case claimcheck::v1::SCALE_TRILLION: return Decimal::Pow10(12);
    default: return Decimal::FromInt(1);
  }
}

std::string FormatBoundValue(const Decimal& d) { return d.Format(3); }

}  // namespace

Unit LookupUnit(absl::string_view name) {
  // The names, parsed once: validation and the fast path look up every
  // quantity claim's unit (at 40,000 claims a quarter of them quantities,
  // the linear scan of this table and its factors' parsing took 13% of a
  // check's instructions).
  static const auto* const kUnits = [] {
    struct Entry {
      const char* name;
      UnitKind kind;
      const char* factor;
      const char* canonical;
    };
    static constexpr Entry kTable[] = {
        {"km", UnitKind::kLength, "1", "km"},
        {"kilometre", UnitKind::kLength, "1", "km"},
        {"kilometer", UnitKind::kLength, "1", "km"},
        {"m", UnitKind::kLength, "0.001", "km"},
        {"metre", UnitKind::kLength, "0.001", "km"},
        {"meter", UnitKind::kLength, "0.001", "km"},
        {"mile", UnitKind::kLength, "1.609344", "km"},
        {"mi", UnitKind::kLength, "1.609344", "km"},
        {"m3", UnitKind::kVolume, "1", "m3"},
        {"cubic metre", UnitKind::kVolume, "1", "m3"},
        {"cubic meter", UnitKind::kVolume, "1", "m3"},
        {"percent", UnitKind::kPercent, "1", "percent"},
        {"per cent", UnitKind::kPercent, "1", "percent"},
        {"%", UnitKind::kPercent, "1", "percent"},
        {"day", UnitKind::kDays, "1", "days"},
        {"week", UnitKind::kDays, "7", "days"},
        {"month", UnitKind::kMonths, "1", "months"},
        {"year", UnitKind::kYears, "1", "years"},
        {"decade", UnitKind::kYears, "10", "years"},
        {"count", UnitKind::kCount, "1", ""},
        {"", UnitKind::kCount, "1", ""},
    };
    auto* units = new absl::flat_hash_map<std::string, Unit>();
    for (const Entry& e : kTable) {
      units->emplace(e.name, Unit{e.kind, Dec(e.factor), e.canonical});
    }
    return units;
  }();
  std::string u = absl::AsciiStrToLower(name);
  if (auto it = kUnits->find(u); it != kUnits->end()) return it->second;
  // Plural forms ("miles", "kilometres", "decades").
  if (u.size() > 2 && u.back() == 's') {
    u.pop_back();
    if (auto it = kUnits->find(u); it != kUnits->end()) return it->second;
  }
  if (IsCurrencyCode(name)) {
    return {UnitKind::kMoney, Decimal::FromInt(1), std::string(name)};
  }
  return {UnitKind::kCount, Decimal::FromInt(1), ""};
}

bool UnitFitsMeasure(const Unit& unit, Dimension dimension,
                     absl::string_view currency) {
  switch (dimension) {
    case claimcheck::v1::DIMENSION_MONEY:
      return unit.kind == UnitKind::kMoney && unit.canonical == currency;
    case claimcheck::v1::DIMENSION_LENGTH:
      return unit.kind == UnitKind::kLength;
    case claimcheck::v1::DIMENSION_VOLUME:
      return unit.kind == UnitKind::kVolume;
    case claimcheck::v1::DIMENSION_COUNT:
      return unit.kind == UnitKind::kCount;
    case claimcheck::v1::DIMENSION_PERCENTAGE:
    case claimcheck::v1::DIMENSION_SHARE:
      return unit.kind == UnitKind::kPercent;
    case claimcheck::v1::DIMENSION_DURATION:
      return unit.kind == UnitKind::kDays || unit.kind == UnitKind::kMonths ||
             unit.kind == UnitKind::kYears;
    default:
      return false;
  }
}

absl::StatusOr<ValueInterval> AmountInterval(const Amount& amount,
                                             const AmountSettings& settings) {
  static const Decimal* const kHalf = new Decimal(Dec("0.5"));
  int last_digit = 0, trailing_zeros = 0;
  absl::StatusOr<Decimal> value =
      Decimal::Parse(amount.value(), &last_digit, &trailing_zeros);
  if (!value.ok()) return value.status();
  const Unit unit = LookupUnit(amount.unit());
  const std::array<Decimal, 2> to_canonical = {ScaleFactor(amount.scale()),
                                               unit.factor};

  // Bounds in the stated unit and scale, then converted.
  std::optional<Bound> lo, hi;
  switch (amount.qualifier()) {
    case claimcheck::v1::QUALIFIER_UNSPECIFIED: {
      Rounding rounding = amount.rounding() != claimcheck::v1::ROUNDING_UNSPECIFIED
                              ? amount.rounding()
                              : settings.rounding;
      if (rounding == claimcheck::v1::ROUNDING_EXACT) {
        lo = Bound{*value, false};
        hi = Bound{*value, false};
        break;
      }
      int exponent = last_digit;
      if (rounding == claimcheck::v1::ROUNDING_SIGNIFICANT_FIGURES) {
        exponent += trailing_zeros;
      }
      absl::StatusOr<Decimal> half =
          Checked(Decimal::Mul(*kHalf, Decimal::Pow10(exponent)));
      if (!half.ok()) return half.status();
      absl::StatusOr<Decimal> l = Checked(Decimal::Add(*value, half->Negated()));
      absl::StatusOr<Decimal> h = Checked(Decimal::Add(*value, *half));
      if (!l.ok()) return l.status();
      if (!h.ok()) return h.status();
      lo = Bound{*l, false};
      hi = Bound{*h, false};
      break;
    }
    case claimcheck::v1::QUALIFIER_ABOUT: {
      absl::StatusOr<Decimal> d = Checked(Decimal::Mul(*value, settings.about));
      if (!d.ok()) return d.status();
      absl::StatusOr<Decimal> l = Checked(Decimal::Add(*value, d->Negated()));
      absl::StatusOr<Decimal> h = Checked(Decimal::Add(*value, *d));
      if (!l.ok()) return l.status();
      if (!h.ok()) return h.status();
      // For a negative figure the ends swap.
      if (Decimal::Compare(*l, *h) > 0) std::swap(*l, *h);
      lo = Bound{*l, false};
      hi = Bound{*h, false};
      break;
    }
    case claimcheck::v1::QUALIFIER_NEARLY: {
      // "nearly N": a little less than N in magnitude, so [N - t|N|, N] for
      // positive N and [N, N + t|N|] for negative N.
      absl::StatusOr<Decimal> d = Checked(Decimal::Mul(*value, settings.nearly));
      if (!d.ok()) return d.status();
      absl::StatusOr<Decimal> l = Checked(Decimal::Add(*value, d->Negated()));
      if (!l.ok()) return l.status();
      Decimal a = *l, b = *value;
      if (Decimal::Compare(a, b) > 0) std::swap(a, b);
      lo = Bound{a, false};
      hi = Bound{b, false};
      break;
    }
    case claimcheck::v1::QUALIFIER_MORE_THAN:
      lo = Bound{*value, true};
      break;
    case claimcheck::v1::QUALIFIER_AT_LEAST:
      lo = Bound{*value, false};
      break;
    case claimcheck::v1::QUALIFIER_LESS_THAN:
      lo = Bound{Decimal(), false};
      hi = Bound{*value, true};
      break;
    case claimcheck::v1::QUALIFIER_AT_MOST:
      lo = Bound{Decimal(), false};
      hi = Bound{*value, false};
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown qualifier ", amount.qualifier()));
  }
  ValueInterval out;
  if (lo.has_value()) {
    absl::StatusOr<Decimal> v = MulAll(lo->value, to_canonical);
    if (!v.ok()) return v.status();
    out.lo = Bound{*v, lo->open};
  }
  if (hi.has_value()) {
    absl::StatusOr<Decimal> v = MulAll(hi->value, to_canonical);
    if (!v.ok()) return v.status();
    out.hi = Bound{*v, hi->open};
  }
  return out;
}

std::string FormatInterval(const ValueInterval& interval,
                           absl::string_view unit) {
  const std::string suffix = unit.empty() ? "" : absl::StrCat(" ", unit);
  if (interval.lo.has_value() && interval.hi.has_value() &&
      !interval.lo->open && !interval.hi->open &&
      Decimal::Compare(interval.lo->value, interval.hi->value) == 0) {
    return absl::StrCat(FormatBoundValue(interval.lo->value), suffix);
  }
  std::string lo = interval.lo.has_value()
                       ? absl::StrCat(interval.lo->open ? "(" : "[",
                                      FormatBoundValue(interval.lo->value))
                       : "(-inf";
  std::string hi = interval.hi.has_value()
                       ? absl::StrCat(FormatBoundValue(interval.hi->value),
                                      interval.hi->open ? ")" : "]")
                       : "inf)";
  return absl::StrCat(lo, ", ", hi, suffix);
}

std::string DescribeAmount(const Amount& amount) {
  if (!amount.text().empty()) return amount.text();
  static const char* kScales[] = {"", " thousand", " million", " billion",
                                  " trillion"};
  const int s = amount.scale();
  return absl::StrCat(amount.value(), s >= 0 && s <= 4 ? kScales[s] : "",
                      amount.unit().empty() ? "" : " ", amount.unit());
}

}  // namespace claimcheck

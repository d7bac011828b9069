#include "claims/decimal.h"

#include <cmath>
#include <cstdio>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace claimcheck {
namespace {

using int128 = __int128;
// Mantissas stay below 10^36 so products of two normalized decimals are
// checked before they overflow.
constexpr int kMaxDigits = 36;

int128 Pow10Int(int n) {
  int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

const int128 kMantissaLimit = Pow10Int(kMaxDigits);
// Figures as written have at most this many digits after the point, so
// exponents stay far from the 10^38 limit of 128-bit powers of ten.
constexpr int kMaxFractionDigits = 18;

int128 Abs(int128 v) { return v < 0 ? -v : v; }

std::string Int128ToString(int128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  std::string s;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    s.insert(s.begin(), static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (neg) s.insert(s.begin(), '-');
  return s;
}

// Scales `m` by 10^n, n >= 0; false on overflow.
bool ScaleUp(int128* m, int n) {
  for (int i = 0; i < n; ++i) {
    if (Abs(*m) >= kMantissaLimit) return false;
    *m *= 10;
  }
  return true;
}

}  // namespace

Decimal Decimal::Normalized() const {
  if (mantissa_ == 0) return Decimal(0, 0);
  int128 m = mantissa_;
  int e = exponent_;
  while (m % 10 == 0) {
    m /= 10;
    ++e;
  }
  return Decimal(m, e);
}

absl::StatusOr<Decimal> Decimal::Parse(absl::string_view text, int* last_digit,
                                       int* trailing_zeros) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int128 mantissa = 0;
  int digits = 0, fraction_digits = 0, zeros_run = 0;
  bool seen_point = false, any_digit = false;
  char prev = '\0';
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (digits >= kMaxDigits) {
        return absl::InvalidArgumentError(absl::StrCat(
            "'", text, "' has more than ", kMaxDigits, " digits"));
      }
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa != 0) ++digits;
      any_digit = true;
      if (seen_point && ++fraction_digits > kMaxFractionDigits) {
        return absl::InvalidArgumentError(absl::StrCat(
            "'", text, "' has more than ", kMaxFractionDigits,
            " digits after the point"));
      }
      zeros_run = (c == '0') ? zeros_run + 1 : 0;
    } else if (c == ',' && !seen_point && any_digit) {
      // Thousands separator: must be followed by exactly three digits.
      size_t j = i + 1;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j - (i + 1) != 3) {
        return absl::InvalidArgumentError(absl::StrCat(
            "'", text, "' is not a number: misplaced ',' separator"));
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("'", text, "' is not a decimal number (digits, ',' and "
                                  "'.' only)"));
    }
    prev = c;
  }
  if (!any_digit || prev == '.') {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a decimal number"));
  }
  if (last_digit != nullptr) *last_digit = -fraction_digits;
  if (trailing_zeros != nullptr) {
    *trailing_zeros = (seen_point || mantissa == 0) ? 0 : zeros_run;
  }
  return Decimal(negative ? -mantissa : mantissa, -fraction_digits);
}

absl::StatusOr<Decimal> Decimal::FromDouble(double v) {
  if (!std::isfinite(v)) {
    return absl::InvalidArgumentError("number is not finite");
  }
  if (std::fabs(v) > 1e18) {
    return absl::InvalidArgumentError("number is too large");
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12f", v);
  return Parse(buf);
}

std::optional<Decimal> Decimal::Add(const Decimal& a, const Decimal& b) {
  Decimal x = a.Normalized(), y = b.Normalized();
  const int e = std::min(x.exponent_, y.exponent_);
  int128 mx = x.mantissa_, my = y.mantissa_;
  if (!ScaleUp(&mx, x.exponent_ - e) || !ScaleUp(&my, y.exponent_ - e)) {
    return std::nullopt;
  }
  const int128 sum = mx + my;  // |mx|, |my| < 10^37: no wrap
  const Decimal out = Decimal(sum, e).Normalized();
  if (Abs(out.mantissa_) >= kMantissaLimit) return std::nullopt;
  return out;
}

std::optional<Decimal> Decimal::Mul(const Decimal& a, const Decimal& b) {
  Decimal x = a.Normalized(), y = b.Normalized();
  if (x.mantissa_ == 0 || y.mantissa_ == 0) return Decimal();
  // |mx|, |my| < 10^36 each: check the product fits below 10^36.
  if (Abs(x.mantissa_) > kMantissaLimit / Abs(y.mantissa_)) {
    return std::nullopt;
  }
  return Decimal(x.mantissa_ * y.mantissa_, x.exponent_ + y.exponent_)
      .Normalized();
}

int Decimal::Compare(const Decimal& a, const Decimal& b) {
  std::optional<Decimal> d = Add(a, b.Negated());
  if (!d.has_value()) {
    // Only reachable for wildly different magnitudes: compare by sign, then
    // by magnitude order.
    if (a.mantissa_ < 0 != b.mantissa_ < 0) return a.mantissa_ < 0 ? -1 : 1;
    const Decimal na = a.Normalized(), nb = b.Normalized();
    const int oa = static_cast<int>(Int128ToString(Abs(na.mantissa_)).size()) +
                   na.exponent_;
    const int ob = static_cast<int>(Int128ToString(Abs(nb.mantissa_)).size()) +
                   nb.exponent_;
    const int sign = a.mantissa_ < 0 ? -1 : 1;
    return oa < ob ? -sign : sign;
  }
  return d->mantissa_ < 0 ? -1 : (d->mantissa_ > 0 ? 1 : 0);
}

bool Decimal::AbsAtMostPow10(int k) const {
  if (mantissa_ == 0) return true;
  // |m| < 10^38: its digit count by comparisons, then |m| x 10^e lies in
  // [10^(digits - 1 + e), 10^(digits + e)).
  const int128 m = Abs(mantissa_);
  int digits = 1;
  for (int128 p = 10; digits < 38 && m >= p; p *= 10) ++digits;
  const int low = digits - 1 + exponent_;  // |this| >= 10^low
  if (low > k) return false;
  if (low < k) return true;
  return m == Pow10Int(digits - 1);  // exactly 10^k, or above it
}

namespace {

// Rounds m x 10^e to an integer, towards -inf (floor) or +inf.
std::optional<int128> RoundToInteger(int128 m, int e, bool floor) {
  if (e >= 0) {
    if (!ScaleUp(&m, e)) return std::nullopt;
    return m;
  }
  if (-e > kMaxDigits) {  // |value| < 10^-0: only the sign matters
    if (m == 0) return 0;
    return floor ? (m < 0 ? -1 : 0) : (m > 0 ? 1 : 0);
  }
  const int128 p = Pow10Int(-e);
  int128 q = m / p;  // truncates towards zero
  if (m % p != 0) {
    if (floor && m < 0) --q;
    if (!floor && m > 0) ++q;
  }
  return q;
}

std::optional<int64_t> ToInt64(std::optional<int128> v) {
  if (!v.has_value() || *v > INT64_MAX || *v < INT64_MIN) return std::nullopt;
  return static_cast<int64_t>(*v);
}

}  // namespace

std::optional<int64_t> Decimal::Floor() const {
  const Decimal n = Normalized();
  return ToInt64(RoundToInteger(n.mantissa_, n.exponent_, /*floor=*/true));
}

std::optional<int64_t> Decimal::Ceil() const {
  const Decimal n = Normalized();
  return ToInt64(RoundToInteger(n.mantissa_, n.exponent_, /*floor=*/false));
}

std::string Decimal::ToString() const {
  const Decimal n = Normalized();
  if (n.exponent_ >= 0) {
    return Int128ToString(n.mantissa_) + std::string(n.exponent_, '0');
  }
  std::string digits = Int128ToString(Abs(n.mantissa_));
  const size_t frac = static_cast<size_t>(-n.exponent_);
  if (digits.size() <= frac) {
    digits.insert(0, frac - digits.size() + 1, '0');
  }
  digits.insert(digits.size() - frac, ".");
  return (n.mantissa_ < 0 ? "-" : "") + digits;
}

std::string Decimal::ToRationalString() const {
  const Decimal n = Normalized();
  if (n.exponent_ >= 0) return ToString();
  if (-n.exponent_ > kMaxDigits) {
    // The denominator would not fit in 128 bits: write it out in decimal.
    return absl::StrCat(Int128ToString(n.mantissa_), "/1",
                        std::string(static_cast<size_t>(-n.exponent_), '0'));
  }
  return absl::StrCat(Int128ToString(n.mantissa_), "/",
                      Int128ToString(Pow10Int(-n.exponent_)));
}

std::string Decimal::Format(int max_fraction) const {
  // Round half away from zero to `max_fraction` digits.
  Decimal n = Normalized();
  if (n.exponent_ < -max_fraction) {
    const int drop = -max_fraction - n.exponent_;
    if (drop > kMaxDigits) return "0";  // rounds to zero at this precision
    const int128 p = Pow10Int(drop);
    int128 q = Abs(n.mantissa_) / p;
    if (Abs(n.mantissa_) % p * 2 >= p) ++q;
    n = Decimal(n.mantissa_ < 0 ? -q : q, -max_fraction).Normalized();
  }
  std::string s = n.ToString();
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t point = s.find('.');
  size_t whole_end = point == std::string::npos ? s.size() : point;
  for (int pos = static_cast<int>(whole_end) - 3; pos > 0; pos -= 3) {
    s.insert(static_cast<size_t>(pos), ",");
  }
  return neg ? "-" + s : s;
}

}  // namespace claimcheck

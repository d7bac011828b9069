// Exact decimal numbers: mantissa x 10^exponent with a 128-bit mantissa.
//
// Stated figures, scales, unit factors (1 mile = 1.609344 km) and tolerances
// are all decimals, so every bound the encoders compute is exact. Operations
// that would overflow report it instead of wrapping.
#ifndef CLAIMCHECK_CLAIMS_DECIMAL_H_
#define CLAIMCHECK_CLAIMS_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

class Decimal {
 public:
  Decimal() = default;
  static Decimal FromInt(int64_t v) { return Decimal(v, 0); }
  // 10^exponent.
  static Decimal Pow10(int exponent) { return Decimal(1, exponent); }

  // Parses a figure as written: optional '-', digits with optional ','
  // thousands separators, optional '.' and fraction digits. `last_digit`
  // receives the power of ten of the last written digit ("12.4" -> -1,
  // "790" -> 0), and `trailing_zeros` the count of zeros ending a whole
  // number ("1,100" -> 2).
  static absl::StatusOr<Decimal> Parse(absl::string_view text,
                                       int* last_digit = nullptr,
                                       int* trailing_zeros = nullptr);
  // From a double given in options (tolerances); exact to 12 digits.
  static absl::StatusOr<Decimal> FromDouble(double v);

  // nullopt on overflow.
  static std::optional<Decimal> Add(const Decimal& a, const Decimal& b);
  static std::optional<Decimal> Mul(const Decimal& a, const Decimal& b);
  Decimal Negated() const { return Decimal(-mantissa_, exponent_); }

  // -1, 0 or 1.
  static int Compare(const Decimal& a, const Decimal& b);
  // |this| <= 10^k, by the mantissa's digit count: no arithmetic, where
  // Compare against 10^k scales both (validation makes this test for every
  // amount's bounds).
  bool AbsAtMostPow10(int k) const;
  bool IsZero() const { return mantissa_ == 0; }
  bool IsNegative() const { return mantissa_ < 0; }

  // Rounded towards -inf / +inf; nullopt when outside int64.
  std::optional<int64_t> Floor() const;
  std::optional<int64_t> Ceil() const;

  // Plain decimal notation, trailing zeros of the fraction dropped: "1094.35".
  std::string ToString() const;
  // Z3 numeral syntax: "p/q" or "p".
  std::string ToRationalString() const;
  // Readable with a thousands separator and at most `max_fraction` digits:
  // "1,094.35".
  std::string Format(int max_fraction = 3) const;

 private:
  Decimal(__int128 mantissa, int exponent)
      : mantissa_(mantissa), exponent_(exponent) {}
  Decimal Normalized() const;

  __int128 mantissa_ = 0;
  int exponent_ = 0;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_DECIMAL_H_

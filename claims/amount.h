// Stated amounts to value intervals (SEMANTICS.md, "Vague amounts").
//
// A figure with its unit, scale, qualifier and rounding becomes an interval in
// the unit's canonical unit: km for lengths, m3 for volumes, the currency for
// money, percent, a plain count, and days, months or years for durations.
#ifndef CLAIMCHECK_CLAIMS_AMOUNT_H_
#define CLAIMCHECK_CLAIMS_AMOUNT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claims/decimal.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {

enum class UnitKind {
  kLength,
  kVolume,
  kMoney,
  kPercent,
  kCount,
  kDays,
  kMonths,
  kYears,
};

struct Unit {
  UnitKind kind;
  Decimal factor;         // canonical units per stated unit
  std::string canonical;  // "km", "m3", "USD", "percent", "", "days", ...
};

// Looks up a unit name (case-insensitive, singular or plural). Unknown words
// are count nouns ("doses"); an all-capital three-letter code is a currency.
Unit LookupUnit(absl::string_view name);

// Whether values in `unit` can be values of a measure of `dimension` (and,
// for money, of `currency`).
bool UnitFitsMeasure(const Unit& unit, claimcheck::v1::Dimension dimension,
                     absl::string_view currency);

struct Bound {
  Decimal value;
  bool open = false;
};

// An interval of canonical values; an absent bound is infinite.
struct ValueInterval {
  std::optional<Bound> lo;
  std::optional<Bound> hi;
};

struct AmountSettings {
  claimcheck::v1::Rounding rounding = claimcheck::v1::ROUNDING_LAST_DIGIT;
  Decimal about = *Decimal::Parse("0.1");
  Decimal nearly = *Decimal::Parse("0.1");
};

// The interval an amount states, in its unit's canonical unit. Fails when the
// figure does not parse or the result would overflow.
absl::StatusOr<ValueInterval> AmountInterval(
    const claimcheck::v1::Amount& amount, const AmountSettings& settings);

// "[789,500,000, 790,500,000] USD", "(2,000,000,000, inf) USD", "{10} days".
std::string FormatInterval(const ValueInterval& interval,
                           absl::string_view unit);

// The amount as a person wrote it: its text, or "790 million USD".
std::string DescribeAmount(const claimcheck::v1::Amount& amount);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_AMOUNT_H_

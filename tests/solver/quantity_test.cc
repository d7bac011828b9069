// Quantity claims (SEMANTICS.md, "Vague amounts" and claim kind 5): rounding
// intervals, qualifiers, scales and exact unit conversion.
#include "gtest/gtest.h"
#include "tests/testing/check_util.h"

namespace claimcheck::testing {
namespace {

using claimcheck::v1::CheckOptions;
using claimcheck::v1::VERDICT_CONSISTENT;
using claimcheck::v1::VERDICT_INCONSISTENT;
using claimcheck::v1::VERDICT_INVALID_INPUT;

CheckOptions Rounding(claimcheck::v1::Rounding r) {
  CheckOptions o;
  o.set_rounding(r);
  return o;
}

CheckOptions About(double fraction) {
  CheckOptions o;
  o.mutable_tolerances()->set_about(fraction);
  return o;
}

const CheckCase kCases[] = {
    // "$790 million" is [789.5, 790.5] million.
    {"WithinRounding",
     Qty("a", "usd", "790", "USD", "SCALE_MILLION") +
         Qty("b", "usd", "790.4", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    // Adjacent rounding intervals share their closed end, 790.5 million.
    {"AdjacentRoundingShareEnd",
     Qty("a", "usd", "790", "USD", "SCALE_MILLION") +
         Qty("b", "usd", "791", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    {"TwoMillionApart",
     Qty("a", "usd", "790", "USD", "SCALE_MILLION") +
         Qty("b", "usd", "792", "USD", "SCALE_MILLION"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // "$2 billion" is [1.5, 2.5] billion: 2,000 million fits.
    {"ScalesConvert",
     Qty("a", "usd", "2", "USD", "SCALE_BILLION") +
         Qty("b", "usd", "2,400", "USD", "SCALE_MILLION"),
     VERDICT_CONSISTENT},
    {"ScalesConvertOutside",
     Qty("a", "usd", "2", "USD", "SCALE_BILLION") +
         Qty("b", "usd", "2,600", "USD", "SCALE_MILLION"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // 680 miles = 1,094.35 km: under the default last-digit rounding,
    // "1,100 km" is [1099.5, 1100.5] and the two do not meet ...
    {"KilometresVsMilesLastDigit",
     Qty("a", "len", "1,100", "km") + Qty("b", "len", "680", "mile"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    // ... with significant figures "1,100" is [1050, 1150] and they do.
    {"KilometresVsMilesSignificantFigures",
     Qty("a", "len", "1,100", "km") + Qty("b", "len", "680", "mile"),
     VERDICT_CONSISTENT, {}, Rounding(claimcheck::v1::ROUNDING_SIGNIFICANT_FIGURES)},
    {"ExactRounding",
     Qty("a", "usd", "790", "USD") + Qty("b", "usd", "790.4", "USD"),
     VERDICT_INCONSISTENT, {{"a", "b"}}, Rounding(claimcheck::v1::ROUNDING_EXACT)},
    // "about 50" is [45, 55].
    {"AboutFifty",
     Qty("a", "cnt", "50", "", "", "QUALIFIER_ABOUT") + Qty("b", "cnt", "54", ""),
     VERDICT_CONSISTENT},
    {"AboutFiftyNotFiftySix",
     Qty("a", "cnt", "50", "", "", "QUALIFIER_ABOUT") + Qty("b", "cnt", "56", ""),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"AboutToleranceOption",
     Qty("a", "cnt", "50", "", "", "QUALIFIER_ABOUT") + Qty("b", "cnt", "56", ""),
     VERDICT_CONSISTENT, {}, About(0.2)},
    // "almost 30 per cent" is [27, 30].
    {"NearlyIsBelow",
     Qty("a", "pct", "30", "percent", "", "QUALIFIER_NEARLY") +
         Qty("b", "pct", "30.2", "percent"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"MoreThanVsEstimated",
     Qty("a", "usd", "2", "USD", "SCALE_BILLION", "QUALIFIER_MORE_THAN") +
         Qty("b", "usd", "2", "USD", "SCALE_BILLION", "QUALIFIER_ABOUT"),
     VERDICT_CONSISTENT},
    {"MoreThanIsOpen",
     Qty("a", "usd", "2", "USD", "SCALE_BILLION", "QUALIFIER_MORE_THAN") +
         Qty("b", "usd", "2", "USD", "SCALE_BILLION", "QUALIFIER_AT_MOST"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"LessThanVsAtLeast",
     Qty("a", "cnt", "5", "", "", "QUALIFIER_LESS_THAN") +
         Qty("b", "cnt", "5", "", "", "QUALIFIER_AT_LEAST"),
     VERDICT_INCONSISTENT, {{"a", "b"}}},
    {"UpToHoldsTheBound",
     Qty("a", "cnt", "12.4", "", "", "QUALIFIER_AT_MOST") + Qty("b", "cnt", "12.4", ""),
     VERDICT_CONSISTENT},
    // Currency amounts compare only within one currency.
    {"CurrencyMismatchIsInvalid", Qty("a", "pkr", "5", "USD"),
     VERDICT_INVALID_INPUT},
    {"DimensionMismatchIsInvalid", Qty("a", "len", "5", "USD"),
     VERDICT_INVALID_INPUT},
};

class QuantityTest : public ::testing::TestWithParam<CheckCase> {};
TEST_P(QuantityTest, Verdict) { ExpectCase(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Semantics, QuantityTest, ::testing::ValuesIn(kCases),
                         CaseName);

}  // namespace
}  // namespace claimcheck::testing

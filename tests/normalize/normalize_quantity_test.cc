#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "claims/normalize.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"
#include "tests/normalize/variants.h"

namespace claimcheck {
namespace {

using ::claimcheck::testing::AllVariants;
using ::claimcheck::testing::ApplyVariant;
using ::claimcheck::testing::Canonical;
using ::claimcheck::testing::Named;
using ::claimcheck::testing::Variant;
using ::claimcheck::testing::VariantName;
using ::claimcheck::v1::Qualifier;
using ::claimcheck::v1::Scale;
using ::testing::HasSubstr;

constexpr Qualifier kExact = claimcheck::v1::QUALIFIER_UNSPECIFIED;
constexpr Qualifier kAbout = claimcheck::v1::QUALIFIER_ABOUT;
constexpr Qualifier kNearly = claimcheck::v1::QUALIFIER_NEARLY;
constexpr Qualifier kMoreThan = claimcheck::v1::QUALIFIER_MORE_THAN;
constexpr Qualifier kAtLeast = claimcheck::v1::QUALIFIER_AT_LEAST;
constexpr Qualifier kLessThan = claimcheck::v1::QUALIFIER_LESS_THAN;
constexpr Qualifier kAtMost = claimcheck::v1::QUALIFIER_AT_MOST;

constexpr Scale kOne = claimcheck::v1::SCALE_UNSPECIFIED;
constexpr Scale kThousand = claimcheck::v1::SCALE_THOUSAND;
constexpr Scale kMillion = claimcheck::v1::SCALE_MILLION;
constexpr Scale kBillion = claimcheck::v1::SCALE_BILLION;
constexpr Scale kTrillion = claimcheck::v1::SCALE_TRILLION;

struct QuantityCase {
  std::string name;
  std::string phrase;
  std::string value;
  Scale scale = kOne;
  std::string unit;
  Qualifier qualifier = kExact;
  std::optional<std::string> span;  // unset: the whole phrase
  bool warns = false;

  QuantityCase Q(Qualifier q) const {
    QuantityCase c = *this;
    c.qualifier = q;
    return c;
  }
  QuantityCase TextSpan(std::string s) const {
    QuantityCase c = *this;
    c.span = std::move(s);
    return c;
  }
  QuantityCase Warns() const {
    QuantityCase c = *this;
    c.warns = true;
    return c;
  }
};
void PrintTo(const QuantityCase& c, std::ostream* os) { *os << '"' << c.phrase << '"'; }

QuantityCase Qt(std::string phrase, std::string value, Scale scale, std::string unit) {
  QuantityCase c;
  c.phrase = std::move(phrase);
  c.value = std::move(value);
  c.scale = scale;
  c.unit = std::move(unit);
  return c;
}
// Dollars written "$" alone: read as USD, with a warning.
QuantityCase Usd(std::string phrase, std::string value, Scale scale) {
  return Qt(std::move(phrase), std::move(value), scale, "USD").Warns();
}

std::vector<QuantityCase> QuantityCases() {
  return Named<QuantityCase>({
      // --- Money ---------------------------------------------------------------
      Qt("US$310 mn", "310", kMillion, "USD"),
      Qt("US$ 310 mn", "310", kMillion, "USD"),
      Qt("US $310 mn", "310", kMillion, "USD"),
      Qt("US$310mn", "310", kMillion, "USD"),
      Qt("US$310 million", "310", kMillion, "USD"),
      Qt("US$310m", "310", kMillion, "USD"),
      Qt("US$310 m", "310", kMillion, "USD"),
      Qt("US$310 mln", "310", kMillion, "USD"),
      Qt("USD 310 million", "310", kMillion, "USD"),
      Qt("310 million USD", "310", kMillion, "USD"),
      Qt("310 million US dollars", "310", kMillion, "USD"),
      Usd("$383 million", "383", kMillion),
      Usd("$383 mn", "383", kMillion),
      Usd("$383m", "383", kMillion),
      Usd("$383 m", "383", kMillion),
      Usd("$ 383 million", "383", kMillion),
      Usd("just $383 million", "383", kMillion).TextSpan("$383 million"),
      Usd("only $383 million", "383", kMillion).TextSpan("$383 million"),
      Usd("$429 million", "429", kMillion),
      Usd("$314 million", "314", kMillion),
      Usd("$790 million", "790", kMillion),
      Usd("$790m", "790", kMillion),
      Usd("$2 billion", "2", kBillion),
      Usd("$2 bn", "2", kBillion),
      Usd("$2bn", "2", kBillion),
      Usd("$2b", "2", kBillion),
      Usd("$2 bln", "2", kBillion),
      Usd("more than $2 billion", "2", kBillion).Q(kMoreThan),
      Usd("more than $ 2 billion", "2", kBillion).Q(kMoreThan),
      Usd("More than $2bn", "2", kBillion).Q(kMoreThan),
      Usd("over $2 billion", "2", kBillion).Q(kMoreThan),
      Usd("above $2 billion", "2", kBillion).Q(kMoreThan),
      Usd("in excess of $2 billion", "2", kBillion).Q(kMoreThan),
      Usd("just over $2 billion", "2", kBillion).Q(kMoreThan),
      Usd("at least $2 billion", "2", kBillion).Q(kAtLeast),
      Usd("no less than $2 billion", "2", kBillion).Q(kAtLeast),
      Usd("less than $2 billion", "2", kBillion).Q(kLessThan),
      Usd("under $2 billion", "2", kBillion).Q(kLessThan),
      Usd("below $2 billion", "2", kBillion).Q(kLessThan),
      Usd("up to $2 billion", "2", kBillion).Q(kAtMost),
      Usd("at most $2 billion", "2", kBillion).Q(kAtMost),
      Usd("no more than $2 billion", "2", kBillion).Q(kAtMost),
      Usd("about $2 billion", "2", kBillion).Q(kAbout),
      Usd("around $2 billion", "2", kBillion).Q(kAbout),
      Usd("some $2 billion", "2", kBillion).Q(kAbout),
      Usd("roughly $2 billion", "2", kBillion).Q(kAbout),
      Usd("approximately $2 billion", "2", kBillion).Q(kAbout),
      Usd("approx. $2 billion", "2", kBillion).Q(kAbout),
      Usd("an estimated $2 billion", "2", kBillion).Q(kAbout),
      Usd("estimated $2 billion", "2", kBillion).Q(kAbout),
      Usd("nearly $2 billion", "2", kBillion).Q(kNearly),
      Usd("almost $2 billion", "2", kBillion).Q(kNearly),
      Usd("just under $2 billion", "2", kBillion).Q(kNearly),
      Qt("US$ 1 trillion", "1", kTrillion, "USD"),
      Qt("US$1 trillion", "1", kTrillion, "USD"),
      Qt("US$ 1 tn", "1", kTrillion, "USD"),
      Qt("US$1trn", "1", kTrillion, "USD"),
      Qt("nearly US$ 1 trillion", "1", kTrillion, "USD").Q(kNearly),
      Qt("almost US$1 trillion", "1", kTrillion, "USD").Q(kNearly),
      Usd("$14 billion", "14", kBillion),
      Usd("$14bn", "14", kBillion),
      Usd("$400 bn", "400", kBillion),
      Usd("$400bn", "400", kBillion),
      Usd("$400 billion", "400", kBillion),
      Qt("US$400 bn", "400", kBillion, "USD"),
      Qt("US$ 400 billion", "400", kBillion, "USD"),
      Usd("$50k", "50", kThousand),
      Usd("$50 thousand", "50", kThousand),
      Usd("$2.5 billion", "2.5", kBillion),
      Qt("a billion dollars", "1", kBillion, "USD").Warns(),
      Qt("5 billion dollars", "5", kBillion, "USD").Warns(),
      Qt("\xE2\x82\xAC" "5 billion", "5", kBillion, "EUR"),
      Qt("EUR 5 billion", "5", kBillion, "EUR"),
      Qt("5 billion euros", "5", kBillion, "EUR"),
      Qt("\xC2\xA3" "5m", "5", kMillion, "GBP"),
      Qt("PKR 5 billion", "5", kBillion, "PKR"),
      Qt("5 billion PKR", "5", kBillion, "PKR"),
      Qt("10 billion yuan", "10", kBillion, "CNY"),
      // --- Lengths ---------------------------------------------------------------
      Qt("1,100-kilometre", "1,100", kOne, "km"),
      Qt("1,100 kilometre", "1,100", kOne, "km"),
      Qt("1,100 kilometres", "1,100", kOne, "km"),
      Qt("1,100-kilometer", "1,100", kOne, "km"),
      Qt("1,100 kilometers", "1,100", kOne, "km"),
      Qt("1,100 km", "1,100", kOne, "km"),
      Qt("1,100-km", "1,100", kOne, "km"),
      Qt("1,100km", "1,100", kOne, "km"),
      Qt("1,100 kms", "1,100", kOne, "km"),
      Qt("1100 km", "1100", kOne, "km"),
      Qt("1,100-kilometre-long", "1,100", kOne, "km"),
      Qt("a 1,100-kilometre", "1,100", kOne, "km").TextSpan("1,100-kilometre"),
      Qt("about 1,100 km", "1,100", kOne, "km").Q(kAbout),
      Qt("680-mile", "680", kOne, "mile"),
      Qt("680 miles", "680", kOne, "mile"),
      Qt("680 mile", "680", kOne, "mile"),
      Qt("680-mile-long", "680", kOne, "mile"),
      Qt("680 mi", "680", kOne, "mile"),
      Qt("more than 680 miles", "680", kOne, "mile").Q(kMoreThan),
      Qt("10 metres", "10", kOne, "m"),
      Qt("10 meters", "10", kOne, "m"),
      Qt("10 m", "10", kOne, "m").Warns(),
      // --- Volumes ---------------------------------------------------------------
      Qt("12.4 billion cubic metres", "12.4", kBillion, "m3"),
      Qt("12.4 billion cubic meters", "12.4", kBillion, "m3"),
      Qt("12.4 bn cubic metres", "12.4", kBillion, "m3"),
      Qt("12.4bn cubic metres", "12.4", kBillion, "m3"),
      Qt("12.4 billion m3", "12.4", kBillion, "m3"),
      Qt("12.4 billion m\xC2\xB3", "12.4", kBillion, "m3"),
      Qt("12.4 billion cu m", "12.4", kBillion, "m3"),
      Qt("12.4 bcm", "12.4", kBillion, "m3"),
      Qt("up to 12.4 billion cubic metres", "12.4", kBillion, "m3").Q(kAtMost),
      Qt("up to 12.4 bcm", "12.4", kBillion, "m3").Q(kAtMost),
      Qt("12.4 billion cubic metres of gas", "12.4", kBillion, "m3")
          .TextSpan("12.4 billion cubic metres"),
      Qt("10 m3", "10", kOne, "m3"),
      // --- Percentages -------------------------------------------------------------
      Qt("46 percent", "46", kOne, "percent"),
      Qt("46 per cent", "46", kOne, "percent"),
      Qt("46%", "46", kOne, "percent"),
      Qt("46 %", "46", kOne, "percent"),
      Qt("46 pc", "46", kOne, "percent"),
      Qt("46 pct", "46", kOne, "percent"),
      Qt("46-percent", "46", kOne, "percent"),
      Qt("46-per-cent", "46", kOne, "percent"),
      Qt("46 per-cent", "46", kOne, "percent"),
      Qt("a 46 percent", "46", kOne, "percent").TextSpan("46 percent"),
      Qt("24 per cent", "24", kOne, "percent"),
      Qt("24 percent", "24", kOne, "percent"),
      Qt("24%", "24", kOne, "percent"),
      Qt("24.5%", "24.5", kOne, "percent"),
      Qt("almost 30 per cent", "30", kOne, "percent").Q(kNearly),
      Qt("almost 30 percent", "30", kOne, "percent").Q(kNearly),
      Qt("almost 30%", "30", kOne, "percent").Q(kNearly),
      Qt("nearly 30 per cent", "30", kOne, "percent").Q(kNearly),
      Qt("over 50 per cent", "50", kOne, "percent").Q(kMoreThan),
      Qt("over 50 percent", "50", kOne, "percent").Q(kMoreThan),
      Qt("over 50%", "50", kOne, "percent").Q(kMoreThan),
      Qt("more than 50 per cent", "50", kOne, "percent").Q(kMoreThan),
      Qt("over 50 per cent of Russian arms sales", "50", kOne, "percent")
          .Q(kMoreThan)
          .TextSpan("over 50 per cent"),
      Qt("at least 50%", "50", kOne, "percent").Q(kAtLeast),
      Qt("less than 5 per cent", "5", kOne, "percent").Q(kLessThan),
      Qt("fifty percent", "50", kOne, "percent"),
      // --- Counts -------------------------------------------------------------------
      Qt("about 50", "50", kOne, "").Q(kAbout),
      Qt("around 50", "50", kOne, "").Q(kAbout),
      Qt("some 50", "50", kOne, "").Q(kAbout),
      Qt("roughly 50", "50", kOne, "").Q(kAbout),
      Qt("four", "4", kOne, ""),
      Qt("nine", "9", kOne, ""),
      Qt("twenty-five", "25", kOne, ""),
      Qt("ninety nine", "99", kOne, ""),
      Qt("50", "50", kOne, ""),
      Qt("50,000", "50,000", kOne, ""),
      Qt("50,000 doses", "50,000", kOne, "doses"),
      Qt("50000 doses", "50000", kOne, "doses"),
      Qt("50,000 doses of anti-Covid vaccine", "50,000", kOne, "doses")
          .TextSpan("50,000 doses"),
      Qt("50,000 vaccine doses", "50,000", kOne, "vaccine doses"),
      Qt("5 million doses", "5", kMillion, "doses"),
      Qt("5m doses", "5", kMillion, "doses"),
      Qt("5 mn doses", "5", kMillion, "doses"),
      Qt("five million doses", "5", kMillion, "doses"),
      Qt("about 5 million doses", "5", kMillion, "doses").Q(kAbout),
      Qt("around 5 million doses", "5", kMillion, "doses").Q(kAbout),
      Qt("about 5m doses", "5", kMillion, "doses").Q(kAbout),
      Qt("150,000 more", "150,000", kOne, "").Warns(),
      Qt("150,000 more doses", "150,000", kOne, "doses").Warns(),
      Qt("50+", "50", kOne, "").Q(kAtLeast),
      Qt("50 or more", "50", kOne, "").Q(kAtLeast),
      Qt("50-plus", "50", kOne, "").Q(kAtLeast),
      Qt("15 or so", "15", kOne, "").Q(kAbout),
      Qt("100 or fewer", "100", kOne, "").Q(kAtMost),
      Qt("2 thousand", "2", kThousand, ""),
      Qt("50k", "50", kThousand, ""),
      Qt("two million", "2", kMillion, ""),
      Qt("1,000 troops", "1,000", kOne, "troops"),
      Qt("1,000 people", "1,000", kOne, "people"),
      Qt("about 50 helicopters", "50", kOne, "helicopters").Q(kAbout),
      Qt("10 days", "10", kOne, "day"),
      Qt("3 years", "3", kOne, "year"),
  });
}

void ExpectQuantity(const QuantityCase& want, absl::string_view phrase,
                    const absl::StatusOr<NormalizedQuantity>& got, bool variant) {
  ASSERT_TRUE(got.ok()) << got.status();
  const claimcheck::v1::Amount& a = got->amount;
  EXPECT_EQ(a.value(), want.value);
  EXPECT_EQ(a.scale(), want.scale);
  EXPECT_EQ(a.unit(), want.unit);
  EXPECT_EQ(a.qualifier(), want.qualifier);
  EXPECT_EQ(a.rounding(), claimcheck::v1::ROUNDING_UNSPECIFIED);
  EXPECT_EQ(a.text(), absl::StripAsciiWhitespace(phrase));
  EXPECT_EQ(!got->warnings.empty(), want.warns)
      << (got->warnings.empty() ? "" : got->warnings[0]);
  ASSERT_LE(got->span.begin, got->span.end);
  ASSERT_LE(got->span.end, phrase.size());
  const absl::string_view span = phrase.substr(got->span.begin, got->span.end - got->span.begin);
  const std::string want_span = want.span.value_or(want.phrase);
  if (variant) {
    EXPECT_EQ(Canonical(span), Canonical(want_span));
  } else {
    EXPECT_EQ(span, want_span);
  }
}

class QuantityTest : public ::testing::TestWithParam<QuantityCase> {};

TEST_P(QuantityTest, Reads) {
  ExpectQuantity(GetParam(), GetParam().phrase, NormalizeQuantity(GetParam().phrase), false);
}

INSTANTIATE_TEST_SUITE_P(Quantities, QuantityTest, ::testing::ValuesIn(QuantityCases()),
                         [](const auto& info) { return info.param.name; });

class QuantityVariantTest
    : public ::testing::TestWithParam<std::tuple<QuantityCase, Variant>> {};

TEST_P(QuantityVariantTest, ReadsTheSame) {
  const auto& [c, v] = GetParam();
  const std::string phrase = ApplyVariant(v, c.phrase);
  SCOPED_TRACE(phrase);
  QuantityCase want = c;
  // Count nouns are kept in lower case.
  ExpectQuantity(want, phrase, NormalizeQuantity(phrase), true);
}

INSTANTIATE_TEST_SUITE_P(
    Quantities, QuantityVariantTest,
    ::testing::Combine(::testing::ValuesIn(QuantityCases()),
                       ::testing::ValuesIn(AllVariants())),
    [](const auto& info) {
      return absl::StrCat(std::get<0>(info.param).name, "_",
                          VariantName(std::get<1>(info.param)));
    });

struct ErrorCase {
  std::string name;
  std::string phrase;
  std::string why;
};
void PrintTo(const ErrorCase& c, std::ostream* os) { *os << '"' << c.phrase << '"'; }

class QuantityErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(QuantityErrorTest, Fails) {
  const absl::StatusOr<NormalizedQuantity> got = NormalizeQuantity(GetParam().phrase);
  ASSERT_FALSE(got.ok()) << got->amount.DebugString();
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(got.status().message()),
              HasSubstr(absl::StrCat("\"", GetParam().phrase, "\" as a quantity")));
  EXPECT_THAT(std::string(got.status().message()), HasSubstr(GetParam().why));
}

INSTANTIATE_TEST_SUITE_P(
    Quantities, QuantityErrorTest,
    ::testing::ValuesIn(Named<ErrorCase>({
        {"", "blue", "no number at 'blue'"},
        {"", "", "empty"},
        {"", "somewhere in time", "no number at 'somewhere'"},
        {"", "$", "no number"},
        {"", "US$", "no number"},
        {"", "about", "no number"},
        {"", "more than", "no number"},
        {"", "Rs 5 billion", "'Rs' names no single currency"},
        {"", "5 billion rupees", "'rupees' names no single currency"},
        {"", "5 million pounds", "'pounds' names no single currency"},
        {"", "1,10", "'1,10' is not a well-formed number"},
        {"", "12,34,567", "not a well-formed number"},
        {"", "four blue", "did not understand 'blue'"},
        {"", "about 50 or more", "two qualifiers"},
        {"", "$5 billion euros", "two different currencies"},
        {"", "10-12 percent", "'10-12' is a range, not one figure"},
        {"", "10 to 12 percent", "'10 to 12' is a range"},
        {"", "5 sq km", "did not understand 'sq'"},
        {"", "ten percent blue", "did not understand 'blue'"},
        {"", "12.4 billion bcm", "'bcm' after a scale"},
        {"", "five billion billion", "did not understand 'billion'"},
        {"", "5b", "did not understand 'b'"},
        {"", "12th", "no number"},
        {"", "a few", "no number"},
        {"", "13/45/2019", "did not understand '/'"},
        {"", "1 gas", "did not understand 'gas'"},
        {"", "2011 of summer", "did not understand 'of'"},
        {"", "0201010", "'0201010' is not a well-formed number"},
        {"", "13 - doses", "did not understand '-'"},
    })),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace claimcheck

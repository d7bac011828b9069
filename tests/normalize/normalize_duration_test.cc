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
using ::testing::HasSubstr;

constexpr Qualifier kExact = claimcheck::v1::QUALIFIER_UNSPECIFIED;
constexpr Qualifier kAbout = claimcheck::v1::QUALIFIER_ABOUT;
constexpr Qualifier kNearly = claimcheck::v1::QUALIFIER_NEARLY;
constexpr Qualifier kMoreThan = claimcheck::v1::QUALIFIER_MORE_THAN;
constexpr Qualifier kAtLeast = claimcheck::v1::QUALIFIER_AT_LEAST;
constexpr Qualifier kLessThan = claimcheck::v1::QUALIFIER_LESS_THAN;
constexpr Qualifier kAtMost = claimcheck::v1::QUALIFIER_AT_MOST;

struct DurationCase {
  std::string name;
  std::string phrase;
  std::string value;
  std::string unit;
  Qualifier qualifier = kExact;
  Direction direction = Direction::kNone;
  std::string lead;
  std::optional<std::string> span;  // unset: the whole phrase
  bool warns = false;

  DurationCase Q(Qualifier q) const {
    DurationCase c = *this;
    c.qualifier = q;
    return c;
  }
  DurationCase After() const {
    DurationCase c = *this;
    c.direction = Direction::kAfter;
    return c;
  }
  DurationCase Before() const {
    DurationCase c = *this;
    c.direction = Direction::kBefore;
    return c;
  }
  DurationCase Lead(std::string l, std::string s) const {
    DurationCase c = *this;
    c.lead = std::move(l);
    c.span = std::move(s);
    return c;
  }
  DurationCase TextSpan(std::string s) const {
    DurationCase c = *this;
    c.span = std::move(s);
    return c;
  }
  DurationCase Warns() const {
    DurationCase c = *this;
    c.warns = true;
    return c;
  }
};
void PrintTo(const DurationCase& c, std::ostream* os) { *os << '"' << c.phrase << '"'; }

DurationCase D(std::string phrase, std::string value, std::string unit) {
  DurationCase c;
  c.phrase = std::move(phrase);
  c.value = std::move(value);
  c.unit = std::move(unit);
  return c;
}

std::vector<DurationCase> DurationCases() {
  return Named<DurationCase>({
      // --- The phrases of the corpus ---------------------------------------------
      D("in nine years", "9", "year").Lead("in", "nine years"),
      D("after a gap of 25 years", "25", "year").Lead("after a gap of", "25 years"),
      D("in 45 years", "45", "year").Lead("in", "45 years"),
      D("nearly a decade", "1", "decade").Q(kNearly),
      D("three decades after", "3", "decade").After(),
      // SEMANTICS.md: decades = at least 20 years.
      D("decades", "2", "decade").Q(kAtLeast),
      D("in the last 15 years or so", "15", "year").Q(kAbout).Lead("in the last",
                                                                  "15 years or so"),
      D("just 10 days after", "10", "day").After().TextSpan("10 days after"),
      D("a day before", "1", "day").Before(),
      D("a decade", "1", "decade"),
      // --- Near variants -------------------------------------------------------------
      D("in 9 years", "9", "year").Lead("in", "9 years"),
      D("nine years", "9", "year"),
      D("9 years", "9", "year"),
      D("9 yrs", "9", "year"),
      D("after a gap of twenty-five years", "25", "year")
          .Lead("after a gap of", "twenty-five years"),
      D("after a gap of twenty five years", "25", "year")
          .Lead("after a gap of", "twenty five years"),
      D("a gap of 25 years", "25", "year").Lead("a gap of", "25 years"),
      D("after 25 years", "25", "year").Lead("after", "25 years"),
      D("after a hiatus of 25 years", "25", "year").Lead("after a hiatus of", "25 years"),
      D("a 25-year gap", "25", "year").TextSpan("25-year gap"),
      D("a 25 year gap", "25", "year").TextSpan("25 year gap"),
      D("after a 25-year gap", "25", "year").Lead("after", "25-year gap"),
      D("a three-year hiatus", "3", "year").TextSpan("three-year hiatus"),
      D("a 10-day gap", "10", "day").TextSpan("10-day gap"),
      D("in forty-five years", "45", "year").Lead("in", "forty-five years"),
      D("almost a decade", "1", "decade").Q(kNearly),
      D("nearly ten years", "10", "year").Q(kNearly),
      D("nearly 10 years", "10", "year").Q(kNearly),
      D("after nearly a decade", "1", "decade").Q(kNearly).Lead("after", "nearly a decade"),
      D("just under a decade", "1", "decade").Q(kNearly),
      D("3 decades after", "3", "decade").After(),
      D("three decades later", "3", "decade").After(),
      D("thirty years after", "30", "year").After(),
      D("Decades", "2", "decade").Q(kAtLeast),
      D("for decades", "2", "decade").Q(kAtLeast).Lead("for", "decades"),
      D("over decades", "2", "decade").Q(kAtLeast).Lead("over", "decades"),
      D("for years", "2", "year").Q(kAtLeast).Lead("for", "years").Warns(),
      D("for months", "2", "month").Q(kAtLeast).Lead("for", "months").Warns(),
      D("the last 15 years or so", "15", "year").Q(kAbout).Lead("the last", "15 years or so"),
      D("over the past 15 years or so", "15", "year")
          .Q(kAbout)
          .Lead("over the past", "15 years or so"),
      D("in the past 15 years", "15", "year").Lead("in the past", "15 years"),
      D("the past two years", "2", "year").Lead("the past", "two years"),
      D("in the last two years", "2", "year").Lead("in the last", "two years"),
      D("in the last decade", "1", "decade").Lead("in the last", "decade"),
      D("the past year", "1", "year").Lead("the past", "year"),
      D("about 15 years", "15", "year").Q(kAbout),
      D("around 15 years", "15", "year").Q(kAbout),
      D("some 15 years", "15", "year").Q(kAbout),
      D("roughly 15 years", "15", "year").Q(kAbout),
      D("approximately 15 years", "15", "year").Q(kAbout),
      D("15 years or so", "15", "year").Q(kAbout),
      D("15 years or more", "15", "year").Q(kAtLeast),
      D("10 days after", "10", "day").After(),
      D("ten days after", "10", "day").After(),
      D("only 10 days after", "10", "day").After().TextSpan("10 days after"),
      D("just ten days later", "10", "day").After().TextSpan("ten days later"),
      D("one day before", "1", "day").Before(),
      D("1 day before", "1", "day").Before(),
      D("a day earlier", "1", "day").Before(),
      D("a decade ago", "1", "decade").Before(),
      D("ten years ago", "10", "year").Before(),
      D("ten years on", "10", "year").After(),
      D("one decade", "1", "decade"),
      D("a week later", "1", "week").After(),
      D("two weeks", "2", "week"),
      D("about three weeks", "3", "week").Q(kAbout),
      D("six months", "6", "month"),
      D("six months later", "6", "month").After(),
      D("18 months", "18", "month"),
      D("a month", "1", "month"),
      D("a year", "1", "year"),
      D("a year earlier", "1", "year").Before(),
      D("more than a decade", "1", "decade").Q(kMoreThan),
      D("over a decade", "1", "decade").Q(kMoreThan),
      D("just over a decade", "1", "decade").Q(kMoreThan),
      D("less than a year", "1", "year").Q(kLessThan),
      D("under a year", "1", "year").Q(kLessThan),
      D("at least three years", "3", "year").Q(kAtLeast),
      D("up to five years", "5", "year").Q(kAtMost),
      D("at most five years", "5", "year").Q(kAtMost),
      D("almost two decades", "2", "decade").Q(kNearly),
      D("twenty-one years", "21", "year"),
      D("twenty one years", "21", "year"),
      D("ninety-nine years", "99", "year"),
      D("eleven years", "11", "year"),
      D("nineteen years", "19", "year"),
      D("twenty years", "20", "year"),
      D("1.5 years", "1.5", "year"),
      D("within 10 days", "10", "day").Lead("within", "10 days"),
      D("for 10 days", "10", "day").Lead("for", "10 days"),
      D("after 10 days", "10", "day").Lead("after", "10 days"),
      D("1,000 years", "1,000", "year"),
  });
}

void ExpectDuration(const DurationCase& want, absl::string_view phrase,
                    const absl::StatusOr<NormalizedDuration>& got, bool variant) {
  ASSERT_TRUE(got.ok()) << got.status();
  const claimcheck::v1::Amount& a = got->amount;
  EXPECT_EQ(a.value(), want.value);
  EXPECT_EQ(a.unit(), want.unit);
  EXPECT_EQ(a.scale(), claimcheck::v1::SCALE_UNSPECIFIED);
  EXPECT_EQ(a.qualifier(), want.qualifier);
  EXPECT_EQ(a.rounding(), claimcheck::v1::ROUNDING_UNSPECIFIED);
  EXPECT_EQ(a.text(), absl::StripAsciiWhitespace(phrase));
  EXPECT_EQ(got->direction, want.direction);
  EXPECT_EQ(got->lead, want.lead);
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

class DurationTest : public ::testing::TestWithParam<DurationCase> {};

TEST_P(DurationTest, Reads) {
  ExpectDuration(GetParam(), GetParam().phrase, NormalizeDuration(GetParam().phrase), false);
}

INSTANTIATE_TEST_SUITE_P(Durations, DurationTest, ::testing::ValuesIn(DurationCases()),
                         [](const auto& info) { return info.param.name; });

class DurationVariantTest
    : public ::testing::TestWithParam<std::tuple<DurationCase, Variant>> {};

TEST_P(DurationVariantTest, ReadsTheSame) {
  const auto& [c, v] = GetParam();
  const std::string phrase = ApplyVariant(v, c.phrase);
  SCOPED_TRACE(phrase);
  ExpectDuration(c, phrase, NormalizeDuration(phrase), true);
}

INSTANTIATE_TEST_SUITE_P(
    Durations, DurationVariantTest,
    ::testing::Combine(::testing::ValuesIn(DurationCases()),
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

class DurationErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DurationErrorTest, Fails) {
  const absl::StatusOr<NormalizedDuration> got = NormalizeDuration(GetParam().phrase);
  ASSERT_FALSE(got.ok()) << got->amount.DebugString();
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(got.status().message()),
              HasSubstr(absl::StrCat("\"", GetParam().phrase, "\" as a duration")));
  EXPECT_THAT(std::string(got.status().message()), HasSubstr(GetParam().why));
}

INSTANTIATE_TEST_SUITE_P(
    Durations, DurationErrorTest,
    ::testing::ValuesIn(Named<ErrorCase>({
        {"", "blue", "did not understand 'blue'"},
        {"", "", "empty"},
        {"", "somewhere in time", "did not understand 'somewhere'"},
        {"", "10 percent", "did not understand 'percent'"},
        {"", "nine", "ends too early"},
        {"", "ten", "ends too early"},
        {"", "a", "ends too early"},
        {"", "years and years", "did not understand 'and'"},
        {"", "a few years", "did not understand 'few'"},
        {"", "in the last few years", "did not understand 'few'"},
        {"", "several decades", "did not understand 'several'"},
        {"", "nearly decades", "'nearly' needs a number"},
        {"", "$5", "did not understand '$'"},
        {"", "10 days blue", "did not understand 'blue'"},
        {"", "one hundred years", "did not understand 'hundred'"},
        {"", "a decade and a half", "did not understand 'and'"},
        {"", "about 15 years or more", "two qualifiers"},
        {"", "1,00 years", "not a well-formed number"},
        {"", "year", "no number before 'year'"},
        {"", "10 centuries", "did not understand 'centuries'"},
    })),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace claimcheck

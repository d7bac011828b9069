// Tests for claims/calendar: civil <-> day conversion, CalendarDate and
// DateSpec intervals, and readable formatting.
#include "claims/calendar.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {
namespace {

using ::claimcheck::v1::CalendarDate;
using ::claimcheck::v1::DateSpec;
using ::testing::HasSubstr;

CalendarDate Date(int year, int month = 0, int day = 0) {
  CalendarDate d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

DateSpec Spec(const std::string& text_proto) {
  DateSpec spec;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text_proto, &spec))
      << text_proto;
  return spec;
}

void ExpectCivil(const Civil& c, int year, int month, int day) {
  EXPECT_EQ(c.year, year);
  EXPECT_EQ(c.month, month);
  EXPECT_EQ(c.day, day);
}

// ---------------------------------------------------------------------------
// IsLeapYear / DaysInMonth
// ---------------------------------------------------------------------------

TEST(IsLeapYearTest, GregorianRules) {
  EXPECT_TRUE(IsLeapYear(2000));   // divisible by 400
  EXPECT_FALSE(IsLeapYear(1900));  // divisible by 100, not 400
  EXPECT_TRUE(IsLeapYear(2012));
  EXPECT_FALSE(IsLeapYear(2013));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_TRUE(IsLeapYear(2400));
  EXPECT_TRUE(IsLeapYear(4));
  EXPECT_FALSE(IsLeapYear(1));
}

TEST(DaysInMonthTest, AllMonths) {
  const int kCommon[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(DaysInMonth(2013, m), kCommon[m - 1]) << "month " << m;
    EXPECT_EQ(DaysInMonth(2012, m), m == 2 ? 29 : kCommon[m - 1])
        << "month " << m;
  }
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
}

// ---------------------------------------------------------------------------
// DaysFromCivil / CivilFromDays
// ---------------------------------------------------------------------------

struct KnownDay {
  int year, month, day;
  int64_t days;  // days since 1970-01-01 (checked against Python's datetime)
};

TEST(DaysFromCivilTest, KnownDays) {
  const KnownDay kKnown[] = {
      {1970, 1, 1, 0},          {1969, 12, 31, -1},
      {1970, 1, 2, 1},          {2000, 2, 29, 11016},
      {2000, 3, 1, 11017},      {1900, 2, 28, -25509},
      {1900, 3, 1, -25508},     {2012, 2, 29, 15399},
      {2013, 2, 28, 15764},     {2013, 3, 1, 15765},
      {2011, 5, 11, 15105},     {2011, 5, 13, 15107},
      {1, 1, 1, -719162},       {9999, 12, 31, 2932896},
  };
  for (const KnownDay& k : kKnown) {
    SCOPED_TRACE(testing::Message() << k.year << "-" << k.month << "-" << k.day);
    EXPECT_EQ(DaysFromCivil(k.year, k.month, k.day), k.days);
    ExpectCivil(CivilFromDays(k.days), k.year, k.month, k.day);
  }
}

TEST(DaysFromCivilTest, EpochIsZero) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  ExpectCivil(CivilFromDays(0), 1970, 1, 1);
}

TEST(DaysFromCivilTest, LeapDay2000FollowedByMarch1) {
  const int64_t leap = DaysFromCivil(2000, 2, 29);
  EXPECT_EQ(DaysFromCivil(2000, 2, 28) + 1, leap);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), leap + 1);
  ExpectCivil(CivilFromDays(leap), 2000, 2, 29);
}

TEST(DaysFromCivilTest, Year1900IsNotLeap) {
  // 28 Feb 1900 is directly followed by 1 March.
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);
  ExpectCivil(CivilFromDays(DaysFromCivil(1900, 2, 28) + 1), 1900, 3, 1);
  // The whole year has 365 days.
  EXPECT_EQ(DaysFromCivil(1901, 1, 1) - DaysFromCivil(1900, 1, 1), 365);
  EXPECT_EQ(DaysFromCivil(2001, 1, 1) - DaysFromCivil(2000, 1, 1), 366);
}

TEST(DaysFromCivilTest, LeapDay2012) {
  const int64_t leap = DaysFromCivil(2012, 2, 29);
  EXPECT_EQ(leap, 15399);
  ExpectCivil(CivilFromDays(leap), 2012, 2, 29);
  ExpectCivil(CivilFromDays(leap + 1), 2012, 3, 1);
  ExpectCivil(CivilFromDays(leap - 1), 2012, 2, 28);
}

TEST(DaysFromCivilTest, Bounds) {
  EXPECT_EQ(MinDay(), -719162);
  EXPECT_EQ(MaxDay(), 2932896);
  ExpectCivil(CivilFromDays(MinDay()), 1, 1, 1);
  ExpectCivil(CivilFromDays(MaxDay()), 9999, 12, 31);
  ExpectCivil(CivilFromDays(MinDay() + 365), 2, 1, 1);  // year 1 not leap
  ExpectCivil(CivilFromDays(MaxDay() - 365), 9998, 12, 31);
}

// Walks every day of the supported range and checks that consecutive days are
// consecutive calendar dates and that the conversion round-trips.
TEST(DaysFromCivilTest, EveryDayRoundTripsAndIsConsecutive) {
  Civil prev = CivilFromDays(MinDay());
  ExpectCivil(prev, 1, 1, 1);
  int failures = 0;
  for (int64_t d = MinDay() + 1; d <= MaxDay() && failures < 5; ++d) {
    const Civil c = CivilFromDays(d);
    Civil expected = prev;
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
    if (c.year != expected.year || c.month != expected.month ||
        c.day != expected.day ||
        DaysFromCivil(c.year, c.month, c.day) != d) {
      ADD_FAILURE() << "day " << d << " -> " << c.year << "-" << c.month << "-"
                    << c.day << ", expected " << expected.year << "-"
                    << expected.month << "-" << expected.day;
      ++failures;
    }
    prev = c;
  }
  ExpectCivil(prev, 9999, 12, 31);
}

// ---------------------------------------------------------------------------
// CalendarDateInterval
// ---------------------------------------------------------------------------

TEST(CalendarDateIntervalTest, YearGranularity) {
  absl::StatusOr<DayInterval> r = CalendarDateInterval(Date(2012));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, DaysFromCivil(2012, 1, 1));
  EXPECT_EQ(r->last, DaysFromCivil(2012, 12, 31));
  EXPECT_EQ(r->last - r->first + 1, 366);
}

TEST(CalendarDateIntervalTest, MonthGranularity) {
  absl::StatusOr<DayInterval> may = CalendarDateInterval(Date(2012, 5));
  ASSERT_TRUE(may.ok()) << may.status();
  EXPECT_EQ(may->first, DaysFromCivil(2012, 5, 1));
  EXPECT_EQ(may->last, DaysFromCivil(2012, 5, 31));

  absl::StatusOr<DayInterval> feb_leap = CalendarDateInterval(Date(2012, 2));
  ASSERT_TRUE(feb_leap.ok());
  EXPECT_EQ(feb_leap->last, DaysFromCivil(2012, 2, 29));

  absl::StatusOr<DayInterval> feb = CalendarDateInterval(Date(2013, 2));
  ASSERT_TRUE(feb.ok());
  EXPECT_EQ(feb->first, DaysFromCivil(2013, 2, 1));
  EXPECT_EQ(feb->last, DaysFromCivil(2013, 2, 28));
}

TEST(CalendarDateIntervalTest, DayGranularity) {
  absl::StatusOr<DayInterval> r = CalendarDateInterval(Date(2011, 5, 11));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, 15105);
  EXPECT_EQ(r->last, 15105);

  absl::StatusOr<DayInterval> leap = CalendarDateInterval(Date(2012, 2, 29));
  ASSERT_TRUE(leap.ok()) << leap.status();
  EXPECT_EQ(leap->first, 15399);
}

TEST(CalendarDateIntervalTest, RangeBounds) {
  absl::StatusOr<DayInterval> first = CalendarDateInterval(Date(1));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->first, MinDay());
  absl::StatusOr<DayInterval> last = CalendarDateInterval(Date(9999, 12));
  ASSERT_TRUE(last.ok()) << last.status();
  EXPECT_EQ(last->last, MaxDay());
}

struct InvalidDateCase {
  const char* name;
  int year, month, day;
  const char* message;  // the exact error message
};

class InvalidCalendarDateTest
    : public testing::TestWithParam<InvalidDateCase> {};

TEST_P(InvalidCalendarDateTest, FailsWithMessage) {
  const InvalidDateCase& c = GetParam();
  absl::StatusOr<DayInterval> r =
      CalendarDateInterval(Date(c.year, c.month, c.day));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, InvalidCalendarDateTest,
    testing::Values(
        InvalidDateCase{"Feb29In2013", 2013, 2, 29,
                        "29 February 2013 does not exist (February 2013 has "
                        "28 days)"},
        InvalidDateCase{"Feb29In1900", 1900, 2, 29,
                        "29 February 1900 does not exist (February 1900 has "
                        "28 days)"},
        InvalidDateCase{"Feb30InLeapYear", 2012, 2, 30,
                        "30 February 2012 does not exist (February 2012 has "
                        "29 days)"},
        InvalidDateCase{"April31", 2011, 4, 31,
                        "31 April 2011 does not exist (April 2011 has 30 "
                        "days)"},
        InvalidDateCase{"Month13", 2012, 13, 1, "month 13 is outside 1..12"},
        InvalidDateCase{"MonthNegative", 2012, -1, 0,
                        "month -1 is outside 1..12"},
        InvalidDateCase{"Day32", 2012, 1, 32,
                        "32 January 2012 does not exist (January 2012 has "
                        "31 days)"},
        InvalidDateCase{"DayWithoutMonth", 2012, 0, 5,
                        "day 5 is given without a month"},
        InvalidDateCase{"Year0", 0, 1, 1, "year 0 is outside 1..9999"},
        InvalidDateCase{"Year10000", 10000, 0, 0,
                        "year 10000 is outside 1..9999"},
        InvalidDateCase{"YearNegative", -5, 3, 3,
                        "year -5 is outside 1..9999"}),
    [](const testing::TestParamInfo<InvalidDateCase>& info) {
      return std::string(info.param.name);
    });

TEST(CalendarDateIntervalTest, NegativeDayIsRejected) {
  absl::StatusOr<DayInterval> r = CalendarDateInterval(Date(2012, 5, -1));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("does not exist"));
}

// ---------------------------------------------------------------------------
// DateSpecInterval
// ---------------------------------------------------------------------------

TEST(DateSpecIntervalTest, StartOnly) {
  absl::StatusOr<DayInterval> r =
      DateSpecInterval(Spec("start { year: 2012 month: 5 }"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, DaysFromCivil(2012, 5, 1));
  EXPECT_EQ(r->last, DaysFromCivil(2012, 5, 31));
}

TEST(DateSpecIntervalTest, DayRange) {
  absl::StatusOr<DayInterval> r = DateSpecInterval(Spec(
      "start { year: 2011 month: 5 day: 11 } end { year: 2011 month: 5 day: 13 }"
      " text: 'May 11-13, 2011'"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, 15105);
  EXPECT_EQ(r->last, 15107);
}

TEST(DateSpecIntervalTest, DecadeFromYearToLastDayOfEndYear) {
  absl::StatusOr<DayInterval> r =
      DateSpecInterval(Spec("start { year: 1970 } end { year: 1979 }"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, 0);
  EXPECT_EQ(r->last, DaysFromCivil(1979, 12, 31));
}

TEST(DateSpecIntervalTest, EndBeforeStart) {
  absl::StatusOr<DayInterval> r =
      DateSpecInterval(Spec("start { year: 2012 } end { year: 2010 }"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "end 2010 is before start 2012");

  absl::StatusOr<DayInterval> days = DateSpecInterval(Spec(
      "start { year: 2011 month: 5 day: 13 } end { year: 2011 month: 5 day: 11 }"));
  ASSERT_FALSE(days.ok());
  EXPECT_EQ(days.status().message(),
            "end 11 May 2011 is before start 13 May 2011");
}

TEST(DateSpecIntervalTest, SameDayStartAndEndIsValid) {
  absl::StatusOr<DayInterval> r = DateSpecInterval(Spec(
      "start { year: 2011 month: 5 day: 11 } end { year: 2011 month: 5 day: 11 }"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->first, 15105);
  EXPECT_EQ(r->last, 15105);
}

TEST(DateSpecIntervalTest, NoStart) {
  absl::StatusOr<DayInterval> r = DateSpecInterval(Spec("end { year: 2010 }"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "date has no start");
  absl::StatusOr<DayInterval> empty = DateSpecInterval(DateSpec());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "date has no start");
}

TEST(DateSpecIntervalTest, InvalidStartAndEndAreNamed) {
  absl::StatusOr<DayInterval> start = DateSpecInterval(
      Spec("start { year: 2013 month: 2 day: 29 } end { year: 2014 }"));
  ASSERT_FALSE(start.ok());
  EXPECT_EQ(start.status().message(),
            "29 February 2013 does not exist (February 2013 has 28 days)");

  absl::StatusOr<DayInterval> end = DateSpecInterval(
      Spec("start { year: 2012 } end { year: 2013 month: 13 }"));
  ASSERT_FALSE(end.ok());
  EXPECT_EQ(end.status().message(), "end: month 13 is outside 1..12");
}

// ---------------------------------------------------------------------------
// FormatDay / FormatDayInterval
// ---------------------------------------------------------------------------

TEST(FormatDayTest, IsoDates) {
  EXPECT_EQ(FormatDay(0), "1970-01-01");
  EXPECT_EQ(FormatDay(15105), "2011-05-11");
  EXPECT_EQ(FormatDay(MinDay()), "0001-01-01");
  EXPECT_EQ(FormatDay(MaxDay()), "9999-12-31");
}

DayInterval Days(int y1, int m1, int d1, int y2, int m2, int d2) {
  return {DaysFromCivil(y1, m1, d1), DaysFromCivil(y2, m2, d2)};
}

TEST(FormatDayIntervalTest, DayRangeWithinAMonth) {
  EXPECT_EQ(FormatDayInterval(Days(2011, 5, 11, 2011, 5, 13)),
            "11-13 May 2011");
}

TEST(FormatDayIntervalTest, WholeMonth) {
  EXPECT_EQ(FormatDayInterval(Days(2012, 5, 1, 2012, 5, 31)), "May 2012");
  EXPECT_EQ(FormatDayInterval(Days(2012, 2, 1, 2012, 2, 29)),
            "February 2012");
  // 1-28 Feb of a leap year is not the whole month.
  EXPECT_EQ(FormatDayInterval(Days(2012, 2, 1, 2012, 2, 28)),
            "1-28 February 2012");
}

TEST(FormatDayIntervalTest, WholeYears) {
  EXPECT_EQ(FormatDayInterval(Days(2012, 1, 1, 2012, 12, 31)), "2012");
  EXPECT_EQ(FormatDayInterval(Days(1965, 1, 1, 1971, 12, 31)), "1965-1971");
}

TEST(FormatDayIntervalTest, SingleDay) {
  EXPECT_EQ(FormatDayInterval(Days(2011, 5, 2, 2011, 5, 2)), "2 May 2011");
  EXPECT_EQ(FormatDayInterval({0, 0}), "1 January 1970");
}

TEST(FormatDayIntervalTest, SeveralMonthsAndArbitraryRanges) {
  EXPECT_EQ(FormatDayInterval(Days(2012, 5, 1, 2012, 7, 31)),
            "May 2012 - July 2012");
  EXPECT_EQ(FormatDayInterval(Days(2011, 12, 1, 2012, 1, 31)),
            "December 2011 - January 2012");
  EXPECT_EQ(FormatDayInterval(Days(2015, 6, 3, 2015, 7, 5)),
            "3 June 2015 - 5 July 2015");
  EXPECT_EQ(FormatDayInterval(Days(2015, 12, 31, 2016, 1, 1)),
            "31 December 2015 - 1 January 2016");
}

TEST(FormatDayIntervalTest, RoundTripsThroughDateSpecInterval) {
  absl::StatusOr<DayInterval> r = DateSpecInterval(Spec(
      "start { year: 2011 month: 5 day: 11 } end { year: 2011 month: 5 day: 13 }"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatDayInterval(*r), "11-13 May 2011");
  absl::StatusOr<DayInterval> decade =
      DateSpecInterval(Spec("start { year: 1970 } end { year: 1979 }"));
  ASSERT_TRUE(decade.ok());
  EXPECT_EQ(FormatDayInterval(*decade), "1970-1979");
}

// The period helpers against the civil date of every day in stretches
// around leap days, year ends and the calendar's two ends: the latest day of
// period at most k is the last day whose period is <= k, and the earliest
// day of period at least k the first day whose period is >= k.
TEST(CalendarTest, PeriodBoundsMatchEveryDay) {
  const int64_t starts[] = {MinDay(), DaysFromCivil(1999, 11, 1),
                            DaysFromCivil(2000, 1, 15), DaysFromCivil(2100, 1, 1),
                            MaxDay() - 800};
  for (const bool months : {false, true}) {
    for (const int64_t start : starts) {
      for (int64_t d = start; d < start + 800 && d <= MaxDay(); ++d) {
        const Civil c = CivilFromDays(d);
        const int64_t k = months ? 12 * int64_t{c.year} + c.month - 1 : c.year;
        ASSERT_EQ(PeriodIndex(d, months), k) << d;
        // d is the last day of its period exactly when d + 1 starts another.
        const bool last = d == MaxDay() || PeriodIndex(d + 1, months) != k;
        const bool first = d == MinDay() || PeriodIndex(d - 1, months) != k;
        if (last) {
          EXPECT_EQ(LastDayOfPeriodAtMost(k, months), d) << d;
        }
        if (first) {
          EXPECT_EQ(FirstDayOfPeriodAtLeast(k, months), d) << d;
        }
      }
    }
    const int64_t first = PeriodIndex(MinDay(), months);
    const int64_t last = PeriodIndex(MaxDay(), months);
    EXPECT_EQ(first, months ? 12 : 1);
    EXPECT_EQ(last, months ? 12 * 9999 + 11 : 9999);
    // Beyond the calendar: no day, or every day.
    EXPECT_EQ(LastDayOfPeriodAtMost(first - 1, months), std::nullopt);
    EXPECT_EQ(LastDayOfPeriodAtMost(last + 5, months), MaxDay());
    EXPECT_EQ(FirstDayOfPeriodAtLeast(last + 1, months), std::nullopt);
    EXPECT_EQ(FirstDayOfPeriodAtLeast(first - 5, months), MinDay());
  }
  EXPECT_EQ(LastDayOfPeriodAtMost(2000 * 12 + 1, true),
            DaysFromCivil(2000, 2, 29));
  EXPECT_EQ(FirstDayOfPeriodAtLeast(2001, false), DaysFromCivil(2001, 1, 1));
}

// The bound a period gap with one known side puts on the other day, against
// the gap itself evaluated on every day of a stretch across several years.
TEST(CalendarTest, PeriodGapBoundMatchesEveryDay) {
  const int64_t start = DaysFromCivil(1998, 11, 1);
  for (const bool months : {false, true}) {
    const int64_t known = PeriodIndex(DaysFromCivil(2000, 2, 10), months);
    for (const bool known_earlier : {true, false}) {
      for (const bool at_least : {true, false}) {
        for (const int64_t k : {int64_t{-2}, int64_t{0}, int64_t{1}, int64_t{3},
                                int64_t{1} << 40, -(int64_t{1} << 40)}) {
          const std::optional<DayBound> b =
              PeriodGapBound(known, known_earlier, k, at_least, months);
          for (int64_t d = start; d < start + 1500; ++d) {
            const int64_t p = PeriodIndex(d, months);
            const bool holds = PeriodGapHolds(
                known_earlier ? p - known : known - p, k, at_least);
            const bool within =
                b.has_value() && (b->lower ? d >= b->day : d <= b->day);
            ASSERT_EQ(holds, within)
                << "day " << d << " months " << months << " known_earlier "
                << known_earlier << " at_least " << at_least << " k " << k;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace claimcheck

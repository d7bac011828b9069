// Calendar arithmetic on days since 1970-01-01 (proleptic Gregorian).
//
// All functions are exact and O(1); years are limited to [kMinYear, kMaxYear].
#ifndef CLAIMCHECK_CLAIMS_CALENDAR_H_
#define CLAIMCHECK_CLAIMS_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;

struct Civil {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

// An inclusive interval of days.
struct DayInterval {
  int64_t first;
  int64_t last;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a valid civil date.
int64_t DaysFromCivil(int year, int month, int day);
Civil CivilFromDays(int64_t days);

// First and last day representable (1-01-01 and 9999-12-31).
int64_t MinDay();
int64_t MaxDay();

// Calendar years and months as consecutive integers ("periods"): a year by
// its number, a month as 12 * year + month - 1. A day's period is a monotone
// step function of the day, which is what lets a bound on the period of an
// unknown day become a bound on the day itself.
int64_t PeriodIndex(int64_t day, bool months);
// The latest day whose period is at most `k`: MaxDay() when k is at or past
// the last period; nullopt when k precedes the first (no day qualifies).
std::optional<int64_t> LastDayOfPeriodAtMost(int64_t k, bool months);
// The earliest day whose period is at least `k`: MinDay() when k is at or
// before the first period; nullopt when k follows the last.
std::optional<int64_t> FirstDayOfPeriodAtLeast(int64_t k, bool months);

// A gap between the periods of two days, P(later) - P(earlier) at most `k`
// (at least `k` when `at_least`), with one day's period known (`known`: the
// earlier day's when `known_earlier`, else the later's): exactly the bound
// it puts on the other day, a lower (`lower`) or an upper one, since P is
// monotone; nullopt when no day of the calendar meets it. Any `k`.
struct DayBound {
  int64_t day;
  bool lower;
};
std::optional<DayBound> PeriodGapBound(int64_t known, bool known_earlier,
                                       int64_t k, bool at_least, bool months);
// Whether a difference of periods meets such a gap.
inline bool PeriodGapHolds(int64_t difference, int64_t k, bool at_least) {
  return at_least ? difference >= k : difference <= k;
}

// The days a CalendarDate covers at its granularity. Fails on an invalid date
// (month 13, 29 Feb 2013, a day without a month, a year out of range).
absl::StatusOr<DayInterval> CalendarDateInterval(
    const claimcheck::v1::CalendarDate& date);

// The days a DateSpec covers: first day of `start` to last day of `end` (or
// of `start`). Fails when a part is invalid or end precedes start.
absl::StatusOr<DayInterval> DateSpecInterval(
    const claimcheck::v1::DateSpec& spec);

// "2011-05-11".
std::string FormatDay(int64_t day);
// Readable interval: "11-13 May 2011", "May 2012", "2012", "1965-1971",
// "3 June 2015 - 5 July 2015".
std::string FormatDayInterval(DayInterval interval);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CALENDAR_H_

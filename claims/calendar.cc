#include "claims/calendar.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace claimcheck {
namespace {

constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int64_t MinDay() { return DaysFromCivil(kMinYear, 1, 1); }
int64_t MaxDay() { return DaysFromCivil(kMaxYear, 12, 31); }

int64_t PeriodIndex(int64_t day, bool months) {
  const Civil c = CivilFromDays(day);
  return months ? 12 * static_cast<int64_t>(c.year) + c.month - 1 : c.year;
}

namespace {

// The first day of period k, for k within the calendar's periods.
int64_t FirstDayOfPeriod(int64_t k, bool months) {
  if (!months) return DaysFromCivil(static_cast<int>(k), 1, 1);
  return DaysFromCivil(static_cast<int>(k / 12), static_cast<int>(k % 12) + 1, 1);
}

}  // namespace

std::optional<int64_t> LastDayOfPeriodAtMost(int64_t k, bool months) {
  if (k < PeriodIndex(MinDay(), months)) return std::nullopt;
  if (k >= PeriodIndex(MaxDay(), months)) return MaxDay();
  return FirstDayOfPeriod(k + 1, months) - 1;
}

std::optional<int64_t> FirstDayOfPeriodAtLeast(int64_t k, bool months) {
  if (k > PeriodIndex(MaxDay(), months)) return std::nullopt;
  if (k <= PeriodIndex(MinDay(), months)) return MinDay();
  return FirstDayOfPeriod(k, months);
}

std::optional<DayBound> PeriodGapBound(int64_t known, bool known_earlier,
                                       int64_t k, bool at_least, bool months) {
  // A bound beyond the calendar's span of periods acts as that span.
  const int64_t span = PeriodIndex(MaxDay(), months) + 1;
  k = std::clamp<int64_t>(k, -span, span);
  // Known earlier: P(other) <= known + k (>=). Known later: P(other) >=
  // known - k (<=).
  const int64_t target = known_earlier ? known + k : known - k;
  const bool lower = known_earlier == at_least;
  const std::optional<int64_t> day = lower
                                         ? FirstDayOfPeriodAtLeast(target, months)
                                         : LastDayOfPeriodAtMost(target, months);
  if (!day.has_value()) return std::nullopt;
  return DayBound{*day, lower};
}

absl::StatusOr<DayInterval> CalendarDateInterval(
    const claimcheck::v1::CalendarDate& date) {
  const int y = date.year(), m = date.month(), d = date.day();
  if (y < kMinYear || y > kMaxYear) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "year %d is outside %d..%d", y, kMinYear, kMaxYear));
  }
  if (m < 0 || m > 12) {
    return absl::InvalidArgumentError(
        absl::StrFormat("month %d is outside 1..12", m));
  }
  if (m == 0) {
    if (d != 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("day %d is given without a month", d));
    }
    return DayInterval{DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31)};
  }
  if (d == 0) {
    return DayInterval{DaysFromCivil(y, m, 1),
                       DaysFromCivil(y, m, DaysInMonth(y, m))};
  }
  if (d < 0 || d > DaysInMonth(y, m)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d %s %d does not exist (%s %d has %d days)", d, kMonthNames[m - 1],
        y, kMonthNames[m - 1], y, DaysInMonth(y, m)));
  }
  const int64_t day = DaysFromCivil(y, m, d);
  return DayInterval{day, day};
}

absl::StatusOr<DayInterval> DateSpecInterval(
    const claimcheck::v1::DateSpec& spec) {
  if (!spec.has_start()) {
    return absl::InvalidArgumentError("date has no start");
  }
  absl::StatusOr<DayInterval> start = CalendarDateInterval(spec.start());
  if (!start.ok()) return start.status();
  if (!spec.has_end()) return start;
  absl::StatusOr<DayInterval> end = CalendarDateInterval(spec.end());
  if (!end.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("end: ", end.status().message()));
  }
  if (end->last < start->first) {
    return absl::InvalidArgumentError(absl::StrCat(
        "end ", FormatDayInterval(*end), " is before start ",
        FormatDayInterval(*start)));
  }
  return DayInterval{start->first, end->last};
}

std::string FormatDay(int64_t day) {
  const Civil c = CivilFromDays(day);
  return absl::StrFormat("%04d-%02d-%02d", c.year, c.month, c.day);
}

std::string FormatDayInterval(DayInterval interval) {
  const Civil a = CivilFromDays(interval.first);
  const Civil b = CivilFromDays(interval.last);
  const bool whole_years =
      a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31;
  if (whole_years) {
    return a.year == b.year ? absl::StrCat(a.year)
                            : absl::StrCat(a.year, "-", b.year);
  }
  const bool whole_months = a.day == 1 && b.day == DaysInMonth(b.year, b.month);
  if (whole_months && a.year == b.year && a.month == b.month) {
    return absl::StrCat(kMonthNames[a.month - 1], " ", a.year);
  }
  if (interval.first == interval.last) {
    return absl::StrCat(a.day, " ", kMonthNames[a.month - 1], " ", a.year);
  }
  if (a.year == b.year && a.month == b.month) {
    return absl::StrCat(a.day, "-", b.day, " ", kMonthNames[a.month - 1], " ",
                        a.year);
  }
  if (whole_months) {
    return absl::StrCat(kMonthNames[a.month - 1], " ", a.year, " - ",
                        kMonthNames[b.month - 1], " ", b.year);
  }
  return absl::StrCat(a.day, " ", kMonthNames[a.month - 1], " ", a.year, " - ",
                      b.day, " ", kMonthNames[b.month - 1], " ", b.year);
}

}  // namespace claimcheck

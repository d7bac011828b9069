#include <optional>
#include <ostream>
#include <string>
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
using ::claimcheck::v1::CalendarDate;
using ::testing::HasSubstr;

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

struct DateCase {
  std::string name;
  std::string phrase;
  // Absolute: start and, for intervals, end.
  std::optional<Ymd> start;
  std::optional<Ymd> end;
  // Relative (text is not compared).
  std::optional<RelativeDate> relative;
  bool warns = false;
  std::optional<std::string> span;  // unset: the span is the whole phrase
  std::string lead;
  std::string trail;

  DateCase Warns() const {
    DateCase c = *this;
    c.warns = true;
    return c;
  }
  DateCase TextSpan(std::string s) const {
    DateCase c = *this;
    c.span = std::move(s);
    return c;
  }
  DateCase Lead(std::string l, std::optional<std::string> s = std::nullopt) const {
    DateCase c = *this;
    c.lead = std::move(l);
    if (s.has_value()) c.span = std::move(s);
    return c;
  }
  DateCase Trail(std::string t) const {
    DateCase c = *this;
    c.trail = std::move(t);
    return c;
  }
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << '"' << c.phrase << '"'; }

DateCase Abs(std::string phrase, Ymd start) {
  DateCase c;
  c.phrase = std::move(phrase);
  c.start = start;
  return c;
}
DateCase Abs(std::string phrase, Ymd start, Ymd end) {
  DateCase c = Abs(std::move(phrase), start);
  c.end = end;
  return c;
}
DateCase Rel(std::string phrase, RelativeDate r) {
  DateCase c;
  c.phrase = std::move(phrase);
  c.relative = r;
  return c;
}
RelativeDate Unit(RelativeUnit unit, int offset) {
  RelativeDate r;
  r.unit = unit;
  r.offset = offset;
  return r;
}
// In the anchor's year (+ offset), months and days of it.
DateCase RelYear(std::string phrase, int offset, int start_month = 0, int start_day = 0,
                 int end_month = 0, int end_day = 0) {
  RelativeDate r = Unit(RelativeUnit::kYear, offset);
  r.start_month = start_month;
  r.start_day = start_day;
  r.end_month = end_month;
  r.end_day = end_day;
  return Rel(std::move(phrase), r);
}
DateCase RelMonth(std::string phrase, int offset, int start_day = 0, int end_day = 0) {
  RelativeDate r = Unit(RelativeUnit::kMonth, offset);
  r.start_day = start_day;
  r.end_day = end_day;
  return Rel(std::move(phrase), r);
}
DateCase RelWeek(std::string phrase, int offset) {
  return Rel(std::move(phrase), Unit(RelativeUnit::kWeek, offset));
}
DateCase RelDay(std::string phrase, int offset) {
  return Rel(std::move(phrase), Unit(RelativeUnit::kDay, offset));
}
DateCase RelSeason(std::string phrase, Season season, int offset) {
  RelativeDate r = Unit(RelativeUnit::kSeason, offset);
  r.season = season;
  return Rel(std::move(phrase), r);
}
DateCase RelNamedMonth(std::string phrase, int month, int offset) {
  RelativeDate r = Unit(RelativeUnit::kNamedMonth, offset);
  r.month = month;
  return Rel(std::move(phrase), r);
}

std::vector<DateCase> DateCases() {
  return Named<DateCase>({
      // --- Years -------------------------------------------------------------
      Abs("2012", {2012}),
      Abs("1979", {1979}),
      Abs("In2015", {2015}).Lead("in", "2015"),
      Abs("in 2015", {2015}).Lead("in", "2015"),
      Abs("to2012", {2012}).Lead("to", "2012"),
      Abs("to 2012", {2012}).Lead("to", "2012"),
      Abs("since 2012", {2012}).Lead("since", "2012"),
      Abs("from 1991", {1991}).Lead("from", "1991"),
      Abs("until 2012", {2012}).Lead("until", "2012"),
      Abs("by 2014", {2014}).Lead("by", "2014"),
      Abs("in 1969", {1969}).Lead("in", "1969"),
      Abs("during 1971", {1971}).Lead("during", "1971"),
      Abs("around 2014", {2014}).Lead("around", "2014").Warns(),
      Abs("2010[1]", {2010}).TextSpan("2010").Warns(),
      Abs("20101", {2010}).Warns(),
      Abs("2109", {2109}).Warns(),
      // --- Months ------------------------------------------------------------
      Abs("Feb 2003", {2003, 2}),
      Abs("February 2003", {2003, 2}),
      Abs("Feb. 2003", {2003, 2}),
      Abs("Feb, 2003", {2003, 2}),
      Abs("in Feb 2003", {2003, 2}).Lead("in", "Feb 2003"),
      Abs("Nov2014", {2014, 11}),
      Abs("Nov 2014", {2014, 11}),
      Abs("November 2014", {2014, 11}),
      Abs("In Nov2014", {2014, 11}).Lead("in", "Nov2014"),
      Abs("Nov 2015", {2015, 11}),
      Abs("Oct 2014", {2014, 10}),
      Abs("October 2014", {2014, 10}),
      Abs("Oct1990", {1990, 10}),
      Abs("Sept 2014", {2014, 9}),
      Abs("Sept. 2014", {2014, 9}),
      Abs("Sep 2014", {2014, 9}),
      Abs("September 2014", {2014, 9}),
      Abs("from Sept 2014", {2014, 9}).Lead("from", "Sept 2014"),
      Abs("June 2015", {2015, 6}),
      Abs("Jun 2015", {2015, 6}),
      Abs("Dec 2015", {2015, 12}),
      Abs("January 2021", {2021, 1}),
      Abs("Jan 2021", {2021, 1}),
      Abs("March 2011", {2011, 3}),
      Abs("Mar 2011", {2011, 3}),
      Abs("April 2021", {2021, 4}),
      Abs("Apr 2021", {2021, 4}),
      Abs("May 2011", {2011, 5}),
      Abs("July 2019", {2019, 7}),
      Abs("Jul 2019", {2019, 7}),
      Abs("August 2010", {2010, 8}),
      Abs("Aug 2010", {2010, 8}),
      Abs("in October 2012", {2012, 10}).Lead("in", "October 2012"),
      Abs("August 20101", {2010, 8}).Warns(),
      Abs("Aug 20101", {2010, 8}).Warns(),
      Abs("August 201012", {2010, 8}).Warns(),
      Abs("Jan '19", {2019, 1}).Warns(),
      // --- Days: month-day-year ------------------------------------------------
      Abs("May 2, 2011", {2011, 5, 2}),
      Abs("May 2 2011", {2011, 5, 2}),
      Abs("May 2nd, 2011", {2011, 5, 2}),
      Abs("May 12, 2011", {2011, 5, 12}),
      Abs("June 12, 2014", {2014, 6, 12}),
      Abs("June 12th, 2014", {2014, 6, 12}),
      Abs("Jan 23, 2019", {2019, 1, 23}),
      Abs("January 23rd, 2019", {2019, 1, 23}),
      Abs("Jan 1st, 2020", {2020, 1, 1}),
      Abs("Aug 08, 2018", {2018, 8, 8}),
      Abs("Sept 3, 2018", {2018, 9, 3}),
      Abs("September 3rd 2018", {2018, 9, 3}),
      // --- Days: day-month-year ------------------------------------------------
      Abs("2 May 2011", {2011, 5, 2}),
      Abs("2nd May 2011", {2011, 5, 2}),
      Abs("the 2nd of May 2011", {2011, 5, 2}),
      Abs("12th June 2014", {2014, 6, 12}),
      Abs("12 June 2014", {2014, 6, 12}),
      Abs("12th of June 2014", {2014, 6, 12}),
      Abs("the 12th of June, 2014", {2014, 6, 12}),
      Abs("12th June, 2014", {2014, 6, 12}),
      Abs("on 12th June 2014", {2014, 6, 12}).Lead("on", "12th June 2014"),
      Abs("12th June 2014 12:35 AM", {2014, 6, 12}).TextSpan("12th June 2014").Warns(),
      Abs("23 Jan 2019", {2019, 1, 23}),
      Abs("23 January 2019", {2019, 1, 23}),
      Abs("22 Jan 19", {2019, 1, 22}).Warns(),
      Abs("21 Jan 19", {2019, 1, 21}).Warns(),
      Abs("27 Jan 19", {2019, 1, 27}).Warns(),
      Abs("22 Jan 99", {1999, 1, 22}).Warns(),
      Abs("1st January 2020", {2020, 1, 1}),
      Abs("1 Jan 2020", {2020, 1, 1}),
      Abs("21st March 2015", {2015, 3, 21}),
      Abs("3rd March 2015", {2015, 3, 3}),
      Abs("29 February 2020", {2020, 2, 29}),
      Abs("23 Sept 2014", {2014, 9, 23}),
      // --- Days: numeric -------------------------------------------------------
      Abs("2019-01-23", {2019, 1, 23}),
      Abs("23/01/2019", {2019, 1, 23}),
      Abs("01/23/2019", {2019, 1, 23}),
      Abs("23.01.2019", {2019, 1, 23}),
      Abs("23-01-2019", {2019, 1, 23}),
      Abs("5/5/2019", {2019, 5, 5}),
      Abs("23/01/19", {2019, 1, 23}).Warns(),
      // --- Ranges --------------------------------------------------------------
      Abs("May 11-13, 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("May 11 - 13, 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("May 11\xE2\x80\x93" "13, 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("May 11 to 13, 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("May 11-13 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("11-13 May 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("11\xE2\x80\x93" "13 May 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("11 to 13 May 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("11th-13th May 2011", {2011, 5, 11}, {2011, 5, 13}),
      Abs("May 30 - June 2, 2011", {2011, 5, 30}, {2011, 6, 2}),
      Abs("30 May - 2 June 2011", {2011, 5, 30}, {2011, 6, 2}),
      Abs("1 May 2011 - 3 June 2012", {2011, 5, 1}, {2012, 6, 3}),
      Abs("September-October 2017", {2017, 9}, {2017, 10}),
      Abs("In September-October 2017", {2017, 9}, {2017, 10})
          .Lead("in", "September-October 2017"),
      Abs("September\xE2\x80\x94October 2017", {2017, 9}, {2017, 10}),
      Abs("Sept to Oct 2017", {2017, 9}, {2017, 10}),
      Abs("May 2011 - June 2012", {2011, 5}, {2012, 6}),
      Abs("Dec 2014 - Jan 2015", {2014, 12}, {2015, 1}),
      Abs("between 1965 and 1971", {1965}, {1971}).Lead("between", "1965 and 1971"),
      Abs("between 1947 to 1991", {1947}, {1991}).Lead("between", "1947 to 1991"),
      Abs("1947-1991", {1947}, {1991}),
      Abs("1947\xE2\x80\x93" "1991", {1947}, {1991}),
      Abs("from 1947 to 1991", {1947}, {1991}).Lead("from", "1947 to 1991"),
      Abs("2002 to2012", {2002}, {2012}),
      Abs("2002 to 2012", {2002}, {2012}),
      Abs("2002 until 2012", {2002}, {2012}),
      Abs("2010-12", {2010}, {2012}).Warns(),
      Abs("2014\xE2\x80\x93" "15", {2014}, {2015}).Warns(),
      Abs("1998-02", {1998}, {2002}).Warns(),
      // --- Parts of years --------------------------------------------------------
      // end/start: the last/first quarter.
      Abs("end-2014", {2014, 10}, {2014, 12}),
      Abs("end 2014", {2014, 10}, {2014, 12}),
      Abs("end of 2014", {2014, 10}, {2014, 12}),
      Abs("the end of 2014", {2014, 10}, {2014, 12}),
      Abs("at the end of 2014", {2014, 10}, {2014, 12}).Lead("at", "the end of 2014"),
      Abs("by end-2014", {2014, 10}, {2014, 12}).Lead("by", "end-2014"),
      Abs("by the end of 2014", {2014, 10}, {2014, 12}).Lead("by", "the end of 2014"),
      Abs("start of 2014", {2014, 1}, {2014, 3}),
      Abs("the beginning of 2014", {2014, 1}, {2014, 3}),
      // early/mid/late: thirds.
      Abs("early 2014", {2014, 1}, {2014, 4}),
      Abs("early-2014", {2014, 1}, {2014, 4}),
      Abs("early in 2014", {2014, 1}, {2014, 4}),
      Abs("mid-2014", {2014, 5}, {2014, 8}),
      Abs("mid 2014", {2014, 5}, {2014, 8}),
      Abs("the middle of 2014", {2014, 5}, {2014, 8}),
      Abs("late 2014", {2014, 9}, {2014, 12}),
      Abs("late-2014", {2014, 9}, {2014, 12}),
      Abs("the first half of 2014", {2014, 1}, {2014, 6}),
      Abs("H1 2014", {2014, 1}, {2014, 6}),
      Abs("the second half of 2014", {2014, 7}, {2014, 12}),
      Abs("H2 2014", {2014, 7}, {2014, 12}),
      Abs("Q1 2014", {2014, 1}, {2014, 3}),
      Abs("the first quarter of 2014", {2014, 1}, {2014, 3}),
      Abs("Q2 2014", {2014, 4}, {2014, 6}),
      Abs("the third quarter of 2014", {2014, 7}, {2014, 9}),
      Abs("Q4 2014", {2014, 10}, {2014, 12}),
      Abs("the last quarter of 2014", {2014, 10}, {2014, 12}),
      Abs("the last week of 2018", {2018, 12, 25}, {2018, 12, 31}),
      Abs("the final week of 2018", {2018, 12, 25}, {2018, 12, 31}),
      Abs("last week of 2018", {2018, 12, 25}, {2018, 12, 31}),
      Abs("in the last week of 2018", {2018, 12, 25}, {2018, 12, 31})
          .Lead("in", "the last week of 2018"),
      Abs("the first week of 2018", {2018, 1, 1}, {2018, 1, 7}),
      Abs("the second week of 2018", {2018, 1, 8}, {2018, 1, 14}),
      // --- Parts of months ---------------------------------------------------------
      Abs("early April 2014", {2014, 4, 1}, {2014, 4, 10}),
      Abs("mid-April 2014", {2014, 4, 11}, {2014, 4, 20}),
      Abs("late April 2014", {2014, 4, 21}, {2014, 4, 30}),
      Abs("end of April 2014", {2014, 4, 24}, {2014, 4, 30}),
      Abs("the end of February 2015", {2015, 2, 22}, {2015, 2, 28}),
      Abs("the end of February 2016", {2016, 2, 23}, {2016, 2, 29}),
      Abs("late February 2016", {2016, 2, 21}, {2016, 2, 29}),
      Abs("the first week of June 2014", {2014, 6, 1}, {2014, 6, 7}),
      Abs("the second week of May 2018", {2018, 5, 8}, {2018, 5, 14}),
      Abs("the last week of May 2018", {2018, 5, 25}, {2018, 5, 31}),
      Abs("early May 2011", {2011, 5, 1}, {2011, 5, 10}),
      Abs("the beginning of May 2011", {2011, 5, 1}, {2011, 5, 7}),
      Abs("the second half of May 2011", {2011, 5, 16}, {2011, 5, 31}),
      Abs("late Sept 2014", {2014, 9, 21}, {2014, 9, 30}),
      // --- Decades -----------------------------------------------------------------
      Abs("the 1970s", {1970}, {1979}),
      Abs("1970s", {1970}, {1979}),
      Abs("in the 1970s", {1970}, {1979}).Lead("in", "the 1970s"),
      Abs("in 1970s", {1970}, {1979}).Lead("in", "1970s"),
      Abs("the 1970's", {1970}, {1979}),
      Abs("the 1960s", {1960}, {1969}),
      Abs("the 2010s", {2010}, {2019}),
      Abs("the '70s", {1970}, {1979}).Warns(),
      Abs("the 70s", {1970}, {1979}).Warns(),
      Abs("the seventies", {1970}, {1979}).Warns(),
      Abs("the 1900s", {1900}, {1909}).Warns(),
      // late: years 7-9 of the decade; early 0-3; mid 4-6.
      Abs("late-1990s", {1997}, {1999}),
      Abs("late 1990s", {1997}, {1999}),
      Abs("the late 1990s", {1997}, {1999}),
      Abs("the late-1990s", {1997}, {1999}),
      Abs("in the late-1990s", {1997}, {1999}).Lead("in", "the late-1990s"),
      Abs("from the late-1990s onwards", {1997}, {1999})
          .Lead("from", "the late-1990s")
          .Trail("onwards"),
      Abs("late 1970s", {1977}, {1979}),
      Abs("early 1990s", {1990}, {1993}),
      Abs("the early 1990s", {1990}, {1993}),
      Abs("mid-1990s", {1994}, {1996}),
      Abs("the mid-1990s", {1994}, {1996}),
      Abs("the end of the 1990s", {1997}, {1999}),
      Abs("the beginning of the 1990s", {1990}, {1992}),
      Abs("the first half of the 1990s", {1990}, {1994}),
      Abs("the second half of the 1990s", {1995}, {1999}),
      Abs("early 2000s", {2000}, {2003}).Warns(),
      Abs("the late '70s", {1977}, {1979}).Warns(),
      // --- Seasons with a year: northern hemisphere, meteorological ---------------
      Abs("summer 2014", {2014, 6}, {2014, 8}),
      Abs("the summer of 2014", {2014, 6}, {2014, 8}),
      Abs("spring 2015", {2015, 3}, {2015, 5}),
      Abs("autumn 2015", {2015, 9}, {2015, 11}),
      Abs("fall 2015", {2015, 9}, {2015, 11}),
      Abs("winter 2014", {2013, 12}, {2014, 2}).Warns(),
      Abs("winter 2013-14", {2013, 12}, {2014, 2}),
      Abs("winter 2013/2014", {2013, 12}, {2014, 2}),
      // --- Relative: a month or day in the anchor's year -----------------------------
      RelYear("April 07", 0, 4, 7, 4, 7).Warns(),
      RelYear("April 7", 0, 4, 7, 4, 7),
      RelYear("7 April", 0, 4, 7, 4, 7),
      RelYear("April 7th", 0, 4, 7, 4, 7),
      RelYear("the 7th of April", 0, 4, 7, 4, 7),
      RelYear("on April 07", 0, 4, 7, 4, 7).Lead("on", "April 07").Warns(),
      RelYear("(April 07)", 0, 4, 7, 4, 7).TextSpan("April 07").Warns(),
      RelYear("early April", 0, 4, 1, 4, 10),
      RelYear("in early April", 0, 4, 1, 4, 10).Lead("in", "early April"),
      RelYear("mid-April", 0, 4, 11, 4, 20),
      RelYear("late April", 0, 4, 21, 4, 0),
      RelYear("the end of April", 0, 4, -7, 4, 0),
      RelYear("the last week of February", 0, 2, -7, 2, 0),
      RelYear("April", 0, 4, 0, 4, 0),
      RelYear("in April", 0, 4, 0, 4, 0).Lead("in", "April"),
      RelYear("this April", 0, 4, 0, 4, 0),
      RelYear("May 11-13", 0, 5, 11, 5, 13),
      RelYear("May 30 - June 2", 0, 5, 30, 6, 2),
      RelYear("December 30 - January 2", 0, 12, 30, 1, 2),
      RelYear("between May and June", 0, 5, 0, 6, 0).Lead("between", "May and June"),
      // --- Relative: parts of relative years and months --------------------------------
      RelYear("late last year", -1, 9, 0, 12, 0),
      RelYear("early next year", 1, 1, 0, 4, 0),
      RelYear("early this year", 0, 1, 0, 4, 0),
      RelYear("the end of the year", 0, 10, 0, 12, 0),
      RelYear("the end of last year", -1, 10, 0, 12, 0),
      RelYear("the last week of this year", 0, 12, 25, 12, 31),
      RelMonth("late last month", -1, 21, 0),
      RelMonth("the end of the month", 0, -7, 0),
      RelMonth("early next month", 1, 1, 10),
      RelMonth("the first week of this month", 0, 1, 7),
      RelMonth("the last week of next month", 1, -7, 0),
      // --- Relative: years, months, weeks, days -------------------------------------
      RelYear("last year", -1),
      RelYear("in last year", -1).Lead("in", "last year"),
      RelYear("this year", 0),
      RelYear("next year", 1),
      RelYear("the following year", 1),
      RelYear("the previous year", -1),
      RelYear("the preceding year", -1),
      RelYear("the year before", -1),
      RelYear("the year after", 1),
      RelYear("the same year", 0),
      RelYear("that year", 0),
      RelMonth("the following month", 1),
      RelMonth("the next month", 1),
      RelMonth("last month", -1),
      RelMonth("next month", 1),
      RelMonth("this month", 0),
      RelMonth("the previous month", -1),
      RelMonth("the month after", 1),
      RelMonth("the same month", 0),
      RelWeek("last week", -1),
      RelWeek("this week", 0),
      RelWeek("next week", 1),
      RelWeek("the following week", 1),
      RelDay("yesterday", -1),
      RelDay("today", 0),
      RelDay("tomorrow", 1),
      RelDay("the following day", 1),
      RelDay("the next day", 1),
      RelDay("the previous day", -1),
      RelDay("the day before", -1),
      RelDay("the day after", 1),
      RelDay("the same day", 0),
      // --- Relative: seasons and named months -----------------------------------------
      RelSeason("this summer", Season::kSummer, 0),
      RelSeason("last summer", Season::kSummer, -1),
      RelSeason("next summer", Season::kSummer, 1),
      RelSeason("the following summer", Season::kSummer, 1),
      RelSeason("the coming summer", Season::kSummer, 1),
      RelSeason("this winter", Season::kWinter, 0),
      RelSeason("last winter", Season::kWinter, -1),
      RelSeason("last spring", Season::kSpring, -1),
      RelSeason("this autumn", Season::kAutumn, 0),
      RelSeason("this fall", Season::kAutumn, 0),
      RelSeason("summer", Season::kSummer, 0).Warns(),
      RelSeason("in the summer", Season::kSummer, 0).Lead("in", "the summer").Warns(),
      RelNamedMonth("last June", 6, -1),
      RelNamedMonth("next April", 4, 1),
      RelNamedMonth("the following April", 4, 1),
      RelNamedMonth("last Sept", 9, -1),
      RelNamedMonth("the previous December", 12, -1),
  });
}

class DateTest : public ::testing::TestWithParam<DateCase> {};

// Checks `got` (read from `phrase`) against the case.
void ExpectDate(const DateCase& want, absl::string_view phrase,
                const absl::StatusOr<NormalizedDate>& got, bool variant) {
  ASSERT_TRUE(got.ok()) << got.status();
  const std::string trimmed(absl::StripAsciiWhitespace(phrase));
  if (want.relative.has_value()) {
    ASSERT_TRUE(got->relative.has_value()) << "not relative";
    EXPECT_FALSE(got->date.has_value());
    const RelativeDate& r = *got->relative;
    const RelativeDate& w = *want.relative;
    EXPECT_EQ(DescribeRelativeDate(r), DescribeRelativeDate(w));
    EXPECT_EQ(r.unit, w.unit);
    EXPECT_EQ(r.offset, w.offset);
    EXPECT_EQ(r.season, w.season);
    EXPECT_EQ(r.month, w.month);
    EXPECT_EQ(r.start_month, w.start_month);
    EXPECT_EQ(r.start_day, w.start_day);
    EXPECT_EQ(r.end_month, w.end_month);
    EXPECT_EQ(r.end_day, w.end_day);
    EXPECT_EQ(r.text, trimmed);
  } else {
    ASSERT_TRUE(got->date.has_value()) << "relative: "
                                       << DescribeRelativeDate(*got->relative);
    const claimcheck::v1::DateSpec& d = *got->date;
    EXPECT_EQ(d.start().year(), want.start->year);
    EXPECT_EQ(d.start().month(), want.start->month);
    EXPECT_EQ(d.start().day(), want.start->day);
    EXPECT_EQ(d.has_end(), want.end.has_value());
    if (want.end.has_value()) {
      EXPECT_EQ(d.end().year(), want.end->year);
      EXPECT_EQ(d.end().month(), want.end->month);
      EXPECT_EQ(d.end().day(), want.end->day);
    }
    EXPECT_EQ(d.text(), trimmed);
  }
  EXPECT_EQ(got->lead, want.lead);
  EXPECT_EQ(got->trail, want.trail);
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

TEST_P(DateTest, Reads) {
  ExpectDate(GetParam(), GetParam().phrase, NormalizeDate(GetParam().phrase), false);
}

INSTANTIATE_TEST_SUITE_P(Dates, DateTest, ::testing::ValuesIn(DateCases()),
                         [](const auto& info) { return info.param.name; });

// Every case again, in spelling variants.
using VariantCase = std::tuple<DateCase, Variant>;
class DateVariantTest : public ::testing::TestWithParam<VariantCase> {};

TEST_P(DateVariantTest, ReadsTheSame) {
  const auto& [c, v] = GetParam();
  const std::string phrase = ApplyVariant(v, c.phrase);
  SCOPED_TRACE(phrase);
  ExpectDate(c, phrase, NormalizeDate(phrase), true);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, DateVariantTest,
    ::testing::Combine(::testing::ValuesIn(DateCases()), ::testing::ValuesIn(AllVariants())),
    [](const auto& info) {
      return absl::StrCat(std::get<0>(info.param).name, "_",
                          VariantName(std::get<1>(info.param)));
    });

// --- Errors ---------------------------------------------------------------------

struct ErrorCase {
  std::string name;
  std::string phrase;
  std::string why;  // a part of the message
};
void PrintTo(const ErrorCase& c, std::ostream* os) { *os << '"' << c.phrase << '"'; }

class DateErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DateErrorTest, Fails) {
  const absl::StatusOr<NormalizedDate> got = NormalizeDate(GetParam().phrase);
  ASSERT_FALSE(got.ok()) << (got->date.has_value() ? got->date->DebugString()
                                                   : DescribeRelativeDate(*got->relative));
  EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(got.status().message()),
              HasSubstr(absl::StrCat("\"", GetParam().phrase, "\"")));
  EXPECT_THAT(std::string(got.status().message()), HasSubstr(GetParam().why));
}

INSTANTIATE_TEST_SUITE_P(
    Dates, DateErrorTest,
    ::testing::ValuesIn(Named<ErrorCase>({
        {"", "blue", "did not understand 'blue'"},
        {"", "", "empty"},
        {"", "   ", "empty"},
        {"", "()", "empty"},
        {"", "somewhere in time", "did not understand 'somewhere'"},
        {"", "13/45/2019", "neither 13 nor 45 is a month"},
        {"", "1/2/2019", "ambiguous"},
        {"", "30 February 2013", "does not exist"},
        {"", "29 February 2019", "does not exist"},
        {"", "31 April 2014", "does not exist"},
        {"", "April 31", "April has no day 31"},
        {"", "February 30", "February has no day 30"},
        {"", "May 45", "did not understand '45'"},
        {"", "32 May 2014", "did not understand"},
        {"", "Smarch 2014", "did not understand 'Smarch'"},
        {"", "12", "the day 12 has no month"},
        {"", "the", "ends too early"},
        {"", "in", "ends too early"},
        {"", "between 2012", "'between' needs two dates"},
        {"", "2012 and 2013", "did not understand 'and'"},
        {"", "13 May 2011 blue", "did not understand 'blue'"},
        {"", "May 13-11, 2011", "before start"},
        {"", "2012-2010", "before start"},
        {"", "May 13-11", "ends before it starts"},
        {"", "Q5 2014", "did not understand"},
        {"", "the fifth week of 2018", "did not understand"},
        {"", "the first quarter of April 2014", "of a month is not defined"},
        {"", "Q1 the 1990s", "of a decade is not defined"},
        {"", "early", "ends too early"},
        {"", "last", "ends too early"},
        {"", "next Tuesday", "did not understand 'Tuesday'"},
        {"", "the 1975s", "did not understand"},
        {"", "$2 billion", "did not understand '$'"},
        {"", "46 percent", "did not understand"},
        {"", "2014 \xE2\x98\x83", "unexpected character"},
        {"", "0000", "did not understand '0000'"},
        {"", "last day", "did not understand 'day'"},
        {"", "1999-02-30", "does not exist"},
        {"", "2019-13-01", "month 13"},
        {"", "Feb - 3", "as a date"},
        {"", "winter 0 : 2011", "did not understand '0'"},
        {"", "May 11-13 blue", "did not understand"},
    })),
    [](const auto& info) { return info.param.name; });

// --- Resolving relative dates ---------------------------------------------------------

struct ResolveCase {
  std::string name;
  std::string phrase;
  Ymd anchor;
  Ymd start;
  std::optional<Ymd> end;
};
void PrintTo(const ResolveCase& c, std::ostream* os) {
  *os << '"' << c.phrase << "\" at " << c.anchor.year << "-" << c.anchor.month << "-"
      << c.anchor.day;
}

CalendarDate Cd(const Ymd& d) {
  CalendarDate c;
  c.set_year(d.year);
  c.set_month(d.month);
  c.set_day(d.day);
  return c;
}

class ResolveTest : public ::testing::TestWithParam<ResolveCase> {};

TEST_P(ResolveTest, Resolves) {
  const ResolveCase& c = GetParam();
  absl::StatusOr<NormalizedDate> read = NormalizeDate(c.phrase);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->is_relative());
  absl::StatusOr<claimcheck::v1::DateSpec> got =
      ResolveRelativeDate(*read->relative, Cd(c.anchor));
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->start().year(), c.start.year);
  EXPECT_EQ(got->start().month(), c.start.month);
  EXPECT_EQ(got->start().day(), c.start.day);
  EXPECT_EQ(got->has_end(), c.end.has_value());
  if (c.end.has_value()) {
    EXPECT_EQ(got->end().year(), c.end->year);
    EXPECT_EQ(got->end().month(), c.end->month);
    EXPECT_EQ(got->end().day(), c.end->day);
  }
  EXPECT_EQ(got->text(), c.phrase);
}

// Cases are named by the anchor too: the same phrase resolves differently.
std::vector<ResolveCase> ResolveCases() {
  std::vector<ResolveCase> cases = {
      {"", "last year", {2021, 4, 7}, {2020}, {}},
      {"", "last year", {2021}, {2020}, {}},
      {"", "next year", {2021, 4, 7}, {2022}, {}},
      {"", "April 07", {2021, 4, 1}, {2021, 4, 7}, {}},
      {"", "April", {2021}, {2021, 4}, {}},
      {"", "early April", {2021, 4, 7}, {2021, 4, 1}, Ymd{2021, 4, 10}},
      {"", "late February", {2020}, {2020, 2, 21}, Ymd{2020, 2, 0}},
      {"", "the last week of February", {2020}, {2020, 2, 23}, Ymd{2020, 2, 0}},
      {"", "the last week of February", {2021}, {2021, 2, 22}, Ymd{2021, 2, 0}},
      {"", "May 30 - June 2", {2021, 1, 1}, {2021, 5, 30}, Ymd{2021, 6, 2}},
      {"", "December 30 - January 2", {2021}, {2021, 12, 30}, Ymd{2022, 1, 2}},
      {"", "late last year", {2021, 4, 7}, {2020, 9}, Ymd{2020, 12}},
      {"", "the following month", {2014, 12, 5}, {2015, 1}, {}},
      {"", "last month", {2015, 1}, {2014, 12}, {}},
      {"", "the end of last month", {2021, 3, 15}, {2021, 2, 22}, Ymd{2021, 2, 0}},
      {"", "last week", {2021, 4, 7}, {2021, 3, 29}, Ymd{2021, 4, 4}},
      {"", "this week", {2021, 4, 7}, {2021, 4, 5}, Ymd{2021, 4, 11}},
      {"", "this week", {2021, 4, 11}, {2021, 4, 5}, Ymd{2021, 4, 11}},
      {"", "next week", {2021, 12, 29}, {2022, 1, 3}, Ymd{2022, 1, 9}},
      {"", "yesterday", {2021, 3, 1}, {2021, 2, 28}, {}},
      {"", "the day after", {2020, 12, 31}, {2021, 1, 1}, {}},
      {"", "this summer", {2021, 4, 7}, {2021, 6}, Ymd{2021, 8}},
      {"", "this summer", {2021, 7, 7}, {2021, 6}, Ymd{2021, 8}},
      {"", "this summer", {2021, 10, 7}, {2021, 6}, Ymd{2021, 8}},
      {"", "this summer", {2021}, {2021, 6}, Ymd{2021, 8}},
      {"", "last summer", {2021, 7, 1}, {2020, 6}, Ymd{2020, 8}},
      {"", "last summer", {2021, 9, 1}, {2021, 6}, Ymd{2021, 8}},
      {"", "next summer", {2021, 7, 1}, {2022, 6}, Ymd{2022, 8}},
      {"", "next summer", {2021, 3, 1}, {2021, 6}, Ymd{2021, 8}},
      {"", "this winter", {2021, 1, 15}, {2020, 12}, Ymd{2021, 2}},
      {"", "this winter", {2021, 11, 15}, {2021, 12}, Ymd{2022, 2}},
      {"", "this winter", {2021, 4, 15}, {2020, 12}, Ymd{2021, 2}},
      {"", "last winter", {2021, 4, 1}, {2020, 12}, Ymd{2021, 2}},
      {"", "last winter", {2021, 1, 15}, {2019, 12}, Ymd{2020, 2}},
      {"", "last June", {2021, 6, 15}, {2020, 6}, {}},
      {"", "last June", {2021, 7, 1}, {2021, 6}, {}},
      {"", "next April", {2021, 4, 10}, {2022, 4}, {}},
      {"", "next April", {2021, 3, 10}, {2021, 4}, {}},
      {"", "this April", {2021, 9, 1}, {2021, 4}, {}},
  };
  std::vector<ResolveCase> named = Named<ResolveCase>(cases);
  for (ResolveCase& c : named) {
    absl::StrAppend(&c.name, "_at_", c.anchor.year, "_", c.anchor.month, "_", c.anchor.day);
  }
  return named;
}

INSTANTIATE_TEST_SUITE_P(Dates, ResolveTest, ::testing::ValuesIn(ResolveCases()),
                         [](const auto& info) { return info.param.name; });

TEST(ResolveRelativeDateTest, NeedsTheAnchorGranularity) {
  RelativeDate week;
  week.unit = RelativeUnit::kWeek;
  week.offset = -1;
  EXPECT_EQ(ResolveRelativeDate(week, Cd({2021, 4})).status().code(),
            absl::StatusCode::kInvalidArgument);
  RelativeDate month;
  month.unit = RelativeUnit::kMonth;
  month.offset = 1;
  EXPECT_EQ(ResolveRelativeDate(month, Cd({2021})).status().code(),
            absl::StatusCode::kInvalidArgument);
  RelativeDate winter;
  winter.unit = RelativeUnit::kSeason;
  winter.season = Season::kWinter;
  EXPECT_EQ(ResolveRelativeDate(winter, Cd({2021})).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ResolveRelativeDateTest, RejectsAnInvalidAnchor) {
  RelativeDate year;
  EXPECT_EQ(ResolveRelativeDate(year, Cd({2021, 13})).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ResolveRelativeDate(year, Cd({0})).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace claimcheck

// Phrases from articles to schema values: dates, durations and quantities.
//
//   NormalizeDate("May 11-13, 2011")    -> DateSpec 2011-05-11 .. 2011-05-13
//   NormalizeDate("last year")          -> relative: anchor year - 1
//   NormalizeDuration("nearly a decade") -> Amount {value "1", unit "decade",
//                                                   QUALIFIER_NEARLY}
//   NormalizeQuantity("US$310 mn")      -> Amount {value "310", SCALE_MILLION,
//                                                   unit "USD"}
//
// Each phrase is read as a whole: a tokenizer splits it into words, numbers
// and punctuation (also where scraped text glued them: "Nov2014", "to2012"),
// and small tables of wordings turn the tokens into values. A phrase with a
// word that no table explains is an InvalidArgumentError naming the phrase and
// the word; a reading that is likely but not certain (a two-digit year, a
// footnote marker glued to a year, "$" for US dollars) is returned with a
// warning saying so.
//
// Vague dates become fixed intervals, chosen as follows (SEMANTICS.md leaves
// the exact interval to this reader; every choice is listed here and in
// normalize.cc):
//   of a year    early = Jan-Apr, mid = May-Aug, late = Sep-Dec (thirds);
//                start/beginning = Jan-Mar, end = Oct-Dec (a quarter);
//                first/second half = Jan-Jun / Jul-Dec; Qn = quarter n;
//                the n-th week = days 7n-6..7n of January; the last week =
//                25-31 December.
//   of a decade  early = years 0-3, mid = 4-6, late = 7-9 ("late 1990s" =
//                1997-1999); start/beginning = 0-2, end = 7-9;
//                first/second half = 0-4 / 5-9.
//   of a month   early = days 1-10, mid = 11-20, late = 21-end;
//                start/beginning = the first 7 days, end = the last 7 days;
//                first/second half = 1-15 / 16-end; the n-th week = days
//                7n-6..7n; the last week = the last 7 days.
//   seasons      northern hemisphere, meteorological: spring = Mar-May,
//                summer = Jun-Aug, autumn/fall = Sep-Nov, winter = Dec-Feb.
//                "winter 2014" = Dec 2013 - Feb 2014 (with a warning).
//   decades      "the 1970s" = 1970-1979; "the 70s"/"the seventies" = the
//                1970s (with a warning: the century is assumed).
//   two-digit years  00-49 -> 2000-2049, 50-99 -> 1950-1999 (with a warning).
#ifndef CLAIMCHECK_CLAIMS_NORMALIZE_H_
#define CLAIMCHECK_CLAIMS_NORMALIZE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/claimcheck.pb.h"

namespace claimcheck {

// Where a result came from: bytes [begin, end) of the phrase as given. It
// covers the words that were read into the result (the figure, its qualifier,
// unit and scale; the date itself), not a leading preposition ("in", "after a
// gap of"), surrounding punctuation or an ignored tail ("of gas").
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

enum class RelativeUnit {
  kDay,    // "yesterday", "the following day"
  kWeek,   // "last week": Monday-Sunday weeks
  kMonth,  // "the following month"
  kYear,   // "last year"; also a month or day with no year ("April 07")
  kSeason,      // "this summer"
  kNamedMonth,  // "last June"
};

enum class Season { kNone, kSpring, kSummer, kAutumn, kWinter };

// A date stated relative to an anchor the phrase does not give (the
// publication date, or an event the text mentioned before).
struct RelativeDate {
  RelativeUnit unit = RelativeUnit::kYear;
  // Periods from the anchor's: -1 "last year", 0 "this summer", +1 "the
  // following month". For kSeason and kNamedMonth: 0 is the occurrence that
  // contains the anchor (else the one in the anchor's year; for winter, the
  // coming one from June on, else the one just past), -1 the latest that
  // ended before the anchor's month, +1 the first that starts after it.
  int offset = 0;
  Season season = Season::kNone;  // kSeason
  int month = 0;                  // kNamedMonth: 1..12
  // Part of the anchor-relative period. For kYear: months (0 = the whole
  // year) and days (0 = the whole month) of the first and last day; an end
  // month before the start month runs into the next year. For kMonth: days
  // only (months stay 0). A negative day counts from the end of the month
  // (-1 = its last day), for months whose length the year decides.
  //   "April 07"    kYear 0, start 4/7, end 4/7
  //   "early April" kYear 0, start 4/1, end 4/10
  //   "late last month" kMonth -1, days 21 .. 0 (= the end of the month)
  int start_month = 0;
  int start_day = 0;
  int end_month = 0;
  int end_day = 0;
  // The phrase, copied into the DateSpec a resolution returns.
  std::string text;
};

struct NormalizedDate {
  // Exactly one of the two is set.
  std::optional<claimcheck::v1::DateSpec> date;  // text = the phrase
  std::optional<RelativeDate> relative;
  // A preposition read before the date, lower-case ("in", "since", "to",
  // "by the end of" is not one: "the end of" is part of the date). The date
  // is the one named; what "since" or "to" makes of it is for the caller.
  std::string lead;
  // A word read after it ("onwards"), same treatment.
  std::string trail;
  TextSpan span;
  std::vector<std::string> warnings;

  bool is_relative() const { return relative.has_value(); }
};

// Reads a date phrase: "2012", "Feb 2003", "Nov2014", "May 11-13, 2011",
// "12th June 2014", "22 Jan 19", "end-2014", "the last week of 2018",
// "the 1970s", "late 1990s", "between 1965 and 1971", "summer 2014"; or a
// relative one: "April 07", "early April", "this summer", "last year", "the
// following month", "last June". Fails on anything else, and on dates that do
// not exist ("13/45/2019", "30 February 2013").
absl::StatusOr<NormalizedDate> NormalizeDate(absl::string_view phrase);

// The dates a relative date names, given its anchor. The anchor needs the
// granularity the unit needs: a year for kYear, a month for kMonth, kSeason
// and kNamedMonth, a day for kDay and kWeek.
absl::StatusOr<claimcheck::v1::DateSpec> ResolveRelativeDate(
    const RelativeDate& relative, const claimcheck::v1::CalendarDate& anchor);

// "year-1", "season summer+0", "year+0 04-01..04-10": for messages.
std::string DescribeRelativeDate(const RelativeDate& relative);

// ---------------------------------------------------------------------------
// Durations and quantities
// ---------------------------------------------------------------------------

enum class Direction {
  kNone,
  kAfter,   // "three decades after", "25 years later", "ten years on"
  kBefore,  // "a day before", "two years earlier", "ten years ago"
};

struct NormalizedDuration {
  // value as written ("25", "1.5") or the number a word names ("nine" -> "9",
  // "a" -> "1"); unit day, week, month, year or decade; qualifier; text = the
  // phrase. Rounding is left unset (the caller's policy).
  claimcheck::v1::Amount amount;
  Direction direction = Direction::kNone;
  // Words read before the figure that say what the duration is of, lower-case:
  // "in", "after a gap of", "in the last".
  std::string lead;
  TextSpan span;
  std::vector<std::string> warnings;
};

// Reads a duration: "in nine years", "after a gap of 25 years", "nearly a
// decade", "three decades after", "decades" (at least 2 decades), "in the last
// 15 years or so", "just 10 days after", "a day before", "a 25-year gap".
absl::StatusOr<NormalizedDuration> NormalizeDuration(absl::string_view phrase);

struct NormalizedQuantity {
  // value as written ("1,100", "12.4"; a number word as digits: "four" ->
  // "4"); scale; unit: an ISO currency code ("USD"), "km", "m", "mile", "m3",
  // "percent", a duration unit, a plural noun as written in lower case
  // ("doses"), or "" when the phrase names no unit ("about 50"); qualifier;
  // text = the phrase. Rounding is left unset.
  claimcheck::v1::Amount amount;
  TextSpan span;
  std::vector<std::string> warnings;
};

// Reads a quantity: "US$310 mn", "more than $ 2 billion", "1,100-kilometre",
// "680-mile", "up to 12.4 billion cubic metres", "46 percent", "almost 30 per
// cent", "about 50", "four", "about 5 million doses", "150,000 more".
absl::StatusOr<NormalizedQuantity> NormalizeQuantity(absl::string_view phrase);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_NORMALIZE_H_

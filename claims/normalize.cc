#include "claims/normalize.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "claims/calendar.h"
#include "claims/decimal.h"

namespace claimcheck {
namespace {

using claimcheck::v1::Amount;
using claimcheck::v1::CalendarDate;
using claimcheck::v1::DateSpec;
using claimcheck::v1::Qualifier;
using claimcheck::v1::Scale;

constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// ===========================================================================
// Tokens
// ===========================================================================

enum class Kind { kWord, kNumber, kPunct };

struct Token {
  Kind kind = Kind::kPunct;
  std::string text;   // as written; a number without its ordinal suffix
  std::string lower;  // what tables match: lower case, dashes as "-"
  size_t begin = 0;   // bytes of the phrase, suffix included
  size_t end = 0;
  bool glued = false;    // no space since the previous token
  bool ordinal = false;  // a number written "12th"
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Characters outside ASCII that articles use, with the text tables see.
struct Symbol {
  const char* utf8;
  const char* as;
  bool space;
};
constexpr Symbol kSymbols[] = {
    {"\xC2\xA0", " ", true},              // no-break space
    {"\xE2\x80\x89", " ", true},          // thin space
    {"\xE2\x80\xAF", " ", true},          // narrow no-break space
    {"\xE2\x80\x90", "-", false},         // hyphen
    {"\xE2\x80\x91", "-", false},         // non-breaking hyphen
    {"\xE2\x80\x93", "-", false},         // en dash
    {"\xE2\x80\x94", "-", false},         // em dash
    {"\xE2\x88\x92", "-", false},         // minus sign
    {"\xE2\x80\x98", "'", false},         // quotation marks
    {"\xE2\x80\x99", "'", false},
    {"\xE2\x80\x9C", "\"", false},
    {"\xE2\x80\x9D", "\"", false},
    {"\xE2\x82\xAC", "\xE2\x82\xAC", false},  // euro sign
    {"\xC2\xA3", "\xC2\xA3", false},          // pound sign
    {"\xC2\xB3", "3", false},                 // superscript three ("m³")
};
constexpr absl::string_view kAsciiPunct = "$%-,./()[]'\"+:;!?&";

struct Tokenized {
  std::vector<Token> tokens;
  std::vector<std::string> warnings;
};

// Splits a phrase into words (letters), numbers (digits with ',' or '.'
// between digits, and an ordinal suffix "st", "nd", "rd", "th") and single
// punctuation marks. Letters and digits always split, so scraped text that
// lost its spaces ("Nov2014", "to2012", "US$310") reads like the spaced form.
absl::StatusOr<Tokenized> Tokenize(absl::string_view s) {
  Tokenized out;
  bool space = true;
  auto push = [&](Kind kind, size_t begin, size_t end, std::string text) {
    Token t;
    t.kind = kind;
    t.lower = absl::AsciiStrToLower(text);
    t.text = std::move(text);
    t.begin = begin;
    t.end = end;
    t.glued = !space && !out.tokens.empty();
    out.tokens.push_back(std::move(t));
    space = false;
  };
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = true;
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (j < s.size() &&
             (IsDigit(s[j]) || ((s[j] == ',' || s[j] == '.') &&
                                j + 1 < s.size() && IsDigit(s[j + 1])))) {
        ++j;
      }
      size_t k = j;
      while (k < s.size() && IsAlpha(s[k])) ++k;
      const std::string suffix = absl::AsciiStrToLower(s.substr(j, k - j));
      const bool ordinal =
          suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
      push(Kind::kNumber, i, ordinal ? k : j, std::string(s.substr(i, j - i)));
      out.tokens.back().ordinal = ordinal;
      i = ordinal ? k : j;
      continue;
    }
    if (IsAlpha(c)) {
      size_t j = i;
      while (j < s.size() && IsAlpha(s[j])) ++j;
      push(Kind::kWord, i, j, std::string(s.substr(i, j - i)));
      i = j;
      continue;
    }
    if (kAsciiPunct.find(c) != absl::string_view::npos) {
      push(Kind::kPunct, i, i + 1, std::string(1, c));
      ++i;
      continue;
    }
    bool known = false;
    for (const Symbol& sym : kSymbols) {
      if (absl::StartsWith(s.substr(i), sym.utf8)) {
        const size_t n = absl::string_view(sym.utf8).size();
        if (sym.space) {
          space = true;
        } else {
          push(Kind::kPunct, i, i + n, sym.as);
        }
        i += n;
        known = true;
        break;
      }
    }
    if (known) continue;
    // Show the whole UTF-8 character.
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    return absl::InvalidArgumentError(absl::StrCat(
        "unexpected character '", s.substr(i, n), "' at byte ", i));
  }
  // Footnote markers: "[1]".
  std::vector<Token> kept;
  for (size_t t = 0; t < out.tokens.size(); ++t) {
    const std::vector<Token>& v = out.tokens;
    if (v[t].lower == "[" && t + 2 < v.size() && v[t + 1].kind == Kind::kNumber &&
        v[t + 2].lower == "]") {
      out.warnings.push_back(absl::StrCat("footnote marker '[", v[t + 1].text,
                                          "]' ignored"));
      t += 2;
      continue;
    }
    kept.push_back(v[t]);
  }
  out.tokens = std::move(kept);
  return out;
}

// ===========================================================================
// Reading tokens
// ===========================================================================

// A position in the tokens [begin, end) with the warnings of the reading so
// far. A reader takes a Mark before trying an alternative and Resets to it
// when the alternative fails. The furthest position any reader reached names
// the word that was not understood when every reader fails.
class Cursor {
 public:
  struct Mark {
    size_t pos;
    size_t warnings;
  };

  Cursor(const std::vector<Token>& tokens, size_t begin, size_t end)
      : tokens_(tokens), pos_(begin), end_(end), furthest_(begin) {}

  Mark mark() const { return {pos_, warnings_.size()}; }
  void Reset(Mark m) {
    pos_ = m.pos;
    warnings_.resize(m.warnings);
  }
  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= end_; }
  const Token* Peek(size_t ahead = 0) const {
    return pos_ + ahead < end_ ? &tokens_[pos_ + ahead] : nullptr;
  }
  const Token& Take() {
    ++pos_;
    furthest_ = std::max(furthest_, pos_);
    return tokens_[pos_ - 1];
  }

  // The number of tokens `phrase` matches here (0 if it does not): its
  // space-separated pieces, each one token's lower-case text.
  size_t Matches(absl::string_view phrase) const {
    size_t n = 0;
    for (absl::string_view piece : absl::StrSplit(phrase, ' ')) {
      const Token* t = Peek(n);
      if (t == nullptr || t->lower != piece) return 0;
      ++n;
    }
    return n;
  }
  bool Accept(absl::string_view phrase) {
    const size_t n = Matches(phrase);
    for (size_t i = 0; i < n; ++i) Take();
    return n > 0;
  }
  bool PeekIs(absl::string_view phrase) const { return Matches(phrase) > 0; }

  void Warn(std::string warning) { warnings_.push_back(std::move(warning)); }
  const std::vector<std::string>& warnings() const { return warnings_; }

  // A reason more precise than "did not understand", from a reader that
  // recognised the shape of the phrase but not its content. The first wins.
  void Diagnose(std::string reason) {
    if (diagnosis_.empty()) diagnosis_ = std::move(reason);
  }
  const std::string& diagnosis() const { return diagnosis_; }
  size_t furthest() const { return furthest_; }

 private:
  const std::vector<Token>& tokens_;
  size_t pos_;
  size_t end_;
  size_t furthest_;
  std::vector<std::string> warnings_;
  std::string diagnosis_;
};

// The entry of `table` (entries with a `phrase`) matching the most tokens
// here, consumed; nullptr when none matches.
template <typename Table>
auto AcceptLongest(Cursor& c, const Table& table) -> decltype(&*std::begin(table)) {
  decltype(&*std::begin(table)) best = nullptr;
  size_t best_n = 0;
  for (const auto& entry : table) {
    const size_t n = c.Matches(entry.phrase);
    if (n > best_n) {
      best = &entry;
      best_n = n;
    }
  }
  for (size_t i = 0; i < best_n; ++i) c.Take();
  return best;
}

// A phrase made ready to read: tokens without surrounding punctuation.
struct Prepared {
  std::string text;  // the phrase without surrounding whitespace
  std::vector<Token> tokens;
  size_t begin = 0;  // tokens to read: [begin, end)
  size_t end = 0;
  std::vector<std::string> warnings;
};

absl::Status Failure(absl::string_view phrase, absl::string_view what,
                     absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("cannot read \"", phrase, "\" as a ", what, ": ", why));
}

absl::StatusOr<Prepared> Prepare(absl::string_view phrase, absl::string_view what) {
  Prepared p;
  p.text = std::string(absl::StripAsciiWhitespace(phrase));
  absl::StatusOr<Tokenized> t = Tokenize(phrase);
  if (!t.ok()) return Failure(phrase, what, t.status().message());
  p.tokens = std::move(t->tokens);
  p.warnings = std::move(t->warnings);
  p.begin = 0;
  p.end = p.tokens.size();
  auto is = [&](size_t i, absl::string_view chars) {
    return p.tokens[i].kind == Kind::kPunct &&
           chars.find(p.tokens[i].lower) != absl::string_view::npos;
  };
  while (p.begin < p.end && is(p.begin, "(\"")) ++p.begin;
  while (p.end > p.begin && is(p.end - 1, ".,;:)\"!?")) --p.end;
  if (p.begin == p.end) return Failure(phrase, what, "the phrase is empty");
  return p;
}

// Why no reader got to the end: its diagnosis, or the first word no reader
// could take.
absl::Status NotUnderstood(absl::string_view phrase, absl::string_view what,
                           const Prepared& p, const Cursor& c) {
  if (!c.diagnosis().empty()) return Failure(phrase, what, c.diagnosis());
  if (c.furthest() < p.end) {
    const Token& t = p.tokens[c.furthest()];
    return Failure(phrase, what,
                   absl::StrCat("did not understand '",
                                phrase.substr(t.begin, t.end - t.begin), "'"));
  }
  return Failure(phrase, what, "the phrase ends too early");
}

TextSpan SpanOf(const Prepared& p, size_t first, size_t last_exclusive) {
  if (first >= last_exclusive) return {};
  return {p.tokens[first].begin, p.tokens[last_exclusive - 1].end};
}

// The phrase's text of tokens [first, last_exclusive).
absl::string_view TextOf(absl::string_view phrase, const Prepared& p, size_t first,
                         size_t last_exclusive) {
  const TextSpan s = SpanOf(p, first, last_exclusive);
  return phrase.substr(s.begin, s.end - s.begin);
}

// ===========================================================================
// Numbers and qualifiers (durations and quantities)
// ===========================================================================

struct NumberWord {
  const char* phrase;
  int value;
};
constexpr NumberWord kSmallNumbers[] = {
    {"zero", 0},     {"one", 1},        {"two", 2},        {"three", 3},
    {"four", 4},     {"five", 5},       {"six", 6},        {"seven", 7},
    {"eight", 8},    {"nine", 9},       {"ten", 10},       {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},
};
constexpr NumberWord kTens[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};

// "nine", "twenty-five", "twenty five": zero to ninety-nine.
std::optional<int> ReadNumberWord(Cursor& c) {
  if (const NumberWord* tens = AcceptLongest(c, kTens)) {
    const Cursor::Mark m = c.mark();
    c.Accept("-");
    if (const NumberWord* unit = AcceptLongest(c, kSmallNumbers);
        unit != nullptr && unit->value >= 1 && unit->value <= 9) {
      return tens->value + unit->value;
    }
    c.Reset(m);
    return tens->value;
  }
  if (const NumberWord* n = AcceptLongest(c, kSmallNumbers)) return n->value;
  return std::nullopt;
}

// A figure in digits as written ("1,100", "12.4"), checked with Decimal's
// reading; thousands groups must be well formed.
std::optional<std::string> ReadFigure(Cursor& c) {
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != Kind::kNumber || t->ordinal) return std::nullopt;
  const std::string& s = t->text;
  const size_t comma = s.find(',');
  const size_t point = s.find('.');
  const bool leading_zero = s.size() > 1 && s[0] == '0' && s[1] != '.';
  bool ok = !leading_zero && Decimal::Parse(s).ok() &&
            (comma == std::string::npos || (comma >= 1 && comma <= 3)) &&
            (comma == std::string::npos || point == std::string::npos || comma < point);
  if (!ok) {
    c.Diagnose(absl::StrCat("'", s, "' is not a well-formed number"));
    return std::nullopt;
  }
  c.Take();
  return s;
}

// SEMANTICS.md, "Vague amounts".
struct QualifierPhrase {
  const char* phrase;
  Qualifier qualifier;
};
constexpr QualifierPhrase kQualifiers[] = {
    {"about", claimcheck::v1::QUALIFIER_ABOUT},
    {"around", claimcheck::v1::QUALIFIER_ABOUT},
    {"some", claimcheck::v1::QUALIFIER_ABOUT},
    {"roughly", claimcheck::v1::QUALIFIER_ABOUT},
    {"approximately", claimcheck::v1::QUALIFIER_ABOUT},
    {"approx", claimcheck::v1::QUALIFIER_ABOUT},
    {"approx .", claimcheck::v1::QUALIFIER_ABOUT},
    {"estimated", claimcheck::v1::QUALIFIER_ABOUT},
    {"an estimated", claimcheck::v1::QUALIFIER_ABOUT},
    {"nearly", claimcheck::v1::QUALIFIER_NEARLY},
    {"almost", claimcheck::v1::QUALIFIER_NEARLY},
    {"just under", claimcheck::v1::QUALIFIER_NEARLY},
    {"just below", claimcheck::v1::QUALIFIER_NEARLY},
    {"just short of", claimcheck::v1::QUALIFIER_NEARLY},
    {"more than", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"over", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"above", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"just over", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"just above", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"well over", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"well above", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"in excess of", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"upwards of", claimcheck::v1::QUALIFIER_MORE_THAN},
    {"at least", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"no less than", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"not less than", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"no fewer than", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"less than", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"fewer than", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"under", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"below", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"well under", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"well below", claimcheck::v1::QUALIFIER_LESS_THAN},
    {"up to", claimcheck::v1::QUALIFIER_AT_MOST},
    {"at most", claimcheck::v1::QUALIFIER_AT_MOST},
    {"no more than", claimcheck::v1::QUALIFIER_AT_MOST},
    {"not more than", claimcheck::v1::QUALIFIER_AT_MOST},
};

// Qualifiers written after the figure: "15 years or so", "50 or more".
constexpr QualifierPhrase kPostQualifiers[] = {
    {"or so", claimcheck::v1::QUALIFIER_ABOUT},
    {"or more", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"or longer", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"plus", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"- plus", claimcheck::v1::QUALIFIER_AT_LEAST},
    {"or less", claimcheck::v1::QUALIFIER_AT_MOST},
    {"or fewer", claimcheck::v1::QUALIFIER_AT_MOST},
};

// Words that stress a figure without changing it: "just 10 days after",
// "only $383 million".
struct Phrase {
  const char* phrase;
};
constexpr Phrase kEmphasis[] = {{"just"}, {"only"}, {"a mere"}, {"merely"}};

// A hyphen joining a figure to the word after it, with no spaces:
// "1,100-kilometre", "25-year".
void AcceptJoiner(Cursor& c) {
  const Token* hyphen = c.Peek();
  const Token* next = c.Peek(1);
  if (hyphen != nullptr && hyphen->lower == "-" && hyphen->glued && next != nullptr &&
      next->glued && next->kind == Kind::kWord) {
    c.Take();
  }
}

// Sets the qualifier, failing when one was already given ("about 50 or more").
bool SetQualifier(Cursor& c, Qualifier q, Amount* amount) {
  if (amount->qualifier() != claimcheck::v1::QUALIFIER_UNSPECIFIED &&
      amount->qualifier() != q) {
    c.Diagnose("two qualifiers that disagree");
    return false;
  }
  amount->set_qualifier(q);
  return true;
}

// ===========================================================================
// Dates
// ===========================================================================

CalendarDate Cd(int year, int month = 0, int day = 0) {
  CalendarDate d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

// A negative day counts from the end of the month (-1 = its last day).
int DayIn(int year, int month, int day) {
  return day < 0 ? DaysInMonth(year, month) + 1 + day : day;
}

struct MonthName {
  const char* phrase;
  int month;
};
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},   {"february", 2}, {"feb", 2},
    {"march", 3},     {"mar", 3},   {"april", 4},    {"apr", 4},
    {"may", 5},       {"june", 6},  {"jun", 6},      {"july", 7},
    {"jul", 7},       {"august", 8}, {"aug", 8},     {"september", 9},
    {"sept", 9},      {"sep", 9},   {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
};

// "June", "Sept", "Feb." -> 1..12.
std::optional<int> ReadMonth(Cursor& c) {
  const MonthName* m = AcceptLongest(c, kMonths);
  if (m == nullptr) return std::nullopt;
  if (c.Peek() != nullptr && c.Peek()->glued && c.Peek()->lower == ".") c.Take();
  return m->month;
}

int ToInt(absl::string_view digits) {
  int v = 0;
  if (!absl::SimpleAtoi(digits, &v)) return -1;
  return v;
}

// Two-digit years: 00-49 are 2000-2049 and 50-99 are 1950-1999.
int ExpandTwoDigitYear(int yy) { return yy <= 49 ? 2000 + yy : 1900 + yy; }

// A year: four digits ("2014"); an apostrophe and two digits ("'14"); with
// `allow_two_digits`, two digits alone ("22 Jan 19"). Five or six digits
// whose first four make a year up to 2100 are that year with a footnote
// marker glued on ("August 20101" -> 2010). Every guess adds a warning.
std::optional<int> ReadYear(Cursor& c, bool allow_two_digits) {
  const Cursor::Mark m = c.mark();
  bool apostrophe = false;
  if (c.PeekIs("'") && c.Peek(1) != nullptr && c.Peek(1)->glued) {
    c.Take();
    apostrophe = true;
  }
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != Kind::kNumber || t->ordinal || !AllDigits(t->text)) {
    c.Reset(m);
    return std::nullopt;
  }
  const std::string digits = t->text;
  if (digits.size() == 4 && !apostrophe) {
    const int year = ToInt(digits);
    if (year < kMinYear) {
      c.Reset(m);
      return std::nullopt;
    }
    c.Take();
    if (year > 2100) {
      c.Warn(absl::StrCat("year ", year, " is far in the future: a typo?"));
    }
    return year;
  }
  if (digits.size() == 2 && (apostrophe || allow_two_digits)) {
    c.Take();
    const int year = ExpandTwoDigitYear(ToInt(digits));
    c.Warn(absl::StrCat("two-digit year '", digits, "' read as ", year));
    return year;
  }
  if ((digits.size() == 5 || digits.size() == 6) && !apostrophe) {
    const int year = ToInt(digits.substr(0, 4));
    if (year >= 1000 && year <= 2100) {
      c.Take();
      c.Warn(absl::StrCat("'", digits, "' read as the year ", year,
                          " followed by the footnote marker '", digits.substr(4),
                          "'"));
      return year;
    }
  }
  c.Reset(m);
  return std::nullopt;
}

// A day of the month: "7", "07", "12th".
std::optional<int> ReadDay(Cursor& c) {
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != Kind::kNumber || !AllDigits(t->text) ||
      t->text.size() > 2) {
    return std::nullopt;
  }
  const int day = ToInt(t->text);
  if (day < 1 || day > 31) return std::nullopt;
  c.Take();
  return day;
}

// A date as parsed: absolute, or relative to an anchor.
struct DateValue {
  std::optional<RelativeDate> relative;
  CalendarDate start;
  std::optional<CalendarDate> end;
};

DateValue Absolute(const CalendarDate& start,
                   std::optional<CalendarDate> end = std::nullopt) {
  return DateValue{std::nullopt, start, std::move(end)};
}
DateValue Relative(const RelativeDate& r) { return DateValue{r, {}, std::nullopt}; }

// A calendar date as written, with the parts it gives (0 = not given).
struct Partial {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string day_text;  // the day as written ("07")
};

void ReadYearAfter(Cursor& c, bool allow_two_digits, Partial* p) {
  const Cursor::Mark m = c.mark();
  c.Accept(",");
  if (std::optional<int> y = ReadYear(c, allow_two_digits)) {
    p->year = *y;
  } else {
    c.Reset(m);
  }
}

// One calendar date at any granularity, or one side of a range:
//   [the] D [of] M [,] [Y]   "12th June 2014", "23 Jan 19", "the 7th of April"
//   M [,] Y                  "Feb 2003", "Nov2014", "August 20101"
//   M D [,] [Y]              "May 2, 2011", "April 07"
//   M                        "April"
//   Y                        "2012"
//   D [,] [Y]                "11" in "11-13 May", "13, 2011" in "May 11-13, 2011"
std::optional<Partial> ReadPartial(Cursor& c) {
  const Cursor::Mark start = c.mark();
  Partial p;
  c.Accept("the");
  const Token* day_token = c.Peek();
  if (std::optional<int> day = ReadDay(c)) {
    p.day = *day;
    p.day_text = day_token->text;
    const Cursor::Mark after_day = c.mark();
    c.Accept("of");
    if (std::optional<int> month = ReadMonth(c)) {
      p.month = *month;
      ReadYearAfter(c, /*allow_two_digits=*/true, &p);
      return p;
    }
    c.Reset(after_day);
    ReadYearAfter(c, /*allow_two_digits=*/false, &p);
    return p;
  }
  c.Reset(start);
  if (std::optional<int> month = ReadMonth(c)) {
    p.month = *month;
    const Cursor::Mark after_month = c.mark();
    c.Accept(",");
    if (std::optional<int> year = ReadYear(c, /*allow_two_digits=*/false)) {
      p.year = *year;
      return p;
    }
    c.Reset(after_month);
    const Token* t = c.Peek();
    if (std::optional<int> day = ReadDay(c)) {
      p.day = *day;
      p.day_text = t->text;
      ReadYearAfter(c, /*allow_two_digits=*/false, &p);
    }
    return p;
  }
  c.Reset(start);
  if (std::optional<int> year = ReadYear(c, /*allow_two_digits=*/false)) {
    p.year = *year;
    return p;
  }
  c.Reset(start);
  return std::nullopt;
}

// A single partial date as a date: a day, month or year; with no year, a
// date in the anchor's year ("April 07").
std::optional<DateValue> FromPartial(Cursor& c, const Partial& p) {
  if (p.day != 0 && p.month == 0) {
    c.Diagnose(absl::StrCat("the day ", p.day, " has no month"));
    return std::nullopt;
  }
  if (p.year != 0) return Absolute(Cd(p.year, p.month, p.day));
  if (p.month == 0) return std::nullopt;
  if (p.day != 0 && p.day_text.size() == 2 && p.day_text[0] == '0') {
    c.Warn(absl::StrCat("'", p.day_text, "' read as the day (", kMonthNames[p.month - 1],
                        " ", p.day, "); it could also be the year ",
                        ExpandTwoDigitYear(p.day)));
  }
  RelativeDate r;
  r.unit = RelativeUnit::kYear;
  r.start_month = r.end_month = p.month;
  r.start_day = r.end_day = p.day;
  return Relative(r);
}

// Two sides of a range, each filling in what the other leaves out:
// "May 11-13, 2011", "11-13 May 2011", "May 30 - June 2, 2011",
// "September-October 2017", "1947 to 1991", "2010-12" (2010-2012).
std::optional<DateValue> CombineRange(Cursor& c, Partial a, Partial b) {
  if (a.year != 0 && a.month == 0 && b.year == 0 && b.month == 0 &&
      b.day_text.size() == 2) {
    int year = a.year - a.year % 100 + b.day;
    if (year <= a.year) year += 100;
    c.Warn(absl::StrCat("'", a.year, "-", b.day_text, "' read as the years ", a.year,
                        "-", year));
    b = Partial{year, 0, 0, ""};
  }
  if (a.year == 0) a.year = b.year;
  if (b.year == 0) b.year = a.year;
  // A day borrows the other side's month only when that side has a day too
  // ("May 11-13", not "May - 13").
  if (a.day != 0 && a.month == 0 && b.day != 0) a.month = b.month;
  if (b.day != 0 && b.month == 0 && a.day != 0) b.month = a.month;
  if ((a.day != 0 && a.month == 0) || (b.day != 0 && b.month == 0)) return std::nullopt;
  if (a.year != 0) {
    return Absolute(Cd(a.year, a.month, a.day), Cd(b.year, b.month, b.day));
  }
  if (a.month == 0 || b.month == 0) return std::nullopt;
  RelativeDate r;
  r.unit = RelativeUnit::kYear;
  r.start_month = a.month;
  r.start_day = a.day;
  r.end_month = b.month;
  r.end_day = b.day;
  return Relative(r);
}

constexpr Phrase kRangeSeparators[] = {{"-"},    {"to"},      {"until"}, {"till"},
                                       {"through"}, {"thru"}, {"/"}};

// A calendar date or a range of them. With `between`, "and" also separates
// ("between 1965 and 1971").
std::optional<DateValue> ReadCalendarDate(Cursor& c, bool between) {
  std::optional<Partial> a = ReadPartial(c);
  if (!a.has_value()) return std::nullopt;
  const Cursor::Mark m = c.mark();
  if (AcceptLongest(c, kRangeSeparators) != nullptr || (between && c.Accept("and"))) {
    if (std::optional<Partial> b = ReadPartial(c)) {
      if (std::optional<DateValue> v = CombineRange(c, *a, *b)) return v;
    }
  }
  c.Reset(m);
  return FromPartial(c, *a);
}

// "2019-01-23"; "23/01/2019" or "01/23/2019" (also with '-' or '.') when only
// one order of day and month gives a date; two-digit years with a warning.
std::optional<DateValue> ReadNumericDate(Cursor& c) {
  std::vector<std::string> parts;
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != Kind::kNumber || t->ordinal) return std::nullopt;
  if (std::count(t->text.begin(), t->text.end(), '.') == 2 &&
      t->text.find(',') == std::string::npos) {
    parts = absl::StrSplit(t->text, '.');  // "23.01.2019" is one token
    c.Take();
  } else {
    // N sep N sep N, glued, with one separator ('/' or '-') twice.
    const Token* sep = c.Peek(1);
    for (size_t i = 0; i < 5; ++i) {
      const Token* n = c.Peek(i);
      const bool ok = n != nullptr && (i == 0 || n->glued) &&
                      (i % 2 == 0 ? n->kind == Kind::kNumber && !n->ordinal &&
                                        AllDigits(n->text)
                                  : (n->lower == "/" || n->lower == "-") &&
                                        n->lower == sep->lower);
      if (!ok) return std::nullopt;
    }
    for (size_t i = 0; i < 5; ++i) {
      const Token& n = c.Take();
      if (i % 2 == 0) parts.push_back(n.text);
    }
  }
  for (const std::string& p : parts) {
    if (!AllDigits(p)) return std::nullopt;
  }
  const std::string shape = absl::StrJoin(parts, "/");
  if (parts[0].size() == 4) {  // year first: ISO 8601
    return Absolute(Cd(ToInt(parts[0]), ToInt(parts[1]), ToInt(parts[2])));
  }
  if (parts[0].size() > 2 || parts[1].size() > 2 ||
      (parts[2].size() != 4 && parts[2].size() != 2)) {
    c.Diagnose(absl::StrCat("'", shape, "' is not a date"));
    return std::nullopt;
  }
  const int a = ToInt(parts[0]), b = ToInt(parts[1]);
  int year = ToInt(parts[2]);
  if (parts[2].size() == 2) {
    year = ExpandTwoDigitYear(year);
    c.Warn(absl::StrCat("two-digit year '", parts[2], "' read as ", year));
  }
  if (a > 12 && b > 12) {
    c.Diagnose(absl::StrCat("'", shape, "': neither ", a, " nor ", b, " is a month"));
    return std::nullopt;
  }
  if (a <= 12 && b <= 12 && a != b) {
    c.Diagnose(absl::StrCat("'", shape, "' is ambiguous: day/month or month/day"));
    return std::nullopt;
  }
  const int month = a <= 12 ? a : b;
  const int day = a <= 12 ? b : a;
  return Absolute(Cd(year, month, day));
}

// --- Parts of periods --------------------------------------------------------

enum class Part {
  kEarly, kMid, kLate, kStart, kEnd, kFirstHalf, kSecondHalf,
  kQ1, kQ2, kQ3, kQ4, kWeek1, kWeek2, kWeek3, kWeek4, kLastWeek,
};

struct PartPhrase {
  const char* phrase;
  Part part;
};
// Read after an optional "the"; an optional "-", "of" or "in" may follow.
constexpr PartPhrase kParts[] = {
    {"early", Part::kEarly},
    {"mid", Part::kMid},
    {"middle of", Part::kMid},
    {"late", Part::kLate},
    {"start of", Part::kStart},
    {"beginning of", Part::kStart},
    {"start", Part::kStart},
    {"end", Part::kEnd},
    {"end of", Part::kEnd},
    {"close of", Part::kEnd},
    {"first half of", Part::kFirstHalf},
    {"h 1", Part::kFirstHalf},
    {"second half of", Part::kSecondHalf},
    {"latter half of", Part::kSecondHalf},
    {"h 2", Part::kSecondHalf},
    {"first quarter of", Part::kQ1},
    {"q 1", Part::kQ1},
    {"second quarter of", Part::kQ2},
    {"q 2", Part::kQ2},
    {"third quarter of", Part::kQ3},
    {"q 3", Part::kQ3},
    {"fourth quarter of", Part::kQ4},
    {"last quarter of", Part::kQ4},
    {"final quarter of", Part::kQ4},
    {"q 4", Part::kQ4},
    {"first week of", Part::kWeek1},
    {"second week of", Part::kWeek2},
    {"third week of", Part::kWeek3},
    {"fourth week of", Part::kWeek4},
    {"last week of", Part::kLastWeek},
    {"final week of", Part::kLastWeek},
};

// Part of a year: the months (and days; 0 = the whole month) it covers.
struct YearPart {
  int start_month, start_day, end_month, end_day;
};
std::optional<YearPart> PartOfYear(Part part) {
  switch (part) {
    // Thirds of the year.
    case Part::kEarly: return YearPart{1, 0, 4, 0};
    case Part::kMid: return YearPart{5, 0, 8, 0};
    case Part::kLate: return YearPart{9, 0, 12, 0};
    // "Start"/"end" are narrower than "early"/"late": the first or last
    // quarter ("end-2014" = October-December 2014).
    case Part::kStart: return YearPart{1, 0, 3, 0};
    case Part::kEnd: return YearPart{10, 0, 12, 0};
    case Part::kFirstHalf: return YearPart{1, 0, 6, 0};
    case Part::kSecondHalf: return YearPart{7, 0, 12, 0};
    case Part::kQ1: return YearPart{1, 0, 3, 0};
    case Part::kQ2: return YearPart{4, 0, 6, 0};
    case Part::kQ3: return YearPart{7, 0, 9, 0};
    case Part::kQ4: return YearPart{10, 0, 12, 0};
    // Weeks are 7-day blocks from 1 January; the last is 25-31 December.
    case Part::kWeek1: return YearPart{1, 1, 1, 7};
    case Part::kWeek2: return YearPart{1, 8, 1, 14};
    case Part::kWeek3: return YearPart{1, 15, 1, 21};
    case Part::kWeek4: return YearPart{1, 22, 1, 28};
    case Part::kLastWeek: return YearPart{12, 25, 12, 31};
  }
  return std::nullopt;
}

// Days [first, last] of a month. A last day of 0 is the month's last day; a
// negative day counts from the end (-7 = the seventh day from the end).
struct DayRange {
  int first, last;
};
std::optional<DayRange> PartOfMonth(Part part) {
  switch (part) {
    // Thirds of the month ("early April" = 1-10 April).
    case Part::kEarly: return DayRange{1, 10};
    case Part::kMid: return DayRange{11, 20};
    case Part::kLate: return DayRange{21, 0};
    // "Start"/"end": the first or last seven days, as the first/last week.
    case Part::kStart: return DayRange{1, 7};
    case Part::kEnd: return DayRange{-7, 0};
    case Part::kFirstHalf: return DayRange{1, 15};
    case Part::kSecondHalf: return DayRange{16, 0};
    case Part::kWeek1: return DayRange{1, 7};
    case Part::kWeek2: return DayRange{8, 14};
    case Part::kWeek3: return DayRange{15, 21};
    case Part::kWeek4: return DayRange{22, 28};
    case Part::kLastWeek: return DayRange{-7, 0};
    default: return std::nullopt;  // quarters of a month
  }
}

// Years of a decade, as offsets [first, last] from its first year.
std::optional<DayRange> PartOfDecade(Part part) {
  switch (part) {
    // Thirds, rounded to whole years: 0-3, 4-6, 7-9 ("late 1990s" =
    // 1997-1999).
    case Part::kEarly: return DayRange{0, 3};
    case Part::kMid: return DayRange{4, 6};
    case Part::kLate: return DayRange{7, 9};
    // "Start"/"end": the first or last quarter, rounded outwards to whole
    // years (0-2, 7-9).
    case Part::kStart: return DayRange{0, 2};
    case Part::kEnd: return DayRange{7, 9};
    case Part::kFirstHalf: return DayRange{0, 4};
    case Part::kSecondHalf: return DayRange{5, 9};
    default: return std::nullopt;  // quarters and weeks of a decade
  }
}

// --- Decades -----------------------------------------------------------------

struct DecadeWord {
  const char* phrase;
  int year;
};
constexpr DecadeWord kDecadeWords[] = {
    {"twenties", 1920}, {"thirties", 1930}, {"forties", 1940}, {"fifties", 1950},
    {"sixties", 1960},  {"seventies", 1970}, {"eighties", 1980}, {"nineties", 1990},
};

// "the 1970s", "1970s", "the 1970's": the first year of the decade. "the
// '70s", "the 70s" and "the seventies" are taken to be in the 1900s, with a
// warning; "the 1900s" and "the 2000s" warn that a century may be meant.
std::optional<int> ReadDecade(Cursor& c) {
  const Cursor::Mark m = c.mark();
  c.Accept("the");
  if (const DecadeWord* w = AcceptLongest(c, kDecadeWords)) {
    c.Warn(absl::StrCat("'", w->phrase, "' read as the ", w->year, "s"));
    return w->year;
  }
  const bool apostrophe = c.PeekIs("'") && c.Peek(1) != nullptr && c.Peek(1)->glued;
  if (apostrophe) c.Take();
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != Kind::kNumber || t->ordinal || !AllDigits(t->text)) {
    c.Reset(m);
    return std::nullopt;
  }
  size_t suffix = 0;  // tokens of the plural "s": "s" or "'s", glued
  if (c.Peek(1) != nullptr && c.Peek(1)->glued && c.Peek(1)->lower == "s") {
    suffix = 1;
  } else if (c.Peek(1) != nullptr && c.Peek(1)->glued && c.Peek(1)->lower == "'" &&
             c.Peek(2) != nullptr && c.Peek(2)->glued && c.Peek(2)->lower == "s") {
    suffix = 2;
  }
  const int n = ToInt(t->text);
  const bool four = t->text.size() == 4 && !apostrophe;
  const bool two = t->text.size() == 2;
  if (suffix == 0 || n % 10 != 0 || !(four || two)) {
    c.Reset(m);
    return std::nullopt;
  }
  c.Take();
  for (size_t i = 0; i < suffix; ++i) c.Take();
  if (two) {
    c.Warn(absl::StrCat("'", t->text, "s' read as the ", 1900 + n, "s"));
    return 1900 + n;
  }
  if (n % 100 == 0) {
    c.Warn(absl::StrCat("'", n, "s' read as the decade ", n, "-", n + 9,
                        "; it could also mean the century"));
  }
  return n;
}

// --- Relative dates ----------------------------------------------------------

struct WhichPhrase {
  const char* phrase;
  int offset;
};
// "this summer", "last June", "the following year".
constexpr WhichPhrase kWhich[] = {
    {"this", 0},          {"that", 0},           {"the same", 0},
    {"the current", 0},   {"last", -1},          {"the previous", -1},
    {"the preceding", -1}, {"the prior", -1},    {"next", 1},
    {"the next", 1},      {"the following", 1},  {"the coming", 1},
};

struct RelativePhrase {
  std::string phrase;
  RelativeUnit unit;
  int offset;
};

// "last year", "the following month", "the day before", "yesterday", ...
const std::vector<RelativePhrase>& RelativePhrases() {
  static const std::vector<RelativePhrase>* const table = [] {
    auto* t = new std::vector<RelativePhrase>;
    const std::pair<const char*, RelativeUnit> units[] = {
        {"year", RelativeUnit::kYear},
        {"month", RelativeUnit::kMonth},
        {"week", RelativeUnit::kWeek},
        {"day", RelativeUnit::kDay}};
    for (const auto& [word, unit] : units) {
      for (const WhichPhrase& w : kWhich) {
        // "last day" is the final day of something, not yesterday.
        if (unit == RelativeUnit::kDay && absl::string_view(w.phrase) == "last") continue;
        t->push_back({absl::StrCat(w.phrase, " ", word), unit, w.offset});
      }
      t->push_back({absl::StrCat("the ", word, " before"), unit, -1});
      t->push_back({absl::StrCat("the ", word, " after"), unit, 1});
    }
    t->push_back({"yesterday", RelativeUnit::kDay, -1});
    t->push_back({"today", RelativeUnit::kDay, 0});
    t->push_back({"tomorrow", RelativeUnit::kDay, 1});
    return t;
  }();
  return *table;
}

// After a part only: "the end of the year", "early in the month".
const std::vector<RelativePhrase>& ThePeriodPhrases() {
  static const std::vector<RelativePhrase>* const table =
      new std::vector<RelativePhrase>{{"the year", RelativeUnit::kYear, 0},
                                      {"the month", RelativeUnit::kMonth, 0}};
  return *table;
}

struct SeasonName {
  const char* phrase;
  Season season;
  int first_month;
  int last_month;
};
// Northern hemisphere, meteorological seasons.
constexpr SeasonName kSeasons[] = {
    {"spring", Season::kSpring, 3, 5},
    {"summer", Season::kSummer, 6, 8},
    {"autumn", Season::kAutumn, 9, 11},
    {"fall", Season::kAutumn, 9, 11},
    {"winter", Season::kWinter, 12, 2},
};

const SeasonName& SeasonInfo(Season s) {
  for (const SeasonName& n : kSeasons) {
    if (n.season == s) return n;
  }
  return kSeasons[0];
}

// "this summer", "last winter"; "summer 2014", "the summer of 2014",
// "winter 2013-14"; "summer" alone (as "this summer", with a warning).
std::optional<DateValue> ReadSeason(Cursor& c) {
  const WhichPhrase* which = AcceptLongest(c, kWhich);
  if (which == nullptr) c.Accept("the");
  const SeasonName* season = AcceptLongest(c, kSeasons);
  if (season == nullptr) return std::nullopt;
  RelativeDate r;
  r.unit = RelativeUnit::kSeason;
  r.season = season->season;
  if (which != nullptr) {
    r.offset = which->offset;
    return Relative(r);
  }
  const Cursor::Mark before_year = c.mark();
  if (!c.Accept("of")) c.Accept(",");
  if (std::optional<int> year = ReadYear(c, /*allow_two_digits=*/false)) {
    if (season->season != Season::kWinter) {
      return Absolute(Cd(*year, season->first_month), Cd(*year, season->last_month));
    }
    // "winter 2013-14", "winter 2013/2014": December 2013 - February 2014.
    const Cursor::Mark m = c.mark();
    if (c.Accept("-") || c.Accept("/")) {
      const Token* t = c.Peek();
      if (t != nullptr && t->kind == Kind::kNumber && AllDigits(t->text) &&
          ((t->text.size() == 2 && ToInt(t->text) == (*year + 1) % 100) ||
           (t->text.size() == 4 && ToInt(t->text) == *year + 1))) {
        c.Take();
        return Absolute(Cd(*year, 12), Cd(*year + 1, 2));
      }
    }
    c.Reset(m);
    // "winter 2014": the winter whose January and February fall in 2014
    // (December 2013 - February 2014), as meteorological offices name it.
    c.Warn(absl::StrCat("'winter ", *year, "' read as December ", *year - 1,
                        " - February ", *year));
    return Absolute(Cd(*year - 1, 12), Cd(*year, 2));
  }
  c.Reset(before_year);
  c.Warn(absl::StrCat("'", season->phrase, "' with no year read as 'this ",
                      season->phrase, "'"));
  return Relative(r);
}

// "last year", "the following month", "yesterday"; "last June", "this April".
std::optional<DateValue> ReadRelative(Cursor& c) {
  if (const RelativePhrase* p = AcceptLongest(c, RelativePhrases())) {
    RelativeDate r;
    r.unit = p->unit;
    r.offset = p->offset;
    return Relative(r);
  }
  const WhichPhrase* which = AcceptLongest(c, kWhich);
  if (which == nullptr) return std::nullopt;
  std::optional<int> month = ReadMonth(c);
  if (!month.has_value()) return std::nullopt;
  RelativeDate r;
  if (which->offset == 0) {  // "this April": April of the anchor's year
    r.unit = RelativeUnit::kYear;
    r.start_month = r.end_month = *month;
  } else {
    r.unit = RelativeUnit::kNamedMonth;
    r.offset = which->offset;
    r.month = *month;
  }
  return Relative(r);
}

// A part of a period: "end-2014", "late 1990s", "early April", "the last
// week of 2018", "mid-May 2011", "late last year", "Q3 2014".
std::optional<DateValue> ReadPartOf(Cursor& c) {
  c.Accept("the");
  const PartPhrase* phrase = AcceptLongest(c, kParts);
  if (phrase == nullptr) return std::nullopt;
  const Part part = phrase->part;
  c.Accept("-");
  if (!c.Accept("of")) c.Accept("in");
  const Cursor::Mark base = c.mark();

  if (std::optional<int> decade = ReadDecade(c)) {
    std::optional<DayRange> years = PartOfDecade(part);
    if (!years.has_value()) {
      c.Diagnose(absl::StrCat("'", phrase->phrase, "' of a decade is not defined"));
      return std::nullopt;
    }
    return Absolute(Cd(*decade + years->first), Cd(*decade + years->last));
  }
  c.Reset(base);

  const RelativePhrase* rel = AcceptLongest(c, RelativePhrases());
  if (rel == nullptr) rel = AcceptLongest(c, ThePeriodPhrases());
  if (rel != nullptr) {
    RelativeDate r;
    r.unit = rel->unit;
    r.offset = rel->offset;
    if (rel->unit == RelativeUnit::kYear) {
      const YearPart y = *PartOfYear(part);
      r.start_month = y.start_month;
      r.start_day = y.start_day;
      r.end_month = y.end_month;
      r.end_day = y.end_day;
      return Relative(r);
    }
    if (rel->unit == RelativeUnit::kMonth) {
      std::optional<DayRange> days = PartOfMonth(part);
      if (!days.has_value()) return std::nullopt;
      r.start_day = days->first;
      r.end_day = days->last;
      return Relative(r);
    }
    return std::nullopt;  // parts of weeks and days
  }
  c.Reset(base);

  std::optional<Partial> p = ReadPartial(c);
  if (!p.has_value() || p->day != 0) return std::nullopt;
  if (p->month == 0) {  // a year
    const YearPart y = *PartOfYear(part);
    return Absolute(Cd(p->year, y.start_month, y.start_day),
                    Cd(p->year, y.end_month, y.end_day));
  }
  std::optional<DayRange> days = PartOfMonth(part);
  if (!days.has_value()) {
    c.Diagnose(absl::StrCat("'", phrase->phrase, "' of a month is not defined"));
    return std::nullopt;
  }
  if (p->year != 0) {
    const int y = p->year, m = p->month;
    const int last = days->last == 0 ? DaysInMonth(y, m) : DayIn(y, m, days->last);
    return Absolute(Cd(y, m, DayIn(y, m, days->first)), Cd(y, m, last));
  }
  RelativeDate r;
  r.unit = RelativeUnit::kYear;
  r.start_month = r.end_month = p->month;
  r.start_day = days->first;
  r.end_day = days->last;
  return Relative(r);
}

std::optional<DateValue> ReadDecadeDate(Cursor& c) {
  std::optional<int> decade = ReadDecade(c);
  if (!decade.has_value()) return std::nullopt;
  return Absolute(Cd(*decade), Cd(*decade + 9));
}

// Words before a date, kept in `lead`; `vague` ones add a warning.
struct LeadPhrase {
  const char* phrase;
  bool vague;
};
constexpr LeadPhrase kDateLeads[] = {
    {"in", false},     {"on", false},      {"at", false},     {"during", false},
    {"of", false},     {"for", false},     {"dated", false},  {"throughout", false},
    {"as of", false},  {"since", false},   {"from", false},   {"to", false},
    {"until", false},  {"till", false},    {"up to", false},  {"by", false},
    {"before", false}, {"after", false},   {"between", false}, {"around", true},
    {"about", true},   {"circa", true},    {"c .", true},     {"towards", true},
    {"toward", true},
};

// Words after a date, kept in `trail`.
constexpr Phrase kDateTrails[] = {{"onwards"}, {"onward"}};

// Checks what the calendar cannot: days that exist in the month named.
absl::Status CheckRelative(const RelativeDate& r) {
  auto check = [](int month, int day) -> absl::Status {
    if (month < 0 || month > 12) {
      return absl::InvalidArgumentError(absl::StrCat("month ", month, " does not exist"));
    }
    const int max = month == 0 ? 31 : (month == 2 ? 29 : DaysInMonth(2001, month));
    if (day > max || day < -max) {
      return absl::InvalidArgumentError(absl::StrCat(
          month == 0 ? std::string("a month") : std::string(kMonthNames[month - 1]),
          " has no day ", day));
    }
    return absl::OkStatus();
  };
  absl::Status s = check(r.start_month, r.start_day);
  if (s.ok()) s = check(r.end_month, r.end_day);
  if (!s.ok()) return s;
  if (r.unit == RelativeUnit::kYear &&
      ((r.start_month == 0 && r.start_day != 0) || (r.end_month == 0 && r.end_day != 0))) {
    return absl::InvalidArgumentError("a day without a month");
  }
  if (r.start_month == r.end_month && r.start_day > 0 && r.end_day > 0 &&
      r.end_day < r.start_day) {
    return absl::InvalidArgumentError("the range ends before it starts");
  }
  if (r.unit == RelativeUnit::kNamedMonth && (r.month < 1 || r.month > 12)) {
    return absl::InvalidArgumentError(absl::StrCat("month ", r.month, " does not exist"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<NormalizedDate> NormalizeDate(absl::string_view phrase) {
  absl::StatusOr<Prepared> prepared = Prepare(phrase, "date");
  if (!prepared.ok()) return prepared.status();
  Prepared& p = *prepared;
  NormalizedDate out;
  out.warnings = p.warnings;

  // A time of day after the date: "12th June 2014 12:35 AM".
  if (p.end - p.begin >= 4) {
    size_t e = p.end;
    if (p.tokens[e - 1].lower == "am" || p.tokens[e - 1].lower == "pm") --e;
    const Token* hour = e - p.begin >= 4 ? &p.tokens[e - 3] : nullptr;
    const Token* minute = e - p.begin >= 4 ? &p.tokens[e - 1] : nullptr;
    if (hour != nullptr && hour->kind == Kind::kNumber && AllDigits(hour->text) &&
        hour->text.size() <= 2 && ToInt(hour->text) <= 24 &&
        p.tokens[e - 2].lower == ":" && p.tokens[e - 2].glued && minute->glued &&
        minute->kind == Kind::kNumber && minute->text.size() == 2 &&
        AllDigits(minute->text) && ToInt(minute->text) <= 59) {
      const size_t from = e - 3;
      out.warnings.push_back(absl::StrCat(
          "time of day '",
          phrase.substr(p.tokens[from].begin, p.tokens[p.end - 1].end - p.tokens[from].begin),
          "' ignored"));
      p.end = from;
    }
  }
  {
    Cursor tail(p.tokens, p.end - 1, p.end);
    if (p.end - p.begin >= 2 && AcceptLongest(tail, kDateTrails) != nullptr) {
      out.trail = p.tokens[p.end - 1].lower;
      --p.end;
    }
  }

  Cursor c(p.tokens, p.begin, p.end);
  const LeadPhrase* lead = AcceptLongest(c, kDateLeads);
  if (lead != nullptr && c.AtEnd()) {  // the phrase is only a preposition
    c.Reset({p.begin, 0});
    lead = nullptr;
  }
  if (lead != nullptr) {
    out.lead = lead->phrase;
    if (out.lead == "c .") out.lead = "c.";
    if (lead->vague) {
      out.warnings.push_back(absl::StrCat("'", out.lead,
                                          "' ignored: the date is read as stated"));
    }
  }
  const bool between = out.lead == "between";
  const Cursor::Mark body = c.mark();

  using Reader = std::optional<DateValue> (*)(Cursor&, bool);
  const Reader readers[] = {
      [](Cursor& c, bool) { return ReadNumericDate(c); },
      [](Cursor& c, bool) { return ReadPartOf(c); },
      [](Cursor& c, bool) { return ReadDecadeDate(c); },
      [](Cursor& c, bool) { return ReadSeason(c); },
      [](Cursor& c, bool) { return ReadRelative(c); },
      [](Cursor& c, bool between) { return ReadCalendarDate(c, between); },
  };
  for (const Reader read : readers) {
    c.Reset(body);
    std::optional<DateValue> v = read(c, between);
    if (!v.has_value() || !c.AtEnd()) continue;
    if (between && !v->end.has_value() &&
        !(v->relative.has_value() && v->relative->end_month != v->relative->start_month)) {
      c.Diagnose("'between' needs two dates");
      continue;
    }

    out.span = SpanOf(p, body.pos, c.pos());
    out.warnings.insert(out.warnings.end(), c.warnings().begin(), c.warnings().end());
    if (v->relative.has_value()) {
      absl::Status ok = CheckRelative(*v->relative);
      if (!ok.ok()) return Failure(phrase, "date", ok.message());
      out.relative = std::move(v->relative);
      out.relative->text = p.text;
      return out;
    }
    DateSpec spec;
    *spec.mutable_start() = v->start;
    if (v->end.has_value()) *spec.mutable_end() = *v->end;
    spec.set_text(p.text);
    absl::Status ok = DateSpecInterval(spec).status();
    if (!ok.ok()) return Failure(phrase, "date", ok.message());
    out.date = std::move(spec);
    return out;
  }
  return NotUnderstood(phrase, "date", p, c);
}

absl::StatusOr<DateSpec> ResolveRelativeDate(const RelativeDate& r,
                                             const CalendarDate& anchor) {
  if (absl::Status s = CalendarDateInterval(anchor).status(); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("anchor: ", s.message()));
  }
  if (absl::Status s = CheckRelative(r); !s.ok()) return s;
  auto need = [&](bool ok, absl::string_view what) -> absl::Status {
    if (ok) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(
        "'", DescribeRelativeDate(r), "' needs an anchor with a ", what));
  };
  DateSpec out;
  out.set_text(r.text);
  const int ay = anchor.year(), am = anchor.month();
  switch (r.unit) {
    case RelativeUnit::kYear: {
      const int y = ay + r.offset;
      if (r.start_month == 0) {
        *out.mutable_start() = Cd(y);
        break;
      }
      const int end_year = r.end_month < r.start_month ? y + 1 : y;
      *out.mutable_start() = Cd(y, r.start_month, DayIn(y, r.start_month, r.start_day));
      if (r.end_month != r.start_month || r.end_day != r.start_day) {
        *out.mutable_end() =
            Cd(end_year, r.end_month, DayIn(end_year, r.end_month, r.end_day));
      }
      break;
    }
    case RelativeUnit::kMonth: {
      if (absl::Status s = need(am != 0, "month"); !s.ok()) return s;
      const int index = ay * 12 + (am - 1) + r.offset;
      const int y = index / 12, m = index % 12 + 1;
      *out.mutable_start() = Cd(y, m, DayIn(y, m, r.start_day));
      if (r.start_day != 0 || r.end_day != 0) {
        *out.mutable_end() = Cd(y, m, DayIn(y, m, r.end_day));
      }
      break;
    }
    case RelativeUnit::kWeek:
    case RelativeUnit::kDay: {
      if (absl::Status s = need(anchor.day() != 0, "day"); !s.ok()) return s;
      const int64_t day = DaysFromCivil(ay, am, anchor.day());
      int64_t first = day + r.offset, last = first;
      if (r.unit == RelativeUnit::kWeek) {  // Monday to Sunday
        const int64_t weekday = ((day + 3) % 7 + 7) % 7;  // 1970-01-01: Thursday
        first = day - weekday + 7 * r.offset;
        last = first + 6;
      }
      const Civil a = CivilFromDays(first), b = CivilFromDays(last);
      *out.mutable_start() = Cd(a.year, a.month, a.day);
      if (last != first) *out.mutable_end() = Cd(b.year, b.month, b.day);
      break;
    }
    case RelativeUnit::kSeason:
    case RelativeUnit::kNamedMonth: {
      const int first = r.unit == RelativeUnit::kSeason ? SeasonInfo(r.season).first_month
                                                         : r.month;
      const int last = r.unit == RelativeUnit::kSeason ? SeasonInfo(r.season).last_month
                                                        : r.month;
      const bool wraps = last < first;
      const int length = (last - first + 12) % 12 + 1;
      // Occurrence Y runs over months [s(Y), e(Y)], counted as year*12+month-1.
      auto s = [&](int y) { return y * 12 + first - 1; };
      auto e = [&](int y) { return s(y) + length - 1; };
      int y = ay;
      if (am == 0) {
        if (absl::Status st = need(r.offset == 0 && !wraps, "month"); !st.ok()) return st;
      } else {
        const int a = ay * 12 + am - 1;
        if (r.offset == 0) {
          if (s(ay) <= a && a <= e(ay)) {
            y = ay;
          } else if (s(ay - 1) <= a && a <= e(ay - 1)) {
            y = ay - 1;
          } else if (wraps) {  // winter: the coming one from June, else the past one
            y = am >= 6 ? ay : ay - 1;
          }
        } else if (r.offset < 0) {  // the latest that ended before the anchor's month
          y = ay + 1;
          while (e(y) >= a) --y;
          y += r.offset + 1;
        } else {  // the first that starts after the anchor's month
          y = ay - 1;
          while (s(y) <= a) ++y;
          y += r.offset - 1;
        }
      }
      *out.mutable_start() = Cd(y, first);
      if (length > 1) *out.mutable_end() = Cd(wraps ? y + 1 : y, last);
      break;
    }
  }
  if (absl::Status s = DateSpecInterval(out).status(); !s.ok()) return s;
  return out;
}

std::string DescribeRelativeDate(const RelativeDate& r) {
  std::string unit;
  switch (r.unit) {
    case RelativeUnit::kDay: unit = "day"; break;
    case RelativeUnit::kWeek: unit = "week"; break;
    case RelativeUnit::kMonth: unit = "month"; break;
    case RelativeUnit::kYear: unit = "year"; break;
    case RelativeUnit::kSeason:
      unit = absl::StrCat("season ", SeasonInfo(r.season).phrase);
      break;
    case RelativeUnit::kNamedMonth:
      unit = r.month >= 1 && r.month <= 12 ? kMonthNames[r.month - 1] : "month ?";
      break;
  }
  std::string out = absl::StrFormat("%s%+d", unit, r.offset);
  if (r.start_month != 0 || r.start_day != 0 || r.end_month != 0 || r.end_day != 0) {
    absl::StrAppendFormat(&out, " %02d-%02d..%02d-%02d", r.start_month, r.start_day,
                          r.end_month, r.end_day);
  }
  return out;
}

// ===========================================================================
// Durations
// ===========================================================================

namespace {

struct UnitPhrase {
  const char* phrase;
  const char* unit;
  bool plural;
};
constexpr UnitPhrase kDurationUnits[] = {
    {"day", "day", false},       {"days", "day", true},
    {"week", "week", false},     {"weeks", "week", true},
    {"month", "month", false},   {"months", "month", true},
    {"year", "year", false},     {"years", "year", true},
    {"yr", "year", false},       {"yrs", "year", true},
    {"decade", "decade", false}, {"decades", "decade", true},
};

// What the duration is of; `implicit_one` leads make a bare unit one unit
// ("in the last decade").
struct DurationLead {
  const char* phrase;
  bool implicit_one;
};
constexpr DurationLead kDurationLeads[] = {
    {"in", false},
    {"after", false},
    {"for", false},
    {"within", false},
    {"of", false},
    {"lasting", false},
    {"a gap of", false},
    {"a period of", false},
    {"after a gap of", false},
    {"after a hiatus of", false},
    {"after a break of", false},
    {"after a lapse of", false},
    {"after an interval of", false},
    {"after an absence of", false},
    {"after a pause of", false},
    {"the last", true},
    {"the past", true},
    {"the next", true},
    {"in the last", true},
    {"in the past", true},
    {"in the next", true},
    {"over the last", true},
    {"over the past", true},
    {"over the next", true},
    {"during the last", true},
    {"during the past", true},
    {"for the last", true},
    {"for the past", true},
    {"for the next", true},
    {"within the last", true},
    {"within the past", true},
    {"within the next", true},
};

struct DirectionPhrase {
  const char* phrase;
  Direction direction;
};
constexpr DirectionPhrase kDirections[] = {
    {"after", Direction::kAfter},      {"later", Direction::kAfter},
    {"on", Direction::kAfter},         {"afterwards", Direction::kAfter},
    {"before", Direction::kBefore},    {"earlier", Direction::kBefore},
    {"prior", Direction::kBefore},     {"ago", Direction::kBefore},
    {"back", Direction::kBefore},
};

// Nouns after a duration: "a 25-year gap", "a 25 year hiatus".
constexpr Phrase kGapNouns[] = {{"gap"},   {"hiatus"}, {"break"}, {"absence"},
                                {"interval"}, {"lull"}, {"pause"}, {"wait"},
                                {"period"}};

}  // namespace

absl::StatusOr<NormalizedDuration> NormalizeDuration(absl::string_view phrase) {
  absl::StatusOr<Prepared> prepared = Prepare(phrase, "duration");
  if (!prepared.ok()) return prepared.status();
  const Prepared& p = *prepared;
  NormalizedDuration out;
  out.warnings = p.warnings;
  Amount& amount = out.amount;
  amount.set_text(p.text);

  Cursor c(p.tokens, p.begin, p.end);
  auto fail = [&]() { return NotUnderstood(phrase, "duration", p, c); };
  const DurationLead* lead = AcceptLongest(c, kDurationLeads);
  if (lead != nullptr) out.lead = lead->phrase;

  size_t first = c.pos();  // the first token of the span
  const QualifierPhrase* qualifier = AcceptLongest(c, kQualifiers);
  if (qualifier != nullptr) amount.set_qualifier(qualifier->qualifier);
  if (AcceptLongest(c, kEmphasis) != nullptr && qualifier == nullptr) first = c.pos();
  // The figure: digits, a number word, or "a"/"an" for one. Before a figure,
  // "a" is an article: "a 25-year gap", "a three-year hiatus".
  auto read_figure = [&]() -> std::optional<std::string> {
    if (std::optional<std::string> digits = ReadFigure(c)) return digits;
    if (std::optional<int> n = ReadNumberWord(c)) return absl::StrCat(*n);
    return std::nullopt;
  };
  std::optional<std::string> value;
  if (c.PeekIs("a") || c.PeekIs("an") || c.PeekIs("the")) {
    const Cursor::Mark article = c.mark();
    c.Take();
    const size_t figure_at = c.pos();
    value = read_figure();
    if (value.has_value()) {
      if (qualifier == nullptr) first = figure_at;
    } else {
      c.Reset(article);
      if (c.Accept("a") || c.Accept("an")) value = "1";
    }
  } else {
    value = read_figure();
  }
  if (value.has_value()) AcceptJoiner(c);  // "25-year"
  const Cursor::Mark before_unit = c.mark();
  const UnitPhrase* unit = AcceptLongest(c, kDurationUnits);
  if (unit == nullptr) return fail();
  amount.set_unit(unit->unit);
  if (value.has_value()) {
    amount.set_value(*value);
  } else if (unit->plural) {
    // "decades": at least two decades (SEMANTICS.md: decades = >= 20 years).
    // Other bare plurals ("for years") read the same way, with a warning.
    if (qualifier != nullptr && absl::string_view(qualifier->phrase) == "over") {
      out.lead = "over";  // "over decades": over the course of decades
      amount.set_qualifier(claimcheck::v1::QUALIFIER_UNSPECIFIED);
      first = before_unit.pos;
    } else if (qualifier != nullptr) {
      c.Diagnose(absl::StrCat("'", qualifier->phrase, "' needs a number"));
      return fail();
    }
    amount.set_value("2");
    amount.set_qualifier(claimcheck::v1::QUALIFIER_AT_LEAST);
    if (absl::string_view(unit->unit) != "decade") {
      out.warnings.push_back(
          absl::StrCat("'", unit->phrase, "' read as at least two ", unit->phrase));
    }
  } else if (lead != nullptr && lead->implicit_one) {
    amount.set_value("1");  // "in the last decade"
  } else {
    c.Diagnose(absl::StrCat("no number before '", unit->phrase, "'"));
    return fail();
  }
  if (const QualifierPhrase* post = AcceptLongest(c, kPostQualifiers)) {
    if (!SetQualifier(c, post->qualifier, &amount)) return fail();
  }
  AcceptLongest(c, kGapNouns);  // "a 25-year gap"
  if (const DirectionPhrase* d = AcceptLongest(c, kDirections)) out.direction = d->direction;
  if (!c.AtEnd()) return fail();
  out.span = SpanOf(p, first, c.pos());
  return out;
}

// ===========================================================================
// Quantities
// ===========================================================================

namespace {

struct ScalePhrase {
  const char* phrase;
  Scale scale;
};
// "m" and "b" are read apart (NormalizeQuantity): million and billion only
// for money or before a noun.
constexpr ScalePhrase kScales[] = {
    {"thousand", claimcheck::v1::SCALE_THOUSAND}, {"k", claimcheck::v1::SCALE_THOUSAND},
    {"million", claimcheck::v1::SCALE_MILLION},   {"mn", claimcheck::v1::SCALE_MILLION},
    {"mln", claimcheck::v1::SCALE_MILLION},       {"billion", claimcheck::v1::SCALE_BILLION},
    {"bn", claimcheck::v1::SCALE_BILLION},        {"bln", claimcheck::v1::SCALE_BILLION},
    {"trillion", claimcheck::v1::SCALE_TRILLION}, {"tn", claimcheck::v1::SCALE_TRILLION},
    {"trn", claimcheck::v1::SCALE_TRILLION},
};

struct CurrencyPhrase {
  const char* phrase;
  const char* code;  // nullptr: ambiguous, refused
  const char* warning;
};
constexpr CurrencyPhrase kCurrencyPrefixes[] = {
    {"$", "USD", "'$' read as US dollars"},
    {"us $", "USD", nullptr},
    {"usd", "USD", nullptr},
    {"\xE2\x82\xAC", "EUR", nullptr},
    {"eur", "EUR", nullptr},
    {"\xC2\xA3", "GBP", nullptr},
    {"gbp", "GBP", nullptr},
    {"pkr", "PKR", nullptr},
    {"inr", "INR", nullptr},
    {"rub", "RUB", nullptr},
    {"cny", "CNY", nullptr},
    {"jpy", "JPY", nullptr},
    {"rs", nullptr, nullptr},
    {"rs .", nullptr, nullptr},
};
constexpr CurrencyPhrase kCurrencySuffixes[] = {
    {"usd", "USD", nullptr},
    {"us dollars", "USD", nullptr},
    {"dollars", "USD", "'dollars' read as US dollars"},
    {"eur", "EUR", nullptr},
    {"euro", "EUR", nullptr},
    {"euros", "EUR", nullptr},
    {"gbp", "GBP", nullptr},
    {"pkr", "PKR", nullptr},
    {"inr", "INR", nullptr},
    {"rub", "RUB", nullptr},
    {"roubles", "RUB", nullptr},
    {"rubles", "RUB", nullptr},
    {"cny", "CNY", nullptr},
    {"yuan", "CNY", nullptr},
    {"jpy", "JPY", nullptr},
    // Several countries' currencies: the phrase must say which.
    {"rupees", nullptr, nullptr},
    {"rupee", nullptr, nullptr},
    {"pounds", nullptr, nullptr},
    {"pesos", nullptr, nullptr},
    {"dinars", nullptr, nullptr},
    {"riyals", nullptr, nullptr},
    {"francs", nullptr, nullptr},
};

// Units with the name the schema uses (amount.h, LookupUnit).
struct MeasureUnit {
  const char* phrase;
  const char* unit;
};
constexpr MeasureUnit kUnits[] = {
    {"percent", "percent"},      {"per cent", "percent"},   {"per - cent", "percent"},
    {"%", "percent"},            {"pc", "percent"},         {"pct", "percent"},
    {"cubic metres", "m3"},      {"cubic metre", "m3"},     {"cubic meters", "m3"},
    {"cubic meter", "m3"},       {"cu m", "m3"},            {"m 3", "m3"},
    {"km", "km"},                {"kms", "km"},             {"kilometre", "km"},
    {"kilometres", "km"},        {"kilometer", "km"},       {"kilometers", "km"},
    {"metre", "m"},              {"metres", "m"},           {"meter", "m"},
    {"meters", "m"},             {"mile", "mile"},          {"miles", "mile"},
    {"mi", "mile"},
    {"day", "day"},              {"days", "day"},           {"week", "week"},
    {"weeks", "week"},           {"month", "month"},        {"months", "month"},
    {"year", "year"},            {"years", "year"},         {"decade", "decade"},
    {"decades", "decade"},
};

// Plural nouns that do not end in "s".
constexpr Phrase kIrregularPlurals[] = {
    {"people"}, {"children"}, {"men"}, {"women"}, {"personnel"}, {"aircraft"},
    {"police"}, {"staff"},    {"cattle"}, {"sheep"}, {"troops"},
};
// Words that are no part of a count noun: words ending in "s" that are not
// plural nouns, and function words.
constexpr Phrase kNotNouns[] = {
    {"this"},   {"its"},    {"was"},     {"has"},    {"his"},     {"thus"},
    {"yes"},    {"plus"},   {"less"},    {"unless"}, {"across"},  {"always"},
    {"perhaps"}, {"whereas"}, {"towards"}, {"onwards"}, {"afterwards"},
    {"the"},    {"and"},    {"for"},     {"from"},   {"with"},    {"than"},
    {"more"},   {"mid"},    {"early"},   {"late"},   {"end"},     {"next"},
    {"last"},   {"that"},   {"ago"},     {"before"}, {"after"},   {"later"},
    {"earlier"}, {"onward"}, {"about"},  {"around"}, {"over"},    {"under"},
    {"some"},   {"nearly"}, {"almost"},  {"since"},  {"until"},   {"during"}};

bool InTable(absl::string_view word, absl::Span<const Phrase> table) {
  for (const Phrase& p : table) {
    if (word == p.phrase) return true;
  }
  return false;
}

// A plural noun that counts: "doses", "people".
bool IsCountNoun(const Token& t) {
  if (t.kind != Kind::kWord) return false;
  if (InTable(t.lower, kIrregularPlurals)) return true;
  // "doses", "troops"; not "gas", "loss".
  return t.lower.size() >= 4 && t.lower.back() == 's' && !absl::EndsWith(t.lower, "ss");
}

// One or two words ending in a plural noun ("doses", "vaccine doses"), as
// the unit in lower case.
std::optional<std::string> ReadCountNoun(Cursor& c) {
  for (size_t n = 2; n >= 1; --n) {
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) {
      const Token* t = c.Peek(i);
      ok = t != nullptr && t->kind == Kind::kWord && t->lower.size() >= 3 &&
           !InTable(t->lower, kNotNouns);
    }
    if (!ok || !IsCountNoun(*c.Peek(n - 1))) continue;
    std::string unit;
    for (size_t i = 0; i < n; ++i) {
      absl::StrAppend(&unit, i > 0 ? " " : "", c.Take().lower);
    }
    return unit;
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<NormalizedQuantity> NormalizeQuantity(absl::string_view phrase) {
  absl::StatusOr<Prepared> prepared = Prepare(phrase, "quantity");
  if (!prepared.ok()) return prepared.status();
  const Prepared& p = *prepared;
  NormalizedQuantity out;
  out.warnings = p.warnings;
  Amount& amount = out.amount;
  amount.set_text(p.text);

  Cursor c(p.tokens, p.begin, p.end);
  auto fail = [&]() { return NotUnderstood(phrase, "quantity", p, c); };
  auto warn = [&](std::string w) { out.warnings.push_back(std::move(w)); };

  size_t first = c.pos();
  const QualifierPhrase* qualifier = AcceptLongest(c, kQualifiers);
  if (qualifier != nullptr) amount.set_qualifier(qualifier->qualifier);
  if (AcceptLongest(c, kEmphasis) != nullptr && qualifier == nullptr) first = c.pos();
  // An article before the figure: "a 1,100-kilometre pipeline".
  if ((c.PeekIs("a") || c.PeekIs("an")) && c.Peek(1) != nullptr &&
      c.Peek(1)->kind == Kind::kNumber) {
    c.Take();
    if (qualifier == nullptr) first = c.pos();
  }

  // Currency before the figure: "US$310", "$ 2 billion".
  std::string currency;
  size_t at = c.pos();
  if (const CurrencyPhrase* cur = AcceptLongest(c, kCurrencyPrefixes)) {
    if (cur->code == nullptr) {
      c.Diagnose(absl::StrCat("'", TextOf(phrase, p, at, c.pos()),
                              "' names no single currency"));
      return fail();
    }
    currency = cur->code;
    if (cur->warning != nullptr) warn(cur->warning);
  }

  // The figure.
  std::optional<std::string> value = ReadFigure(c);
  if (!value.has_value()) {
    if (std::optional<int> n = ReadNumberWord(c)) {
      value = absl::StrCat(*n);
    } else if ((c.PeekIs("a") || c.PeekIs("an")) && c.Peek(1) != nullptr) {
      // "a billion dollars": "a" only before a scale word.
      for (const ScalePhrase& s : kScales) {
        if (c.Peek(1)->lower == s.phrase) {
          c.Take();
          value = "1";
          break;
        }
      }
    }
  }
  if (!value.has_value()) {
    if (c.diagnosis().empty()) {
      const Token* t = c.Peek();
      c.Diagnose(t == nullptr
                     ? std::string("no number")
                     : absl::StrCat("no number at '",
                                    phrase.substr(t->begin, t->end - t->begin), "'"));
    }
    return fail();
  }
  amount.set_value(*value);
  if ((c.PeekIs("-") || c.PeekIs("to")) && c.Peek(1) != nullptr &&
      c.Peek(1)->kind == Kind::kNumber) {
    c.Diagnose(absl::StrCat("'", TextOf(phrase, p, c.pos() - 1, c.pos() + 2),
                            "' is a range, not one figure"));
    return fail();
  }
  // "50+" is "50 or more".
  if (c.PeekIs("+") && c.Peek()->glued) {
    c.Take();
    amount.set_qualifier(claimcheck::v1::QUALIFIER_AT_LEAST);
    if (qualifier != nullptr) {
      c.Diagnose("two qualifiers");
      return fail();
    }
  }
  // A hyphen joins the figure to its unit: "1,100-kilometre".
  AcceptJoiner(c);

  // The scale. "m" and "b" are million and billion for money, or before a
  // noun ("5m doses"); otherwise "m" is metres.
  if (const ScalePhrase* s = AcceptLongest(c, kScales)) {
    amount.set_scale(s->scale);
  } else if ((c.PeekIs("m") || c.PeekIs("b")) &&
             !(c.Peek(1) != nullptr && c.Peek(1)->glued && c.Peek(1)->lower == "3")) {
    const Token* next = c.Peek(1);
    const bool noun_follows = next != nullptr && next->kind == Kind::kWord &&
                              next->lower != "long" && next->lower != "of" &&
                              next->lower != "or" && next->lower != "plus";
    if (!currency.empty() || noun_follows) {
      amount.set_scale(c.Take().lower == "m" ? claimcheck::v1::SCALE_MILLION
                                             : claimcheck::v1::SCALE_BILLION);
    } else if (c.PeekIs("m")) {
      c.Take();
      amount.set_unit("m");
      warn("'m' read as metres; it could also abbreviate million");
    }
  }
  // "bcm": billion cubic metres.
  if (amount.unit().empty() && c.PeekIs("bcm")) {
    if (amount.scale() != claimcheck::v1::SCALE_UNSPECIFIED) {
      c.Diagnose("'bcm' after a scale");
      return fail();
    }
    c.Take();
    amount.set_scale(claimcheck::v1::SCALE_BILLION);
    amount.set_unit("m3");
  }
  // "150,000 more (doses)": an additional amount, not a qualifier.
  if (c.PeekIs("more") && !c.PeekIs("more than")) {
    c.Take();
    warn("'more' read as an additional amount: the figure is the increase");
  }

  // The unit.
  if (amount.unit().empty()) {
    at = c.pos();
    if (const CurrencyPhrase* cur = AcceptLongest(c, kCurrencySuffixes)) {
      if (cur->code == nullptr) {
        c.Diagnose(absl::StrCat("'", TextOf(phrase, p, at, c.pos()),
                                "' names no single currency"));
        return fail();
      }
      if (!currency.empty() && currency != cur->code) {
        c.Diagnose("two different currencies");
        return fail();
      }
      if (currency.empty() && cur->warning != nullptr) warn(cur->warning);
      currency = cur->code;
    } else if (!currency.empty()) {
      // Money: no other unit.
    } else if (const MeasureUnit* u = AcceptLongest(c, kUnits)) {
      amount.set_unit(u->unit);
    } else if (std::optional<std::string> noun = ReadCountNoun(c)) {
      amount.set_unit(*noun);
    }
  }
  if (!currency.empty()) amount.set_unit(currency);
  const std::string& unit = amount.unit();
  if ((unit == "km" || unit == "m" || unit == "mile")) {
    const Cursor::Mark m = c.mark();
    if (!(c.Accept("-") && c.Accept("long"))) {
      c.Reset(m);
      c.Accept("long");  // "a 1,100-kilometre-long pipeline"
    }
  }
  if (const QualifierPhrase* post = AcceptLongest(c, kPostQualifiers)) {
    if (!SetQualifier(c, post->qualifier, &amount)) return fail();
  }
  const size_t last = c.pos();
  // "of gas", "of the market": what is measured, not part of the amount.
  const bool has_unit =
      !amount.unit().empty() || amount.scale() != claimcheck::v1::SCALE_UNSPECIFIED;
  if (has_unit && c.PeekIs("of") && c.Peek(1) != nullptr) {
    while (!c.AtEnd()) c.Take();
  }
  if (!c.AtEnd()) return fail();
  out.span = SpanOf(p, first, last);
  return out;
}

}  // namespace claimcheck

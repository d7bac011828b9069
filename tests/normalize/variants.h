// Helpers shared by the normalize tests: test names from phrases, and the
// spelling variants every positive case is also run in.
#ifndef CLAIMCHECK_TESTS_NORMALIZE_VARIANTS_H_
#define CLAIMCHECK_TESTS_NORMALIZE_VARIANTS_H_

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"

namespace claimcheck::testing {

// "May 11-13, 2011" -> "May_11_13_2011"; "" -> "empty".
inline std::string NameOf(absl::string_view phrase) {
  std::string out;
  for (char c : phrase) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "empty" : out;
}

// Gives each case a unique name: the phrase's, then _2, _3 on collisions.
template <typename Case>
std::vector<Case> Named(std::vector<Case> cases, absl::string_view prefix = "") {
  std::set<std::string> seen;
  for (Case& c : cases) {
    std::string base = absl::StrCat(prefix, NameOf(c.phrase));
    std::string name = base;
    for (int i = 2; !seen.insert(name).second; ++i) name = absl::StrCat(base, "_", i);
    c.name = name;
  }
  return cases;
}

// Ways an article may write the same phrase.
enum class Variant { kUpper, kLower, kSpaces, kPeriod, kParens };
inline const std::vector<Variant>& AllVariants() {
  static const auto* v = new std::vector<Variant>{
      Variant::kUpper, Variant::kLower, Variant::kSpaces, Variant::kPeriod,
      Variant::kParens};
  return *v;
}
inline std::string VariantName(Variant v) {
  switch (v) {
    case Variant::kUpper: return "upper";
    case Variant::kLower: return "lower";
    case Variant::kSpaces: return "spaces";
    case Variant::kPeriod: return "period";
    case Variant::kParens: return "parens";
  }
  return "?";
}
inline std::string ApplyVariant(Variant v, absl::string_view phrase) {
  switch (v) {
    case Variant::kUpper: return absl::AsciiStrToUpper(phrase);
    case Variant::kLower: return absl::AsciiStrToLower(phrase);
    case Variant::kSpaces:
      return absl::StrCat("  ", absl::StrReplaceAll(phrase, {{" ", "   "}}), " \t");
    case Variant::kPeriod: return absl::StrCat(phrase, ".");
    case Variant::kParens: return absl::StrCat("(", phrase, ")");
  }
  return std::string(phrase);
}

// TextSpan texts compare without case and with runs of spaces as one.
inline std::string Canonical(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_NORMALIZE_VARIANTS_H_

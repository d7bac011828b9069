// Checks the encoded seed corpus, data/seeds/*.textproto:
//   - every file parses as a claimcheck.v1.ClaimSet (errors name file:line:col);
//   - claim ids (and source, event and measure ids) are unique across files;
//   - every source, event and measure a claim names exists;
//   - for every claim quoting an article (source sNNN, the file NNN_*.txt),
//     the article's code points [begin, end) are exactly the quote.
//
// The articles are found through $CLAIMCHECK_SEEDS_DIR if set, otherwise next
// to the workspace: the real path of the runfile data/seeds/sources.textproto
// (a symlink into the source tree) gives the workspace root, and the articles
// are in <root>/../shared/seeds. Without them the quote test is skipped.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"

namespace {

namespace fs = std::filesystem;
using claimcheck::v1::Claim;
using claimcheck::v1::ClaimSet;
using claimcheck::v1::TimeRef;

// ---------------------------------------------------------------------------
// Locating and reading files
// ---------------------------------------------------------------------------

fs::path RunfilesRoot() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir != nullptr && workspace != nullptr) {
    return fs::path(srcdir) / workspace;
  }
  return fs::current_path();
}

fs::path SeedClaimsDir() { return RunfilesRoot() / "data" / "seeds"; }

bool ReadFile(const fs::path& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *content = buffer.str();
  return true;
}

// The article file for a source id "sNNN": <dir>/NNN_*.txt, or "".
fs::path ArticlePath(const fs::path& dir, const std::string& source) {
  if (source.size() != 4 || source[0] != 's') return {};
  const std::string prefix = absl::StrCat(source.substr(1), "_");
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (absl::StartsWith(name, prefix) && absl::EndsWith(name, ".txt")) {
      return entry.path();
    }
  }
  return {};
}

bool IsArticleSource(const std::string& source) {
  return source.size() == 4 && source[0] == 's' &&
         std::all_of(source.begin() + 1, source.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool HasArticles(const fs::path& dir) {
  return !ArticlePath(dir, "s000").empty();
}

// The directory holding the articles, or "" with `looked` saying where we
// looked.
fs::path FindArticlesDir(std::string* looked) {
  const char* env = std::getenv("CLAIMCHECK_SEEDS_DIR");
  if (env != nullptr && *env != '\0') {
    *looked = absl::StrCat("$CLAIMCHECK_SEEDS_DIR (", env, ")");
    return HasArticles(env) ? fs::path(env) : fs::path();
  }
  const fs::path runfile = SeedClaimsDir() / "sources.textproto";
  std::error_code ec;
  const fs::path real = fs::canonical(runfile, ec);
  if (ec) {
    *looked = absl::StrCat("nowhere: cannot resolve the real path of ",
                           runfile.string(), " (", ec.message(), ")");
    return {};
  }
  // real = <workspace>/data/seeds/sources.textproto
  const fs::path workspace = real.parent_path().parent_path().parent_path();
  const fs::path dir = (workspace / ".." / "shared" / "seeds").lexically_normal();
  *looked = absl::StrCat(dir.string(), " (<workspace>/../shared/seeds, from ",
                         real.string(), ")");
  return HasArticles(dir) ? dir : fs::path();
}

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

bool DecodeUtf8(const std::string& in, std::u32string* out) {
  out->clear();
  size_t i = 0;
  while (i < in.size()) {
    const unsigned char c = in[i];
    int extra;
    char32_t cp;
    if (c < 0x80) {
      cp = c, extra = 0;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F, extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F, extra = 2;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07, extra = 3;
    } else {
      return false;
    }
    if (extra > 0 && i + extra >= in.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = in[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out->push_back(cp);
    i += extra + 1;
  }
  return true;
}

std::string EncodeUtf8(const std::u32string& in) {
  std::string out;
  for (char32_t cp : in) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Loading the claim files
// ---------------------------------------------------------------------------

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  explicit CollectErrors(std::string file) : file_(std::move(file)) {}
  void AddError(int line, int column, const std::string& message) override {
    errors.push_back(
        absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }
  void AddWarning(int line, int column, const std::string& message) override {
    errors.push_back(absl::StrCat(file_, ":", line + 1, ":", column + 1,
                                  ": warning: ", message));
  }
  std::vector<std::string> errors;

 private:
  std::string file_;
};

struct SeedFile {
  std::string name;  // e.g. "data/seeds/s000.textproto"
  ClaimSet set;
};

// Parses every data/seeds/*.textproto; each failure is a test failure.
std::vector<SeedFile> LoadSeedFiles() {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(SeedClaimsDir(), ec)) {
    if (entry.path().extension() == ".textproto") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  EXPECT_FALSE(paths.empty()) << "no *.textproto in " << SeedClaimsDir()
                              << (ec ? absl::StrCat(" (", ec.message(), ")")
                                     : std::string());
  std::vector<SeedFile> files;
  for (const fs::path& path : paths) {
    SeedFile file;
    file.name = absl::StrCat("data/seeds/", path.filename().string());
    std::string content;
    if (!ReadFile(path, &content)) {
      ADD_FAILURE() << "cannot read " << path;
      continue;
    }
    CollectErrors errors(file.name);
    google::protobuf::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    if (!parser.ParseFromString(content, &file.set)) {
      std::string all;
      for (const std::string& e : errors.errors) absl::StrAppend(&all, "\n  ", e);
      ADD_FAILURE() << "cannot parse " << file.name << " as a ClaimSet:" << all;
      continue;
    }
    files.push_back(std::move(file));
  }
  return files;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

TEST(SeedData, EveryFileParses) {
  const std::vector<SeedFile> files = LoadSeedFiles();
  EXPECT_GE(files.size(), 8u) << "expected sources, entities, reference and "
                                 "s000..s004";
  int claims = 0;
  for (const SeedFile& f : files) claims += f.set.claims_size();
  EXPECT_GT(claims, 150);
}

TEST(SeedData, IdsAreUniqueAcrossFiles) {
  std::map<std::string, std::string> seen;  // "kind id" -> file
  auto check = [&seen](const std::string& kind, const std::string& id,
                       const std::string& file) {
    EXPECT_FALSE(id.empty()) << file << ": a " << kind << " has no id";
    auto [it, inserted] = seen.emplace(absl::StrCat(kind, " ", id), file);
    EXPECT_TRUE(inserted) << "duplicate " << kind << " id '" << id << "' in "
                          << file << " (first in " << it->second << ")";
  };
  for (const SeedFile& f : LoadSeedFiles()) {
    for (const auto& s : f.set.sources()) check("source", s.id(), f.name);
    for (const auto& e : f.set.events()) check("event", e.id(), f.name);
    for (const auto& m : f.set.measures()) check("measure", m.id(), f.name);
    for (const auto& c : f.set.claims()) check("claim", c.id(), f.name);
  }
}

TEST(SeedData, ReferencesResolve) {
  const std::vector<SeedFile> files = LoadSeedFiles();
  std::set<std::string> sources, events, measures;
  for (const SeedFile& f : files) {
    for (const auto& s : f.set.sources()) sources.insert(s.id());
    for (const auto& e : f.set.events()) events.insert(e.id());
    for (const auto& m : f.set.measures()) measures.insert(m.id());
  }
  for (const SeedFile& f : files) {
    for (const Claim& c : f.set.claims()) {
      const std::string where = absl::StrCat(f.name, ": claim ", c.id());
      auto source = [&](const std::string& field, const std::string& id) {
        EXPECT_TRUE(sources.count(id))
            << where << ": " << field << " names unknown source '" << id << "'";
      };
      auto event = [&](const std::string& field, const std::string& id) {
        EXPECT_TRUE(events.count(id))
            << where << ": " << field << " names unknown event '" << id << "'";
      };
      auto measure = [&](const std::string& field, const std::string& id) {
        EXPECT_TRUE(measures.count(id)) << where << ": " << field
                                        << " names unknown measure '" << id
                                        << "'";
      };
      auto time_ref = [&](const std::string& field, const TimeRef& ref) {
        switch (ref.ref_case()) {
          case TimeRef::kEvent:
            event(field + ".event", ref.event());
            break;
          case TimeRef::kPublishedOf:
            source(field + ".published_of", ref.published_of());
            break;
          case TimeRef::kDate:
            break;
          default:
            ADD_FAILURE() << where << ": " << field << " names nothing";
        }
      };
      source("provenance.source", c.provenance().source());
      EXPECT_FALSE(c.provenance().quote().empty()) << where << ": no quote";
      switch (c.kind_case()) {
        case Claim::kDate:
          time_ref("date.subject", c.date().subject());
          if (c.date().has_before()) {
            time_ref("date.before.reference", c.date().before().reference());
          }
          if (c.date().has_after()) {
            time_ref("date.after.reference", c.date().after().reference());
          }
          break;
        case Claim::kGap:
          time_ref("gap.from", c.gap().from());
          time_ref("gap.to", c.gap().to());
          break;
        case Claim::kFirstSince:
          event("first_since.event", c.first_since().event());
          if (!c.first_since().previous().empty()) {
            event("first_since.previous", c.first_since().previous());
          }
          break;
        case Claim::kOrdinal:
          if (c.ordinal().has_anchor()) {
            time_ref("ordinal.anchor", c.ordinal().anchor());
          } else {
            event("ordinal.event", c.ordinal().event());
          }
          break;
        case Claim::kQuantity:
          measure("quantity.measure", c.quantity().measure());
          break;
        case Claim::kAggregate:
          measure("aggregate.whole", c.aggregate().whole());
          for (const std::string& p : c.aggregate().parts()) {
            measure("aggregate.parts", p);
          }
          break;
        case Claim::kChange:
          measure("change.measure", c.change().measure());
          if (!c.change().previous().empty()) {
            measure("change.previous", c.change().previous());
          }
          break;
        case Claim::kShare:
          measure("share.market", c.share().market());
          break;
        case Claim::kExistence:
          event("existence.event", c.existence().event());
          if (c.existence().has_by()) time_ref("existence.by", c.existence().by());
          break;
        case Claim::kReferenceFact:
          EXPECT_FALSE(c.reference_fact().actor().empty())
              << where << ": reference fact without an actor";
          break;
        default:
          ADD_FAILURE() << where << ": no claim kind is set";
      }
    }
  }
}

TEST(SeedData, QuotesSitAtTheirOffsets) {
  const std::vector<SeedFile> files = LoadSeedFiles();
  std::string looked;
  const fs::path articles_dir = FindArticlesDir(&looked);
  if (articles_dir.empty()) {
    GTEST_SKIP() << "seed articles (000_*.txt ...) not found; looked in "
                 << looked;
  }
  std::map<std::string, std::u32string> articles;  // source id -> text
  int checked = 0;
  std::set<std::string> sources_checked;
  for (const SeedFile& f : files) {
    for (const Claim& c : f.set.claims()) {
      const std::string& source = c.provenance().source();
      if (!IsArticleSource(source)) continue;
      const std::string where = absl::StrCat(f.name, ": claim ", c.id());
      auto it = articles.find(source);
      if (it == articles.end()) {
        const fs::path path = ArticlePath(articles_dir, source);
        std::string bytes;
        std::u32string text;
        if (path.empty() || !ReadFile(path, &bytes)) {
          ADD_FAILURE() << where << ": no article for source " << source
                        << " in " << articles_dir;
          continue;
        }
        if (!DecodeUtf8(bytes, &text)) {
          ADD_FAILURE() << path << " is not valid UTF-8";
          continue;
        }
        it = articles.emplace(source, std::move(text)).first;
      }
      const std::u32string& article = it->second;
      std::u32string quote;
      if (!DecodeUtf8(c.provenance().quote(), &quote)) {
        ADD_FAILURE() << where << ": the quote is not valid UTF-8";
        continue;
      }
      const int64_t begin = c.provenance().begin();
      const int64_t end = c.provenance().end();
      ++checked;
      sources_checked.insert(source);
      std::string actual = "<offsets out of range>";
      if (begin >= 0 && begin <= end &&
          end <= static_cast<int64_t>(article.size())) {
        actual = EncodeUtf8(article.substr(begin, end - begin));
      }
      if (actual == c.provenance().quote()) continue;
      std::string hint;
      const size_t at = quote.empty() ? std::u32string::npos : article.find(quote);
      if (at == std::u32string::npos) {
        hint = "the quote does not occur in the article";
      } else {
        hint = absl::StrCat("the quote occurs at [", at, ", ", at + quote.size(),
                            ")");
      }
      ADD_FAILURE() << where << " (source " << source << ", [" << begin << ", "
                    << end << ")): the quote is not at its offsets\n"
                    << "  expected: \"" << c.provenance().quote() << "\"\n"
                    << "  actual:   \"" << actual << "\"\n  (" << hint << ")";
    }
  }
  EXPECT_GT(checked, 0) << "no claim quotes an article";
  for (const char* s : {"s000", "s001", "s002", "s003", "s004"}) {
    EXPECT_TRUE(sources_checked.count(s)) << "no claim quotes article " << s;
  }
}

}  // namespace

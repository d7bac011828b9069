// The fuzz target run over a fixed, seeded set of inputs (issue #8's "short
// bounded run in CI", with no clang needed): the project's own inputs
// (the example corpus, the bad-input corpus, generated claim sets of every
// family in all three formats) and deterministic mutations of each: bytes
// flipped, ranges cut or repeated, and tokens that have broken parsers
// before inserted. The target aborts on a dropped claim; a crash fails the
// test. tests/fuzz/BUILD.bazel says how to run libFuzzer itself.
#include <dirent.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/differential/generator.h"
#include "tests/fuzz/claimset_fuzz.h"

namespace claimcheck::fuzz {
namespace {

constexpr int kMutationsPerInput = 60;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Runfile(const std::string& path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  return srcdir == nullptr ? path : std::string(srcdir) + "/claimcheck/" + path;
}

std::vector<std::string> Seeds() {
  std::vector<std::string> seeds;
  seeds.push_back(ReadFile(Runfile("data/example/example.textproto")));
  const std::string cases = Runfile("tests/badinput/cases");
  if (DIR* dir = opendir(cases.c_str())) {
    while (dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      if (name == "." || name == ".." ||
          name.find(".expected") != std::string::npos) {
        continue;
      }
      std::string bytes = ReadFile(cases + "/" + name);
      if (name.find(".binpb") != std::string::npos) bytes.insert(0, 1, '\2');
      seeds.push_back(std::move(bytes));
    }
    closedir(dir);
  }
  for (int family = 0; family < 7; ++family) {
    for (uint32_t seed = 1; seed <= 3; ++seed) {
      const claimcheck::v1::CheckRequest request = differential::Generate(
          static_cast<differential::Family>(family), 7000 + 10 * family + seed);
      std::string text = request.claims().DebugString();
      seeds.push_back(text);
      std::string json;
      if (google::protobuf::util::MessageToJsonString(request.claims(), &json).ok()) {
        seeds.push_back(json);
      }
      seeds.push_back(std::string(1, '\2') + request.claims().SerializeAsString());
    }
  }
  return seeds;
}

const char* const kTokens[] = {
    "claims {", "}", "{", "\"", "id: \"e1\"", "event: \"e1\"", "year: 99999",
    "year: -5", "month: 0", "day: 31", "value: \"1e400\"", "value: \"-0\"",
    "value: \"9999999999999999999999999999999999999\"", "1e400", "null",
    "[", "]", ",", "\\u0000", "offset { value: \"1\" unit: \"year\" }",
    "published_of: \"s1\"", "previous: \"e1\"", "first_ever: true",
    "qualifier: QUALIFIER_NEARLY", "scale: SCALE_TRILLION", "endpoint: 2"};

std::string Mutate(const std::string& input, std::mt19937& rng) {
  std::string out = input;
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits; ++i) {
    const size_t at = out.empty() ? 0 : rng() % (out.size() + 1);
    switch (rng() % 4) {
      case 0:  // flip a byte
        if (!out.empty()) out[std::min(at, out.size() - 1)] ^= 1u << (rng() % 8);
        break;
      case 1:  // cut a range
        out.erase(at, rng() % 64);
        break;
      case 2: {  // repeat a range
        const std::string piece = out.substr(at, rng() % 128);
        out.insert(at, piece);
        break;
      }
      default:  // insert a token
        out.insert(at, kTokens[rng() % (sizeof(kTokens) / sizeof(kTokens[0]))]);
        break;
    }
  }
  return out;
}

TEST(FuzzSmokeTest, SeedsAndMutationsNeitherCrashNorDropClaims) {
  const std::vector<std::string> seeds = Seeds();
  ASSERT_GE(seeds.size(), 80u);
  std::mt19937 rng(20261203);
  int runs = 0;
  for (const std::string& seed : seeds) {
    CheckBytes(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
    ++runs;
    for (int m = 0; m < kMutationsPerInput; ++m) {
      const std::string input = Mutate(seed, rng);
      CheckBytes(reinterpret_cast<const uint8_t*>(input.data()), input.size());
      ++runs;
    }
  }
  std::cout << runs << " inputs run (" << seeds.size() << " seeds)" << std::endl;
}

}  // namespace
}  // namespace claimcheck::fuzz

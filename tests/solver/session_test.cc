// An incremental session (solver/session.h) against one check of its claims:
// after every addition or retraction in a random sequence, the session's
// report is the report claimcheck::Check gives for session.claims(), and a
// change re-checks only the regions it reaches (solver/regions.h).
//
// Corpora: a synthetic one with every component kind of the scale benchmark
// (benchmarks/synthetic.h), and the seed corpus with the example (linked
// publications, classes, actors, measures of one quantity, phrases). Claims
// arrive with only the definitions they name, so a later event of a class
// widens a first-since claim's range, as a growing corpus does.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "benchmarks/synthetic.h"
#include "claims/load.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"
#include "solver/checker.h"
#include "solver/regions.h"
#include "solver/session.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.
using ::google::protobuf::util::MessageDifferencer;

// A corpus whose claims go to a session a few at a time.
class Feed {
 public:
  explicit Feed(const ClaimSet& corpus) : corpus_(corpus) {
    for (int i = 0; i < corpus.events_size(); ++i) events_[corpus.events(i).id()] = i;
    for (int i = 0; i < corpus.measures_size(); ++i) {
      measures_[corpus.measures(i).id()] = i;
    }
  }

  // The claims `indices` with every source and the events and measures
  // they name.
  ClaimSet Article(const std::vector<int>& indices) const {
    ClaimSet out;
    *out.mutable_sources() = corpus_.sources();
    absl::flat_hash_set<std::string> named;
    auto measure = [&](const std::string& id) -> const Measure* {
      auto it = measures_.find(id);
      return it == measures_.end() ? nullptr : &corpus_.measures(it->second);
    };
    for (int i : indices) {
      const Claim& c = corpus_.claims(i);
      *out.add_claims() = c;
      for (const std::string& key : ClaimLinks(c, measure)) {
        if (absl::StartsWith(key, "e:") || absl::StartsWith(key, "m:")) {
          named.insert(key);
        }
      }
    }
    for (const Event& e : corpus_.events()) {
      if (named.contains(absl::StrCat("e:", e.id()))) *out.add_events() = e;
    }
    for (const Measure& m : corpus_.measures()) {
      if (named.contains(absl::StrCat("m:", m.id()))) *out.add_measures() = m;
    }
    return out;
  }

 private:
  const ClaimSet& corpus_;
  absl::flat_hash_map<std::string, int> events_, measures_;
};

CheckReport FreshCheck(const Session& session, const CheckOptions& options) {
  CheckRequest request;
  *request.mutable_options() = options;
  *request.mutable_claims() = session.claims();
  absl::StatusOr<CheckReport> report = Check(request);
  EXPECT_TRUE(report.ok()) << report.status();
  return report.ok() ? *report : CheckReport();
}

struct Outcome {
  int checks = 0;
  int partial = 0;  // checks that re-checked fewer claims than the session has
};

// Random additions and retractions; after each, the session's report
// against a fresh check.
Outcome Compare(const ClaimSet& corpus, const CheckOptions& options, int steps,
            uint32_t seed) {
  Outcome run;
  std::mt19937 rng(seed);
  const Feed feed(corpus);
  std::vector<int> pending(corpus.claims_size()), in;
  for (int i = 0; i < corpus.claims_size(); ++i) pending[i] = i;
  std::shuffle(pending.begin(), pending.end(), rng);
  Session session(options);
  auto add = [&](int n) {
    std::vector<int> batch;
    while (n-- > 0 && !pending.empty()) {
      batch.push_back(pending.back());
      pending.pop_back();
    }
    std::sort(batch.begin(), batch.end());
    const absl::Status s = session.Add(feed.Article(batch));
    EXPECT_TRUE(s.ok()) << s;
    in.insert(in.end(), batch.begin(), batch.end());
  };
  add(corpus.claims_size() * 6 / 10);
  for (int step = 0; step < steps; ++step) {
    SCOPED_TRACE(absl::StrCat("seed ", seed, ", step ", step));
    absl::StatusOr<CheckReport> report = session.Check();
    EXPECT_TRUE(report.ok()) << report.status();
    if (!report.ok()) return run;
    const CheckReport fresh = FreshCheck(session, options);
    EXPECT_TRUE(MessageDifferencer::Equals(*report, fresh))
        << "session:\n" << report->DebugString().substr(0, 4000)
        << "\nfresh:\n" << fresh.DebugString().substr(0, 4000);
    ++run.checks;
    if (session.last_stats().claims_checked < session.claims().claims_size()) {
      ++run.partial;
    }
    // Next: add a few claims, retract a few (which may come back later), or
    // both.
    const int what = std::uniform_int_distribution<int>(0, 2)(rng);
    if (what != 1) add(std::uniform_int_distribution<int>(1, 6)(rng));
    if (what != 0 && !in.empty()) {
      std::vector<std::string> ids;
      const int n = std::uniform_int_distribution<int>(1, 3)(rng);
      for (int k = 0; k < n && !in.empty(); ++k) {
        const size_t at = std::uniform_int_distribution<size_t>(0, in.size() - 1)(rng);
        ids.push_back(corpus.claims(in[at]).id());
        pending.push_back(in[at]);
        in.erase(in.begin() + static_cast<long>(at));
      }
      const absl::Status s = session.Retract(ids);
      EXPECT_TRUE(s.ok()) << s;
    }
  }
  return run;
}

TEST(SessionTest, SyntheticCorpusMatchesOneCheckAfterEveryChange) {
  benchmarks::SyntheticOptions o;
  o.claims = 240;
  o.conflicts = 6;
  o.quantity_share = 0.2;
  o.z3_share = 0.1;
  o.narrowed_period_share = 0.1;
  o.whole_period_share = 0.1;
  o.ordinal_share = 0.1;
  o.first_since_share = 0.1;
  o.year_gap_share = 0.1;
  o.fixed_offset_share = 0.05;
  for (uint32_t seed : {1u, 2u, 3u}) {
    o.seed = seed;
    const CheckRequest corpus = benchmarks::GenerateSynthetic(o);
    const Outcome run = Compare(corpus.claims(), corpus.options(), 12, seed);
    EXPECT_EQ(run.checks, 12);
    // Every check after the first re-checks only what its changes reach.
    EXPECT_EQ(run.partial, 11) << "seed " << seed;
  }
}

TEST(SessionTest, SeedCorpusMatchesOneCheckAfterEveryChange) {
  std::vector<std::string> files;
  for (const char* f : {"sources", "entities", "reference", "s000", "s001",
                        "s002", "s003", "s004"}) {
    files.push_back(absl::StrCat("data/seeds/", f, ".textproto"));
  }
  absl::StatusOr<ClaimSet> seeds = LoadClaimFiles(files, nullptr);
  ASSERT_TRUE(seeds.ok()) << seeds.status();
  absl::StatusOr<ClaimSet> example =
      LoadClaimFiles({"data/example/example.textproto"}, nullptr);
  ASSERT_TRUE(example.ok()) << example.status();
  for (const auto& [corpus, steps, seed] :
       {std::make_tuple(&*example, 10, 11u), std::make_tuple(&*seeds, 4, 12u)}) {
    const Outcome run = Compare(*corpus, CheckOptions(), steps, seed);
    EXPECT_EQ(run.checks, steps);
  }
}

// An all-time high ranges over the measures of its quantity: a new measure
// of that quantity, or a new figure for one the claim already ranged over,
// reaches the claim's region.
TEST(SessionTest, AllTimeHighSeesNewMeasuresAndFigures) {
  auto parse = [](const std::string& text) {
    ClaimSet set;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &set)) << text;
    return set;
  };
  const std::string measure = R"pb(
    dimension: DIMENSION_MONEY currency: "USD" quantity: "arms/exports")pb";
  auto figure = [](const std::string& id, const std::string& m,
                   const std::string& value) {
    return absl::StrCat("claims { id: '", id, "' provenance { source: 's' } ",
                        "quantity { measure: '", m, "' amount { value: '", value,
                        "' unit: 'USD' scale: SCALE_MILLION } } }");
  };
  Session session;
  const absl::Status added = session.Add(parse(absl::StrCat(
      "sources { id: 's' retrieved { year: 2020 month: 1 day: 1 } }",
      "measures { id: 'm1' ", measure, " }", "measures { id: 'm2' ", measure,
      " }", figure("q1", "m1", "100"), figure("q2", "m2", "50"),
      "claims { id: 'high' provenance { source: 's' } change { "
      "measure: 'm1' all_time_high: true } }")));
  ASSERT_TRUE(added.ok()) << added;
  const std::vector<std::pair<std::string, Verdict>> steps = {
      {"", VERDICT_CONSISTENT},
      // A figure for m2 above m1's: the all-time high is wrong.
      {figure("q2b", "m2", "300"), VERDICT_INCONSISTENT},
      {"retract q2b", VERDICT_CONSISTENT},
      // A new measure of the same key, above m1.
      {absl::StrCat("measures { id: 'm3' ", measure, " }", figure("q3", "m3", "200")),
       VERDICT_INCONSISTENT},
  };
  for (const auto& [change, verdict] : steps) {
    SCOPED_TRACE(change);
    if (change == "retract q2b") {
      ASSERT_TRUE(session.Retract({"q2b"}).ok());
    } else if (!change.empty()) {
      ASSERT_TRUE(session.Add(parse(change)).ok());
    }
    absl::StatusOr<CheckReport> report = session.Check();
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_EQ(report->verdict(), verdict);
    EXPECT_TRUE(MessageDifferencer::Equals(*report, FreshCheck(session, {})));
  }
}

// Add validates what is new, with the definitions it names; the claim
// count and the subjects to derive are checked against the whole session.
TEST(SessionTest, AddChecksTheWholeSessionsLimitsAndSubjects) {
  auto claim = [](const std::string& id) {
    ClaimSet set;
    Source& s = *set.add_sources();
    s.set_id("s");
    s.mutable_retrieved()->set_year(2020);
    s.mutable_retrieved()->set_month(1);
    s.mutable_retrieved()->set_day(1);
    set.add_events()->set_id("e");
    Claim& c = *set.add_claims();
    c.set_id(id);
    c.mutable_provenance()->set_source("s");
    c.mutable_existence()->set_event("e");
    c.mutable_existence()->set_state(ExistenceClaim::STATE_OCCURRED);
    return set;
  };
  CheckOptions options;
  options.mutable_limits()->set_max_claims(2);
  Session limited(options);
  ASSERT_TRUE(limited.Add(claim("a")).ok());
  ASSERT_TRUE(limited.Add(claim("b")).ok());
  absl::Status s = limited.Add(claim("c"));
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(std::string(s.message()),
              ::testing::HasSubstr("3 claims exceed the limit of 2"));
  EXPECT_EQ(limited.claims().claims_size(), 2);

  CheckOptions derive;
  derive.mutable_diagnosis()->add_derive("later");
  Session deriving(derive);
  s = deriving.Add(claim("a"));
  EXPECT_THAT(std::string(s.message()),
              ::testing::HasSubstr("'later' names no event or measure"));
  ClaimSet with_subject = claim("a");
  with_subject.add_events()->set_id("later");
  EXPECT_TRUE(deriving.Add(with_subject).ok());
  absl::StatusOr<CheckReport> report = deriving.Check();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*report, FreshCheck(deriving, derive)));
}

}  // namespace
}  // namespace claimcheck

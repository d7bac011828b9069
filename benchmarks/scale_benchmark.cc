// Scale: claimcheck::Check against the monolithic baseline of issue #7 (all
// claims in one Z3 solver, one assumption literal per claim, one check), on
// the synthetic corpus of synthetic.h, in the same run.
//
//   bazel run -c opt //benchmarks:scale_benchmark
//   bazel run -c opt //benchmarks:scale_benchmark -- --benchmark_filter=40000
//
// BM_Check's third argument is CheckOptions.threads (0: the machine's
// cores). BM_SessionRecheck measures an incremental session (session.h):
// a new article against the corpus, re-checked by the session, against a
// fresh Check of the same claims in the same run (reports asserted
// identical); the article's Add is timed apart (article_add_s).
//
// Every Check benchmark asserts its verdict is the monolithic one (where the
// baseline ran), that every planted conflict is reported and verified
// minimal and that no other is, and reports:
//   vs_monolithic  the baseline's time over Check's (the speed-up)
//   bytes_per_claim  the peak resident memory Check added, per claim
//                  (VmHWM after resetting it, less VmRSS before; glibc's
//                  free memory returned to the system first)
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <tuple>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "benchmarks/synthetic.h"
#include "proto/claimcheck.pb.h"
#include "solver/allocator.h"
#include "solver/checker.h"
#include "solver/session.h"
#include "solver/encoders/encoder.h"
#include "solver/encoding.h"
#include "z3++.h"

namespace claimcheck::benchmarks {
namespace {

using namespace claimcheck::v1;  // NOLINT: the schema's own names.

// Sizes for both; the baseline stops at 100k (at 1M it needs minutes).
constexpr int64_t kMonolithicMax = 100000;

// The kind of `per_mille` of the components (synthetic.h): an actor's
// event within a lifespan, which only Z3 decides; dates in months of a year
// relative to another event's or in a whole such year, ordinals and first
// since, which the fast path decides, by cases over years or over the known
// events of a class that occur; year gaps, which it decides by cases; year
// offsets from fixed years, which it decides by bounds.
enum class Kind {
  kLifespan,
  kNarrowedPeriod,
  kWholePeriod,
  kOrdinal,
  kFirstSince,
  kYearGap,
  kFixedOffset
};

SyntheticOptions Options(int64_t claims, int64_t per_mille,
                         Kind kind = Kind::kLifespan) {
  SyntheticOptions options;
  options.claims = static_cast<int>(claims);
  options.claims_per_component = 2;
  options.conflicts = 1 + static_cast<int>(claims / 100000);
  options.quantity_share = 0.25;
  const double share = per_mille / 1000.0;
  switch (kind) {
    case Kind::kLifespan:
      options.z3_share = share;
      break;
    case Kind::kNarrowedPeriod:
      options.narrowed_period_share = share;
      break;
    case Kind::kWholePeriod:
      options.whole_period_share = share;
      break;
    case Kind::kOrdinal:
      options.ordinal_share = share;
      break;
    case Kind::kFirstSince:
      options.first_since_share = share;
      break;
    case Kind::kYearGap:
      options.year_gap_share = share;
      break;
    case Kind::kFixedOffset:
      options.fixed_offset_share = share;
      break;
  }
  options.seed = 7;
  return options;
}

// A corpus of the benchmark: claims, per mille, kind.
using CorpusKey = std::tuple<int64_t, int64_t, Kind>;

// The baseline: one solver over every claim, each under its own assumption
// literal, with the same encoders and background facts as Check.
Verdict Monolithic(const CheckRequest& request) {
  z3::context ctx;
  Encoding encoding(ctx, request);
  z3::solver solver(ctx);
  for (const z3::expr& h : encoding.hard()) solver.add(h);
  z3::expr_vector assumptions(ctx);
  for (const Axiom& a : encoding.axioms()) assumptions.push_back(a.literal);
  for (int i = 0; i < request.claims().claims_size(); ++i) {
    std::optional<Encoded> encoded = EncodeClaim(request.claims().claims(i), encoding);
    if (!encoded.has_value()) return VERDICT_UNKNOWN;
    for (const z3::expr& d : encoded->definitions) solver.add(d);
    z3::expr literal = ctx.bool_const(absl::StrCat("claim!", i).c_str());
    solver.add(z3::implies(literal, encoded->constraint));
    assumptions.push_back(literal);
  }
  switch (solver.check(assumptions)) {
    case z3::sat:
      return VERDICT_CONSISTENT;
    case z3::unsat:
      return VERDICT_INCONSISTENT;
    default:
      return VERDICT_UNKNOWN;
  }
}

int64_t ProcStatusKb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = absl::StrCat(field, ":");
  while (std::getline(status, line)) {
    if (line.rfind(prefix, 0) == 0) return std::stoll(line.substr(prefix.size()));
  }
  return -1;
}

// Returns freed heap to the system, so that memory an earlier run freed is
// not reused unseen, and resets the peak resident size (VmHWM) to the
// current one.
void ResetPeakRss() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
}

struct Baseline {
  Verdict verdict;
  double seconds;
};

// The baseline's verdict and time, measured once per corpus (by
// BM_Monolithic, which runs first, or else on first use).
std::map<CorpusKey, Baseline>& BaselineCache() {
  static auto* cache = new std::map<CorpusKey, Baseline>();
  return *cache;
}

const Baseline& MeasureMonolithic(const CorpusKey& key,
                                  const CheckRequest& request) {
  const absl::Time start = absl::Now();
  const Verdict verdict = Monolithic(request);
  Baseline& b = BaselineCache()[key];
  b = Baseline{verdict, absl::ToDoubleSeconds(absl::Now() - start)};
  return b;
}

const Baseline& MonolithicOnce(const CorpusKey& key,
                               const CheckRequest& request) {
  auto it = BaselineCache().find(key);
  if (it != BaselineCache().end()) return it->second;
  return MeasureMonolithic(key, request);
}

void RunCheck(benchmark::State& state, Kind kind) {
  const CorpusKey key{state.range(0), state.range(1), kind};
  const SyntheticOptions options = Options(state.range(0), state.range(1), kind);
  CheckRequest request = GenerateSynthetic(options);
  const int claims = request.claims().claims_size();
  // Past the default limit on claims per check (Limits.max_claims).
  request.mutable_options()->mutable_limits()->set_max_claims(claims);
  request.mutable_options()->set_threads(static_cast<int32_t>(state.range(2)));
  const int planted = options.conflicts;
  // The baseline first (measured once per corpus, then cached): every row
  // of a corpus then runs after it, in the same state of the heap. Run
  // after the first row, it made the next row 10-15% slower.
  const Baseline* baseline = state.range(0) <= kMonolithicMax
                                 ? &MonolithicOnce(key, request)
                                 : nullptr;
  CheckReport report;
  int64_t peak_kb = 0;
  double check_seconds = 0;
  for (auto _ : state) {
    report.Clear();
    ResetPeakRss();
    const int64_t before_kb = ProcStatusKb("VmRSS");
    const absl::Time start = absl::Now();
    absl::StatusOr<CheckReport> checked = Check(request);
    const absl::Duration elapsed = absl::Now() - start;
    state.SetIterationTime(absl::ToDoubleSeconds(elapsed));
    check_seconds += absl::ToDoubleSeconds(elapsed);
    peak_kb = std::max(peak_kb, ProcStatusKb("VmHWM") - before_kb);
    if (!checked.ok()) {
      state.SkipWithError(std::string(checked.status().message()).c_str());
      return;
    }
    report = *std::move(checked);
  }
  check_seconds /= static_cast<double>(state.iterations());
  if (report.verdict() != VERDICT_INCONSISTENT ||
      report.conflicts_size() != planted) {
    state.SkipWithError(absl::StrCat("expected ", planted, " conflicts, got ",
                                     report.conflicts_size(), " (verdict ",
                                     Verdict_Name(report.verdict()), ")")
                            .c_str());
    return;
  }
  // A planted conflict is its component's one minimal conflict: 2 claims,
  // 3 in a year gap component.
  for (const Conflict& conflict : report.conflicts()) {
    if (!conflict.is_minimal() ||
        (conflict.members_size() != 2 && conflict.members_size() != 3)) {
      state.SkipWithError("a reported conflict is not a planted minimal one");
      return;
    }
  }
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["bytes_per_claim"] =
      1024.0 * static_cast<double>(peak_kb) / static_cast<double>(claims);
  if (baseline != nullptr) {
    if (baseline->verdict != report.verdict()) {
      state.SkipWithError("verdict differs from the monolithic baseline");
      return;
    }
    state.counters["monolithic_s"] = baseline->seconds;
    state.counters["vs_monolithic"] = baseline->seconds / check_seconds;
  }
}

void BM_Check(benchmark::State& state) { RunCheck(state, Kind::kLifespan); }
void BM_CheckNarrowedPeriods(benchmark::State& state) {
  RunCheck(state, Kind::kNarrowedPeriod);
}
void BM_CheckWholePeriods(benchmark::State& state) {
  RunCheck(state, Kind::kWholePeriod);
}
void BM_CheckOrdinals(benchmark::State& state) { RunCheck(state, Kind::kOrdinal); }
void BM_CheckFirstSince(benchmark::State& state) {
  RunCheck(state, Kind::kFirstSince);
}
void BM_CheckYearGaps(benchmark::State& state) {
  RunCheck(state, Kind::kYearGap);
}
void BM_CheckFixedOffsets(benchmark::State& state) {
  RunCheck(state, Kind::kFixedOffset);
}

// The baseline on its own, for its time in the table.
void BM_Monolithic(benchmark::State& state) {
  const CheckRequest request = GenerateSynthetic(Options(state.range(0), state.range(1)));
  for (auto _ : state) {
    const Baseline& b =
        MeasureMonolithic({state.range(0), state.range(1), Kind::kLifespan},
                          request);
    state.SetIterationTime(b.seconds);
    if (b.verdict != VERDICT_INCONSISTENT) {
      state.SkipWithError(Verdict_Name(b.verdict).c_str());
      return;
    }
  }
  state.counters["claims"] = static_cast<double>(state.range(0));
}

// An article of `claims` claims: copies (with new ids) of the lifespans of
// the corpus's lifespan components, each of another component, so that it
// touches that many of the parts Z3 checks.
ClaimSet ArticleFor(const CheckRequest& corpus, int claims) {
  ClaimSet article;
  for (const Claim& c : corpus.claims().claims()) {
    if (static_cast<int>(article.claims_size()) == claims) break;
    if (!c.has_reference_fact()) continue;
    Claim& copy = *article.add_claims();
    copy = c;
    copy.set_id(absl::StrCat("article-", article.claims_size()));
  }
  return article;
}

void BM_SessionRecheck(benchmark::State& state) {
  const int64_t claims = state.range(0);
  CheckRequest corpus = GenerateSynthetic(Options(claims, state.range(1)));
  corpus.mutable_options()->mutable_limits()->set_max_claims(
      corpus.claims().claims_size() + 100);
  const ClaimSet article = ArticleFor(corpus, 5);
  if (article.claims_size() == 0) {
    state.SkipWithError("the corpus has no lifespan components");
    return;
  }
  double fresh_seconds = 0, session_seconds = 0, add_seconds = 0;
  for (auto _ : state) {
    Session session(corpus.options());
    if (absl::Status s = session.Add(corpus.claims()); !s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    if (!session.Check().ok()) {
      state.SkipWithError("the first check failed");
      return;
    }
    absl::Time start = absl::Now();
    if (absl::Status s = session.Add(article); !s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      return;
    }
    add_seconds = absl::ToDoubleSeconds(absl::Now() - start);
    start = absl::Now();
    absl::StatusOr<CheckReport> incremental = session.Check();
    session_seconds = absl::ToDoubleSeconds(absl::Now() - start);
    state.SetIterationTime(session_seconds);
    CheckRequest whole;
    *whole.mutable_options() = corpus.options();
    *whole.mutable_claims() = session.claims();
    start = absl::Now();
    absl::StatusOr<CheckReport> fresh = Check(whole);
    fresh_seconds = absl::ToDoubleSeconds(absl::Now() - start);
    if (!incremental.ok() || !fresh.ok() ||
        incremental->SerializeAsString() != fresh->SerializeAsString()) {
      state.SkipWithError("the session's report differs from a fresh check");
      return;
    }
    state.counters["parts"] = session.last_stats().parts;
    state.counters["parts_solved"] = session.last_stats().parts_checked;
    state.counters["claims_checked"] = session.last_stats().claims_checked;
  }
  state.counters["claims"] = static_cast<double>(corpus.claims().claims_size());
  state.counters["fresh_check_s"] = fresh_seconds;
  state.counters["vs_fresh"] = fresh_seconds / session_seconds;
  state.counters["article_add_s"] = add_seconds;
}

// Args: claims, then lifespan components (which only Z3 decides) per
// mille of the components, then threads (BM_Check). 1M claims with 1% of
// them has 5,000 parts for Z3. BM_CheckNarrowedPeriods,
// BM_CheckWholePeriods, BM_CheckOrdinals, BM_CheckFirstSince,
// BM_CheckYearGaps and BM_CheckFixedOffsets: the same with narrowed-period,
// whole-period, ordinal, first since, year gap or fixed offset components
// instead, each the Z3-only kind until the fast path took it (each baseline
// measured on first use).
BENCHMARK(BM_Monolithic)
    ->ArgsProduct({{1000, 10000, 40000, 100000}, {0, 10}})
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1);
BENCHMARK(BM_Check)
    ->ArgsProduct({{1000, 10000, 40000, 100000}, {0, 10}, {1, 0}})
    ->Args({1000000, 0, 0})
    ->Args({1000000, 10, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1);
// The other kinds' rows: 1% of 40k on one thread and on all, 1% of 1M.
void KindRows(benchmark::internal::Benchmark* b) {
  b->Args({40000, 10, 1})
      ->Args({40000, 10, 0})
      ->Args({1000000, 10, 0})
      ->Unit(benchmark::kMillisecond)
      ->UseManualTime()
      ->Iterations(1);
}
BENCHMARK(BM_CheckNarrowedPeriods)->Apply(KindRows);
BENCHMARK(BM_CheckWholePeriods)->Apply(KindRows);
BENCHMARK(BM_CheckOrdinals)->Apply(KindRows);
BENCHMARK(BM_CheckFirstSince)->Apply(KindRows);
BENCHMARK(BM_CheckYearGaps)->Apply(KindRows);
BENCHMARK(BM_CheckFixedOffsets)->Apply(KindRows);
BENCHMARK(BM_SessionRecheck)
    ->Args({40000, 10})
    ->Args({100000, 10})
    ->Args({1000000, 10})
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(1);

}  // namespace
}  // namespace claimcheck::benchmarks

// BENCHMARK_MAIN, with the allocator set up as in the CLI and the server
// (solver/allocator.h), for the baseline too.
int main(int argc, char** argv) {
  claimcheck::TuneAllocator();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

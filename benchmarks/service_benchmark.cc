// Latency of a unary Check of a 100-claim request over gRPC on loopback
// (an in-process claimcheck server on 127.0.0.1), against the same check
// called in process, in one run: each benchmark records every iteration's
// latency and reports p50_ms and p99_ms; the run ends with the percentiles
// over all repetitions and their ratio to the library's in process. A
// 1-claim request shows the fixed cost of a call.
//
//   bazel run -c opt //benchmarks:service_benchmark [-- --iterations=N]
//
// (Later --benchmark_repetitions=N flags override the default 5.)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "grpcpp/grpcpp.h"
#include "proto/claimcheck_service.grpc.pb.h"
#include "service/server.h"
#include "solver/allocator.h"
#include "solver/checker.h"

namespace {

using namespace claimcheck::v1;  // NOLINT

// Iterations per repetition (--iterations); 5 repetitions, interleaved:
// 200 samples per benchmark for a 99th percentile.
int iterations = 40;

Claim& AddClaim(ClaimSet& set, const std::string& source) {
  Claim& c = *set.add_claims();
  c.set_id(absl::StrCat("c", set.claims_size()));
  c.mutable_provenance()->set_source(source);
  c.mutable_provenance()->set_quote(absl::StrCat("quote of claim ", set.claims_size()));
  return c;
}

void Within(ClaimSet& set, const std::string& event, int year, int month) {
  DateClaim& d = *AddClaim(set, "s").mutable_date();
  d.mutable_subject()->set_event(event);
  d.mutable_within()->mutable_start()->set_year(year);
  d.mutable_within()->mutable_start()->set_month(month);
}

void Quantity(ClaimSet& set, const std::string& measure, const std::string& value,
              Qualifier qualifier) {
  QuantityClaim& q = *AddClaim(set, "s").mutable_quantity();
  q.set_measure(measure);
  q.mutable_amount()->set_value(value);
  q.mutable_amount()->set_scale(SCALE_MILLION);
  q.mutable_amount()->set_unit("USD");
  q.mutable_amount()->set_qualifier(qualifier);
}

// 100 claims of the kinds articles make most, over 20 events and 20
// measures: a year and a month for each event (40), "about two years"
// between the events of 10 pairs (10), two or three money figures per
// measure ("about", "more than", and for 9 of them "nearly": 49), and one
// date that contradicts its event's month: one conflict to find, shrink
// and repair.
CheckRequest HundredClaims() {
  CheckRequest request;
  ClaimSet& set = *request.mutable_claims();
  Source& s = *set.add_sources();
  s.set_id("s");
  s.mutable_retrieved()->set_year(2026);
  s.mutable_retrieved()->set_month(11);
  s.mutable_retrieved()->set_day(22);
  for (int i = 0; i < 20; ++i) {
    Event& e = *set.add_events();
    e.set_id(absl::StrCat("e", i));
    e.set_name(absl::StrCat("visit ", i));
    Measure& m = *set.add_measures();
    m.set_id(absl::StrCat("m", i));
    m.set_name(absl::StrCat("deal ", i));
    m.set_dimension(DIMENSION_MONEY);
    m.set_currency("USD");
  }
  for (int i = 0; i < 20; ++i) {
    const std::string e = absl::StrCat("e", i);
    // Pairs two years apart: 1990 and 1992, 1994 and 1996, ...
    const int year = 1990 + 2 * i;
    DateClaim& within_year = *AddClaim(set, "s").mutable_date();
    within_year.mutable_subject()->set_event(e);
    within_year.mutable_within()->mutable_start()->set_year(year);
    Within(set, e, year, 1 + i % 12);
    if (i % 2 == 1) {
      GapClaim& g = *AddClaim(set, "s").mutable_gap();
      g.mutable_from()->set_event(absl::StrCat("e", i - 1));
      g.mutable_to()->set_event(e);
      g.mutable_amount()->set_value("2");
      g.mutable_amount()->set_unit("year");
      g.mutable_amount()->set_qualifier(QUALIFIER_ABOUT);
    }
    const std::string m = absl::StrCat("m", i);
    Quantity(set, m, absl::StrCat(100 + 10 * i), QUALIFIER_ABOUT);
    Quantity(set, m, absl::StrCat(90 + 10 * i), QUALIFIER_MORE_THAN);
    if (i < 9) Quantity(set, m, absl::StrCat(105 + 10 * i), QUALIFIER_NEARLY);
  }
  Within(set, "e7", 2004, 3);  // e7 is within 2004-08
  return request;
}

// The first `claims` claims of HundredClaims(): 100, and 1 for the fixed
// cost of a call.
const CheckRequest& Request(int claims) {
  static auto* requests = new std::map<int, CheckRequest>();
  auto [it, added] = requests->try_emplace(claims);
  if (added) {
    it->second = HundredClaims();
    auto* all = it->second.mutable_claims()->mutable_claims();
    all->DeleteSubrange(claims, all->size() - claims);
  }
  return it->second;
}

Verdict Expected(int claims) {
  return claims == 100 ? VERDICT_INCONSISTENT : VERDICT_CONSISTENT;
}

struct Percentiles {
  double p50_ms = 0;
  double p99_ms = 0;
  size_t samples = 0;
};

Percentiles Of(std::vector<double> ms) {
  Percentiles p;
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  auto at = [&ms](double q) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))];
  };
  p.p50_ms = at(0.50);
  p.p99_ms = at(0.99);
  p.samples = ms.size();
  return p;
}

// Every latency of every repetition, in ms, by benchmark name and number of
// claims: the summary's percentiles are over all of them.
std::map<std::pair<std::string, int>, std::vector<double>> all_samples;

// Records a run's latencies; sets its counters and adds them to
// all_samples.
class Latencies {
 public:
  void Add(absl::Duration d) { ms_.push_back(absl::ToDoubleMilliseconds(d)); }
  void Report(benchmark::State& state, const std::string& name,
              const CheckRequest& request) {
    const Percentiles p = Of(ms_);
    state.counters["p50_ms"] = p.p50_ms;
    state.counters["p99_ms"] = p.p99_ms;
    state.counters["request_bytes"] = request.ByteSizeLong();
    std::vector<double>& all =
        all_samples[{name, request.claims().claims_size()}];
    all.insert(all.end(), ms_.begin(), ms_.end());
  }

 private:
  std::vector<double> ms_;
};

// In process; with `controlled`, under a CheckControl like the server's (a
// deadline and a cancellation callback polled by a watcher thread), to tell
// the cost of the control from the cost of gRPC.
void CheckInProcess(benchmark::State& state, bool controlled) {
  const int claims = static_cast<int>(state.range(0));
  const CheckRequest& request = Request(claims);
  Latencies latencies;
  for (auto _ : state) {
    claimcheck::CheckControl control;
    if (controlled) {
      control.deadline = absl::Now() + absl::Seconds(60);
      control.cancelled = [] { return false; };
    }
    const absl::Time start = absl::Now();
    absl::StatusOr<CheckReport> report = claimcheck::Check(request, control);
    latencies.Add(absl::Now() - start);
    if (!report.ok() || report->verdict() != Expected(claims)) {
      state.SkipWithError("unexpected report");
      return;
    }
  }
  latencies.Report(state, controlled ? "in process, controlled" : "in process",
                   request);
}

void BM_CheckInProcess(benchmark::State& state) { CheckInProcess(state, false); }
void BM_CheckInProcessControlled(benchmark::State& state) {
  CheckInProcess(state, true);
}

void BM_CheckOverGrpc(benchmark::State& state) {
  const int claims = static_cast<int>(state.range(0));
  const CheckRequest& request = Request(claims);
  claimcheck::service::ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<claimcheck::service::Server>> server =
      claimcheck::service::Server::Start(options);
  if (!server.ok()) {
    state.SkipWithError("the server did not start");
    return;
  }
  std::unique_ptr<ClaimChecker::Stub> stub = ClaimChecker::NewStub(grpc::CreateChannel(
      (*server)->target(), grpc::InsecureChannelCredentials()));
  // With a deadline, as a client should: the server then runs the check
  // under a CheckControl (its watcher thread is part of what is measured).
  auto call = [&stub, &request, claims] {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    CheckReport report;
    const grpc::Status status = stub->Check(&context, request, &report);
    return status.ok() && report.verdict() == Expected(claims);
  };
  if (!call()) {  // connects; not measured
    state.SkipWithError("the first call failed");
    return;
  }
  Latencies latencies;
  for (auto _ : state) {
    const absl::Time start = absl::Now();
    const bool ok = call();
    latencies.Add(absl::Now() - start);
    if (!ok) {
      state.SkipWithError("a call failed");
      return;
    }
  }
  latencies.Report(state, "gRPC", request);
}

}  // namespace

int main(int argc, char** argv) {
  claimcheck::TuneAllocator();
  // --iterations=N, taken out before the benchmark library sees the flags.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--iterations=", 0) == 0) {
      iterations = std::max(1, std::atoi(arg.c_str() + 13));
    } else {
      argv[kept++] = argv[i];
    }
  }
  // Repetitions in random order, so that a change of the machine's load
  // during the run falls on every benchmark alike.
  std::vector<char*> args(argv, argv + kept);
  static char interleave[] = "--benchmark_enable_random_interleaving=true";
  static char repetitions[] = "--benchmark_repetitions=5";
  args.insert(args.begin() + 1, {interleave, repetitions});
  argc = static_cast<int>(args.size());
  argv = args.data();
  for (auto* b :
       {benchmark::RegisterBenchmark("BM_CheckInProcess", BM_CheckInProcess),
        benchmark::RegisterBenchmark("BM_CheckInProcessControlled",
                                     BM_CheckInProcessControlled),
        benchmark::RegisterBenchmark("BM_CheckOverGrpc", BM_CheckOverGrpc)}) {
    b->ArgName("claims")->Arg(1)->Arg(100)->Iterations(iterations)->Unit(
        benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // Over all repetitions: p50 and p99 of each, and each against the
  // library called in process.
  for (int claims : {1, 100}) {
    const Percentiles base = Of(all_samples[{"in process", claims}]);
    for (const char* name : {"in process", "in process, controlled", "gRPC"}) {
      const Percentiles p = Of(all_samples[{name, claims}]);
      if (p.samples == 0 || base.samples == 0) continue;
      std::printf(
          "%3d claims, %-22s %4zu calls: p50 %8.2f ms (x%.3f)  p99 %8.2f ms "
          "(x%.3f)\n",
          claims, name, p.samples, p.p50_ms, p.p50_ms / base.p50_ms, p.p99_ms,
          p.p99_ms / base.p99_ms);
    }
  }
  return 0;
}

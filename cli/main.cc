// claimcheck: check claim files for consistency.
//
//   claimcheck check [--format=text|json] [--rounding=...] FILE...
//   claimcheck test EXPECTATIONS
//   claimcheck stream [--rounding=...] [FILE]   (JSON Lines)
//
// check exits 0 consistent, 1 inconsistent, 2 invalid input or usage,
// 3 unknown (a limit was hit), 4 internal error. test exits 0 when every
// expectation holds, 1 when any differs, 2 on unusable input. stream exits
// 0 once every line has its report (whatever the verdicts), 2 on usage or
// an unreadable FILE, 4 when some line met an internal error.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/marshalling.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "claims/load.h"
#include "cli/regression.h"
#include "google/protobuf/text_format.h"
#include "cli/report_text.h"
#include "google/protobuf/util/json_util.h"
#include "solver/allocator.h"
#include "solver/checker.h"

ABSL_FLAG(std::string, format, "text", "Report format: text or json.");
ABSL_FLAG(std::string, rounding, "",
          "Rounding of exact figures: last_digit (default), "
          "significant_figures or exact.");
ABSL_FLAG(int64_t, timeout_ms, 0, "Solver time limit per call, ms (0: none).");
ABSL_FLAG(int64_t, rlimit, 0, "Z3 resource limit per call (0: none).");
ABSL_FLAG(int32_t, max_conflicts, 0,
          "Conflicts to report at most per independent part (0: 16).");
ABSL_FLAG(int32_t, threads, 0,
          "Independent parts checked at once (0: the machine's cores); the "
          "report is the same whatever the count.");
ABSL_FLAG(int32_t, max_repairs, 0,
          "Repairs to report at most (0: 3; negative: none).");
ABSL_FLAG(std::vector<std::string>, derive, {},
          "Events or measures (ids, comma-separated) whose bounds to derive "
          "from the consistent claims; 'all' for every one constrained.");
ABSL_FLAG(int32_t, max_subsets_explored, 0,
          "Consistent subsets the search for overlapping conflicts explores "
          "per component (0: 32).");
ABSL_FLAG(int64_t, deadline_ms, 0,
          "Wall-clock limit of the whole check (in stream, of each line's), "
          "ms (0: none); past it the check stops: UNKNOWN, LIMIT_TIMEOUT.");
ABSL_FLAG(int64_t, diagnosis_ms, 0,
          "Time budget for conflicts, repairs and derivations together, ms "
          "(0: none).");

namespace {

constexpr int kUsageError = 2;
constexpr int kInternalError = 4;

constexpr char kUsage[] =
    "claimcheck check [--format=text|json] [--rounding=last_digit|"
    "significant_figures|exact] [--timeout_ms=N] [--rlimit=N] "
    "[--max_conflicts=N] [--max_repairs=N] [--derive=ID,...|all] "
    "[--max_subsets_explored=N] [--diagnosis_ms=N] [--deadline_ms=N] "
    "[--threads=N] FILE...\n"
    "       claimcheck test EXPECTATIONS   (an Expectations text proto)\n"
    "       claimcheck stream [option flags as for check] [FILE]   (JSON "
    "Lines: one ClaimSet per line of FILE or stdin, one CheckReport per "
    "line out)\n"
    "FILE: a ClaimSet as text format (.textproto, .txtpb, .pbtxt), JSON "
    "(.json) or binary (.pb, .binpb).";

int Fail(const std::string& message, int code) {
  std::cerr << "claimcheck: " << message << "\n";
  return code;
}

// Applies the option flags that were given over `options`. Returns false on
// a bad flag value, after printing why.
bool ApplyFlags(claimcheck::v1::CheckOptions& options) {
  const std::string rounding = absl::AsciiStrToLower(absl::GetFlag(FLAGS_rounding));
  if (rounding == "last_digit") {
    options.set_rounding(claimcheck::v1::ROUNDING_LAST_DIGIT);
  } else if (rounding == "significant_figures") {
    options.set_rounding(claimcheck::v1::ROUNDING_SIGNIFICANT_FIGURES);
  } else if (rounding == "exact") {
    options.set_rounding(claimcheck::v1::ROUNDING_EXACT);
  } else if (!rounding.empty()) {
    Fail(absl::StrCat("unknown --rounding '", rounding, "'\n", kUsage), kUsageError);
    return false;
  }
  claimcheck::v1::Limits& limits = *options.mutable_limits();
  if (absl::GetFlag(FLAGS_timeout_ms) > 0) {
    limits.set_timeout_ms(absl::GetFlag(FLAGS_timeout_ms));
  }
  if (absl::GetFlag(FLAGS_rlimit) > 0) limits.set_rlimit(absl::GetFlag(FLAGS_rlimit));
  if (absl::GetFlag(FLAGS_max_conflicts) > 0) {
    limits.set_max_conflicts(absl::GetFlag(FLAGS_max_conflicts));
  }
  if (absl::GetFlag(FLAGS_max_subsets_explored) > 0) {
    limits.set_max_subsets_explored(absl::GetFlag(FLAGS_max_subsets_explored));
  }
  if (absl::GetFlag(FLAGS_diagnosis_ms) > 0) {
    limits.set_diagnosis_ms(absl::GetFlag(FLAGS_diagnosis_ms));
  }
  if (absl::GetFlag(FLAGS_threads) != 0) options.set_threads(absl::GetFlag(FLAGS_threads));
  claimcheck::v1::Diagnosis& diagnosis = *options.mutable_diagnosis();
  if (absl::GetFlag(FLAGS_max_repairs) != 0) {
    diagnosis.set_max_repairs(absl::GetFlag(FLAGS_max_repairs));
  }
  for (const std::string& id : absl::GetFlag(FLAGS_derive)) {
    if (id == "all") {
      diagnosis.set_derive_all(true);
    } else if (!id.empty()) {
      diagnosis.add_derive(id);
    }
  }
  return true;
}

// Check() under --deadline_ms, counted from now.
absl::StatusOr<claimcheck::v1::CheckReport> CheckUnderDeadline(
    const claimcheck::v1::CheckRequest& request) {
  claimcheck::CheckControl control;
  if (absl::GetFlag(FLAGS_deadline_ms) > 0) {
    control.deadline =
        absl::Now() + absl::Milliseconds(absl::GetFlag(FLAGS_deadline_ms));
  }
  return claimcheck::Check(request, control);
}

// Loads the files, applies the flags over `options` and checks. Returns 0
// with `report` filled (issues located by file and line), or the exit code
// of a failure after printing why.
int LoadAndCheck(const std::vector<std::string>& files,
                 const claimcheck::v1::CheckOptions& options,
                 claimcheck::v1::CheckReport& report,
                 claimcheck::v1::CheckRequest* checked_request = nullptr) {
  claimcheck::v1::CheckRequest request;
  claimcheck::Origins origins;
  absl::StatusOr<claimcheck::v1::ClaimSet> set =
      claimcheck::LoadClaimFiles(files, &origins);
  if (!set.ok()) return Fail(std::string(set.status().message()), kUsageError);
  *request.mutable_claims() = std::move(*set);
  *request.mutable_options() = options;
  if (!ApplyFlags(*request.mutable_options())) return kUsageError;
  absl::StatusOr<claimcheck::v1::CheckReport> checked = CheckUnderDeadline(request);
  if (!checked.ok()) {
    return Fail(absl::StrCat("internal error: ", checked.status().message()),
                kInternalError);
  }
  report = std::move(*checked);
  for (claimcheck::v1::Issue& issue : *report.mutable_issues()) {
    origins.Locate(issue);
  }
  if (checked_request != nullptr) *checked_request = std::move(request);
  return 0;
}

// Whether the claims `ids` of `request`, checked on their own, are one
// minimal conflict.
bool IsMinimalConflict(const claimcheck::v1::CheckRequest& request,
                       const std::vector<std::string>& ids) {
  claimcheck::v1::CheckRequest alone = request;
  alone.mutable_claims()->clear_claims();
  for (const claimcheck::v1::Claim& c : request.claims().claims()) {
    if (std::find(ids.begin(), ids.end(), c.id()) != ids.end()) {
      *alone.mutable_claims()->add_claims() = c;
    }
  }
  alone.mutable_options()->mutable_diagnosis()->clear_derive();
  alone.mutable_options()->mutable_diagnosis()->set_derive_all(false);
  alone.mutable_options()->mutable_diagnosis()->set_max_repairs(-1);
  absl::StatusOr<claimcheck::v1::CheckReport> r = CheckUnderDeadline(alone);
  return r.ok() && r->verdict() == claimcheck::v1::VERDICT_INCONSISTENT &&
         r->conflicts_size() == 1 && r->conflicts(0).is_minimal() &&
         r->conflicts(0).members_size() == static_cast<int>(ids.size());
}

int RunCheck(const std::vector<std::string>& files) {
  claimcheck::v1::CheckReport report;
  if (int code = LoadAndCheck(files, {}, report); code != 0) return code;
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format == "json") {
    std::string json;
    google::protobuf::util::JsonPrintOptions print;
    print.add_whitespace = true;
    print.preserve_proto_field_names = true;
    if (!google::protobuf::util::MessageToJsonString(report, &json, print).ok()) {
      return Fail("could not print the report as JSON", kInternalError);
    }
    std::cout << json;
  } else {
    std::cout << claimcheck::RenderTextReport(report);
  }
  return claimcheck::ExitCodeFor(report.verdict());
}

int RunTest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Fail(absl::StrCat(path, ": cannot be read"), kUsageError);
  std::stringstream text;
  text << in.rdbuf();
  claimcheck::v1::Expectations expected;
  if (!google::protobuf::TextFormat::ParseFromString(text.str(), &expected)) {
    return Fail(absl::StrCat(path, ": not an Expectations text proto"), kUsageError);
  }
  const std::string dir =
      path.find('/') == std::string::npos ? "" : path.substr(0, path.rfind('/') + 1);
  std::vector<std::string> files;
  for (const std::string& f : expected.files()) {
    files.push_back(!f.empty() && f[0] == '/' ? f : dir + f);
  }
  if (files.empty()) return Fail(absl::StrCat(path, ": names no files"), kUsageError);
  // Every subject with expected bounds is derived.
  claimcheck::v1::CheckOptions options = expected.options();
  for (const claimcheck::v1::ExpectedDerived& d : expected.derived()) {
    const auto& asked = options.diagnosis().derive();
    if (std::find(asked.begin(), asked.end(), d.subject_id()) == asked.end()) {
      options.mutable_diagnosis()->add_derive(d.subject_id());
    }
  }
  claimcheck::v1::CheckReport report;
  claimcheck::v1::CheckRequest request;
  if (int code = LoadAndCheck(files, options, report, &request); code != 0) {
    return code;
  }
  if (report.verdict() == claimcheck::v1::VERDICT_INVALID_INPUT) {
    std::cout << claimcheck::RenderTextReport(report);
    return kUsageError;
  }
  int verified = 0;
  const std::vector<std::string> diff = claimcheck::CompareWithExpectations(
      expected, report, [&](const std::vector<std::string>& ids) {
        const bool holds = IsMinimalConflict(request, ids);
        verified += holds;
        return holds;
      });
  std::cout << path << ": " << report.claims_size() << " claims, "
            << report.conflicts_size() << " conflicts, verdict "
            << claimcheck::v1::Verdict_Name(report.verdict()) << "\n";
  if (verified > 0) {
    std::cout << verified << " expected conflicts the search stopped short "
              << "of, each verified a minimal conflict on its own\n";
  }
  for (const std::string& line : diff) std::cout << line << "\n";
  std::cout << (diff.empty() ? "all expectations hold\n"
                             : absl::StrCat(diff.size(), " differences\n"));
  return diff.empty() ? 0 : 1;
}

// JSON Lines: one ClaimSet in JSON per input line, one CheckReport in JSON
// per output line, in order and flushed as each is done; memory does not
// grow with the number of lines. A line that is not a ClaimSet gets an
// INVALID_INPUT report of its own; the stream goes on. Every issue carries
// the input line number.
int RunStream(const std::string& path) {
  std::ifstream file;
  if (!path.empty() && path != "-") {
    file.open(path);
    if (!file) return Fail(absl::StrCat(path, ": cannot be read"), kUsageError);
  }
  std::istream& in = file.is_open() ? file : std::cin;
  claimcheck::v1::CheckRequest request;
  if (!ApplyFlags(*request.mutable_options())) return kUsageError;
  google::protobuf::util::JsonPrintOptions print;
  print.preserve_proto_field_names = true;
  bool internal_error = false;
  std::string line;
  std::string json;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    claimcheck::v1::CheckReport report;
    request.clear_claims();
    const auto parsed =
        google::protobuf::util::JsonStringToMessage(line, request.mutable_claims());
    if (!parsed.ok()) {
      report.set_verdict(claimcheck::v1::VERDICT_INVALID_INPUT);
      claimcheck::v1::Issue& issue = *report.add_issues();
      issue.set_severity(claimcheck::v1::SEVERITY_ERROR);
      issue.set_message(absl::StrCat("not a ClaimSet in JSON: ",
                                     line.empty() ? "empty line" : std::string(parsed.message())));
    } else if (absl::StatusOr<claimcheck::v1::CheckReport> checked =
                   CheckUnderDeadline(request);
               checked.ok()) {
      report = std::move(*checked);
    } else {
      // No verdict: the checker failed on this line.
      internal_error = true;
      claimcheck::v1::Issue& issue = *report.add_issues();
      issue.set_severity(claimcheck::v1::SEVERITY_ERROR);
      issue.set_message(absl::StrCat("internal error: ", checked.status().message()));
    }
    for (claimcheck::v1::Issue& issue : *report.mutable_issues()) {
      issue.set_line(number);
    }
    json.clear();
    if (!google::protobuf::util::MessageToJsonString(report, &json, print).ok()) {
      return Fail("could not print a report as JSON", kInternalError);
    }
    std::cout << json << std::endl;
  }
  return internal_error ? kInternalError : 0;
}

}  // namespace

int main(int argc, char** argv) {
  claimcheck::TuneAllocator();
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  const std::string format = absl::GetFlag(FLAGS_format);
  if (format != "text" && format != "json") {
    return Fail(absl::StrCat("unknown --format '", format, "'\n", kUsage),
                kUsageError);
  }
  if (args.size() == 3 && std::string(args[1]) == "test") {
    return RunTest(args[2]);
  }
  if (args.size() >= 2 && args.size() <= 3 && std::string(args[1]) == "stream") {
    return RunStream(args.size() == 3 ? args[2] : "");
  }
  if (args.size() < 2 || std::string(args[1]) != "check") {
    return Fail(absl::StrCat("expected a command\nusage: ", kUsage), kUsageError);
  }
  if (args.size() < 3) {
    return Fail(absl::StrCat("check needs at least one FILE\nusage: ", kUsage),
                kUsageError);
  }
  return RunCheck(std::vector<std::string>(args.begin() + 2, args.end()));
}

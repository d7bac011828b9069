// claimcheck: check claim files for consistency.
//
//   claimcheck check [--format=text|json] [--rounding=...] FILE...
//   claimcheck test EXPECTATIONS
//
// check exits 0 consistent, 1 inconsistent, 2 invalid input or usage,
// 3 unknown (a limit was hit), 4 internal error. test exits 0 when every
// expectation holds, 1 when any differs, 2 on unusable input.
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
#include "claims/load.h"
#include "cli/regression.h"
#include "google/protobuf/text_format.h"
#include "cli/report_text.h"
#include "google/protobuf/util/json_util.h"
#include "solver/checker.h"

ABSL_FLAG(std::string, format, "text", "Report format: text or json.");
ABSL_FLAG(std::string, rounding, "",
          "Rounding of exact figures: last_digit (default), "
          "significant_figures or exact.");
ABSL_FLAG(int64_t, timeout_ms, 0, "Solver time limit per call, ms (0: none).");
ABSL_FLAG(int64_t, rlimit, 0, "Z3 resource limit per call (0: none).");
ABSL_FLAG(int32_t, max_conflicts, 0, "Conflicts to report at most (0: 16).");
ABSL_FLAG(int32_t, max_repairs, 0,
          "Repairs to report at most (0: 3; negative: none).");
ABSL_FLAG(std::vector<std::string>, derive, {},
          "Events or measures (ids, comma-separated) whose bounds to derive "
          "from the consistent claims; 'all' for every one constrained.");
ABSL_FLAG(int32_t, max_subsets_explored, 0,
          "Consistent subsets the search for overlapping conflicts explores "
          "per component (0: 32).");
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
    "[--max_subsets_explored=N] [--diagnosis_ms=N] FILE...\n"
    "       claimcheck test EXPECTATIONS   (an Expectations text proto)\n"
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

// Loads the files, applies the flags over `options` and checks. Returns 0
// with `report` filled (issues located by file and line), or the exit code
// of a failure after printing why.
int LoadAndCheck(const std::vector<std::string>& files,
                 const claimcheck::v1::CheckOptions& options,
                 claimcheck::v1::CheckReport& report) {
  claimcheck::v1::CheckRequest request;
  claimcheck::Origins origins;
  absl::StatusOr<claimcheck::v1::ClaimSet> set =
      claimcheck::LoadClaimFiles(files, &origins);
  if (!set.ok()) return Fail(std::string(set.status().message()), kUsageError);
  *request.mutable_claims() = std::move(*set);
  *request.mutable_options() = options;
  if (!ApplyFlags(*request.mutable_options())) return kUsageError;
  absl::StatusOr<claimcheck::v1::CheckReport> checked = claimcheck::Check(request);
  if (!checked.ok()) {
    return Fail(absl::StrCat("internal error: ", checked.status().message()),
                kInternalError);
  }
  report = std::move(*checked);
  for (claimcheck::v1::Issue& issue : *report.mutable_issues()) {
    origins.Locate(issue);
  }
  return 0;
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
  claimcheck::v1::CheckReport report;
  if (int code = LoadAndCheck(files, expected.options(), report); code != 0) {
    return code;
  }
  if (report.verdict() == claimcheck::v1::VERDICT_INVALID_INPUT) {
    std::cout << claimcheck::RenderTextReport(report);
    return kUsageError;
  }
  const std::vector<std::string> diff =
      claimcheck::CompareWithExpectations(expected, report);
  std::cout << path << ": " << report.claims_size() << " claims, "
            << report.conflicts_size() << " conflicts, verdict "
            << claimcheck::v1::Verdict_Name(report.verdict()) << "\n";
  for (const std::string& line : diff) std::cout << line << "\n";
  std::cout << (diff.empty() ? "all expectations hold\n"
                             : absl::StrCat(diff.size(), " differences\n"));
  return diff.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
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
  if (args.size() < 2 || std::string(args[1]) != "check") {
    return Fail(absl::StrCat("expected a command\nusage: ", kUsage), kUsageError);
  }
  if (args.size() < 3) {
    return Fail(absl::StrCat("check needs at least one FILE\nusage: ", kUsage),
                kUsageError);
  }
  return RunCheck(std::vector<std::string>(args.begin() + 2, args.end()));
}

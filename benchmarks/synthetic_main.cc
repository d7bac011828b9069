// Writes a synthetic corpus (synthetic.h) as a claim file in text format,
// for profiling the CLI on one kind of component:
//
//   bazel build -c opt //benchmarks:synthetic_main //cli:claimcheck
//   bazel-bin/benchmarks/synthetic_main --claims=400 --z3_share=1 >/tmp/z3.txtpb
//   bazel-bin/cli/claimcheck check --threads=1 /tmp/z3.txtpb
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "benchmarks/synthetic.h"
#include "google/protobuf/text_format.h"

ABSL_FLAG(int, claims, 1000, "claims in all, rounded down to whole components");
ABSL_FLAG(int, claims_per_component, 2, "claims per date or quantity component");
ABSL_FLAG(int, conflicts, 1, "components with a planted conflict");
ABSL_FLAG(double, quantity_share, 0.25, "share of quantity components");
ABSL_FLAG(double, z3_share, 0.0, "share of lifespan components (left to Z3)");
ABSL_FLAG(double, narrowed_period_share, 0.0,
          "share of narrowed-period components (decided by the fast path by cases)");
ABSL_FLAG(double, whole_period_share, 0.0,
          "share of whole-period components (decided by the fast path by cases)");
ABSL_FLAG(double, ordinal_share, 0.0, "share of ordinal components");
ABSL_FLAG(double, first_since_share, 0.0, "share of first since components");
ABSL_FLAG(double, year_gap_share, 0.0,
          "share of year gap components (decided by the fast path by cases)");
ABSL_FLAG(double, fixed_offset_share, 0.0,
          "share of fixed offset components (decided by the fast path)");
ABSL_FLAG(uint32_t, seed, 7, "random seed");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  claimcheck::benchmarks::SyntheticOptions options;
  options.claims = absl::GetFlag(FLAGS_claims);
  options.claims_per_component = absl::GetFlag(FLAGS_claims_per_component);
  options.conflicts = absl::GetFlag(FLAGS_conflicts);
  options.quantity_share = absl::GetFlag(FLAGS_quantity_share);
  options.z3_share = absl::GetFlag(FLAGS_z3_share);
  options.narrowed_period_share = absl::GetFlag(FLAGS_narrowed_period_share);
  options.whole_period_share = absl::GetFlag(FLAGS_whole_period_share);
  options.ordinal_share = absl::GetFlag(FLAGS_ordinal_share);
  options.first_since_share = absl::GetFlag(FLAGS_first_since_share);
  options.year_gap_share = absl::GetFlag(FLAGS_year_gap_share);
  options.fixed_offset_share = absl::GetFlag(FLAGS_fixed_offset_share);
  options.seed = absl::GetFlag(FLAGS_seed);
  std::string text;
  if (!google::protobuf::TextFormat::PrintToString(
          claimcheck::benchmarks::GenerateSynthetic(options).claims(), &text)) {
    std::cerr << "synthetic_main: could not print the claim set\n";
    return 1;
  }
  std::cout << "# proto-file: proto/claimcheck.proto\n"
            << "# proto-message: claimcheck.v1.ClaimSet\n"
            << text;
  return 0;
}

// Many checks at once through the C++ API (issue #8): one thread per check,
// each with its own Z3 context, must give exactly the reports the same
// requests give one after another.
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"
#include "proto/claimcheck.pb.h"
#include "solver/checker.h"
#include "tests/differential/generator.h"

namespace claimcheck {
namespace {

using namespace claimcheck::v1;  // NOLINT

constexpr int kRequests = 24;
constexpr int kThreads = 8;

std::vector<CheckRequest> Requests() {
  std::vector<CheckRequest> out;
  // Every family of the differential generator: dates, periods, classes,
  // actors, quantities, shares and mixed claim sets, consistent or not.
  for (int i = 0; i < kRequests; ++i) {
    const auto family = static_cast<differential::Family>(i % 7);
    out.push_back(differential::Generate(family, 9000 + static_cast<uint32_t>(i)));
    // Z3's resource count, not time, so that the answer cannot depend on
    // how busy the machine is.
    out.back().mutable_options()->mutable_limits()->set_rlimit(30000000);
  }
  return out;
}

std::string Serialized(const absl::StatusOr<CheckReport>& report) {
  if (!report.ok()) return absl::StrCat("error: ", report.status().ToString());
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    report->SerializeToCodedStream(&out);
  }  // The streams trim `bytes` as they close.
  return bytes;
}

TEST(ConcurrentCheckTest, ThreadsGiveTheSequentialReports) {
  const std::vector<CheckRequest> requests = Requests();
  std::vector<std::string> sequential;
  int inconsistent = 0;
  for (const CheckRequest& r : requests) {
    absl::StatusOr<CheckReport> report = Check(r);
    ASSERT_TRUE(report.ok()) << report.status();
    if (report->verdict() == VERDICT_INCONSISTENT) ++inconsistent;
    sequential.push_back(Serialized(report));
  }
  // The comparison means something only if the reports differ in kind.
  EXPECT_GT(inconsistent, 0);
  EXPECT_LT(inconsistent, kRequests);

  // Each thread checks every request, starting at its own offset, so that
  // different requests run side by side.
  std::vector<std::vector<std::string>> got(kThreads,
                                            std::vector<std::string>(kRequests));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < kRequests; ++k) {
        const int i = (t * 3 + k) % kRequests;
        got[t][i] = Serialized(Check(requests[i]));
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kRequests; ++i) {
      EXPECT_EQ(got[t][i], sequential[i]) << "thread " << t << ", request " << i;
    }
  }
}

}  // namespace
}  // namespace claimcheck

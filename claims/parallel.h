// A worker pool for one call: runs fn(0) ... fn(n - 1) on up to `threads`
// threads (the caller's among them), each index once, handing out indices in
// order as workers come free. Returns when all have run. fn must be
// thread-safe for distinct indices.
//
// Used by validation (claims/validate.h) and the solver (the Z3 parts, the
// fast path's groups).
#ifndef CLAIMCHECK_CLAIMS_PARALLEL_H_
#define CLAIMCHECK_CLAIMS_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace claimcheck {

// The threads a check uses when its options leave the count at 0.
inline int DefaultThreads() {
  return std::max(1u, std::thread::hardware_concurrency());
}

inline void ParallelFor(int n, int threads, const std::function<void(int)>& fn) {
  threads = std::max(1, std::min(threads, n));
  std::atomic<int> next{0};
  auto work = [&] {
    for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_PARALLEL_H_

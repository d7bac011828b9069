// Allocator settings for a process that runs many checks.
//
// Each check makes fresh Z3 contexts (one for the split, one per part; a
// fresh one keeps reports independent of what the process checked before).
// With glibc's default settings the memory a finished check frees goes back
// to the kernel, and the next context's set-up page-faults it in again: on
// this project's 2-core VM with Z3 4.8.12 a context then took about 42 ms
// instead of 0.5 ms (some 4,000 page faults at ~10 us each).
//
// TuneAllocator keeps allocations under 16 MB on the heap and up to 64 MB of
// freed memory in the process. The claimcheck CLI, server and benchmarks
// call it first thing in main(); a program embedding the library can call
// it too, or set the same through GLIBC_TUNABLES
// (glibc.malloc.mmap_threshold=16777216:glibc.malloc.trim_threshold=67108864).
// The library never calls it itself: the allocator is the process's.
//
// Until it included a C library header (see allocator.cc) this function
// compiled to nothing, so figures measured "with" it before then were
// measured without it (the 130 ms and 52 ms a check once given here among
// them). Measured with it in effect, alternating with the binaries of the
// no-op (-c opt, same hour): the CLI on two conflicting claims 0.07-0.08 s
// and 5,318 page faults against 0.11-0.12 s and 9,478 (its second Z3
// context reuses the first's memory), and 14,970 page faults against
// 19,135 on the seed corpus, whose time is Z3's search. scale_benchmark's
// monolithic baseline at 40,000 claims did not move (6.7-11.2 s either
// way, alternating runs).
//
// A no-op where the C library is not glibc.
#ifndef CLAIMCHECK_SOLVER_ALLOCATOR_H_
#define CLAIMCHECK_SOLVER_ALLOCATOR_H_

namespace claimcheck {

void TuneAllocator();

}  // namespace claimcheck

#endif  // CLAIMCHECK_SOLVER_ALLOCATOR_H_

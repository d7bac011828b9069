// The process's resident memory, for tests that check it comes back.
#ifndef CLAIMCHECK_TESTS_TESTING_MEMORY_H_
#define CLAIMCHECK_TESTS_TESTING_MEMORY_H_

#include <cstdint>

namespace claimcheck::testing {

// Returns the heap glibc holds free to the system (malloc_trim), then the
// resident size (VmRSS of /proc/self/status) in kB; -1 if unreadable.
int64_t TrimmedResidentKb();

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_TESTING_MEMORY_H_

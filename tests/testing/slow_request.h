// A request Z3 takes minutes over, for tests of deadlines, cancellation and
// shutdown: a chain of events of one class, each two years after the one
// before ("after a gap of two years"), the first within 1950-1960 and the
// last within 2020-2030 (consistent: events may last years). With 30
// events it took 119 s to check on this project's machine (Z3 4.8.12,
// `claimcheck check --max_repairs=-1`, beside another Z3 run) until large
// checks went to a solver that keeps every claim asserted (solver/oracle.h);
// then 0.64 s. With 60 events that takes 2.3 s, and with 150 more than
// 100 s (`claimcheck check`, -c opt). A test that must see a check stopped
// gives it a deadline of a fraction of a second. Should the solver get fast
// at it, take more events.
#ifndef CLAIMCHECK_TESTS_TESTING_SLOW_REQUEST_H_
#define CLAIMCHECK_TESTS_TESTING_SLOW_REQUEST_H_

#include "proto/claimcheck.pb.h"

namespace claimcheck::testing {

claimcheck::v1::CheckRequest SlowRequest(int events = 150);

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_TESTING_SLOW_REQUEST_H_

// The fuzz target of issue #8: bytes -> a claim set (text format, JSON or
// binary; see CheckBytes) -> validation -> encoding -> solving.
// Whatever the bytes, the process must not crash or hang, and a report of a
// parsed set must account for every claim in it (it aborts otherwise, which
// a fuzzer reports as a crash).
#ifndef CLAIMCHECK_TESTS_FUZZ_CLAIMSET_FUZZ_H_
#define CLAIMCHECK_TESTS_FUZZ_CLAIMSET_FUZZ_H_

#include <cstddef>
#include <cstdint>

namespace claimcheck::fuzz {

// Runs one input; returns 0 (libFuzzer's convention).
int CheckBytes(const uint8_t* data, size_t size);

}  // namespace claimcheck::fuzz

#endif  // CLAIMCHECK_TESTS_FUZZ_CLAIMSET_FUZZ_H_

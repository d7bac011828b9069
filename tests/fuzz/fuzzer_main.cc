// libFuzzer entry point (clang only): see tests/fuzz/BUILD.bazel.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/claimset_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return claimcheck::fuzz::CheckBytes(data, size);
}

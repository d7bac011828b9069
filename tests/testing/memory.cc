#include "tests/testing/memory.h"

#include <malloc.h>

#include <fstream>
#include <string>

namespace claimcheck::testing {

int64_t TrimmedResidentKb() {
  malloc_trim(0);
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  }
  return -1;
}

}  // namespace claimcheck::testing

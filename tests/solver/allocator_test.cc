// TuneAllocator must change glibc's settings: it compiled to nothing for
// weeks (no C library header before its #if defined(__GLIBC__)), and every
// figure measured "with" it was measured without it.
#include "solver/allocator.h"

#include <cstdlib>

#include "gtest/gtest.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace claimcheck {
namespace {

#if defined(__GLIBC__)
// The number of blocks glibc has mapped with mmap rather than carved from
// its heap.
size_t MappedBlocks() { return mallinfo2().hblks; }

TEST(AllocatorTest, KeepsBlocksUnder16MBOnTheHeap) {
  // By default glibc maps a fresh 8 MB block (its threshold starts at 128
  // KiB and grows only as mapped blocks are freed); tuned, the block comes
  // from the heap. Z3 4.8.12 allocates two such blocks per context.
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "ASan's allocator replaces glibc's";
#endif
  TuneAllocator();
  const size_t before = MappedBlocks();
  void* block = std::malloc(8 << 20);
  ASSERT_NE(block, nullptr);
  EXPECT_EQ(MappedBlocks(), before);
  std::free(block);
}
#else
TEST(AllocatorTest, IsANoOpWithoutGlibc) { TuneAllocator(); }
#endif

}  // namespace
}  // namespace claimcheck

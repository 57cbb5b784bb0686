#include "batch-memory.h"

#include <cstdint>
#include <cstdlib>
#include <mutex>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace origo {

bool tuneMemoryForBatch() {
#if defined(__GLIBC__)
  static std::once_flag once;
  static bool tuned = false;
  std::call_once(once, []() {
    constexpr size_t kMiB = size_t(1) << 20;
    // mallopt answers 1 for a setting it took.
    tuned = mallopt(M_ARENA_MAX, 1) == 1 && mallopt(M_TOP_PAD, static_cast<int>(64 * kMiB)) == 1 &&
            mallopt(M_MMAP_THRESHOLD, static_cast<int>(32 * kMiB)) == 1 && mallopt(M_TRIM_THRESHOLD, static_cast<int>(512 * kMiB)) == 1;
    // Grow the heap once by ~95 MiB (the block plus the top pad) and ask for huge pages on it.
    const uintptr_t before = reinterpret_cast<uintptr_t>(sbrk(0));
    void* block = std::malloc(31 * kMiB);
    const uintptr_t after = reinterpret_cast<uintptr_t>(sbrk(0));
    const uintptr_t huge = 2 * kMiB;
    const uintptr_t start = (before + huge - 1) & ~(huge - 1);
    if (block && after > start) madvise(reinterpret_cast<void*>(start), after - start, MADV_HUGEPAGE);
    std::free(block);
  });
  return tuned;
#else
  return false;
#endif
}

}  // namespace origo

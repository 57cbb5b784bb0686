// Memory settings for a short batch process: `origo pan` (the kernel) and `origo compare`.
#pragma once

namespace origo {

// Tunes glibc's allocator for a short process that prepares many documents at once, as
// GLIBC_TUNABLES would at start: one arena for every thread (the kernel's threads otherwise
// each grow their own heap a page at a time, one mprotect call each, while the others wait on
// the address space's lock), heap growth in large steps, no trimming, and transparent huge pages
// asked for on the heap (a page fault then maps 2 MiB instead of 4 KiB). Page faults were a
// third of a run's CPU time on the 2-core machine (docs/benchmarks.md). Once per process; a
// no-op where the C library is not glibc. Not for long-running servers.
// Returns whether the settings took (false where the C library is not glibc).
bool tuneMemoryForBatch();

}  // namespace origo

// Giving freed heap memory back to the system (glibc malloc).
//
// Why: glibc gives each thread that allocates an arena of its own (up to 8 per core), and a
// freed block inside an arena stays mapped until the arena's top is free; blocks above the
// mmap threshold are unmapped on free, but glibc raises that threshold (up to 32 MiB) each
// time such a block is freed, so later large buffers (policy drafts, photos, reports) also
// land in arenas. A server with many worker threads therefore keeps its peak after load.
// ConfigureMallocForServer caps the arenas and pins the threshold at 1 MiB (buffers above it
// are unmapped on free); ReleaseFreeMemory returns free pages of every arena (malloc_trim),
// for a caller to run after a large request or when idle. Measured in bench/memory_release.cc.
//
// Thread-safety: both may be called from any thread (glibc locks each arena while trimming);
// ConfigureMallocForServer belongs at start-up, before worker threads exist.
#pragma once

#include <cstddef>

namespace chorus {

// mallopt(M_ARENA_MAX, arenas) and mallopt(M_MMAP_THRESHOLD, 1 MiB). No effect elsewhere
// than glibc.
void ConfigureMallocForServer(int arenas = 4);

// malloc_trim(0). True when memory was returned.
bool ReleaseFreeMemory();

// Resident set size of this process in bytes (from /proc/self/statm), 0 when unknown.
size_t ResidentBytes();

}  // namespace chorus

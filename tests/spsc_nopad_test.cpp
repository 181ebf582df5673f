// spsc_nopad_test.cpp - the whole of spsc_test.cpp again with
// HEAPLESS_CACHE_LINE = 0: the unpadded layout that Cortex-M targets use by
// default (no padding, indices and slots packed), exercised on the host.
#define HEAPLESS_CACHE_LINE 0
#include "spsc_test.cpp"  // NOLINT(bugprone-suspicious-include): same tests, other layout

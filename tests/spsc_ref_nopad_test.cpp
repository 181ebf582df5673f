// spsc_ref_nopad_test.cpp - the whole of spsc_ref_test.cpp again with
// HEAPLESS_CACHE_LINE = 0: views of the unpadded layout that Cortex-M targets
// use by default (one- and two-byte indices, no private index copies),
// exercised on the host.
#define HEAPLESS_CACHE_LINE 0
#include "spsc_ref_test.cpp"  // NOLINT(bugprone-suspicious-include): same tests, other layout

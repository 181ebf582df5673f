// history_buffer_compact_test.cpp - the HistoryBuffer tests again with the
// write in the form chosen for size (-Os): one element store for filling and
// full (and in the form chosen for speed when this build is itself -Os), so
// both forms run in every test configuration.
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 0
#else
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 1
#endif
#include <heapless/history_buffer.hpp>

static_assert(heapless::detail::history_buffer_compact == (HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT != 0),
              "the write form is chosen by HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT");

#include "history_buffer_test.cpp"

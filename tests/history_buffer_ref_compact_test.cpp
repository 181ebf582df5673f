// history_buffer_ref_compact_test.cpp - the HistoryBufferRef tests again with
// the other write form (see history_buffer_compact_test.cpp), so both forms
// run through the view in every test configuration.
#if defined(__OPTIMIZE_SIZE__)
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 0
#else
#define HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT 1
#endif
#include <heapless/history_buffer.hpp>

static_assert(heapless::detail::history_buffer_compact == (HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT != 0),
              "the write form is chosen by HEAPLESS_DETAIL_HISTORY_BUFFER_COMPACT");

#include "history_buffer_ref_test.cpp"

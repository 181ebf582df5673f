// error_capture.cpp - heapless::error_handler for test builds that set
// HEAPLESS_ERROR_HANDLER=1 (the -fno-exceptions builds). Inside
// HEAPLESS_CHECK_RAISES it records the call and longjmps back to the check;
// anywhere else an error is a test failure: it prints and aborts.
#include <cstdio>   // std::fprintf
#include <cstdlib>  // std::abort

#include "test.hpp"

namespace heapless {
namespace test {
error_capture& capture() noexcept {
  static error_capture c;
  return c;
}
}  // namespace test

#if HEAPLESS_ERROR_HANDLER
void error_handler(error_kind kind, const char* message) {
  test::error_capture& c = test::capture();
  ++c.calls;
  c.kind = kind;
  c.message = message;
  if (c.active) std::longjmp(c.env, 1);
  std::printf("unexpected heapless error (kind %d): %s\n", static_cast<int>(kind),
              message ? message : "");
  std::abort();
}
#endif
}  // namespace heapless

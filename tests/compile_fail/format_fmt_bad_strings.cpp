// format_fmt_bad_strings.cpp - HEAPLESS_FMT strings are checked when the call
// is compiled, in C++17 too: a format string that does not match its
// arguments must not compile. Compiled once per case by
// format_compile_fail.cmake (-DSET=fmt) with -DHEAPLESS_CASE=<n>; case 0 is
// the control that must compile, every other case must fail with the named
// static_assert message.
#include "heapless/format.hpp"

enum class mode { a };

int main() {
  heapless::String<64> s;
#if HEAPLESS_CASE == 0  // control: valid strings compile
  heapless::format_to(s, HEAPLESS_FMT("{} {:#x} {:.3f} {:>5} {}"), 1, 2u, 3.0, "x", mode::a);
#elif HEAPLESS_CASE == 1
  heapless::format_to(s, HEAPLESS_FMT("{} {}"), 1);
#elif HEAPLESS_CASE == 2
  heapless::format_to(s, HEAPLESS_FMT("{}"), 1, 2);
#elif HEAPLESS_CASE == 3
  heapless::format_to(s, HEAPLESS_FMT("{:.3x}"), 1);
#elif HEAPLESS_CASE == 4
  (void)heapless::try_format_to(s, HEAPLESS_FMT("{:f}"), "text");
#elif HEAPLESS_CASE == 5
  heapless::format_to(s, HEAPLESS_FMT("{"), 1);
#elif HEAPLESS_CASE == 6
  (void)heapless::format<16>(HEAPLESS_FMT("}"), 1);
#elif HEAPLESS_CASE == 7
  (void)heapless::formatted_size(HEAPLESS_FMT("{:10q5}"), 1);
#elif HEAPLESS_CASE == 8
  heapless::format_to(s, HEAPLESS_FMT("{0} {}"), 1);
#endif
  return static_cast<int>(s.size());
}

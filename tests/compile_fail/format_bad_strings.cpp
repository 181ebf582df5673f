// format_bad_strings.cpp - C++20: a format string that does not match its
// arguments must not compile. Compiled once per case by
// format_compile_fail.cmake with -DHEAPLESS_CASE=<n>; case 0 is the control
// that must compile, every other case must fail with the named diagnostic.
#include "heapless/format.hpp"

enum class mode { a };
struct no_formatter {};

int main() {
  heapless::String<64> s;
#if HEAPLESS_CASE == 0  // control: valid strings compile
  heapless::format_to(s, "{} {:#x} {:.3f} {:>5} {}", 1, 2u, 3.0, "x", mode::a);
#elif HEAPLESS_CASE == 1  // more fields than arguments -> format_string_error_more_fields_than_arguments
  heapless::format_to(s, "{} {}", 1);
#elif HEAPLESS_CASE == 2  // an argument never used -> format_string_error_argument_never_used
  heapless::format_to(s, "{}", 1, 2);
#elif HEAPLESS_CASE == 3  // bad spec for the type -> format_string_error_spec_not_valid_for_argument_type
  heapless::format_to(s, "{:.3x}", 1);
#elif HEAPLESS_CASE == 4  // float type on a string -> format_string_error_spec_not_valid_for_argument_type
  heapless::format_to(s, "{:f}", "text");
#elif HEAPLESS_CASE == 5  // unmatched brace -> format_string_error_unmatched_open_brace
  heapless::format_to(s, "{", 1);
#elif HEAPLESS_CASE == 6  // positional index out of range -> format_string_error_more_fields_than_arguments
  (void)heapless::try_format_to(s, "{1}", 1);
#elif HEAPLESS_CASE == 7  // malformed spec -> format_string_error_invalid_spec
  (void)heapless::format<16>("{:10q5}", 1);
#elif HEAPLESS_CASE == 8  // a type without formatter -> static_assert "no formatter for this argument type"
  heapless::format_to(s, "{}", no_formatter{});
#endif
  return static_cast<int>(s.size());
}

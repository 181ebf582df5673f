// format_fuzz.cpp - libFuzzer target for heapless/format.hpp.
//
// 1. The parser and every spec path on arbitrary format strings (run-time
//    checked): no crash, no UB (ASan+UBSan), and the outputs agree with each
//    other: formatted_size == format_to_n's size == an iterator's length;
//    try_format_to succeeds exactly when it fits and then equals the full
//    output; format_to_truncating keeps a prefix and reports the cut; a
//    malformed string raises std::invalid_argument everywhere, leaving the
//    String unchanged.
// 2. Round trips against std::to_chars / std::from_chars on values taken from
//    the input: "{}" of a double or float parses back to the same bits,
//    "{:.Pf}" / "{:.Pe}" / "{:.Pg}" equal to_chars with that precision,
//    integers in bases 10 and 16 equal to_chars.
// Any disagreement traps.
#include <charconv>     // std::to_chars, std::from_chars: the reference
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t ...
#include <cstring>      // std::memcpy, std::memcmp
#include <stdexcept>    // std::invalid_argument
#include <string_view>  // std::string_view

#include "heapless/format.hpp"

namespace {

using sv = std::string_view;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

struct counting_iterator {
  std::size_t* n;
  counting_iterator& operator*() { return *this; }
  counting_iterator& operator=(char) {
    ++*n;
    return *this;
  }
  counting_iterator& operator++() { return *this; }
  counting_iterator operator++(int) { return *this; }
};

/// Runs every entry point on (fmt, args...) and checks that they agree.
template <class... Args>
void exercise(sv fmt, const Args&... args) {
  const auto rf = heapless::runtime_format(fmt);
  static char full[1 << 16];
  std::size_t size = 0;
  bool valid = true;
  try {
    size = heapless::formatted_size(rf, args...);
  } catch (const std::invalid_argument&) {
    valid = false;
  }
  if (!valid) {
    heapless::String<32> s("keep");
    bool raised = false;
    try {
      heapless::format_to(s, rf, args...);
    } catch (const std::invalid_argument&) {
      raised = true;
    }
    require(raised && sv(s) == "keep");
    raised = false;
    try {
      (void)heapless::try_format_to(s, rf, args...);
    } catch (const std::invalid_argument&) {
      raised = true;
    }
    require(raised && sv(s) == "keep");
    return;
  }
  if (size > sizeof full) return;  // huge widths: only formatted_size is cheap
  const auto r = heapless::format_to_n(full, sizeof full, rf, args...);
  require(r.size == size && r.out == full + size);
  const sv whole(full, size);

  std::size_t counted = 0;
  heapless::format_to(counting_iterator{&counted}, rf, args...);
  require(counted == size);

  heapless::String<64> small("ab");
  const bool fits = heapless::try_format_to(small, rf, args...);
  require(fits == (size <= 62));
  require(fits ? sv(small).substr(2) == whole : sv(small) == "ab");

  heapless::String<64> cut("ab");
  const bool was_cut = heapless::format_to_truncating(cut, rf, args...);
  require(was_cut == (size > 62));
  const sv kept = sv(cut).substr(2);
  require(whole.substr(0, kept.size()) == kept);
  require(kept.size() + 4 > (size < 62 ? size : 62));  // a cut drops at most one UTF-8 sequence
}

template <class F>
void round_trip_float(F x, int precision) {
  char want[2048];
  heapless::String<2048> got;
  // Shortest: parses back to the same value.
  heapless::format_to(got, "{}", x);
  F back{};
  const auto fr = std::from_chars(got.data(), got.data() + got.size(), back);
  if (x == x) {
    require(fr.ec == std::errc() && std::memcmp(&back, &x, sizeof x) == 0);
  }
  const std::to_chars_result t0 = std::to_chars(want, want + sizeof want, x);
  require(sv(got) == sv(want, static_cast<std::size_t>(t0.ptr - want)));
  // Fixed, scientific, general with a precision: exactly to_chars.
  const std::chars_format kinds[] = {std::chars_format::fixed, std::chars_format::scientific,
                                     std::chars_format::general};
  const char types[] = {'f', 'e', 'g'};
  for (int k = 0; k < 3; ++k) {
    char spec[16];
    char* p = spec;
    *p++ = '{';
    *p++ = ':';
    *p++ = '.';
    p = std::to_chars(p, spec + sizeof spec, precision).ptr;
    *p++ = types[k];
    *p++ = '}';
    got.clear();
    heapless::format_to(got, heapless::runtime_format(sv(spec, static_cast<std::size_t>(p - spec))), x);
    const std::to_chars_result t = std::to_chars(want, want + sizeof want, x, kinds[k], precision);
    require(t.ec == std::errc());
    require(sv(got) == sv(want, static_cast<std::size_t>(t.ptr - want)));
  }
}

template <class I>
void round_trip_integer(I v) {
  char want[160];  // "-9223372036854775808|-8000000000000000|" + 64 binary digits
  heapless::String<160> got;
  heapless::format_to(got, "{}|{:x}|{:b}", v, v, v);
  char* p = std::to_chars(want, want + sizeof want, v).ptr;
  *p++ = '|';
  p = std::to_chars(p, want + sizeof want, v, 16).ptr;
  *p++ = '|';
  p = std::to_chars(p, want + sizeof want, v, 2).ptr;
  require(sv(got) == sv(want, static_cast<std::size_t>(p - want)));
}

template <class T>
T take(const std::uint8_t*& data, std::size_t& size) {
  T v{};
  const std::size_t n = size < sizeof v ? size : sizeof v;
  std::memcpy(&v, data, n);
  data += n;
  size -= n;
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t mode = take<std::uint8_t>(data, size);
  if (mode < 0xC0) {
    const sv fmt(reinterpret_cast<const char*>(data), size);
    int dummy = 0;
    switch (mode % 7) {
      case 0: exercise(fmt); break;
      case 1: exercise(fmt, -12345); break;
      case 2: exercise(fmt, -0.0, 1e300); break;
      case 3: exercise(fmt, "h\xC3\xA9llo", sv("wide\xE2\x82\xAC")); break;
      case 4: exercise(fmt, 42u, 2.5f, "str"); break;
      case 5: exercise(fmt, true, 'x', static_cast<const void*>(&dummy), 18446744073709551615ull); break;
      default: exercise(fmt, static_cast<signed char>(-128), static_cast<short>(7), 3.0, false, -1ll); break;
    }
    return 0;
  }
  const int precision = static_cast<int>(take<std::uint16_t>(data, size) % 1200);
  round_trip_float(take<double>(data, size), precision);
  round_trip_float(take<float>(data, size), precision % 200);
  round_trip_integer(take<long long>(data, size));
  round_trip_integer(take<unsigned long long>(data, size));
  round_trip_integer(take<int>(data, size));
  round_trip_integer(take<std::uint16_t>(data, size));
  return 0;
}

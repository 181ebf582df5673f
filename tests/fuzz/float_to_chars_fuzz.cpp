// float_to_chars_fuzz.cpp - libFuzzer differential test of the compact float
// back end (heapless/detail/float_to_chars.hpp) against std::to_chars: a
// double and a float taken bit for bit from the input, every format
// (shortest, fixed, scientific, general), precisions to 1199, output buffers
// of every size up to 2047. Both must agree on success and, when they
// succeed, on every byte; the compact one must not write past `last`.
// Any disagreement traps.
#include <charconv>  // std::to_chars: the reference
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint8_t ...
#include <cstring>   // std::memcpy, std::memcmp, std::memset

#include "heapless/detail/float_to_chars.hpp"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

char ref[2048];
char got[2048 + 16];

template <class F>
void check(F x, int mode, int precision, std::size_t cap) {
  std::memset(got + cap, 0x5a, 16);
  std::to_chars_result a{}, b{};
  if (mode == 3) {
    a = std::to_chars(ref, ref + cap, x);
    b = heapless::detail::fp::to_chars(got, got + cap, x);
  } else {
    const std::chars_format f = mode == 0   ? std::chars_format::fixed
                                : mode == 1 ? std::chars_format::scientific
                                            : std::chars_format::general;
    a = std::to_chars(ref, ref + cap, x, f, precision);
    b = heapless::detail::fp::to_chars(got, got + cap, x, f, precision);
  }
  require(a.ec == b.ec);
  if (a.ec == std::errc()) {
    require(a.ptr - ref == b.ptr - got);
    require(std::memcmp(ref, got, static_cast<std::size_t>(a.ptr - ref)) == 0);
  } else {
    require(b.ptr == got + cap);
  }
  for (std::size_t i = 0; i < 16; ++i) require(got[cap + i] == 0x5a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 16) return 0;
  std::uint64_t dbits;
  std::uint32_t fbits;
  std::memcpy(&dbits, data, 8);
  std::memcpy(&fbits, data + 8, 4);
  double d;
  float f;
  std::memcpy(&d, &dbits, 8);
  std::memcpy(&f, &fbits, 4);
  const int mode = data[12] & 3;
  const int precision = (data[13] | (data[14] << 8)) % 1200;
  const std::size_t cap = data[15] & 1 ? (static_cast<std::size_t>(data[15]) >> 1) : sizeof ref;
  // std::to_chars for fixed with a precision beyond the exact digits writes
  // every zero: keep the double case inside the buffer's reach.
  check(d, mode, mode != 0 && precision > 800 ? precision - 800 : precision, cap);
  check(f, mode, precision, cap);
  return 0;
}

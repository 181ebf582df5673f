// modref.hpp - what every program in tests/modref/ shares (tests/README.md,
// "Position regression programs").
//
// Each program checks the members of one container that return an iterator,
// pointer or reference into the container computed from an argument. The
// shape of a check is what makes a miscompiled member visible:
//   - the container is a local of the check function, so the compiler knows
//     exactly what begin() + k points to;
//   - the result is compared with begin() + k by a plain `if` right after the
//     call (a test framework's check macro takes the values by reference,
//     which lets them escape and hides a comparison folded to false);
//   - the member is called a second time (a second check), so the compiler
//     keeps it out of line and the caller relies on its summary of it;
//   - a mismatch goes to fail(), out of line, which counts it; main returns
//     the count, so ctest (and QEMU's exit status on Cortex-M) sees it.
#ifndef HEAPLESS_TESTS_MODREF_HPP
#define HEAPLESS_TESTS_MODREF_HPP

#include <cstddef>   // std::size_t, std::ptrdiff_t
#include <cstdio>    // std::printf: which member failed
#include <iterator>  // std::input_iterator_tag

namespace modref {

inline int& failures() noexcept {
  static int n = 0;
  return n;
}

/// Records a failed comparison. Out of line and cold, so a check stays a
/// compare and a branch.
[[gnu::noinline, gnu::cold]] inline void fail(const char* member, const char* detail = "") {
  std::printf("FAIL: %s%s returned the wrong position\n", member, detail);
  ++failures();
}

/// The result of main: 0 when every check held.
inline int result(const char* program) {
  if (failures() == 0) std::printf("%s: ok\n", program);
  return failures();
}

/// A single-pass input iterator over ints (members with a separate path for
/// input iterators).
struct input_iter {
  using iterator_category = std::input_iterator_tag;
  using value_type = int;
  using difference_type = std::ptrdiff_t;
  using pointer = const int*;
  using reference = const int&;
  const int* p;
  reference operator*() const noexcept { return *p; }
  input_iter& operator++() noexcept {
    ++p;
    return *this;
  }
  input_iter operator++(int) noexcept {
    input_iter t = *this;
    ++p;
    return t;
  }
  friend bool operator==(input_iter a, input_iter b) noexcept { return a.p == b.p; }
  friend bool operator!=(input_iter a, input_iter b) noexcept { return a.p != b.p; }
};

/// The same over chars.
struct input_char_iter {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* p;
  reference operator*() const noexcept { return *p; }
  input_char_iter& operator++() noexcept {
    ++p;
    return *this;
  }
  input_char_iter operator++(int) noexcept {
    input_char_iter t = *this;
    ++p;
    return t;
  }
  friend bool operator==(input_char_iter a, input_char_iter b) noexcept { return a.p == b.p; }
  friend bool operator!=(input_char_iter a, input_char_iter b) noexcept { return a.p != b.p; }
};

}  // namespace modref

#endif  // HEAPLESS_TESTS_MODREF_HPP

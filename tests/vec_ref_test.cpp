// vec_ref_test.cpp - heapless::VecRef<T>: one non-template function fills
// Vecs of any capacity; every length type (uint8, uint16, char32_t, N == 0)
// is read and written through the view; errors and lifetimes are Vec's.
#include "support/test.hpp"

#include <algorithm>    // std::reverse, std::count, std::fill_n (std algorithms over a view)
#include <cstddef>      // std::byte
#include <cstdint>      // std::uint8_t
#include <iterator>     // std::back_inserter
#include <string_view>  // comparing formatted output

#include <heapless/format.hpp>
#include <heapless/vec.hpp>

using heapless::Vec;
using heapless::VecRef;
using heapless::test::counted;

namespace {

// Not a template: works for every N through the view.
std::size_t fill_squares(VecRef<int> out, int count) {
  std::size_t added = 0;
  for (int i = 1; i <= count; ++i) {
    if (out.try_push_back(i * i) == nullptr) break;
    ++added;
  }
  return added;
}

}  // namespace

TEST_CASE("VecRef: a non-template function fills Vecs of any capacity", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 3> small;
  Vec<int, 300> large;  // uint16 length type would be used for 1-byte T; int: char32_t
  Vec<int, 0> none;
  CHECK(fill_squares(small, 5) == 3);
  CHECK(small.size() == 3);
  CHECK(small.back() == 9);
  CHECK(fill_squares(large, 5) == 5);
  CHECK(large.size() == 5);
  CHECK(large[4] == 25);
  CHECK(fill_squares(none, 5) == 0);
  CHECK(sizeof(VecRef<int>) <= 4 * sizeof(void*));
}

TEST_CASE("VecRef: reads and writes every length type", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<std::uint8_t, 10> a;       // uint8_t length
  Vec<std::uint8_t, 1000> b;     // uint16_t length
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
  static Vec<std::uint8_t, 3> big;  // a 70 KB Vec does not fit a microcontroller's RAM
#else
  static Vec<std::uint8_t, 70000> big;  // uint32_t length (static: not on the stack)
  static_assert(std::is_same_v<heapless::detail::vec_length_t<std::uint8_t, 70000>, std::uint32_t>);
#endif
  big.clear();
  for (VecRef<std::uint8_t> r : {VecRef<std::uint8_t>(a), VecRef<std::uint8_t>(b), VecRef<std::uint8_t>(big)}) {
    CHECK(r.empty());
    r.push_back(1);
    r.emplace_back(std::uint8_t{2});
    const std::uint8_t three = 3;
    r.push_back(three);
    CHECK(r.size() == 3);
    CHECK(r[2] == 3);
    r.pop_back();
    CHECK(r.size() == 2);
  }
  CHECK(a.size() == 2);
  CHECK(b.size() == 2);
  CHECK(big.size() == 2);
  CHECK(big[1] == 2);
}

TEST_CASE("VecRef: modifiers, access and errors match Vec", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 4> v = {1, 2};
  VecRef<int> r = v;
  CHECK(r.capacity() == 4);
  CHECK(r.max_size() == 4);
  CHECK(r.data() == v.data());
  CHECK(r.front() == 1);
  CHECK(r.at(1) == 2);
  HEAPLESS_CHECK_RAISES(out_of_range, r.at(2));
  const int src[] = {3, 4, 5};
  r.append(src, src + 2);
  CHECK(v == Vec<int, 4>{1, 2, 3, 4});
  CHECK(r.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, r.push_back(5));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.emplace_back(5));
  CHECK(r.try_emplace_back(5) == nullptr);
  r.erase(r.begin() + 1);
  CHECK(v == Vec<int, 4>{1, 3, 4});
  HEAPLESS_CHECK_RAISES(bad_alloc, r.append(src, src + 2));
  CHECK(v == Vec<int, 4>{1, 3, 4});
  CHECK(r.try_append(src, src + 3) == src + 1);
  CHECK(v == Vec<int, 4>{1, 3, 4, 3});
  r.erase(r.begin(), r.begin() + 2);
  CHECK(v == Vec<int, 4>{4, 3});
  r.unchecked_push_back(9);
  CHECK(r.back() == 9);
  int sum = 0;
  for (int x : r) sum += x;
  CHECK(sum == 16);
  r.clear();
  CHECK(v.empty());
  Vec<int, 0> z;
  VecRef<int> rz = z;
  CHECK(rz.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, rz.push_back(1));
}

TEST_CASE("VecRef: non-trivial elements keep exact lifetimes", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<counted, 5> v;
  VecRef<counted> r = v;
  r.emplace_back(1);
  r.push_back(counted(2));
  const counted three(3);
  r.push_back(three);
  r.erase(r.begin());
  CHECK(v.size() == 2);
  CHECK(v[0].get() == 2);
  r.pop_back();
  r.clear();
  CHECK(v.empty());
  r.push_back(three);
}

namespace {

// A plain function that formats into any Vec<char, N>.
void log_value(VecRef<char> out, int value) { heapless::format_to(out, "v={};", value); }

int sum_all(VecRef<const int> in) {
  int s = 0;
  for (int x : in) s += x;
  return s;
}

}  // namespace

TEST_CASE("VecRef: the whole non-capacity API, differential against Vec", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<int, 12> owner;
  Vec<int, 12> viewed;
  const VecRef<int> r = viewed;
  const auto same = [&] { return owner == viewed && r == owner; };
  const int src[] = {7, 8, 9};
  owner.assign(3, 4);
  r.assign(3, 4);
  CHECK(same());
  owner.assign(src, src + 3);
  r.assign(src, src + 3);
  CHECK(same());
  owner.assign({1, 2});
  r.assign({1, 2});
  CHECK(same());
  owner.resize(5);
  r.resize(5);
  CHECK(same());
  owner.resize(7, 3);
  r.resize(7, 3);
  CHECK(same());
  owner.resize(4);
  r.resize(4);
  CHECK(same());
  CHECK(*owner.emplace(owner.begin() + 1, 11) == 11);
  CHECK(*r.emplace(r.begin() + 1, 11) == 11);
  CHECK(same());
  const int six = 6;
  CHECK(owner.insert(owner.begin(), six) == owner.begin());
  CHECK(r.insert(r.begin(), six) == r.begin());
  const int* at_end = owner.insert(owner.end(), 12);
  CHECK(at_end == owner.end() - 1);
  at_end = r.insert(r.end(), 12);
  CHECK(at_end == r.end() - 1);
  CHECK(same());
  CHECK(owner.insert(owner.begin() + 2, 2, 5) == owner.begin() + 2);
  CHECK(r.insert(r.begin() + 2, 2, 5) == r.begin() + 2);
  CHECK(same());
  CHECK(owner.insert(owner.begin() + 1, src, src + 2) == owner.begin() + 1);
  CHECK(r.insert(r.begin() + 1, src, src + 2) == r.begin() + 1);
  CHECK(same());
  CHECK(owner.size() == 11);
  HEAPLESS_CHECK_RAISES(bad_alloc, r.insert(r.begin(), src, src + 2));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.insert(r.begin(), 2, 0));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.resize(13));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.assign(13, 0));
  HEAPLESS_CHECK_RAISES(bad_alloc, r.reserve(13));
  CHECK(same());
  r.insert(r.begin(), {0});
  owner.insert(owner.begin(), {0});
  CHECK(same());
  HEAPLESS_CHECK_RAISES(bad_alloc, r.emplace(r.begin(), 1));
  CHECK(owner.erase(owner.begin() + 3, owner.begin() + 6) == owner.begin() + 3);
  CHECK(r.erase(r.begin() + 3, r.begin() + 6) == r.begin() + 3);
  CHECK(same());
  r.append({20, 21});
  owner.append({20, 21});
  CHECK(same());
  CHECK(erase_if(r, [](int x) { return x % 2 == 0; }) == erase_if(owner, [](int x) { return x % 2 == 0; }));
  CHECK(same());
  CHECK(erase(r, 5) == erase(owner, 5));
  CHECK(same());
  // Comparisons: view against view and against a Vec (which converts).
  Vec<int, 3> other = {1};
  CHECK(!(r == other));  // a non-const Vec converts to the view
#if HEAPLESS_HAS_THREE_WAY
  CHECK((r <=> VecRef<int>(other)) == (owner <=> Vec<int, 12>(other.begin(), other.end())));
#else
  CHECK((r < other) == (owner < Vec<int, 12>(other.begin(), other.end())));
#endif
  CHECK(r.rbegin() != r.rend());
  CHECK(*r.crbegin() == owner.back());
  CHECK(r.cend() - r.cbegin() == static_cast<std::ptrdiff_t>(owner.size()));
}

TEST_CASE("VecRef<const T>: read-only view of const and mutable Vecs", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const Vec<int, 4> c = {1, 2, 3};
  Vec<int, 300> m = {4, 5};
  CHECK(sum_all(c) == 6);
  CHECK(sum_all(m) == 9);
  const VecRef<int> r = m;
  CHECK(sum_all(r) == 9);
  const VecRef<const int> v = c;
  CHECK(v.size() == 3);
  CHECK(v.capacity() == 4);
  CHECK(v[1] == 2);
  CHECK(v.at(2) == 3);
  CHECK(v.front() == 1);
  CHECK(v.back() == 3);
  CHECK(v == c);
  static_assert(std::is_same_v<decltype(v.data()), const int*>);
  static_assert(!std::is_convertible_v<const Vec<int, 4>&, VecRef<int>>);
}

TEST_CASE("VecRef<char>: a format_to target, back_inserter and std algorithms", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Vec<char, 16> a;
  Vec<char, 4> b;
  log_value(a, 42);
  CHECK(std::string_view(a.data(), a.size()) == "v=42;");
  HEAPLESS_CHECK_RAISES(bad_alloc, log_value(b, 12345));
  CHECK(b.empty());  // all or nothing, as into the Vec itself
  VecRef<char> r = a;
  CHECK(heapless::try_format_to(r, "{}", 1234567890123LL) == false);
  CHECK(a.size() == 5);
  heapless::format_to(r, HEAPLESS_FMT("{:x}"), 255);
  CHECK(std::string_view(a.data(), a.size()) == "v=42;ff");
  CHECK(heapless::format_to_truncating(r, "{}", 1234567890123LL) == true);
  CHECK(a.full());
  r.resize(5);
  auto out = std::back_inserter(r);
  *out++ = 'x';
  *out++ = 'y';
  CHECK(std::string_view(a.data(), a.size()) == "v=42;xy");
  Vec<int, 8> n = {3, 1, 2};
  VecRef<int> nr = n;
  std::reverse(nr.begin(), nr.end());
  CHECK(n == Vec<int, 8>{2, 1, 3});
  CHECK(std::count(nr.begin(), nr.end(), 1) == 1);
  std::fill_n(std::back_inserter(nr), 2, 9);
  CHECK(n == Vec<int, 8>{2, 1, 3, 9, 9});
  // A view built in the call is a target too.
  heapless::Vec<char, 4> w;
  CHECK(heapless::try_format_to(VecRef<char>(w), "{}", 12));
  CHECK(!heapless::try_format_to(VecRef<char>(w), HEAPLESS_FMT("{}"), 345));
  CHECK(heapless::format_to_truncating(VecRef<char>(w), "{}", 345));
  CHECK(w.size() == 4);
  CHECK(w[0] == '1');
  CHECK(w[3] == '4');
}

TEST_CASE("VecRef: move-only and counted elements through insert and erase", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Vec<counted, 6> v;
  VecRef<counted> r = v;
  r.emplace_back(1);
  r.emplace_back(2);
  r.emplace(r.begin(), 0);
  r.insert(r.begin() + 1, 2, counted(7));
  CHECK(v.size() == 5);
  CHECK(v[0].get() == 0);
  CHECK(v[2].get() == 7);
  CHECK(v[4].get() == 2);
  r.erase(r.begin() + 1, r.begin() + 3);
  CHECK(v.size() == 3);
  r.resize(5);
  r.resize(1);
  CHECK(v[0].get() == 0);
  r.assign(2, counted(4));
  CHECK(v.size() == 2);
  CHECK(v[1].get() == 4);
}

namespace {

// docs/views.md's UART example, against a simulated receive register.
struct fake_uart {
  const unsigned char* next;
  const unsigned char* last;
};
fake_uart uart{nullptr, nullptr};
bool uart_rx_ready() { return uart.next != uart.last; }
unsigned char uart_read_data() { return *uart.next++; }

std::size_t uart_receive(VecRef<std::byte> rx) {
  std::size_t taken = 0;
  while (uart_rx_ready() && !rx.full()) {
    rx.unchecked_push_back(std::byte{uart_read_data()});
    ++taken;
  }
  return taken;
}

bool frame_complete(VecRef<const std::byte> rx) { return !rx.empty() && rx.back() == std::byte{0x7E}; }

}  // namespace

TEST_CASE("VecRef: the UART example receives into Vecs of any capacity", "[vec][vec_ref]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const unsigned char line[] = {1, 2, 3, 0x7E, 9, 9};
  Vec<std::byte, 4> command;
  Vec<std::byte, 64> bulk;
  uart = {line, line + sizeof line};
  CHECK(uart_receive(command) == 4);
  CHECK(frame_complete(command));
  CHECK(uart_receive(command) == 0);  // full: the rest waits in the UART
  CHECK(uart_receive(bulk) == 2);
  CHECK(!frame_complete(bulk));
  CHECK(bulk.size() == 2);
  CHECK(std::to_integer<int>(bulk[1]) == 9);
}

TEST_CASE("VecRef: swap_erase and drain as Vec's", "[vec][vec_ref]") {
  Vec<int, 8> v{1, 2, 3, 4, 5};
  const VecRef<int> r = v;
  auto it = r.swap_erase(r.begin() + 1);
  CHECK(it == v.begin() + 1);
  CHECK(v == Vec<int, 8>{1, 5, 3, 4});
  int out[4] = {};
  int* end = r.drain(r.begin() + 1, r.begin() + 3, out);
  CHECK(end == out + 2);
  CHECK(out[0] == 5);
  CHECK(out[1] == 3);
  CHECK(v == Vec<int, 8>{1, 4});
  it = r.swap_erase(r.end() - 1);
  CHECK(it == r.end());
  CHECK(v.size() == 1u);
}

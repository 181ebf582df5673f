// deque_test.cpp - heapless::Deque<T, N>: every member, the error paths, the
// ring at every wrap position (power-of-two and other N), layout, constexpr,
// and the element-type matrix (trivial, counted, move_only, throwing,
// overaligned) with exact lifetimes. Random differential: deque_random_test.cpp.
#include "support/iterators.hpp"
#include "support/test.hpp"

#include <algorithm>  // std::sort, std::lower_bound, std::reverse
#include <cstdint>    // std::uint8_t, std::uintptr_t
#include <cstring>    // std::memcpy: relocation
#include <numeric>    // std::accumulate
#include <vector>     // the model of the middle inserts

#include <heapless/deque.hpp>

#if HEAPLESS_CPP20
#include <span>
#endif

using heapless::Deque;
using heapless::test::counted;
using heapless::test::make;
using heapless::test::move_only;
using heapless::test::overaligned;
using heapless::test::throwing;
using heapless::test::trivial;
using heapless::test::value_of;
using heapless::test::values_are;

namespace {

/// Moves the front of d to slot `shift` (pushing and popping at the back
/// while empty), so the following pushes wrap around the end of the storage.
template <class D>
void rotate_empty(D& d, std::size_t shift) {
  using T = typename D::value_type;
  for (std::size_t k = 0; k != shift; ++k) {
    d.push_back(make<T>(-1));
    d.pop_front();
  }
}

template <class D>
void fill(D& d, int from, int to) {
  using T = typename D::value_type;
  for (int i = from; i < to; ++i) d.push_back(make<T>(i));
}

using input_it = heapless::test::input_iterator<int>;
using forward_it = heapless::test::forward_iterator<int>;

}  // namespace

// ---- Construction and assignment ---------------------------------------------

TEST_CASE("Deque: default construction is empty and constexpr", "[deque][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  constexpr Deque<int, 4> c;
  static_assert(c.empty() && c.size() == 0 && !c.full());
  Deque<int, 4> d;
  CHECK(d.empty());
  CHECK(d.begin() == d.end());
  CHECK(d.capacity() == 4);
  CHECK(d.max_size() == 4);
  static_assert(noexcept(Deque<int, 4>()));
  static_assert(Deque<int, 5>::capacity() == 5);
}

TEST_CASE("Deque: count, count+value, iterator pair, initializer_list constructors", "[deque][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const Deque<int, 5> a(3);
  CHECK(values_are(a, {0, 0, 0}));
  const Deque<int, 5> b(2, 7);
  CHECK(values_are(b, {7, 7}));
  const int src[] = {1, 2, 3, 4};
  const Deque<int, 5> c(src, src + 4);
  CHECK(values_are(c, {1, 2, 3, 4}));
  const Deque<int, 5> d(forward_it(src), forward_it(src + 3));
  CHECK(values_are(d, {1, 2, 3}));
  const Deque<int, 5> e(input_it(src), input_it(src + 2));
  CHECK(values_are(e, {1, 2}));
  const Deque<int, 5> f = {5, 4, 3, 2, 1};
  CHECK(values_are(f, {5, 4, 3, 2, 1}));
  CHECK(f.full());
  HEAPLESS_CHECK_RAISES(bad_alloc, Deque<int, 3>(4));
  HEAPLESS_CHECK_RAISES(bad_alloc, Deque<int, 3>(4, 1));
  HEAPLESS_CHECK_RAISES(bad_alloc, Deque<int, 3>(src, src + 4));
  HEAPLESS_CHECK_RAISES(bad_alloc, Deque<int, 3>(input_it(src), input_it(src + 4)));
  HEAPLESS_CHECK_RAISES(bad_alloc, Deque<int, 3>({1, 2, 3, 4}));
}

TEST_CASE("Deque: copy, move and assign, also from a wrapped ring", "[deque][cons]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<counted, 5> a;
  rotate_empty(a, 3);
  fill(a, 1, 5);  // wraps
  Deque<counted, 5> b(a);
  CHECK(b == a);
  Deque<counted, 5> c(std::move(b));
  CHECK(c == a);
  Deque<counted, 5> d = {9};
  d = a;
  CHECK(d == a);
  Deque<counted, 5>& alias = d;
  d = alias;  // self-assignment keeps the elements
  CHECK(d == a);
  Deque<counted, 5> e;
  e = std::move(d);
  CHECK(e == a);
  e = {4, 5};
  CHECK(values_are(e, {4, 5}));
  e.assign(3, counted(8));
  CHECK(values_are(e, {8, 8, 8}));
  const int src[] = {1, 2, 3, 4, 5, 6};
  e.assign(src, src + 5);
  CHECK(values_are(e, {1, 2, 3, 4, 5}));
  e.assign(input_it(src), input_it(src + 2));
  CHECK(values_are(e, {1, 2}));
  e.assign({7});
  CHECK(values_are(e, {7}));
  // The value may be one of the elements (as for Vec): shrinking, growing,
  // from the front and the back of a wrapped ring.
  Deque<counted, 5> f;
  rotate_empty(f, 3);
  fill(f, 1, 5);
  f.assign(2, f.back());
  CHECK(values_are(f, {4, 4}));
  f = {1, 2, 3};
  f.assign(5, f.front());
  CHECK(values_are(f, {1, 1, 1, 1, 1}));
  f = {1, 2, 3};
  f.assign(1, f[2]);
  CHECK(values_are(f, {3}));
  const counted one(1);  // outside the checked expression (longjmp in handler builds)
  HEAPLESS_CHECK_RAISES(bad_alloc, e.assign(6, one));
  CHECK(values_are(e, {7}));  // sized forms change nothing
  HEAPLESS_CHECK_RAISES(bad_alloc, e.assign(src, src + 6));
  CHECK(values_are(e, {7}));
  HEAPLESS_CHECK_RAISES(bad_alloc, e.assign(input_it(src), input_it(src + 6)));
  CHECK(e.empty());  // input iterators: left empty
}

// ---- Access ---------------------------------------------------------------------

TEST_CASE("Deque: operator[], at, front, back across the wrap", "[deque][access]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 4> d;
  rotate_empty(d, 3);
  fill(d, 10, 14);
  CHECK(d.front() == 10);
  CHECK(d.back() == 13);
  CHECK(d[1] == 11);
  CHECK(d.at(2) == 12);
  const Deque<int, 4>& cd = d;
  CHECK(cd.front() == 10);
  CHECK(cd.back() == 13);
  CHECK(cd[3] == 13);
  CHECK(cd.at(0) == 10);
  d.front() = 1;
  d.back() = 4;
  d[1] = 2;
  d.at(2) = 3;
  CHECK(values_are(d, {1, 2, 3, 4}));
  HEAPLESS_CHECK_RAISES(out_of_range, d.at(4));
  HEAPLESS_CHECK_RAISES(out_of_range, cd.at(7));
}

// ---- Push and pop at both ends ----------------------------------------------------

template <std::size_t N>
void ends_at_every_offset() {
  for (std::size_t shift = 0; shift != N; ++shift) {
    Deque<int, N> d;
    rotate_empty(d, shift);
    for (int i = 0; i != static_cast<int>(N); ++i) {
      if (i % 2 == 0) d.push_back(i);
      else d.push_front(i);
    }
    CHECK(d.full());
    // fronts are the odd numbers, descending; then the evens ascending
    int expect_front = static_cast<int>(N) % 2 == 0 ? static_cast<int>(N) - 1 : static_cast<int>(N) - 2;
    if (N == 1) expect_front = 0;
    CHECK(d.front() == expect_front);
    int prev = -1;
    for (std::size_t k = 0; k != N; ++k) {
      if (d[k] % 2 == 0) {
        CHECK(d[k] > prev);
        prev = d[k];
      }
    }
    CHECK(d.try_push_back(99) == nullptr);
    CHECK(d.try_push_front(99) == nullptr);
    CHECK(d.size() == N);
    while (!d.empty()) {
      d.pop_back();
      if (!d.empty()) d.pop_front();
    }
  }
}

TEST_CASE("Deque: push/pop at both ends at every wrap offset, power-of-two and other N", "[deque][ends]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  ends_at_every_offset<1>();
  ends_at_every_offset<2>();
  ends_at_every_offset<3>();
  ends_at_every_offset<7>();
  ends_at_every_offset<8>();
  ends_at_every_offset<13>();
  ends_at_every_offset<16>();
  Deque<int, 3> full = {1, 2, 3};
  HEAPLESS_CHECK_RAISES(bad_alloc, full.push_back(99));
  HEAPLESS_CHECK_RAISES(bad_alloc, full.push_front(99));
  HEAPLESS_CHECK_RAISES(bad_alloc, full.emplace_back(99));
  HEAPLESS_CHECK_RAISES(bad_alloc, full.emplace_front(99));
  CHECK(values_are(full, {1, 2, 3}));
}

TEST_CASE("Deque: every push/emplace/pop form and tier", "[deque][ends]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 6> d;
  CHECK(d.push_back(1) == 1);
  const int two = 2;
  d.push_back(two);
  CHECK(d.emplace_back(3) == 3);
  CHECK(d.push_front(0) == 0);
  d.push_front(two);
  CHECK(d.emplace_front(-1) == -1);
  CHECK(values_are(d, {-1, 2, 0, 1, 2, 3}));
  CHECK(d.try_emplace_back(4) == nullptr);
  d.pop_front();
  d.pop_back();
  int* p = d.try_emplace_back(4);
  REQUIRE(p != nullptr);
  CHECK(*p == 4);
  p = d.try_emplace_front(-2);
  REQUIRE(p != nullptr);
  CHECK(*p == -2);
  d.pop_back(2);
  d.pop_front(2);
  CHECK(values_are(d, {0, 1}));
  CHECK(*d.try_push_back(two) == 2);
  CHECK(*d.try_push_front(two) == 2);
  d.unchecked_push_back(5);
  d.unchecked_push_front(two);
  CHECK(values_are(d, {2, 2, 0, 1, 2, 5}));
  d.pop_front(6);
  CHECK(d.empty());
  d.unchecked_emplace_back(7);
  d.unchecked_emplace_front(6);
  d.unchecked_push_back(two);
  d.unchecked_push_front(two);
  CHECK(values_are(d, {2, 6, 7, 2}));
  auto a = d.try_pop_front();
  auto b = d.try_pop_back();
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(*a == 2);
  CHECK(*b == 2);
  d.clear();
  CHECK_FALSE(d.try_pop_front().has_value());
  CHECK_FALSE(d.try_pop_back().has_value());
}

TEST_CASE("Deque: bulk push_back (memcpy and generic paths) and pop_front(n)", "[deque][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {1, 2, 3, 4, 5, 6, 7, 8};
  for (std::size_t shift = 0; shift != 6; ++shift) {
    Deque<int, 6> d;
    rotate_empty(d, shift);
    d.push_back(src, src + 4);  // pointers: memcpy, possibly split in two
    CHECK(values_are(d, {1, 2, 3, 4}));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.push_back(src, src + 3));
    CHECK(values_are(d, {1, 2, 3, 4}));
    d.pop_front(3);
    d.push_back(forward_it(src + 4), forward_it(src + 8));
    CHECK(values_are(d, {4, 5, 6, 7, 8}));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.push_back(input_it(src), input_it(src + 2)));
    CHECK(values_are(d, {4, 5, 6, 7, 8}));
    d.push_back({9});
    CHECK(d.full());
    d.pop_front(6);
    CHECK(d.empty());
    const int* rest = d.try_push_back(src, src + 8);
    CHECK(rest == src + 6);
    CHECK(values_are(d, {1, 2, 3, 4, 5, 6}));
    d.pop_front(5);
    const forward_it frest = d.try_push_back(forward_it(src), forward_it(src + 8));
    CHECK(frest == forward_it(src + 5));
    CHECK(values_are(d, {6, 1, 2, 3, 4, 5}));
  }
}

TEST_CASE("Deque: empty ranges, null pointer pairs and empty lists change nothing", "[deque][bulk]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  // (nullptr, nullptr) is an empty range: an empty initializer_list has such
  // pointers in libstdc++. No memcpy may see the null source.
  const int* none = nullptr;
  for (std::size_t shift = 0; shift != 5; ++shift) {
    Deque<int, 5> d;
    rotate_empty(d, shift);
    d.push_back({});
    d.push_back(none, none);
    CHECK(d.empty());
    fill(d, 0, 3);
    d.push_back({});
    d.push_back(none, none);
    CHECK(d.try_push_back(none, none) == nullptr);
    d.insert(d.begin() + 1, {});
    d.insert(d.begin() + 2, none, none);
    CHECK(values_are(d, {0, 1, 2}));
    fill(d, 3, 5);
    CHECK(d.full());
    d.push_back({});  // full and nothing to add: no error
    CHECK(d.try_push_back(none, none) == nullptr);
    CHECK(values_are(d, {0, 1, 2, 3, 4}));
    const heapless::DequeRef<int> r = d;
    r.push_back({});
    r.push_back(none, none);
    CHECK(r.try_push_back(none, none) == nullptr);
    CHECK(values_are(d, {0, 1, 2, 3, 4}));
    d.assign({});
    CHECK(d.empty());
    fill(d, 0, 2);
    d.assign(none, none);
    CHECK(d.empty());
    fill(d, 0, 2);
    r.assign({});
    CHECK(d.empty());
  }
  const Deque<int, 3> from_null(none, none);
  CHECK(from_null.empty());
  const Deque<int, 3> from_empty_list({});
  CHECK(from_empty_list.empty());
}

// ---- Insert, emplace, erase anywhere ------------------------------------------------

TEST_CASE("Deque: emplace/insert in the middle moves the shorter side; returned iterators", "[deque][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  for (std::size_t shift = 0; shift != 10; ++shift) {
    Deque<int, 10> d;
    rotate_empty(d, shift);
    fill(d, 0, 6);  // 0 1 2 3 4 5
    auto it = d.emplace(d.begin() + 1, 10);  // nearer the front
    CHECK(it == d.begin() + 1);
    CHECK(*it == 10);
    it = d.insert(d.begin() + 6, 20);  // nearer the back
    CHECK(it == d.begin() + 6);
    CHECK(values_are(d, {0, 10, 1, 2, 3, 4, 20, 5}));
    const int v = 30;
    it = d.insert(d.begin(), v);
    CHECK(it == d.begin());
    it = d.insert(d.end(), 40);
    CHECK(it == d.end() - 1);
    CHECK(values_are(d, {30, 0, 10, 1, 2, 3, 4, 20, 5, 40}));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.insert(d.begin() + 3, 1));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.emplace(d.begin() + 3, 1));
    it = d.erase(d.begin() + 2);  // front side
    CHECK(it == d.begin() + 2);
    CHECK(*it == 1);
    it = d.erase(d.begin() + 6);  // back side
    CHECK(it == d.begin() + 6);
    CHECK(*it == 5);
    CHECK(values_are(d, {30, 0, 1, 2, 3, 4, 5, 40}));
    it = d.erase(d.begin() + 1, d.begin() + 3);
    CHECK(it == d.begin() + 1);
    CHECK(values_are(d, {30, 2, 3, 4, 5, 40}));
    it = d.erase(d.begin() + 3, d.end());
    CHECK(it == d.end());
    CHECK(values_are(d, {30, 2, 3}));
    it = d.erase(d.begin() + 1, d.begin() + 1);
    CHECK(it == d.begin() + 1);
    it = d.erase(d.begin());
    CHECK(it == d.begin());
    CHECK(values_are(d, {2, 3}));
  }
}

TEST_CASE("Deque: insert n copies, ranges and lists at both sides", "[deque][modifiers]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const int src[] = {7, 8, 9};
  for (std::size_t shift = 0; shift != 9; ++shift) {
    Deque<int, 9> d;
    rotate_empty(d, shift);
    fill(d, 0, 4);  // 0 1 2 3
    auto it = d.insert(d.begin() + 1, 2, 5);  // front side
    CHECK(it == d.begin() + 1);
    CHECK(values_are(d, {0, 5, 5, 1, 2, 3}));
    it = d.insert(d.begin() + 5, src, src + 2);  // back side, pointers
    CHECK(it == d.begin() + 5);
    CHECK(values_are(d, {0, 5, 5, 1, 2, 7, 8, 3}));
    it = d.insert(d.begin() + 1, 0, 1);
    CHECK(it == d.begin() + 1);
    it = d.insert(d.begin() + 2, src, src);
    CHECK(it == d.begin() + 2);
    HEAPLESS_CHECK_RAISES(bad_alloc, d.insert(d.begin() + 1, 2, 1));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.insert(d.begin() + 1, src, src + 2));
    HEAPLESS_CHECK_RAISES(bad_alloc, d.insert(d.begin() + 1, input_it(src), input_it(src + 2)));
    CHECK(values_are(d, {0, 5, 5, 1, 2, 7, 8, 3}));
    d.erase(d.begin() + 1, d.begin() + 6);
    CHECK(values_are(d, {0, 8, 3}));
    it = d.insert(d.begin() + 1, forward_it(src), forward_it(src + 3));  // front side, generic
    CHECK(it == d.begin() + 1);
    it = d.insert(d.begin() + 5, input_it(src), input_it(src + 2));  // input: back then rotate
    CHECK(it == d.begin() + 5);
    CHECK(values_are(d, {0, 7, 8, 9, 8, 7, 8, 3}));
    it = d.insert(d.begin() + 1, {1});
    CHECK(it == d.begin() + 1);
    CHECK(d.full());
    CHECK(values_are(d, {0, 1, 7, 8, 9, 8, 7, 8, 3}));
    d.clear();
    it = d.insert(d.begin(), 3, 4);
    CHECK(values_are(d, {4, 4, 4}));
    // insert of an element of the deque itself
    it = d.insert(d.begin() + 1, d[2]);
    it = d.insert(d.begin() + 1, 2, d[0]);
    CHECK(values_are(d, {4, 4, 4, 4, 4, 4}));
  }
}

namespace {

/// Counts its copies and moves (constructions and assignments) in ops();
/// lifetimes through a counted member.
class op_counted {
 public:
  op_counted(int v) noexcept : inner_(v) {}  // NOLINT: implicit on purpose
  op_counted(const op_counted& o) noexcept : inner_(o.inner_) { ++ops(); }
  op_counted(op_counted&& o) noexcept : inner_(std::move(o.inner_)) { ++ops(); }
  op_counted& operator=(const op_counted& o) noexcept {
    inner_ = o.inner_;
    ++ops();
    return *this;
  }
  op_counted& operator=(op_counted&& o) noexcept {
    inner_ = std::move(o.inner_);
    ++ops();
    return *this;
  }
  ~op_counted() = default;
  int get() const noexcept { return inner_.get(); }
  static long& ops() noexcept {
    static long n = 0;
    return n;
  }

 private:
  counted inner_;
};

template <class D>
bool same_as_model(const D& d, const std::vector<int>& model) {
  if (d.size() != model.size()) return false;
  for (std::size_t k = 0; k != model.size(); ++k) {
    if (value_of(d[k]) != model[k]) return false;
  }
  return true;
}

/// Inserts n copies of a value and n elements of a forward range at every
/// position i of deques of every length, at every wrap offset, directly and
/// through a DequeRef: contents against a std::vector, and at most
/// n + min(i, len - i) + 1 copies and moves (the shorter side moves once,
/// the values are built or assigned once, plus the copy of the value).
template <std::size_t N>
void insert_every_position() {
  HEAPLESS_LIFETIME_CHECK;
  using D = Deque<op_counted, N>;
  std::vector<op_counted> src;
  for (int k = 0; k != static_cast<int>(N); ++k) src.emplace_back(100 + k);
  using fwd = heapless::test::forward_iterator<op_counted>;
  long worst_excess = 0;
  for (std::size_t shift = 0; shift != N; ++shift) {
    for (std::size_t len = 0; len <= N; ++len) {
      for (std::size_t i = 0; i <= len; ++i) {
        for (std::size_t n = 0; n <= N - len; ++n) {
          const long dist = static_cast<long>(i < len - i ? i : len - i);
          const long bound = static_cast<long>(n) + dist + 1;
          for (int form = 0; form != 4; ++form) {
            D d;
            rotate_empty(d, shift);
            std::vector<int> model;
            for (int k = 0; k != static_cast<int>(len); ++k) {
              d.push_back(op_counted(k));
              model.push_back(k);
            }
            const auto di = static_cast<std::ptrdiff_t>(i);
            const auto at = model.begin() + di;
            const heapless::DequeRef<op_counted> r = d;
            const op_counted value(-7);
            op_counted::ops() = 0;
            std::ptrdiff_t returned = -1;
            if (form == 0) {
              returned = d.insert(d.cbegin() + di, n, value) - d.begin();
            } else if (form == 1) {
              returned = r.insert(r.cbegin() + di, n, value) - r.begin();
            } else if (form == 2) {
              returned = d.insert(d.cbegin() + di, fwd(src.data()), fwd(src.data() + n)) - d.begin();
            } else {
              returned = r.insert(r.cbegin() + di, src.data(), src.data() + n) - r.begin();
            }
            const long ops = op_counted::ops();
            if (form < 2) {
              model.insert(at, n, -7);
            } else {
              std::vector<int> values;
              for (std::size_t k = 0; k != n; ++k) values.push_back(100 + static_cast<int>(k));
              model.insert(at, values.begin(), values.end());
            }
            INFO("N " << N << " shift " << shift << " len " << len << " i " << i << " n " << n << " form "
                      << form << " ops " << ops);
            CHECK(returned == di);
            CHECK(same_as_model(d, model));
            CHECK(ops <= bound);
            if (ops - bound > worst_excess) worst_excess = ops - bound;
          }
        }
      }
    }
  }
  CHECK(worst_excess == 0);
}

}  // namespace

TEST_CASE("Deque: insert in the middle shifts the shorter side, moving each element once",
          "[deque][modifiers]") {
  insert_every_position<7>();
  insert_every_position<8>();
  // Two copies at index 2 of twelve: two elements move to the front, two
  // copies are assigned, plus the copy of the value.
  Deque<op_counted, 20> d;
  rotate_empty(d, 18);
  for (int k = 0; k != 12; ++k) d.push_back(op_counted(k));
  const op_counted value(-1);
  op_counted::ops() = 0;
  d.insert(d.begin() + 2, 2, value);
  CHECK(op_counted::ops() == 5);
  // Three at index 10 of fourteen: three of the four after it move to new
  // back slots, one is moved along, three copies are assigned, plus the copy.
  op_counted::ops() = 0;
  d.insert(d.begin() + 10, 3, value);
  CHECK(op_counted::ops() == 8);
  CHECK(values_are(d, {0, 1, -1, -1, 2, 3, 4, 5, 6, 7, -1, -1, -1, 8, 9, 10, 11}));
}

TEST_CASE("Deque: insert n copies of one of its own elements at every position", "[deque][modifiers]") {
  HEAPLESS_LIFETIME_CHECK;
  for (std::size_t shift = 0; shift != 9; ++shift) {
    for (std::size_t len = 1; len <= 9; ++len) {
      for (std::size_t i = 0; i <= len; ++i) {
        for (std::size_t k = 0; k != len; ++k) {
          for (std::size_t n = 0; n <= 9 - len; ++n) {
            Deque<counted, 9> d;
            rotate_empty(d, shift);
            std::vector<int> model;
            for (int v = 0; v != static_cast<int>(len); ++v) {
              d.push_back(counted(v));
              model.push_back(v);
            }
            d.insert(d.cbegin() + static_cast<std::ptrdiff_t>(i), n, d[k]);
            const int copy = model[k];
            model.insert(model.begin() + static_cast<std::ptrdiff_t>(i), n, copy);
            INFO("shift " << shift << " len " << len << " i " << i << " k " << k << " n " << n);
            CHECK(same_as_model(d, model));
          }
        }
      }
    }
  }
}

// ---- Size changes, swap, comparisons, erase_if --------------------------------------

TEST_CASE("Deque: resize, clear, shrink_to_fit", "[deque][capacity]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<counted, 5> d;
  rotate_empty(d, 4);
  d.resize(3);
  CHECK(values_are(d, {0, 0, 0}));
  d.resize(5, counted(2));
  CHECK(values_are(d, {0, 0, 0, 2, 2}));
  d.resize(1);
  CHECK(values_are(d, {0}));
  HEAPLESS_CHECK_RAISES(bad_alloc, d.resize(6));
  const counted one(1);
  HEAPLESS_CHECK_RAISES(bad_alloc, d.resize(6, one));
  CHECK(values_are(d, {0}));
  d.shrink_to_fit();
  d.clear();
  CHECK(d.empty());
}

TEST_CASE("Deque: swap, comparisons, erase and erase_if", "[deque][misc]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<counted, 6> a = {1, 2, 3};
  Deque<counted, 6> b;
  rotate_empty(b, 5);
  fill(b, 7, 12);
  a.swap(b);
  CHECK(values_are(a, {7, 8, 9, 10, 11}));
  CHECK(values_are(b, {1, 2, 3}));
  swap(a, b);
  CHECK(values_are(a, {1, 2, 3}));
  a.swap(a);
  CHECK(values_are(a, {1, 2, 3}));
  const Deque<int, 4> x = {1, 2, 3};
  const Deque<int, 4> y = {1, 2, 4};
  const Deque<int, 4> z = {1, 2};
  CHECK(x == x);
  CHECK(x != y);
  CHECK(x < y);
  CHECK(z < x);
  CHECK(y > x);
  CHECK(x <= x);
  CHECK(x >= z);
  Deque<int, 8> e;
  rotate_empty(e, 6);
  fill(e, 0, 8);
  CHECK(heapless::erase_if(e, [](int v) { return v % 3 == 0; }) == 3);
  CHECK(values_are(e, {1, 2, 4, 5, 7}));
  CHECK(heapless::erase(e, 4) == 1);
  CHECK(values_are(e, {1, 2, 5, 7}));
  CHECK(heapless::erase(e, 42) == 0);
}

// ---- Iterators and std algorithms ---------------------------------------------------

TEST_CASE("Deque: random-access iterators work with std algorithms across the wrap", "[deque][iterators]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 7> d;
  rotate_empty(d, 5);
  const int src[] = {5, 3, 6, 1, 4, 2, 0};
  d.push_back(src, src + 7);
  std::sort(d.begin(), d.end());
  CHECK(values_are(d, {0, 1, 2, 3, 4, 5, 6}));
  CHECK(*std::lower_bound(d.begin(), d.end(), 4) == 4);
  CHECK(std::accumulate(d.cbegin(), d.cend(), 0) == 21);
  std::reverse(d.begin(), d.end());
  CHECK(values_are(d, {6, 5, 4, 3, 2, 1, 0}));
  CHECK(*d.rbegin() == 0);
  CHECK(*(d.rend() - 1) == 6);
  CHECK(*d.crbegin() == 0);
  CHECK(d.crend() - d.crbegin() == 7);
  Deque<int, 7>::iterator it = d.begin();
  Deque<int, 7>::const_iterator cit = it;  // conversion
  CHECK(cit == d.cbegin());
  it += 3;
  CHECK(it[1] == 2);
  CHECK(*(it - 1) == 4);
  CHECK(*(2 + it) == 1);
  CHECK(it - d.begin() == 3);
  CHECK(it > d.begin());
  CHECK(d.begin() < it);
  CHECK(it >= it);
  CHECK(it <= it);
  --it;
  it--;
  it++;
  ++it;
  CHECK(*it == 3);
  it -= 3;
  CHECK(it == d.begin());
  struct pair_like {
    int a;
  };
  Deque<pair_like, 2> p;
  p.push_back({4});
  CHECK(p.begin()->a == 4);
}

// ---- The ring: as_spans, make_contiguous --------------------------------------------

TEST_CASE("Deque: as_spans and make_contiguous at every offset", "[deque][ring]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  for (std::size_t len = 0; len <= 6; ++len) {
    for (std::size_t shift = 0; shift != 6; ++shift) {
      Deque<counted, 6> d;
      rotate_empty(d, shift);
      fill(d, 0, static_cast<int>(len));
      const auto spans = d.as_spans();
      CHECK(spans.first.size() + spans.second.size() == len);
      CHECK(spans.second.size() == (shift + len > 6 ? shift + len - 6 : 0));
      int expect = 0;
      for (const counted& c : spans.first) CHECK(value_of(c) == expect++);
      for (const counted& c : spans.second) CHECK(value_of(c) == expect++);
      const auto& cd = d;
      CHECK(cd.as_spans().first.size() == spans.first.size());
      const auto one = d.make_contiguous();
      CHECK(one.size() == len);
      for (std::size_t k = 0; k != len; ++k) CHECK(value_of(one[k]) == static_cast<int>(k));
      CHECK(d.as_spans().second.empty());
      CHECK(d.as_spans().first.data() == one.data());
      if (len < 6) {  // still a working ring afterwards
        d.push_back(counted(100));
        CHECK(value_of(d.back()) == 100);
      }
    }
  }
}

// ---- Layout and constexpr ---------------------------------------------------------------

TEST_CASE("Deque: layout: sizes, triviality, no pointer into itself", "[deque][layout]") {
  static_assert(sizeof(Deque<std::uint8_t, 14>) == 16);
  static_assert(sizeof(Deque<int, 64>) == 264);  // two 32-bit indices (detail::ring_index_t)
  static_assert(sizeof(Deque<std::uint8_t, 255>) == 257);
  static_assert(sizeof(Deque<std::uint8_t, 256>) == 260);
  static_assert(std::is_trivially_copyable_v<Deque<int, 8>>);
  static_assert(std::is_trivially_copyable_v<Deque<trivial, 8>>);
  static_assert(!std::is_trivially_copyable_v<Deque<counted, 8>>);
  static_assert(std::is_copy_constructible_v<Deque<counted, 8>>);
  static_assert(!std::is_copy_constructible_v<Deque<move_only, 8>>);
  static_assert(std::is_move_constructible_v<Deque<move_only, 8>>);
  static_assert(!std::is_copy_assignable_v<Deque<move_only, 8>>);
  static_assert(std::is_nothrow_move_constructible_v<Deque<counted, 8>>);
  static_assert(alignof(Deque<overaligned, 2>) == 64);
  HEAPLESS_NO_ALLOC_SCOPE;
  // memcpy of a trivially copyable Deque is a working copy (relocatable).
  Deque<int, 4> a;
  rotate_empty(a, 3);
  fill(a, 1, 4);
  Deque<int, 4> b;
  std::memcpy(static_cast<void*>(&b), &a, sizeof a);
  CHECK(values_are(b, {1, 2, 3}));
  b.push_front(0);
  CHECK(values_are(b, {0, 1, 2, 3}));
  CHECK(values_are(a, {1, 2, 3}));
}

#if HEAPLESS_CPP20
namespace {
constexpr int constexpr_deque() {
  Deque<int, 5> d;
  d.push_back(1);
  d.push_back(2);
  d.push_front(0);
  d.push_front(-1);
  d.pop_back();
  d.emplace(d.begin() + 1, 7);
  d.erase(d.begin());
  int sum = 0;
  for (int x : d) sum = sum * 10 + x;
  Deque<int, 5> e = {1, 2, 3};
  e.insert(e.begin() + 1, 2, 9);
  for (int x : e) sum += x;
  return sum;  // 7, 0, 1 -> 701; e = 1 9 9 2 3 -> 24
}
// A default-constructed deque filled in a constant expression, partly: its
// trivial copy reads every slot, and a constant's every slot must be set.
template <class D>
constexpr D copied(const D& d) {
  D e = d;
  D f;
  f = e;
  return f;
}
constexpr int constexpr_partial_copies() {
  Deque<int, 5> a;
  a.push_front(3);
  Deque<int, 6> b;
  const int src[] = {1, 2, 3};
  b.insert(b.begin(), src, src + 3);
  Deque<int, 8> c;
  c.push_back(1);
  c.pop_front();
  c.push_back(4);  // emptied and refilled at another slot
  return copied(a).front() * 100 + copied(b)[2] * 10 + copied(c).front();
}
// Each way of a middle insert (either side, fewer or more values than the
// elements that move) at every wrap offset: the number of offsets right.
constexpr int constexpr_middle_inserts() {
  int right = 0;
  for (int shift = 0; shift != 10; ++shift) {
    Deque<int, 10> d;
    for (int k = 0; k != shift; ++k) {
      d.push_back(0);
      d.pop_front();
    }
    for (int v = 1; v <= 4; ++v) d.push_back(v);
    d.insert(d.begin() + 1, 1, 9);  // front side, n <= i
    d.insert(d.begin() + 4, 1, 8);  // back side, n <= m
    const int src[] = {5, 6};
    d.insert(d.begin() + 1, src, src + 2);  // front side, n > i
    d.insert(d.begin() + 7, 2, 7);          // back side, n > m
    const int expect[] = {1, 5, 6, 9, 2, 3, 8, 7, 7, 4};
    bool same = d.size() == 10;
    for (std::size_t k = 0; same && k != 10; ++k) same = d[k] == expect[k];
    right += same ? 1 : 0;
  }
  return right;
}
constexpr Deque<int, 7> constexpr_partial_object() {
  Deque<int, 7> d;
  d.push_back(1);
  d.push_front(0);
  return d;
}
}  // namespace
TEST_CASE("Deque: usable in constant expressions (C++20, trivial T)", "[deque][constexpr]") {
  static_assert(constexpr_deque() == 725);
  CHECK(constexpr_deque() == 725);
  static_assert(constexpr_partial_copies() == 334);
  static_assert(constexpr_middle_inserts() == 10);
  CHECK(constexpr_middle_inserts() == 10);
  constexpr Deque<int, 7> d = constexpr_partial_object();
  static_assert(d.size() == 2 && d[0] == 0 && d[1] == 1);
  CHECK(d.back() == 1);
}
#endif

#if defined(__cpp_lib_ranges)
TEST_CASE("Deque: the spans are borrowed ranges (std::span from the returned span)", "[deque][spans]") {
  static_assert(std::ranges::borrowed_range<Deque<int, 6>::span_type>);
  Deque<int, 6> d;
  rotate_empty(d, 4);
  fill(d, 1, 5);                                 // wraps: two parts
  const std::span<int> one = d.make_contiguous();  // a temporary span converts
  CHECK(one.size() == 4);
  CHECK(one[0] == 1);
  const std::span<const int> front = std::as_const(d).as_spans().first;
  CHECK(front.size() == 4);
}
#endif

// A static Deque is constant-initialised (no start-up code).
HEAPLESS_CONSTINIT static Deque<int, 16> static_deque;
TEST_CASE("Deque: static instance is constant-initialised", "[deque][layout]") {
  CHECK(static_deque.empty());
  static_deque.push_back(1);
  CHECK(static_deque.front() == 1);
  static_deque.clear();
}

// ---- Element-type matrix ------------------------------------------------------------------

namespace {
template <class T>
void exercise_moves() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using D = Deque<T, 8>;
  for (std::size_t shift = 0; shift < 8; shift += 3) {
    D d;
    rotate_empty(d, shift);
    fill(d, 1, 4);
    d.emplace_front(make<T>(0));
    d.emplace_back(make<T>(4));
    CHECK(values_are(d, {0, 1, 2, 3, 4}));
    d.emplace(d.begin() + 1, make<T>(9));
    d.insert(d.begin() + 5, make<T>(8));
    CHECK(values_are(d, {0, 9, 1, 2, 3, 8, 4}));
    d.erase(d.begin() + 1);
    d.erase(d.begin() + 4, d.begin() + 5);
    CHECK(values_are(d, {0, 1, 2, 3, 4}));
    T* p = d.try_emplace_front(make<T>(-1));
    REQUIRE(p != nullptr);
    CHECK(value_of(*p) == -1);
    d.unchecked_emplace_back(make<T>(5));
    d.pop_front();
    d.pop_back();
    auto o = d.try_pop_front();
    REQUIRE(o.has_value());
    CHECK(value_of(*o) == 0);
    D e(std::move(d));
    CHECK(values_are(e, {1, 2, 3, 4}));
    D f;
    f = std::move(e);
    fill(f, 5, 9);
    CHECK(f.full());
    CHECK(values_are(f, {1, 2, 3, 4, 5, 6, 7, 8}));
    f.make_contiguous();
    CHECK(values_are(f, {1, 2, 3, 4, 5, 6, 7, 8}));
    f.pop_front(3);
    f.emplace_back(make<T>(9));
    f.make_contiguous();
    CHECK(values_are(f, {4, 5, 6, 7, 8, 9}));
    D g;
    fill(g, 20, 22);
    f.swap(g);
    CHECK(values_are(f, {20, 21}));
    CHECK(values_are(g, {4, 5, 6, 7, 8, 9}));
    CHECK(heapless::erase_if(g, [](const T& x) { return value_of(x) % 2 == 0; }) == 3);
    CHECK(values_are(g, {5, 7, 9}));
    g.resize(5);
    CHECK(g.size() == 5);
    g.clear();
  }
}

template <class T>
void exercise_copies() {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  using D = Deque<T, 6>;
  D d;
  rotate_empty(d, 4);
  fill(d, 1, 4);
  const T x = make<T>(7);
  d.push_front(x);
  d.insert(d.begin() + 2, 2, x);
  CHECK(values_are(d, {7, 1, 7, 7, 2, 3}));
  D e(d);
  CHECK(e == d);
  e.assign(2, x);
  e = d;
  CHECK(e == d);
  e.pop_front(4);
  e.insert(e.begin() + 1, d.begin(), d.begin() + 3);
  CHECK(values_are(e, {2, 7, 1, 7, 3}));
  e.resize(6, x);
  CHECK(values_are(e, {2, 7, 1, 7, 3, 7}));
}
}  // namespace

TEST_CASE("Deque matrix: moves and lifetimes for every element type", "[deque][matrix]") {
  heapless::test::for_each_type<trivial, counted, move_only, throwing, overaligned>(
      [](auto tag) { exercise_moves<typename decltype(tag)::type>(); });
}

TEST_CASE("Deque matrix: copies for every copyable element type", "[deque][matrix]") {
  heapless::test::for_each_type<trivial, counted, throwing, overaligned>(
      [](auto tag) { exercise_copies<typename decltype(tag)::type>(); });
}

TEST_CASE("Deque matrix: over-aligned elements stay aligned across the wrap", "[deque][matrix]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<overaligned, 4> d;
  rotate_empty(d, 3);
  fill(d, 0, 4);
  for (const overaligned& o : d) CHECK(reinterpret_cast<std::uintptr_t>(&o) % 64 == 0);
  CHECK(heapless::test::counters().errors.load() == 0);
}

#if HEAPLESS_HAS_EXCEPTIONS
namespace {
using heapless::test::test_exception;
using heapless::test::throws_test_exception;
}  // namespace

TEST_CASE("Deque throwing: pushes, bulk pushes and sized inserts change nothing when T throws",
          "[deque][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<throwing, 8> d;
  rotate_empty(d, 6);
  fill(d, 1, 4);
  const throwing x(9);
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { d.push_back(x); }));
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { d.push_front(x); }));
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { (void)d.try_push_front(x); }));
  CHECK(values_are(d, {1, 2, 3}));
  const throwing src[] = {5, 6, 7};
  for (long k = 0; k < 3; ++k) {
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { d.push_back(src, src + 3); }));
    CHECK(values_are(d, {1, 2, 3}));
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { d.insert(d.begin() + 1, src, src + 3); }));
    CHECK(values_are(d, {1, 2, 3}));
    throwing::throw_after(k);
    CHECK(throws_test_exception([&] { d.insert(d.begin() + 2, 3, x); }));
    CHECK(values_are(d, {1, 2, 3}));
  }
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { Deque<throwing, 8> copy(d); }));
  throwing::throw_after(0);
  CHECK(throws_test_exception([&] { d.emplace(d.begin() + 1, x); }));
  CHECK(values_are(d, {1, 2, 3}));
}

TEST_CASE("Deque throwing: an insert that throws at any step leaves a valid deque, nothing leaked",
          "[deque][matrix][exceptions]") {
  HEAPLESS_LIFETIME_CHECK;
  const throwing src[] = {50, 51, 52, 53, 54, 55, 56, 57};
  const throwing x(9);
  for (std::size_t shift = 0; shift < 8; shift += 3) {
    for (std::size_t len = 0; len <= 8; ++len) {
      for (std::size_t i = 0; i <= len; ++i) {
        for (std::size_t n = 1; n <= 8 - len; ++n) {
          for (int form = 0; form != 2; ++form) {
            for (long k = 0;; ++k) {
              INFO("shift " << shift << " len " << len << " i " << i << " n " << n << " form " << form << " k "
                            << k);
              Deque<throwing, 8> d;
              rotate_empty(d, shift);
              fill(d, 0, static_cast<int>(len));
              const auto pos = d.cbegin() + static_cast<std::ptrdiff_t>(i);
              throwing::throw_after(k);
              const bool threw = throws_test_exception([&] {
                if (form == 0) d.insert(pos, n, x);
                else d.insert(pos, heapless::test::forward_iterator<throwing>(src),
                              heapless::test::forward_iterator<throwing>(src + n));
              });
              throwing::never_throw();
              if (!threw) {
                std::vector<int> model;
                for (int v = 0; v != static_cast<int>(len); ++v) model.push_back(v);
                for (std::size_t v = 0; v != n; ++v) {
                  model.insert(model.begin() + static_cast<std::ptrdiff_t>(i + v), form == 0 ? 9 : 50 + static_cast<int>(v));
                }
                CHECK(same_as_model(d, model));
                break;
              }
              // Either the new slots were taken back or every one is live.
              CHECK((d.size() == len || d.size() == len + n));
              long sum = 0;
              for (const throwing& e : d) sum += value_of(e);  // reads every element (lifetime checked)
              (void)sum;
              if (d.size() != d.capacity()) d.push_back(x);  // still usable
              if (!d.empty()) d.pop_front();
            }
          }
        }
      }
    }
  }
}

TEST_CASE("Deque throwing: make_contiguous leaves a valid empty deque when a move throws",
          "[deque][matrix][exceptions]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  HEAPLESS_LIFETIME_CHECK;
  Deque<throwing, 6> d;
  rotate_empty(d, 4);
  fill(d, 1, 6);  // wraps: slots 4 5 | 0 1 2
  throwing::throw_after(1);
  CHECK(throws_test_exception([&] { d.make_contiguous(); }));
  CHECK(d.empty());
  fill(d, 1, 3);
  CHECK(values_are(d, {1, 2}));
}
#endif

#if HEAPLESS_TEST_CAN_CATCH_ASSERT
TEST_CASE("Deque: preconditions are asserted", "[deque][error][assert]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  Deque<int, 2> d = {1, 2};
  Deque<int, 2> e;
  Deque<int, 2> other = {1};
  HEAPLESS_CHECK_RAISES(precondition, d.unchecked_push_back(3));
  HEAPLESS_CHECK_RAISES(precondition, d.unchecked_push_front(3));
  HEAPLESS_CHECK_RAISES(precondition, d[2]);
  HEAPLESS_CHECK_RAISES(precondition, e.front());
  HEAPLESS_CHECK_RAISES(precondition, e.back());
  HEAPLESS_CHECK_RAISES(precondition, e.pop_front());
  HEAPLESS_CHECK_RAISES(precondition, e.pop_back());
  HEAPLESS_CHECK_RAISES(precondition, d.pop_front(3));
  HEAPLESS_CHECK_RAISES(precondition, d.erase(other.begin()));
  HEAPLESS_CHECK_RAISES(precondition, d.erase(d.end()));
}
#endif

// element_types.hpp - the element-type matrix every container is tested with.
//
//   trivial      trivially copyable aggregate of one int
//   counted      non-trivial; counts live objects, detects double destruction
//                and use of destroyed objects (a lifetime_check fails on them)
//   move_only    non-copyable; a moved-from object holds -1
//   throwing     copy/move constructors throw once a countdown reaches zero
//                (set by throwing::throw_after(k)); counted like `counted`
//   overaligned  alignas(64); records any misaligned construction
//
// All carry an int value and compare by it, so tests can be written once and
// run over the matrix with for_each_type<...>(lambda); value_of(x) reads it,
// make<T>(v) builds one, values_are(container, {v...}) checks a container's
// contents. Which containers' tests use which type: tests/README.md.
#ifndef HEAPLESS_TESTS_ELEMENT_TYPES_HPP
#define HEAPLESS_TESTS_ELEMENT_TYPES_HPP

#include <atomic>            // counters are shared with stress-test threads
#include <cstddef>           // std::size_t
#include <cstdint>           // std::uintptr_t
#include <initializer_list>  // values_are's expected values
#include <type_traits>       // trait checks below
#include <utility>           // std::exchange, std::declval

#include <heapless/detail/config.hpp>  // HEAPLESS_HAS_EXCEPTIONS

namespace heapless {
namespace test {

struct lifetime_counters {
  std::atomic<long> live{0};
  std::atomic<long> constructed{0};
  std::atomic<long> destroyed{0};
  std::atomic<long> errors{0};  // double destruction, use after destruction, misalignment
};

inline lifetime_counters& counters() {
  static lifetime_counters c;
  return c;
}

struct trivial {
  int value;
  friend constexpr bool operator==(trivial a, trivial b) noexcept { return a.value == b.value; }
  friend constexpr bool operator!=(trivial a, trivial b) noexcept { return a.value != b.value; }
  friend constexpr bool operator<(trivial a, trivial b) noexcept { return a.value < b.value; }
};
static_assert(std::is_trivial_v<trivial>);

/// Non-trivial element with lifetime counting. A magic word marks live objects:
/// destroying or reading a dead one is recorded in counters().errors.
class counted {
 public:
  counted() noexcept : counted(0) {}
  counted(int v) noexcept : value_(v), magic_(alive) { born(); }  // NOLINT: implicit on purpose
  counted(const counted& o) noexcept : value_(o.get()), magic_(alive) { born(); }
  counted(counted&& o) noexcept : value_(o.get()), magic_(alive) {
    o.value_ = -1;
    born();
  }
  counted& operator=(const counted& o) noexcept {
    check();
    value_ = o.get();
    return *this;
  }
  counted& operator=(counted&& o) noexcept {
    check();
    value_ = o.get();
    o.value_ = -1;
    return *this;
  }
  ~counted() {
    if (read_magic() != alive) {
      counters().errors.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    // volatile: a store to an object that is about to die is otherwise a dead
    // store the optimiser removes, and double destruction would go unseen.
    *static_cast<volatile std::uint32_t*>(&magic_) = dead;
    counters().live.fetch_sub(1, std::memory_order_relaxed);
    counters().destroyed.fetch_add(1, std::memory_order_relaxed);
  }
  int get() const noexcept {
    check();
    return value_;
  }
  friend bool operator==(const counted& a, const counted& b) noexcept { return a.get() == b.get(); }
  friend bool operator!=(const counted& a, const counted& b) noexcept { return a.get() != b.get(); }
  friend bool operator<(const counted& a, const counted& b) noexcept { return a.get() < b.get(); }

 private:
  static constexpr std::uint32_t alive = 0xA11FEu;
  static constexpr std::uint32_t dead = 0xDEADu;
  void born() noexcept {
    counters().live.fetch_add(1, std::memory_order_relaxed);
    counters().constructed.fetch_add(1, std::memory_order_relaxed);
  }
  std::uint32_t read_magic() const noexcept {
    return *static_cast<const volatile std::uint32_t*>(&magic_);
  }
  void check() const noexcept {
    if (read_magic() != alive) counters().errors.fetch_add(1, std::memory_order_relaxed);
  }
  int value_;
  std::uint32_t magic_;
};

class move_only {
 public:
  move_only() noexcept = default;
  move_only(int v) noexcept : value_(v) {}  // NOLINT: implicit on purpose
  move_only(move_only&& o) noexcept : value_(std::exchange(o.value_, -1)) {}
  move_only& operator=(move_only&& o) noexcept {
    value_ = std::exchange(o.value_, -1);
    return *this;
  }
  move_only(const move_only&) = delete;
  move_only& operator=(const move_only&) = delete;
  int get() const noexcept { return value_; }
  friend bool operator==(const move_only& a, const move_only& b) noexcept { return a.value_ == b.value_; }
  friend bool operator!=(const move_only& a, const move_only& b) noexcept { return a.value_ != b.value_; }
  friend bool operator<(const move_only& a, const move_only& b) noexcept { return a.value_ < b.value_; }

 private:
  int value_ = 0;
};

/// Thrown by `throwing`.
struct test_exception {
  int value;
};

/// Copy and move constructors (and assignments) throw test_exception when the
/// countdown set by throw_after(k) reaches zero: the k+1-th operation throws.
/// Without exceptions it never throws (the type still counts lifetimes).
class throwing {
 public:
  throwing() noexcept : throwing(0) {}
  throwing(int v) noexcept : inner_(v) {}  // NOLINT: implicit on purpose
  throwing(const throwing& o) : inner_((tick(), o.inner_)) {}
  throwing(throwing&& o) : inner_((tick(), std::move(o.inner_))) {}
  throwing& operator=(const throwing& o) {
    tick();
    inner_ = o.inner_;
    return *this;
  }
  throwing& operator=(throwing&& o) {
    tick();
    inner_ = std::move(o.inner_);
    return *this;
  }
  ~throwing() = default;
  int get() const noexcept { return inner_.get(); }
  /// The next k copy/move operations succeed, the one after throws. -1: never.
  static void throw_after(long k) noexcept { countdown().store(k, std::memory_order_relaxed); }
  static void never_throw() noexcept { throw_after(-1); }
  friend bool operator==(const throwing& a, const throwing& b) noexcept { return a.get() == b.get(); }
  friend bool operator!=(const throwing& a, const throwing& b) noexcept { return a.get() != b.get(); }
  friend bool operator<(const throwing& a, const throwing& b) noexcept { return a.get() < b.get(); }

 private:
  static std::atomic<long>& countdown() noexcept {
    static std::atomic<long> c{-1};
    return c;
  }
  static void tick() {
    long c = countdown().load(std::memory_order_relaxed);
    if (c < 0) return;
    if (c == 0) {
      countdown().store(-1, std::memory_order_relaxed);
#if HEAPLESS_HAS_EXCEPTIONS
      throw test_exception{42};
#endif
    } else {
      countdown().store(c - 1, std::memory_order_relaxed);
    }
  }
  counted inner_;
};
static_assert(!std::is_nothrow_copy_constructible_v<throwing>);
static_assert(!std::is_nothrow_move_constructible_v<throwing>);

struct alignas(64) overaligned {
  overaligned() noexcept : overaligned(0) {}
  overaligned(int v) noexcept : value(v) {  // NOLINT: implicit on purpose
    if (reinterpret_cast<std::uintptr_t>(this) % 64 != 0)
      counters().errors.fetch_add(1, std::memory_order_relaxed);
  }
  overaligned(const overaligned& o) noexcept : overaligned(o.value) {}
  overaligned& operator=(const overaligned& o) noexcept {
    value = o.value;
    return *this;
  }
  int get() const noexcept { return value; }
  int value;
  friend bool operator==(const overaligned& a, const overaligned& b) noexcept { return a.value == b.value; }
  friend bool operator!=(const overaligned& a, const overaligned& b) noexcept { return a.value != b.value; }
  friend bool operator<(const overaligned& a, const overaligned& b) noexcept { return a.value < b.value; }
};
static_assert(alignof(overaligned) == 64);

/// The int an element of any matrix type (or a plain integer) carries.
template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
constexpr int value_of(I v) noexcept {
  return static_cast<int>(v);
}
inline int value_of(const trivial& t) noexcept { return t.value; }
template <class T>
auto value_of(const T& t) noexcept -> decltype(t.get()) {
  return t.get();
}

/// Whether c[i] reads an element (values_are checks it too).
template <class C, class = void>
struct has_index : std::false_type {};
template <class C>
struct has_index<C, std::void_t<decltype(std::declval<const C&>()[std::size_t{0}])>> : std::true_type {};

/// c holds exactly the values `expected`, in order: through iteration, and
/// through operator[] where c has one. Elements of any matrix type.
template <class C>
bool values_are(const C& c, std::initializer_list<int> expected) {
  if (c.size() != expected.size()) return false;
  auto it = c.begin();
  for (int e : expected) {
    if (it == c.end() || value_of(*it) != e) return false;
    ++it;
  }
  if (it != c.end()) return false;
  if constexpr (has_index<C>::value) {
    std::size_t i = 0;
    for (int e : expected) {
      if (value_of(c[i++]) != e) return false;
    }
  }
  return true;
}

/// Builds an element of any matrix type from an int.
template <class T>
T make(int v) {
  if constexpr (std::is_same_v<T, trivial>) return trivial{v};
  else return T(v);
}

template <class T>
struct type_tag {
  using type = T;
};

/// Calls f(type_tag<T>{}) for each T: the matrix without TEMPLATE_TEST_CASE
/// (which the mini harness lacks).
template <class... Ts, class F>
void for_each_type(F&& f) {
  (f(type_tag<Ts>{}), ...);
}

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_ELEMENT_TYPES_HPP

// SPDX-License-Identifier: BSL-1.0
// heapless/index_map.hpp - IndexMap<K, V, N> and IndexSet<K, N>: hash maps
// and sets of at most N entries in the object itself, iterated in insertion
// order; and heapless::hash<T>, their default hash.
//
//   heapless::IndexMap<std::uint32_t, Device, 256> devices;  // no heap, ever
//   devices[0x1234'0001] = Device{...};                      // unordered_map spelling
//   if (!devices.try_insert(id, dev)) { /* full: nothing changed */ }
//   for (auto& [id, dev] : devices) poll(id, dev);           // insertion order
//   devices.erase(id);                // O(1): moves the LAST entry into the hole
//
// Layout: the entries exactly as in LinearMap (keys in one contiguous array,
// values in another, in insertion order), then a hash index: a power of two
// of slots, at least 2N (load factor at most 1/2 when full), each holding an
// entry number + 1 (0: empty) in the smallest unsigned type that holds N.
// Keys whose equality is not a bitwise compare (strings, classes) also keep
// hash bits in each slot, as many as the entry number has (a slot is then
// twice as wide), so that a probe compares keys only where those bits match.
// Then the length, in the smallest unsigned type that holds N:
// sizeof(IndexMap<std::uint32_t, std::uint32_t, 64>) == 256 + 256 + 128 + 1
// -> 644 (2 bytes of index per entry), and IndexMap<String<15>, int, 64>
// adds 4 bytes of index per entry. A stateless Hash and KeyEqual cost nothing.
//
// Index: a key's hash h is mixed (h ^ h >> half its width, times an odd
// constant: Fibonacci hashing), its top bits select the home slot, the bits
// below them are the slot's cached hash bits. Collisions go to the next
// free slot (linear probing); erase shifts later slots of the run back
// (no tombstones: runs never lengthen with use). Measured choices:
// docs/index_map.md.
//
// Complexity: find / at / contains / count / operator[] / insert /
// erase(key) / swap_erase / pop_back O(1) expected; shift_erase and erase_if
// O(n + slots); operator== O(n) expected. The worst case of a lookup (every
// key in one probe run) is N key comparisons, never more: the table never
// grows. No operation allocates.
//
// Order: iteration is insertion order until an erase: erase and swap_erase
// move the LAST entry into the hole (O(1), Rust's swap_remove); shift_erase
// and erase_if keep the order of the others.
//
// Errors (docs/design.md): a new key into a full map through a plain form
// (insert, emplace, try_emplace, insert_or_assign, operator[]) raises
// length_error; at() on a missing key raises out_of_range; try_insert and
// try_insert_or_assign report a full map by returning an empty optional,
// change nothing and leave their arguments untouched.
//
// Threads/ISRs: no internal synchronisation; like std containers, concurrent
// const access is safe, anything else needs the caller's lock.
#ifndef HEAPLESS_INDEX_MAP_HPP
#define HEAPLESS_INDEX_MAP_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uint64_t, std::uintptr_t: hash arithmetic
#include <initializer_list>  // IndexMap{{k, v}, ...}
#include <optional>          // try_insert's and index_of's results
#include <string_view>       // string keys are hashed and compared as std::string_view
#include <type_traits>       // storage and overload selection
#include <utility>           // std::pair, std::move, std::swap


#include "detail/compare.hpp"  // std::equal_to<> without the rest of <functional>
#include "detail/config.hpp"  // HEAPLESS_UNLIKELY, HEAPLESS_CONSTEXPR20
#include "detail/error.hpp"   // detail::raise, HEAPLESS_ASSERT
#include "detail/size.hpp"    // detail::smallest_size_t
#include "detail/storage.hpp"  // detail::uninit_array
#include "linear_map.hpp"     // the entry iterators and spans; detail helpers of the key search

HEAPLESS_NAMESPACE_BEGIN

// ---- heapless::hash ----------------------------------------------------------
namespace detail {

template <class T>
inline constexpr bool hash_string_like_v = linear_map_string_key<T>::value || std::is_same_v<T, std::string_view>;

/// Bytes of a string, one multiply per machine word: deterministic and
/// seedless (the same bytes give the same hash on every run of a build; 32-
/// and 64-bit targets differ). Not a keyed hash: see docs/index_map.md.
template <class W = std::size_t>  // a template: only the branch for this target is instantiated
constexpr W hash_bytes(const char* p, std::size_t n) noexcept {
  if constexpr (sizeof(W) >= 8) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    if (n > 8 && n <= 16) {
      // The common short key: its first and last 8 bytes (overlapping below
      // 16), two independent multiplies instead of a chain of two.
      const std::uint64_t a = linear_map_word<std::uint64_t>(p) ^ n;
      const std::uint64_t b = linear_map_word<std::uint64_t>(p + n - 8);
      std::uint64_t h = a * k ^ b * 0xC2B2AE3D27D4EB4Full;
      h ^= h >> 31;
      return h;
    }
    std::uint64_t acc = (n + 1) * k;
    std::size_t i = 0;
    for (; i + 8 < n; i += 8) {
      acc = (acc ^ linear_map_word<std::uint64_t>(p + i)) * k;
      acc ^= acc >> 32;
    }
    // The last 1..8 bytes: one word ending at the string's end (it may
    // overlap bytes already mixed), or the short string in one word.
    std::uint64_t w = 0;
    if (n >= 8) {
      w = linear_map_word<std::uint64_t>(p + n - 8);
    } else if (n >= 4) {
      w = std::uint64_t{linear_map_word<std::uint32_t>(p)} << 32 | linear_map_word<std::uint32_t>(p + n - 4);
    } else if (n != 0) {
      w = std::uint64_t{static_cast<unsigned char>(p[0])} << 16 |
          std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]);
    }
    acc = (acc ^ w) * k;
    acc ^= acc >> 29;
    return acc;
  } else {
    constexpr std::uint32_t k = 0x9E3779B1u;
    std::uint32_t acc = (static_cast<std::uint32_t>(n) + 1u) * k;
    std::size_t i = 0;
    for (; i + 4 < n; i += 4) {
      acc = (acc ^ linear_map_word<std::uint32_t>(p + i)) * k;
      acc ^= acc >> 15;
    }
    std::uint32_t w = 0;
    if (n >= 4) {
      w = linear_map_word<std::uint32_t>(p + n - 4);
    } else if (n != 0) {
      w = std::uint32_t{static_cast<unsigned char>(p[0])} << 16 |
          std::uint32_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]);
    }
    acc = (acc ^ w) * k;
    acc ^= acc >> 15;
    return acc;
  }
}

}  // namespace detail

/// The default hash of IndexMap and IndexSet: deterministic and seedless, so
/// a program behaves the same on every run.
///   * integers and enums: their value (IndexMap mixes every hash before use,
///     so consecutive ids, multiples of the table size and keys that differ
///     only in high bits all spread);
///   * pointers: their address;
///   * strings (heapless::String, std::string_view, std::string, anything
///     with std::char_traits<char> that converts to std::string_view):
///     detail::hash_bytes of the characters. Transparent: a String key is
///     found with a std::string_view, a `const char*` or a string literal.
/// An attacker who controls keys can make them collide (see docs/index_map.md
/// for the bound and for plugging a keyed hash).
template <class T, class = void>
struct hash;

/// Hash of an integer or enum key: its value bits (folded to size_t when wider).
template <class T>
struct hash<T, std::enable_if_t<std::is_integral_v<T> || std::is_enum_v<T>>> {
  /// Hashes v.
  constexpr std::size_t operator()(T v) const noexcept {
    const auto u = detail::linear_map_int_bits(v);
    if constexpr (sizeof(u) > sizeof(std::size_t)) {
      return static_cast<std::size_t>(u ^ (u >> 32));
    } else {
      return static_cast<std::size_t>(u);
    }
  }
};

/// Hash of a pointer key: its address.
template <class T>
struct hash<T*> {
  /// Hashes p's address.
  std::size_t operator()(const T* p) const noexcept {
    const std::uintptr_t u = reinterpret_cast<std::uintptr_t>(p);
    return u;
  }
};

template <class T>
struct hash<T, std::enable_if_t<detail::hash_string_like_v<T>>> {
  using is_transparent = void;
  constexpr std::size_t operator()(std::string_view s) const noexcept {
    return detail::hash_bytes(s.data(), s.size());
  }
};

template <class K, class V, std::size_t N, class Hash = hash<K>, class KeyEqual = std::equal_to<>>
class IndexMap;
template <class K, std::size_t N, class Hash = hash<K>, class KeyEqual = std::equal_to<>>
class IndexSet;

namespace detail {

// ---- Index geometry ----------------------------------------------------------
/// Keys that keep hash bits in the index: where comparing a key costs more
/// than comparing the bits (strings, classes).
template <class K>
inline constexpr bool index_map_tagged_v = !linear_map_bitwise_key_v<K>;

template <class E>
using index_map_wide_t =
    std::conditional_t<sizeof(E) == 1, std::uint16_t, std::conditional_t<sizeof(E) == 2, std::uint32_t, std::uint64_t>>;

template <class K, std::size_t N>
struct index_map_geometry {
  /// 2N slots or more (a power of two): at most half of them in use.
  static constexpr unsigned bits = linear_map_log2_ceil(2 * N);
  static constexpr std::size_t slots = std::size_t{1} << bits;
  static constexpr std::size_t mask = slots - 1;
  static constexpr bool tagged = index_map_tagged_v<K>;
  using entry_type = smallest_size_t<N>;
  /// Entry number + 1 in the low bits; tagged keys: hash bits above it.
  using slot_type = std::conditional_t<tagged, index_map_wide_t<entry_type>, entry_type>;
  static constexpr unsigned entry_bits = 8 * sizeof(entry_type);
  static constexpr std::size_t entry_mask = tagged ? (std::size_t{1} << entry_bits) - 1 : ~std::size_t{0};
  static_assert(bits < 8 * sizeof(std::size_t), "IndexMap: capacity too large");

  /// Every hash is mixed first: half its bits folded into the other half,
  /// then Fibonacci hashing (the top bits of a product with an odd constant
  /// depend on every input bit).
  static constexpr std::size_t mix(std::size_t h) noexcept {
    if constexpr (sizeof(std::size_t) >= 8) {
      const std::uint64_t u = h;
      return (u ^ (u >> 32)) * 0x9E3779B97F4A7C15ull;
    } else {
      const std::uint32_t u = h;
      const std::uint32_t x = (u ^ (u >> 16)) * 0x9E3779B1u;
      return x;
    }
  }
  static constexpr std::size_t home(std::size_t x) noexcept { return x >> (8 * sizeof(std::size_t) - bits); }
  /// The slot's hash bits (tagged keys): those below the home bits, shifted
  /// above the entry number.
  static constexpr slot_type tag(std::size_t x) noexcept {
    if constexpr (tagged) {
      return static_cast<slot_type>(((x << bits) >> (8 * sizeof(std::size_t) - entry_bits)) << entry_bits);
    } else {
      return 0;
    }
  }
  static constexpr std::size_t entry(slot_type s) noexcept {
    return (static_cast<std::size_t>(s) & entry_mask) - 1;
  }
};

/// What an IndexSet keeps as the value of each entry: nothing.
struct index_set_unit {};

// ---- Hash and KeyEqual -------------------------------------------------------
// Empty function objects are made on demand (the map pays no byte for them);
// stateful ones (a keyed hash) are stored.
template <class H, class E, bool = std::is_empty_v<H> && std::is_empty_v<E> &&
                                   std::is_default_constructible_v<H> && std::is_default_constructible_v<E>>
struct index_map_functions {
  constexpr index_map_functions() noexcept = default;
  constexpr index_map_functions(const H&, const E&) noexcept {}
  constexpr H hash_fn_() const noexcept { return H{}; }
  constexpr E eq_fn_() const noexcept { return E{}; }
};
template <class H, class E>
struct index_map_functions<H, E, false> {
  H hash_{};
  E eq_{};
  constexpr index_map_functions() = default;
  constexpr index_map_functions(const H& h, const E& e) : hash_(h), eq_(e) {}
  constexpr const H& hash_fn_() const noexcept { return hash_; }
  constexpr const E& eq_fn_() const noexcept { return eq_; }
};

// ---- Storage -----------------------------------------------------------------
template <class V>
inline constexpr bool index_map_has_values_v = !std::is_same_v<V, index_set_unit>;

template <class K, class V, std::size_t N, class H, class E>
struct index_map_base : index_map_functions<H, E> {
  using geometry = index_map_geometry<K, N>;
  using slot_type = typename geometry::slot_type;
  using index_map_functions<H, E>::index_map_functions;

  uninit_array<K, N> keys_;
  uninit_array<V, index_map_has_values_v<V> ? N : 1> values_;  // a set: one unit, never offset
  slot_type slots_[geometry::slots] = {};  // all empty
  smallest_size_t<N> size_ = 0;

  constexpr void clear_index_() noexcept {
    for (std::size_t i = 0; i < geometry::slots; ++i) slots_[i] = 0;
  }
  constexpr void copy_index_(const index_map_base& o) noexcept {
    for (std::size_t i = 0; i < geometry::slots; ++i) slots_[i] = o.slots_[i];
  }
};

// Trivially copyable K and V: every special member is defaulted (trivial).
template <class K, class V, std::size_t N, class H, class E,
          bool = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>>
struct index_map_storage : index_map_base<K, V, N, H, E> {
  using index_map_base<K, V, N, H, E>::index_map_base;
  constexpr void destroy_all_() noexcept {
    this->size_ = 0;
    this->clear_index_();
  }
};

// Otherwise the special members manage element lifetimes. A moved-from map
// is left empty: its keys would no longer be unique.
template <class K, class V, std::size_t N, class H, class E>
struct index_map_storage<K, V, N, H, E, false> : index_map_base<K, V, N, H, E> {
  using base = index_map_base<K, V, N, H, E>;
  static constexpr bool has_values = index_map_has_values_v<V>;
  using base::base;

  constexpr index_map_storage() noexcept = default;
  index_map_storage(const index_map_storage& o) : base(o.hash_fn_(), o.eq_fn_()) { copy_from_(o); }
  index_map_storage(index_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>)
      : base(o.hash_fn_(), o.eq_fn_()) {
    move_from_(o);
  }
  index_map_storage& operator=(const index_map_storage& o) {
    if (this != &o) {
      destroy_all_();
      static_cast<index_map_functions<H, E>&>(*this) = o;
      copy_from_(o);
    }
    return *this;
  }
  index_map_storage& operator=(index_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>) {
    if (this != &o) {
      destroy_all_();
      static_cast<index_map_functions<H, E>&>(*this) = o;
      move_from_(o);
    }
    return *this;
  }
  ~index_map_storage() { destroy_entries_(); }

  void destroy_all_() noexcept {
    destroy_entries_();
    this->clear_index_();
  }

 private:
  void destroy_entries_() noexcept {
    for (std::size_t i = 0; i < this->size_; ++i) {
      this->keys_.destroy(i);
      if constexpr (has_values) this->values_.destroy(i);
    }
    this->size_ = 0;
  }
  // If an element copy throws, the ones already made are destroyed and the
  // index emptied (the object under construction is never completed).
  struct rollback {
    index_map_storage* self;
    ~rollback() {
      if (self != nullptr) self->destroy_all_();
    }
  };
  struct rollback_key {
    index_map_storage* self;
    std::size_t i;
    ~rollback_key() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };
  template <class Src, class Fwd>
  void append_from_(Src& o, Fwd fwd) {
    this->copy_index_(o);
    rollback guard{this};
    for (std::size_t i = 0; i < o.size_; ++i) {
      this->keys_.construct(i, fwd(o.keys_.data()[i]));
      if constexpr (has_values) {
        rollback_key key_guard{this, i};
        this->values_.construct(i, fwd(o.values_.data()[i]));
        key_guard.self = nullptr;
      }
      ++this->size_;
    }
    guard.self = nullptr;
  }
  void copy_from_(const index_map_storage& o) {
    append_from_(o, [](const auto& x) -> const auto& { return x; });
  }
  void move_from_(index_map_storage& o) {
    append_from_(o, [](auto& x) -> auto&& { return std::move(x); });
    o.destroy_all_();
  }
};

template <bool Copyable>
using index_map_copy_gate = linear_map_copy_gate<Copyable>;

template <class K, class V>
inline constexpr bool index_map_copyable_v =
    std::is_copy_constructible_v<K> && (!index_map_has_values_v<V> || std::is_copy_constructible_v<V>);

template <class T>
struct index_map_is_std_equal_to : std::false_type {};
template <class T>
struct index_map_is_std_equal_to<std::equal_to<T>> : std::true_type {};

template <class H, class E, class = void>
struct index_map_transparent : std::false_type {};
template <class H, class E>
struct index_map_transparent<H, E, std::void_t<typename H::is_transparent, typename E::is_transparent>>
    : std::true_type {};

}  // namespace detail

/// A hash map of at most N entries, iterated in insertion order.
/// K needs Hash and KeyEqual; K and V need to be move-constructible and
/// move-assignable. Hash(k) must equal Hash(q) whenever KeyEqual(k, q).
template <class K, class V, std::size_t N, class Hash, class KeyEqual>
class IndexMap
    : private detail::index_map_storage<K, V, N, Hash, KeyEqual>,
      private detail::index_map_copy_gate<detail::index_map_copyable_v<K, V>> {
  static_assert(N > 0, "IndexMap needs a capacity of at least 1");
  static_assert(!std::is_reference_v<K> && !std::is_reference_v<V>, "IndexMap stores objects, not references");
  static_assert(!std::is_const_v<K> && !std::is_const_v<V>,
                "IndexMap<const K, ...>: keys are never mutable through the map anyway; drop the const");

  using base_ = detail::index_map_storage<K, V, N, Hash, KeyEqual>;
  using geometry_ = detail::index_map_geometry<K, N>;
  using slot_type_ = typename geometry_::slot_type;
  static constexpr bool has_values_ = detail::index_map_has_values_v<V>;
  static constexpr bool transparent_ = detail::index_map_transparent<Hash, KeyEqual>::value;

  template <class, std::size_t, class, class>
  friend class IndexSet;

 public:
  // ---- Types ---------------------------------------------------------------
  /// Key type.
  using key_type = K;
  /// Mapped (value) type.
  using mapped_type = V;
  /// The pair type accepted by insert.
  using value_type = std::pair<K, V>;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Hash function type.
  using hasher = Hash;
  /// Key equality type.
  using key_equal = KeyEqual;
  /// A proxy `std::pair<const K&, V&>` returned by value from `*it` (as in
  /// LinearMap and C++23 std::flat_map); `auto& [k, v]` binds to it.
  using reference = const std::pair<const K&, V&>;
  /// A proxy `std::pair<const K&, const V&>` returned by value from `*it`.
  using const_reference = const std::pair<const K&, const V&>;
  /// Random-access iterator in insertion order (see erase for what erasure does to the order).
  using iterator = detail::linear_map_iterator<K, V>;
  /// Const random-access iterator in insertion order.
  using const_iterator = detail::linear_map_iterator<K, const V>;
  /// Reverse iterator.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// try_insert's result: empty when the map was full (nothing changed);
  /// otherwise what insert would return: {position, inserted}.
  using try_insert_result = std::optional<std::pair<iterator, bool>>;

  // ---- Construction ----------------------------------------------------------
  /// Empty; constant-initialised when static; zeroes the index (slots()
  /// entries), touches no element storage.
  constexpr IndexMap() noexcept = default;
  /// Empty, with these function objects (a keyed hash, say).
  constexpr explicit IndexMap(const Hash& h, const KeyEqual& eq = KeyEqual()) : base_(h, eq) {}
  /// Inserts each entry; a repeated key keeps its first value. More than N
  /// distinct keys: raises length_error.
  constexpr IndexMap(std::initializer_list<value_type> il) : IndexMap() { insert(il.begin(), il.end()); }
  /// Inserts each element of [first, last); a repeated key keeps its first value. More than N distinct keys: raises length_error.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr IndexMap(InputIt first, InputIt last) : IndexMap() {
    insert(first, last);
  }
  /// Replaces the contents with the entries of il (as clear(), then insert(il)).
  constexpr IndexMap& operator=(std::initializer_list<value_type> il) {
    clear();
    insert(il.begin(), il.end());
    return *this;
  }

  // ---- Capacity --------------------------------------------------------------
  /// The number of entries.
  constexpr size_type size() const noexcept { return this->size_; }
  /// The maximum number of entries (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }
  /// Number of index slots: the smallest power of two >= 2N.
  static constexpr size_type slots() noexcept { return geometry_::slots; }
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return this->size_ == 0; }
  /// true when size() == N: a new key would not fit.
  constexpr bool full() const noexcept { return this->size_ == N; }
  /// A copy of the hash function.
  constexpr hasher hash_function() const { return this->hash_fn_(); }
  /// A copy of the key equality.
  constexpr key_equal key_eq() const { return this->eq_fn_(); }

  // ---- Iteration (insertion order; see erase for what it does to it) --------
  /// Iterator to the first entry.
  constexpr iterator begin() noexcept { return iter_(0); }
  /// Iterator past the last entry.
  constexpr iterator end() noexcept { return iter_(this->size_); }
  /// Const iterator to the first entry.
  constexpr const_iterator begin() const noexcept { return citer_(0); }
  /// Const iterator past the last entry.
  constexpr const_iterator end() const noexcept { return citer_(this->size_); }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return citer_(0); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return citer_(this->size_); }
  /// Reverse iterator to the last entry.
  constexpr reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the first entry.
  constexpr reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  /// Const reverse iterator to the last entry.
  constexpr const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  /// Const reverse iterator before the first entry.
  constexpr const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  /// Same as rbegin() const.
  constexpr const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend() const.
  constexpr const_reverse_iterator crend() const noexcept { return rend(); }

  /// The keys, contiguous, in iteration order (read-only: keys stay unique).
  constexpr detail::linear_map_span<const K> keys() const noexcept { return {keys_data_(), this->size_}; }
  /// The values, contiguous, in iteration order; values()[i] belongs to keys()[i].
  constexpr detail::linear_map_span<V> values() noexcept { return {values_data_(), this->size_}; }
  /// As values(), read-only.
  constexpr detail::linear_map_span<const V> values() const noexcept { return {values_data_(), this->size_}; }

  // ---- Positions ---------------------------------------------------------------
  /// Iterator to the i-th entry in iteration order; nth(size()) == end().
  /// Precondition: i <= size(). O(1).
  constexpr iterator nth(size_type i) noexcept {
    HEAPLESS_ASSERT(i <= this->size_, "IndexMap::nth: index out of range");
    return iter_(i);
  }
  /// As nth(i), read-only. Precondition: i <= size().
  constexpr const_iterator nth(size_type i) const noexcept {
    HEAPLESS_ASSERT(i <= this->size_, "IndexMap::nth: index out of range");
    return citer_(i);
  }
  /// Position of key q in iteration order, or an empty optional. O(1) expected.
  template <class Q = K>
  constexpr std::optional<size_type> index_of(const Q& q) const {
    const size_type i = index_of_(q);
    if (i == this->size_) return std::nullopt;
    return i;
  }
  /// The first / last entry. Precondition: !empty().
  constexpr reference front() noexcept {
    HEAPLESS_ASSERT(this->size_ != 0, "IndexMap::front: empty map");
    return *iter_(0);
  }
  /// The first entry, read-only. Precondition: !empty().
  constexpr const_reference front() const noexcept {
    HEAPLESS_ASSERT(this->size_ != 0, "IndexMap::front: empty map");
    return *citer_(0);
  }
  /// The last entry. Precondition: !empty().
  constexpr reference back() noexcept {
    HEAPLESS_ASSERT(this->size_ != 0, "IndexMap::back: empty map");
    return *iter_(this->size_ - 1u);
  }
  /// The last entry, read-only. Precondition: !empty().
  constexpr const_reference back() const noexcept {
    HEAPLESS_ASSERT(this->size_ != 0, "IndexMap::back: empty map");
    return *citer_(this->size_ - 1u);
  }

  // ---- Lookup ------------------------------------------------------------------
  // Q: K, or any type when Hash and KeyEqual are both transparent
  // (heterogeneous: a std::string_view or a string literal for String keys);
  // otherwise a Q that converts to K (integers of another type compare by
  // value: find(-1) on unsigned keys finds nothing).
  /// Iterator to the entry with key q, or end(). O(1) expected.
  template <class Q = K>
  constexpr iterator find(const Q& q) {
    return iter_(index_of_(q));
  }
  /// As find(q), read-only.
  template <class Q = K>
  constexpr const_iterator find(const Q& q) const {
    return citer_(index_of_(q));
  }
  /// true when an entry with key q is present. O(1) expected.
  template <class Q = K>
  constexpr bool contains(const Q& q) const {
    return index_of_(q) != this->size_;
  }
  /// 1 if an entry with key q is present, else 0.
  template <class Q = K>
  constexpr size_type count(const Q& q) const {
    return contains(q) ? 1 : 0;
  }
  /// The value for key q; a missing key raises out_of_range.
  template <class Q = K>
  constexpr V& at(const Q& q) {
    const size_type i = index_of_(q);
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "IndexMap::at: no such key");
    return values_data_()[i];
  }
  /// As at(q), read-only; a missing key raises out_of_range.
  template <class Q = K>
  constexpr const V& at(const Q& q) const {
    const size_type i = index_of_(q);
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "IndexMap::at: no such key");
    return values_data_()[i];
  }
  /// The value for key k, value-initialised and appended if k is new;
  /// a new key into a full map raises length_error.
  constexpr V& operator[](const K& k) { return values_data_()[try_emplace_(k).first]; }
  /// As operator[](const K&), moving k if it is new.
  constexpr V& operator[](K&& k) { return values_data_()[try_emplace_(std::move(k)).first]; }

  // ---- Insertion (plain forms: a new key into a full map raises length_error) -
  /// Inserts v unless its key is present. Returns {position, inserted}.
  constexpr std::pair<iterator, bool> insert(const value_type& v) { return try_emplace(v.first, v.second); }
  /// As insert(const value_type&), moving v.
  constexpr std::pair<iterator, bool> insert(value_type&& v) {
    return try_emplace(std::move(v.first), std::move(v.second));
  }
  template <class P, std::enable_if_t<std::is_constructible_v<value_type, P&&> &&
                                          !std::is_same_v<std::decay_t<P>, value_type>,
                                      int> = 0>
  /// Inserts value_type(p) unless its key is present (as emplace).
  constexpr std::pair<iterator, bool> insert(P&& p) {
    return emplace(std::forward<P>(p));
  }
  /// The hint is ignored; for std::inserter.
  constexpr iterator insert(const_iterator /*hint*/, const value_type& v) { return insert(v).first; }
  /// As insert(hint, const value_type&), moving v; the hint is ignored.
  constexpr iterator insert(const_iterator /*hint*/, value_type&& v) { return insert(std::move(v)).first; }
  /// Inserts each element in turn; on overflow the ones before stay inserted
  /// and length_error is raised.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) emplace(*first);
  }
  /// Inserts each element of il in turn (see insert(first, last)).
  constexpr void insert(std::initializer_list<value_type> il) { insert(il.begin(), il.end()); }

  /// Constructs value_type(args...) and inserts it unless its key is present.
  /// emplace(key, value) with a K key builds no temporary pair.
  template <class... Args>
  constexpr std::pair<iterator, bool> emplace(Args&&... args) {
    if constexpr (is_key_value_pack_<Args...>()) {
      return emplace_kv_(std::forward<Args>(args)...);
    } else {
      value_type tmp(std::forward<Args>(args)...);
      return try_emplace(std::move(tmp.first), std::move(tmp.second));
    }
  }
  /// As emplace; the hint is ignored.
  template <class... Args>
  constexpr iterator emplace_hint(const_iterator /*hint*/, Args&&... args) {
    return emplace(std::forward<Args>(args)...).first;
  }

  /// If k is present, does nothing (args are not moved from) and returns
  /// {position, false}; else appends (k, V(args...)). A new key into a full
  /// map raises length_error; see try_insert for the form that reports it.
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(const K& k, Args&&... args) {
    const auto r = try_emplace_(k, std::forward<Args>(args)...);
    return {iter_(r.first), r.second};
  }
  /// As try_emplace(const K&, args...), moving k if it is new.
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(K&& k, Args&&... args) {
    const auto r = try_emplace_(std::move(k), std::forward<Args>(args)...);
    return {iter_(r.first), r.second};
  }
  /// As try_emplace(k, args...); the hint is ignored.
  template <class... Args>
  constexpr iterator try_emplace(const_iterator /*hint*/, const K& k, Args&&... args) {
    return try_emplace(k, std::forward<Args>(args)...).first;
  }
  /// As try_emplace(std::move(k), args...); the hint is ignored.
  template <class... Args>
  constexpr iterator try_emplace(const_iterator /*hint*/, K&& k, Args&&... args) {
    return try_emplace(std::move(k), std::forward<Args>(args)...).first;
  }

  /// Assigns m to the value of k if present ({position, false}), else appends
  /// (k, m) ({position, true}); a new key into a full map raises length_error.
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(const K& k, M&& m) {
    return insert_or_assign_<false>(k, std::forward<M>(m)).value();
  }
  /// As insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(K&& k, M&& m) {
    return insert_or_assign_<false>(std::move(k), std::forward<M>(m)).value();
  }

  // ---- Insertion that reports a full map (never raises) ---------------------
  /// As try_emplace(k, args...), except that a new key into a full map
  /// returns an empty optional: nothing changes, nothing is moved from.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(const K& k, Args&&... args) {
    return try_insert_(k, std::forward<Args>(args)...);
  }
  /// As try_insert(const K&, args...), moving k if it is inserted.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(K&& k, Args&&... args) {
    return try_insert_(std::move(k), std::forward<Args>(args)...);
  }
  /// As try_insert(v.first, v.second).
  [[nodiscard]] constexpr try_insert_result try_insert(const value_type& v) { return try_insert_(v.first, v.second); }
  /// As try_insert(const value_type&), moving v's key and value only if inserted.
  [[nodiscard]] constexpr try_insert_result try_insert(value_type&& v) {
    return try_insert_(std::move(v.first), std::move(v.second));
  }
  /// As insert_or_assign, except that a new key into a full map returns an
  /// empty optional (k and m are not moved from).
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(const K& k, M&& m) {
    return insert_or_assign_<true>(k, std::forward<M>(m));
  }
  /// As try_insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(K&& k, M&& m) {
    return insert_or_assign_<true>(std::move(k), std::forward<M>(m));
  }

  // ---- Erasure ---------------------------------------------------------------
  // erase is swap_erase: O(1) like std::unordered_map::erase, which promises
  // no order either; and `it = m.erase(it)` still visits every entry (the
  // returned position holds the entry moved in). shift_erase keeps the order.

  /// Removes the entry at pos in O(1) by moving the LAST entry into its
  /// place. Returns an iterator to the same position, which now holds the
  /// moved entry (or is end()). Precondition: pos is dereferenceable.
  constexpr iterator erase(const_iterator pos) { return swap_erase(pos); }
  /// As erase(const_iterator).
  constexpr iterator erase(iterator pos) { return swap_erase(const_iterator(pos)); }
  /// Removes the entry with key q, if any, as swap_erase. Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    return swap_erase(q);
  }

  /// erase(pos): O(1), the last entry moves into the hole.
  constexpr iterator swap_erase(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "IndexMap::swap_erase: iterator not dereferenceable");
    remove_swap_(i);
    return iterator(pos.k_, const_cast<V*>(pos.v_));
  }
  /// Removes the entry with key q, if any, as swap_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type swap_erase(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    remove_swap_(i);
    return 1;
  }
  /// Removes the entry at pos keeping the order of the others: O(n + slots()).
  /// Returns an iterator to the entry that followed pos.
  constexpr iterator shift_erase(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "IndexMap::shift_erase: iterator not dereferenceable");
    remove_shift_(i);
    return iterator(pos.k_, const_cast<V*>(pos.v_));
  }
  /// Removes the entry with key q, if any, as shift_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type shift_erase(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    remove_shift_(i);
    return 1;
  }
  /// Removes the last entry: O(1). Precondition: !empty().
  constexpr void pop_back() {
    HEAPLESS_ASSERT(this->size_ != 0, "IndexMap::pop_back: empty map");
    remove_swap_(this->size_ - 1u);
  }

  /// Destroys every entry and empties the index: O(n + slots()).
  constexpr void clear() noexcept { this->destroy_all_(); }

  /// Exchanges the contents (and the function objects).
  constexpr void swap(IndexMap& o) noexcept(std::is_nothrow_swappable_v<K>&& std::is_nothrow_swappable_v<V>&&
                                                 std::is_nothrow_move_constructible_v<K>&&
                                                     std::is_nothrow_move_constructible_v<V>) {
    if (this == &o) return;
    IndexMap* small = this->size_ <= o.size_ ? this : &o;
    IndexMap* large = small == this ? &o : this;
    const size_type ns = small->size_;
    const size_type nl = large->size_;
    // Entries keep their positions, so the indexes are exchanged whole (if a
    // swap or move throws, both are rebuilt from the entries).
    for (std::size_t i = 0; i < geometry_::slots; ++i) {
      const slot_type_ t = this->slots_[i];
      this->slots_[i] = o.slots_[i];
      o.slots_[i] = t;
    }
    index_guard_ guard_small{guarded_ ? small : nullptr};
    index_guard_ guard_large{guarded_ ? large : nullptr};
    using std::swap;
    swap(static_cast<detail::index_map_functions<Hash, KeyEqual>&>(*this),
         static_cast<detail::index_map_functions<Hash, KeyEqual>&>(o));
    for (size_type i = 0; i < ns; ++i) {
      swap(small->keys_data_()[i], large->keys_data_()[i]);
      if constexpr (has_values_) swap(small->values_data_()[i], large->values_data_()[i]);
    }
    for (size_type i = ns; i < nl; ++i) small->append_moved_(*large, i);
    large->destroy_tail_(ns);
    guard_small.self = nullptr;
    guard_large.self = nullptr;
  }
  friend constexpr void swap(IndexMap& a, IndexMap& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Same keys with equal values, in any order: O(n) expected.
  friend constexpr bool operator==(const IndexMap& a, const IndexMap& b) {
    if (a.size_ != b.size_) return false;
    for (size_type i = 0; i < a.size_; ++i) {
      const size_type j = b.index_of_(a.keys_data_()[i]);
      if (j == b.size_) return false;
      if constexpr (has_values_) {
        if (!(a.values_data_()[i] == b.values_data_()[j])) return false;
      }
    }
    return true;
  }
  friend constexpr bool operator!=(const IndexMap& a, const IndexMap& b) { return !(a == b); }

  template <class K2, class V2, std::size_t N2, class H2, class E2, class Pred>
  friend constexpr std::size_t erase_if(IndexMap<K2, V2, N2, H2, E2>& m, Pred pred);

 private:
  constexpr K* keys_data_() noexcept { return this->keys_.data(); }
  constexpr const K* keys_data_() const noexcept { return this->keys_.data(); }
  constexpr V* values_data_() noexcept { return this->values_.data(); }
  constexpr const V* values_data_() const noexcept { return this->values_.data(); }
  // A set's iterators all point at its one unit value.
  constexpr iterator iter_(size_type i) noexcept {
    return iterator(keys_data_() + i, values_data_() + (has_values_ ? i : 0));
  }
  constexpr const_iterator citer_(size_type i) const noexcept {
    return const_iterator(keys_data_() + i, values_data_() + (has_values_ ? i : 0));
  }
  constexpr size_type index_(const_iterator it) const noexcept {
    return static_cast<size_type>(it.k_ - keys_data_());
  }

  // ---- Hashing and the index ------------------------------------------------
  template <class Q>
  constexpr std::size_t hash_of_(const Q& q) const {
    return geometry_::mix(static_cast<std::size_t>(this->hash_fn_()(q)));
  }
  // String keys under std::equal_to compare as std::string_view: length
  // first, then the bytes inline (as LinearMap does).
  template <class Q>
  static constexpr bool string_compare_ = detail::index_map_is_std_equal_to<KeyEqual>::value &&
                                          detail::linear_map_string_key<K>::value &&
                                          std::is_convertible_v<const Q&, std::string_view>;
  template <class Q>
  constexpr bool equal_(const K& k, const Q& q) const {
    if constexpr (string_compare_<Q>) {
      return detail::linear_map_string_equal(k, std::string_view(q));
    } else {
      return static_cast<bool>(this->eq_fn_()(k, q));
    }
  }
  /// Entry of key q whose mixed hash is x, or size().
  template <class Q>
  constexpr size_type find_hashed_(const Q& q, std::size_t x) const {
    const slot_type_ tag = geometry_::tag(x);
    for (std::size_t h = geometry_::home(x);; h = (h + 1) & geometry_::mask) {
      const slot_type_ s = this->slots_[h];
      if (s == 0) return this->size_;
      if constexpr (geometry_::tagged) {
        if ((static_cast<std::size_t>(s) ^ static_cast<std::size_t>(tag)) > geometry_::entry_mask) continue;
      }
      const std::size_t e = geometry_::entry(s);
      if (equal_(keys_data_()[e], q)) return e;
    }
  }
  template <class Q>
  constexpr size_type index_of_(const Q& q) const {
    if constexpr (std::is_same_v<Q, K> || transparent_) {
      if constexpr (string_compare_<Q> && !std::is_same_v<Q, K>) {
        const std::string_view s(q);  // a `const char*` is measured once
        return find_hashed_(s, hash_of_(s));
      } else {
        return find_hashed_(q, hash_of_(q));
      }
    } else if constexpr (detail::linear_map_bitwise_key_v<K> && detail::linear_map_plain_integer_v<K> &&
                         detail::linear_map_plain_integer_v<Q>) {
      if (!detail::linear_map_representable<K>(q)) return this->size_;
      const K k = static_cast<K>(q);
      return find_hashed_(k, hash_of_(k));
    } else {
      static_assert(std::is_constructible_v<K, const Q&>,
                    "IndexMap lookup: the query type is not the key type, does not convert to it, and Hash and "
                    "KeyEqual are not both transparent");
      const K k(q);
      return find_hashed_(k, hash_of_(k));
    }
  }
  constexpr void index_add_(size_type e, std::size_t x) noexcept {
    std::size_t h = geometry_::home(x);
    while (this->slots_[h] != 0) h = (h + 1) & geometry_::mask;
    this->slots_[h] = static_cast<slot_type_>(geometry_::tag(x) | static_cast<slot_type_>(e + 1));
  }
  // The slot holding entry e (mixed hash x). Precondition: e is indexed.
  constexpr std::size_t index_slot_(size_type e, std::size_t x) const noexcept {
    std::size_t h = geometry_::home(x);
    while (geometry_::entry(this->slots_[h]) != e) h = (h + 1) & geometry_::mask;
    return h;
  }
  // Takes entry e out of the index: later slots of its probe run move back
  // into the hole where their home allows (backward-shift deletion, as in
  // LinearMap's index), so no tombstones are needed.
  constexpr void index_remove_(size_type e) {
    constexpr std::size_t mask = geometry_::mask;
    std::size_t hole = index_slot_(e, hash_of_(keys_data_()[e]));
    for (std::size_t j = (hole + 1) & mask; this->slots_[j] != 0; j = (j + 1) & mask) {
      const std::size_t home = geometry_::home(hash_of_(keys_data_()[geometry_::entry(this->slots_[j])]));
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        this->slots_[hole] = this->slots_[j];
        hole = j;
      }
    }
    this->slots_[hole] = 0;
  }
  // Entry `from` now lives at `to` (its key is keys[to]).
  constexpr void index_renumber_(size_type from, size_type to) {
    slot_type_& s = this->slots_[index_slot_(from, hash_of_(keys_data_()[to]))];
    s = static_cast<slot_type_>((static_cast<std::size_t>(s) & ~geometry_::entry_mask) | (to + 1));
  }
  constexpr void index_rebuild_() {
    this->clear_index_();
    for (size_type i = 0; i < this->size_; ++i) index_add_(i, hash_of_(keys_data_()[i]));
  }
  // Where a move may throw mid-way, the entries are then valid but partly
  // moved: the guard rebuilds the index from them. Dismissed on success.
  struct index_guard_ {
    IndexMap* self;
    HEAPLESS_CONSTEXPR20 ~index_guard_() {
      if (self != nullptr) self->index_rebuild_();
    }
  };
  static constexpr bool guarded_ = !(std::is_nothrow_move_assignable_v<K> && std::is_nothrow_move_assignable_v<V> &&
                                     std::is_nothrow_move_constructible_v<K> &&
                                     std::is_nothrow_move_constructible_v<V> && std::is_nothrow_swappable_v<K> &&
                                     std::is_nothrow_swappable_v<V>);

  // ---- Entries ----------------------------------------------------------------
  template <class A0, class A1, class... Rest>
  static constexpr bool is_key_value_pack_impl_() noexcept {
    return sizeof...(Rest) == 0 && std::is_same_v<std::remove_cv_t<std::remove_reference_t<A0>>, K> &&
           std::is_constructible_v<V, A1&&>;
  }
  template <class... Args>
  static constexpr bool is_key_value_pack_() noexcept {
    if constexpr (sizeof...(Args) >= 2) return is_key_value_pack_impl_<Args...>();
    else return false;
  }
  template <class A0, class A1>
  constexpr std::pair<iterator, bool> emplace_kv_(A0&& k, A1&& v) {
    return try_emplace(std::forward<A0>(k), std::forward<A1>(v));
  }

  struct key_rollback_ {
    IndexMap* self;
    size_type i;
    HEAPLESS_CONSTEXPR20 ~key_rollback_() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };
  // Appends (k, V(args...)) without indexing it. Precondition: not full. If
  // V's constructor throws, the new key is destroyed again: nothing changes.
  template <class KK, class... Args>
  constexpr void construct_back_(KK&& k, Args&&... args) {
    const size_type n = this->size_;
    HEAPLESS_ASSERT(n < N, "IndexMap: append to a full map");
#if HEAPLESS_CPP20
    if (HEAPLESS_IS_CONSTANT_EVALUATED() && n == 0) prefill_for_constant_evaluation_();
#endif
    this->keys_.construct(n, std::forward<KK>(k));
    if constexpr (has_values_) {
      if constexpr (std::is_nothrow_constructible_v<V, Args&&...>) {
        this->values_.construct(n, std::forward<Args>(args)...);
      } else {
        key_rollback_ guard{this, n};
        this->values_.construct(n, std::forward<Args>(args)...);
        guard.self = nullptr;
      }
    }
    ++this->size_;
  }
#if HEAPLESS_CPP20
  // Constant evaluation only: give every element a value, so that copying
  // the map (a copy of the whole storage) never reads an uninitialised
  // object, which clang rejects in constant expressions (as in LinearMap).
  constexpr void prefill_for_constant_evaluation_() {
    if constexpr (detail::is_constexpr_friendly_v<K> && std::is_default_constructible_v<K>) {
      for (size_type i = 0; i < N; ++i) this->keys_.construct(i);
    }
    if constexpr (detail::is_constexpr_friendly_v<V> && std::is_default_constructible_v<V>) {
      for (size_type i = 0; i < (has_values_ ? N : 1); ++i) this->values_.construct(i);
    }
  }
#endif
  template <class KK, class... Args>
  constexpr void append_(std::size_t x, KK&& k, Args&&... args) {
    construct_back_(std::forward<KK>(k), std::forward<Args>(args)...);
    index_add_(this->size_ - 1u, x);
  }
  // swap(): moves o's entry i to the back (the index is already exchanged).
  constexpr void append_moved_(IndexMap& o, size_type i) {
    if constexpr (has_values_) {
      construct_back_(std::move(o.keys_data_()[i]), std::move(o.values_data_()[i]));
    } else {
      construct_back_(std::move(o.keys_data_()[i]));
    }
  }

  // {entry, inserted}; raises length_error for a new key into a full map.
  template <class KK, class... Args>
  constexpr std::pair<size_type, bool> try_emplace_(KK&& k, Args&&... args) {
    const std::size_t x = hash_of_(k);
    const size_type i = find_hashed_(k, x);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::length_error, "IndexMap: full");
      append_(x, std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return {i, inserted};
  }
  template <class KK, class... Args>
  constexpr try_insert_result try_insert_(KK&& k, Args&&... args) {
    const std::size_t x = hash_of_(k);
    const size_type i = find_hashed_(k, x);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (i == N) return std::nullopt;
      append_(x, std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }
  // Report = false: a full map raises (the result is never empty).
  template <bool Report, class KK, class M>
  constexpr try_insert_result insert_or_assign_(KK&& k, M&& m) {
    const std::size_t x = hash_of_(k);
    const size_type i = find_hashed_(k, x);
    const bool inserted = i == this->size_;
    if (!inserted) {
      values_data_()[i] = std::forward<M>(m);
    } else {
      if (HEAPLESS_UNLIKELY(i == N)) {
        if constexpr (Report) return std::nullopt;
        else detail::raise(error_kind::length_error, "IndexMap: full");
      }
      append_(x, std::forward<KK>(k), std::forward<M>(m));
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }

  // The value first: if its move throws, entry dst still holds its own key,
  // so keys stay unique (swap_erase then changes nothing).
  constexpr void move_assign_(size_type dst, size_type src) {
    if constexpr (has_values_) values_data_()[dst] = std::move(values_data_()[src]);
    keys_data_()[dst] = std::move(keys_data_()[src]);
  }
  // Destroys entries [from, size()) and shrinks to `from` (the index is the caller's).
  constexpr void destroy_tail_(size_type from) noexcept {
    for (size_type i = from; i < this->size_; ++i) {
      this->keys_.destroy(i);
      if constexpr (has_values_) this->values_.destroy(i);
    }
    this->size_ = static_cast<detail::smallest_size_t<N>>(from);
  }
  constexpr void remove_swap_(size_type i) {
    const size_type last = this->size_ - 1u;
    index_remove_(i);
    if (i != last) {
      index_guard_ guard{guarded_ ? this : nullptr};
      move_assign_(i, last);
      index_renumber_(last, i);
      guard.self = nullptr;
    }
    destroy_tail_(last);
  }
  constexpr void remove_shift_(size_type i) {
    const size_type n = this->size_;
    index_remove_(i);
    index_guard_ guard{guarded_ ? this : nullptr};
    for (size_type src = i + 1; src < n; ++src) move_assign_(src - 1, src);
    destroy_tail_(n - 1);
    // Entries past the hole moved down by one.
    for (std::size_t s = 0; s < geometry_::slots; ++s) {
      const slot_type_ v = this->slots_[s];
      if (v != 0 && geometry_::entry(v) > i) this->slots_[s] = static_cast<slot_type_>(v - 1);
    }
    guard.self = nullptr;
  }
};

/// Removes every entry for which pred(entry) is true, keeping the order of
/// the others; pred receives an IndexMap::reference. Returns the number
/// removed. O(n + slots()): the index is rebuilt once.
template <class K, class V, std::size_t N, class H, class E, class Pred>
constexpr std::size_t erase_if(IndexMap<K, V, N, H, E>& m, Pred pred) {
  using size_type = std::size_t;
  const size_type n = m.size();
  size_type kept = 0;
  {
    typename IndexMap<K, V, N, H, E>::index_guard_ guard{&m};
    for (size_type i = 0; i < n; ++i) {
      if (pred(*m.iter_(i))) continue;
      if (kept != i) m.move_assign_(kept, i);
      ++kept;
    }
    m.destroy_tail_(kept);
    if (kept == n) guard.self = nullptr;
  }
  return n - kept;
}

// ---- IndexSet ------------------------------------------------------------------

/// A hash set of at most N keys, iterated in insertion order: an IndexMap
/// without values (same index, same costs, same error tiers).
template <class K, std::size_t N, class Hash, class KeyEqual>
class IndexSet {
  using map_ = IndexMap<K, detail::index_set_unit, N, Hash, KeyEqual>;

 public:
  /// Key type.
  using key_type = K;
  /// Same as key_type.
  using value_type = K;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Hash function type.
  using hasher = Hash;
  /// Key equality type.
  using key_equal = KeyEqual;
  /// Const reference to a key.
  using reference = const K&;
  /// Const reference to a key.
  using const_reference = const K&;
  /// Keys are immutable in a set: both iterators are `const K*`.
  using iterator = const K*;
  /// Pointer to a const key.
  using const_iterator = const K*;
  /// Reverse iterator (keys are read-only).
  using reverse_iterator = std::reverse_iterator<const K*>;
  /// Same as reverse_iterator.
  using const_reverse_iterator = reverse_iterator;
  /// try_insert's result: empty when the set was full (nothing changed).
  using try_insert_result = std::optional<std::pair<iterator, bool>>;

  constexpr IndexSet() noexcept = default;
  /// Empty, with these function objects (a keyed hash, say).
  constexpr explicit IndexSet(const Hash& h, const KeyEqual& eq = KeyEqual()) : m_(h, eq) {}
  /// Inserts each key; more than N distinct keys raises length_error.
  constexpr IndexSet(std::initializer_list<K> il) { insert(il.begin(), il.end()); }
  /// Inserts each key of [first, last); more than N distinct keys raises length_error.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr IndexSet(InputIt first, InputIt last) {
    insert(first, last);
  }
  /// Replaces the contents with the keys of il (as clear(), then insert(il)).
  constexpr IndexSet& operator=(std::initializer_list<K> il) {
    clear();
    insert(il.begin(), il.end());
    return *this;
  }

  /// The number of keys.
  constexpr size_type size() const noexcept { return m_.size(); }
  /// The maximum number of keys (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }
  /// Number of index slots: the smallest power of two >= 2N.
  static constexpr size_type slots() noexcept { return map_::slots(); }
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return m_.empty(); }
  /// true when size() == N: a new key would not fit.
  constexpr bool full() const noexcept { return m_.full(); }
  /// A copy of the hash function.
  constexpr hasher hash_function() const { return m_.hash_function(); }
  /// A copy of the key equality.
  constexpr key_equal key_eq() const { return m_.key_eq(); }

  /// Pointer to the first key.
  constexpr const K* begin() const noexcept { return m_.keys_data_(); }
  /// Pointer past the last key.
  constexpr const K* end() const noexcept { return m_.keys_data_() + m_.size(); }
  /// Same as begin().
  constexpr const K* cbegin() const noexcept { return begin(); }
  /// Same as end().
  constexpr const K* cend() const noexcept { return end(); }
  /// Reverse iterator to the last key.
  constexpr reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the first key.
  constexpr reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// Same as rbegin().
  constexpr reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend().
  constexpr reverse_iterator crend() const noexcept { return rend(); }
  /// The keys, contiguous, in iteration order.
  constexpr detail::linear_map_span<const K> keys() const noexcept { return m_.keys(); }
  /// The keys in iteration order; size() of them.
  constexpr const K* data() const noexcept { return m_.keys_data_(); }

  /// Iterator to the i-th key; nth(size()) == end(). Precondition: i <= size().
  constexpr const K* nth(size_type i) const noexcept {
    HEAPLESS_ASSERT(i <= m_.size(), "IndexSet::nth: index out of range");
    return m_.keys_data_() + i;
  }
  /// Position of key q in iteration order, or an empty optional. O(1) expected.
  template <class Q = K>
  constexpr std::optional<size_type> index_of(const Q& q) const {
    return m_.index_of(q);
  }
  /// Precondition: !empty().
  constexpr const K& front() const noexcept { return m_.front().first; }
  /// The last key. Precondition: !empty().
  constexpr const K& back() const noexcept { return m_.back().first; }

  /// Pointer to key q, or end(). O(1) expected.
  template <class Q = K>
  constexpr const K* find(const Q& q) const {
    return m_.keys_data_() + m_.index_of_(q);
  }
  /// true when key q is present. O(1) expected.
  template <class Q = K>
  constexpr bool contains(const Q& q) const {
    return m_.contains(q);
  }
  /// 1 if key q is present, else 0.
  template <class Q = K>
  constexpr size_type count(const Q& q) const {
    return m_.count(q);
  }

  /// Inserts k unless present: {position, inserted}; a new key into a full
  /// set raises length_error.
  constexpr std::pair<iterator, bool> insert(const K& k) { return wrap_(m_.try_emplace_(k)); }
  /// As insert(const K&), moving k if it is new.
  constexpr std::pair<iterator, bool> insert(K&& k) { return wrap_(m_.try_emplace_(std::move(k))); }
  /// As insert(k); the hint is ignored.
  constexpr iterator insert(const_iterator /*hint*/, const K& k) { return insert(k).first; }
  /// As insert(std::move(k)); the hint is ignored.
  constexpr iterator insert(const_iterator /*hint*/, K&& k) { return insert(std::move(k)).first; }
  /// Inserts each key in turn; on overflow the ones before stay inserted and length_error is raised.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) insert(*first);
  }
  /// Inserts each key of il in turn (see insert(first, last)).
  constexpr void insert(std::initializer_list<K> il) { insert(il.begin(), il.end()); }
  /// Inserts K(args...) unless present (a K is always constructed first).
  template <class... Args>
  constexpr std::pair<iterator, bool> emplace(Args&&... args) {
    return insert(K(std::forward<Args>(args)...));
  }
  /// As emplace; the hint is ignored.
  template <class... Args>
  constexpr iterator emplace_hint(const_iterator /*hint*/, Args&&... args) {
    return emplace(std::forward<Args>(args)...).first;
  }
  /// As insert, except that a new key into a full set returns an empty
  /// optional: nothing changes, k is not moved from.
  [[nodiscard]] constexpr try_insert_result try_insert(const K& k) { return wrap_(m_.try_insert_(k)); }
  /// As try_insert(const K&), moving k only if it is inserted.
  [[nodiscard]] constexpr try_insert_result try_insert(K&& k) { return wrap_(m_.try_insert_(std::move(k))); }

  /// erase is swap_erase (O(1), the last key moves into the hole; see IndexMap).
  constexpr iterator erase(const_iterator pos) { return swap_erase(pos); }
  /// Removes key q, if present, as swap_erase. Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    return m_.swap_erase(q);
  }
  /// Removes the key at pos; the last key moves into its place. Returns pos. O(1). Precondition: pos is dereferenceable.
  constexpr iterator swap_erase(const_iterator pos) {
    const size_type i = static_cast<size_type>(pos - m_.keys_data_());
    HEAPLESS_ASSERT(i < m_.size(), "IndexSet::swap_erase: iterator not dereferenceable");
    m_.remove_swap_(i);
    return pos;
  }
  /// Removes key q, if present, as swap_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type swap_erase(const Q& q) {
    return m_.swap_erase(q);
  }
  /// Keeps the order of the others: O(n + slots()).
  constexpr iterator shift_erase(const_iterator pos) {
    const size_type i = static_cast<size_type>(pos - m_.keys_data_());
    HEAPLESS_ASSERT(i < m_.size(), "IndexSet::shift_erase: iterator not dereferenceable");
    m_.remove_shift_(i);
    return pos;
  }
  /// Removes key q, if present, as shift_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type shift_erase(const Q& q) {
    return m_.shift_erase(q);
  }
  /// Precondition: !empty().
  constexpr void pop_back() { m_.pop_back(); }
  /// Removes every key.
  constexpr void clear() noexcept { m_.clear(); }
  /// Exchanges the contents (and the function objects), as IndexMap::swap.
  constexpr void swap(IndexSet& o) noexcept(noexcept(std::declval<map_&>().swap(std::declval<map_&>()))) {
    m_.swap(o.m_);
  }
  friend constexpr void swap(IndexSet& a, IndexSet& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Every key of *this is in o. O(n) expected.
  template <std::size_t M>
  constexpr bool is_subset(const IndexSet<K, M, Hash, KeyEqual>& o) const {
    if (size() > o.size()) return false;
    for (const K& k : *this) {
      if (!o.contains(k)) return false;
    }
    return true;
  }
  /// Every key of o is in *this. O(n) expected.
  template <std::size_t M>
  constexpr bool is_superset(const IndexSet<K, M, Hash, KeyEqual>& o) const {
    return o.is_subset(*this);
  }

  /// Same keys, in any order.
  friend constexpr bool operator==(const IndexSet& a, const IndexSet& b) { return a.m_ == b.m_; }
  friend constexpr bool operator!=(const IndexSet& a, const IndexSet& b) { return !(a == b); }

  template <class K2, std::size_t N2, class H2, class E2, class Pred>
  friend constexpr std::size_t erase_if(IndexSet<K2, N2, H2, E2>& s, Pred pred);

 private:
  template <class, std::size_t, class, class>
  friend class IndexSet;
  constexpr std::pair<iterator, bool> wrap_(std::pair<size_type, bool> r) const noexcept {
    return {m_.keys_data_() + r.first, r.second};
  }
  constexpr try_insert_result wrap_(typename map_::try_insert_result r) const noexcept {
    if (!r) return std::nullopt;
    return std::pair<iterator, bool>(&(*r->first).first, r->second);
  }
  map_ m_;
};

/// Removes every key for which pred(key) is true, keeping the order of the
/// others. Returns the number removed. O(n + slots()).
template <class K, std::size_t N, class H, class E, class Pred>
constexpr std::size_t erase_if(IndexSet<K, N, H, E>& s, Pred pred) {
  return erase_if(s.m_, [&pred](const auto& entry) { return static_cast<bool>(pred(entry.first)); });
}

// ---- Set algebra: results keep the order of a, then of b ------------------------
// Each appends to `out` (which the caller clears first if wanted; out must
// not be a or b); a key that does not fit raises length_error from insert.

/// Keys of a, then keys of b not in a.
template <class K, std::size_t NA, std::size_t NB, std::size_t NO, class H, class E>
constexpr void set_union(const IndexSet<K, NA, H, E>& a, const IndexSet<K, NB, H, E>& b, IndexSet<K, NO, H, E>& out) {
  for (const K& k : a) out.insert(k);
  for (const K& k : b) out.insert(k);
}
/// Keys of a that are in b, in a's order.
template <class K, std::size_t NA, std::size_t NB, std::size_t NO, class H, class E>
constexpr void set_intersection(const IndexSet<K, NA, H, E>& a, const IndexSet<K, NB, H, E>& b,
                                IndexSet<K, NO, H, E>& out) {
  for (const K& k : a) {
    if (b.contains(k)) out.insert(k);
  }
}
/// Keys of a that are not in b, in a's order.
template <class K, std::size_t NA, std::size_t NB, std::size_t NO, class H, class E>
constexpr void set_difference(const IndexSet<K, NA, H, E>& a, const IndexSet<K, NB, H, E>& b,
                              IndexSet<K, NO, H, E>& out) {
  for (const K& k : a) {
    if (!b.contains(k)) out.insert(k);
  }
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_INDEX_MAP_HPP

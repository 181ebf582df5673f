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
// IndexMapRef<K, V, Hash, KeyEqual> is a capacity-erased handle to an
// IndexMap of any N; IndexMapRef<K, const V, ...> is the read-only one. Both
// run IndexMap's own members and algorithms (map_members, index_map_members,
// detail::map_algo); docs/views.md. IndexSet and IndexSetRef are defined in
// heapless/index_set.hpp, which this header includes at its end.
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


#include <heapless/detail/compare.hpp>  // std::equal_to<> without the rest of <functional>
#include <heapless/detail/config.hpp>   // HEAPLESS_UNLIKELY, HEAPLESS_CONSTEXPR20
#include <heapless/detail/error.hpp>    // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/size.hpp>     // detail::smallest_size_t
#include <heapless/detail/storage.hpp>  // detail::uninit_array, detail::copy_gate
#include <heapless/linear_map.hpp>      // the entry iterators and spans; detail helpers of the key search

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
template <class K, class V, class Hash = hash<K>, class KeyEqual = std::equal_to<>>
class IndexMapRef;
template <class K, class Hash = hash<std::remove_const_t<K>>, class KeyEqual = std::equal_to<>>
class IndexSetRef;
template <class D, class K, class Hash, class KeyEqual>
class index_set_members;

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
inline constexpr bool index_map_has_values_v = map_has_values_v<V>;

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

/// IndexMapRef's search: the owner's (through the table) for the key type,
/// a type that converts to it, integers, and (Hash and KeyEqual transparent)
/// strings; another transparent query compares every key with KeyEqual.
template <class K, class H, class E>
struct index_map_ref_lookup : map_ref_lookup_base<K> {
  static constexpr bool transparent = index_map_transparent<H, E>::value;
  template <class C, class Q>
  static std::size_t find(const C& c, const Q& q) {
    if constexpr (transparent && linear_map_string_key<K>::value && std::is_convertible_v<const Q&, std::string_view>) {
      return c.ops_->find_string(c.map_, std::string_view(q));
    } else if constexpr (std::is_same_v<Q, K> || !transparent) {
      return map_ref_lookup_base<K>::by_key(c, q);
    } else {
      const auto& f = *static_cast<const index_map_functions<H, E>*>(c.ops_->functions(c.map_));
      const std::size_t n = c.mc_size();
      for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<bool>(f.eq_fn_()(c.mc_keys()[i], q))) return i;
      }
      return n;
    }
  }
  [[noreturn]] static void full() { raise(error_kind::length_error, "IndexMapRef: full"); }
  [[noreturn]] static void no_key() { raise(error_kind::out_of_range, "IndexMapRef::at: no such key"); }
};

}  // namespace detail

/// IndexMap's positional and erasure members, shared with IndexMapRef (a
/// base of both; D is the map or view).
template <class D, class K, class V>
class index_map_members : public map_members<D, K, V> {
  using base_ = map_members<D, K, V>;
  using algo_ = detail::map_algo<K, std::remove_const_t<V>>;
  // erase(iterator) exists where iterator is not const_iterator.
  struct no_iterator_ {
    explicit no_iterator_() = default;
  };
  using mutable_iterator_ = std::conditional_t<std::is_const_v<V>, no_iterator_, typename base_::iterator>;

 public:
  using typename base_::const_iterator;
  using typename base_::const_reference;
  using typename base_::iterator;
  using typename base_::reference;
  using typename base_::size_type;

  // ---- Positions ---------------------------------------------------------------
  /// Iterator to the i-th entry in iteration order; nth(size()) == end().
  /// Precondition: i <= size(). O(1).
  constexpr iterator nth(size_type i) noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(i <= c.mc_size(), "IndexMap::nth: index out of range");
    return base_::iter_(c, i);
  }
  /// As nth(i), read-only. Precondition: i <= size().
  constexpr const_iterator nth(size_type i) const noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(i <= c.mc_size(), "IndexMap::nth: index out of range");
    return base_::citer_(c, i);
  }
  /// Position of key q in iteration order, or an empty optional. O(1) expected.
  template <class Q = K>
  constexpr std::optional<size_type> index_of(const Q& q) const {
    auto&& c = this->d_().mc_core();
    const size_type i = c.mc_find(q);
    if (i == c.mc_size()) return std::nullopt;
    return i;
  }
  /// The first entry. Precondition: !empty().
  constexpr reference front() noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(c.mc_size() != 0, "IndexMap::front: empty map");
    return *base_::iter_(c, 0);
  }
  /// The first entry, read-only. Precondition: !empty().
  constexpr const_reference front() const noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(c.mc_size() != 0, "IndexMap::front: empty map");
    return *base_::citer_(c, 0);
  }
  /// The last entry. Precondition: !empty().
  constexpr reference back() noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(c.mc_size() != 0, "IndexMap::back: empty map");
    return *base_::iter_(c, c.mc_size() - 1u);
  }
  /// The last entry, read-only. Precondition: !empty().
  constexpr const_reference back() const noexcept {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(c.mc_size() != 0, "IndexMap::back: empty map");
    return *base_::citer_(c, c.mc_size() - 1u);
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
  constexpr iterator erase(mutable_iterator_ pos) { return swap_erase(const_iterator(pos)); }
  /// Removes the entry with key q, if any, as swap_erase. Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    return swap_erase(q);
  }
  /// erase(pos): O(1), the last entry moves into the hole.
  constexpr iterator swap_erase(const_iterator pos) {
    auto&& c = this->d_().mc_core();
    const size_type i = base_::index_(c, pos);
    HEAPLESS_ASSERT(i < c.mc_size(), "IndexMap::swap_erase: iterator not dereferenceable");
    algo_::remove_swap(c, i);
    return base_::position_(c, pos, i);
  }
  /// Removes the entry with key q, if any, as swap_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type swap_erase(const Q& q) {
    auto&& c = this->d_().mc_core();
    const size_type i = c.mc_find(q);
    if (i == c.mc_size()) return 0;
    algo_::remove_swap(c, i);
    return 1;
  }
  /// Removes the entry at pos keeping the order of the others: O(n + slots()).
  /// Returns an iterator to the entry that followed pos.
  constexpr iterator shift_erase(const_iterator pos) {
    auto&& c = this->d_().mc_core();
    const size_type i = base_::index_(c, pos);
    HEAPLESS_ASSERT(i < c.mc_size(), "IndexMap::shift_erase: iterator not dereferenceable");
    algo_::erase_shift(c, i, i + 1);
    return base_::position_(c, pos, i);
  }
  /// Removes the entry with key q, if any, as shift_erase(pos). Returns 0 or 1.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type shift_erase(const Q& q) {
    auto&& c = this->d_().mc_core();
    const size_type i = c.mc_find(q);
    if (i == c.mc_size()) return 0;
    algo_::erase_shift(c, i, i + 1);
    return 1;
  }
  /// Removes the last entry: O(1). Precondition: !empty().
  constexpr void pop_back() {
    auto&& c = this->d_().mc_core();
    HEAPLESS_ASSERT(c.mc_size() != 0, "IndexMap::pop_back: empty map");
    algo_::remove_swap(c, c.mc_size() - 1u);
  }

  // erase_if(map, pred) (a free function of this header) runs this.
  template <class Pred>
  static constexpr size_type erase_if_(D& m, Pred& pred) {
    auto&& c = m.mc_core();
    return algo_::erase_if(c, pred, [&c](size_type i) -> reference { return *base_::iter_(c, i); });
  }
};

/// A hash map of at most N entries, iterated in insertion order.
/// K needs Hash and KeyEqual; K and V need to be move-constructible and
/// move-assignable. Hash(k) must equal Hash(q) whenever KeyEqual(k, q).
/// The members not listed here (size, iteration, positions, lookup,
/// insertion, erasure) are shared with IndexMapRef (index_map_members).
template <class K, class V, std::size_t N, class Hash, class KeyEqual>
class IndexMap
    : public index_map_members<IndexMap<K, V, N, Hash, KeyEqual>, K, V>,
      private detail::index_map_storage<K, V, N, Hash, KeyEqual>,
      private detail::copy_gate<detail::index_map_copyable_v<K, V>> {
  static_assert(N > 0, "IndexMap needs a capacity of at least 1");
  static_assert(!std::is_reference_v<K> && !std::is_reference_v<V>, "IndexMap stores objects, not references");
  static_assert(!std::is_const_v<K> && !std::is_const_v<V>,
                "IndexMap<const K, ...>: keys are never mutable through the map anyway; drop the const");

  using base_ = detail::index_map_storage<K, V, N, Hash, KeyEqual>;
  using api_ = index_map_members<IndexMap, K, V>;
  using algo_ = detail::map_algo<K, V>;
  using geometry_ = detail::index_map_geometry<K, N>;
  using slot_type_ = typename geometry_::slot_type;
  static constexpr bool has_values_ = detail::index_map_has_values_v<V>;
  static constexpr bool transparent_ = detail::index_map_transparent<Hash, KeyEqual>::value;

  template <class, std::size_t, class, class>
  friend class IndexSet;
  template <class, class, class, class>
  friend class index_set_members;

 public:
  using typename api_::const_iterator;
  using typename api_::iterator;
  using typename api_::size_type;
  using typename api_::try_insert_result;
  using typename api_::value_type;
  /// Hash function type.
  using hasher = Hash;
  /// Key equality type.
  using key_equal = KeyEqual;

  // ---- Construction ----------------------------------------------------------
  /// Empty; constant-initialised when static; zeroes the index (slots()
  /// entries), touches no element storage.
  constexpr IndexMap() noexcept = default;
  /// Empty, with these function objects (a keyed hash, say).
  constexpr explicit IndexMap(const Hash& h, const KeyEqual& eq = KeyEqual()) : base_(h, eq) {}
  /// Inserts each entry; a repeated key keeps its first value. More than N
  /// distinct keys: raises length_error.
  constexpr IndexMap(std::initializer_list<value_type> il) : IndexMap() { this->insert(il.begin(), il.end()); }
  /// Inserts each element of [first, last); a repeated key keeps its first value. More than N distinct keys: raises length_error.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr IndexMap(InputIt first, InputIt last) : IndexMap() {
    this->insert(first, last);
  }
  /// Replaces the contents with the entries of il (as clear(), then insert(il)).
  constexpr IndexMap& operator=(std::initializer_list<value_type> il) {
    this->clear();
    this->insert(il.begin(), il.end());
    return *this;
  }

  // ---- Capacity --------------------------------------------------------------
  /// The maximum number of entries (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }
  /// Number of index slots: the smallest power of two >= 2N.
  static constexpr size_type slots() noexcept { return geometry_::slots; }
  /// A copy of the hash function.
  constexpr hasher hash_function() const { return this->hash_fn_(); }
  /// A copy of the key equality.
  constexpr key_equal key_eq() const { return this->eq_fn_(); }

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
    for (size_type i = ns; i < nl; ++i) {
      if constexpr (has_values_) {
        algo_::construct_back(*small, std::move(large->keys_data_()[i]), std::move(large->values_data_()[i]));
      } else {
        algo_::construct_back(*small, std::move(large->keys_data_()[i]));
      }
    }
    algo_::destroy_tail(*large, ns);
    guard_small.c = nullptr;
    guard_large.c = nullptr;
  }
  /// As a.swap(b).
  friend constexpr void swap(IndexMap& a, IndexMap& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Same keys with equal values, in any order: O(n) expected.
  friend constexpr bool operator==(const IndexMap& a, const IndexMap& b) { return algo_::equal(a, b); }
  /// !(a == b).
  friend constexpr bool operator!=(const IndexMap& a, const IndexMap& b) { return !(a == b); }

 private:
  template <class, class, class>
  friend class map_members;
  template <class, class, class>
  friend class index_map_members;
  template <class, class>
  friend struct detail::map_algo;
  template <class>
  friend struct detail::map_ref_thunks;

  constexpr K* keys_data_() noexcept { return this->keys_.data(); }
  constexpr const K* keys_data_() const noexcept { return this->keys_.data(); }
  constexpr V* values_data_() noexcept { return this->values_.data(); }
  constexpr const V* values_data_() const noexcept { return this->values_.data(); }

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
  static constexpr bool guarded_ = !(std::is_nothrow_move_assignable_v<K> && std::is_nothrow_move_assignable_v<V> &&
                                     std::is_nothrow_move_constructible_v<K> &&
                                     std::is_nothrow_move_constructible_v<V> && std::is_nothrow_swappable_v<K> &&
                                     std::is_nothrow_swappable_v<V>);
  using index_guard_ = typename algo_::template index_guard<IndexMap>;

  // ---- The core (detail::map_algo's storage interface) -------------------------
  constexpr IndexMap& mc_core() noexcept { return *this; }
  constexpr const IndexMap& mc_core() const noexcept { return *this; }
  constexpr K* mc_keys() noexcept { return keys_data_(); }
  constexpr const K* mc_keys() const noexcept { return keys_data_(); }
  constexpr V* mc_values() noexcept { return values_data_(); }
  constexpr const V* mc_values() const noexcept { return values_data_(); }
  constexpr size_type mc_size() const noexcept { return this->size_; }
  constexpr void mc_set_size(size_type n) noexcept { this->size_ = static_cast<detail::smallest_size_t<N>>(n); }
  static constexpr size_type mc_cap() noexcept { return N; }
  template <class Q>
  constexpr size_type mc_find(const Q& q) const {
    return index_of_(q);
  }
  template <class KK>
  constexpr detail::map_probe mc_probe(const KK& k) const {
    const std::size_t x = hash_of_(k);
    return {find_hashed_(k, x), x};
  }
  constexpr void mc_added(const detail::map_probe& p, size_type e) noexcept { index_add_(e, p.x); }
  static constexpr bool mc_indexed() noexcept { return true; }
  static constexpr bool mc_guarded() noexcept { return guarded_; }
  // Takes entry e out of the index: later slots of its probe run move back
  // into the hole where their home allows (backward-shift deletion, as in
  // LinearMap's index), so no tombstones are needed.
  constexpr void mc_index_remove(size_type e) {
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
  constexpr void mc_index_renumber(size_type from, size_type to) {
    slot_type_& s = this->slots_[index_slot_(from, hash_of_(keys_data_()[to]))];
    s = static_cast<slot_type_>((static_cast<std::size_t>(s) & ~geometry_::entry_mask) | (to + 1));
  }
  // Entries from l on moved down by `by`.
  constexpr void mc_index_shift(size_type l, size_type by) noexcept {
    for (std::size_t s = 0; s < geometry_::slots; ++s) {
      const slot_type_ v = this->slots_[s];
      if (v != 0 && geometry_::entry(v) >= l) this->slots_[s] = static_cast<slot_type_>(v - by);
    }
  }
  constexpr void mc_index_rebuild() {
    this->clear_index_();
    for (size_type i = 0; i < this->size_; ++i) index_add_(i, hash_of_(keys_data_()[i]));
  }
  constexpr void mc_tag_move(size_type, size_type) noexcept {}
  template <class... Args>
  constexpr void mc_construct_key(size_type i, Args&&... args) {
    this->keys_.construct(i, std::forward<Args>(args)...);
  }
  template <class... Args>
  constexpr void mc_construct_value(size_type i, Args&&... args) {
    this->values_.construct(i, std::forward<Args>(args)...);
  }
  constexpr void mc_destroy_key(size_type i) noexcept { this->keys_.destroy(i); }
  constexpr void mc_destroy_value(size_type i) noexcept { this->values_.destroy(i); }
  constexpr void mc_before_append([[maybe_unused]] size_type n) {
#if HEAPLESS_CPP20
    if (HEAPLESS_IS_CONSTANT_EVALUATED() && n == 0) prefill_for_constant_evaluation_();
#endif
  }
  constexpr void mc_clear() noexcept { this->destroy_all_(); }
  [[noreturn]] static void mc_full() { detail::raise(error_kind::length_error, "IndexMap: full"); }
  [[noreturn]] static void mc_no_key() { detail::raise(error_kind::out_of_range, "IndexMap::at: no such key"); }
  // What a view reaches through its table.
  static constexpr bool mc_string_lookup = transparent_ && detail::linear_map_string_key<K>::value;
  constexpr void* mc_size_ptr() noexcept { return &this->size_; }
  static constexpr unsigned char mc_size_width() noexcept { return sizeof(detail::smallest_size_t<N>); }
  static constexpr size_type mc_slots() noexcept { return geometry_::slots; }
  const void* mc_functions() const noexcept {
    return &static_cast<const detail::index_map_functions<Hash, KeyEqual>&>(*this);
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
};

/// Removes every entry for which pred(entry) is true, keeping the order of
/// the others; pred receives an IndexMap::reference. Returns the number
/// removed. O(n + slots()): the index is rebuilt once.
template <class K, class V, std::size_t N, class H, class E, class Pred>
constexpr std::size_t erase_if(IndexMap<K, V, N, H, E>& m, Pred pred) {
  return IndexMap<K, V, N, H, E>::erase_if_(m, pred);
}

// ---- Capacity erasure: IndexMapRef<K, V, Hash, KeyEqual> ---------------------------

/// A non-owning handle to an IndexMap<K, V, N, Hash, KeyEqual> of any
/// capacity N: one non-template function can fill and search maps of
/// different sizes. Built on demand (implicit at a call): a pointer to the
/// map and a pointer to a table of constants and functions for that map type
/// (16 bytes on 64-bit hosts, 8 on Cortex-M); valid while the map lives and
/// is not moved. It has IndexMap's whole API except what concerns the
/// capacity itself and swap: size, iteration, nth / index_of / front / back,
/// find / contains / count / at / operator[], every insert, emplace,
/// try_emplace, insert_or_assign and their try_ forms, erase / swap_erase /
/// shift_erase (position, key), pop_back, erase_if, clear, hash_function,
/// key_eq, == and !=. Each member runs the algorithm IndexMap's member runs
/// (detail::map_algo), with IndexMap's errors and guarantees. A lookup by
/// key goes to the map's own hash search through one indirect call; so do
/// string queries when Hash and KeyEqual are transparent. Any other
/// heterogeneous query (transparent Hash and KeyEqual, a type that is not
/// a string and does not convert to K) compares every key with KeyEqual: O(n).
///
/// IndexMapRef<K, const V, Hash, KeyEqual> is the read-only view: it
/// converts from a const IndexMap, an IndexMap and an IndexMapRef<K, V, ...>,
/// and offers size, iteration, positions, lookup and comparison; a
/// modifying member does not compile. A `const IndexMapRef` is read-only
/// too (take the view by value to modify through it).
template <class K, class V, class Hash, class KeyEqual>
class IndexMapRef : public index_map_members<IndexMapRef<K, V, Hash, KeyEqual>, K, V> {
  using VM = std::remove_const_t<V>;
  using api_ = index_map_members<IndexMapRef, K, V>;
  using algo_ = detail::map_algo<K, VM>;
  using core_type = detail::map_ref_core<K, V, detail::index_map_ref_lookup<K, Hash, KeyEqual>>;
  using ops_type = detail::map_ref_ops<K, VM>;
  using functions_type = detail::index_map_functions<Hash, KeyEqual>;
  template <std::size_t N>
  using owner_ = IndexMap<K, VM, N, Hash, KeyEqual>;
  static_assert(!std::is_const_v<K>,
                "IndexMapRef<const K, V>: keys are never mutable; use IndexMapRef<K, const V> for a read-only view");

 public:
  using typename api_::size_type;
  /// Hash function type.
  using hasher = Hash;
  /// Key equality type.
  using key_equal = KeyEqual;

  /// Refers to m (implicit, so an IndexMap<K, V, N, Hash, KeyEqual>& converts at a call).
  template <std::size_t N>
  IndexMapRef(owner_<N>& m) noexcept  // NOLINT: implicit on purpose
      : map_(&m), ops_(&detail::map_ref_thunks<owner_<N>>::ops) {}
  /// Read-only view of a const IndexMap (IndexMapRef<K, const V, ...> only).
  template <std::size_t N, class U = V, std::enable_if_t<std::is_const_v<U>, int> = 0>
  IndexMapRef(const owner_<N>& m) noexcept  // NOLINT: implicit on purpose
      : map_(const_cast<owner_<N>*>(&m)), ops_(&detail::map_ref_thunks<owner_<N>>::ops) {}
  /// An IndexMapRef<K, V, ...> converts to the read-only IndexMapRef<K, const V, ...>.
  template <class U = V, std::enable_if_t<std::is_const_v<U>, int> = 0>
  IndexMapRef(const IndexMapRef<K, VM, Hash, KeyEqual>& other) noexcept  // NOLINT: implicit on purpose
      : map_(other.map_), ops_(other.ops_) {}

  /// The map's N.
  size_type capacity() const noexcept { return ops_->cap; }
  /// Same as capacity().
  size_type max_size() const noexcept { return ops_->cap; }
  /// The map's number of index slots (the smallest power of two >= 2N).
  size_type slots() const noexcept { return ops_->slots; }
  /// A copy of the map's hash function.
  hasher hash_function() const { return functions_().hash_fn_(); }
  /// A copy of the map's key equality.
  key_equal key_eq() const { return functions_().eq_fn_(); }

  /// Same keys with equal values, in any order (the maps' capacities may
  /// differ; an IndexMap converts).
  friend bool operator==(const IndexMapRef& a, const IndexMapRef& b) { return algo_::equal(a.mc_core(), b.mc_core()); }
  /// !(a == b).
  friend bool operator!=(const IndexMapRef& a, const IndexMapRef& b) { return !(a == b); }

 private:
  template <class, class, class>
  friend class map_members;
  template <class, class, class>
  friend class index_map_members;
  template <class, class, class, class>
  friend class IndexMapRef;
  template <class, class, class>
  friend class IndexSetRef;
  template <class, class, class, class>
  friend class index_set_members;

  const functions_type& functions_() const noexcept {
    return *static_cast<const functions_type*>(ops_->functions(map_));
  }
  core_type mc_core() const noexcept {
    const auto p = ops_->parts(map_);
    return core_type{p.keys, p.values, p.size, p.width, map_, ops_};
  }

  void* map_;
  const ops_type* ops_;
};

/// As erase_if(IndexMap&, pred), through a view.
template <class K, class V, class H, class E, class Pred>
std::size_t erase_if(IndexMapRef<K, V, H, E> m, Pred pred) {
  return IndexMapRef<K, V, H, E>::erase_if_(m, pred);
}

HEAPLESS_NAMESPACE_END

// IndexSet and IndexSetRef: the set built on this map.
#include <heapless/index_set.hpp>  // NOLINT: at the end on purpose, after IndexMap is complete

#endif  // HEAPLESS_INDEX_MAP_HPP

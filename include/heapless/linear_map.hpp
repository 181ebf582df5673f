// SPDX-License-Identifier: BSL-1.0
// heapless/linear_map.hpp - LinearMap<K, V, N>: a map of at most N entries in
// the object itself, with its keys in one unsorted array. A lookup takes the
// fastest of five searches that suits the key type and N: a hash index of
// entry numbers, a whole-array SIMD compare, a chunked SIMD scan, a scan of
// one-byte tags, or the plain loop (detail/linear_map_scan.hpp). The small
// table firmware is full of (configuration, handlers by id, sensor
// registries), where a tree or a hash table costs more than it saves.
//
//   heapless::LinearMap<int, const char*, 8> names;  // no heap, ever
//   names[3] = "three";                              // std::map spelling
//   if (!names.try_insert(4, "four")) { /* full: nothing changed */ }
//   for (auto& [id, name] : names) printf("%d=%s\n", id, name);
//   names.erase(3);                                  // O(1): moves the last entry into the hole
//
// Layout: structure of arrays. Keys live in one contiguous array, values in
// another, then the length in the smallest unsigned type that holds N:
// sizeof(LinearMap<int, int, 4>) == 36. String keys with N >= 8 add one tag
// byte per entry (at least 16): sizeof(LinearMap<String<15>, int, 16>) ==
// 16*16 + 16*4 + 16 + 1 -> 340. Integer keys of 2 to 8 bytes add a hash
// index of entry numbers (a power of two of slots, >= 4N up to N = 32, >= 2N
// above) from 32 bytes of keys (int: N >= 8) except on microcontrollers, and
// over 128 bytes of keys (int: N > 32) everywhere:
// sizeof(LinearMap<int, int, 64>) == 256 + 256 + 128 + 1 -> 644, and
// LinearMap<int, int, 8> is 100 bytes on x86-64, 68 on Cortex-M. A lookup
// touches only keys (and tags or index): indexed maps hash the key, smaller
// integer maps are compared 16 bytes at a time with SSE2 on x86-64, string
// keys 16 tags at a time; a plain loop elsewhere
// (detail/linear_map_scan.hpp).
//
// Complexity: find / at / contains / count / operator[] / insert / erase(key)
// O(n) comparisons of keys (O(1) expected with an index); erase(iterator)
// O(1); erase_stable O(n); operator== O(n^2) (O(n) expected with an index).
// No operation allocates.
//
// Order: iteration is insertion order until an erase: erase moves the LAST
// entry into the hole (O(1)); erase_stable and erase_if keep the order.
//
// Elements: iteration yields a proxy `std::pair<const K&, V&>` (the C++23
// std::flat_map design): `it->first`, `it->second`, `(*it).second = v` and
// `for (auto& [k, v] : map)` work; see "Iterators" below for the details.
//
// Errors (docs/design.md): a new key into a full map through a plain form
// (insert, emplace, try_emplace, insert_or_assign, operator[]) raises
// length_error; at() on a missing key raises out_of_range; try_insert and
// try_insert_or_assign report a full map by returning an empty optional,
// change nothing and leave their arguments untouched.
//
// LinearMapRef<K, V> (end of this header) is a capacity-erased handle to a
// LinearMap<K, V, N> of any N, for non-template functions that fill and
// search maps; LinearMapRef<K, const V> is the read-only one. Both run
// LinearMap's own members and algorithms (map_members, linear_map_members,
// detail::map_algo); docs/views.md.
//
// Threads/ISRs: no internal synchronisation; like std containers, concurrent
// const access is safe, anything else needs the caller's lock.
#ifndef HEAPLESS_LINEAR_MAP_HPP
#define HEAPLESS_LINEAR_MAP_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <cstdint>           // std::uint8_t...std::uint64_t: a view's access to the length
#include <initializer_list>  // LinearMap{{k, v}, ...}
#include <optional>          // try_insert's result: empty when the map is full
#include <string_view>       // string keys are searched as std::string_view
#include <type_traits>       // storage and overload selection
#include <utility>           // std::pair (value_type, reference), std::move, std::swap

#include <heapless/detail/config.hpp>           // HEAPLESS_CONSTEXPR20, HEAPLESS_UNLIKELY, HEAPLESS_ALWAYS_INLINE
#include <heapless/detail/error.hpp>            // detail::raise, HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>         // iterator tags, std::reverse_iterator, iterator_traits
#include <heapless/detail/linear_map_scan.hpp>  // detail::linear_find
#include <heapless/detail/size.hpp>             // detail::smallest_size_t
#include <heapless/detail/storage.hpp>          // detail::uninit_array, detail::copy_gate

// Thin wrappers that turn an index into an iterator: always inline, so that
// what the compiler may keep out of line is the search, which returns an
// index in a register, never a two-pointer iterator through memory.
#define HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER constexpr HEAPLESS_ALWAYS_INLINE

HEAPLESS_NAMESPACE_BEGIN

template <class K, class V, std::size_t N>
class LinearMap;
template <class K, class V, std::size_t N, class Hash, class KeyEqual>
class IndexMap;  // heapless/index_map.hpp: the same entry layout and iterators
template <class K, class V>
class LinearMapRef;
template <class D, class K, class V>
class map_members;

namespace detail {

// ---- Iterators -------------------------------------------------------------
// The entries are not stored as pairs, so dereferencing builds a pair of
// references. operator* returns it as a *const prvalue*: `auto&` then deduces
// `const std::pair<const K&, V&>&`, which binds to the temporary, so
// `for (auto& [k, v] : map)` compiles (it does not for C++23 std::flat_map).
// Constness of the pair is shallow: `second` stays a `V&`.
template <class R>
struct linear_map_arrow {
  R ref;
  constexpr const R* operator->() const noexcept { return &ref; }
};

template <class K, class VV>
class linear_map_iterator {
 public:
  using value_type = std::pair<K, std::remove_const_t<VV>>;
  using reference = const std::pair<const K&, VV&>;
  using pointer = linear_map_arrow<reference>;
  using difference_type = std::ptrdiff_t;
  using iterator_category = std::random_access_iterator_tag;

  constexpr linear_map_iterator() noexcept = default;
  /// iterator -> const_iterator.
  template <class W, std::enable_if_t<std::is_same_v<const W, VV> && !std::is_same_v<W, VV>, int> = 0>
  constexpr linear_map_iterator(const linear_map_iterator<K, W>& o) noexcept  // NOLINT: implicit like std
      : k_(o.k_), v_(o.v_) {}

  constexpr reference operator*() const noexcept { return reference(*k_, *v_); }
  constexpr pointer operator->() const noexcept { return pointer{**this}; }
  constexpr reference operator[](difference_type n) const noexcept { return reference(k_[n], v_[n]); }

  constexpr linear_map_iterator& operator++() noexcept {
    ++k_;
    ++v_;
    return *this;
  }
  constexpr linear_map_iterator operator++(int) noexcept {
    linear_map_iterator t = *this;
    ++*this;
    return t;
  }
  constexpr linear_map_iterator& operator--() noexcept {
    --k_;
    --v_;
    return *this;
  }
  constexpr linear_map_iterator operator--(int) noexcept {
    linear_map_iterator t = *this;
    --*this;
    return t;
  }
  constexpr linear_map_iterator& operator+=(difference_type n) noexcept {
    k_ += n;
    v_ += n;
    return *this;
  }
  constexpr linear_map_iterator& operator-=(difference_type n) noexcept {
    k_ -= n;
    v_ -= n;
    return *this;
  }
  friend constexpr linear_map_iterator operator+(linear_map_iterator i, difference_type n) noexcept {
    return i += n;
  }
  friend constexpr linear_map_iterator operator+(difference_type n, linear_map_iterator i) noexcept {
    return i += n;
  }
  friend constexpr linear_map_iterator operator-(linear_map_iterator i, difference_type n) noexcept {
    return i -= n;
  }
  friend constexpr difference_type operator-(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ - b.k_;
  }
  friend constexpr bool operator==(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ == b.k_;
  }
  friend constexpr bool operator!=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ != b.k_;
  }
  friend constexpr bool operator<(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return a.k_ < b.k_;
  }
  friend constexpr bool operator>(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return b.k_ < a.k_;
  }
  friend constexpr bool operator<=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return !(b.k_ < a.k_);
  }
  friend constexpr bool operator>=(const linear_map_iterator& a, const linear_map_iterator& b) noexcept {
    return !(a.k_ < b.k_);
  }

 private:
  template <class, class>
  friend class linear_map_iterator;
  template <class, class, class>
  friend class ::heapless::map_members;
  constexpr linear_map_iterator(const K* k, VV* v) noexcept : k_(k), v_(v) {}
  const K* k_ = nullptr;
  VV* v_ = nullptr;
};

/// keys() / values(): a contiguous range (pointer iterators).
template <class T>
class linear_map_span {
 public:
  using value_type = std::remove_const_t<T>;
  using iterator = T*;
  using size_type = std::size_t;
  constexpr linear_map_span(T* p, std::size_t n) noexcept : p_(p), n_(n) {}
  constexpr T* begin() const noexcept { return p_; }
  constexpr T* end() const noexcept { return p_ + n_; }
  constexpr T* data() const noexcept { return p_; }
  constexpr std::size_t size() const noexcept { return n_; }
  constexpr bool empty() const noexcept { return n_ == 0; }
  /// Precondition: i < size().
  constexpr T& operator[](std::size_t i) const noexcept {
    HEAPLESS_ASSERT(i < n_, "LinearMap: keys()/values() index out of range");
    return p_[i];
  }

 private:
  T* p_;
  std::size_t n_;
};

// ---- Storage ---------------------------------------------------------------
// What a map keeps beside its entries (detail/linear_map_scan.hpp): string
// keys one tag byte per entry; larger integer maps a hash index; an empty
// base otherwise, so other maps pay nothing.
template <class K, std::size_t N,
          int Kind = linear_map_tagged_v<K, N> ? 1 : (linear_map_indexed_v<K, N> ? 2 : 0)>
struct linear_map_aux {
  constexpr unsigned char* tag_data_() noexcept { return nullptr; }
  constexpr const unsigned char* tag_data_() const noexcept { return nullptr; }
  constexpr const unsigned char* index_data_() const noexcept { return nullptr; }
  constexpr void aux_clear_() noexcept {}
  constexpr void aux_copy_(const linear_map_aux&, std::size_t) noexcept {}
};
template <class K, std::size_t N>
struct linear_map_aux<K, N, 1> {
  uninit_array<unsigned char, linear_map_tag_count<N>> tags_;
  constexpr unsigned char* tag_data_() noexcept { return tags_.data(); }
  constexpr const unsigned char* tag_data_() const noexcept { return tags_.data(); }
  constexpr const unsigned char* index_data_() const noexcept { return nullptr; }
  constexpr void aux_clear_() noexcept {}
  constexpr void aux_copy_(const linear_map_aux& o, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i) tag_data_()[i] = o.tag_data_()[i];
  }
};
template <class K, std::size_t N>
struct linear_map_aux<K, N, 2> {
  using slot_type = linear_map_slot_t<N>;
  slot_type slots_[linear_map_index_slots<N>] = {};  // all empty
  constexpr const slot_type* index_data_() const noexcept { return slots_; }
  constexpr void aux_clear_() noexcept {
    for (std::size_t i = 0; i < linear_map_index_slots<N>; ++i) slots_[i] = 0;
  }
  constexpr void aux_copy_(const linear_map_aux& o, std::size_t) noexcept {
    for (std::size_t i = 0; i < linear_map_index_slots<N>; ++i) slots_[i] = o.slots_[i];
  }
};

// Trivially copyable K and V: every special member is defaulted (trivial), so
// the map is trivially copyable and may be copied with memcpy or DMA.
template <class K, class V, std::size_t N,
          bool = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>>
struct linear_map_storage : linear_map_aux<K, N> {
  uninit_array<K, N> keys_;
  // The length between keys and values: a search reads the keys and the
  // length, and a small map's length is then within a load's immediate
  // offset of the keys (Thumb-1: 31 bytes for a byte load), so a search
  // needs one base register, not two. Never larger than after the values.
  smallest_size_t<N> size_ = 0;
  uninit_array<V, N> values_;

  constexpr void destroy_all_() noexcept {
    size_ = 0;
    this->aux_clear_();
  }
};

// Otherwise the special members manage element lifetimes. A moved-from map is
// left empty: its keys would no longer be unique.
template <class K, class V, std::size_t N>
struct linear_map_storage<K, V, N, false> : linear_map_aux<K, N> {
  uninit_array<K, N> keys_;
  smallest_size_t<N> size_ = 0;  // (where: see the primary template)
  uninit_array<V, N> values_;

  constexpr linear_map_storage() noexcept = default;
  linear_map_storage(const linear_map_storage& o) : keys_(), values_() { copy_from_(o); }
  linear_map_storage(linear_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>)
      : keys_(), values_() {
    move_from_(o);
  }
  linear_map_storage& operator=(const linear_map_storage& o) {
    if (this != &o) {
      destroy_all_();
      copy_from_(o);
    }
    return *this;
  }
  linear_map_storage& operator=(linear_map_storage&& o) noexcept(
      std::is_nothrow_move_constructible_v<K>&& std::is_nothrow_move_constructible_v<V>) {
    if (this != &o) {
      destroy_all_();
      move_from_(o);
    }
    return *this;
  }
  ~linear_map_storage() { destroy_entries_(); }

  void destroy_all_() noexcept {
    destroy_entries_();
    this->aux_clear_();
  }

 private:
  void destroy_entries_() noexcept {
    for (std::size_t i = 0; i < size_; ++i) {
      keys_.destroy(i);
      values_.destroy(i);
    }
    size_ = 0;
  }

  // If an element copy throws, the ones already made are destroyed (the
  // object under construction is never completed, so its destructor won't).
  struct rollback {
    linear_map_storage* self;
    ~rollback() {
      if (self != nullptr) self->destroy_all_();
    }
  };
  void copy_from_(const linear_map_storage& o) {
    this->aux_copy_(o, o.size_);
    rollback guard{this};
    for (std::size_t i = 0; i < o.size_; ++i) {
      keys_.construct(i, o.keys_.data()[i]);
      {
        rollback_key key_guard{this, i};
        values_.construct(i, o.values_.data()[i]);
        key_guard.self = nullptr;
      }
      ++size_;
    }
    guard.self = nullptr;
  }
  void move_from_(linear_map_storage& o) {
    this->aux_copy_(o, o.size_);
    rollback guard{this};
    for (std::size_t i = 0; i < o.size_; ++i) {
      keys_.construct(i, std::move(o.keys_.data()[i]));
      {
        rollback_key key_guard{this, i};
        values_.construct(i, std::move(o.values_.data()[i]));
        key_guard.self = nullptr;
      }
      ++size_;
    }
    guard.self = nullptr;
    o.destroy_all_();
  }
  struct rollback_key {
    linear_map_storage* self;
    std::size_t i;
    ~rollback_key() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };
};

// ---- One implementation for the owners and their views -----------------------
// LinearMap, IndexMap, LinearMapRef and IndexMapRef share every algorithm
// below (map_algo) and every public member that is not about the capacity
// itself (map_members, linear_map_members, index_map_members). Both use
// a "core", the storage interface:
//   K* mc_keys(); V* mc_values();         the entries (V: index_set_unit for a set)
//   std::size_t mc_size(); void mc_set_size(n); std::size_t mc_cap();
//   std::size_t mc_find(q)                index of the key equal to q, or mc_size()
//   map_probe mc_probe(k)                 mc_find for a key to insert (IndexMap:
//                                         with the key's hash, reused by mc_added)
//   void mc_added(probe, e)               entry e was constructed: tag it, index it
//   void mc_index_remove(e), mc_index_renumber(from, to), mc_index_shift(l, by),
//        mc_index_rebuild(), mc_tag_move(dst, src)   index and tag upkeep
//   bool mc_indexed(), mc_guarded()        whether the map keeps an index / needs
//                                         it rebuilt when a move throws mid-way
//   mc_construct_key(i, ...), mc_construct_value(i, ...), mc_destroy_key(i),
//   mc_destroy_value(i), mc_before_append(n), mc_clear(), mc_full(), mc_no_key()
// An owner is its own core: every answer that depends on N is a constant, so
// the owner compiles to the code its members had when they held the
// algorithms. A view's core (map_ref_core) holds the owner's entry pointers
// and length, and reaches the N-dependent parts (search, index, tags)
// through a table of the owner's own functions (map_ref_ops), one table per
// owner type.

/// What an IndexSet keeps as the value of each entry: nothing.
struct index_set_unit {};
template <class V>
inline constexpr bool map_has_values_v = !std::is_same_v<std::remove_const_t<V>, index_set_unit>;

/// Where a key to insert is (its entry, or size() when absent) and, for
/// IndexMap, its mixed hash (computed once for the search and the insertion).
struct map_probe {
  std::size_t i;
  std::size_t x;
};

template <class K, class V>
struct map_algo {
  using size_type = std::size_t;
  static constexpr bool has_values = map_has_values_v<V>;
  static constexpr bool trivial_entries = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>;

  // Where a move may throw mid-way, the entries are then valid but partly
  // moved: the guard rebuilds the index from them, so lookups agree with what
  // iteration shows. Dismissed (c = nullptr) on success.
  template <class C>
  struct index_guard {
    C* c;
    HEAPLESS_CONSTEXPR20 ~index_guard() {
      if (c != nullptr) c->mc_index_rebuild();
    }
  };
  template <class C>
  struct key_rollback {
    C* c;
    size_type i;
    HEAPLESS_CONSTEXPR20 ~key_rollback() {
      if (c != nullptr) c->mc_destroy_key(i);
    }
  };

  /// Constructs (k, V(args...)) at the end and counts it; the index and the
  /// tags are the caller's. Precondition: not full. If V's constructor
  /// throws, the new key is destroyed again: nothing changes.
  template <class C, class KK, class... Args>
  static constexpr size_type construct_back(C& c, KK&& k, Args&&... args) {
    const size_type n = c.mc_size();
    HEAPLESS_ASSERT(n < c.mc_cap(), "heapless map: append to a full map");
    c.mc_before_append(n);
    c.mc_construct_key(n, std::forward<KK>(k));
    if constexpr (has_values) {
      if constexpr (std::is_nothrow_constructible_v<V, Args&&...>) {
        c.mc_construct_value(n, std::forward<Args>(args)...);
      } else {
        key_rollback<C> guard{&c, n};
        c.mc_construct_value(n, std::forward<Args>(args)...);
        guard.c = nullptr;
      }
    }
    c.mc_set_size(n + 1);
    return n;
  }
  template <class C, class KK, class... Args>
  static constexpr void append(C& c, const map_probe& p, KK&& k, Args&&... args) {
    c.mc_added(p, construct_back(c, std::forward<KK>(k), std::forward<Args>(args)...));
  }

  /// {entry, inserted}; a new key into a full map raises length_error.
  template <class C, class KK, class... Args>
  static constexpr std::pair<size_type, bool> try_emplace(C& c, KK&& k, Args&&... args) {
    const map_probe p = c.mc_probe(k);
    const bool inserted = p.i == c.mc_size();
    if (inserted) {
      if (HEAPLESS_UNLIKELY(p.i == c.mc_cap())) c.mc_full();
      append(c, p, std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return {p.i, inserted};
  }
  /// As try_emplace, but a full map gives an empty optional; otherwise
  /// make(entry, inserted). One return of the found-or-appended position
  /// (not one per path): the compiler then builds the result once.
  template <class Make, class C, class KK, class... Args>
  static constexpr auto try_insert(C& c, Make make, KK&& k, Args&&... args)
      -> std::optional<decltype(make(size_type{}, false))> {
    const map_probe p = c.mc_probe(k);
    const bool inserted = p.i == c.mc_size();
    if (inserted) {
      if (p.i == c.mc_cap()) return std::nullopt;
      append(c, p, std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return make(p.i, inserted);
  }
  /// Assigns m to k's value, or appends (k, m). Report: a full map gives an
  /// empty optional; otherwise it raises length_error and the result is
  /// make(entry, inserted) itself.
  template <bool Report, class Make, class C, class KK, class M>
  static constexpr auto insert_or_assign(C& c, Make make, KK&& k, M&& m)
      -> std::conditional_t<Report, std::optional<decltype(make(size_type{}, false))>,
                            decltype(make(size_type{}, false))> {
    const map_probe p = c.mc_probe(k);
    const bool inserted = p.i == c.mc_size();
    if (!inserted) {
      c.mc_values()[p.i] = std::forward<M>(m);
    } else {
      if (HEAPLESS_UNLIKELY(p.i == c.mc_cap())) {
        if constexpr (Report) return std::nullopt;
        else c.mc_full();
      }
      append(c, p, std::forward<KK>(k), std::forward<M>(m));
    }
    return make(p.i, inserted);
  }

  /// Moves entry src onto entry dst (tags too; the index is the caller's).
  /// The value first: if its move throws, entry dst still holds its own key,
  /// so keys stay unique.
  template <class C>
  static constexpr void move_assign(C& c, size_type dst, size_type src) {
    if constexpr (has_values) c.mc_values()[dst] = std::move(c.mc_values()[src]);
    c.mc_keys()[dst] = std::move(c.mc_keys()[src]);
    c.mc_tag_move(dst, src);
  }
  /// Destroys entries [from, size()) and shrinks to `from` (the index is the caller's).
  template <class C>
  static constexpr void destroy_tail(C& c, size_type from) noexcept {
    for (size_type i = from; i < c.mc_size(); ++i) {
      c.mc_destroy_key(i);
      if constexpr (has_values) c.mc_destroy_value(i);
    }
    c.mc_set_size(from);
  }
  /// Removes entry i in O(1): the last entry moves into the hole.
  template <class C>
  static constexpr void remove_swap(C& c, size_type i) {
    const size_type last = c.mc_size() - 1u;
    if (c.mc_indexed()) {
      c.mc_index_remove(i);
      if (i != last) {
        index_guard<C> guard{c.mc_guarded() ? &c : nullptr};
        move_assign(c, i, last);
        c.mc_index_renumber(last, i);
        guard.c = nullptr;
      }
      destroy_tail(c, last);
      return;
    }
    // Trivially copyable entries: copying the last one onto itself is
    // harmless, and cheaper than the branch that would avoid it.
    if (trivial_entries || i != last) move_assign(c, i, last);
    destroy_tail(c, last);
  }
  /// Removes entries [f, l), filling the hole with entries from the end.
  template <class C>
  static constexpr void erase_swap(C& c, size_type f, size_type l) {
    const size_type n = c.mc_size();
    const size_type hole = l - f;
    const size_type tail = n - l;
    const size_type moved = hole < tail ? hole : tail;
    if (c.mc_indexed()) {
      for (size_type e = f; e < l; ++e) c.mc_index_remove(e);
    }
    index_guard<C> guard{c.mc_guarded() ? &c : nullptr};
    for (size_type j = 0; j < moved; ++j) {
      move_assign(c, f + j, n - moved + j);
      c.mc_index_renumber(n - moved + j, f + j);
    }
    guard.c = nullptr;
    destroy_tail(c, n - hole);
  }
  /// Removes entries [f, l) keeping the order of the others.
  template <class C>
  static constexpr void erase_shift(C& c, size_type f, size_type l) {
    if (f == l) return;
    const size_type n = c.mc_size();
    if (c.mc_indexed()) {
      for (size_type e = f; e < l; ++e) c.mc_index_remove(e);
    }
    index_guard<C> guard{c.mc_guarded() ? &c : nullptr};
    for (size_type src = l, dst = f; src < n; ++src, ++dst) move_assign(c, dst, src);
    destroy_tail(c, n - (l - f));
    c.mc_index_shift(l, l - f);  // entries past the hole moved down by l - f
    guard.c = nullptr;
  }
  /// Removes every entry e with pred(at(e)), keeping the order of the
  /// others; returns the number removed. An index is rebuilt once at the
  /// end (or if pred or a move throws).
  template <class C, class Pred, class At>
  static constexpr size_type erase_if(C& c, Pred& pred, At at) {
    const size_type n = c.mc_size();
    size_type kept = 0;
    {
      index_guard<C> guard{c.mc_indexed() ? &c : nullptr};
      for (size_type i = 0; i < n; ++i) {
        if (pred(at(i))) continue;
        if (kept != i) move_assign(c, kept, i);
        ++kept;
      }
      destroy_tail(c, kept);
      if (kept == n) guard.c = nullptr;
    }
    return n - kept;
  }
  /// Same keys with equal values, in any order (a and b: any cores).
  template <class A, class B>
  static constexpr bool equal(const A& a, const B& b) {
    const size_type n = a.mc_size();
    if (n != b.mc_size()) return false;
    for (size_type i = 0; i < n; ++i) {
      const size_type j = b.mc_find(a.mc_keys()[i]);
      if (j == b.mc_size()) return false;
      if constexpr (has_values) {
        if (!(a.mc_values()[i] == b.mc_values()[j])) return false;
      }
    }
    return true;
  }
};


// ---- Views: the core of LinearMapRef and IndexMapRef ------------------------------
/// Where an owner keeps its entries and length (a view's core resolves them
/// once per member call).
template <class K, class V>
struct map_ref_parts {
  K* keys;
  V* values;
  void* size;
  unsigned char width;  // sizeof the stored length: 1, 2, 4 or 8
};

/// One per owner type (K, V, N and, for IndexMap, Hash and KeyEqual): the
/// owner's capacity and the owner's own functions for everything that
/// depends on N. A view is a pointer to the owner and a pointer to this.
template <class K, class V>
struct map_ref_ops {
  std::size_t cap;
  std::size_t slots;  // IndexMap::slots(); 0 for LinearMap
  bool indexed;
  bool guarded;
  map_ref_parts<K, V> (*parts)(void* m) noexcept;
  map_probe (*probe)(const void* m, const K& k);
  std::size_t (*find_string)(const void* m, std::string_view q);  // null unless the owner searches strings
  void (*added)(void* m, const map_probe& p, std::size_t e);
  void (*index_remove)(void* m, std::size_t e);
  void (*index_renumber)(void* m, std::size_t from, std::size_t to);
  void (*index_shift)(void* m, std::size_t l, std::size_t by);
  void (*index_rebuild)(void* m);
  void (*tag_move)(void* m, std::size_t dst, std::size_t src) noexcept;
  void (*clear)(void* m) noexcept;
  const void* (*functions)(const void* m) noexcept;  // IndexMap's Hash and KeyEqual
};

/// The owner M's functions, as map_ref_ops holds them.
template <class M>
struct map_ref_thunks {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  static M& self(void* m) noexcept { return *static_cast<M*>(m); }
  static const M& self(const void* m) noexcept { return *static_cast<const M*>(m); }

  static map_ref_parts<K, V> parts(void* m) noexcept {
    return {self(m).mc_keys(), self(m).mc_values(), self(m).mc_size_ptr(), M::mc_size_width()};
  }
  static map_probe probe(const void* m, const K& k) { return self(m).mc_probe(k); }
  static std::size_t find_string(const void* m, std::string_view q) { return self(m).mc_find(q); }
  static void added(void* m, const map_probe& p, std::size_t e) { self(m).mc_added(p, e); }
  static void index_remove(void* m, std::size_t e) { self(m).mc_index_remove(e); }
  static void index_renumber(void* m, std::size_t from, std::size_t to) { self(m).mc_index_renumber(from, to); }
  static void index_shift(void* m, std::size_t l, std::size_t by) { self(m).mc_index_shift(l, by); }
  static void index_rebuild(void* m) { self(m).mc_index_rebuild(); }
  static void tag_move(void* m, std::size_t dst, std::size_t src) noexcept { self(m).mc_tag_move(dst, src); }
  static void clear(void* m) noexcept { self(m).mc_clear(); }
  static const void* functions(const void* m) noexcept { return self(m).mc_functions(); }
  static constexpr auto string_search() noexcept -> std::size_t (*)(const void*, std::string_view) {
    if constexpr (M::mc_string_lookup) {
      return &find_string;
    } else {
      return nullptr;
    }
  }

  static constexpr map_ref_ops<K, V> ops = {
      M::capacity(),      M::mc_slots(),       M::mc_indexed(),
      M::mc_guarded(),    &parts,              &probe,
      string_search(),
      &added,             &index_remove,       &index_renumber,
      &index_shift,       &index_rebuild,      &tag_move,
      &clear,             &functions};
};

/// A view's core (the storage interface of map_algo): the owner's entries
/// and length, resolved for one member call, and its table. Lookup supplies
/// mc_find (the view's search policy), mc_full and mc_no_key. V is const in
/// a read-only view, which then cannot instantiate the modifying members.
template <class K, class V, class Lookup>
struct map_ref_core {
  using VM = std::remove_const_t<V>;
  static constexpr bool read_only = std::is_const_v<V>;

  K* keys_;
  V* values_;
  void* size_;
  unsigned char width_;
  void* map_;
  const map_ref_ops<K, VM>* ops_;

  K* mc_keys() const noexcept { return keys_; }
  V* mc_values() const noexcept { return values_; }
  std::size_t mc_size() const noexcept {
    switch (width_) {
      case 1: return *static_cast<const std::uint8_t*>(size_);
      case 2: return *static_cast<const std::uint16_t*>(size_);
      case 4: return *static_cast<const std::uint32_t*>(size_);
      default: return static_cast<std::size_t>(*static_cast<const std::uint64_t*>(size_));
    }
  }
  void mc_set_size(std::size_t n) const noexcept {
    static_assert(!read_only, "heapless map view: a read-only view (const V) cannot modify the map");
    switch (width_) {
      case 1: *static_cast<std::uint8_t*>(size_) = static_cast<std::uint8_t>(n); break;
      case 2: *static_cast<std::uint16_t*>(size_) = static_cast<std::uint16_t>(n); break;
      case 4: *static_cast<std::uint32_t*>(size_) = static_cast<std::uint32_t>(n); break;
      default: *static_cast<std::uint64_t*>(size_) = n; break;
    }
  }
  std::size_t mc_cap() const noexcept { return ops_->cap; }
  template <class Q>
  std::size_t mc_find(const Q& q) const {
    return Lookup::find(*this, q);
  }
  map_probe mc_probe(const K& k) const { return ops_->probe(map_, k); }
  void mc_added(const map_probe& p, std::size_t e) const { ops_->added(map_, p, e); }
  bool mc_indexed() const noexcept { return ops_->indexed; }
  bool mc_guarded() const noexcept { return ops_->guarded; }
  void mc_index_remove(std::size_t e) const { ops_->index_remove(map_, e); }
  void mc_index_renumber(std::size_t from, std::size_t to) const { ops_->index_renumber(map_, from, to); }
  void mc_index_shift(std::size_t l, std::size_t by) const { ops_->index_shift(map_, l, by); }
  void mc_index_rebuild() const { ops_->index_rebuild(map_); }
  void mc_tag_move(std::size_t dst, std::size_t src) const noexcept { ops_->tag_move(map_, dst, src); }
  template <class... Args>
  void mc_construct_key(std::size_t i, Args&&... args) const {
    ::heapless::detail::construct_at(keys_ + i, std::forward<Args>(args)...);
  }
  template <class... Args>
  void mc_construct_value(std::size_t i, Args&&... args) const {
    ::heapless::detail::construct_at(values_ + i, std::forward<Args>(args)...);
  }
  void mc_destroy_key(std::size_t i) const noexcept { ::heapless::detail::destroy_at(keys_ + i); }
  void mc_destroy_value(std::size_t i) const noexcept { ::heapless::detail::destroy_at(values_ + i); }
  void mc_before_append(std::size_t) const noexcept {}
  void mc_clear() const noexcept {
    static_assert(!read_only, "heapless map view: a read-only view (const V) cannot modify the map");
    ops_->clear(map_);
  }
  [[noreturn]] void mc_full() const { Lookup::full(); }
  [[noreturn]] void mc_no_key() const { Lookup::no_key(); }
};

/// The common part of a view's lookup: a query of the key type, one that
/// converts to it, or an integer of another type (compared by value) goes
/// to the owner's own search; a string query to the owner's string search.
/// The view's policy (linear_map_ref_lookup, index_map_ref_lookup) picks.
template <class K>
struct map_ref_lookup_base {
  template <class C, class Q>
  static std::size_t by_key(const C& c, const Q& q) {
    if constexpr (std::is_same_v<Q, K>) {
      return c.mc_probe(q).i;
    } else if constexpr (linear_map_bitwise_key_v<K> && linear_map_plain_integer_v<K> &&
                         linear_map_plain_integer_v<Q>) {
      if (!linear_map_representable<K>(q)) return c.mc_size();
      return c.mc_probe(static_cast<K>(q)).i;
    } else {
      static_assert(std::is_constructible_v<K, const Q&>,
                    "heapless map view lookup: the query type is neither comparable with nor convertible to the key type");
      const K k(q);
      return c.mc_probe(k).i;
    }
  }
};

/// LinearMapRef's search: the owner's (through the table) for the key type,
/// integers and strings; the portable loop for a query only comparable with
/// K (as the owner does for such queries).
template <class K>
struct linear_map_ref_lookup : map_ref_lookup_base<K> {
  template <class C, class Q>
  static std::size_t find(const C& c, const Q& q) {
    if constexpr (linear_map_string_key<K>::value && std::is_convertible_v<const Q&, std::string_view>) {
      return c.ops_->find_string(c.map_, std::string_view(q));
    } else if constexpr (std::is_same_v<Q, K> || (linear_map_bitwise_key_v<K> && linear_map_plain_integer_v<K> &&
                                                  linear_map_plain_integer_v<Q>)) {
      return map_ref_lookup_base<K>::by_key(c, q);
    } else if constexpr (linear_map_comparable<K, Q>::value) {
      return linear_find_portable(c.mc_keys(), c.mc_size(), q);
    } else {
      return map_ref_lookup_base<K>::by_key(c, q);
    }
  }
  [[noreturn]] static void full() { raise(error_kind::length_error, "LinearMapRef: full"); }
  [[noreturn]] static void no_key() { raise(error_kind::out_of_range, "LinearMapRef::at: no such key"); }
};

}  // namespace detail

// ---- The members owners and views share ------------------------------------------
// D is LinearMap, IndexMap or one of their views; D::mc_core() is the core
// (the owner itself, or a view's detail::map_ref_core built for the call).
// V is const in a read-only view: its modifying members do not compile.
/// The members LinearMap, IndexMap and their views share (a base of each):
/// size, iteration, lookup and every insertion form. D is the map or view.
template <class D, class K, class V>
class map_members {
  using VM = std::remove_const_t<V>;
  using algo_ = detail::map_algo<K, VM>;
  static constexpr bool has_values_ = detail::map_has_values_v<V>;

 public:
  /// Key type.
  using key_type = K;
  /// Mapped (value) type.
  using mapped_type = VM;
  /// What an entry is when taken out of the map (as in C++23 std::flat_map).
  using value_type = std::pair<K, VM>;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// A proxy: `std::pair<const K&, V&>`, returned by value from `*it` (const,
  /// so that `auto&` binds to it). Assigning `.second` writes into the map.
  using reference = const std::pair<const K&, V&>;
  /// A proxy `std::pair<const K&, const V&>` returned by value from `*it`.
  using const_reference = const std::pair<const K&, const VM&>;
  /// Random-access iterator in insertion order (see erase for what erasure does to the order).
  using iterator = detail::linear_map_iterator<K, V>;
  /// Const random-access iterator in insertion order.
  using const_iterator = detail::linear_map_iterator<K, const VM>;
  /// Reverse iterator.
  using reverse_iterator = std::reverse_iterator<iterator>;
  /// Const reverse iterator.
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;
  /// try_insert's result: empty when the map was full (nothing changed);
  /// otherwise what insert would return: {position, inserted}.
  using try_insert_result = std::optional<std::pair<iterator, bool>>;

  // ---- Size ------------------------------------------------------------------
  /// The number of entries.
  constexpr size_type size() const noexcept { return d_().mc_core().mc_size(); }
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// true when size() == capacity(): a new key would not fit.
  constexpr bool full() const noexcept {
    auto&& c = d_().mc_core();
    return c.mc_size() == c.mc_cap();
  }

  // ---- Iteration (insertion order; see erase for what it does to it) --------
  /// Iterator to the first entry.
  constexpr iterator begin() noexcept { return iter_(d_().mc_core(), 0); }
  /// Iterator past the last entry.
  constexpr iterator end() noexcept {
    auto&& c = d_().mc_core();
    return iter_(c, c.mc_size());
  }
  /// Const iterator to the first entry.
  constexpr const_iterator begin() const noexcept { return citer_(d_().mc_core(), 0); }
  /// Const iterator past the last entry.
  constexpr const_iterator end() const noexcept {
    auto&& c = d_().mc_core();
    return citer_(c, c.mc_size());
  }
  /// Same as begin() const.
  constexpr const_iterator cbegin() const noexcept { return begin(); }
  /// Same as end() const.
  constexpr const_iterator cend() const noexcept { return end(); }
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
  constexpr detail::linear_map_span<const K> keys() const noexcept {
    auto&& c = d_().mc_core();
    return {c.mc_keys(), c.mc_size()};
  }
  /// The values, contiguous, in iteration order; values()[i] belongs to keys()[i].
  constexpr detail::linear_map_span<V> values() noexcept {
    auto&& c = d_().mc_core();
    return {c.mc_values(), c.mc_size()};
  }
  /// As values(), read-only.
  constexpr detail::linear_map_span<const VM> values() const noexcept {
    auto&& c = d_().mc_core();
    return {c.mc_values(), c.mc_size()};
  }

  // ---- Lookup ------------------------------------------------------------------
  // Q: any type the map's search accepts (see the map's header comment):
  // the key type, a type comparable with it or converting to it.
  /// Iterator to the entry with key q, or end().
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER iterator find(const Q& q) {
    auto&& c = d_().mc_core();
    return iter_(c, c.mc_find(q));
  }
  /// As find(q), read-only.
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER const_iterator find(const Q& q) const {
    auto&& c = d_().mc_core();
    return citer_(c, c.mc_find(q));
  }
  /// true when an entry with key q is present.
  template <class Q = K>
  constexpr bool contains(const Q& q) const {
    auto&& c = d_().mc_core();
    return c.mc_find(q) != c.mc_size();
  }
  /// 1 if an entry with key q is present, else 0.
  template <class Q = K>
  constexpr size_type count(const Q& q) const {
    return contains(q) ? 1 : 0;
  }
  /// The value for key q; a missing key raises out_of_range.
  template <class Q = K>
  constexpr V& at(const Q& q) {
    auto&& c = d_().mc_core();
    const size_type i = c.mc_find(q);
    if (HEAPLESS_UNLIKELY(i == c.mc_size())) c.mc_no_key();
    return c.mc_values()[i];
  }
  /// As at(q), read-only; a missing key raises out_of_range.
  template <class Q = K>
  constexpr const VM& at(const Q& q) const {
    auto&& c = d_().mc_core();
    const size_type i = c.mc_find(q);
    if (HEAPLESS_UNLIKELY(i == c.mc_size())) c.mc_no_key();
    return c.mc_values()[i];
  }
  /// The value for key k, value-initialised and appended if k is new;
  /// a new key into a full map raises length_error.
  constexpr V& operator[](const K& k) {
    auto&& c = d_().mc_core();
    return c.mc_values()[algo_::try_emplace(c, k).first];
  }
  /// As operator[](const K&), moving k if it is new.
  constexpr V& operator[](K&& k) {
    auto&& c = d_().mc_core();
    return c.mc_values()[algo_::try_emplace(c, std::move(k)).first];
  }

  // ---- Insertion (plain forms: a new key into a full map raises length_error) -
  /// Inserts v unless its key is present. Returns {position, inserted}.
  constexpr std::pair<iterator, bool> insert(const value_type& v) { return try_emplace(v.first, v.second); }
  /// As insert(const value_type&), moving v.
  constexpr std::pair<iterator, bool> insert(value_type&& v) {
    return try_emplace(std::move(v.first), std::move(v.second));
  }
  /// Any P a value_type can be made from (std::pair<const K, V>, ...).
  template <class P, std::enable_if_t<std::is_constructible_v<value_type, P&&> &&
                                          !std::is_same_v<std::decay_t<P>, value_type>,
                                      int> = 0>
  constexpr std::pair<iterator, bool> insert(P&& p) {
    return emplace(std::forward<P>(p));
  }
  /// The hint is ignored (there is no order to exploit); for std::inserter.
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

  /// std::map::try_emplace: if k is present, does nothing (args are not moved
  /// from) and returns {position, false}; else appends (k, V(args...)).
  /// Still a plain form: a new key into a full map raises length_error. For
  /// a form that reports a full map instead, see try_insert.
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(const K& k, Args&&... args) {
    auto&& c = d_().mc_core();
    const auto r = algo_::try_emplace(c, k, std::forward<Args>(args)...);
    return {iter_(c, r.first), r.second};
  }
  /// As try_emplace(const K&, args...), moving k if it is new.
  template <class... Args>
  constexpr std::pair<iterator, bool> try_emplace(K&& k, Args&&... args) {
    auto&& c = d_().mc_core();
    const auto r = algo_::try_emplace(c, std::move(k), std::forward<Args>(args)...);
    return {iter_(c, r.first), r.second};
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
    auto&& c = d_().mc_core();
    return algo_::template insert_or_assign<false>(c, make_(c), k, std::forward<M>(m));
  }
  /// As insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(K&& k, M&& m) {
    auto&& c = d_().mc_core();
    return algo_::template insert_or_assign<false>(c, make_(c), std::move(k), std::forward<M>(m));
  }

  // ---- Insertion that reports a full map (never raises) ---------------------
  /// As try_emplace(k, args...), except that a new key into a full map
  /// returns an empty optional: nothing changes, nothing is moved from.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(const K& k, Args&&... args) {
    auto&& c = d_().mc_core();
    return algo_::try_insert(c, make_(c), k, std::forward<Args>(args)...);
  }
  /// As try_insert(const K&, args...), moving k only if it is inserted.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(K&& k, Args&&... args) {
    auto&& c = d_().mc_core();
    return algo_::try_insert(c, make_(c), std::move(k), std::forward<Args>(args)...);
  }
  /// As insert(v), except that a new key into a full map returns an empty
  /// optional (v is not moved from).
  [[nodiscard]] constexpr try_insert_result try_insert(const value_type& v) { return try_insert(v.first, v.second); }
  /// As try_insert(const value_type&), moving v's key and value only if inserted.
  [[nodiscard]] constexpr try_insert_result try_insert(value_type&& v) {
    return try_insert(std::move(v.first), std::move(v.second));
  }
  /// As insert_or_assign, except that a new key into a full map returns an
  /// empty optional (k and m are not moved from).
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(const K& k, M&& m) {
    auto&& c = d_().mc_core();
    return algo_::template insert_or_assign<true>(c, make_(c), k, std::forward<M>(m));
  }
  /// As try_insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(K&& k, M&& m) {
    auto&& c = d_().mc_core();
    return algo_::template insert_or_assign<true>(c, make_(c), std::move(k), std::forward<M>(m));
  }

  /// Destroys every entry (and empties the index of a map that has one).
  constexpr void clear() noexcept { d_().mc_core().mc_clear(); }

 protected:
  constexpr D& d_() noexcept { return static_cast<D&>(*this); }
  constexpr const D& d_() const noexcept { return static_cast<const D&>(*this); }

  // A set's iterators all point at its one unit value.
  template <class C>
  static constexpr iterator iter_(C&& c, size_type i) noexcept {
    return iterator(c.mc_keys() + i, c.mc_values() + (has_values_ ? i : 0));
  }
  template <class C>
  static constexpr const_iterator citer_(const C& c, size_type i) noexcept {
    return const_iterator(c.mc_keys() + i, c.mc_values() + (has_values_ ? i : 0));
  }
  template <class C>
  static constexpr size_type index_(const C& c, const_iterator it) noexcept {
    return static_cast<size_type>(it.k_ - c.mc_keys());
  }
  /// The iterator a member returns for the caller's position it (at index i):
  /// its key pointer, which iterators compare, is the caller's own, never
  /// keys + index_(it). GCC 12's IPA modref records early that an argument is
  /// not returned, then folds base + (arg - base) to arg and keeps the stale
  /// record, so callers fold comparisons of the result to false
  /// (docs/design.md, "Positions returned from arguments"). The value
  /// pointer, values + i, cannot fold to an argument: i comes from the keys.
  template <class C>
  static constexpr iterator position_(C& c, const_iterator it, size_type i) noexcept {
    return iterator(it.k_, c.mc_values() + (has_values_ ? i : 0));
  }
  template <class C>
  static constexpr auto make_(C& c) noexcept {
    return [&c](size_type i, bool inserted) { return std::pair<iterator, bool>(iter_(c, i), inserted); };
  }

 private:
  template <class A0, class A1, class... Rest>
  static constexpr bool is_key_value_pack_impl_() noexcept {
    return sizeof...(Rest) == 0 && std::is_same_v<std::remove_cv_t<std::remove_reference_t<A0>>, K> &&
           std::is_constructible_v<VM, A1&&>;
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
};

/// LinearMap's erasure members (and erase_if), shared with LinearMapRef (a
/// base of both; D is the map or view).
template <class D, class K, class V>
class linear_map_members : public map_members<D, K, V> {
  using base_ = map_members<D, K, V>;
  using algo_ = detail::map_algo<K, std::remove_const_t<V>>;
  // erase(iterator) exists where iterator is not const_iterator.
  struct no_iterator_ {
    explicit no_iterator_() = default;
  };
  using mutable_iterator_ = std::conditional_t<std::is_const_v<V>, no_iterator_, typename base_::iterator>;

 public:
  using typename base_::const_iterator;
  using typename base_::iterator;
  using typename base_::size_type;

  // ---- Erasure ---------------------------------------------------------------
  /// Removes the entry at pos in O(1) by moving the LAST entry into its place
  /// (iteration order changes). Returns an iterator to the same position,
  /// which now holds the moved entry (or is end()), so an erase loop
  /// `it = m.erase(it)` visits every entry. Precondition: pos is dereferenceable.
  constexpr iterator erase(const_iterator pos) {
    auto&& c = this->d_().mc_core();
    const size_type i = base_::index_(c, pos);
    HEAPLESS_ASSERT(i < c.mc_size(), "LinearMap::erase: iterator not dereferenceable");
    algo_::remove_swap(c, i);
    return base_::position_(c, pos, i);
  }
  /// As erase(const_iterator).
  constexpr iterator erase(mutable_iterator_ pos) { return erase(const_iterator(pos)); }
  /// Removes [first, last), filling the hole with entries from the end:
  /// O(last - first). Returns an iterator to first's position.
  constexpr iterator erase(const_iterator first, const_iterator last) {
    auto&& c = this->d_().mc_core();
    const size_type f = base_::index_(c, first);
    const size_type l = base_::index_(c, last);
    HEAPLESS_ASSERT(f <= l && l <= c.mc_size(), "LinearMap::erase: invalid range");
    algo_::erase_swap(c, f, l);
    return base_::position_(c, first, f);
  }
  /// Removes the entry with key q, if any (O(1) after the search; reorders as
  /// erase(pos)). Returns the number removed (0 or 1).
  template <class Q, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    auto&& c = this->d_().mc_core();
    const size_type i = c.mc_find(q);
    if (i == c.mc_size()) return 0;
    algo_::remove_swap(c, i);
    return 1;
  }
  /// Removes the entry with key k, if any, as erase(q). Returns 0 or 1.
  constexpr size_type erase(const K& k) { return erase<K>(k); }

  /// Removes the entry at pos keeping the order of the others: O(n).
  /// Returns an iterator to the entry that followed pos.
  constexpr iterator erase_stable(const_iterator pos) {
    auto&& c = this->d_().mc_core();
    const size_type i = base_::index_(c, pos);
    HEAPLESS_ASSERT(i < c.mc_size(), "LinearMap::erase_stable: iterator not dereferenceable");
    algo_::erase_shift(c, i, i + 1);
    return base_::position_(c, pos, i);
  }
  /// Removes [first, last) keeping the order of the others: O(n).
  constexpr iterator erase_stable(const_iterator first, const_iterator last) {
    auto&& c = this->d_().mc_core();
    const size_type f = base_::index_(c, first);
    const size_type l = base_::index_(c, last);
    HEAPLESS_ASSERT(f <= l && l <= c.mc_size(), "LinearMap::erase_stable: invalid range");
    algo_::erase_shift(c, f, l);
    return base_::position_(c, first, f);
  }
  /// Removes the entry with key q, if any, keeping the order of the others.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase_stable(const Q& q) {
    auto&& c = this->d_().mc_core();
    const size_type i = c.mc_find(q);
    if (i == c.mc_size()) return 0;
    algo_::erase_shift(c, i, i + 1);
    return 1;
  }

  // erase_if(map, pred) (a free function of the map's header) runs this.
  template <class Pred>
  static constexpr size_type erase_if_(D& m, Pred& pred) {
    auto&& c = m.mc_core();
    return algo_::erase_if(c, pred, [&c](size_type i) -> typename base_::reference { return *base_::iter_(c, i); });
  }
};

/// A map of at most N entries, in insertion order, searched linearly.
/// K needs `==` (with itself, and with any type used for heterogeneous
/// lookup); K and V need to be move-constructible and move-assignable.
/// The members not listed here (size, iteration, lookup, insertion, erasure)
/// are shared with LinearMapRef (linear_map_members).
template <class K, class V, std::size_t N>
class LinearMap
    : public linear_map_members<LinearMap<K, V, N>, K, V>,
      private detail::linear_map_storage<K, V, N>,
      private detail::copy_gate<std::is_copy_constructible_v<K> && std::is_copy_constructible_v<V>> {
  static_assert(N > 0, "LinearMap needs a capacity of at least 1");
  static_assert(!std::is_reference_v<K> && !std::is_reference_v<V>, "LinearMap stores objects, not references");
  static_assert(!std::is_const_v<K> && !std::is_const_v<V>,
                "LinearMap<const K, ...>: keys are never mutable through the map anyway; drop the const");

  using base_ = detail::linear_map_storage<K, V, N>;
  using api_ = linear_map_members<LinearMap, K, V>;
  using algo_ = detail::map_algo<K, V>;

 public:
  using typename api_::const_iterator;
  using typename api_::iterator;
  using typename api_::size_type;
  using typename api_::value_type;

  // ---- Construction ----------------------------------------------------------
  /// Empty; O(1), touches no element storage; constant-initialised when static.
  constexpr LinearMap() noexcept = default;
  /// Inserts each entry; a repeated key keeps its first value (as std::map).
  /// More than N distinct keys: raises length_error.
  constexpr LinearMap(std::initializer_list<value_type> il) : LinearMap() { this->insert(il.begin(), il.end()); }
  /// Inserts [first, last) as insert(first, last) does.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr LinearMap(InputIt first, InputIt last) : LinearMap() {
    this->insert(first, last);
  }
  /// Replaces the contents with the entries of il (as clear(), then insert(il)).
  constexpr LinearMap& operator=(std::initializer_list<value_type> il) {
    this->clear();
    this->insert(il.begin(), il.end());
    return *this;
  }

  // ---- Capacity --------------------------------------------------------------
  /// The maximum number of entries (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }

  /// Exchanges the contents: O(max(size(), o.size())) element swaps/moves.
  constexpr void swap(LinearMap& o) noexcept(std::is_nothrow_swappable_v<K>&& std::is_nothrow_swappable_v<V>&&
                                                  std::is_nothrow_move_constructible_v<K>&&
                                                      std::is_nothrow_move_constructible_v<V>) {
    if (this == &o) return;
    LinearMap* small = this->size_ <= o.size_ ? this : &o;
    LinearMap* large = small == this ? &o : this;
    const size_type ns = small->size_;
    const size_type nl = large->size_;
    // Entries keep their positions, so the indexes are exchanged whole (if
    // a value's swap or move throws, both are rebuilt from the entries).
    [[maybe_unused]] index_guard_ guard_small{nullptr}, guard_large{nullptr};
    if constexpr (indexed_) {
      for (std::size_t i = 0; i < detail::linear_map_index_slots<N>; ++i) {
        const auto t = this->slots_[i];
        this->slots_[i] = o.slots_[i];
        o.slots_[i] = t;
      }
      if constexpr (!noexcept(swap_entries_(small, large, ns, nl))) {
        guard_small.c = small;
        guard_large.c = large;
      }
    }
    swap_entries_(small, large, ns, nl);
    guard_small.c = nullptr;
    guard_large.c = nullptr;
  }
  /// As a.swap(b).
  friend constexpr void swap(LinearMap& a, LinearMap& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Same keys with equal values, in any order: O(n^2) key comparisons
  /// (O(n) expected with an index).
  friend constexpr bool operator==(const LinearMap& a, const LinearMap& b) { return algo_::equal(a, b); }
  /// !(a == b).
  friend constexpr bool operator!=(const LinearMap& a, const LinearMap& b) { return !(a == b); }

 private:
  template <class, class, class>
  friend class map_members;
  template <class, class, class>
  friend class linear_map_members;
  template <class, class>
  friend struct detail::map_algo;
  template <class>
  friend struct detail::map_ref_thunks;
  template <class, class>
  friend class LinearMapRef;

  constexpr K* keys_data_() noexcept { return this->keys_.data(); }
  constexpr const K* keys_data_() const noexcept { return this->keys_.data(); }
  constexpr V* values_data_() noexcept { return this->values_.data(); }
  constexpr const V* values_data_() const noexcept { return this->values_.data(); }

  static constexpr bool tagged_ = detail::linear_map_tagged_v<K, N>;
  static constexpr bool indexed_ = detail::linear_map_indexed_v<K, N>;

  template <class Q>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER size_type index_of_(const Q& q) const {
    if constexpr (!tagged_ && detail::linear_map_string_key<K>::value &&
                  std::is_convertible_v<const Q&, std::string_view>) {
      return detail::linear_find_string(keys_data_(), this->size_, std::string_view(q));
    } else if constexpr (tagged_ && std::is_convertible_v<const Q&, std::string_view>) {
      return detail::linear_find_tagged<N>(keys_data_(), this->tag_data_(), this->size_, std::string_view(q));
    } else if constexpr (tagged_ && !detail::linear_map_comparable<K, Q>::value) {
      const K k(q);  // a query that only converts to the key type
      return detail::linear_find_tagged<N>(keys_data_(), this->tag_data_(), this->size_, std::string_view(k));
    } else if constexpr (detail::linear_map_comparable<K, Q>::value) {
      return detail::linear_find<N>(keys_data_(), this->index_data_(), this->size_, q);
    } else {
      static_assert(std::is_constructible_v<K, const Q&>,
                    "LinearMap lookup: the query type is neither comparable with nor convertible to the key type");
      const K k(q);
      return detail::linear_find<N>(keys_data_(), this->index_data_(), this->size_, k);
    }
  }

  // ---- The core (detail::map_algo's storage interface) -------------------------
  constexpr LinearMap& mc_core() noexcept { return *this; }
  constexpr const LinearMap& mc_core() const noexcept { return *this; }
  constexpr K* mc_keys() noexcept { return keys_data_(); }
  constexpr const K* mc_keys() const noexcept { return keys_data_(); }
  constexpr V* mc_values() noexcept { return values_data_(); }
  constexpr const V* mc_values() const noexcept { return values_data_(); }
  constexpr size_type mc_size() const noexcept { return this->size_; }
  constexpr void mc_set_size(size_type n) noexcept { this->size_ = static_cast<detail::smallest_size_t<N>>(n); }
  static constexpr size_type mc_cap() noexcept { return N; }
  template <class Q>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER size_type mc_find(const Q& q) const {
    return index_of_(q);
  }
  template <class KK>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER detail::map_probe mc_probe(const KK& k) const {
    return {index_of_(k), 0};
  }
  constexpr void mc_added(const detail::map_probe&, size_type n) noexcept {
    if constexpr (tagged_) this->tag_data_()[n] = detail::linear_map_tag(std::string_view(keys_data_()[n]));
    if constexpr (indexed_) detail::linear_map_index_add<N>(this->slots_, keys_data_()[n], n);
  }
  static constexpr bool mc_indexed() noexcept { return indexed_; }
  // Where a value's move may throw mid-way (indexed keys are integers).
  static constexpr bool mc_guarded() noexcept {
    return indexed_ && !(std::is_nothrow_move_assignable_v<V> && std::is_nothrow_destructible_v<V>);
  }
  constexpr void mc_index_remove([[maybe_unused]] size_type e) noexcept {
    if constexpr (indexed_) detail::linear_map_index_remove<N>(this->slots_, keys_data_(), keys_data_()[e], e);
  }
  // Entry `from` has been moved to `to` (its key is keys[to] now).
  constexpr void mc_index_renumber([[maybe_unused]] size_type from, [[maybe_unused]] size_type to) noexcept {
    if constexpr (indexed_) detail::linear_map_index_renumber<N>(this->slots_, keys_data_()[to], from, to);
  }
  // Entries from l on moved down by `by`.
  constexpr void mc_index_shift([[maybe_unused]] size_type l, [[maybe_unused]] size_type by) noexcept {
    if constexpr (indexed_) {
      for (std::size_t s = 0; s < detail::linear_map_index_slots<N>; ++s) {
        if (this->slots_[s] > l) this->slots_[s] = static_cast<typename base_::slot_type>(this->slots_[s] - by);
      }
    }
  }
  constexpr void mc_index_rebuild() noexcept {
    if constexpr (indexed_) detail::linear_map_index_rebuild<N>(this->slots_, keys_data_(), this->size_);
  }
  constexpr void mc_tag_move([[maybe_unused]] size_type dst, [[maybe_unused]] size_type src) noexcept {
    if constexpr (tagged_) this->tag_data_()[dst] = this->tag_data_()[src];
  }
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
  [[noreturn]] static void mc_full() { detail::raise(error_kind::length_error, "LinearMap: full"); }
  [[noreturn]] static void mc_no_key() { detail::raise(error_kind::out_of_range, "LinearMap::at: no such key"); }
  // What a view reaches through its table.
  static constexpr bool mc_string_lookup = detail::linear_map_string_key<K>::value;
  constexpr void* mc_size_ptr() noexcept { return &this->size_; }
  static constexpr unsigned char mc_size_width() noexcept { return sizeof(detail::smallest_size_t<N>); }
  static constexpr size_type mc_slots() noexcept { return 0; }
  const void* mc_functions() const noexcept { return nullptr; }

#if HEAPLESS_CPP20
  // Constant evaluation only: give every slot a value, so that copying the
  // map (a copy of the whole storage) never reads an uninitialised object,
  // which clang rejects in constant expressions. Costs nothing at run time.
  constexpr void prefill_for_constant_evaluation_() {
    if constexpr (detail::is_constexpr_friendly_v<K> && std::is_default_constructible_v<K>) {
      for (size_type i = 0; i < N; ++i) this->keys_.construct(i);
    }
    if constexpr (detail::is_constexpr_friendly_v<V> && std::is_default_constructible_v<V>) {
      for (size_type i = 0; i < N; ++i) this->values_.construct(i);
    }
    if constexpr (tagged_) {
      for (size_type i = 0; i < detail::linear_map_tag_count<N>; ++i) this->tags_.construct(i);
    }
  }
#endif

  using index_guard_ = typename algo_::template index_guard<LinearMap>;

  static constexpr void swap_entries_(LinearMap* small, LinearMap* large, size_type ns, size_type nl) noexcept(
      std::is_nothrow_swappable_v<K>&& std::is_nothrow_swappable_v<V>&& std::is_nothrow_move_constructible_v<K>&&
          std::is_nothrow_move_constructible_v<V>) {
    for (size_type i = 0; i < ns; ++i) {
      using std::swap;
      swap(small->keys_data_()[i], large->keys_data_()[i]);
      swap(small->values_data_()[i], large->values_data_()[i]);
      if constexpr (tagged_) swap(small->tag_data_()[i], large->tag_data_()[i]);
    }
    for (size_type i = ns; i < nl; ++i) {
      // The index was exchanged whole; only the tag is the new entry's.
      const size_type n =
          algo_::construct_back(*small, std::move(large->keys_data_()[i]), std::move(large->values_data_()[i]));
      if constexpr (tagged_) small->tag_data_()[n] = large->tag_data_()[i];
    }
    algo_::destroy_tail(*large, ns);
  }
};

/// Removes every entry for which pred(entry) is true, keeping the order of
/// the others; pred receives a LinearMap::reference. Returns the number
/// removed. O(n).
template <class K, class V, std::size_t N, class Pred>
constexpr std::size_t erase_if(LinearMap<K, V, N>& m, Pred pred) {
  return LinearMap<K, V, N>::erase_if_(m, pred);
}

// ---- Capacity erasure: LinearMapRef<K, V> --------------------------------------

/// A non-owning handle to a LinearMap<K, V, N> of any capacity N: one
/// non-template function can fill and search maps of different sizes. Built
/// on demand (`LinearMapRef<int, int> r = m;`, implicit at a call): a pointer
/// to the map and a pointer to a table of constants and functions for that
/// map type (two pointers: 16 bytes on 64-bit hosts, 8 on Cortex-M); valid
/// while the map lives and is not moved. It has LinearMap's whole API except
/// what concerns the capacity itself and swap: size and iteration, find /
/// contains / count / at / operator[], every insert, emplace, try_emplace,
/// insert_or_assign and their try_ forms, erase and erase_stable (position,
/// range, key), erase_if, clear, == and !=. Each member runs the algorithm
/// LinearMap's member runs (detail::map_algo), with LinearMap's errors
/// (length_error for a new key into a full map, out_of_range from at) and
/// guarantees; a key search goes to the map's own search (SIMD scans, tags,
/// hash index) through one indirect call, except for a query that is only
/// comparable with K (not convertible to it): that one is a plain loop.
///
/// LinearMapRef<K, const V> is the read-only view: it converts from a const
/// LinearMap, a LinearMap and a LinearMapRef<K, V>, and offers size,
/// iteration, lookup and comparison; a modifying member does not compile.
///
/// Unlike VecRef, whose members are const, a `const LinearMapRef` is
/// read-only (take the view by value to modify through it).
template <class K, class V>
class LinearMapRef : public linear_map_members<LinearMapRef<K, V>, K, V> {
  using VM = std::remove_const_t<V>;
  using api_ = linear_map_members<LinearMapRef, K, V>;
  using algo_ = detail::map_algo<K, VM>;
  using core_type = detail::map_ref_core<K, V, detail::linear_map_ref_lookup<K>>;
  using ops_type = detail::map_ref_ops<K, VM>;
  static_assert(!std::is_const_v<K>, "LinearMapRef<const K, V>: keys are never mutable; use LinearMapRef<K, const V> for a read-only view");

 public:
  using typename api_::size_type;

  /// Refers to m (implicit, so a LinearMap<K, V, N>& converts at a call).
  template <std::size_t N>
  LinearMapRef(LinearMap<K, VM, N>& m) noexcept  // NOLINT: implicit on purpose
      : map_(&m), ops_(&detail::map_ref_thunks<LinearMap<K, VM, N>>::ops) {}
  /// Read-only view of a const LinearMap (LinearMapRef<K, const V> only).
  template <std::size_t N, class U = V, std::enable_if_t<std::is_const_v<U>, int> = 0>
  LinearMapRef(const LinearMap<K, VM, N>& m) noexcept  // NOLINT: implicit on purpose
      : map_(const_cast<LinearMap<K, VM, N>*>(&m)), ops_(&detail::map_ref_thunks<LinearMap<K, VM, N>>::ops) {}
  /// A LinearMapRef<K, V> converts to the read-only LinearMapRef<K, const V>.
  template <class U = V, std::enable_if_t<std::is_const_v<U>, int> = 0>
  LinearMapRef(const LinearMapRef<K, VM>& other) noexcept  // NOLINT: implicit on purpose
      : map_(other.map_), ops_(other.ops_) {}

  /// The map's N.
  size_type capacity() const noexcept { return ops_->cap; }
  /// Same as capacity().
  size_type max_size() const noexcept { return ops_->cap; }

  /// Same keys with equal values, in any order (the maps' capacities may
  /// differ; a LinearMap converts).
  friend bool operator==(const LinearMapRef& a, const LinearMapRef& b) { return algo_::equal(a.mc_core(), b.mc_core()); }
  /// !(a == b).
  friend bool operator!=(const LinearMapRef& a, const LinearMapRef& b) { return !(a == b); }

 private:
  template <class, class, class>
  friend class map_members;
  template <class, class, class>
  friend class linear_map_members;
  template <class, class>
  friend class LinearMapRef;

  core_type mc_core() const noexcept {
    const auto p = ops_->parts(map_);
    return core_type{p.keys, p.values, p.size, p.width, map_, ops_};
  }

  void* map_;
  const ops_type* ops_;
};

/// As erase_if(LinearMap&, pred), through a view.
template <class K, class V, class Pred>
std::size_t erase_if(LinearMapRef<K, V> m, Pred pred) {
  return LinearMapRef<K, V>::erase_if_(m, pred);
}

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER

#endif  // HEAPLESS_LINEAR_MAP_HPP

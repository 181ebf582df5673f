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
// Threads/ISRs: no internal synchronisation; like std containers, concurrent
// const access is safe, anything else needs the caller's lock.
#ifndef HEAPLESS_LINEAR_MAP_HPP
#define HEAPLESS_LINEAR_MAP_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // LinearMap{{k, v}, ...}
#include <optional>          // try_insert's result: empty when the map is full
#include <string_view>       // string keys are searched as std::string_view
#include <type_traits>       // storage and overload selection
#include <utility>           // std::pair (value_type, reference), std::move, std::swap

#include "detail/config.hpp"           // HEAPLESS_CONSTEXPR20, HEAPLESS_UNLIKELY, HEAPLESS_ALWAYS_INLINE
#include "detail/error.hpp"            // detail::raise, HEAPLESS_ASSERT
#include "detail/iterator.hpp"         // iterator tags, std::reverse_iterator, iterator_traits
#include "detail/linear_map_scan.hpp"  // detail::linear_find
#include "detail/size.hpp"             // detail::smallest_size_t
#include "detail/storage.hpp"          // detail::uninit_array

// Thin wrappers that turn an index into an iterator: always inline, so that
// what the compiler may keep out of line is the search, which returns an
// index in a register, never a two-pointer iterator through memory.
#define HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER constexpr HEAPLESS_ALWAYS_INLINE

HEAPLESS_NAMESPACE_BEGIN

template <class K, class V, std::size_t N>
class LinearMap;
template <class K, class V, std::size_t N, class Hash, class KeyEqual>
class IndexMap;  // heapless/index_map.hpp: the same entry layout and iterators

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
  template <class, class, std::size_t>
  friend class ::heapless::LinearMap;
  template <class, class, std::size_t, class, class>
  friend class ::heapless::IndexMap;
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
  uninit_array<V, N> values_;
  smallest_size_t<N> size_ = 0;

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
  uninit_array<V, N> values_;
  smallest_size_t<N> size_ = 0;

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

// Copy operations exist only when K and V are copyable (std::is_copy_* stays
// truthful for a map of move-only values). Empty: costs no space.
template <bool Copyable>
struct linear_map_copy_gate {};
template <>
struct linear_map_copy_gate<false> {
  linear_map_copy_gate() = default;
  linear_map_copy_gate(const linear_map_copy_gate&) = delete;
  linear_map_copy_gate(linear_map_copy_gate&&) = default;
  linear_map_copy_gate& operator=(const linear_map_copy_gate&) = delete;
  linear_map_copy_gate& operator=(linear_map_copy_gate&&) = default;
  ~linear_map_copy_gate() = default;
};

}  // namespace detail

/// A map of at most N entries, in insertion order, searched linearly.
/// K needs `==` (with itself, and with any type used for heterogeneous
/// lookup); K and V need to be move-constructible and move-assignable.
template <class K, class V, std::size_t N>
class LinearMap
    : private detail::linear_map_storage<K, V, N>,
      private detail::linear_map_copy_gate<std::is_copy_constructible_v<K> && std::is_copy_constructible_v<V>> {
  static_assert(N > 0, "LinearMap needs a capacity of at least 1");
  static_assert(!std::is_reference_v<K> && !std::is_reference_v<V>, "LinearMap stores objects, not references");
  static_assert(!std::is_const_v<K> && !std::is_const_v<V>,
                "LinearMap<const K, ...>: keys are never mutable through the map anyway; drop the const");

  using base_ = detail::linear_map_storage<K, V, N>;

 public:
  // ---- Types ---------------------------------------------------------------
  /// Key type.
  using key_type = K;
  /// Mapped (value) type.
  using mapped_type = V;
  /// What an entry is when taken out of the map (as in C++23 std::flat_map).
  using value_type = std::pair<K, V>;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// A proxy: `std::pair<const K&, V&>`, returned by value from `*it` (const,
  /// so that `auto&` binds to it). Assigning `.second` writes into the map.
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
  /// Empty; O(1), touches no element storage; constant-initialised when static.
  constexpr LinearMap() noexcept = default;
  /// Inserts each entry; a repeated key keeps its first value (as std::map).
  /// More than N distinct keys: raises length_error.
  constexpr LinearMap(std::initializer_list<value_type> il) : LinearMap() { insert(il.begin(), il.end()); }
  /// Inserts [first, last) as insert(first, last) does.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr LinearMap(InputIt first, InputIt last) : LinearMap() {
    insert(first, last);
  }
  /// Replaces the contents with the entries of il (as clear(), then insert(il)).
  constexpr LinearMap& operator=(std::initializer_list<value_type> il) {
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
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return this->size_ == 0; }
  /// true when size() == N: a new key would not fit.
  constexpr bool full() const noexcept { return this->size_ == N; }

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

  // ---- Lookup: any Q with `K == Q` (heterogeneous), else Q converts to K ------
  /// Iterator to the entry with key q, or end(). O(n).
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER iterator find(const Q& q) {
    return iter_(index_of_(q));
  }
  /// As find(q), read-only.
  template <class Q = K>
  HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER const_iterator find(const Q& q) const {
    return citer_(index_of_(q));
  }
  /// true when an entry with key q is present. O(n).
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
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "LinearMap::at: no such key");
    return values_data_()[i];
  }
  /// As at(q), read-only; a missing key raises out_of_range.
  template <class Q = K>
  constexpr const V& at(const Q& q) const {
    const size_type i = index_of_(q);
    if (HEAPLESS_UNLIKELY(i == this->size_)) detail::raise(error_kind::out_of_range, "LinearMap::at: no such key");
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
    return insert_or_assign_(k, std::forward<M>(m));
  }
  /// As insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  constexpr std::pair<iterator, bool> insert_or_assign(K&& k, M&& m) {
    return insert_or_assign_(std::move(k), std::forward<M>(m));
  }

  // ---- Insertion that reports a full map (never raises) ---------------------
  /// As try_emplace(k, args...), except that a new key into a full map
  /// returns an empty optional: nothing changes, nothing is moved from.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(const K& k, Args&&... args) {
    return try_insert_(k, std::forward<Args>(args)...);
  }
  /// As try_insert(const K&, args...), moving k only if it is inserted.
  template <class... Args>
  [[nodiscard]] constexpr try_insert_result try_insert(K&& k, Args&&... args) {
    return try_insert_(std::move(k), std::forward<Args>(args)...);
  }
  /// As insert(v), except that a new key into a full map returns an empty
  /// optional (v is not moved from).
  [[nodiscard]] constexpr try_insert_result try_insert(const value_type& v) { return try_insert_(v.first, v.second); }
  /// As try_insert(const value_type&), moving v's key and value only if inserted.
  [[nodiscard]] constexpr try_insert_result try_insert(value_type&& v) {
    return try_insert_(std::move(v.first), std::move(v.second));
  }
  /// As insert_or_assign, except that a new key into a full map returns an
  /// empty optional (k and m are not moved from).
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(const K& k, M&& m) {
    return try_insert_or_assign_(k, std::forward<M>(m));
  }
  /// As try_insert_or_assign(const K&, m), moving k if it is new.
  template <class M>
  [[nodiscard]] constexpr try_insert_result try_insert_or_assign(K&& k, M&& m) {
    return try_insert_or_assign_(std::move(k), std::forward<M>(m));
  }

  // ---- Erasure ---------------------------------------------------------------
  /// Removes the entry at pos in O(1) by moving the LAST entry into its place
  /// (iteration order changes). Returns an iterator to the same position,
  /// which now holds the moved entry (or is end()), so an erase loop
  /// `it = m.erase(it)` visits every entry. Precondition: pos is dereferenceable.
  constexpr iterator erase(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "LinearMap::erase: iterator not dereferenceable");
    remove_swap_(i);
    return position_(pos, i);
  }
  /// As erase(const_iterator).
  constexpr iterator erase(iterator pos) { return erase(const_iterator(pos)); }
  /// Removes [first, last), filling the hole with entries from the end:
  /// O(last - first). Returns an iterator to first's position.
  constexpr iterator erase(const_iterator first, const_iterator last) {
    const size_type f = index_(first);
    const size_type l = index_(last);
    HEAPLESS_ASSERT(f <= l && l <= this->size_, "LinearMap::erase: invalid range");
    const size_type n = this->size_;
    const size_type hole = l - f;
    const size_type tail = n - l;
    const size_type moved = hole < tail ? hole : tail;
    for (size_type e = f; indexed_ && e < l; ++e) index_remove_(e);
    index_guard_ guard{index_guarded_ ? this : nullptr};
    for (size_type j = 0; j < moved; ++j) {
      move_assign_(f + j, n - moved + j);
      index_renumber_(n - moved + j, f + j);
    }
    guard.self = nullptr;
    destroy_tail_(n - hole);
    return position_(first, f);
  }
  /// Removes the entry with key q, if any (O(1) after the search; reorders as
  /// erase(pos)). Returns the number removed (0 or 1).
  template <class Q, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    remove_swap_(i);
    return 1;
  }
  /// Removes the entry with key k, if any, as erase(q). Returns 0 or 1.
  constexpr size_type erase(const K& k) { return erase<K>(k); }

  /// Removes the entry at pos keeping the order of the others: O(n).
  /// Returns an iterator to the entry that followed pos.
  constexpr iterator erase_stable(const_iterator pos) {
    const size_type i = index_(pos);
    HEAPLESS_ASSERT(i < this->size_, "LinearMap::erase_stable: iterator not dereferenceable");
    return erase_stable(pos, pos + 1);
  }
  /// Removes [first, last) keeping the order of the others: O(n).
  constexpr iterator erase_stable(const_iterator first, const_iterator last) {
    const size_type f = index_(first);
    const size_type l = index_(last);
    HEAPLESS_ASSERT(f <= l && l <= this->size_, "LinearMap::erase_stable: invalid range");
    if (f == l) return position_(first, f);
    const size_type n = this->size_;
    for (size_type e = f; indexed_ && e < l; ++e) index_remove_(e);
    index_guard_ guard{index_guarded_ ? this : nullptr};
    for (size_type src = l, dst = f; src < n; ++src, ++dst) move_assign_(dst, src);
    destroy_tail_(n - (l - f));
    if constexpr (indexed_) {
      // Entries past the hole moved down by l - f.
      for (std::size_t s = 0; s < detail::linear_map_index_slots<N>; ++s) {
        if (this->slots_[s] > l) this->slots_[s] = static_cast<typename base_::slot_type>(this->slots_[s] - (l - f));
      }
    }
    guard.self = nullptr;
    return position_(first, f);
  }
  /// Removes the entry with key q, if any, keeping the order of the others.
  template <class Q = K, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase_stable(const Q& q) {
    const size_type i = index_of_(q);
    if (i == this->size_) return 0;
    erase_stable(citer_(i), citer_(i + 1));
    return 1;
  }

  /// Destroys every entry. O(n) for non-trivial K or V, else O(1) (plus
  /// emptying the index of a map that has one).
  constexpr void clear() noexcept { this->destroy_all_(); }

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
        guard_small.self = small;
        guard_large.self = large;
      }
    }
    swap_entries_(small, large, ns, nl);
    guard_small.self = nullptr;
    guard_large.self = nullptr;
  }
  friend constexpr void swap(LinearMap& a, LinearMap& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

  /// Same keys with equal values, in any order: O(n^2) key comparisons.
  friend constexpr bool operator==(const LinearMap& a, const LinearMap& b) {
    if (a.size_ != b.size_) return false;
    for (size_type i = 0; i < a.size_; ++i) {
      const size_type j = b.index_of_(a.keys_data_()[i]);
      if (j == b.size_ || !(a.values_data_()[i] == b.values_data_()[j])) return false;
    }
    return true;
  }
  friend constexpr bool operator!=(const LinearMap& a, const LinearMap& b) { return !(a == b); }

  template <class K2, class V2, std::size_t N2, class Pred>
  friend constexpr std::size_t erase_if(LinearMap<K2, V2, N2>& m, Pred pred);

 private:
  constexpr K* keys_data_() noexcept { return this->keys_.data(); }
  constexpr const K* keys_data_() const noexcept { return this->keys_.data(); }
  constexpr V* values_data_() noexcept { return this->values_.data(); }
  constexpr const V* values_data_() const noexcept { return this->values_.data(); }
  constexpr iterator iter_(size_type i) noexcept { return iterator(keys_data_() + i, values_data_() + i); }
  constexpr const_iterator citer_(size_type i) const noexcept {
    return const_iterator(keys_data_() + i, values_data_() + i);
  }
  constexpr size_type index_(const_iterator it) const noexcept {
    return static_cast<size_type>(it.k_ - keys_data_());
  }
  /// The iterator a member returns for the caller's position it (at index i):
  /// its key pointer, which iterators compare, is the caller's own, never
  /// keys + index_(it). GCC 12's IPA modref records early that an argument is
  /// not returned, then folds base + (arg - base) to arg and keeps the stale
  /// record, so callers fold comparisons of the result to false
  /// (docs/design.md, "Positions returned from arguments"). The value
  /// pointer, values + i, cannot fold to an argument: i comes from the keys.
  constexpr iterator position_(const_iterator it, size_type i) noexcept {
    return iterator(it.k_, values_data_() + i);
  }

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

  // Appends (k, V(args...)). Precondition: not full, k absent. If V's
  // constructor throws, the new key is destroyed again: nothing changes.
  // Index = false: the caller sets the index (swap).
  template <bool Index = true, class KK, class... Args>
  constexpr void append_(KK&& k, Args&&... args) {
    const size_type n = this->size_;
    HEAPLESS_ASSERT(n < N, "LinearMap: append to a full map");
#if HEAPLESS_CPP20
    if (HEAPLESS_IS_CONSTANT_EVALUATED() && n == 0) prefill_for_constant_evaluation_();
#endif
    this->keys_.construct(n, std::forward<KK>(k));
    if constexpr (std::is_nothrow_constructible_v<V, Args&&...>) {
      this->values_.construct(n, std::forward<Args>(args)...);
    } else {
      key_rollback_ guard{this, n};
      this->values_.construct(n, std::forward<Args>(args)...);
      guard.self = nullptr;
    }
    if constexpr (tagged_) this->tag_data_()[n] = detail::linear_map_tag(std::string_view(keys_data_()[n]));
    if constexpr (indexed_ && Index) detail::linear_map_index_add<N>(this->slots_, keys_data_()[n], n);
    ++this->size_;
  }
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
  struct key_rollback_ {
    LinearMap* self;
    size_type i;
    HEAPLESS_CONSTEXPR20 ~key_rollback_() {
      if (self != nullptr) self->keys_.destroy(i);
    }
  };

  // {index, inserted}; raises length_error for a new key into a full map.
  template <class KK, class... Args>
  constexpr std::pair<size_type, bool> try_emplace_(KK&& k, Args&&... args) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::length_error, "LinearMap: full");
      append_(std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return {i, inserted};
  }
  template <class KK, class M>
  constexpr std::pair<iterator, bool> insert_or_assign_(KK&& k, M&& m) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (!inserted) {
      values_data_()[i] = std::forward<M>(m);
    } else {
      if (HEAPLESS_UNLIKELY(i == N)) detail::raise(error_kind::length_error, "LinearMap: full");
      append_(std::forward<KK>(k), std::forward<M>(m));
    }
    return {iter_(i), inserted};
  }
  // One return of the found-or-appended position (not one per path): the
  // compiler then builds the result once, in registers.
  template <class KK, class... Args>
  constexpr try_insert_result try_insert_(KK&& k, Args&&... args) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (inserted) {
      if (i == N) return std::nullopt;
      append_(std::forward<KK>(k), std::forward<Args>(args)...);
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }
  template <class KK, class M>
  constexpr try_insert_result try_insert_or_assign_(KK&& k, M&& m) {
    const size_type i = index_of_(k);
    const bool inserted = i == this->size_;
    if (!inserted) {
      values_data_()[i] = std::forward<M>(m);
    } else {
      if (i == N) return std::nullopt;
      append_(std::forward<KK>(k), std::forward<M>(m));
    }
    return std::pair<iterator, bool>(iter_(i), inserted);
  }

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
      small->template append_<false>(std::move(large->keys_data_()[i]), std::move(large->values_data_()[i]));
    }
    large->destroy_tail_(ns);
  }

  // Moves entry src onto entry dst (tags too; the index is the caller's).
  constexpr void move_assign_(size_type dst, size_type src) {
    keys_data_()[dst] = std::move(keys_data_()[src]);
    values_data_()[dst] = std::move(values_data_()[src]);
    if constexpr (tagged_) this->tag_data_()[dst] = this->tag_data_()[src];
  }

  // Index upkeep (no-ops for maps without an index).
  constexpr void index_remove_(size_type e) noexcept {
    if constexpr (indexed_) detail::linear_map_index_remove<N>(this->slots_, keys_data_(), keys_data_()[e], e);
  }
  // Entry `from` has been moved to `to` (its key is keys[to] now).
  constexpr void index_renumber_([[maybe_unused]] size_type from, [[maybe_unused]] size_type to) noexcept {
    if constexpr (indexed_) detail::linear_map_index_renumber<N>(this->slots_, keys_data_()[to], from, to);
  }
  constexpr void index_rebuild_() noexcept {
    if constexpr (indexed_) detail::linear_map_index_rebuild<N>(this->slots_, keys_data_(), this->size_);
  }
  // Where a value's move may throw mid-way, the entries are then valid but
  // partly moved: the guard rebuilds the index from them, so lookups agree
  // with what iteration shows. Dismissed (self = nullptr) on success.
  struct index_guard_ {
    LinearMap* self;
    HEAPLESS_CONSTEXPR20 ~index_guard_() {
      if (self != nullptr) self->index_rebuild_();
    }
  };
  static constexpr bool index_guarded_ =
      indexed_ && !(std::is_nothrow_move_assignable_v<V> && std::is_nothrow_destructible_v<V>);
  // Destroys entries [from, size()) and shrinks to `from`.
  constexpr void destroy_tail_(size_type from) noexcept {
    for (size_type i = from; i < this->size_; ++i) {
      this->keys_.destroy(i);
      this->values_.destroy(i);
    }
    this->size_ = static_cast<detail::smallest_size_t<N>>(from);
  }
  constexpr void remove_swap_(size_type i) {
    const size_type last = this->size_ - 1;
    if constexpr (indexed_) {
      index_remove_(i);
      if (i != last) {
        index_guard_ guard{index_guarded_ ? this : nullptr};
        move_assign_(i, last);
        index_renumber_(last, i);
        guard.self = nullptr;
      }
      destroy_tail_(last);
      return;
    }
    // Trivially copyable entries: copying the last one onto itself is
    // harmless, and cheaper than the branch that would avoid it.
    if (trivial_entries_ || i != last) move_assign_(i, last);
    destroy_tail_(last);
  }
  static constexpr bool trivial_entries_ = std::is_trivially_copyable_v<K> && std::is_trivially_copyable_v<V>;
};

/// Removes every entry for which pred(entry) is true, keeping the order of
/// the others; pred receives a LinearMap::reference. Returns the number
/// removed. O(n).
template <class K, class V, std::size_t N, class Pred>
constexpr std::size_t erase_if(LinearMap<K, V, N>& m, Pred pred) {
  using size_type = std::size_t;
  const size_type n = m.size();
  size_type kept = 0;
  {
    // An index is rebuilt once at the end (or if pred or a move throws).
    typename LinearMap<K, V, N>::index_guard_ guard{LinearMap<K, V, N>::indexed_ ? &m : nullptr};
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

HEAPLESS_NAMESPACE_END

#undef HEAPLESS_DETAIL_LINEAR_MAP_WRAPPER

#endif  // HEAPLESS_LINEAR_MAP_HPP

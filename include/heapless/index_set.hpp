// SPDX-License-Identifier: BSL-1.0
// heapless/index_set.hpp - IndexSet<K, N, Hash, KeyEqual>: a hash set of at
// most N keys in the object itself, iterated in insertion order, with set
// algebra that keeps order; and IndexSetRef<K, Hash, KeyEqual>, a
// capacity-erased view of an IndexSet of any N.
//
//   heapless::IndexSet<std::uint32_t, 32> seen;   // no heap, ever
//   if (!seen.try_insert(id)) { /* full: nothing changed */ }
//   heapless::set_union(a, b, out);               // a's order, then b's new keys
//   void note(heapless::IndexSetRef<std::uint32_t> s, std::uint32_t id);  // any N
//
// An IndexSet is an IndexMap without values: the same layout, index, costs
// and error tiers (heapless/index_map.hpp, docs/index_map.md). IndexSetRef
// is an IndexMapRef without values in the same way, so every member of both
// is written once (index_set_members, a base of each) and runs IndexMap's
// algorithms (detail::map_algo) on the map's core: the IndexMap itself, or
// the view's core built for the call. IndexSetRef<const K, ...> is the
// read-only view. docs/views.md.
//
// Threads/ISRs: no internal synchronisation; like std containers, concurrent
// const access is safe, anything else needs the caller's lock.
#ifndef HEAPLESS_INDEX_SET_HPP
#define HEAPLESS_INDEX_SET_HPP

#include <cstddef>           // std::size_t, std::ptrdiff_t
#include <initializer_list>  // IndexSet{k, ...}
#include <optional>          // try_insert's and index_of's results
#include <type_traits>       // std::remove_const_t, std::enable_if_t
#include <utility>           // std::pair, std::move, std::forward

#include <heapless/detail/config.hpp>    // HEAPLESS_NAMESPACE_BEGIN
#include <heapless/detail/error.hpp>     // HEAPLESS_ASSERT
#include <heapless/detail/iterator.hpp>  // std::reverse_iterator, std::iterator_traits without <iterator>
#include <heapless/index_map.hpp>        // IndexMap, IndexMapRef, detail::map_algo: a set is a map without values

HEAPLESS_NAMESPACE_BEGIN

// ---- The members IndexSet and IndexSetRef share ------------------------------------

/// The members of IndexSet and IndexSetRef (a base of both). D is the set or
/// the view; D::m_ is its IndexMap or IndexMapRef (without values). K is
/// const in the read-only view, whose modifying members do not compile.
template <class D, class K, class Hash, class KeyEqual>
class index_set_members {
  using KM = std::remove_const_t<K>;
  using algo_ = detail::map_algo<KM, detail::index_set_unit>;
  static constexpr bool read_only_ = std::is_const_v<K>;

 public:
  /// Key type.
  using key_type = KM;
  /// Same as key_type.
  using value_type = KM;
  /// Size type.
  using size_type = std::size_t;
  /// Difference type.
  using difference_type = std::ptrdiff_t;
  /// Hash function type.
  using hasher = Hash;
  /// Key equality type.
  using key_equal = KeyEqual;
  /// Const reference to a key.
  using reference = const KM&;
  /// Const reference to a key.
  using const_reference = const KM&;
  /// Keys are immutable in a set: both iterators are `const K*`.
  using iterator = const KM*;
  /// Pointer to a const key.
  using const_iterator = const KM*;
  /// Reverse iterator (keys are read-only).
  using reverse_iterator = std::reverse_iterator<const KM*>;
  /// Same as reverse_iterator.
  using const_reverse_iterator = reverse_iterator;
  /// try_insert's result: empty when the set was full (nothing changed).
  using try_insert_result = std::optional<std::pair<iterator, bool>>;

  // ---- Size ------------------------------------------------------------------
  /// The number of keys.
  constexpr size_type size() const noexcept { return d_().m_.size(); }
  /// true when size() == 0.
  [[nodiscard]] constexpr bool empty() const noexcept { return d_().m_.empty(); }
  /// true when size() == capacity(): a new key would not fit.
  constexpr bool full() const noexcept { return d_().m_.full(); }
  /// A copy of the hash function.
  constexpr hasher hash_function() const { return d_().m_.hash_function(); }
  /// A copy of the key equality.
  constexpr key_equal key_eq() const { return d_().m_.key_eq(); }

  // ---- Iteration and positions -------------------------------------------------
  /// Pointer to the first key.
  constexpr const KM* begin() const noexcept { return core_().mc_keys(); }
  /// Pointer past the last key.
  constexpr const KM* end() const noexcept {
    auto&& c = core_();
    return c.mc_keys() + c.mc_size();
  }
  /// Same as begin().
  constexpr const KM* cbegin() const noexcept { return begin(); }
  /// Same as end().
  constexpr const KM* cend() const noexcept { return end(); }
  /// Reverse iterator to the last key.
  constexpr reverse_iterator rbegin() const noexcept { return reverse_iterator(end()); }
  /// Reverse iterator before the first key.
  constexpr reverse_iterator rend() const noexcept { return reverse_iterator(begin()); }
  /// Same as rbegin().
  constexpr reverse_iterator crbegin() const noexcept { return rbegin(); }
  /// Same as rend().
  constexpr reverse_iterator crend() const noexcept { return rend(); }
  /// The keys, contiguous, in iteration order.
  constexpr detail::linear_map_span<const KM> keys() const noexcept { return d_().m_.keys(); }
  /// The keys in iteration order; size() of them.
  constexpr const KM* data() const noexcept { return begin(); }
  /// Iterator to the i-th key; nth(size()) == end(). Precondition: i <= size().
  constexpr const KM* nth(size_type i) const noexcept {
    auto&& c = core_();
    HEAPLESS_ASSERT(i <= c.mc_size(), "IndexSet::nth: index out of range");
    return c.mc_keys() + i;
  }
  /// Position of key q in iteration order, or an empty optional. O(1) expected.
  template <class Q = KM>
  constexpr std::optional<size_type> index_of(const Q& q) const {
    return d_().m_.index_of(q);
  }
  /// The first key. Precondition: !empty().
  constexpr const KM& front() const noexcept { return d_().m_.front().first; }
  /// The last key. Precondition: !empty().
  constexpr const KM& back() const noexcept { return d_().m_.back().first; }

  // ---- Lookup ------------------------------------------------------------------
  /// Pointer to key q, or end(). O(1) expected.
  template <class Q = KM>
  constexpr const KM* find(const Q& q) const {
    auto&& c = core_();
    return c.mc_keys() + c.mc_find(q);
  }
  /// true when key q is present. O(1) expected.
  template <class Q = KM>
  constexpr bool contains(const Q& q) const {
    return d_().m_.contains(q);
  }
  /// 1 if key q is present, else 0.
  template <class Q = KM>
  constexpr size_type count(const Q& q) const {
    return d_().m_.count(q);
  }

  // ---- Insertion -----------------------------------------------------------------
  /// Inserts k unless present: {position, inserted}; a new key into a full
  /// set raises length_error.
  constexpr std::pair<iterator, bool> insert(const KM& k) { return emplace_key_(k); }
  /// As insert(const K&), moving k if it is new.
  constexpr std::pair<iterator, bool> insert(KM&& k) { return emplace_key_(std::move(k)); }
  /// As insert(k); the hint is ignored.
  constexpr iterator insert(const_iterator /*hint*/, const KM& k) { return insert(k).first; }
  /// As insert(std::move(k)); the hint is ignored.
  constexpr iterator insert(const_iterator /*hint*/, KM&& k) { return insert(std::move(k)).first; }
  /// Inserts each key in turn; on overflow the ones before stay inserted and length_error is raised.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) insert(*first);
  }
  /// Inserts each key of il in turn (see insert(first, last)).
  constexpr void insert(std::initializer_list<KM> il) { insert(il.begin(), il.end()); }
  /// Inserts K(args...) unless present (a K is always constructed first).
  template <class... Args>
  constexpr std::pair<iterator, bool> emplace(Args&&... args) {
    return insert(KM(std::forward<Args>(args)...));
  }
  /// As emplace; the hint is ignored.
  template <class... Args>
  constexpr iterator emplace_hint(const_iterator /*hint*/, Args&&... args) {
    return emplace(std::forward<Args>(args)...).first;
  }
  /// As insert, except that a new key into a full set returns an empty
  /// optional: nothing changes, k is not moved from.
  [[nodiscard]] constexpr try_insert_result try_insert(const KM& k) { return try_insert_key_(k); }
  /// As try_insert(const K&), moving k only if it is inserted.
  [[nodiscard]] constexpr try_insert_result try_insert(KM&& k) { return try_insert_key_(std::move(k)); }

  // ---- Erasure ---------------------------------------------------------------
  /// erase is swap_erase (O(1), the last key moves into the hole; see IndexMap).
  constexpr iterator erase(const_iterator pos) { return swap_erase(pos); }
  /// Removes key q, if present, as swap_erase. Returns 0 or 1.
  template <class Q = KM, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type erase(const Q& q) {
    return d_().m_.swap_erase(q);
  }
  /// Removes the key at pos; the last key moves into its place. Returns pos
  /// (the caller's own pointer). O(1). Precondition: pos is dereferenceable.
  constexpr iterator swap_erase(const_iterator pos) {
    auto&& c = mutable_core_();
    const size_type i = static_cast<size_type>(pos - c.mc_keys());
    HEAPLESS_ASSERT(i < c.mc_size(), "IndexSet::swap_erase: iterator not dereferenceable");
    algo_::remove_swap(c, i);
    return pos;
  }
  /// Removes key q, if present, as swap_erase(pos). Returns 0 or 1.
  template <class Q = KM, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type swap_erase(const Q& q) {
    return d_().m_.swap_erase(q);
  }
  /// Removes the key at pos keeping the order of the others: O(n + slots()).
  /// Returns pos (the caller's own pointer), which now holds the key that
  /// followed. Precondition: pos is dereferenceable.
  constexpr iterator shift_erase(const_iterator pos) {
    auto&& c = mutable_core_();
    const size_type i = static_cast<size_type>(pos - c.mc_keys());
    HEAPLESS_ASSERT(i < c.mc_size(), "IndexSet::shift_erase: iterator not dereferenceable");
    algo_::erase_shift(c, i, i + 1);
    return pos;
  }
  /// Removes key q, if present, as shift_erase(pos). Returns 0 or 1.
  template <class Q = KM, std::enable_if_t<!std::is_convertible_v<const Q&, const_iterator>, int> = 0>
  constexpr size_type shift_erase(const Q& q) {
    return d_().m_.shift_erase(q);
  }
  /// Removes the last key: O(1). Precondition: !empty().
  constexpr void pop_back() { d_().m_.pop_back(); }
  /// Removes every key.
  constexpr void clear() noexcept { d_().m_.clear(); }

  // ---- Set relations -------------------------------------------------------------
  /// Every key of *this is in o. O(n) expected.
  template <std::size_t M>
  constexpr bool is_subset(const IndexSet<KM, M, Hash, KeyEqual>& o) const {
    return subset_(d_(), o);
  }
  /// Every key of *this is in the set o refers to (any capacity). O(n) expected.
  bool is_subset(IndexSetRef<const KM, Hash, KeyEqual> o) const { return subset_(d_(), o); }
  /// Every key of o is in *this. O(n) expected.
  template <std::size_t M>
  constexpr bool is_superset(const IndexSet<KM, M, Hash, KeyEqual>& o) const {
    return subset_(o, d_());
  }
  /// Every key of the set o refers to is in *this. O(n) expected.
  bool is_superset(IndexSetRef<const KM, Hash, KeyEqual> o) const { return subset_(o, d_()); }

  /// Same keys, in any order (the capacities of two views may differ).
  friend constexpr bool operator==(const D& a, const D& b) { return algo_::equal(core_of_(a), core_of_(b)); }
  /// !(a == b).
  friend constexpr bool operator!=(const D& a, const D& b) { return !(a == b); }

  // erase_if(set, pred) (a free function of this header) runs this.
  template <class Pred>
  static constexpr size_type erase_if_(D& s, Pred& pred) {
    static_assert(!read_only_, "IndexSetRef<const K>: a read-only view cannot modify the set");
    return erase_if(s.m_, [&pred](const auto& entry) { return static_cast<bool>(pred(entry.first)); });
  }

 private:
  constexpr D& d_() noexcept { return static_cast<D&>(*this); }
  constexpr const D& d_() const noexcept { return static_cast<const D&>(*this); }
  // The map's core: the IndexMap itself (a reference), or the view's core
  // built for this call (a value).
  static constexpr decltype(auto) core_of_(const D& s) noexcept { return s.m_.mc_core(); }
  constexpr decltype(auto) core_() const noexcept { return core_of_(d_()); }
  constexpr decltype(auto) mutable_core_() noexcept {
    static_assert(!read_only_, "IndexSetRef<const K>: a read-only view cannot modify the set");
    return d_().m_.mc_core();
  }
  template <class KK>
  constexpr std::pair<iterator, bool> emplace_key_(KK&& k) {
    auto&& c = mutable_core_();
    const std::pair<size_type, bool> r = algo_::try_emplace(c, std::forward<KK>(k));
    return {c.mc_keys() + r.first, r.second};
  }
  template <class KK>
  constexpr try_insert_result try_insert_key_(KK&& k) {
    auto&& c = mutable_core_();
    return algo_::try_insert(
        c, [&c](size_type i, bool inserted) { return std::pair<iterator, bool>(c.mc_keys() + i, inserted); },
        std::forward<KK>(k));
  }
  template <class A, class B>
  static constexpr bool subset_(const A& a, const B& b) {
    if (a.size() > b.size()) return false;
    for (const KM& k : a) {
      if (!b.contains(k)) return false;
    }
    return true;
  }
};

// ---- IndexSet ------------------------------------------------------------------

/// A hash set of at most N keys, iterated in insertion order: an IndexMap
/// without values (same index, same costs, same error tiers). The members
/// not listed here are shared with IndexSetRef (index_set_members).
template <class K, std::size_t N, class Hash, class KeyEqual>
class IndexSet : public index_set_members<IndexSet<K, N, Hash, KeyEqual>, K, Hash, KeyEqual> {
  using map_ = IndexMap<K, detail::index_set_unit, N, Hash, KeyEqual>;
  using api_ = index_set_members<IndexSet, K, Hash, KeyEqual>;

 public:
  using typename api_::size_type;

  constexpr IndexSet() noexcept = default;
  /// Empty, with these function objects (a keyed hash, say).
  constexpr explicit IndexSet(const Hash& h, const KeyEqual& eq = KeyEqual()) : m_(h, eq) {}
  /// Inserts each key; more than N distinct keys raises length_error.
  constexpr IndexSet(std::initializer_list<K> il) { this->insert(il.begin(), il.end()); }
  /// Inserts each key of [first, last); more than N distinct keys raises length_error.
  template <class InputIt, class = typename std::iterator_traits<InputIt>::iterator_category>
  constexpr IndexSet(InputIt first, InputIt last) {
    this->insert(first, last);
  }
  /// Replaces the contents with the keys of il (as clear(), then insert(il)).
  constexpr IndexSet& operator=(std::initializer_list<K> il) {
    this->clear();
    this->insert(il.begin(), il.end());
    return *this;
  }

  /// The maximum number of keys (N).
  static constexpr size_type capacity() noexcept { return N; }
  /// Same as capacity().
  static constexpr size_type max_size() noexcept { return N; }
  /// Number of index slots: the smallest power of two >= 2N.
  static constexpr size_type slots() noexcept { return map_::slots(); }

  /// Exchanges the contents (and the function objects), as IndexMap::swap.
  constexpr void swap(IndexSet& o) noexcept(noexcept(std::declval<map_&>().swap(std::declval<map_&>()))) {
    m_.swap(o.m_);
  }
  /// As a.swap(b).
  friend constexpr void swap(IndexSet& a, IndexSet& b) noexcept(noexcept(a.swap(b))) { a.swap(b); }

 private:
  template <class, class, class, class>
  friend class index_set_members;
  template <class, class, class>
  friend class IndexSetRef;

  map_ m_;
};

/// Removes every key for which pred(key) is true, keeping the order of the
/// others. Returns the number removed. O(n + slots()).
template <class K, std::size_t N, class H, class E, class Pred>
constexpr std::size_t erase_if(IndexSet<K, N, H, E>& s, Pred pred) {
  return IndexSet<K, N, H, E>::erase_if_(s, pred);
}

// ---- Capacity erasure: IndexSetRef<K, Hash, KeyEqual> -------------------------------

/// A non-owning handle to an IndexSet<K, N, Hash, KeyEqual> of any capacity
/// N: one non-template function can fill and search sets of different
/// sizes. Built on demand (implicit at a call): an IndexMapRef to the set's
/// map, two pointers (16 bytes on 64-bit hosts, 8 on Cortex-M); valid while
/// the set lives and is not moved. It has IndexSet's whole API except what
/// concerns the capacity itself and swap: size, iteration, positions,
/// lookup, every insert and emplace form, try_insert, erase / swap_erase /
/// shift_erase (position, key), pop_back, erase_if, clear, is_subset /
/// is_superset, == and !=. Each member is IndexSet's own member, with
/// IndexSet's errors and guarantees; lookups reach the set's own hash search
/// through one indirect call (IndexMapRef's rules for heterogeneous queries).
///
/// IndexSetRef<const K, Hash, KeyEqual> is the read-only view: it converts
/// from a const IndexSet, an IndexSet and an IndexSetRef<K, ...>, and offers
/// size, iteration, positions, lookup and comparison; a modifying member
/// does not compile. A `const IndexSetRef` is read-only too.
template <class K, class Hash, class KeyEqual>
class IndexSetRef : public index_set_members<IndexSetRef<K, Hash, KeyEqual>, K, Hash, KeyEqual> {
  using KM = std::remove_const_t<K>;
  using api_ = index_set_members<IndexSetRef, K, Hash, KeyEqual>;
  using unit_ = std::conditional_t<std::is_const_v<K>, const detail::index_set_unit, detail::index_set_unit>;
  using map_ = IndexMapRef<KM, unit_, Hash, KeyEqual>;
  template <std::size_t N>
  using owner_ = IndexSet<KM, N, Hash, KeyEqual>;

 public:
  using typename api_::size_type;

  /// Refers to s (implicit, so an IndexSet<K, N, Hash, KeyEqual>& converts at a call).
  template <std::size_t N>
  IndexSetRef(owner_<N>& s) noexcept  // NOLINT: implicit on purpose
      : m_(s.m_) {}
  /// Read-only view of a const IndexSet (IndexSetRef<const K, ...> only).
  template <std::size_t N, class U = K, std::enable_if_t<std::is_const_v<U>, int> = 0>
  IndexSetRef(const owner_<N>& s) noexcept  // NOLINT: implicit on purpose
      : m_(s.m_) {}
  /// An IndexSetRef<K, ...> converts to the read-only IndexSetRef<const K, ...>.
  template <class U = K, std::enable_if_t<std::is_const_v<U>, int> = 0>
  IndexSetRef(const IndexSetRef<KM, Hash, KeyEqual>& other) noexcept  // NOLINT: implicit on purpose
      : m_(other.m_) {}

  /// The set's N.
  size_type capacity() const noexcept { return m_.capacity(); }
  /// Same as capacity().
  size_type max_size() const noexcept { return m_.max_size(); }
  /// The set's number of index slots (the smallest power of two >= 2N).
  size_type slots() const noexcept { return m_.slots(); }

 private:
  template <class, class, class, class>
  friend class index_set_members;
  template <class, class, class>
  friend class IndexSetRef;

  map_ m_;
};

/// As erase_if(IndexSet&, pred), through a view.
template <class K, class H, class E, class Pred>
std::size_t erase_if(IndexSetRef<K, H, E> s, Pred pred) {
  return IndexSetRef<K, H, E>::erase_if_(s, pred);
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

#endif  // HEAPLESS_INDEX_SET_HPP

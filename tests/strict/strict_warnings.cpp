// strict_warnings.cpp - every public header, every container, every member,
// compiled with the warnings firmware teams turn on (tests/strict/CMakeLists.txt
// lists them, and the clang exceptions with their reasons). The program only
// has to compile; main() runs a few calls so the optimiser sees real data
// flow (some warnings, e.g. -Warray-bounds and -Wrestrict, come from it).
//
// A new container header goes into the #include list and gets its explicit
// instantiations below (a trivial and a non-trivial element type), plus a call
// of each member template.
#include <heapless.hpp>
#include <heapless/format.hpp>
#include <heapless/linear_map.hpp>
#include <heapless/pool.hpp>
#include <heapless/spsc.hpp>
#include <heapless/string.hpp>
#include <heapless/vec.hpp>
// Opt-in headers (not in the umbrella).
#include <heapless/array.hpp>
#include <heapless/index_set.hpp>
#include <heapless/ostream.hpp>

#include <cstdint>
#include <cstdio>
#include <iterator>

namespace strict {

// A non-trivial element that supports every operation a container member may
// need (copy, move, default, comparison, ordering), so explicit instantiation
// of a whole class compiles every member.
class element {
 public:
  element() noexcept = default;
  element(int v) noexcept : value_(v) {}  // NOLINT: implicit, like an int
  element(const element& o) noexcept : value_(o.value_) {}
  element(element&& o) noexcept : value_(o.value_) { o.value_ = -1; }
  element& operator=(const element& o) noexcept {
    value_ = o.value_;
    return *this;
  }
  element& operator=(element&& o) noexcept {
    value_ = o.value_;
    o.value_ = -1;
    return *this;
  }
  ~element() { value_ = -2; }
  int value() const noexcept { return value_; }
  friend bool operator==(const element& a, const element& b) noexcept { return a.value_ == b.value_; }
  friend bool operator!=(const element& a, const element& b) noexcept { return a.value_ != b.value_; }
  friend bool operator<(const element& a, const element& b) noexcept { return a.value_ < b.value_; }
  friend bool operator<=(const element& a, const element& b) noexcept { return a.value_ <= b.value_; }
  friend bool operator>(const element& a, const element& b) noexcept { return a.value_ > b.value_; }
  friend bool operator>=(const element& a, const element& b) noexcept { return a.value_ >= b.value_; }

 private:
  int value_ = 0;
};

// A key type with a hash-free, scanned search (not an integer, not a string).
struct key {
  long id;
  friend bool operator==(const key& a, const key& b) noexcept { return a.id == b.id; }
  friend bool operator!=(const key& a, const key& b) noexcept { return a.id != b.id; }
};

}  // namespace strict

// ---- Explicit instantiations: every non-template member ----------------------
// Vec: trivial (several size-type widths), byte-sized, non-trivial, empty.
template class heapless::Vec<int, 8>;
template class heapless::Vec<std::uint8_t, 1>;
template class heapless::Vec<char, 300>;
template class heapless::Vec<double, 70000>;
template class heapless::Vec<strict::element, 5>;
template class heapless::Vec<int, 0>;
template class heapless::VecRef<int>;
template class heapless::VecRef<strict::element>;
// String: one-byte length (N < 256), wider lengths.
template class heapless::String<0>;
template class heapless::String<1>;
template class heapless::String<31>;
template class heapless::String<255>;
template class heapless::String<256>;
template class heapless::String<70000>;
// LinearMap: integer keys (scanned and indexed sizes), string keys, other keys,
// non-trivial values.
template class heapless::LinearMap<int, int, 4>;
template class heapless::LinearMap<int, int, 64>;
template class heapless::LinearMap<std::uint8_t, strict::element, 8>;
template class heapless::LinearMap<std::int64_t, double, 40>;
template class heapless::LinearMap<heapless::String<15>, int, 8>;
template class heapless::LinearMap<strict::key, strict::element, 6>;
// The members LinearMap shares with LinearMapRef live in its bases.
template class heapless::map_members<heapless::LinearMap<int, int, 64>, int, int>;
template class heapless::linear_map_members<heapless::LinearMap<int, int, 64>, int, int>;
template class heapless::map_members<heapless::LinearMap<heapless::String<15>, int, 8>, heapless::String<15>, int>;
template class heapless::linear_map_members<heapless::LinearMap<heapless::String<15>, int, 8>,
                                                heapless::String<15>, int>;
template class heapless::map_members<heapless::LinearMap<strict::key, strict::element, 6>, strict::key,
                                         strict::element>;
template class heapless::linear_map_members<heapless::LinearMap<strict::key, strict::element, 6>, strict::key,
                                                strict::element>;
// LinearMapRef: integer, string and other keys.
template class heapless::LinearMapRef<int, int>;
template class heapless::map_members<heapless::LinearMapRef<int, int>, int, int>;
template class heapless::linear_map_members<heapless::LinearMapRef<int, int>, int, int>;
template class heapless::LinearMapRef<heapless::String<15>, int>;
template class heapless::map_members<heapless::LinearMapRef<heapless::String<15>, int>, heapless::String<15>, int>;
template class heapless::linear_map_members<heapless::LinearMapRef<heapless::String<15>, int>,
                                                heapless::String<15>, int>;
template class heapless::LinearMapRef<strict::key, strict::element>;
template class heapless::map_members<heapless::LinearMapRef<strict::key, strict::element>, strict::key,
                                         strict::element>;
template class heapless::linear_map_members<heapless::LinearMapRef<strict::key, strict::element>, strict::key,
                                                strict::element>;
// spsc: trivial and non-trivial elements, power-of-two and other capacities.
template class heapless::spsc::Queue<int, 8>;
template class heapless::spsc::Queue<std::uint8_t, 255>;
template class heapless::spsc::Queue<strict::element, 5>;
template class heapless::spsc::Producer<int, 8>;
template class heapless::spsc::Consumer<int, 8>;
template class heapless::spsc::Producer<strict::element, 5>;
template class heapless::spsc::Consumer<strict::element, 5>;
// spsc::QueueRef and the handles of a view.
template class heapless::spsc::QueueRef<int>;
template class heapless::spsc::QueueRef<strict::element>;
template class heapless::spsc::ProducerRef<int>;
template class heapless::spsc::ConsumerRef<int>;
template class heapless::spsc::ProducerRef<strict::element>;
template class heapless::spsc::ConsumerRef<strict::element>;
// Pool: every policy; trivial, non-trivial and small (index-linked) elements.
namespace strict {
struct no_lock {
  static void lock() noexcept {}
  static void unlock() noexcept {}
};
}  // namespace strict
template class heapless::Pool<int, 8, heapless::pool_policy::single_thread>;
template class heapless::Pool<std::uint8_t, 300, heapless::pool_policy::single_thread>;
template class heapless::Pool<strict::element, 4, heapless::pool_policy::lock_free>;
template class heapless::Pool<std::uint64_t, 4, heapless::pool_policy::lock_free>;
template class heapless::Pool<strict::element, 4, heapless::pool_policy::critical_section<strict::no_lock>>;
// (VecRef<const T>, the read-only view, rejects its modifying members with a
// static_assert, so it cannot be instantiated whole: main() reads through it.)
// IndexMap / IndexSet: integer, string and other keys, non-trivial values.
template class heapless::IndexMap<int, int, 7>;
template class heapless::IndexMap<std::uint32_t, strict::element, 64>;
template class heapless::IndexMap<heapless::String<15>, int, 8>;
template class heapless::map_members<heapless::IndexMap<int, int, 7>, int, int>;
template class heapless::index_map_members<heapless::IndexMap<int, int, 7>, int, int>;
template class heapless::map_members<heapless::IndexMap<heapless::String<15>, int, 8>, heapless::String<15>, int>;
template class heapless::index_map_members<heapless::IndexMap<heapless::String<15>, int, 8>,
                                               heapless::String<15>, int>;
// IndexMapRef: integer and string keys.
template class heapless::IndexMapRef<int, int>;
template class heapless::map_members<heapless::IndexMapRef<int, int>, int, int>;
template class heapless::index_map_members<heapless::IndexMapRef<int, int>, int, int>;
template class heapless::IndexMapRef<std::uint32_t, strict::element>;
template class heapless::map_members<heapless::IndexMapRef<std::uint32_t, strict::element>, std::uint32_t,
                                         strict::element>;
template class heapless::index_map_members<heapless::IndexMapRef<std::uint32_t, strict::element>,
                                               std::uint32_t, strict::element>;
template class heapless::IndexMapRef<heapless::String<15>, int>;
template class heapless::map_members<heapless::IndexMapRef<heapless::String<15>, int>, heapless::String<15>, int>;
template class heapless::IndexSet<int, 10>;
template class heapless::IndexSet<heapless::String<15>, 5>;
// IndexSetRef: integer, string and non-trivial keys (the members it shares with IndexSet too).
template class heapless::IndexSetRef<int>;
template class heapless::IndexSetRef<heapless::String<15>>;
template class heapless::index_set_members<heapless::IndexSetRef<int>, int, heapless::hash<int>, std::equal_to<>>;
template class heapless::index_set_members<heapless::IndexSet<int, 10>, int, heapless::hash<int>, std::equal_to<>>;
// mpmc: every policy; trivial and non-trivial elements.
template class heapless::mpmc::Queue<int, 8, heapless::pool_policy::lock_free>;
template class heapless::mpmc::Queue<std::uint8_t, 3, heapless::pool_policy::single_thread>;
template class heapless::mpmc::Queue<strict::element, 5, heapless::pool_policy::lock_free>;
template class heapless::mpmc::Queue<int, 4, heapless::pool_policy::critical_section<strict::no_lock>>;
// mpmc::QueueRef: every policy; trivial and non-trivial elements.
template class heapless::mpmc::QueueRef<int, heapless::pool_policy::lock_free>;
template class heapless::mpmc::QueueRef<std::uint8_t, heapless::pool_policy::single_thread>;
template class heapless::mpmc::QueueRef<strict::element, heapless::pool_policy::lock_free>;
template class heapless::mpmc::QueueRef<int, heapless::pool_policy::critical_section<strict::no_lock>>;
// Arc / ArcPool, ObjectPool / Object.
template class heapless::ArcPool<strict::element, 4, heapless::pool_policy::lock_free>;
template class heapless::Arc<strict::element, heapless::pool_policy::lock_free>;
template class heapless::ArcPool<int, 4, heapless::pool_policy::single_thread>;
template class heapless::ObjectPool<strict::element, 4, heapless::pool_policy::lock_free>;
template class heapless::ObjectPool<int, 3, heapless::pool_policy::single_thread>;
// Deque and HistoryBuffer: power-of-two and other capacities, byte-sized,
// non-trivial.
template class heapless::Deque<int, 8>;
template class heapless::Deque<std::uint8_t, 13>;
template class heapless::Deque<strict::element, 5>;
template class heapless::HistoryBuffer<float, 64>;
template class heapless::HistoryBuffer<std::uint16_t, 10>;
template class heapless::HistoryBuffer<strict::element, 3>;
// Their views (mutable: the read-only ones, like VecRef<const T>, reject
// their modifying members, so main() reads through them instead).
template class heapless::DequeRef<int>;
template class heapless::DequeRef<std::uint8_t>;
template class heapless::DequeRef<strict::element>;
template class heapless::HistoryBufferRef<float>;
template class heapless::HistoryBufferRef<std::uint8_t>;
template class heapless::HistoryBufferRef<strict::element>;
// BinaryHeap and SortedLinkedList: max and min order, non-trivial elements,
// small and larger N (SortedLinkedList's search fingers from N = 32).
template class heapless::BinaryHeap<int, 16>;
template class heapless::BinaryHeap<strict::element, 5, std::greater<strict::element>>;
template class heapless::SortedLinkedList<int, 8>;
template class heapless::SortedLinkedList<std::uint32_t, 40>;
template class heapless::SortedLinkedList<strict::element, 5, std::greater<strict::element>>;
// Their views: empty and stateful comparisons, one- and two-byte list
// indices. (The read-only views reject their modifying members with a
// static_assert, as VecRef<const T>: main() reads through them.)
template class heapless::BinaryHeapRef<int>;
template class heapless::BinaryHeapRef<strict::element, std::greater<strict::element>>;
template class heapless::SortedLinkedListRef<int>;
template class heapless::SortedLinkedListRef<std::uint32_t, std::less<std::uint32_t>, std::uint16_t>;
template class heapless::SortedLinkedListRef<strict::element, std::greater<strict::element>>;

// ---- Member templates and free functions: called once each -------------------
namespace strict {

template <class T, std::size_t N>
void vec_templates(heapless::Vec<T, N>& v, const T* p) {
  heapless::Vec<T, N> a(p, p + 1);
  v.assign(p, p + 1);
  v.append(p, p + 1);
  v.insert(v.begin(), p, p + 1);
  v.emplace(v.begin(), p[0]);
  v.emplace_back(p[0]);
  (void)v.try_emplace_back(p[0]);
  (void)v.try_append(p, p + 1);
  erase(v, p[0]);
  erase_if(v, [](const T&) { return false; });
  heapless::VecRef<T> r(a);
  r.append(p, p + 1);
  (void)r.try_append(p, p + 1);
  r.emplace_back(p[0]);
  (void)r.try_emplace_back(p[0]);
  (void)(a == v);
  (void)(a < v);
}

template <class K, class V, std::size_t N>
void map_templates(heapless::LinearMap<K, V, N>& m, const K& k, const V& v) {
  m.emplace(k, v);
  m.try_emplace(k, v);
  m.insert_or_assign(k, v);
  (void)m.find(k);
  (void)m.count(k);
  erase_if(m, [](const auto&) { return false; });
}

template <class T, std::size_t N>
void queue_templates(heapless::spsc::Queue<T, N>& q, const T* p) {
  (void)q.try_emplace(p[0]);
  (void)q.push(p, p + 1);
  heapless::Vec<T, 2> v(p, p + 1);
  (void)q.push(v);
  T out[2];
  (void)q.pop(out, 2);
  auto pc = q.split();
  (void)pc.first.try_emplace(p[0]);
  (void)pc.first.push(p, p + 1);
  (void)pc.first.push(v);
  (void)pc.second.pop();
  heapless::spsc::QueueRef<T> r = q;
  (void)r.try_emplace(p[0]);
  (void)r.push(p, p + 1);
  (void)r.push(v);
  (void)r.pop(out, 2);
  auto rc = r.split();
  (void)rc.first.try_push(p[0]);
  (void)rc.first.push(v);
  (void)rc.second.try_pop();
  (void)rc.second.drain([](T&&) {});
  (void)rc.second.drain(out);
  (void)q.drain(out);
}

// Empty spsc handles: the optimiser sees the shared block they point at and
// must not warn about the slot path behind it, which the indices never take.
[[gnu::noinline]] inline int empty_handles(int n) {
  heapless::spsc::Producer<int, 4> tx;
  heapless::spsc::Consumer<int, 4> rx;
  int x = 0;
  const bool pushed = tx.try_push(n);
  const bool popped = rx.try_pop(x);
  const auto o = rx.try_pop();
  return pushed + popped + o.has_value() + (rx.front() != nullptr) + x;
}

template <class T, std::size_t N, class P>
void pool_templates(heapless::Pool<T, N, P>& pool, const T& x) {
  auto b = pool.make(x);
  auto c = pool.try_make(x);
  (void)(b.get() == c.get());
}

}  // namespace strict

int main(int argc, char**) {
  using heapless::String;
  using heapless::Vec;
  const int n = argc;
  int ints[2] = {n, n + 1};
  strict::element els[2] = {n, n + 1};

  Vec<int, 8> vi;
  strict::vec_templates(vi, ints);
  Vec<strict::element, 5> ve;
  strict::vec_templates(ve, els);
  Vec<std::uint8_t, 1> full{1};
  (void)full.try_push_back(2);
  if (argc > 100) full.insert(full.begin(), std::uint8_t{2});  // raises: full

  String<31> s = "abcdef";
  s.insert(2, s.c_str() + 1, 3);
  s.append(s.c_str(), 2);
  s.replace(0, 1, s.c_str() + 2, 2);
  String<31> t(s.begin(), s.end());
  t.assign(s.begin(), s.end());
  t.append(s.begin(), s.end());
  t.insert(t.begin(), s.begin(), s.begin() + 1);
  (void)(s == t);
  (void)(s < t);
  (void)(s == "x");
  (void)(s + t);

  heapless::LinearMap<int, int, 64> mi;
  strict::map_templates(mi, n, n);
  heapless::LinearMap<String<15>, int, 8> ms;
  strict::map_templates(ms, String<15>("k"), n);
  heapless::LinearMap<strict::key, strict::element, 6> mk;
  strict::map_templates(mk, strict::key{n}, strict::element{n});

  heapless::spsc::Queue<int, 8> qi;
  strict::queue_templates(qi, ints);
  heapless::spsc::Queue<strict::element, 5> qe;
  strict::queue_templates(qe, els);
  if (argc > 100) strict::empty_handles(n);  // raises: empty handles

  static heapless::Pool<strict::element, 4, heapless::pool_policy::lock_free> pl;
  strict::pool_templates(pl, els[0]);
  static heapless::Pool<int, 8, heapless::pool_policy::single_thread> ps;
  strict::pool_templates(ps, n);

  String<64> f;
  heapless::format_to(f, "{} {:>5} {:x} {:.3} {}", n, s, 255u, 1.5, 'c');
  heapless::format_to(f, HEAPLESS_FMT("{} {}"), n, 2.5f);
  (void)heapless::try_format_to(f, "{}", n);
  (void)heapless::format_to_truncating(f, "{}", n);
  (void)heapless::format<16>("{}", n);
  char buf[8];
  (void)heapless::format_to_n(buf, sizeof buf, "{}", n);
  (void)heapless::formatted_size("{}", n);
  Vec<char, 16> vc;
  heapless::format_to(vc, "{}", n);
  heapless::format_to(std::back_inserter(vc), "{}", n);

  // The newer containers and headers: a few calls with real data flow.
  const heapless::VecRef<const int> cv = vi;
  (void)(cv.size() + (cv.empty() ? 0u : static_cast<unsigned>(cv.front())));
  (void)(cv == cv);
  heapless::StringRef sr = s;
  sr.append("xy");
  heapless::format_to(sr, "{}", n);
  heapless::IndexMap<int, int, 7> im;
  im.insert_or_assign(n, n);
  (void)im.find(n);
  heapless::LinearMapRef<int, int> lr = mi;
  lr.insert_or_assign(n + 1, n);
  (void)lr.try_insert(n + 2, n);
  (void)lr.erase_stable(n + 2);
  (void)erase_if(lr, [n](const auto& e) { return e.second == n + 3; });
  const heapless::LinearMapRef<int, const int> lc = mi;
  (void)(lc.at(n + 1) + static_cast<int>(lc.size()));
  (void)(lc == lc);
  heapless::LinearMapRef<String<15>, int> lsr = ms;
  lsr["key"] = n;
  (void)lsr.find("key");
  heapless::IndexMapRef<int, int> ir = im;
  ir[n + 1] = n;
  (void)ir.index_of(n + 1);
  (void)ir.shift_erase(n + 1);
  (void)erase_if(ir, [n](const auto& e) { return e.second == n + 3; });
  const heapless::IndexMapRef<int, const int> ic = im;
  (void)(ic.front().second + static_cast<int>(ic.slots()));
  heapless::IndexSet<int, 10> is{n, n + 1};
  heapless::IndexSet<int, 10> iu;
  heapless::set_union(is, is, iu);
  heapless::IndexSetRef<int> isr = iu;
  (void)isr.try_insert(n + 2);
  (void)erase_if(isr, [n](int k) { return k == n + 5; });
  const heapless::IndexSetRef<const int> isc = isr;
  (void)(*isc.find(n) + static_cast<int>(isc.slots()) + static_cast<int>(isc.is_subset(is)));
  heapless::Deque<int, 8> dq;
  dq.push_back(n);
  dq.push_front(n + 1);
  dq.insert(dq.begin() + 1, ints, ints + 2);
  (void)dq.erase(dq.begin());
  heapless::HistoryBuffer<float, 64> hb;
  hb.push(static_cast<float>(n));
  heapless::Deque<std::uint8_t, 300> dq300;
  const heapless::DequeRef<int> dr = dq;
  dr.push_back(ints, ints + 2);
  dr.emplace_back(n);
  (void)dr.try_emplace_front(n);
  dr.assign(ints, ints + 2);
  (void)dr.insert(dr.cbegin() + 1, ints, ints + 2);
  (void)dr.emplace(dr.cbegin(), n);
  (void)dr.try_push_back(ints, ints + 2);
  (void)erase(dr, n);
  (void)erase_if(dr, [n](int x) { return x > n; });
  (void)(dr == dr);
  (void)(dr < dr);
  const heapless::DequeRef<std::uint8_t> dr8 = dq300;
  dr8.push_front(static_cast<std::uint8_t>(n));
  const heapless::DequeRef<const int> cdr = dq;
  (void)(cdr.size() + (cdr.empty() ? 0u : static_cast<unsigned>(cdr.front() + cdr.back())));
  for (int x : cdr) (void)x;
  (void)cdr.as_spans();
  const heapless::HistoryBufferRef<float> hr = hb;
  const float floats[2] = {0.5f, 1.0f};
  hr.extend(floats, floats + 2);
  hr.append(heapless::Vec<float, 2>(floats, floats + 2));
  hr.append(floats);
  hb.append(floats);
  hr.emplace(1.5f);
  const heapless::HistoryBufferRef<const float> chr = hb;
  float hsum = 0;
  for (float x : chr) hsum += x;
  (void)(hsum + (chr.recent() ? *chr.recent() : 0.0f) + (chr.full() ? chr.full_storage()[0] : 0.0f));
  heapless::BinaryHeap<int, 16> bh(ints, ints + 2);
  bh.push(n);
  (void)bh.try_pop();
  heapless::SortedLinkedList<int, 8> sl;
  sl.push(n);
  (void)sl.find_if([n](int x) { return x == n; });
  heapless::SortedLinkedList<int, 8> sl2 = sl;
  sl2.push(n + 1);
  (void)(sl == sl2);
  (void)(sl < sl2);
  sl2.swap(sl);
  swap(sl2, sl);
  heapless::BinaryHeap<int, 16> bh2 = bh;
  int sorted2[16];
  (void)bh2.into_sorted(sorted2);
  bh2.push(n);
  (void)bh2.into_sorted().size();
  const heapless::BinaryHeapRef<int> bhr = bh;
  bhr.emplace(n + 1);
  (void)bhr.try_emplace(n);
  { *bhr.top_mut() += 1; }
  const heapless::BinaryHeapRef<const int> cbh = bh;
  (void)(cbh.top() + static_cast<int>(cbh.size()));
  int sorted[16];
  (void)bhr.into_sorted(sorted);
  const heapless::SortedLinkedListRef<int> slr = sl;
  slr.emplace(n + 2);
  (void)slr.try_emplace(n);
  (void)slr.remove_if([n](int x) { return x == n + 2; });
  { if (auto h = slr.find_mut([n](int x) { return x == n; })) *h += 1; }
  const heapless::SortedLinkedListRef<const int> csl = sl;
  (void)csl.find_before_if([n](int x) { return x == n; });
  (void)(csl.size() + static_cast<std::size_t>(csl.empty() ? 0 : csl.front()));
  heapless::mpmc::Queue<int, 8, heapless::pool_policy::lock_free> mq;
  (void)mq.try_push(n);
  (void)mq.try_pop();
  heapless::mpmc::QueueRef<int, heapless::pool_policy::lock_free> mr = mq;
  (void)mr.try_emplace(n);
  (void)(static_cast<int>(mr.size()) + static_cast<int>(mr.capacity()));
  heapless::spsc::Queue<std::uint8_t, 300> sq300;
  heapless::spsc::QueueRef<std::uint8_t> sqr = sq300;
  (void)sqr.try_push(static_cast<std::uint8_t>(n));
  for (std::uint8_t& b : sqr.peek()) b = static_cast<std::uint8_t>(b + 1);
  (void)sqr.try_pop();
  static heapless::ArcPool<int, 4, heapless::pool_policy::single_thread> ap;
  auto a1 = ap.make_shared(n);
  auto a2 = a1;
  (void)(a1 == a2);
  (void)(a1 < a2);
#if HEAPLESS_HAS_THREE_WAY
  (void)(a1 <=> a2);
#endif
  static heapless::ObjectPool<int, 3, heapless::pool_policy::single_thread> op;
  (void)op.try_acquire();
  (void)heapless::parse<int>("42");
  (void)heapless::to_string<12>(n);
  for (std::string_view tok : heapless::split(std::string_view("a,b"), ',')) (void)tok;
  (void)heapless::from_array(ints);
  if (!vi.empty()) vi.swap_erase(vi.begin());

  std::printf("%s %d %d\n", f.c_str(), static_cast<int>(vi.size()), ve.empty() ? 0 : ve[0].value());
  return 0;
}

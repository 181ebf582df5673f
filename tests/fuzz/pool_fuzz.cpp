// pool_fuzz.cpp - libFuzzer target: a single-thread model of Pool driven by
// the input bytes, checked after every step against a reference set of live
// slots (std::vector). Traps on any mismatch. Built with ASan, so a freed slot
// touched by the pool itself would also be reported (free slots are poisoned).
#include <heapless/pool.hpp>

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t, std::uint32_t
#include <cstring>  // std::memset
#include <vector>   // the reference model

namespace {

struct item {
  std::uint32_t value;
  std::uint32_t check;  // ~value
  std::uint64_t pad;
  explicit item(std::uint32_t v) noexcept : value(v), check(~v), pad(v) {}
  bool intact(std::uint32_t v) const noexcept { return value == v && check == ~v && pad == v; }
};

void require(bool ok) {
  if (!ok) __builtin_trap();
}

template <class PoolT>
void run(PoolT& pool, const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t n = PoolT::capacity();
  using Box = typename PoolT::Box;
  struct live_entry {
    item* p;
    std::uint32_t value;
    int how;  // 0 raw object, 1 Box, 2 raw slot
  };
  std::vector<live_entry> live;
  std::vector<Box> boxes(n);  // boxes[k] owns live[k] when how == 1 (kept parallel)
  std::uint32_t serial = 0;
  require(pool.available() == n);
  for (std::size_t at = 0; at < size; ++at) {
    const std::uint8_t op = data[at];
    if (op < 128) {  // allocate, through one of the three levels
      const int how = op % 3;
      const std::uint32_t v = ++serial;
      item* p = nullptr;
      Box box;
      if (how == 0) {
        p = pool.try_create(v);
      } else if (how == 1) {
        box = pool.try_make(v);
        p = box.get();
      } else if (void* s = pool.try_allocate()) {
        std::memset(s, 0x5A, sizeof(item));  // the whole slot is writable
        p = ::new (s) item(v);
      }
      if (live.size() == n) {
        require(p == nullptr);
        continue;
      }
      require(p != nullptr && pool.owns(p));
      for (const auto& e : live) require(e.p != p);  // never handed out twice
      live.push_back({p, v, how});
      boxes[live.size() - 1] = std::move(box);
    } else if (!live.empty()) {  // free entry k
      const std::size_t k = static_cast<std::size_t>(op - 128) % live.size();
      const live_entry e = live[k];
      require(e.p->intact(e.value));
      if (e.how == 0) pool.destroy(e.p);
      else if (e.how == 1) boxes[k].reset();
      else pool.deallocate(e.p);  // item is trivially destructible
      for (std::size_t m = k; m + 1 < live.size(); ++m) {
        live[m] = live[m + 1];
        boxes[m] = std::move(boxes[m + 1]);
      }
      live.pop_back();
    }
    require(pool.available() == n - live.size());
    for (const auto& e : live) require(e.p->intact(e.value));
  }
  // Return everything; the pool must be full again.
  for (std::size_t k = 0; k < live.size(); ++k) {
    if (live[k].how == 0) pool.destroy(live[k].p);
    else if (live[k].how == 1) boxes[k].reset();
    else pool.deallocate(live[k].p);
  }
  require(pool.available() == n);
}

heapless::Pool<item, 13, heapless::pool_policy::lock_free> g_lock_free;
heapless::Pool<item, 13, heapless::pool_policy::single_thread> g_single;
heapless::Pool<item, 300, heapless::pool_policy::single_thread> g_wide;  // 2-byte links

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  switch (data[0] % 3) {
    case 0: run(g_lock_free, data + 1, size - 1); break;
    case 1: run(g_single, data + 1, size - 1); break;
    default: run(g_wide, data + 1, size - 1); break;
  }
  return 0;
}

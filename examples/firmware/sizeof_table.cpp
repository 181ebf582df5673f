// sizeof_table.cpp - sizeof of every heapless container at small N, as a
// Markdown table. Built for the target (ctest runs it in QEMU) and for the
// host (examples/firmware/size_report.sh compiles it with g++), so
// docs/firmware.md can put arm-none-eabi and x86-64 side by side.
#include <cstdint>  // fixed-width element types
#include <cstdio>   // std::printf

#include <heapless/vec.hpp>
#if __has_include(<heapless/string.hpp>)
#include <heapless/string.hpp>
#endif
#if __has_include(<heapless/linear_map.hpp>)
#include <heapless/linear_map.hpp>
#endif
#if __has_include(<heapless/spsc.hpp>)
#include <heapless/spsc.hpp>
#endif
#if __has_include(<heapless/pool.hpp>)
#include <heapless/pool.hpp>
#endif
#if __has_include(<heapless/index_map.hpp>)
#include <heapless/index_map.hpp>
#endif
#if __has_include(<heapless/deque.hpp>)
#include <heapless/deque.hpp>
#include <heapless/history_buffer.hpp>

#include <deque>  // sizeof(std::deque) next to Deque (no std::deque code is emitted)
#if __has_include(<boost/circular_buffer.hpp>)
#include <boost/circular_buffer.hpp>  // host only: the cross compiler does not see Boost
#define HEAPLESS_FW_HAS_BOOST_RING 1
#endif
#endif
#if __has_include(<heapless/binary_heap.hpp>)
#include <heapless/binary_heap.hpp>
#include <queue>  // std::priority_queue: its sizeof next to BinaryHeap's
#endif
#if __has_include(<heapless/sorted_linked_list.hpp>)
#include <heapless/sorted_linked_list.hpp>
#endif
#if __has_include(<heapless/mpmc.hpp>)
#include <heapless/mpmc.hpp>
#endif
#if __has_include(<heapless/arc.hpp>)
#include <heapless/arc.hpp>
#include <memory>  // sizeof(std::shared_ptr) next to Arc's (no shared_ptr code is emitted)
#endif
#if __has_include(<heapless/object_pool.hpp>)
#include <heapless/object_pool.hpp>
#endif

namespace {
struct message {  // 16 bytes, 4-byte aligned
  std::uint32_t id;
  std::uint8_t payload[12];
};
// A lock type for the critical-section rows (only its sizeof matters here).
struct mpmc_fw_lock {
  static void lock() noexcept {}
  static void unlock() noexcept {}
};
}  // namespace

#define HEAPLESS_FW_ROW(...) \
  std::printf("| `%s` | %u |\n", #__VA_ARGS__, static_cast<unsigned>(sizeof(__VA_ARGS__)))

int main() {
  std::printf("| type (%s) | sizeof |\n|---|---|\n",
#if defined(__arm__)
              "arm-none-eabi"
#else
              "host"
#endif
  );
  using namespace heapless;
  using std::uint8_t;
  using std::uint16_t;
  using std::uint32_t;
  HEAPLESS_FW_ROW(Vec<uint8_t, 15>);
  HEAPLESS_FW_ROW(Vec<int, 8>);
  HEAPLESS_FW_ROW(Vec<int, 64>);
  HEAPLESS_FW_ROW(Vec<uint16_t, 300>);
#ifdef HEAPLESS_STRING_HPP
  HEAPLESS_FW_ROW(String<15>);
  HEAPLESS_FW_ROW(String<31>);
  HEAPLESS_FW_ROW(String<255>);
  HEAPLESS_FW_ROW(String<300>);
#endif
#ifdef HEAPLESS_LINEAR_MAP_HPP
  HEAPLESS_FW_ROW(LinearMap<uint8_t, uint8_t, 8>);
  HEAPLESS_FW_ROW(LinearMap<int, int, 8>);
  HEAPLESS_FW_ROW(LinearMap<uint16_t, uint32_t, 16>);
#endif
#ifdef HEAPLESS_SPSC_HPP
  HEAPLESS_FW_ROW(spsc::Queue<uint8_t, 16>);
  HEAPLESS_FW_ROW(spsc::Queue<int, 8>);
  HEAPLESS_FW_ROW(spsc::Queue<uint32_t, 64>);
#endif
#ifdef HEAPLESS_POOL_HPP
  HEAPLESS_FW_ROW(Pool<int, 8>);
  HEAPLESS_FW_ROW(Pool<message, 8>);
  HEAPLESS_FW_ROW(Pool<message, 8, pool_policy::single_thread>);
#endif
#ifdef HEAPLESS_INDEX_MAP_HPP
  HEAPLESS_FW_ROW(IndexMap<uint32_t, uint32_t, 64>);
  HEAPLESS_FW_ROW(IndexMap<uint16_t, uint8_t, 10>);
  HEAPLESS_FW_ROW(IndexSet<uint32_t, 48>);
#endif
#ifdef HEAPLESS_DEQUE_HPP
  HEAPLESS_FW_ROW(Deque<uint8_t, 14>);
  HEAPLESS_FW_ROW(Deque<int, 8>);
  HEAPLESS_FW_ROW(Deque<int, 64>);
  HEAPLESS_FW_ROW(Deque<uint16_t, 300>);
  HEAPLESS_FW_ROW(HistoryBuffer<float, 64>);
  HEAPLESS_FW_ROW(HistoryBuffer<uint16_t, 16>);
  HEAPLESS_FW_ROW(std::deque<int>);
#ifdef HEAPLESS_FW_HAS_BOOST_RING
  HEAPLESS_FW_ROW(boost::circular_buffer<int>);
#endif
#endif
#ifdef HEAPLESS_BINARY_HEAP_HPP
  HEAPLESS_FW_ROW(BinaryHeap<uint8_t, 15>);
  HEAPLESS_FW_ROW(BinaryHeap<int, 16>);
  HEAPLESS_FW_ROW(min_heap<uint32_t, 64>);
  HEAPLESS_FW_ROW(std::priority_queue<int>);
#endif
#ifdef HEAPLESS_SORTED_LINKED_LIST_HPP
  HEAPLESS_FW_ROW(SortedLinkedList<uint8_t, 8>);
  HEAPLESS_FW_ROW(SortedLinkedList<int, 16>);
  HEAPLESS_FW_ROW(SortedLinkedList<uint32_t, 32>);
  HEAPLESS_FW_ROW(SortedLinkedList<message, 8>);
#endif
#ifdef HEAPLESS_MPMC_HPP
  HEAPLESS_FW_ROW(mpmc::Queue<uint8_t, 16>);
  HEAPLESS_FW_ROW(mpmc::Queue<uint32_t, 64>);
  HEAPLESS_FW_ROW(mpmc::Queue<message, 8>);
  HEAPLESS_FW_ROW(mpmc::Queue<uint8_t, 16, pool_policy::critical_section<mpmc_fw_lock>>);
#endif
#ifdef HEAPLESS_ARC_HPP
  HEAPLESS_FW_ROW(Arc<message>);
  HEAPLESS_FW_ROW(ArcPool<message, 8>);
  HEAPLESS_FW_ROW(ArcPool<int, 8>);
  HEAPLESS_FW_ROW(std::shared_ptr<message>);
#endif
#ifdef HEAPLESS_OBJECT_POOL_HPP
  HEAPLESS_FW_ROW(Object<message>);
  HEAPLESS_FW_ROW(ObjectPool<message, 8>);
  HEAPLESS_FW_ROW(ObjectPool<int, 8>);
#endif
  return 0;
}

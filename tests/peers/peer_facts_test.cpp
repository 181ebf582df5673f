// peer_facts_test.cpp - the facts about peers that README's comparison table
// states, checked on the build machine (x86-64, libstdc++, Boost from Debian's
// libboost-dev) so the table cannot drift from what the code really is.
// Registered by tests/CMakeLists.txt for x86-64 hosts with Boost's headers.
#include "support/test.hpp"

#include <cstdint>      // std::uint8_t
#include <cstring>      // std::memcpy
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_trivially_copyable_v
#include <vector>       // std::vector

#include <boost/container/static_vector.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <boost/static_string/static_string.hpp>

#include <heapless/spsc.hpp>
#include <heapless/string.hpp>
#include <heapless/vec.hpp>

#if !defined(__x86_64__) || !defined(__GLIBCXX__)
#error "these are the x86-64 / libstdc++ figures of README's table"
#endif

// Fixed vector of 15 bytes: heapless 16, boost::container::static_vector 24
// (a size_t length), std::vector 24 plus the heap.
static_assert(sizeof(heapless::Vec<std::uint8_t, 15>) == 16);
static_assert(sizeof(boost::container::static_vector<std::uint8_t, 15>) == 24);
static_assert(sizeof(std::vector<std::uint8_t>) == 24);

// Fixed string of 15 chars: heapless 16, boost::static_strings 17, std::string 32.
static_assert(sizeof(heapless::String<15>) == 16);
static_assert(sizeof(boost::static_strings::static_string<15>) == 17);
static_assert(sizeof(std::string) == 32);

// SPSC queue of 16 bytes: heapless pads its indices to separate cache lines
// on x86-64 (192 bytes); Boost's compile-time-capacity queue is 96.
static_assert(sizeof(heapless::spsc::Queue<std::uint8_t, 16>) == 192);
static_assert(sizeof(boost::lockfree::spsc_queue<std::uint8_t, boost::lockfree::capacity<16>>) == 96);

// Trivially copyable when the element type is (memcpy / DMA): heapless yes,
// Boost's static_vector and static_string no, std::string no.
static_assert(std::is_trivially_copyable_v<heapless::Vec<int, 4>>);
static_assert(std::is_trivially_copyable_v<heapless::String<15>>);
static_assert(!std::is_trivially_copyable_v<boost::container::static_vector<int, 4>>);
static_assert(!std::is_trivially_copyable_v<boost::static_strings::static_string<15>>);
static_assert(!std::is_trivially_copyable_v<std::string>);

TEST_CASE("peer facts: a trivially copyable String survives memcpy, as README says") {
  HEAPLESS_NO_ALLOC_SCOPE;
  const heapless::String<15> a = "fifteen chars!!";
  heapless::String<15> b;
  std::memcpy(static_cast<void*>(&b), &a, sizeof a);
  CHECK(b == a);
  CHECK(b.size() == 15);
  CHECK(std::string_view(b.c_str()) == "fifteen chars!!");
}

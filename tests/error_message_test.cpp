// error_message_test.cpp - every container's failures carry the library's
// message: with exceptions, what() of the thrown object (catchable as the std
// type the std counterpart throws: std::bad_alloc, std::length_error,
// std::out_of_range, std::invalid_argument); with HEAPLESS_ERROR_HANDLER, the
// message handed to the handler. That the message reaches stderr when neither
// is there is checked by tests/death/message.cpp.
#include "support/test.hpp"

#include <heapless/format.hpp>
#include <heapless/linear_map.hpp>
#include <heapless/arc.hpp>
#include <heapless/object_pool.hpp>
#include <heapless/pool.hpp>
#include <heapless/string.hpp>
#include <heapless/vec.hpp>

#include <string_view>  // std::string_view

namespace {

bool has(const char* message, std::string_view want) {
  return message != nullptr && std::string_view(message).find(want) != std::string_view::npos;
}

}  // namespace

// A full Vec names its capacity, except on microcontrollers (one string for
// every N there: flash).
#if HEAPLESS_DETAIL_MICROCONTROLLER
#define VEC_FULL_1 "heapless::Vec: capacity exceeded"
#define VEC_FULL_2 "heapless::Vec: capacity exceeded"
#else
#define VEC_FULL_1 "heapless::Vec: capacity 1 exceeded"
#define VEC_FULL_2 "heapless::Vec: capacity 2 exceeded"
#endif

static_assert(std::string_view(heapless::detail::capacity_message<0>("n=", "!").text) == "n=0!");
static_assert(std::string_view(heapless::detail::capacity_message<9>("", "").text) == "9");
static_assert(std::string_view(heapless::detail::capacity_message<10>("a ", " b").text) == "a 10 b");
static_assert(std::string_view(heapless::detail::capacity_message<4000000000u>("", "").text) ==
              "4000000000");
static_assert(sizeof(heapless::detail::capacity_message<123>("ab", "c").text) == 7);

// MESSAGE_CHECK(kind, text, expr): expr raises error_kind::kind with a message
// containing text. Throwing allocates inside the C++ runtime: the allocation
// trap pauses.
#if HEAPLESS_ERROR_HANDLER
#define MESSAGE_CHECK(kind_, text_, ...)                                   \
  do {                                                                     \
    HEAPLESS_CHECK_RAISES(kind_, __VA_ARGS__);                             \
    CHECK(has(::heapless::test::capture().message, text_));                \
  } while (0)
#else
#define MESSAGE_CHECK(kind_, text_, ...)                                                      \
  do {                                                                                        \
    const ::heapless::test::allow_alloc_scope message_allow_;                                \
    bool message_thrown_ = false;                                                             \
    try {                                                                                     \
      (void)(__VA_ARGS__);                                                                    \
    } catch (const typename ::heapless::test::exception_for<::heapless::error_kind::kind_>::type& e) { \
      message_thrown_ = true;                                                                 \
      INFO(e.what());                                                                         \
      CHECK(has(e.what(), text_));                                                            \
    }                                                                                         \
    CHECK(message_thrown_);                                                                   \
  } while (0)
#endif

TEST_CASE("errors: Vec and VecRef messages", "[error][vec]") {
  heapless::Vec<int, 2> v{1, 2};
  MESSAGE_CHECK(bad_alloc, VEC_FULL_2, v.push_back(3));
  MESSAGE_CHECK(bad_alloc, VEC_FULL_2, v.emplace_back(3));
  MESSAGE_CHECK(bad_alloc, VEC_FULL_2, v.resize(3));
  MESSAGE_CHECK(out_of_range, "heapless::Vec::at: index out of range", v.at(2));
  heapless::VecRef<int> r(v);
  MESSAGE_CHECK(bad_alloc, "heapless::VecRef: capacity exceeded", r.push_back(3));
  MESSAGE_CHECK(out_of_range, "heapless::VecRef::at: index out of range", r.at(5));
  CHECK(v.size() == 2);
}

TEST_CASE("errors: String messages", "[error][string]") {
  heapless::String<3> s = "abc";
  MESSAGE_CHECK(length_error, "heapless::String::push_back: full", s.push_back('d'));
  MESSAGE_CHECK(length_error, "heapless::String::append: exceeds capacity", s.append("x"));
  MESSAGE_CHECK(length_error, "heapless::String::resize: exceeds capacity", s.resize(4));
  MESSAGE_CHECK(out_of_range, "heapless::String::at: index out of range", s.at(3));
  CHECK(s == "abc");
}

TEST_CASE("errors: LinearMap messages", "[error][linear_map]") {
  heapless::LinearMap<int, int, 1> m;
  m[1] = 10;
  MESSAGE_CHECK(length_error, "LinearMap: full", m.insert({2, 20}));
  MESSAGE_CHECK(out_of_range, "LinearMap::at: no such key", m.at(3));
  CHECK(m.size() == 1);
}

TEST_CASE("errors: Pool messages", "[error][pool]") {
  static heapless::Pool<int, 1> pool;
  auto a = pool.make(1);
  CHECK(*a == 1);
  MESSAGE_CHECK(bad_alloc, "Pool: exhausted", pool.make(2));
}

TEST_CASE("errors: ArcPool and ObjectPool messages name their pool", "[error][arc][object_pool]") {
  static heapless::ArcPool<int, 1> arcs;
  auto a = arcs.make_shared(1);
  CHECK(*a == 1);
  MESSAGE_CHECK(bad_alloc, "ArcPool: exhausted", arcs.make_shared(2));
  static heapless::ObjectPool<int, 1> objects;
  auto o = objects.acquire();
  CHECK(o);
  MESSAGE_CHECK(bad_alloc, "ObjectPool: exhausted", objects.acquire());
}

TEST_CASE("errors: format messages", "[error][format]") {
  heapless::String<4> s;
  MESSAGE_CHECK(length_error, "heapless::format_to: output exceeds the capacity",
                heapless::format_to(s, "{}", 123456));
  heapless::String<16> t;
  MESSAGE_CHECK(invalid_argument, "heapless::format: '{' without matching '}'",
                heapless::format_to(t, heapless::runtime_format("x{"), 1));
}

#if HEAPLESS_HAS_EXCEPTIONS && !HEAPLESS_ERROR_HANDLER
TEST_CASE("errors: a capacity error is a std::bad_alloc and a heapless::capacity_error",
          "[error]") {
  const heapless::test::allow_alloc_scope exception_object;
  heapless::Vec<int, 1> v{1};
  bool caught = false;
  try {
    v.push_back(2);
  } catch (const heapless::capacity_error& e) {
    const std::bad_alloc& as_std = e;
    caught = std::string_view(as_std.what()) == VEC_FULL_1;
  }
  CHECK(caught);
}
#endif

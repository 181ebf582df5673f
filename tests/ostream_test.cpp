// ostream_test.cpp - operator<< for String<N> and Vec<char, N> (ostream.hpp,
// opt-in): the characters as a std::string_view prints them, width and fill
// included. The stream writes into a fixed buffer, so nothing allocates.
#include "support/test.hpp"

#include <cstddef>    // std::size_t
#include <ostream>    // std::ostream
#include <streambuf>  // std::streambuf: a fixed-buffer sink
#include <string_view>

#include <heapless/ostream.hpp>

namespace {

/// Collects a stream's output in a fixed array (no heap, unlike ostringstream).
class fixed_buf : public std::streambuf {
 public:
  fixed_buf() noexcept { setp(buf_, buf_ + sizeof buf_); }
  std::string_view text() const noexcept { return {pbase(), static_cast<std::size_t>(pptr() - pbase())}; }

 private:
  char buf_[64] = {};
};

}  // namespace

TEST_CASE("operator<<: String and Vec<char>", "[ostream][string][vec]") {
  fixed_buf sink;
  std::ostream os(&sink);
  HEAPLESS_NO_ALLOC_SCOPE;
  const heapless::String<16> s = "hello";
  const heapless::Vec<char, 4> v = {'a', 'b', 'c'};
  const heapless::String<0> none;
  os << s << '|' << v << '|' << none << '|';
  os.width(7);
  os.fill('.');
  os << s;
  CHECK(sink.text() == "hello|abc||..hello");
  CHECK(os.good());
}

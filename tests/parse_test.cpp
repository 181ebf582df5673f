// parse_test.cpp - heapless::parse<T> and heapless::to_string<N>
// (charconv.hpp): integers in every base, floats, and every error path
// (empty text, stray or trailing characters, overflow).
#include "support/test.hpp"

#include <cstdint>  // fixed-width integer types
#include <limits>   // std::numeric_limits: range ends
#include <string_view>

#include <heapless/charconv.hpp>

using heapless::parse;
using heapless::to_string;
using namespace std::string_view_literals;

TEST_CASE("parse<T>: integers in base 10", "[parse]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(parse<int>("0") == 0);
  CHECK(parse<int>("42") == 42);
  CHECK(parse<int>("-42") == -42);
  CHECK(parse<int>("+42") == 42);
  CHECK(parse<std::int8_t>("-128") == std::int8_t{-128});
  CHECK(parse<std::uint8_t>("255") == std::uint8_t{255});
  CHECK(parse<std::int64_t>("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
  CHECK(parse<std::uint64_t>("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
  CHECK(parse<int>("007") == 7);
}

TEST_CASE("parse<T>: other bases", "[parse]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(parse<unsigned>("ff", 16) == 255u);
  CHECK(parse<unsigned>("FF", 16) == 255u);
  CHECK(parse<int>("-101", 2) == -5);
  CHECK(parse<std::uint32_t>("777", 8) == 511u);
  CHECK(parse<int>("zz", 36) == 35 * 36 + 35);
  CHECK(!parse<int>("12", 2));   // '2' is not a binary digit
  CHECK(!parse<int>("0x1f", 16));  // no prefix
}

TEST_CASE("parse<T>: errors give an empty result", "[parse][error]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(!parse<int>(""));
  CHECK(!parse<int>("+"));
  CHECK(!parse<int>("-"));
  CHECK(!parse<int>("+-1"));
  CHECK(!parse<int>("++1"));
  CHECK(!parse<int>(" 1"));
  CHECK(!parse<int>("1 "));
  CHECK(!parse<int>("12abc"));
  CHECK(!parse<int>("1.5"));
  CHECK(!parse<unsigned>("-1"));
  CHECK(!parse<std::uint8_t>("256"));
  CHECK(!parse<std::int8_t>("-129"));
  CHECK(!parse<int>("99999999999999999999"));
  CHECK(!parse<std::uint64_t>("18446744073709551616"));
  // Only the given view is read, not what follows it in memory.
  const std::string_view digits = "12345"sv;
  CHECK(parse<int>(digits.substr(0, 2)) == 12);
}

TEST_CASE("parse<T>: floats", "[parse][float]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(parse<double>("2.5") == 2.5);
  CHECK(parse<double>("-0.125") == -0.125);
  CHECK(parse<double>("+1e3") == 1000.0);
  CHECK(parse<float>("0.5") == 0.5f);
  CHECK(parse<double>("1E-2") == 0.01);
  CHECK(parse<double>("inf") == std::numeric_limits<double>::infinity());
  CHECK(!parse<double>(""));
  CHECK(!parse<double>("1.5x"));
  CHECK(!parse<double>("."));
  CHECK(!parse<double>("1e999"));  // out of range
  CHECK(!parse<float>("1e39"));
}

TEST_CASE("to_string<N>: integers", "[to_string]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(to_string<11>(0) == "0");
  CHECK(to_string<11>(-1234) == "-1234");
  CHECK(to_string<11>(std::numeric_limits<int>::min()) == "-2147483648");
  CHECK(to_string<20>(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
  CHECK(to_string<20>(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615");
  CHECK(to_string<3>(std::uint8_t{255}) == "255");
  CHECK(to_string<4>(std::int8_t{-128}) == "-128");
  static_assert(std::is_same_v<decltype(to_string<32>(1)), heapless::String<32>>);
}

TEST_CASE("to_string<N>: floats, and the round trip", "[to_string][float]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  CHECK(to_string<24>(2.5) == "2.5");
  CHECK(to_string<24>(-0.1) == "-0.1");
  CHECK(to_string<16>(0.1f) == "0.1");
  const double x = 1.0 / 3.0;
  CHECK(parse<double>(to_string<24>(x)) == x);
  CHECK(parse<int>(to_string<11>(-98765)) == -98765);
  HEAPLESS_CHECK_RAISES(length_error, to_string<3>(3.14159));
}

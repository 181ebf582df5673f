// string_random_test.cpp - long deterministic random operation sequences on
// String<N>, checked against std::string after every step (differential
// test). Covers the small layout (free-capacity byte), the zero-initialised
// and two-byte default constructions, and the N >= 256 layout. Sources are
// random strings over a tiny alphabet (so searches hit, with embedded NULs)
// and views into the string itself (aliasing).
#include "support/test.hpp"

#include <heapless/string.hpp>

#include <cstdint>  // std::uint64_t
#include <string>   // std::string: the reference model

using heapless::String;
using heapless::test::allow_alloc_scope;

namespace {

struct rng {
  std::uint64_t state;
  std::uint64_t next() noexcept {  // xorshift64*
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1DULL;
  }
  std::size_t below(std::size_t n) noexcept { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  bool one_in(std::size_t n) noexcept { return below(n) == 0; }
};

constexpr char alphabet[] = {'a', 'b', 'c', 'a', 'b', '\0', 'x', '\x80'};

template <std::size_t N>
class differential {
 public:
  explicit differential(std::uint64_t seed) : rng_{seed} {}

  void run(long steps) {
    HEAPLESS_NO_ALLOC_SCOPE;
    for (long i = 0; i < steps; ++i) {
      step(rng_.below(24));
      if (!same()) {
        CAPTURE(N, i, last_op_);
        REQUIRE(same());
      }
    }
  }

 private:
  // A source for the next operation: a random string (in scratch_) or a view
  // into s_ itself; length up to N + 3 so that overflows happen.
  std::string_view source() {
    if (!s_.empty() && rng_.one_in(4)) {
      const std::size_t pos = rng_.below(s_.size() + 1);
      return std::string_view(s_.data() + pos, rng_.below(s_.size() - pos + 1));
    }
    const std::size_t n = rng_.below(N + 4);
    for (std::size_t i = 0; i < n && i < sizeof scratch_; ++i) scratch_[i] = alphabet[rng_.below(sizeof alphabet)];
    return std::string_view(scratch_, n < sizeof scratch_ ? n : sizeof scratch_);
  }
  char random_char() { return alphabet[rng_.below(sizeof alphabet)]; }
  // A position mostly valid, sometimes one or two past the end.
  std::size_t position() { return rng_.below(s_.size() + (rng_.one_in(8) ? 3 : 1)); }
  std::size_t count() { return rng_.one_in(8) ? String<N>::npos : rng_.below(N + 2); }

  bool same() const {
    return std::string_view(s_) == std::string_view(ref_) && s_.size() <= N &&
           s_.c_str()[s_.size()] == '\0' && s_.full() == (s_.size() == N);
  }
  bool fits(std::size_t new_size) const noexcept { return new_size <= N; }

  void step(std::size_t op) {
    last_op_ = static_cast<int>(op);
    switch (op) {
      case 0: {  // push_back / try_push_back
        const char c = random_char();
        if (fits(ref_.size() + 1)) {
          if (rng_.one_in(2)) s_.push_back(c);
          else CHECK(s_.try_push_back(c));
          allow_alloc_scope a;
          ref_.push_back(c);
        } else {
          CHECK_FALSE(s_.try_push_back(c));
          if (rng_.one_in(8)) HEAPLESS_CHECK_RAISES(length_error, s_.push_back(c));
        }
        break;
      }
      case 1: {  // append / += / try_append
        const std::string_view src = source();
        std::string copy;
        {
          allow_alloc_scope a;
          copy.assign(src.data(), src.size());
        }
        if (fits(ref_.size() + src.size())) {
          switch (rng_.below(3)) {
            case 0: s_.append(src); break;
            case 1: s_ += src; break;
            default: CHECK(s_.try_append(src.data(), src.size())); break;
          }
          allow_alloc_scope a;
          ref_ += copy;
        } else {
          CHECK_FALSE(s_.try_append(src));
          if (rng_.one_in(8)) HEAPLESS_CHECK_RAISES(length_error, s_.append(src.data(), src.size()));
        }
        break;
      }
      case 2: {  // append(count, ch)
        const std::size_t n = rng_.below(N + 2);
        const char c = random_char();
        if (fits(ref_.size() + n)) {
          if (rng_.one_in(2)) s_.append(n, c);
          else CHECK(s_.try_append(n, c));
          allow_alloc_scope a;
          ref_.append(n, c);
        } else {
          CHECK_FALSE(s_.try_append(n, c));
          if (rng_.one_in(8)) HEAPLESS_CHECK_RAISES(length_error, s_.append(n, c));
        }
        break;
      }
      case 3: {  // append_truncating
        const std::string_view src = source();
        std::string copy;
        {
          allow_alloc_scope a;
          copy.assign(src.data(), src.size());
        }
        const std::size_t room = N - ref_.size();
        const bool cut = s_.append_truncating(src);
        CHECK(cut == (copy.size() > room));
        allow_alloc_scope a;
        ref_.append(copy, 0, room);
        break;
      }
      case 4: {  // insert(pos, sv) / try_insert
        const std::size_t pos = position();
        const std::string_view src = source();
        std::string copy;
        {
          allow_alloc_scope a;
          copy.assign(src.data(), src.size());
        }
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.insert(pos, src));
        } else if (fits(ref_.size() + src.size())) {
          if (rng_.one_in(2)) s_.insert(pos, src.data(), src.size());
          else CHECK(s_.try_insert(pos, src));
          allow_alloc_scope a;
          ref_.insert(pos, copy);
        } else {
          CHECK_FALSE(s_.try_insert(pos, src));
          if (rng_.one_in(8)) HEAPLESS_CHECK_RAISES(length_error, s_.insert(pos, src));
        }
        break;
      }
      case 5: {  // insert(pos, count, ch)
        const std::size_t pos = position();
        const std::size_t n = rng_.below(N / 2 + 2);
        const char c = random_char();
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.insert(pos, n, c));
        } else if (fits(ref_.size() + n)) {
          s_.insert(pos, n, c);
          allow_alloc_scope a;
          ref_.insert(pos, n, c);
        } else {
          CHECK_FALSE(s_.try_insert(pos, n, c));
        }
        break;
      }
      case 6: {  // erase(pos, count)
        const std::size_t pos = position();
        const std::size_t n = count();
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.erase(pos, n));
        } else {
          s_.erase(pos, n);
          allow_alloc_scope a;
          ref_.erase(pos, n);
        }
        break;
      }
      case 7: {  // replace(pos, count, sv)
        const std::size_t pos = position();
        const std::size_t n = count();
        const std::string_view src = source();
        std::string copy;
        {
          allow_alloc_scope a;
          copy.assign(src.data(), src.size());
        }
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.replace(pos, n, src));
        } else {
          const std::size_t removed = n < ref_.size() - pos ? n : ref_.size() - pos;
          if (fits(ref_.size() - removed + src.size())) {
            s_.replace(pos, n, src);
            allow_alloc_scope a;
            ref_.replace(pos, n, copy);
          } else {
            HEAPLESS_CHECK_RAISES(length_error, s_.replace(pos, n, src));
          }
        }
        break;
      }
      case 8: {  // replace(pos, count, count2, ch)
        const std::size_t pos = position();
        const std::size_t n = count();
        const std::size_t n2 = rng_.below(N / 2 + 2);
        const char c = random_char();
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.replace(pos, n, n2, c));
        } else {
          const std::size_t removed = n < ref_.size() - pos ? n : ref_.size() - pos;
          if (fits(ref_.size() - removed + n2)) {
            s_.replace(pos, n, n2, c);
            allow_alloc_scope a;
            ref_.replace(pos, n, n2, c);
          } else {
            HEAPLESS_CHECK_RAISES(length_error, s_.replace(pos, n, n2, c));
          }
        }
        break;
      }
      case 9: {  // resize
        const std::size_t n = rng_.below(N + 2);
        const char c = random_char();
        if (fits(n)) {
          if (rng_.one_in(2)) {
            s_.resize(n, c);
            allow_alloc_scope a;
            ref_.resize(n, c);
          } else {
            s_.resize(n);
            allow_alloc_scope a;
            ref_.resize(n);
          }
        } else {
          HEAPLESS_CHECK_RAISES(length_error, s_.resize(n));
        }
        break;
      }
      case 10: {  // assign / try_assign
        const std::string_view src = source();
        std::string copy;
        {
          allow_alloc_scope a;
          copy.assign(src.data(), src.size());
        }
        if (fits(src.size())) {
          if (rng_.one_in(2)) s_.assign(src);
          else CHECK(s_.try_assign(src));
          allow_alloc_scope a;
          ref_ = copy;
        } else {
          CHECK_FALSE(s_.try_assign(src));
        }
        break;
      }
      case 11:  // pop_back
        if (!ref_.empty()) {
          s_.pop_back();
          allow_alloc_scope a;
          ref_.pop_back();
        }
        break;
      case 12:  // clear (rarely, so strings grow)
        if (rng_.one_in(6)) {
          s_.clear();
          ref_.clear();
        }
        break;
      case 13: {  // resize_and_overwrite: shrink or grow, writing a pattern
        const std::size_t n = rng_.below(N + 1);
        const std::size_t r = rng_.below(n + 1);
        const char c = random_char();
        s_.resize_and_overwrite(n, [&](char* p, std::size_t count_) {
          for (std::size_t i = ref_.size(); i < count_; ++i) p[i] = c;
          return r;
        });
        allow_alloc_scope a;
        ref_.resize(n, c);
        ref_.resize(r);
        break;
      }
      case 14: {  // copy-assign through a different capacity
        String<N + 8> wide(s_);
        if (!wide.empty() && rng_.one_in(2)) wide.pop_back();
        s_ = wide;
        if (ref_.size() > wide.size()) ref_.pop_back();
        break;
      }
      case 15: {  // substr
        const std::size_t pos = position();
        const std::size_t n = count();
        if (pos > ref_.size()) {
          HEAPLESS_CHECK_RAISES(out_of_range, s_.substr(pos, n));
        } else {
          const String<N> sub = s_.substr(pos, n);
          allow_alloc_scope a;
          CHECK(std::string_view(sub) == std::string_view(ref_.substr(pos, n)));
        }
        break;
      }
      default: query(op); break;
    }
  }

  // Read-only queries compared with std::string's answers.
  void query(std::size_t op) {
    const std::string_view src = source();
    const std::size_t pos = rng_.one_in(4) ? String<N>::npos : rng_.below(ref_.size() + 2);
    const char c = random_char();
    std::string copy;
    {
      allow_alloc_scope a;
      copy.assign(src.data(), src.size());
    }
    const std::string& r = ref_;
    const String<N>& s = s_;
    switch (op) {
      case 16:
        CHECK(s.find(src, pos) == r.find(copy, pos));
        CHECK(s.find(c, pos) == r.find(c, pos));
        break;
      case 17:
        CHECK(s.rfind(src, pos) == r.rfind(copy, pos));
        CHECK(s.rfind(c, pos) == r.rfind(c, pos));
        break;
      case 18:
        CHECK(s.find_first_of(src, pos) == r.find_first_of(copy, pos));
        CHECK(s.find_last_of(src, pos) == r.find_last_of(copy, pos));
        break;
      case 19:
        CHECK(s.find_first_not_of(src, pos) == r.find_first_not_of(copy, pos));
        CHECK(s.find_last_not_of(src, pos) == r.find_last_not_of(copy, pos));
        CHECK(s.find_first_not_of(c, pos) == r.find_first_not_of(c, pos));
        CHECK(s.find_last_not_of(c, pos) == r.find_last_not_of(c, pos));
        break;
      case 20: {
        const int a = s.compare(src);
        const int b = r.compare(copy);
        CHECK((a < 0) == (b < 0));
        CHECK((a > 0) == (b > 0));
        CHECK((s == src) == (r == copy));
        CHECK((s < src) == (r < copy));
        CHECK((src <= s) == (copy <= r));
        break;
      }
      case 21: {
        const std::string_view rv(r);
        CHECK(s.starts_with(src) == (rv.substr(0, src.size()) == copy));
        CHECK(s.ends_with(src) == (rv.size() >= src.size() && rv.substr(rv.size() - src.size()) == copy));
        CHECK(s.contains(src) == (rv.find(copy) != std::string_view::npos));
        break;
      }
      case 22:
        CHECK(std::hash<String<N>>{}(s) == std::hash<std::string_view>{}(std::string_view(r)));
        break;
      default: {
        const String<N> other(s);
        String<N + 1> longer(s);
        CHECK(other == s);
        CHECK(longer == s);
        if (longer.try_push_back(c)) {
          CHECK(longer != s);
          CHECK(s < longer);
        }
        break;
      }
    }
  }

  rng rng_;
  String<N> s_;
  std::string ref_;
  char scratch_[N + 4 < 600 ? N + 4 : 600] = {};
  int last_op_ = -1;
};

template <std::size_t N>
void run_differential(std::uint64_t seed, long steps) {
  static differential<N> d(seed);  // static: keeps large N off small stacks
  d.run(steps);
}

}  // namespace

TEST_CASE("String: random differential against std::string, N = 0 and 1", "[string][random]") {
  run_differential<0>(1, heapless::test::scaled(2000));
  run_differential<1>(2, heapless::test::scaled(5000));
}

TEST_CASE("String: random differential against std::string, N = 7 and 15", "[string][random]") {
  run_differential<7>(3, heapless::test::scaled(100000));
  run_differential<15>(4, heapless::test::scaled(100000));
}

TEST_CASE("String: random differential against std::string, N = 64 and 255", "[string][random]") {
  run_differential<64>(5, heapless::test::scaled(50000));  // two-byte default construction
  run_differential<255>(6, heapless::test::scaled(30000));
}

TEST_CASE("String: random differential against std::string, N = 300 (length member)", "[string][random]") {
  run_differential<300>(7, heapless::test::scaled(30000));
}

TEST_CASE("String: both substring-search strategies agree with a naive search", "[string][random]") {
  HEAPLESS_NO_ALLOC_SCOPE;
  rng r{11};
  static char hay[600];
  char needle[12];
  const long rounds = heapless::test::scaled(20000);
  for (long round = 0; round < rounds; ++round) {
    const std::size_t len = r.below(sizeof hay);
    const std::size_t n = 2 + r.below(sizeof needle - 1);
    const std::size_t letters = 1 + r.below(3);  // tiny alphabets: many candidates
    for (std::size_t i = 0; i < len; ++i) hay[i] = alphabet[r.below(letters) * 2 + (r.one_in(50) ? 1 : 0)];
    for (std::size_t i = 0; i < n; ++i) needle[i] = alphabet[r.below(letters) * 2];
    if (n > len) continue;
    const char* const end = hay + (len - n + 1);
    const char* expected = nullptr;
    for (const char* p = hay; p < end && !expected; ++p)
      if (std::string_view(p, n) == std::string_view(needle, n)) expected = p;
    const char* const swar = heapless::detail::chars::search(hay, end, needle, n);
    const char* const by_memchr = heapless::detail::chars::search_memchr(hay, end, needle, n);
    if (swar != expected || by_memchr != expected) {
      CAPTURE(round, len, n);
      REQUIRE(swar == expected);
      REQUIRE(by_memchr == expected);
    }
  }
}

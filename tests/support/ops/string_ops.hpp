// string_ops.hpp - String's operation table, shared by the random
// differential test (string_random_test.cpp, source: rng) and the fuzz target
// (fuzz/string_fuzz.cpp, source: the fuzzer's bytes).
//
// The model is a std::string. Sources are strings over a tiny alphabet (so
// searches hit, with embedded NULs and a byte above 0x7F), sometimes any
// bytes, and views into the String itself (aliasing); lengths go up to
// N + 3 so that overflows happen. Positions are mostly valid, sometimes past
// the end. Where the model predicts an error the checked tier must raise it
// (length_error, out_of_range) and the try_ tier must refuse. compare: the
// same characters, a NUL after them, size <= N, full().
// Env: test_env.hpp or fuzz_env.hpp.
#ifndef HEAPLESS_TESTS_OPS_STRING_OPS_HPP
#define HEAPLESS_TESTS_OPS_STRING_OPS_HPP

#include <cstddef>      // std::size_t
#include <functional>   // std::hash
#include <string>       // the model
#include <string_view>  // sources

#include <heapless/string.hpp>

namespace heapless {
namespace test {
namespace string_ops {

/// The characters sources are made of: repeats, a NUL, a byte above 0x7F.
inline constexpr char alphabet[] = {'a', 'b', 'c', 'a', 'b', '\0', 'x', '\x80'};

template <std::size_t N>
struct model {
  std::string ref;
  char scratch[N + 4 < 600 ? N + 4 : 600] = {};  // a source that is not the String
};

inline constexpr std::size_t op_count = 24;

template <class Env, std::size_t N>
void compare(const model<N>& m, const String<N>& s) {
  Env::check(std::string_view(s) == std::string_view(m.ref) && s.size() <= N && s.c_str()[s.size()] == '\0' &&
                 s.full() == (s.size() == N),
             "String contents");
}

template <class Source>
char random_char(Source& src) {
  return src.one_in(16) ? static_cast<char>(src.below(256)) : alphabet[src.below(sizeof alphabet)];
}

/// A random string (in m.scratch) or a view into s itself.
template <std::size_t N, class Source>
std::string_view source(model<N>& m, const String<N>& s, Source& src) {
  if (!s.empty() && src.one_in(4)) {
    const std::size_t pos = src.below(s.size() + 1);
    return std::string_view(s.data() + pos, src.below(s.size() - pos + 1));
  }
  std::size_t n = src.below(N + 4);
  if (n > sizeof m.scratch) n = sizeof m.scratch;
  for (std::size_t i = 0; i < n; ++i) m.scratch[i] = random_char(src);
  return std::string_view(m.scratch, n);
}

template <class Env, std::size_t N, class Source>
void query(model<N>& m, const String<N>& s, std::size_t op, Source& src);

template <class Env, std::size_t N, class Source>
void apply_op(model<N>& m, String<N>& s, std::size_t op, Source& src) {
  using scope = typename Env::model_scope;
  constexpr error_kind length_error = error_kind::length_error;
  constexpr error_kind out_of_range = error_kind::out_of_range;
  std::string& ref = m.ref;
  const auto fits = [](std::size_t new_size) { return new_size <= N; };
  // A position mostly valid, sometimes one or two past the end.
  const auto position = [&] { return src.below(ref.size() + (src.one_in(8) ? 3 : 1)); };
  const auto count = [&] { return src.one_in(8) ? String<N>::npos : src.below(N + 2); };
  // The source's characters: a view into s changes with s.
  const auto text = [&](std::string_view v) {
    const scope a;
    return std::string(v.data(), v.size());
  };
  switch (op) {
    case 0: {  // push_back / try_push_back
      const char c = random_char(src);
      if (fits(ref.size() + 1)) {
        if (src.one_in(2)) s.push_back(c);
        else Env::check(s.try_push_back(c), "try_push_back");
        const scope a;
        ref.push_back(c);
      } else {
        Env::check(!s.try_push_back(c), "try_push_back when full");
        if (src.one_in(8)) Env::template raises<length_error>([&] { s.push_back(c); }, "push_back when full");
      }
      break;
    }
    case 1: {  // append / += / try_append
      const std::string_view v = source(m, s, src);
      const std::string copy = text(v);
      if (fits(ref.size() + v.size())) {
        switch (src.below(3)) {
          case 0: s.append(v); break;
          case 1: s += v; break;
          default: Env::check(s.try_append(v.data(), v.size()), "try_append"); break;
        }
        const scope a;
        ref += copy;
      } else {
        Env::check(!s.try_append(v), "try_append past N");
        if (src.one_in(8)) Env::template raises<length_error>([&] { s.append(v.data(), v.size()); }, "append past N");
      }
      break;
    }
    case 2: {  // append(count, ch)
      const std::size_t n = src.below(N + 2);
      const char c = random_char(src);
      if (fits(ref.size() + n)) {
        if (src.one_in(2)) s.append(n, c);
        else Env::check(s.try_append(n, c), "try_append(n, c)");
        const scope a;
        ref.append(n, c);
      } else {
        Env::check(!s.try_append(n, c), "try_append(n, c) past N");
        if (src.one_in(8)) Env::template raises<length_error>([&] { s.append(n, c); }, "append(n, c) past N");
      }
      break;
    }
    case 3: {  // append_truncating
      const std::string_view v = source(m, s, src);
      const std::string copy = text(v);
      const std::size_t room = N - ref.size();
      Env::check(s.append_truncating(v) == (copy.size() > room), "append_truncating result");
      const scope a;
      ref.append(copy, 0, room);
      break;
    }
    case 4: {  // insert(pos, sv) / try_insert
      const std::size_t pos = position();
      const std::string_view v = source(m, s, src);
      const std::string copy = text(v);
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { s.insert(pos, v); }, "insert past the end");
      } else if (fits(ref.size() + v.size())) {
        if (src.one_in(2)) s.insert(pos, v.data(), v.size());
        else Env::check(s.try_insert(pos, v), "try_insert");
        const scope a;
        ref.insert(pos, copy);
      } else {
        Env::check(!s.try_insert(pos, v), "try_insert past N");
        if (src.one_in(8)) Env::template raises<length_error>([&] { s.insert(pos, v); }, "insert past N");
      }
      break;
    }
    case 5: {  // insert(pos, count, ch)
      const std::size_t pos = position();
      const std::size_t n = src.below(N / 2 + 2);
      const char c = random_char(src);
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { s.insert(pos, n, c); }, "insert(pos, n, c) past the end");
      } else if (fits(ref.size() + n)) {
        s.insert(pos, n, c);
        const scope a;
        ref.insert(pos, n, c);
      } else {
        Env::check(!s.try_insert(pos, n, c), "try_insert(pos, n, c) past N");
      }
      break;
    }
    case 6: {  // erase(pos, count)
      const std::size_t pos = position();
      const std::size_t n = count();
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { s.erase(pos, n); }, "erase past the end");
      } else {
        s.erase(pos, n);
        ref.erase(pos, n);
      }
      break;
    }
    case 7: {  // replace(pos, count, sv)
      const std::size_t pos = position();
      const std::size_t n = count();
      const std::string_view v = source(m, s, src);
      const std::string copy = text(v);
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { s.replace(pos, n, v); }, "replace past the end");
      } else {
        const std::size_t removed = n < ref.size() - pos ? n : ref.size() - pos;
        if (fits(ref.size() - removed + v.size())) {
          s.replace(pos, n, v);
          const scope a;
          ref.replace(pos, n, copy);
        } else {
          Env::template raises<length_error>([&] { s.replace(pos, n, v); }, "replace past N");
        }
      }
      break;
    }
    case 8: {  // replace(pos, count, count2, ch)
      const std::size_t pos = position();
      const std::size_t n = count();
      const std::size_t n2 = src.below(N / 2 + 2);
      const char c = random_char(src);
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { s.replace(pos, n, n2, c); }, "replace(pos, n, n2, c) past the end");
      } else {
        const std::size_t removed = n < ref.size() - pos ? n : ref.size() - pos;
        if (fits(ref.size() - removed + n2)) {
          s.replace(pos, n, n2, c);
          const scope a;
          ref.replace(pos, n, n2, c);
        } else {
          Env::template raises<length_error>([&] { s.replace(pos, n, n2, c); }, "replace(pos, n, n2, c) past N");
        }
      }
      break;
    }
    case 9: {  // resize
      const std::size_t n = src.below(N + 2);
      const char c = random_char(src);
      if (!fits(n)) {
        Env::template raises<length_error>([&] { s.resize(n); }, "resize past N");
      } else if (src.one_in(2)) {
        s.resize(n, c);
        const scope a;
        ref.resize(n, c);
      } else {
        s.resize(n);
        const scope a;
        ref.resize(n);
      }
      break;
    }
    case 10: {  // assign / try_assign
      const std::string_view v = source(m, s, src);
      const std::string copy = text(v);
      if (fits(v.size())) {
        if (src.one_in(2)) s.assign(v);
        else Env::check(s.try_assign(v), "try_assign");
        const scope a;
        ref = copy;
      } else {
        Env::check(!s.try_assign(v), "try_assign past N");
      }
      break;
    }
    case 11:  // pop_back
      if (!ref.empty()) {
        s.pop_back();
        ref.pop_back();
      }
      break;
    case 12:  // clear (rarely, so strings grow)
      if (src.one_in(6)) {
        s.clear();
        ref.clear();
      }
      break;
    case 13: {  // resize_and_overwrite: shrink or grow, writing a pattern
      const std::size_t n = src.below(N + 1);
      const std::size_t r = src.below(n + 1);
      const char c = random_char(src);
      s.resize_and_overwrite(n, [&](char* p, std::size_t count_) {
        for (std::size_t i = ref.size(); i < count_; ++i) p[i] = c;
        return r;
      });
      const scope a;
      ref.resize(n, c);
      ref.resize(r);
      break;
    }
    case 14: {  // copy-assign through a different capacity
      String<N + 8> wide(s);
      if (!wide.empty() && src.one_in(2)) wide.pop_back();
      s = wide;
      if (ref.size() > wide.size()) ref.pop_back();
      break;
    }
    case 15: {  // substr
      const std::size_t pos = position();
      const std::size_t n = count();
      if (pos > ref.size()) {
        Env::template raises<out_of_range>([&] { (void)s.substr(pos, n); }, "substr past the end");
      } else {
        const String<N> sub = s.substr(pos, n);
        const scope a;
        Env::check(std::string_view(sub) == std::string_view(ref.substr(pos, n)), "substr");
      }
      break;
    }
    default: query<Env>(m, s, op, src); break;
  }
}

/// Read-only queries compared with std::string's answers.
template <class Env, std::size_t N, class Source>
void query(model<N>& m, const String<N>& s, std::size_t op, Source& src) {
  const std::string_view v = source(m, s, src);
  const std::size_t pos = src.one_in(4) ? String<N>::npos : src.below(m.ref.size() + 2);
  const char c = random_char(src);
  std::string copy;
  {
    const typename Env::model_scope a;
    copy.assign(v.data(), v.size());
  }
  const std::string& r = m.ref;
  switch (op) {
    case 16:
      Env::check(s.find(v, pos) == r.find(copy, pos) && s.find(c, pos) == r.find(c, pos), "find");
      break;
    case 17:
      Env::check(s.rfind(v, pos) == r.rfind(copy, pos) && s.rfind(c, pos) == r.rfind(c, pos), "rfind");
      break;
    case 18:
      Env::check(s.find_first_of(v, pos) == r.find_first_of(copy, pos), "find_first_of");
      Env::check(s.find_last_of(v, pos) == r.find_last_of(copy, pos), "find_last_of");
      break;
    case 19:
      Env::check(s.find_first_not_of(v, pos) == r.find_first_not_of(copy, pos), "find_first_not_of");
      Env::check(s.find_last_not_of(v, pos) == r.find_last_not_of(copy, pos), "find_last_not_of");
      Env::check(s.find_first_not_of(c, pos) == r.find_first_not_of(c, pos), "find_first_not_of(c)");
      Env::check(s.find_last_not_of(c, pos) == r.find_last_not_of(c, pos), "find_last_not_of(c)");
      break;
    case 20: {
      const int a = s.compare(v);
      const int b = r.compare(copy);
      Env::check((a < 0) == (b < 0) && (a > 0) == (b > 0), "compare");
      Env::check((s == v) == (r == copy) && (s < v) == (r < copy) && (v <= s) == (copy <= r), "==, <, <=");
      break;
    }
    case 21: {
      const std::string_view rv(r);
      Env::check(s.starts_with(v) == (rv.substr(0, v.size()) == copy), "starts_with");
      Env::check(s.ends_with(v) == (rv.size() >= v.size() && rv.substr(rv.size() - v.size()) == copy), "ends_with");
      Env::check(s.contains(v) == (rv.find(copy) != std::string_view::npos), "contains");
      break;
    }
    case 22:
      Env::check(std::hash<String<N>>{}(s) == std::hash<std::string_view>{}(std::string_view(r)), "hash");
      break;
    default: {
      const String<N> other(s);
      String<N + 1> longer(s);
      Env::check(other == s && longer == s, "copy ==");
      if (longer.try_push_back(c)) Env::check(longer != s && s < longer, "longer copy !=, <");
      break;
    }
  }
  const typename Env::model_scope a;
  copy = std::string();
}

}  // namespace string_ops
}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_OPS_STRING_OPS_HPP

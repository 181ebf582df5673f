// string_fuzz.cpp - libFuzzer differential target: the input bytes drive a
// sequence of operations on heapless::String<N> (N = 13 and N = 260, i.e.
// both layouts) and on std::string; any disagreement, a missing NUL or a
// sanitizer report aborts. Capacity violations go through the try_ forms or
// are predicted and skipped, so the target runs with or without exceptions.
#include <heapless/string.hpp>

#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint8_t
#include <string>   // std::string: the reference model

namespace {

class input {
 public:
  input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return pos_ >= size_; }
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : byte() % n; }
  // A short string taken from the input itself.
  std::string_view text(std::size_t max) {
    const std::size_t n = below(max + 1);
    const std::size_t avail = size_ - (pos_ < size_ ? pos_ : size_);
    const std::size_t take = n < avail ? n : avail;
    const std::string_view r(reinterpret_cast<const char*>(data_) + pos_, take);
    pos_ += take;
    return r;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

void check(bool ok) {
  if (!ok) __builtin_trap();
}

template <std::size_t N>
void run(input& in) {
  heapless::String<N> s;
  std::string ref;
  auto same = [&] {
    return std::string_view(s) == ref && s.c_str()[s.size()] == '\0' && s.size() <= N &&
           s.full() == (s.size() == N);
  };
  while (!in.empty()) {
    const std::uint8_t op = in.byte();
    // Sources: input text or a view of s itself (aliasing).
    std::string_view src;
    if ((op & 0x80) != 0 && !s.empty()) {
      const std::size_t pos = in.below(s.size() + 1);
      src = std::string_view(s.data() + pos, in.below(s.size() - pos + 1));
    } else {
      src = in.text(N + 4);
    }
    const std::string copy(src);
    const std::size_t pos = in.below(ref.size() + 1);
    const std::size_t cnt = in.below(N + 2);
    const char ch = static_cast<char>(in.byte());
    switch (op % 16) {
      case 0:
        check(s.try_push_back(ch) == (ref.size() < N));
        if (ref.size() < N) ref.push_back(ch);
        break;
      case 1:
        check(s.try_append(src) == (ref.size() + copy.size() <= N));
        if (ref.size() + copy.size() <= N) ref += copy;
        break;
      case 2: {
        const std::size_t room = N - ref.size();
        check(s.append_truncating(src) == (copy.size() > room));
        ref.append(copy, 0, room);
        break;
      }
      case 3:
        check(s.try_insert(pos, src) == (ref.size() + copy.size() <= N));
        if (ref.size() + copy.size() <= N) ref.insert(pos, copy);
        break;
      case 4:
        s.erase(pos, cnt);
        ref.erase(pos, cnt);
        break;
      case 5: {
        const std::size_t removed = cnt < ref.size() - pos ? cnt : ref.size() - pos;
        if (ref.size() - removed + copy.size() <= N) {
          s.replace(pos, cnt, src);
          ref.replace(pos, cnt, copy);
        }
        break;
      }
      case 6: {
        const std::size_t removed = cnt < ref.size() - pos ? cnt : ref.size() - pos;
        const std::size_t n2 = in.below(N / 2 + 1);
        if (ref.size() - removed + n2 <= N) {
          s.replace(pos, cnt, n2, ch);
          ref.replace(pos, cnt, n2, ch);
        }
        break;
      }
      case 7:
        if (cnt <= N) {
          s.resize(cnt, ch);
          ref.resize(cnt, ch);
        }
        break;
      case 8:
        check(s.try_assign(src) == (copy.size() <= N));
        if (copy.size() <= N) ref = copy;
        break;
      case 9:
        if (!ref.empty()) {
          s.pop_back();
          ref.pop_back();
        }
        break;
      case 10:
        check(s.find(src, pos) == ref.find(copy, pos));
        check(s.rfind(src, pos) == ref.rfind(copy, pos));
        check(s.find(ch, pos) == ref.find(ch, pos));
        check(s.rfind(ch, pos) == ref.rfind(ch, pos));
        break;
      case 11:
        check(s.find_first_of(src, pos) == ref.find_first_of(copy, pos));
        check(s.find_last_of(src, pos) == ref.find_last_of(copy, pos));
        check(s.find_first_not_of(src, pos) == ref.find_first_not_of(copy, pos));
        check(s.find_last_not_of(src, pos) == ref.find_last_not_of(copy, pos));
        break;
      case 12: {
        const int a = s.compare(src);
        const int b = ref.compare(copy);
        check((a < 0) == (b < 0) && (a > 0) == (b > 0));
        check((s == src) == (ref == copy));
        check(s.starts_with(src) == (ref.compare(0, copy.size(), copy) == 0));
        check(s.contains(src) == (ref.find(copy) != std::string::npos));
        break;
      }
      case 13:
        if (cnt <= N) {
          const std::size_t r = in.below(cnt + 1);
          s.resize_and_overwrite(cnt, [&](char* p, std::size_t n) {
            for (std::size_t i = ref.size(); i < n; ++i) p[i] = ch;
            return r;
          });
          ref.resize(cnt, ch);
          ref.resize(r);
        }
        break;
      case 14: {
        const heapless::String<N> sub = s.substr(pos, cnt);
        check(std::string_view(sub) == ref.substr(pos, cnt));
        break;
      }
      default:
        if (in.below(4) == 0) {
          s.clear();
          ref.clear();
        }
        break;
    }
    check(same());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  input in(data + 1, size - 1);
  if (data[0] & 1) run<260>(in);
  else run<13>(in);
  return 0;
}

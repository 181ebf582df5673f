// iterators.hpp - iterators over a plain array that are not pointers, of a
// chosen category: they drive containers down their generic (non-memcpy)
// paths, and input_iterator checks that single-pass ranges are read once.
#ifndef HEAPLESS_TESTS_ITERATORS_HPP
#define HEAPLESS_TESTS_ITERATORS_HPP

#include <cstddef>   // std::ptrdiff_t
#include <iterator>  // the iterator category tags

namespace heapless {
namespace test {

template <class Category, class T>
class pointer_iterator {
 public:
  using iterator_category = Category;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = const T*;
  using reference = const T&;
  pointer_iterator() = default;
  explicit pointer_iterator(const T* p) noexcept : p_(p) {}
  reference operator*() const noexcept { return *p_; }
  pointer operator->() const noexcept { return p_; }
  pointer_iterator& operator++() noexcept {
    ++p_;
    return *this;
  }
  pointer_iterator operator++(int) noexcept {
    pointer_iterator old = *this;
    ++p_;
    return old;
  }
  friend bool operator==(pointer_iterator a, pointer_iterator b) noexcept { return a.p_ == b.p_; }
  friend bool operator!=(pointer_iterator a, pointer_iterator b) noexcept { return a.p_ != b.p_; }

 private:
  const T* p_ = nullptr;
};

template <class T>
using input_iterator = pointer_iterator<std::input_iterator_tag, T>;
template <class T>
using forward_iterator = pointer_iterator<std::forward_iterator_tag, T>;

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_ITERATORS_HPP

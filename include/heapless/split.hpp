// SPDX-License-Identifier: BSL-1.0
// heapless/split.hpp - split(text, sep): the tokens of a text between
// separators, as std::string_views into the text, computed lazily.
//
//   heapless::String<32> line = "set led 1";
//   for (std::string_view tok : heapless::split(line, ' ')) handle(tok);  // "set" "led" "1"
//   for (auto field : line.split(",")) ...                                // same, as a member
//
// Tokens (as Rust's str::split and std::views::split of a string): n
// separators give n + 1 tokens, empty ones included: "a,,b" gives "a" "" "b",
// ",a," gives "" "a" "", and "" gives one empty token. Skip empty tokens in
// the loop where runs of separators should count as one. An empty string_view
// separator never matches: the whole text is one token.
//
// The range holds a std::string_view of the text, not a copy: the text must
// outlive the loop (as with std::string_view; `split(make_string(), ' ')`
// dangles). Forward range: begin()/end(), each token found on ++ (O(token
// length + separator length) per step, nothing stored, no heap); usable with
// range-for and std algorithms. Reentrant; no state outside the range.
#ifndef HEAPLESS_SPLIT_HPP
#define HEAPLESS_SPLIT_HPP

#include <cstddef>      // std::size_t, std::ptrdiff_t
#include <heapless/detail/iterator.hpp>  // std::forward_iterator_tag without <iterator>
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_same_v: char or string_view separator

#include <heapless/detail/config.hpp>  // HEAPLESS_NAMESPACE_BEGIN

HEAPLESS_NAMESPACE_BEGIN

/// The lazy range split() returns: tokens of a text between occurrences of a
/// separator (a char or a std::string_view).
template <class Sep>
class SplitRange {
 public:
  /// Iterates over the tokens; dereferences to a std::string_view into the
  /// text. A forward iterator (multi-pass; copies iterate independently).
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;  ///< Multi-pass.
    using value_type = std::string_view;                  ///< A token.
    using difference_type = std::ptrdiff_t;               ///< Token count between iterators.
    using pointer = const std::string_view*;              ///< operator->'s result.
    using reference = const std::string_view&;            ///< operator*'s result.

    /// The end iterator.
    constexpr iterator() noexcept = default;
    /// The current token.
    constexpr reference operator*() const noexcept { return token_; }
    /// Member access to the current token.
    constexpr pointer operator->() const noexcept { return &token_; }
    /// Moves to the next token (past the end: becomes the end iterator).
    constexpr iterator& operator++() noexcept {
      if (!more_) {
        done_ = true;
      } else {
        next_();
      }
      return *this;
    }
    /// Post-increment.
    constexpr iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    /// Equal when both are past the end, or at the same token of the same text.
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      if (a.done_ || b.done_) return a.done_ == b.done_;
      return a.token_.data() == b.token_.data() && a.more_ == b.more_;
    }
    /// Negation of ==.
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class SplitRange;
    constexpr iterator(std::string_view text, Sep sep) noexcept : rest_(text), sep_(sep), done_(false) { next_(); }
    /// Takes the next token off rest_; more_ says whether a separator ended it.
    constexpr void next_() noexcept {
      const std::size_t at = find_();
      if (at == std::string_view::npos) {
        token_ = rest_;
        rest_ = rest_.substr(rest_.size());
        more_ = false;
      } else {
        token_ = rest_.substr(0, at);
        rest_ = rest_.substr(at + sep_len_());
        more_ = true;
      }
    }
    constexpr std::size_t find_() const noexcept {
      if constexpr (std::is_same_v<Sep, char>) {
        return rest_.find(sep_);
      } else {
        return sep_.empty() ? std::string_view::npos : rest_.find(sep_);
      }
    }
    constexpr std::size_t sep_len_() const noexcept {
      if constexpr (std::is_same_v<Sep, char>) {
        return 1;
      } else {
        return sep_.size();
      }
    }

    std::string_view token_{};
    std::string_view rest_{};
    Sep sep_{};
    bool more_ = false;
    bool done_ = true;
  };
  using const_iterator = iterator;  ///< The same: tokens are read-only views.

  /// The tokens of text between occurrences of sep.
  constexpr SplitRange(std::string_view text, Sep sep) noexcept : text_(text), sep_(sep) {}
  /// The first token (there is always at least one).
  constexpr iterator begin() const noexcept { return iterator(text_, sep_); }
  /// Past the last token.
  constexpr iterator end() const noexcept { return iterator(); }

 private:
  std::string_view text_;
  Sep sep_;
};

/// The tokens of text between occurrences of the character sep (lazy; see
/// the header comment for empty tokens). Works on String<N> through its
/// conversion to std::string_view.
constexpr SplitRange<char> split(std::string_view text, char sep) noexcept { return {text, sep}; }
/// The tokens of text between occurrences of sep (an empty sep never matches).
constexpr SplitRange<std::string_view> split(std::string_view text, std::string_view sep) noexcept {
  return {text, sep};
}

HEAPLESS_NAMESPACE_END

#endif  // HEAPLESS_SPLIT_HPP

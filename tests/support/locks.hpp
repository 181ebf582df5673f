// locks.hpp - locks for the critical_section policy (Pool, ArcPool, ObjectPool,
// mpmc::Queue) in tests: they count how often the library enters, so a test
// sees that the policy is used, and record whether the section is left.
//   counting_lock  the saved-state form: int lock() / unlock(int); nests
//   void_lock      the void lock() / unlock() form
#ifndef HEAPLESS_TESTS_LOCKS_HPP
#define HEAPLESS_TESTS_LOCKS_HPP

namespace heapless {
namespace test {

struct counting_lock {
  /// Sections entered so far.
  static long& entries() noexcept {
    static long n = 0;
    return n;
  }
  /// Sections entered and not yet left (0 between the library's calls).
  static int& depth() noexcept {
    static int d = 0;
    return d;
  }
  static int lock() noexcept {
    ++entries();
    return depth()++;
  }
  static void unlock(int saved) noexcept { depth() = saved; }
};

struct void_lock {
  /// Sections entered so far.
  static long& entries() noexcept {
    static long n = 0;
    return n;
  }
  /// Whether a section is open.
  static bool& held() noexcept {
    static bool h = false;
    return h;
  }
  static void lock() noexcept {
    ++entries();
    held() = true;
  }
  static void unlock() noexcept { held() = false; }
};

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_LOCKS_HPP

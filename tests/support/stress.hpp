// stress.hpp - what the multi-threaded stress tests (*_stress_test.cpp) share.
//   HEAPLESS_STRESS_TSAN  1 under ThreadSanitizer (GCC or clang): the tests
//                         then run fewer operations, each far slower there
//   env_or(name, n)       a positive number from the environment, else n:
//                         how long a run is (HEAPLESS_<TEST>_STRESS_ITEMS ...)
//   backoff<K>            a waiting side's spin: a pause, and every K-th
//                         time a yield, so an oversubscribed machine progresses
#ifndef HEAPLESS_TESTS_STRESS_HPP
#define HEAPLESS_TESTS_STRESS_HPP

#include <cstdlib>  // std::getenv, std::strtol
#include <thread>   // std::this_thread::yield

#if defined(__SANITIZE_THREAD__)
#define HEAPLESS_STRESS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define HEAPLESS_STRESS_TSAN 1
#endif
#endif
#ifndef HEAPLESS_STRESS_TSAN
#define HEAPLESS_STRESS_TSAN 0
#endif

namespace heapless {
namespace test {

/// The environment variable `name` if it holds a positive number, else fallback.
inline long env_or(const char* name, long fallback) {
  const char* e = std::getenv(name);
  const long v = e ? std::strtol(e, nullptr, 10) : 0;
  return v > 0 ? v : fallback;
}

/// Called after each failed attempt: spins, yielding every YieldEvery-th call.
template <unsigned YieldEvery>
class backoff {
 public:
  void operator()() noexcept {
    if (++spins_ % YieldEvery == 0) {
      std::this_thread::yield();
    } else {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
    }
  }

 private:
  unsigned spins_ = 0;
};

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_STRESS_HPP

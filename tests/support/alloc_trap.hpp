// alloc_trap.hpp - proof that the library never allocates.
//
// alloc_trap.cpp (linked into every test and benchmark binary) replaces every
// global operator new / operator delete overload and, on glibc without a
// sanitizer, interposes malloc, calloc, realloc, aligned_alloc, posix_memalign
// and memalign. Each counts; while the trap is armed an allocation is a
// violation: it is counted, reported on stderr, and fails the enclosing
// no_alloc_scope (see test.hpp). The allocation itself still succeeds, so the
// test reports the violation instead of crashing.
#ifndef HEAPLESS_TESTS_ALLOC_TRAP_HPP
#define HEAPLESS_TESTS_ALLOC_TRAP_HPP

namespace heapless {
namespace test {

/// Every allocation seen since start (armed or not).
long allocation_count() noexcept;
/// Allocations made while the trap was armed.
long violation_count() noexcept;
/// Nested arming: the trap is armed while arm depth > 0 and pause depth == 0.
void arm_trap() noexcept;
void disarm_trap() noexcept;
void pause_trap() noexcept;
void resume_trap() noexcept;
bool trap_armed() noexcept;
/// Whether malloc itself is interposed (false under sanitizers and off glibc,
/// where only operator new/delete are replaced).
bool malloc_interposed() noexcept;

/// Pauses the trap for a scope: for reference models (std::vector, std::map)
/// that run inside a no_alloc_scope.
class allow_alloc_scope {
 public:
  allow_alloc_scope() noexcept { pause_trap(); }
  ~allow_alloc_scope() { resume_trap(); }
  allow_alloc_scope(const allow_alloc_scope&) = delete;
  allow_alloc_scope& operator=(const allow_alloc_scope&) = delete;
};

}  // namespace test
}  // namespace heapless

#endif  // HEAPLESS_TESTS_ALLOC_TRAP_HPP

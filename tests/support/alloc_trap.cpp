// alloc_trap.cpp - see alloc_trap.hpp.
#include "alloc_trap.hpp"

#include <atomic>   // counters shared with stress-test threads
#include <cstddef>  // std::size_t
#include <cstdlib>  // std::malloc, std::free, std::abort
#include <new>      // the operator new/delete signatures being replaced

#if defined(__unix__)
#include <unistd.h>  // write(2): reporting must not allocate
#endif

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define HEAPLESS_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define HEAPLESS_TEST_SANITIZED 1
#endif
#endif
#ifndef HEAPLESS_TEST_SANITIZED
#define HEAPLESS_TEST_SANITIZED 0
#endif

// Sanitizers interpose malloc themselves; glibc exports __libc_* to forward to.
#if defined(__GLIBC__) && !HEAPLESS_TEST_SANITIZED
#define HEAPLESS_TEST_INTERPOSE_MALLOC 1
#else
#define HEAPLESS_TEST_INTERPOSE_MALLOC 0
#endif

// newlib (bare-metal Cortex-M tests): the link wraps newlib's reentrant
// allocator entry points (-Wl,--wrap=_malloc_r,... see tests/target/CMakeLists.txt,
// which also defines this to 1); malloc, calloc, realloc, memalign,
// aligned_alloc and newlib's own internal allocations all pass through them.
#ifndef HEAPLESS_TEST_WRAP_NEWLIB_MALLOC
#define HEAPLESS_TEST_WRAP_NEWLIB_MALLOC 0
#endif
#if HEAPLESS_TEST_WRAP_NEWLIB_MALLOC
#include <reent.h>   // struct _reent, _REENT
#include <unistd.h>  // write(): reporting through semihosting must not allocate
#endif

namespace {

std::atomic<long> g_allocations{0};
std::atomic<long> g_violations{0};
std::atomic<int> g_arm_depth{0};
std::atomic<int> g_pause_depth{0};

void report(const char* what) noexcept {
#if defined(__unix__) || HEAPLESS_TEST_WRAP_NEWLIB_MALLOC
  static const char prefix[] = "heapless alloc trap: allocation while armed: ";
  ssize_t r = ::write(2, prefix, sizeof prefix - 1);
  std::size_t n = 0;
  while (what[n]) ++n;
  r = ::write(2, what, n);
  r = ::write(2, "\n", 1);
  (void)r;
#else
  (void)what;
#endif
}

inline void on_allocation(const char* what) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (g_arm_depth.load(std::memory_order_relaxed) > 0 &&
      g_pause_depth.load(std::memory_order_relaxed) == 0) {
    g_violations.fetch_add(1, std::memory_order_relaxed);
    report(what);
  }
}

}  // namespace

namespace heapless {
namespace test {
long allocation_count() noexcept { return g_allocations.load(std::memory_order_relaxed); }
long violation_count() noexcept { return g_violations.load(std::memory_order_relaxed); }
void arm_trap() noexcept { g_arm_depth.fetch_add(1, std::memory_order_relaxed); }
void disarm_trap() noexcept { g_arm_depth.fetch_sub(1, std::memory_order_relaxed); }
void pause_trap() noexcept { g_pause_depth.fetch_add(1, std::memory_order_relaxed); }
void resume_trap() noexcept { g_pause_depth.fetch_sub(1, std::memory_order_relaxed); }
bool trap_armed() noexcept {
  return g_arm_depth.load(std::memory_order_relaxed) > 0 &&
         g_pause_depth.load(std::memory_order_relaxed) == 0;
}
bool malloc_interposed() noexcept {
  return HEAPLESS_TEST_INTERPOSE_MALLOC != 0 || HEAPLESS_TEST_WRAP_NEWLIB_MALLOC != 0;
}
}  // namespace test
}  // namespace heapless

// ---- malloc family (glibc, no sanitizer) -----------------------------------
#if HEAPLESS_TEST_INTERPOSE_MALLOC
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n) {
  on_allocation("malloc");
  return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t m) {
  on_allocation("calloc");
  return __libc_calloc(n, m);
}
void* realloc(void* p, std::size_t n) {
  on_allocation("realloc");
  return __libc_realloc(p, n);
}
void* memalign(std::size_t a, std::size_t n) {
  on_allocation("memalign");
  return __libc_memalign(a, n);
}
void* aligned_alloc(std::size_t a, std::size_t n) {
  on_allocation("aligned_alloc");
  return __libc_memalign(a, n);
}
int posix_memalign(void** out, std::size_t a, std::size_t n) {
  on_allocation("posix_memalign");
  void* p = __libc_memalign(a, n);
  if (!p) return 12;  // ENOMEM
  *out = p;
  return 0;
}
void free(void* p) { __libc_free(p); }
}
#define HEAPLESS_TEST_RAW_MALLOC(n) __libc_malloc(n)
#define HEAPLESS_TEST_RAW_ALIGNED(a, n) __libc_memalign(a, n)
#define HEAPLESS_TEST_RAW_FREE(p) __libc_free(p)
#elif HEAPLESS_TEST_WRAP_NEWLIB_MALLOC
namespace {
// newlib's memalign and realloc call _malloc_r themselves: count only the
// outermost call (the targets are single-core and the tests single-threaded).
int g_newlib_depth = 0;
template <class F>
void* newlib_call(const char* what, F real) noexcept {
  if (what != nullptr && g_newlib_depth == 0) on_allocation(what);
  ++g_newlib_depth;
  void* p = real();
  --g_newlib_depth;
  return p;
}
}  // namespace
extern "C" {
void* __real__malloc_r(struct _reent*, std::size_t);
void* __real__calloc_r(struct _reent*, std::size_t, std::size_t);
void* __real__realloc_r(struct _reent*, void*, std::size_t);
void* __real__memalign_r(struct _reent*, std::size_t, std::size_t);

void* __wrap__malloc_r(struct _reent* r, std::size_t n) {
  return newlib_call("malloc", [&] { return __real__malloc_r(r, n); });
}
void* __wrap__calloc_r(struct _reent* r, std::size_t n, std::size_t m) {
  return newlib_call("calloc", [&] { return __real__calloc_r(r, n, m); });
}
void* __wrap__realloc_r(struct _reent* r, void* p, std::size_t n) {
  return newlib_call("realloc", [&] { return __real__realloc_r(r, p, n); });
}
void* __wrap__memalign_r(struct _reent* r, std::size_t a, std::size_t n) {
  return newlib_call("memalign", [&] { return __real__memalign_r(r, a, n); });
}
}
// operator new counts for itself (on_allocation in plain_new/aligned_new).
#define HEAPLESS_TEST_RAW_MALLOC(n) newlib_call(nullptr, [&] { return __real__malloc_r(_REENT, n); })
#define HEAPLESS_TEST_RAW_ALIGNED(a, n) \
  newlib_call(nullptr, [&] { return __real__memalign_r(_REENT, a, n); })
#define HEAPLESS_TEST_RAW_FREE(p) std::free(p)
#else
#define HEAPLESS_TEST_RAW_MALLOC(n) std::malloc(n)
#define HEAPLESS_TEST_RAW_ALIGNED(a, n) aligned_raw(a, n)
#define HEAPLESS_TEST_RAW_FREE(p) std::free(p)
namespace {
// Over-aligned allocation on top of malloc: stash the original pointer below
// the aligned block (aligned_alloc is missing from some newlib builds).
void* aligned_raw(std::size_t a, std::size_t n) {
  if (a < sizeof(void*)) a = sizeof(void*);
  void* raw = std::malloc(n + a + sizeof(void*));
  if (!raw) return nullptr;
  auto addr = reinterpret_cast<std::size_t>(static_cast<char*>(raw) + sizeof(void*));
  addr = (addr + a - 1) & ~(a - 1);
  reinterpret_cast<void**>(addr)[-1] = raw;
  return reinterpret_cast<void*>(addr);
}
}  // namespace
#endif

// ---- operator new / delete: every replaceable overload ----------------------
namespace {
void* checked(void* p) {
  if (!p) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    throw std::bad_alloc();
#else
    std::abort();
#endif
  }
  return p;
}
void* plain_new(std::size_t n, const char* what) noexcept {
  on_allocation(what);
  return HEAPLESS_TEST_RAW_MALLOC(n ? n : 1);
}
void* aligned_new(std::size_t n, std::align_val_t a, const char* what) noexcept {
  on_allocation(what);
  return HEAPLESS_TEST_RAW_ALIGNED(static_cast<std::size_t>(a), n ? n : 1);
}
void plain_delete(void* p) noexcept { HEAPLESS_TEST_RAW_FREE(p); }
void aligned_delete(void* p) noexcept {
#if HEAPLESS_TEST_INTERPOSE_MALLOC || HEAPLESS_TEST_WRAP_NEWLIB_MALLOC
  HEAPLESS_TEST_RAW_FREE(p);
#else
  if (p) std::free(static_cast<void**>(p)[-1]);
#endif
}
}  // namespace

void* operator new(std::size_t n) { return checked(plain_new(n, "operator new")); }
void* operator new[](std::size_t n) { return checked(plain_new(n, "operator new[]")); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return plain_new(n, "operator new(nothrow)"); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return plain_new(n, "operator new[](nothrow)"); }
void* operator new(std::size_t n, std::align_val_t a) { return checked(aligned_new(n, a, "operator new(align)")); }
void* operator new[](std::size_t n, std::align_val_t a) { return checked(aligned_new(n, a, "operator new[](align)")); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return aligned_new(n, a, "operator new(align, nothrow)");
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return aligned_new(n, a, "operator new[](align, nothrow)");
}
void operator delete(void* p) noexcept { plain_delete(p); }
void operator delete[](void* p) noexcept { plain_delete(p); }
void operator delete(void* p, std::size_t) noexcept { plain_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { plain_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { plain_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { plain_delete(p); }
void operator delete(void* p, std::align_val_t) noexcept { aligned_delete(p); }
void operator delete[](void* p, std::align_val_t) noexcept { aligned_delete(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { aligned_delete(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { aligned_delete(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { aligned_delete(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { aligned_delete(p); }

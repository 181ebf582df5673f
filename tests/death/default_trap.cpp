// default_trap.cpp - with exceptions off and no user handler, a violated
// capacity traps (never returns, never corrupts memory). ctest runs it twice:
// with "overflow" it must die, without it must exit 0.
//
// The default error path is what this program tests, whatever the build
// configuration sets for the rest of the suite:
#undef HEAPLESS_ERROR_HANDLER
#define HEAPLESS_ERROR_HANDLER 0
#include <heapless/detail/error.hpp>

#include <cstring>  // std::strcmp

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "overflow") == 0) {
    heapless::detail::raise(heapless::error_kind::bad_alloc, "capacity exceeded");
  }
  return 0;
}

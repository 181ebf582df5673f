// message.cpp - with exceptions off and no user handler, a failure on a hosted
// target prints the library's message to stderr before the trap
// (expect_death.cmake checks the output). Arguments: "overflow" (a full Vec),
// "assert" (a failed HEAPLESS_ASSERT: an index past the size), anything else:
// exit 0.
#undef HEAPLESS_ERROR_HANDLER
#define HEAPLESS_ERROR_HANDLER 0
#undef HEAPLESS_ENABLE_ASSERTS
#define HEAPLESS_ENABLE_ASSERTS 1
#include <heapless/vec.hpp>

#include <cstring>  // std::strcmp

int main(int argc, char** argv) {
  heapless::Vec<int, 2> v{1, 2};
  if (argc > 1 && std::strcmp(argv[1], "overflow") == 0) v.push_back(3);
  if (argc > 1 && std::strcmp(argv[1], "assert") == 0) {
    volatile std::size_t i = 7;
    return v[i];
  }
  return 0;
}

// exit_status.cpp - proves that a program's exit status crosses QEMU into ctest,
// and that arguments (with spaces, commas, empty) reach main() intact.
//   exit_status exit=N     returns N (ctest runs it with N=3 and WILL_FAIL)
//   exit_status args A B C returns 0 when argv[2..] == {"two words", "a,b", ""}
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && std::strncmp(argv[1], "exit=", 5) == 0) return std::atoi(argv[1] + 5);
  if (argc == 5 && std::strcmp(argv[1], "args") == 0) {
    const bool ok = std::strcmp(argv[2], "two words") == 0 && std::strcmp(argv[3], "a,b") == 0 &&
                    argv[4][0] == '\0';
    std::printf("argv: [%s] [%s] [%s] -> %s\n", argv[2], argv[3], argv[4], ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
  }
  std::printf("usage: exit_status exit=N | args A B C (got %d arguments)\n", argc);
  return 2;
}

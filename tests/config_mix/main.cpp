// main.cpp - runs both files' checks; prints each result (0 = as configured).
#include <cstdio>  // std::printf

int handler_tu_overflow();
int handler_tu_containers();
int exceptions_tu_overflow();
int exceptions_tu_containers();

int main() {
  const int results[] = {handler_tu_overflow(), exceptions_tu_overflow(), handler_tu_containers(),
                         exceptions_tu_containers()};
  int failures = 0;
  for (const int r : results) {
    std::printf("%d ", r);
    failures += r != 0 ? 1 : 0;
  }
  std::printf("\n");
  return failures;
}

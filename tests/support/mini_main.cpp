// mini_main.cpp - main() for the mini harness (see mini_test.hpp).
#include "mini_test.hpp"

int main(int argc, char** argv) { return heapless::test::mini::run(argc, argv); }

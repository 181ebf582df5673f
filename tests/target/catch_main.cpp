// catch_main.cpp - Catch2 v2's main() for the Cortex-M test binaries, compiled
// once per core (the slowest translation unit of the suite). On the host the
// suite links Debian's prebuilt Catch2::Catch2WithMain instead.
// CATCH_CONFIG_NO_POSIX_SIGNALS (newlib has no sigaltstack) comes from CMake.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

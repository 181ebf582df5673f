// SPDX-License-Identifier: BSL-1.0
// heapless.hpp - Arduino library layout: Arduino puts this src/ directory on the
// include path; the headers themselves live in include/ (shared with CMake,
// Meson, Bazel, PlatformIO). Sketches write #include <heapless.hpp>.
#include "../include/heapless.hpp"

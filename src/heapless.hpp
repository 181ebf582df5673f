// SPDX-License-Identifier: BSL-1.0
// heapless.hpp - Arduino library layout: Arduino puts only this src/ directory
// on the include path, so this forwards to the generated single header, which
// needs no include path of its own (the headers in include/ include one
// another as <heapless/...>). Sketches write #include <heapless.hpp>.
#include "../single_include/heapless.hpp"

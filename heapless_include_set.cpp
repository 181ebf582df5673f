#include <heapless.hpp>

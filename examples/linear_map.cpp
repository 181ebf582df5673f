// examples/linear_map.cpp - heapless::LinearMap: the small tables firmware is
// full of, without a heap.
//
// A device keeps two tables: command handlers by numeric id (an int key,
// searched 16 bytes at a time on x86-64), and its settings by name (String<15>
// keys, looked up with plain string literals without building a key). A
// settings table has a fixed number of slots: a new setting that does not fit
// is reported, not silently dropped and not allocated.
#include <heapless/linear_map.hpp>
#include <heapless/string.hpp>

#include <cstdio>  // std::printf
#if HEAPLESS_HAS_EXCEPTIONS
#include <exception>  // std::exception
#endif

namespace {

using Handler = int (*)(int);
int reset(int) { return 0; }
int blink(int times) { return times * 2; }
int report(int channel) { return 100 + channel; }

using Name = heapless::String<15>;

void print_settings(const heapless::LinearMap<Name, int, 4>& settings) {
  // Iteration is insertion order; each entry binds like a std::map pair.
  for (const auto& [name, value] : settings) std::printf("    %-10s = %d\n", name.c_str(), value);
}

}  // namespace

int main() {
  // ---- Handlers by id: a static table is constant-initialised (no start-up code).
  static heapless::LinearMap<int, Handler, 8> handlers;
  handlers[0x01] = reset;
  handlers[0x10] = blink;
  handlers.insert({0x20, report});
  std::printf("%zu handlers, %zu bytes, no heap\n", handlers.size(), sizeof handlers);

  const int commands[][2] = {{0x10, 3}, {0x20, 7}, {0x42, 0}};
  for (const auto& [id, arg] : commands) {
    if (const auto it = handlers.find(id); it != handlers.end()) {
      std::printf("  command 0x%02x(%d) -> %d\n", id, arg, it->second(arg));
    } else {
      std::printf("  command 0x%02x: unknown\n", id);
    }
  }

  // ---- Settings by name: four slots.
  heapless::LinearMap<Name, int, 4> settings;
  settings[Name("baud")] = 115200;
  settings[Name("parity")] = 0;
  settings.emplace(Name("stop_bits"), 1);
  settings.insert_or_assign(Name("baud"), 9600);  // an existing key: assigned
  settings.at("parity") = 2;                       // looked up with a literal

  std::printf("settings (%zu of %zu):\n", settings.size(), settings.capacity());
  print_settings(settings);

  // try_insert reports a full map instead of raising: nothing changes.
  for (const char* name : {"flow", "timeout_ms"}) {
    if (settings.try_insert(Name(name), 1)) {
      std::printf("  added \"%s\"\n", name);
    } else {
      std::printf("  \"%s\" not added: all %zu slots are taken\n", name, settings.capacity());
    }
  }

  // erase moves the last entry into the hole (O(1)); erase_stable keeps order.
  settings.erase("parity");
  std::printf("after erase(\"parity\"), the last entry moved up:\n");
  print_settings(settings);
  settings.erase_stable("baud");
  std::printf("after erase_stable(\"baud\"), the order is kept:\n");
  print_settings(settings);

  // Values in place, through structured bindings.
  for (auto& [name, value] : settings) value *= 10;
  std::printf("stop_bits x 10 = %d\n", settings.at("stop_bits"));

  // The plain forms raise on a full map or a missing key: std::length_error /
  // std::out_of_range here; with -fno-exceptions, the error handler.
#if HEAPLESS_HAS_EXCEPTIONS
  try {
    std::printf("%d\n", settings.at("nonexistent"));
  } catch (const std::exception& e) {
    std::printf("at(\"nonexistent\") raised: %s\n", e.what());
  }
#endif
  return 0;
}

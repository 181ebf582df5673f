// index_map.cpp - a device registry keyed by 32-bit bus IDs: an IndexMap
// (a hash map in the object itself, iterated in insertion order) counts the
// messages each device sends, rejects devices past its capacity, and forgets
// silent ones.
#include <heapless/index_map.hpp>
#include <heapless/string.hpp>

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace {

struct device {
  heapless::String<15> name;
  unsigned messages = 0;
};

// 16 devices at most; no heap, constant-initialised.
heapless::IndexMap<std::uint32_t, device, 16> g_devices;

}  // namespace

int main() {
  const std::uint32_t ids[] = {0x1A2B0001u, 0x1A2B0002u, 0x0C000010u};
  const std::string_view names[] = {"thermo", "door", "meter"};
  for (std::size_t i = 0; i < 3; ++i) g_devices.try_emplace(ids[i], device{heapless::String<15>(names[i]), 0});

  // Traffic: each message names its sender; unknown senders are reported.
  const std::uint32_t traffic[] = {0x1A2B0001u, 0x0C000010u, 0x1A2B0001u, 0xDEADBEEFu, 0x1A2B0001u};
  for (const std::uint32_t id : traffic) {
    if (auto it = g_devices.find(id); it != g_devices.end()) {
      ++it->second.messages;
    } else {
      std::printf("unknown sender 0x%08lx\n", static_cast<unsigned long>(id));
    }
  }

  // Forget the devices that sent nothing (erase_if keeps the others' order).
  erase_if(g_devices, [](const auto& entry) { return entry.second.messages == 0; });

  for (const auto& [id, dev] : g_devices) {
    std::printf("0x%08lx %-6s %u messages\n", static_cast<unsigned long>(id), dev.name.c_str(), dev.messages);
  }
  std::printf("%zu of %zu slots used, %zu bytes in all\n", g_devices.size(), g_devices.capacity(),
              sizeof g_devices);
  return g_devices.size() == 2 ? 0 : 1;
}

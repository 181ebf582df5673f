// string.cpp - heapless::String<N>: a std::string whose N chars live inside
// the object. This program builds the lines a device would send over a UART
// or MQTT: a topic from parts, a payload that must fit a fixed-size frame,
// and a parsed command. No heap, and at every place where text could be too
// long the code says what happens.
#include <cstdio>
#include <string_view>

#include <heapless/string.hpp>

namespace {

// 16 bytes for up to 15 chars, and c_str() is always NUL-terminated: the
// last byte holds the free capacity and doubles as the terminator when full.
using DeviceId = heapless::String<15>;
static_assert(sizeof(DeviceId) == 16);
static_assert(std::is_trivially_copyable_v<DeviceId>);  // memcpy it into a message

// A global is constant-initialised: no constructor runs at start-up.
heapless::String<48> g_last_error;

heapless::String<64> make_topic(const DeviceId& id, std::string_view sensor) {
  heapless::String<64> topic = "site/7/";
  topic += id;  // String<M>, std::string_view, const char* and char all append
  topic += '/';
  topic += sensor;
  return topic;  // plain += raises std::length_error if it cannot fit
}

// Parses "set <key> <value>". Views into the command; copies only the result.
bool parse_set(std::string_view command, heapless::String<15>& key, heapless::String<15>& value) {
  if (command.substr(0, 4) != "set ") return false;
  command.remove_prefix(4);
  const std::size_t space = command.find(' ');
  if (space == std::string_view::npos) return false;
  // try_assign: false (and the string unchanged) when the text is too long.
  return key.try_assign(command.substr(0, space)) && value.try_assign(command.substr(space + 1));
}

}  // namespace

int main() {
  // 1. Deduction from a literal: String<9>, exactly the literal's length.
  heapless::String id_literal = "pump-0042";
  const DeviceId id = id_literal;  // a smaller String converts implicitly
  std::printf("id: %s (size %zu, capacity %zu)\n", id.c_str(), id.size(), id.capacity());

  // 2. Building text: += with a known-capacity result.
  const auto topic = make_topic(id, "temperature");
  std::printf("topic: %s (%zu of %zu chars)\n", topic.c_str(), topic.size(), topic.capacity());

  // 3. A payload frame with a hard limit: try_append reports, append_truncating cuts on purpose.
  heapless::String<24> frame = "{\"t\":21.5,\"note\":\"";
  const std::string_view note = "sensor recalibrated after maintenance";
  const bool cut = frame.append_truncating(note);  // true: part of the note did not fit
  std::printf("frame: %s (full: %s, cut: %s)\n", frame.c_str(), frame.full() ? "yes" : "no", cut ? "yes" : "no");
  if (!frame.try_append("\"}")) {
    // Nothing was appended; shorten the note and close the JSON properly.
    frame.resize(frame.size() - 2);
    frame += "\"}";
  }
  std::printf("frame: %s\n", frame.c_str());

  // 4. Parsing without copies until the result is known to fit.
  heapless::String<15> key;
  heapless::String<15> value;
  for (const char* command : {"set interval 250", "set threshold-for-overheating 90", "get x"}) {
    if (parse_set(command, key, value)) {
      std::printf("command '%s' -> %s = %s\n", command, key.c_str(), value.c_str());
    } else {
      g_last_error = "rejected: ";
      g_last_error.append_truncating(command);
      std::printf("%s\n", g_last_error.c_str());
    }
  }

  // 5. The std::string vocabulary: find, substr, replace, comparisons.
  heapless::String<32> path = "/api/v1/sensors/42";
  path.replace(path.find("v1"), 2, "v2");
  const auto last = path.substr(path.rfind('/') + 1);
  std::printf("path: %s, last segment: %s, starts with /api: %s\n", path.c_str(), last.c_str(),
              path.starts_with("/api") ? "yes" : "no");
  std::printf("'%s' %s '%s'\n", id.c_str(), id < DeviceId("pump-0100") ? "sorts before" : "sorts after",
              "pump-0100");

  // 6. Writing in place (C++23 resize_and_overwrite): digits straight into the buffer.
  heapless::String<15> number;
  number.resize_and_overwrite(number.capacity(), [](char* p, std::size_t n) {
    return static_cast<std::size_t>(std::snprintf(p, n + 1, "%d", 123456));  // n + 1: the NUL fits too
  });
  std::printf("number: %s (size %zu)\n", number.c_str(), number.size());
  return 0;
}

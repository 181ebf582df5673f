// deque.cpp - a command queue: commands arrive at the back, urgent ones jump
// to the front, and the main loop takes them from the front. A Deque holds
// exactly N commands in a ring inside the object; try_push_* reports a full
// queue instead of growing.
#include <heapless/deque.hpp>

#include <cstdio>

namespace {

enum class op : unsigned char { read, write, reset };

struct command {
  op what;
  unsigned arg;
};

const char* name(op o) {
  switch (o) {
    case op::read: return "read";
    case op::write: return "write";
    case op::reset: return "reset";
  }
  return "?";
}

heapless::Deque<command, 8> g_commands;

}  // namespace

int main() {
  for (unsigned i = 0; i < 6; ++i) g_commands.push_back(command{i % 2 == 0 ? op::read : op::write, i});
  g_commands.push_front(command{op::reset, 0});  // urgent

  unsigned rejected = 0;
  for (unsigned i = 0; i < 4; ++i) {
    if (g_commands.try_push_back(command{op::read, 100 + i}) == nullptr) ++rejected;
  }
  std::printf("queued %zu, rejected %u (capacity %zu)\n", g_commands.size(), rejected, g_commands.capacity());

  unsigned done = 0;
  while (!g_commands.empty()) {
    const command c = g_commands.front();
    g_commands.pop_front();
    std::printf("%s %u\n", name(c.what), c.arg);
    ++done;
  }
  return done == 8 && rejected == 3 ? 0 : 1;
}

// examples/pool.cpp - heapless::Pool: objects that come and go without a heap.
//
// A tiny message router: received frames are parsed into Message objects taken
// from a fixed pool, queued, handed to a C-style callback API, and returned to
// the pool when done. When the pool runs dry, new frames are dropped (and
// counted) instead of crashing or allocating.
#include <heapless/pool.hpp>

#include <cstdint>  // std::uint8_t, std::uint32_t
#include <cstdio>   // std::printf
#include <cstring>  // std::memcpy

namespace {

struct Message {
  std::uint32_t id;
  std::uint8_t length;
  std::uint8_t payload[27];

  Message(std::uint32_t message_id, const char* text) noexcept : id(message_id), length(0), payload{} {
    while (text[length] != '\0' && length < sizeof payload) ++length;
    std::memcpy(payload, text, length);
  }
  ~Message() { std::printf("    message %u returned to the pool\n", static_cast<unsigned>(id)); }
};

// A static pool is constant-initialised: no start-up code, it lives in .bss,
// and all 4 slots are free before main() runs. On a host (or a Cortex-M3 and
// up) the default policy is lock-free, so an interrupt handler and the main
// loop could both allocate and free.
heapless::Pool<Message, 4> g_messages;
using MessageBox = heapless::Pool<Message, 4>::Box;

// A C API that keeps a raw pointer and calls us back when it is done.
using done_callback = void (*)(Message*);
struct CDriver {
  Message* in_flight = nullptr;
  done_callback on_done = nullptr;
  void submit(Message* m, done_callback cb) noexcept {
    in_flight = m;
    on_done = cb;
  }
  void complete() noexcept {
    if (in_flight != nullptr) on_done(in_flight);
    in_flight = nullptr;
  }
};

}  // namespace

int main() {
  std::printf("Pool<Message, 4>: %zu slots, %zu bytes in total (%zu bytes of Message)\n",
              g_messages.capacity(), sizeof g_messages, g_messages.capacity() * sizeof(Message));

  // 1. Owning handles: a Box destroys its object and frees the slot on scope exit.
  std::printf("\n1. Boxes (like unique_ptr, but the memory is the pool's):\n");
  {
    MessageBox hello = g_messages.make(1u, "hello");
    std::printf("    got message %u '%.*s', %zu slots left\n", static_cast<unsigned>(hello->id),
                hello->length, reinterpret_cast<const char*>(hello->payload), g_messages.available());
  }
  std::printf("    after the scope: %zu slots free\n", g_messages.available());

  // 2. Exhaustion: try_make returns an empty Box; nothing allocates, nothing throws.
  std::printf("\n2. Receiving 6 frames into a pool of 4:\n");
  MessageBox queue[6];
  unsigned dropped = 0;
  for (std::uint32_t frame = 0; frame < 6; ++frame) {
    queue[frame] = g_messages.try_make(100u + frame, "frame");
    if (!queue[frame]) {
      ++dropped;
      std::printf("    frame %u dropped: pool exhausted\n", static_cast<unsigned>(frame));
    }
  }
  std::printf("    %u dropped, %zu slots free\n", dropped, g_messages.available());

  std::printf("    processing frame 101 frees its slot:\n");
  queue[1].reset();
  MessageBox late = g_messages.try_make(200u, "late");
  std::printf("    a late frame now fits: %s\n", late ? "yes" : "no");

  // 3. Raw pointers for C interop: release() hands ownership to the driver;
  //    the callback gives the object back with destroy().
  std::printf("\n3. Lending a message to a C driver:\n");
  CDriver driver;
  driver.submit(queue[0].release(), [](Message* m) {
    std::printf("    driver done with message %u\n", static_cast<unsigned>(m->id));
    g_messages.destroy(m);
  });
  std::printf("    queue[0] is now %s; the driver owns the object\n", queue[0] ? "full" : "empty");
  driver.complete();

  // 4. Everything else goes back when the Boxes go out of scope.
  std::printf("\n4. End of main: the remaining Boxes return their slots\n");
  for (auto& m : queue) m.reset();
  late.reset();
  std::printf("    %zu of %zu slots free\n", g_messages.available(), g_messages.capacity());
  return g_messages.available() == g_messages.capacity() ? 0 : 1;
}

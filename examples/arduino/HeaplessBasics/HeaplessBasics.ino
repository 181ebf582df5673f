// HeaplessBasics - a sensor log in a fixed-capacity Vec, a formatted line in
// a String, a lookup table in a LinearMap; nothing is allocated on the heap.
#include <heapless.hpp>

heapless::Vec<int, 32> samples;                  // static storage: 32 ints + length
heapless::LinearMap<int, const char*, 4> names;  // pin -> label
heapless::String<64> line;

void setup() {
  Serial.begin(115200);
  names.insert_or_assign(A0, "light");
  names.insert_or_assign(A1, "temperature");
}

void loop() {
  const int value = analogRead(A0);
  if (!samples.try_push_back(value)) {  // full: start a new window
    samples.clear();
    samples.push_back(value);
  }
  long sum = 0;
  for (int s : samples) sum += s;
  line.clear();
  heapless::format_to(line, "{}: {} (mean of {}: {})", names.find(A0)->second, value,
                      samples.size(), sum / static_cast<long>(samples.size()));
  Serial.println(line.c_str());
  delay(500);
}

// dynamic_init_control.cpp - the control for check_init_array.cmake: a static
// with a non-constexpr constructor DOES get an .init_array entry, so the check
// is known to see one when it is there.
struct runtime_init {
  int v;
  runtime_init() noexcept;
};
runtime_init::runtime_init() noexcept : v(42) {}
runtime_init g_runtime_init;

/* platform.h - the two board services main.cpp needs. platform_qemu.c
 * implements them with newlib + semihosting (heapless's QEMU helper);
 * vendor/platform_vendor.c with bare semihosting calls, where a real board
 * would write to its UART and reset. */
#ifndef USER_FIRMWARE_PLATFORM_H
#define USER_FIRMWARE_PLATFORM_H
#ifdef __cplusplus
extern "C" {
#endif
void platform_write(const char* text);
void platform_exit(int status) __attribute__((noreturn));
#ifdef __cplusplus
}
#endif
#endif

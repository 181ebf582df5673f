/* empty.c - the baseline: start-up code, newlib's exit path and semihosting,
 * nothing else. Subtracted from every program in the size table. */
int main(void) { return 0; }

// libFuzzer's driver, called from the runner's own entry point: SwiftPM links an executable's `main` to
// `<Module>_main`, so libFuzzer's `main` cannot be the entry point and the runner starts the driver itself.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

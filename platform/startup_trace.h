#pragma once
// KIOSK_STARTUP_TRACE=1: a start-up timeline on stderr. Reads the process start from /proc,
// so it is platform code (Linux), not content.

namespace platform {

// One stderr line per start-up step, milliseconds since the process started (from /proc, 10 ms
// granularity) and since the previous step. Thread-safe; nothing when the variable is unset.
void traceStartup(const char* step);

} // namespace platform

// FramePacer is header-only; this file keeps the one-header-one-source layout and checks
// that the header compiles on its own.
#include "platform/frame_pacer.h"

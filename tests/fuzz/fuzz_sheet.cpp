// libFuzzer: a sheet file of any kind (first byte picks the kind), read as a stick's CSV is.
// Whatever reads without problems must export and read back to exactly the same content.
#include "content/sheet_table.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    const content::SheetKind kind = content::kAllSheetKinds[data[0] % content::kSheetKindCount];
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    content::ContentUpdate update;
    content::Problems problems;
    content::readSheetFile(kind, bytes, content::sheetFileName(kind), update, problems);
    if (!problems.empty() || !update.has(kind)) return 0;

    const content::Content first = update.appliedTo(content::Content{});
    const std::string exported = content::exportSheet(kind, first);
    content::ContentUpdate again;
    content::Problems againProblems;
    content::readSheetFile(kind, exported, content::sheetFileName(kind), again, againProblems);
    // The export of what was read must read back, unchanged: abort() is how libFuzzer sees it.
    if (!againProblems.empty() || !again.has(kind)) std::abort();
    if (!(again.appliedTo(content::Content{}) == first)) std::abort();
    return 0;
}

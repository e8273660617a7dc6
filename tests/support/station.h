#pragma once
// A station's data dir and store on the tests' day, and imports into it as the kiosk runs them:
// the set-up the import and limits tests share.
#include "content/importer.h"
#include "content/store.h"

#include "tests/support/test_files.h"

#include <string_view>

namespace test {

// Wednesday 2026-06-03, the day the tests' stores are opened on and imports run.
content::Date testDay();

// A private data dir whose store is opened (seeded with the demo) on testDay().
struct Station {
    explicit Station(std::string_view prefix = "kiosk-station");
    TempDir tmp;
    content::DataDir dir;
    content::Store store;

    // The options run() imports with: from `source` at 09:00 on testDay().
    content::ImportOptions options(content::PackageSource source, bool allowUnsigned = false) const;
    // Imports `package` from `source` at 09:00 on testDay(), unsigned allowed only if asked.
    content::ImportReport run(const fs::path& package, content::PackageSource source, bool allowUnsigned = false);
};

} // namespace test

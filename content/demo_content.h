#pragma once
// The bundled demo station. Its sheets (content/demo/*.csv) are compiled in; date cells may
// hold {{+N}} / {{-N}}, replaced with today ± N days so the demo never looks stale.
#include "content/data_dir.h"
#include "content/model.h"

#include <string>
#include <vector>

namespace content {

struct EmbeddedSheet {
    std::string name;  // activities.csv
    std::string bytes; // as in the file
};
const std::vector<EmbeddedSheet>& embeddedDemoSheets();

// The demo sheets with dates filled in for `today`, as files {name, UTF-8 CSV}.
std::vector<EmbeddedSheet> demoSheets(Date today);
// The demo content for `today`, read through the normal sheet readers.
Content demoContent(Date today);

// What the kiosk shows when its store cannot be read at all (a data dir it may not open, a
// store from a newer program): an urgent notice saying so, for staff, with `reason`; the
// anti-fraud guide and the national emergency numbers (紧急: 110, 120, 96110 …), which are
// true for every station. Nothing station-specific that could mislead visitors.
Content storeUnavailableContent(Date today, const std::string& reason);

// `content` with a pinned notice for staff first: the store was recovered from an older file
// (Store::recoveryNote), until the next import.
Content withStoreNotice(Content content, const std::string& note);

} // namespace content

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

} // namespace content

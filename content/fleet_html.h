#pragma once
// The district office's overview page of `kiosk-content fleet`: one self-contained HTML file
// (styles inline, each kiosk's screen.png embedded as a data: URI) that opens offline in any
// browser on the office PC. Kiosks with problems come first, as FleetReport sorts them.
#include "content/fleet_report.h"

#include <functional>
#include <string>
#include <string_view>

namespace content {

// The whole page. Reads each kiosk's screenshot file; a file that has gone since the scan is
// shown as missing. `generatedAt` is printed in the heading (the office PC's time).
std::string fleetHtml(const FleetReport& report, const FleetOptions& options, const std::string& generatedAt);
// The same page handed to `sink` piece by piece, one kiosk at a time (500 thumbnails are ~50 MB
// of page: never all in memory at once).
using HtmlSink = std::function<void(std::string_view)>;
void writeFleetHtml(const FleetReport& report, const FleetOptions& options, const std::string& generatedAt,
                    const HtmlSink& sink);

// `text` with & < > " ' escaped for HTML.
std::string htmlEscape(std::string_view text);

} // namespace content

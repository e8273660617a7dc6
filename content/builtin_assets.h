#pragma once
// The app's own data files from assets/ (not content: they come with the program, not from the
// station or the district), compiled into the programs by content/CMakeLists.txt, so that a
// station never runs without them and no install path has to be looked up.
#include <string_view>

namespace content {

// assets/readings.csv, the name its problems would carry.
inline constexpr const char* kBuiltinReadingsName = "assets/readings.csv";
// Its bytes: words espeak-ng's cmn-latn-pinyin voice reads wrongly and the reading meant
// (header 词语,读音), the table every kiosk starts from before the data dir's readings.csv.
std::string_view builtinReadingsCsv();

} // namespace content

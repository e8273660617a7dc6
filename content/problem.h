#pragma once
// A located problem in a package, reported to staff as `file:row:column: message`.
#include <string>
#include <vector>

namespace content {

struct Problem {
    std::string file;    // activities.csv, manifest.json, or empty for the package as a whole
    int row = 0;         // spreadsheet row (header is 1); 0 when the problem is not in a row
    std::string column;  // header text, e.g. 日期; empty when not about one column
    std::string message; // plain Chinese, says what is wrong and what would be right

    // activities.csv:4:日期: 无法识别的日期“2026-13-45”
    std::string format() const;
};

using Problems = std::vector<Problem>;

} // namespace content

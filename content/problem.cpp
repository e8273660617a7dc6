#include "content/problem.h"

namespace content {

std::string Problem::format() const
{
    // Each location piece is left out cleanly when unknown: "manifest.json: …", ": …" never.
    std::string location = file;
    auto addPiece = [&location](const std::string& piece) {
        if (!location.empty()) location += ':';
        location += piece;
    };
    if (row > 0) addPiece(std::to_string(row));
    if (!column.empty()) addPiece(column);
    if (location.empty()) return message;
    return location + ": " + message;
}

} // namespace content

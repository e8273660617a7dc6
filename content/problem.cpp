#include "content/problem.h"

#include "content/limits.h"

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

std::string cutUtf8(std::string text, size_t maxBytes)
{
    if (text.size() <= maxBytes) return text;
    constexpr std::string_view kEllipsis = "…";
    size_t end = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    // Back up over continuation bytes so no character is cut in half.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    text += kEllipsis;
    return text;
}

Problems::Problems(std::initializer_list<Problem> problems)
{
    for (const Problem& problem : problems) push_back(problem);
}

void Problems::push_back(Problem problem)
{
    if (m_kept.size() >= limits::kMaxProblemsKept) {
        ++m_dropped;
        return;
    }
    problem.file = cutUtf8(std::move(problem.file), limits::kMaxProblemFileBytes);
    problem.column = cutUtf8(std::move(problem.column), limits::kMaxProblemColumnBytes);
    problem.message = cutUtf8(std::move(problem.message), limits::kMaxProblemMessageBytes);
    m_kept.push_back(std::move(problem));
}

void Problems::append(const Problems& other)
{
    for (const Problem& problem : other.m_kept) push_back(problem);
    m_dropped += other.m_dropped;
}

void Problems::clear()
{
    m_kept.clear();
    m_dropped = 0;
}

std::vector<std::string> Problems::lines() const
{
    std::vector<std::string> out;
    out.reserve(m_kept.size() + 1);
    for (const Problem& problem : m_kept) out.push_back(problem.format());
    if (m_dropped > 0) out.push_back(droppedProblemsLine(m_dropped));
    return out;
}

std::string droppedProblemsLine(size_t dropped)
{
    return "还有 " + std::to_string(dropped) + " 个问题没有列出，请先改正上面的问题再检查一次";
}

} // namespace content

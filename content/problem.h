#pragma once
// A located problem in a package, reported to staff as `file:row:column: message`.
#include <cstddef>
#include <initializer_list>
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
    bool operator==(const Problem&) const = default;
};

// The problems of one check or import. Keeps the first limits::kMaxProblemsKept (each field cut
// to its byte bound) and only counts the rest, so no input can grow it without bound.
// Iteration and [] see the kept ones; size() and empty() count every problem reported.
class Problems {
public:
    Problems() = default;
    Problems(std::initializer_list<Problem> problems);

    void push_back(Problem problem);
    // Every problem of `other` (kept ones, and the count of its dropped ones).
    void append(const Problems& other);
    void clear();
    // Counts `count` more problems as reported but not kept (last-import.json read back).
    void addDropped(size_t count) { m_dropped += count; }

    // Problems reported, kept or not.
    size_t size() const { return m_kept.size() + m_dropped; }
    bool empty() const { return size() == 0; }
    // Problems reported but not kept.
    size_t dropped() const { return m_dropped; }

    const std::vector<Problem>& kept() const { return m_kept; }
    std::vector<Problem>::const_iterator begin() const { return m_kept.begin(); }
    std::vector<Problem>::const_iterator end() const { return m_kept.end(); }
    const Problem& operator[](size_t index) const { return m_kept[index]; }
    const Problem& front() const { return m_kept.front(); }

    // Each kept problem formatted, then one line counting the dropped ones (if any).
    std::vector<std::string> lines() const;
    bool operator==(const Problems&) const = default;

private:
    std::vector<Problem> m_kept;
    size_t m_dropped = 0;
};

// "还有 N 个问题没有列出，请先改正上面的问题再检查一次"
std::string droppedProblemsLine(size_t dropped);

// `text` cut to at most `maxBytes` at a UTF-8 character boundary, with "…" when cut.
std::string cutUtf8(std::string text, size_t maxBytes);

} // namespace content

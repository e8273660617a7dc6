#pragma once
// Tables with one row per value of an enum, in the enum's order, in place of a switch per
// attribute (as Tracy keeps its name tables): each row names its value, and a static_assert
// beside the table with coversEnum proves that every value has its row, in its place. A plain
// list of one name per value is asserted by its size.
#include <cstddef>
#include <type_traits>

namespace content {

// True when `rows` holds exactly the values 0 … `last`, row i for value i (rows[i].value).
template <class Row, std::size_t N, class Enum>
constexpr bool coversEnum(const Row (&rows)[N], Enum last)
{
    if (N != static_cast<std::size_t>(last) + 1) return false;
    for (std::size_t i = 0; i < N; ++i)
        if (static_cast<std::size_t>(rows[i].value) != i) return false;
    return true;
}

// The row of `value`; `fallback` for a value outside the table (only a cast can make one).
template <class Row, std::size_t N, class Enum>
constexpr const Row& enumRow(const Row (&rows)[N], Enum value, const std::type_identity_t<Row>& fallback)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? rows[index] : fallback;
}

} // namespace content

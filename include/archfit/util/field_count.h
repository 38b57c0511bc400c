#pragma once
// fieldCount<T>(): the number of members of the aggregate T, found at compile time by trying to
// brace-initialise it from more and more values that convert to anything. Hand-written
// operator== implementations static_assert it, so a member added later without being compared
// fails to compile instead of being silently ignored (the sizeof of a struct can stay the same
// when a bool falls into padding; the member count cannot).

#include <cstddef>
#include <utility>

namespace archfit::detail {

// Converts to any member type; only used in unevaluated operands. The && qualifier keeps class
// templates' converting constructors (std::string from a string_view-like, ...) out of the race.
struct AnyField {
    template <typename T>
    operator T&() const&& noexcept;  // NOLINT: implicit by design
};

template <typename T, std::size_t... I>
constexpr auto bracesTake(std::index_sequence<I...>) -> decltype(T{(void(I), AnyField{})...}, true)
{
    return true;
}

template <typename T, std::size_t... I>
constexpr bool bracesTake(...)
{
    return false;
}

template <typename T, std::size_t N = 0>
constexpr std::size_t fieldCount()
{
    if constexpr (N > 64)
        return N;  // not an aggregate of at most 64 members; the static_assert will say so
    else if constexpr (bracesTake<T>(std::make_index_sequence<N + 1>{}))
        return fieldCount<T, N + 1>();
    else
        return N;
}

}  // namespace archfit::detail

// MQL4's dynamic array (T name[]), which prep.sh turns into MqlArray<T> name. An index out of range stops the
// program, as the terminal stops an EA with "array out of range".
#pragma once

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <type_traits>
#include <vector>

template <typename T>
class MqlArray
{
public:
    MqlArray() = default;
    // MQL4 has no array assignment and passes arrays by reference only: both fail to compile here too
    MqlArray(const MqlArray &) = delete;
    MqlArray &operator=(const MqlArray &) = delete;

    T &operator[](int index) { return m_items[Checked(index)]; }
    const T &operator[](int index) const { return m_items[Checked(index)]; }

    int Size() const { return static_cast<int>(m_items.size()); }
    void Resize(int count) { m_items.resize(count < 0 ? 0 : static_cast<size_t>(count)); }
    T *Data() { return m_items.data(); }
    const T *Data() const { return m_items.data(); }

private:
    size_t Checked(int index) const
    {
        if (index < 0 || static_cast<size_t>(index) >= m_items.size())
        {
            std::fprintf(stderr, "array out of range: index %d, size %zu\n", index, m_items.size());
            std::abort();
        }
        return static_cast<size_t>(index);
    }

    // std::vector<bool> hands out proxies, not bool&; a deque stores real bools
    std::conditional_t<std::is_same_v<T, bool>, std::deque<bool>, std::vector<T>> m_items;
};

template <typename T>
int ArrayResize(MqlArray<T> &array, int count, int reserve = 0)
{
    (void)reserve;
    array.Resize(count);
    return array.Size();
}

template <typename T>
int ArraySize(const MqlArray<T> &array)
{
    return array.Size();
}

template <typename T, size_t N>
int ArraySize(const T (&)[N])
{
    return static_cast<int>(N);
}

template <typename T>
void ArrayFree(MqlArray<T> &array)
{
    array.Resize(0);
}

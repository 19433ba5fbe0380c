#include "MqlString.hpp"

namespace
{
constexpr char16_t Replacement = 0xFFFD;

void AppendCodePoint(std::u16string &units, char32_t point)
{
    if (point < 0x10000)
    {
        units.push_back(static_cast<char16_t>(point));
        return;
    }
    point -= 0x10000;
    units.push_back(static_cast<char16_t>(0xD800 + (point >> 10)));
    units.push_back(static_cast<char16_t>(0xDC00 + (point & 0x3FF)));
}

void AppendUtf8(std::string &bytes, char32_t point)
{
    if (point < 0x80)
    {
        bytes.push_back(static_cast<char>(point));
    }
    else if (point < 0x800)
    {
        bytes.push_back(static_cast<char>(0xC0 | (point >> 6)));
        bytes.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    }
    else if (point < 0x10000)
    {
        bytes.push_back(static_cast<char>(0xE0 | (point >> 12)));
        bytes.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        bytes.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    }
    else
    {
        bytes.push_back(static_cast<char>(0xF0 | (point >> 18)));
        bytes.push_back(static_cast<char>(0x80 | ((point >> 12) & 0x3F)));
        bytes.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        bytes.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    }
}

// Length of the sequence a lead byte starts and the bits it carries; 0 for a byte that cannot lead.
int SequenceLength(unsigned char lead, char32_t &bits)
{
    if (lead < 0x80) { bits = lead; return 1; }
    if (lead >= 0xC2 && lead <= 0xDF) { bits = lead & 0x1F; return 2; }
    if (lead >= 0xE0 && lead <= 0xEF) { bits = lead & 0x0F; return 3; }
    if (lead >= 0xF0 && lead <= 0xF4) { bits = lead & 0x07; return 4; }
    return 0;
}
}

std::u16string Utf8ToUnits(const unsigned char *bytes, size_t count)
{
    std::u16string units;
    size_t i = 0;
    while (i < count)
    {
        char32_t point = 0;
        int length = SequenceLength(bytes[i], point);
        bool valid = length > 0 && i + static_cast<size_t>(length) <= count;
        for (int k = 1; valid && k < length; ++k)
        {
            unsigned char next = bytes[i + k];
            valid = (next & 0xC0) == 0x80;
            point = (point << 6) | (next & 0x3F);
        }
        // overlong forms, surrogates and values past U+10FFFF are invalid too
        if (valid && ((length == 3 && point < 0x800) || (length == 4 && point < 0x10000) ||
                      (point >= 0xD800 && point <= 0xDFFF) || point > 0x10FFFF))
            valid = false;
        if (!valid)
        {
            units.push_back(Replacement);
            ++i;
            continue;
        }
        AppendCodePoint(units, point);
        i += static_cast<size_t>(length);
    }
    return units;
}

std::string UnitsToUtf8(const std::u16string &units)
{
    std::string bytes;
    for (size_t i = 0; i < units.size(); ++i)
    {
        char32_t unit = units[i];
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF)
        {
            AppendUtf8(bytes, 0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00));
            ++i;
        }
        else if (unit >= 0xD800 && unit <= 0xDFFF)
            AppendUtf8(bytes, Replacement);
        else
            AppendUtf8(bytes, unit);
    }
    return bytes;
}

string::string(const char *utf8)
{
    if (utf8 != nullptr)
        m_units = Utf8ToUnits(reinterpret_cast<const unsigned char *>(utf8), std::char_traits<char>::length(utf8));
}

string string::FromUtf8(const std::string &utf8)
{
    return FromUnits(Utf8ToUnits(reinterpret_cast<const unsigned char *>(utf8.data()), utf8.size()));
}

string string::FromUnits(std::u16string units)
{
    string text;
    text.m_units = std::move(units);
    return text;
}

std::string string::Utf8() const
{
    return UnitsToUtf8(m_units);
}

// MQL4's string: UTF-16 code units, as in the terminal, so StringLen, StringGetCharacter, StringSubstr and the
// CP_UTF8 conversions behave in the harness as they do in MetaTrader.
#pragma once

#include <string>

class string
{
public:
    string() = default;
    string(const char *utf8);

    static string FromUtf8(const std::string &utf8);
    static string FromUnits(std::u16string units);

    const std::u16string &Units() const { return m_units; }
    std::u16string &Units() { return m_units; }
    std::string Utf8() const;

    string &operator+=(const string &tail)
    {
        m_units += tail.m_units;
        return *this;
    }

    friend string operator+(const string &head, const string &tail) { return FromUnits(head.m_units + tail.m_units); }
    friend bool operator==(const string &a, const string &b) { return a.m_units == b.m_units; }
    friend bool operator!=(const string &a, const string &b) { return a.m_units != b.m_units; }
    friend bool operator<(const string &a, const string &b) { return a.m_units < b.m_units; }

private:
    std::u16string m_units;
};

// Decodes as Windows' MultiByteToWideChar(CP_UTF8) does: each invalid or truncated sequence becomes U+FFFD.
std::u16string Utf8ToUnits(const unsigned char *bytes, size_t count);
// Encodes as WideCharToMultiByte(CP_UTF8) does: a lone surrogate becomes U+FFFD.
std::string UnitsToUtf8(const std::u16string &units);

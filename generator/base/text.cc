// UTF-8 handling, display width and escaping.
#include "base/text.h"

#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>

namespace dossier {

TextProblem find_text_problem(std::string_view s) {
  using Kind = TextProblem::Kind;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  auto invalid = [&] { return TextProblem{Kind::kInvalidUtf8, i}; };
  while (i < n) {
    // Runs of printable ASCII, eight bytes at a time: no byte >= 0x80, none
    // below 0x20 and none 0x7F (the classic "has a byte less than" and "has
    // a zero byte" tricks).
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    while (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      uint64_t below_space = (chunk - 0x20 * kOnes) & ~chunk & kHigh;
      uint64_t del = chunk ^ (0x7F * kOnes);
      uint64_t has_del = (del - kOnes) & ~del & kHigh;
      if ((chunk & kHigh) | below_space | has_del) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      if (is_forbidden_control(c)) return {Kind::kControl, i};
      ++i;
      continue;
    }
    // Runs of the common three-byte characters (CJK): lead E1..EC or EE..EF,
    // two continuation bytes; no range limits apply to them.
    while (i + 3 <= n && (p[i] & 0xF0) == 0xE0 && p[i] != 0xE0 && p[i] != 0xED &&
           (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80)
      i += 3;
    if (i >= n) break;
    c = p[i];
    if (c < 0x80) continue;
    // Well-formed sequences per the Unicode standard, table 3-7.
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return invalid();
      if (c == 0xC2 && p[i + 1] <= 0x9F) return {Kind::kControl, i};  // C1: U+0080..U+009F
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n) return invalid();
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80) return invalid();
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) return invalid();
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80)
        return invalid();
      i += 4;
    } else {
      return invalid();
    }
  }
  return {};
}

bool is_utf8(std::string_view s) {
  for (size_t i = 0;;) {
    TextProblem p = find_text_problem(s.substr(i));
    if (p.kind != TextProblem::Kind::kControl) return p.kind == TextProblem::Kind::kNone;
    i += p.offset;
    next_code_point(s, i);  // the control character, which is UTF-8
  }
}

// Eight bytes at a time: a continuation byte is 10xxxxxx, and each one is
// a byte that does not begin a code point. Both search indexes measure
// every document's text. The flags (one bit per byte) are added up by a
// multiplication, not std::popcount: without -mpopcnt that is a call.
size_t utf8_length(std::string_view s) {
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  size_t continuations = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    continuations += static_cast<size_t>((((w >> 7) & ~(w >> 6) & kLowBits) * kLowBits) >> 56);
  }
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++continuations;
  return s.size() - continuations;
}

std::string_view utf8_prefix(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return s.substr(0, i);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

int display_width(std::string_view s) {
  int width = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    if (cp == '\t') {
      width += 1;
      continue;
    }
    auto c = static_cast<UChar32>(cp);
    // Combining marks and format characters (U+200B, U+FEFF from pasted
    // text) take no column of their own.
    auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
      continue;
    auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

void html_escape_append(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  html_escape_append(out, s);
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

size_t find_bytes(std::string_view text, std::string_view needle) {
  // Decided here, so memmem never sees the null data of an empty view.
  if (needle.size() > text.size()) return std::string_view::npos;
  if (needle.empty()) return 0;
  const void* at = memmem(text.data(), text.size(), needle.data(), needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - text.data())
            : std::string_view::npos;
}

}  // namespace dossier

// Character folding for imported reports: see normalize.h. Only the forms
// that change how structure is read are folded (５、 → 5、, （1） and (1) alike,
// 　三、 → 三、); the text is otherwise kept as written.
#include "import/normalize.h"

#include <unicode/utf8.h>

#include "base/text.h"

namespace dossier {

namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009 || c == 0x200B || c == 0xFEFF;
}

// The code point at `i`, which moves past it; U+FFFD for bytes that are not
// UTF-8 (a damaged .docx: parsing its XML does not check them).
char32_t next_char(std::string_view s, size_t& i) {
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), at, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(at);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// The folded form of one code point.
char32_t fold(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';  // ０-９
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'A';  // Ａ-Ｚ
  if (c >= 0xFF41 && c <= 0xFF5A) return c - 0xFF41 + 'a';  // ａ-ｚ
  if (is_space(c)) return ' ';
  switch (c) {
    case '(':
      return 0xFF08;  // （
    case ')':
      return 0xFF09;  // ）
    case 0xFE51:
      return 0x3001;  // ﹑ small ideographic comma → 、
    case 0xFF64:
      return 0x3001;  // ､ half-width ideographic comma
    case 0xFF61:
      return 0x3002;  // ｡ half-width full stop
    case 0xFF0E:
      return '.';  // ．
    default:
      return c;
  }
}

}  // namespace

std::string normalize_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (size_t i = 0; i < line.size();) {
    char32_t c = fold(next_char(line, i));
    if (is_forbidden_control(c)) continue;  // an old text file's closing ^Z, say
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    append_utf8(out, c);
  }
  return out;
}

std::vector<std::string> normalized_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string line = normalize_line(text.substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      flush(i);
      start = i + 1;
    } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      flush(i);
      start = i + 3;
      i += 2;
    }
  }
  flush(text.size());
  return out;
}

}  // namespace dossier

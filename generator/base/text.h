// Text utilities shared by every stage: UTF-8 validation and counting,
// display width of CJK text, HTML escaping, trimming.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// The first thing that keeps bytes from being content text: an invalid
// UTF-8 sequence, or a control character HTML forbids (C0 other than tab,
// line feed, form feed and carriage return; DEL; C1). Content never holds
// control characters, so dossier's own markers (which are) cannot be forged.
struct TextProblem {
  enum class Kind { kNone, kInvalidUtf8, kControl };
  Kind kind = Kind::kNone;
  size_t offset = 0;  // of the offending byte
};
TextProblem find_text_problem(std::string_view s);

// Whether `s` is UTF-8 throughout (control characters allowed).
bool is_utf8(std::string_view s);

// Whether `c` is such a control character: one content may not hold.
inline bool is_forbidden_control(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

// Number of code points in valid UTF-8 text.
size_t utf8_length(std::string_view s);

// The first `n` code points of `s` (all of it if shorter).
std::string_view utf8_prefix(std::string_view s, size_t n);

// Terminal columns the text takes: East Asian wide and full-width characters
// count 2, combining marks and format characters (zero-width space) 0.
int display_width(std::string_view s);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view s);
void html_escape_append(std::string& out, std::string_view s);

std::string_view trim(std::string_view s);

// Decodes the code point at `i` (valid UTF-8), advancing `i`. Inline: both
// search indexes call it for every character of every document.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// Appends code point `c` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);

// Where `needle` first occurs in `text`, or npos. glibc's memmem, not
// string_view::find: in UTF-8 Chinese a word's first byte begins nearly
// every character, and find compares at each of them (a scan of the search
// texts at 10,000 reports: find 150 ms, memmem 45 ms).
size_t find_bytes(std::string_view text, std::string_view needle);

// Whether `text` holds `part` anywhere.
inline bool contains(std::string_view text, std::string_view part) {
  return find_bytes(text, part) != std::string_view::npos;
}

// FNV-1a (32 bits) over the bytes of `s`: a stable hash for names that
// must not change between builds (a slug made unique, a file named by its
// first item).
inline uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace dossier

// Digits, hashing and string literals of the browser index.
#include "index/static_format.h"

#include <cstdio>

#include "base/text.h"

namespace dossier::static_format {

namespace {

constexpr char kBackslash = '\\';

int digit_value(char c) {
  if (c < '#' || c > '~' || c == kBackslash) return -1;
  return c > kBackslash ? c - '#' - 1 : c - '#';
}

// Whether the byte at text[i] must be escaped in a string literal (a line
// separator, U+2028 or U+2029, from its first byte).
bool needs_escape(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '"' || c == '\\' || c < 0x20 || c == 0x7F) return true;
  return c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
         (text[i + 2] == '\xA8' || text[i + 2] == '\xA9');
}

}  // namespace

// The digits go into `out` in one append, not one call per character.
void put_long_number(std::string& out, uint64_t n) {
  char digits[16];  // 2^64 takes 12
  size_t k = 0;
  while (n >= kFinal) {
    n -= kFinal;
    digits[k++] = digit(kFinal + static_cast<unsigned>(n % kBase));
    n /= kBase;
  }
  digits[k++] = digit(static_cast<unsigned>(n));
  out.append(digits, k);
}

bool get_number(std::string_view in, size_t& at, uint64_t& n) {
  n = 0;
  uint64_t place = 1;
  while (at < in.size()) {
    int d = digit_value(in[at++]);
    if (d < 0) return false;
    n += static_cast<uint64_t>(d) * place;
    if (static_cast<unsigned>(d) < kFinal) return true;
    place *= kBase;
  }
  return false;
}

uint32_t term_hash(std::u32string_view code_points) {
  uint32_t h = 2166136261u;
  for (char32_t c : code_points) {
    h ^= static_cast<uint32_t>(c);
    h *= 16777619u;
  }
  return h;
}

// Runs that need no escape go in whole: packs and pieces are hundreds of
// megabytes at 10,000 reports.
void put_js_string(std::string& out, std::string_view text) {
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!needs_escape(text, i)) continue;
    out.append(text, run, i - run);
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line separators
      i += 2;
    }
    run = i + 1;
  }
  out.append(text, run);
  out += '"';
}

// Written through a pointer into a buffer of the largest size (two bytes
// per byte of UTF-8), then cut, not a call per byte.
std::string utf16le_with_bom(std::string_view utf8) {
  std::string out(2 + utf8.size() * 2, '\0');
  out[0] = '\xFF';
  out[1] = '\xFE';
  char* at = out.data() + 2;
  auto unit = [&](uint32_t u) {
    *at++ = static_cast<char>(u & 0xFF);
    *at++ = static_cast<char>(u >> 8);
  };
  for (size_t i = 0; i < utf8.size();) {
    uint32_t c = next_code_point(utf8, i);
    if (c < 0x10000) {
      unit(c);
    } else {
      c -= 0x10000;
      unit(0xD800 | (c >> 10));
      unit(0xDC00 | (c & 0x3FF));
    }
  }
  out.resize(static_cast<size_t>(at - out.data()));
  return out;
}

}  // namespace dossier::static_format

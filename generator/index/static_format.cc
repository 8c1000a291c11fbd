// Digits, hashing and string literals of the browser index.
#include "index/static_format.h"

#include <cstdio>

#include "base/text.h"

namespace dossier::static_format {

namespace {

constexpr char kBackslash = '\\';

char digit(unsigned d) {
  char c = static_cast<char>('#' + d);
  return c >= kBackslash ? static_cast<char>(c + 1) : c;
}

int digit_value(char c) {
  if (c < '#' || c > '~' || c == kBackslash) return -1;
  return c > kBackslash ? c - '#' - 1 : c - '#';
}

}  // namespace

void put_number(std::string& out, uint64_t n) {
  while (n >= kFinal) {
    n -= kFinal;
    out += digit(kFinal + static_cast<unsigned>(n % kBase));
    n /= kBase;
  }
  out += digit(static_cast<unsigned>(n));
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

void put_js_string(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size(); ++i) {
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
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line separators
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

std::string utf16le_with_bom(std::string_view utf8) {
  std::string out = "\xFF\xFE";
  out.reserve(2 + utf8.size() * 2);
  auto unit = [&](uint32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
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
  return out;
}

}  // namespace dossier::static_format

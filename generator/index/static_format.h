// The browser index's encodings (docs/search.md, "Browser index"): numbers
// as variable-length digits of a 91-character alphabet that a JavaScript
// string holds without escapes, the hash that puts a term in a dictionary
// shard, and JavaScript string literals. themes/default/static/search-engine.js
// decodes the same.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::static_format {

// Digits are the printable ASCII characters '#' (0x23) to '~' (0x7E) without
// the backslash: 91 values. A number is written least significant digit
// first: a digit below kFinal ends it; a digit d >= kFinal adds d times the
// current place value and the next digit's place value is kBase times more.
// Numbers below 50 take one character, below 2,100 two, below 86,150 three.
inline constexpr unsigned kFinal = 50;
inline constexpr unsigned kBase = 41;  // 91 - kFinal

// The digit of value d (below 91): '#' onwards, skipping the backslash.
inline char digit(unsigned d) {
  char c = static_cast<char>('#' + d);
  return c >= '\\' ? static_cast<char>(c + 1) : c;
}

void put_long_number(std::string& out, uint64_t n);

// Inline for the one-digit numbers (gaps, counts, positions' distances):
// most of the hundreds of millions the lists hold at 10,000 reports.
inline void put_number(std::string& out, uint64_t n) {
  if (n < kFinal)
    out.push_back(digit(static_cast<unsigned>(n)));
  else
    put_long_number(out, n);
}

// Reads the number at `at`, advancing it; false at the end or on a bad digit.
bool get_number(std::string_view in, size_t& at, uint64_t& n);

// FNV-1a over the term's code points (one step per code point): the
// dictionary shard of a term is term_hash(term) % shard count.
uint32_t term_hash(std::u32string_view code_points);

// A JavaScript string literal (double quotes) for UTF-8 text: escapes
// quotes, backslashes, control characters and U+2028/U+2029.
void put_js_string(std::string& out, std::string_view text);

// UTF-8 text as UTF-16LE after a byte order mark. Files of Chinese text
// (text pieces, result chunks) are a third smaller so; browsers read a
// script's encoding from its byte order mark, whatever the server says.
std::string utf16le_with_bom(std::string_view utf8);

}  // namespace dossier::static_format

// Normalisation, segments and terms for search.
#include "index/search_text.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>

#include "base/key_counter.h"
#include "base/text.h"

namespace dossier {

namespace {

std::string nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  // Most archive text is normalised already: skip the copy then.
  if (n->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  n->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(text);
}

std::string lower(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<UCaseMap, decltype(&ucasemap_close)> map(
      ucasemap_open("", 0, &status), &ucasemap_close);
  if (!map) return text;
  std::string out(text.size(), '\0');
  int32_t n = ucasemap_utf8ToLower(map.get(), out.data(), static_cast<int32_t>(out.size()),
                                   text.data(), static_cast<int32_t>(text.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n));
    n = ucasemap_utf8ToLower(map.get(), out.data(), n, text.data(),
                             static_cast<int32_t>(text.size()), &status);
  }
  if (U_FAILURE(status)) return text;
  out.resize(static_cast<size_t>(n));
  return out;
}

bool has_upper_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

std::string normalize_search_text(std::string_view text) {
  if (all_ascii(text)) {  // NFKC leaves ASCII alone
    std::string out(text);
    if (has_upper_ascii(out))
      for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // Runs of word characters are normalised; the rest (punctuation, white
  // space) is kept as written, so snippets show the text's own 《，。》.
  std::string out;
  out.reserve(text.size());
  size_t run = std::string_view::npos;
  bool plain = true;  // the run is CJK ideographs, a-z and digits: already normal
  auto flush = [&](size_t end) {
    if (run == std::string_view::npos) return;
    std::string_view word = text.substr(run, end - run);
    if (plain) {
      out += word;
    } else {
      out += lower(nfkc(word));
    }
    run = std::string_view::npos;
    plain = true;
  };
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t c = next_code_point(text, i);
    if (is_search_word_char(c)) {
      if (run == std::string_view::npos) run = at;
      bool simple =
          (c >= 0x4E00 && c <= 0x9FFF) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      plain = plain && simple;
    } else {
      flush(at);
      out.append(text, at, i - at);
    }
  }
  flush(text.size());
  return out;
}

bool is_search_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // CJK ideographs (letters): most of the text
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::vector<std::string_view> search_segments(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    bool word = is_search_word_char(next_code_point(text, i));
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      out.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back(text.substr(start));
  return out;
}

// Calls f(term) for each bigram of a segment (or its one character).
template <typename F>
static void for_each_term(std::string_view segment, F&& f) {
  size_t first = 0, i = 0;
  next_code_point(segment, i);
  if (i >= segment.size()) {
    f(segment);
    return;
  }
  while (i < segment.size()) {
    size_t second = i;
    next_code_point(segment, i);
    f(segment.substr(first, i - first));
    first = second;
  }
}

// A term's UTF-8 bytes (at most 8: two code points) packed big-endian into
// a number, so numbers sort as the terms do and sorting needs no strings.
static uint64_t packed(std::string_view text, size_t begin, size_t end) {
  size_t n = end - begin;
  if (text.size() - begin >= 8) {  // one load where eight bytes are there
    uint64_t word;
    std::memcpy(&word, text.data() + begin, 8);
    return __builtin_bswap64(word) & (~0ull << (8 * (8 - n)));
  }
  uint64_t k = 0;
  for (size_t i = begin; i < end; ++i) k = (k << 8) | static_cast<unsigned char>(text[i]);
  return k << (8 * (8 - n));
}

static std::string unpacked(uint64_t k) {
  std::string out;
  for (int shift = 56; shift >= 0 && ((k >> shift) & 0xFF) != 0; shift -= 8)
    out += static_cast<char>((k >> shift) & 0xFF);
  return out;
}

// One pass over the text, each term counted in a table reused by the
// thread (base/key_counter.h); only the distinct terms are sorted. The
// Xapian index calls this for every document: sorting every occurrence
// had been a seventh of its time.
std::vector<TermCount> search_terms(std::string_view normalized) {
  thread_local KeyCounter counter;
  counter.clear(utf8_length(normalized));
  constexpr size_t kNone = std::string_view::npos;
  size_t first = kNone, last = kNone;  // where the segment's first and last characters start
  auto end_segment = [&](size_t end) {
    if (first != kNone && first == last) counter.add(packed(normalized, first, end));
    first = last = kNone;
  };
  for (size_t i = 0; i < normalized.size();) {
    size_t at = i;
    if (!is_search_word_char(next_code_point(normalized, i))) {
      end_segment(at);
      continue;
    }
    if (first == kNone)
      first = at;
    else
      counter.add(packed(normalized, last, i));
    last = at;
  }
  end_segment(normalized.size());
  counter.sort_by_key();
  const std::vector<KeyCounter::Entry>& terms = counter.entries();
  std::vector<TermCount> out;
  out.reserve(terms.size());
  for (const KeyCounter::Entry& t : terms) out.push_back({unpacked(t.key), t.count});
  return out;
}

std::vector<std::string> segment_bigrams(std::string_view segment) {
  std::vector<std::string> out;
  size_t i = 0;
  next_code_point(segment, i);
  if (i >= segment.size()) return out;
  for_each_term(segment, [&](std::string_view term) {
    if (std::find(out.begin(), out.end(), term) == out.end()) out.emplace_back(term);
  });
  return out;
}

std::vector<std::string> query_words(std::string_view query) {
  std::string normalized = normalize_search_text(query);
  std::vector<std::string> out;
  for (std::string_view segment : search_segments(normalized)) out.emplace_back(segment);
  return out;
}

}  // namespace dossier

// Search text: how text becomes the terms both search indexes hold and how
// a query becomes the terms it needs (docs/search.md, "Terms"). Text is
// normalised (Unicode NFKC, then lower case); a run of letters, marks and
// digits is a segment, anything else separates. A segment's terms are its
// character bigrams (every pair of adjacent characters); a one-character
// segment is its own term. A query word matches where the normalised text
// contains it: its bigrams all occur, and the text holds the word.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier {

// Each run of word characters in NFKC, then lower case (ICU, root locale);
// other characters as they are. The same as JavaScript's
// s.replace(/[\p{L}\p{M}\p{N}]+/gu, w => w.normalize("NFKC").toLowerCase()).
std::string normalize_search_text(std::string_view text);

// Whether a code point belongs to a segment: a letter, mark or number.
bool is_search_word_char(char32_t c);

// The segments of normalised text, in order.
std::vector<std::string_view> search_segments(std::string_view normalized);

// A term with its frequency in a document (within-document frequency).
struct TermCount {
  std::string term;
  unsigned count = 0;
  friend bool operator==(const TermCount&, const TermCount&) = default;
};

// The terms of normalised text, sorted by term.
std::vector<TermCount> search_terms(std::string_view normalized);

// The distinct bigrams of one segment, in order of first appearance; empty
// for a one-character segment.
std::vector<std::string> segment_bigrams(std::string_view segment);

// A query's words: split at white space and at every other separator, each
// normalised. "《党章》 2023年" gives {"党章", "2023年"}.
std::vector<std::string> query_words(std::string_view query);

}  // namespace dossier

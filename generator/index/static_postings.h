// The browser index's inverted lists (docs/search.md, "Browser index"): for
// each term of the search documents' texts, the documents holding it, in
// document order, encoded for search-engine.js. Three kinds of term:
// - bigrams (the Xapian index's terms): each document with the term's count
//   (its wdf), for matching and BM25;
// - characters: each document holding the character in a segment, for
//   one-character query words;
// - trigrams: each document with the term's positions (code points from the
//   start of the text), which prove where words of three or more characters
//   occur, and the counts of its two bigrams, which weigh them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/search_docs.h"

namespace dossier {

struct StaticTerm {
  std::u32string term;           // 1, 2 or 3 code points
  uint32_t df = 0;               // documents holding it
  std::string payload;           // the encoded list
  std::vector<uint32_t> blocks;  // the document blocks its documents are in, ascending
};

struct StaticPostings {
  std::vector<StaticTerm> terms;      // sorted by term
  std::vector<uint32_t> doc_lengths;  // per document: its bigrams and one-character segments,
                                      // as Xapian counts a document's length
  uint64_t total_length = 0;
};

// Documents are numbered from 0 in the order of `docs`; `doc_blocks` gives
// each one's document block (or is empty: all in block 0). Builds on `jobs`
// cores.
StaticPostings build_static_postings(const std::vector<SearchDoc>& docs, int jobs,
                                     const std::vector<uint32_t>& doc_blocks = {});

}  // namespace dossier

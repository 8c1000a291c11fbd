// Building the browser index's inverted lists: each core takes a range of
// documents, then each term's lists are joined in document order.
#include "index/static_postings.h"

#include <algorithm>

#include "base/key_counter.h"
#include "base/parallel.h"
#include "base/text.h"
#include "index/search_text.h"
#include "index/static_format.h"

namespace dossier {

namespace {

using static_format::put_number;

// A term as a number: code points are below 2^21, and never 0, so one
// character is below 2^21, a bigram below 2^42 and a trigram above.
constexpr int kBits = 21;
uint64_t key_of(const char32_t* c, int n) {
  uint64_t k = 0;
  for (int i = 0; i < n; ++i) k = (k << kBits) | static_cast<uint64_t>(c[i]);
  return k;
}
int length_of(uint64_t key) {
  return key < (1ull << kBits) ? 1 : key < (1ull << 2 * kBits) ? 2 : 3;
}
std::u32string term_of(uint64_t key) {
  std::u32string t(static_cast<size_t>(length_of(key)), U'\0');
  for (size_t i = t.size(); i-- > 0; key >>= kBits)
    t[i] = static_cast<char32_t>(key & ((1u << kBits) - 1));
  return t;
}

// One document's entry starts with its distance from the previous one (the
// first's from -1) and, but for characters, a count: the wdf of a bigram, the
// number of positions of a trigram.
void put_head(std::string& out, uint32_t gap, uint32_t count, int length) {
  if (length == 1) {
    put_number(out, gap - 1);
    return;
  }
  put_number(out, uint64_t{gap - 1} * 4 + std::min(count, 4u) - 1);
  if (count >= 4) put_number(out, count - 4);
}

// A term's list over one range of documents; the first entry's head is
// written when the ranges are joined, since its gap depends on the range
// before.
struct PartList {
  uint32_t first_doc = 0, first_count = 0, last_doc = 0, df = 0;
  std::string rest;
  std::vector<uint32_t> blocks;
};

// A part's lists by term: open addressing over the keys (never 0), the
// lists kept in order of first use. A part sees millions of terms and
// hundreds of millions of lookups; std::unordered_map's nodes made each one
// a cache miss more.
class Part {
 public:
  PartList& operator[](uint64_t key) {
    if ((lists_.size() + 1) * 2 > slots_.size()) grow();
    size_t i = slot_of(key);
    if (slots_[i].key == 0) {
      slots_[i] = {key, static_cast<uint32_t>(lists_.size())};
      keys_.push_back(key);
      lists_.emplace_back();
    }
    return lists_[slots_[i].list];
  }
  PartList* find(uint64_t key) {
    if (slots_.empty()) return nullptr;
    size_t i = slot_of(key);
    return slots_[i].key == 0 ? nullptr : &lists_[slots_[i].list];
  }
  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t list = 0;
  };
  // The slot holding `key`, or the empty one where it goes.
  size_t slot_of(uint64_t key) const {
    size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    for (const Slot& s : old)
      if (s.key != 0) slots_[slot_of(s.key)] = s;
  }
  std::vector<Slot> slots_;
  std::vector<uint64_t> keys_;
  std::vector<PartList> lists_;
};

// A trigram's entry goes on with the counts of its two bigrams in the
// document, each less the trigram's count (a bigram occurs at least where
// its trigrams do): one number a + 7b when both are below 7 (most), else
// 49 and the two. A search for a long word then needs no bigram list.
void put_bigram_counts(std::string& out, uint32_t first, uint32_t second) {
  if (first < 7 && second < 7) {
    put_number(out, first + 7 * second);
    return;
  }
  put_number(out, 49);
  put_number(out, first);
  put_number(out, second);
}

// A trigram's occurrences in one document: its positions and its bigrams'
// counts.
struct TrigramHits {
  const uint32_t* positions = nullptr;
  uint32_t first_bigram = 0, second_bigram = 0;
};

void add(PartList& l, int length, uint32_t doc, uint32_t block, uint32_t count,
         const TrigramHits& hits) {
  if (l.blocks.empty() || l.blocks.back() != block) l.blocks.push_back(block);
  if (l.df++ == 0) {
    l.first_doc = doc;
    l.first_count = count;
  } else {
    put_head(l.rest, doc - l.last_doc, count, length);
  }
  l.last_doc = doc;
  if (length != 3) return;
  put_bigram_counts(l.rest, hits.first_bigram - count, hits.second_bigram - count);
  for (uint32_t i = 0, previous = 0; i < count; previous = hits.positions[i++])
    put_number(l.rest, i == 0 ? hits.positions[0] : hits.positions[i] - previous - 1);
}

// One document's terms, counted without sorting (base/key_counter.h), each
// trigram occurrence's position and each trigram's two bigrams. Reused from
// document to document.
class DocumentTerms {
 public:
  // Empties it for a document of `code_points` characters: at most three
  // terms each.
  void clear(size_t code_points) {
    counter_.clear(code_points * 3);
    trigrams_.clear();
  }
  // Counts `key`; returns the index of its entry in terms().
  uint32_t add(uint64_t key) { return counter_.add(key); }
  // A trigram at `position` whose bigrams are terms()[first] and [second].
  void add_trigram(uint64_t key, uint32_t position, uint32_t first, uint32_t second) {
    uint32_t t = counter_.add(key);
    trigrams_.push_back({t, position});
    if (bigrams_of_.size() <= t) bigrams_of_.resize(t + 1);
    bigrams_of_[t] = {first, second};
  }
  const std::vector<KeyCounter::Entry>& terms() const { return counter_.entries(); }
  // Groups the trigrams' positions by term, each term's ascending (as they
  // came). Once, after the last add.
  void group_positions() {
    const std::vector<KeyCounter::Entry>& all = terms();
    starts_.assign(all.size(), 0);
    uint32_t at = 0;
    for (size_t t = 0; t < all.size(); ++t)
      if (length_of(all[t].key) == 3) {
        starts_[t] = at;
        at += all[t].count;
      }
    positions_.resize(at);
    next_ = starts_;
    for (const auto& [t, position] : trigrams_) positions_[next_[t]++] = position;
  }
  // Trigram terms()[t]'s positions and bigram counts, once grouped.
  TrigramHits hits_of(size_t t) const {
    const std::vector<KeyCounter::Entry>& all = terms();
    return {positions_.data() + starts_[t], all[bigrams_of_[t].first].count,
            all[bigrams_of_[t].second].count};
  }

 private:
  KeyCounter counter_;
  std::vector<std::pair<uint32_t, uint32_t>> trigrams_;    // term, position
  std::vector<uint32_t> starts_, next_, positions_;        // grouped positions, by term
  std::vector<std::pair<uint32_t, uint32_t>> bigrams_of_;  // by trigram term: its bigrams
};

// The terms of one document into `part`; returns the document's length.
uint32_t index_document(const std::string& text, uint32_t doc, uint32_t block, Part& part,
                        DocumentTerms& terms) {
  std::vector<char32_t> chars;    // of the current segment
  std::vector<uint32_t> bigrams;  // its bigrams' entries in terms.terms()
  terms.clear(utf8_length(text));
  uint32_t length = 0, position = 0;
  auto end_segment = [&] {
    size_t n = chars.size();
    if (n == 0) return;
    length += n == 1 ? 1 : static_cast<uint32_t>(n - 1);
    uint32_t start = position - static_cast<uint32_t>(n);
    bigrams.clear();
    for (size_t i = 0; i < n; ++i) {
      terms.add(chars[i]);
      if (i + 1 < n) bigrams.push_back(terms.add(key_of(&chars[i], 2)));
    }
    for (size_t i = 0; i + 2 < n; ++i)
      terms.add_trigram(key_of(&chars[i], 3), start + static_cast<uint32_t>(i), bigrams[i],
                        bigrams[i + 1]);
    chars.clear();
  };
  for (size_t i = 0; i < text.size(); ++position) {
    char32_t c = next_code_point(text, i);
    if (is_search_word_char(c)) {
      chars.push_back(c);
    } else {
      end_segment();
    }
  }
  end_segment();

  terms.group_positions();
  const std::vector<KeyCounter::Entry>& all = terms.terms();
  for (size_t t = 0; t < all.size(); ++t) {
    int n = length_of(all[t].key);
    add(part[all[t].key], n, doc, block, n == 1 ? 1 : all[t].count,
        n == 3 ? terms.hits_of(t) : TrigramHits{});
  }
  return length;
}

}  // namespace

StaticPostings build_static_postings(const std::vector<SearchDoc>& docs, int jobs,
                                     const std::vector<uint32_t>& doc_blocks) {
  StaticPostings out;
  out.doc_lengths.resize(docs.size());
  size_t parts_count =
      std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(jobs), docs.size()));
  std::vector<Part> parts(parts_count);
  parallel_for(parts_count, jobs, [&](size_t p) {
    size_t begin = docs.size() * p / parts_count, end = docs.size() * (p + 1) / parts_count;
    DocumentTerms terms;
    for (size_t d = begin; d < end; ++d)
      out.doc_lengths[d] = index_document(docs[d].text, static_cast<uint32_t>(d),
                                          doc_blocks.empty() ? 0 : doc_blocks[d], parts[p], terms);
  });
  for (uint32_t l : out.doc_lengths) out.total_length += l;

  std::vector<uint64_t> keys;
  for (const Part& part : parts) keys.insert(keys.end(), part.keys().begin(), part.keys().end());
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  out.terms.resize(keys.size());
  parallel_for(keys.size(), jobs, [&](size_t i) {
    StaticTerm& t = out.terms[i];
    t.term = term_of(keys[i]);
    int length = static_cast<int>(t.term.size());
    int64_t previous = -1;
    for (Part& part : parts) {
      PartList* found = part.find(keys[i]);
      if (!found) continue;
      PartList& l = *found;
      put_head(t.payload, static_cast<uint32_t>(l.first_doc - previous), l.first_count, length);
      t.payload += l.rest;
      std::string().swap(l.rest);
      for (uint32_t b : l.blocks)
        if (t.blocks.empty() || t.blocks.back() != b) t.blocks.push_back(b);
      t.df += l.df;
      previous = l.last_doc;
    }
  });
  std::sort(out.terms.begin(), out.terms.end(),
            [](const StaticTerm& a, const StaticTerm& b) { return a.term < b.term; });
  return out;
}

}  // namespace dossier

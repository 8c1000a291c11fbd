// The searcher: query words and filters to a Xapian query, exact matching,
// facet counts, ranking, snippets.
#include "search/searcher.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "base/name_index.h"
#include "base/text.h"
#include "index/search_schema.h"
#include "index/search_text.h"
#include "search/match_values.h"
#include "search/text_store.h"

namespace dossier {

namespace schema = search_schema;
using Json = nlohmann::json;

namespace {

// Counts by filter term, looked up by string_view.
struct TermHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using FacetTermCounts = std::unordered_map<std::string, size_t, TermHash, std::equal_to<>>;

// Checks each candidate's text holds the words that bigrams alone do not
// prove (one character, or three or more), and counts the facets of the
// accepted. Reads the values from `kept` when given, else from the document.
class ExactMatch : public Xapian::MatchDecider {
 public:
  ExactMatch(const TextStore& texts, const std::vector<std::string>& verify,
             const MatchValues* kept)
      : texts_(texts), verify_(verify), kept_(kept) {
    if (kept_) kept_counts_.resize(kept_->term_count());
  }
  bool operator()(const Xapian::Document& doc) const override {
    if (!verify_.empty()) {
      std::string value;  // the text's value, when it is not kept (the head is a view of it)
      if (!kept_) value = doc.get_value(schema::kSlotText);
      DocText text = texts_.text(kept_ ? kept_->text_range(doc.get_docid()) : value);
      for (const auto& w : verify_)
        if (!text.contains(w)) return false;
    }
    if (kept_) {
      for (uint32_t n : kept_->facet_terms(doc.get_docid())) ++kept_counts_[n];
      return true;
    }
    for_each_facet_term(doc.get_value(schema::kSlotFacets), [&](std::string_view term) {
      auto it = counts_.find(term);  // no string made for a value counted before
      if (it == counts_.end())
        counts_.emplace(term, 1);
      else
        ++it->second;
    });
    return true;
  }
  FacetTermCounts counts() const {
    FacetTermCounts out = counts_;
    for (uint32_t n = 0; n < kept_counts_.size(); ++n)
      if (kept_counts_[n]) out.emplace(kept_->term(n), kept_counts_[n]);
    return out;
  }

 private:
  const TextStore& texts_;
  const std::vector<std::string>& verify_;
  const MatchValues* kept_;
  mutable FacetTermCounts counts_;
  mutable std::vector<size_t> kept_counts_;
};

// A facet's names: value (slug) -> label, and a lookup by any name.
struct Facet {
  std::string prefix;
  std::vector<std::pair<std::string, std::string>> values;  // slug, label
  NameIndex names;
};

Facet named_facet(std::string_view prefix, const Json& entries) {
  Facet f{std::string(prefix), {}, {}};
  for (const auto& e : entries) {
    int i = static_cast<int>(f.values.size());
    f.values.emplace_back(e.value("slug", ""), e.value("title", ""));
    f.names.add(e.value("slug", ""), i);
    f.names.add(e.value("title", ""), i);
    for (const auto& a : e.value("aliases", Json::array())) f.names.add(a.get<std::string>(), i);
  }
  return f;
}

const std::pair<const char*, const char*> kTypeLabels[] = {
    {"report", "报告"}, {"issue", "问题"}, {"measure", "整改措施"}};

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  TextStore texts;
  std::shared_ptr<const MatchValues> kept;  // null: values read from each document
  Facet units, topics, regulations;
  std::vector<std::string> kinds;

  // The slugs (or values) filter `values` names in `facet`, as terms.
  bool filter_terms(const Facet& facet, const std::vector<std::string>& values,
                    std::string_view what, std::vector<std::string>& terms,
                    SearchQueryError* error) const {
    for (const auto& v : values) {
      int i = facet.names.find(v);
      if (i < 0) {
        error->message = "unknown " + std::string(what) + " '" + v + "'";
        return false;
      }
      terms.push_back(facet.prefix + facet.values[static_cast<size_t>(i)].first);
    }
    return true;
  }

  std::string snippet(const DocText& text, const std::vector<std::string>& words) const;
  std::string snippet(std::string_view text, const std::vector<std::string>& words) const;
  std::map<std::string, std::vector<FacetCount>> facet_counts(const FacetTermCounts& counts) const;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& site_dir) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>();
  std::string dir = (fs::path(site_dir) / schema::kXapianDir).string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::error("no search index in " + dir + ": build the site first (dossier build)");
  try {
    impl->db = Xapian::Database(dir);
    if (impl->db.get_metadata(std::string(schema::kSchemaMetadata)) != schema::kSchemaVersion)
      return Status::error("the search index in " + dir +
                           " was written by another version of dossier: build the site again");
    Json facets = Json::parse(impl->db.get_metadata(std::string(schema::kFacetsMetadata)));
    impl->units = named_facet(schema::kUnit, facets["units"]);
    impl->topics = named_facet(schema::kTopic, facets["topics"]);
    impl->regulations = named_facet(schema::kRegulation, facets["regulations"]);
    impl->kinds = facets["kinds"].get<std::vector<std::string>>();
    if (Status s =
            impl->texts.open(site_dir, impl->db.get_metadata(std::string(schema::kTextMetadata)));
        !s.is_ok())
      return s;
  } catch (const Xapian::Error& e) {
    return Status::error("cannot open the search index in " + dir + ": " + e.get_description());
  } catch (const Json::exception& e) {
    return Status::error("the search index in " + dir + " is damaged: " + e.what());
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

// Where a snippet is centred: the first match of a word of three or more
// characters (of any word if none is that long; the browser search knows
// where those are without reading the text), or npos.
static size_t first_match(std::string_view text, const std::vector<std::string>& words) {
  size_t first = std::string_view::npos;
  bool any_long = std::any_of(words.begin(), words.end(),
                              [](const std::string& w) { return utf8_length(w) >= 3; });
  for (const auto& w : words)
    if (!any_long || utf8_length(w) >= 3) first = std::min(first, text.find(w));
  return first;
}

// A snippet lies within a line, so within the head or the body: the head
// when the first match is there, or when there is none (the text's start).
std::string Searcher::Impl::snippet(const DocText& text,
                                    const std::vector<std::string>& words) const {
  bool in_head = text.has_head && (first_match(text.head, words) != std::string_view::npos ||
                                   first_match(text.body, words) == std::string_view::npos);
  return snippet(in_head ? text.head : text.body, words);
}

// Around the first match: up to 40 characters before and 80 after, within
// its line; every match in it between 【 and 】.
std::string Searcher::Impl::snippet(std::string_view text,
                                    const std::vector<std::string>& words) const {
  size_t first = first_match(text, words);
  if (first == std::string_view::npos) first = 0;
  size_t line_start = text.rfind('\n', first);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  size_t line_end = text.find('\n', first);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view before = text.substr(line_start, first - line_start);
  size_t keep = utf8_length(before) > 40
                    ? before.size() - utf8_prefix(before, utf8_length(before) - 40).size()
                    : before.size();
  size_t start = first - keep;
  std::string_view rest = text.substr(first, line_end - first);
  size_t end = first + utf8_prefix(rest, 80).size();
  std::string_view window = text.substr(start, end - start);
  std::string out = start > line_start ? "…" : "";
  for (size_t at = 0; at < window.size();) {
    size_t best = std::string_view::npos, length = 0;
    for (const auto& w : words) {
      size_t p = window.find(w, at);
      if (p < best || (p == best && w.size() > length)) best = p, length = w.size();
    }
    if (best == std::string_view::npos) {
      out += window.substr(at);
      break;
    }
    out += window.substr(at, best - at);
    out += "【" + std::string(window.substr(best, length)) + "】";
    at = best + length;
  }
  if (end < line_end) out += "…";
  return out;
}

std::map<std::string, std::vector<FacetCount>> Searcher::Impl::facet_counts(
    const FacetTermCounts& counts) const {
  std::map<std::string, std::vector<FacetCount>> out;
  auto add = [&](const std::string& facet, const std::string& prefix, const std::string& value,
                 const std::string& label) {
    auto it = counts.find(prefix + value);
    if (it != counts.end()) out[facet].push_back({value, label, it->second});
  };
  for (const auto& [value, label] : kTypeLabels)
    add("type", std::string(schema::kType), value, label);
  for (const auto& [slug, title] : units.values) add("unit", units.prefix, slug, title);
  for (const auto& [slug, title] : topics.values) add("topic", topics.prefix, slug, title);
  for (const auto& [slug, title] : regulations.values)
    add("regulation", regulations.prefix, slug, title);
  for (const auto& k : kinds) add("kind", std::string(schema::kKind), k, k);
  std::vector<std::string> years;
  for (const auto& [term, n] : counts)
    if (term.starts_with(schema::kYear)) years.push_back(term.substr(schema::kYear.size()));
  std::sort(years.rbegin(), years.rend());
  for (const auto& y : years) add("year", std::string(schema::kYear), y, y);
  for (auto& [facet, values] : out)
    std::stable_sort(values.begin(), values.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return out;
}

Result<SearchResponse> Searcher::search(const SearchRequest& request,
                                        SearchQueryError* error) const {
  const Impl& s = *impl_;
  auto fail = [&](std::string message) -> Status {
    error->message = std::move(message);
    return Status::error(error->message);
  };
  // Bytes that are not UTF-8 (a URL's %FF, half a character) match no
  // text, and are neither searched for nor echoed back.
  for (const auto* values : {&request.units, &request.topics, &request.years, &request.kinds,
                             &request.types, &request.regulations})
    for (const std::string& v : *values)
      if (!is_utf8(v)) return fail("a filter value is not UTF-8 text");
  if (!is_utf8(request.query)) return fail("the query is not UTF-8 text");
  SearchResponse response;
  response.words = query_words(request.query);
  if (response.words.empty()) return fail("the query has no letters or digits to search for");

  // Filters: OR within a facet, AND across facets.
  std::vector<Xapian::Query> filters;
  auto facet_filter = [&](const std::vector<std::string>& terms) {
    if (!terms.empty()) filters.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  std::vector<std::string> units, topics, regulations, years, kinds, types;
  if (!s.filter_terms(s.units, request.units, "unit", units, error) ||
      !s.filter_terms(s.topics, request.topics, "topic", topics, error) ||
      !s.filter_terms(s.regulations, request.regulations, "regulation", regulations, error))
    return Status::error(error->message);
  for (const auto& y : request.years) {
    bool digits = std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (y.size() != 4 || !digits) return fail("a year is four digits, not '" + y + "'");
    years.push_back(std::string(schema::kYear) + y);
  }
  for (const auto& k : request.kinds) {
    auto it = std::find_if(s.kinds.begin(), s.kinds.end(), [&](const std::string& known) {
      return NameIndex::key(known) == NameIndex::key(k);
    });
    if (it == s.kinds.end()) return fail("unknown kind '" + k + "'");
    kinds.push_back(std::string(schema::kKind) + *it);
  }
  for (const auto& t : request.types) {
    auto it = std::find_if(std::begin(kTypeLabels), std::end(kTypeLabels),
                           [&](const auto& e) { return t == e.first || t == e.second; });
    if (it == std::end(kTypeLabels))
      return fail("unknown type '" + t + "': use report, issue or measure");
    types.push_back(std::string(schema::kType) + it->first);
  }
  for (const auto* f : {&units, &topics, &regulations, &years, &kinds, &types}) facet_filter(*f);

  // Every bigram of the words, each once (the browser search weighs the
  // same terms). A document with all of them is a candidate (every document
  // when no word has two characters); words of one character, and of three
  // or more, are then checked in its text. One character says little about
  // relevance: it adds no weight.
  std::vector<std::string> bigrams, verify;
  for (const auto& w : response.words) {
    for (auto& b : segment_bigrams(w))
      if (std::find(bigrams.begin(), bigrams.end(), b) == bigrams.end()) bigrams.push_back(b);
    if (utf8_length(w) != 2) verify.push_back(w);
  }
  Xapian::Query query = bigrams.empty()
                            ? Xapian::Query::MatchAll
                            : Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
  if (!filters.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));

  struct Match {
    Xapian::docid id;
    double weight;
    double rank;  // the weight rounded to 9 decimals (below)
    std::string date;
  };
  // Weights rounded to 9 decimals, so that sums taken in another order (the
  // browser's) rank alike; then date, then document order.
  auto rounded = [](double w) { return w == 0 ? 0.0 : std::round(w * 1e9) / 1e9; };
  std::vector<Match> matches;
  ExactMatch decider(s.texts, verify, s.kept.get());
  try {
    Xapian::Enquire enquire(s.db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(schema::kBm25K1, schema::kBm25K2,
                                                    schema::kBm25K3, schema::kBm25B,
                                                    schema::kBm25MinNormLen));
    Xapian::doccount all = s.db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(0, all, all, nullptr, &decider);
    matches.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it)  // a date is read only to sort by it
      matches.push_back(
          {*it, it.get_weight(), rounded(it.get_weight()),
           request.sort_by_date ? it.get_document().get_value(schema::kSlotDate) : std::string()});
  } catch (const Xapian::Error& e) {
    return Status::error("searching: " + e.get_description());
  }
  // Only the matches up to the page's end are put in order.
  size_t page_end = std::min(matches.size(), request.offset + request.limit);
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(page_end),
                    matches.end(), [&](const Match& a, const Match& b) {
                      if (request.sort_by_date && a.date != b.date) return a.date > b.date;
                      if (a.rank != b.rank) return a.rank > b.rank;
                      return a.id < b.id;
                    });
  response.total = matches.size();
  response.facets = s.facet_counts(decider.counts());
  for (size_t i = request.offset; i < page_end; ++i) {
    Xapian::Document doc = s.db.get_document(matches[i].id);
    Json record = Json::parse(doc.get_value(schema::kSlotRecord));
    SearchHit hit;
    hit.key = record.value("key", "");
    hit.type = record.value("type", "");
    hit.title = record.value("title", "");
    hit.url = record.value("url", "");
    hit.date = record.value("date", "");
    hit.units = record.value("units", std::vector<std::string>{});
    std::string text_value = doc.get_value(schema::kSlotText);
    hit.snippet = s.snippet(s.texts.text(text_value), response.words);
    hit.weight = matches[i].weight;
    response.hits.push_back(std::move(hit));
  }
  return response;
}

std::shared_ptr<const MatchValues> Searcher::keep_values() {
  if (impl_->kept) return impl_->kept;
  try {
    impl_->kept = std::make_shared<const MatchValues>(impl_->db);
  } catch (const Xapian::Error&) {
    // Searches then read the values from each document, and report the error.
  }
  return impl_->kept;
}

void Searcher::use_values(std::shared_ptr<const MatchValues> values) {
  impl_->kept = std::move(values);
}

}  // namespace dossier

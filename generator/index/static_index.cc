// Writing the browser index: meta.js, dictionary shards (t/), packed lists
// (p/), document blocks (d/), result chunks (r/) and text pieces (x/).
#include "index/static_index.h"

#include <algorithm>
#include <functional>
#include <iterator>

#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "base/site_paths.h"
#include "base/text.h"
#include "index/search_schema.h"
#include "index/search_text.h"
#include "index/static_blocks.h"
#include "index/static_format.h"
#include "index/static_packs.h"
#include "index/static_postings.h"

namespace dossier {

namespace {

namespace schema = search_schema;
using Json = nlohmann::ordered_json;
using static_format::put_js_string;
using static_format::put_number;

// Sizes (docs/search.md explains the trade: files a query loads against
// files a site holds; the packs' are in static_packs.h).
constexpr size_t kShardTarget = 1024;  // dictionary shards of about this many bytes
// Reports (with their items) per document block. Nearly every query needs
// every block, and an index of one block loads it with the dictionary: at
// 10,000 reports one block of 209 KB showed results 12 to 19 ms sooner than
// ten of 21 KB, and 25 ms sooner than three loaded with the dictionary.
constexpr size_t kBlockReports = 16384;
constexpr size_t kChunkReports = 1;  // reports (with their items) per result chunk
constexpr size_t kTextPiece = 1024;  // code points per text piece

std::string utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

// One file of the index: a call that hands its data to search-engine.js.
std::string script(const std::string& name, const std::string& data) {
  std::string out = "dossierSearch.add(\"" + name + "\",";
  out += data;
  out += ");\n";
  return out;
}

enum class Encoding { kUtf8, kUtf16 };

Status write(SiteWriter& out, const std::string& name, const std::string& data,
             Encoding encoding = Encoding::kUtf8) {
  std::string file = script(name, data);
  if (encoding == Encoding::kUtf16) file = static_format::utf16le_with_bom(file);
  return out.write("search/static/" + name + ".js", file);
}

// The dictionary shards and the packs of long lists.
Status write_terms(const StaticPostings& postings, size_t block_count, SiteWriter& out,
                   size_t* shard_count) {
  // About what each entry takes: the term, the numbers (a trigram's two
  // bigram dfs too), an inline list.
  size_t dictionary_bytes = 0;
  for (const auto& t : postings.terms)
    dictionary_bytes += t.term.size() * 3 + 16 + (t.term.size() == 3 ? 12 : 0) +
                        (t.payload.size() <= kInlineList ? t.payload.size() : 0);
  size_t shards = std::max<size_t>(1, (dictionary_bytes + kShardTarget - 1) / kShardTarget);
  *shard_count = shards;
  std::vector<std::string> entries(shards);
  Packs packs = plan_packs(postings.terms);
  auto df_of = [&](std::u32string_view term) {
    auto at =
        std::lower_bound(postings.terms.begin(), postings.terms.end(), term,
                         [](const StaticTerm& t, std::u32string_view v) { return t.term < v; });
    return at != postings.terms.end() && at->term == term ? at->df : 0;
  };
  for (size_t i = 0; i < postings.terms.size(); ++i) {
    const StaticTerm& t = postings.terms[i];
    // A trigram sits with the bigram it starts with, and says how many
    // documents hold each of its two bigrams: a long word's search needs no
    // bigram entry (BM25 weighs the bigrams, the trigrams' lists count them).
    std::string& e = entries[static_format::term_hash(t.term.substr(0, 2)) % shards];
    e += e.empty() ? "{" : ",";
    put_js_string(e, utf8(t.term));
    e += ":[" + std::to_string(t.df) + ",";
    if (t.term.size() == 3)
      e += std::to_string(df_of(std::u32string_view(t.term).substr(0, 2))) + "," +
           std::to_string(df_of(std::u32string_view(t.term).substr(1, 2))) + ",";
    if (t.payload.size() <= kInlineList) {
      put_js_string(e, t.payload);
    } else {
      e += std::to_string(packs.names[packs.pack_of[i]]) + "," +
           std::to_string(packs.offset_of[i]) + "," + std::to_string(t.payload.size());
      // The blocks of a long list's documents, unless it has all: a search
      // loads them while it loads the list.
      if (t.blocks.size() < block_count) {
        std::string blocks;
        for (size_t k = 0; k < t.blocks.size(); ++k)
          put_number(blocks, k == 0 ? t.blocks[0] : t.blocks[k] - t.blocks[k - 1] - 1);
        e += ",";
        put_js_string(e, blocks);
      }
    }
    e += "]";
  }
  for (size_t k = 0; k < packs.terms.size(); ++k) {
    std::string lists, data;
    for (size_t i : packs.terms[k]) lists += postings.terms[i].payload;
    put_js_string(data, lists);
    if (Status s = write(out, "p/" + std::to_string(packs.names[k]), data); !s.is_ok()) return s;
  }
  for (size_t k = 0; k < shards; ++k)
    if (Status s =
            write(out, "t/" + std::to_string(k), entries[k].empty() ? "{}" : entries[k] + "}");
        !s.is_ok())
      return s;
  return Status::ok();
}

// The document blocks, kBlockReports groups each; their first documents
// go to meta.js.
Status write_blocks(const std::vector<SearchDoc>& docs, const std::vector<SearchGroup>& groups,
                    const StaticPostings& postings, const BlockShape& shape, SiteWriter& out,
                    Json& firsts) {
  for (size_t b = 0; b * kBlockReports < groups.size(); ++b) {
    size_t first = b * kBlockReports, end = std::min(groups.size(), first + kBlockReports);
    Result<BlockData> data = block_data(docs, groups, first, end, postings, shape);
    if (!data.is_ok()) return data.status();
    firsts.push_back(groups[first].first);
    std::string literal = "[";
    put_js_string(literal, data.value().ranking);
    literal += ',';
    put_js_string(literal, data.value().facets);
    literal += ']';
    if (Status s = write(out, "d/" + std::to_string(b), literal); !s.is_ok()) return s;
  }
  return Status::ok();
}

// The text pieces: the stream cut every kTextPiece code points. The stream
// holds the texts not in their report's (SearchDoc::in_report) in document
// order: each report's, then those of its items.
Status write_text_stream(const std::vector<SearchDoc>& docs, SiteWriter& out) {
  std::string piece;
  size_t size = 0, pieces = 0;
  auto flush = [&] {
    std::string literal;
    put_js_string(literal, piece);
    piece.clear();
    return write(out, "x/" + std::to_string(pieces++), literal, Encoding::kUtf16);
  };
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].in_report != kOwnText) continue;
    std::string_view text = docs[d].text;
    for (size_t i = 0; i < text.size();) {
      size_t at = i;
      next_code_point(text, i);
      piece.append(text, at, i - at);
      if (++size % kTextPiece == 0)
        if (Status s = flush(); !s.is_ok()) return s;
    }
  }
  return piece.empty() ? Status::ok() : flush();
}

// Result chunks: what a result shows (key, title, url, date, units) and
// where its text is in the stream.
Status write_chunks(const Archive& a, const std::vector<SearchDoc>& docs,
                    const std::vector<SearchGroup>& groups, SiteWriter& out) {
  size_t stream_size = 0;  // code points
  Json chunk = Json::array();
  for (size_t g = 0; g < groups.size(); ++g) {
    const SearchDoc& report = docs[groups[g].first];
    Json units = Json::array();
    for (int u : report.units) units.push_back(a.units[static_cast<size_t>(u)].title);
    size_t start = stream_size;
    // Code points of the report's text before a byte offset, counted on from
    // the last one asked (items mostly come in the text's order).
    std::string_view text = report.text;
    size_t counted_to = 0, counted = 0;
    auto code_points_before = [&](size_t at) {
      if (at < counted_to) counted_to = counted = 0;
      counted += utf8_length(text.substr(counted_to, at - counted_to));
      counted_to = at;
      return counted;
    };
    Json items = Json::array();
    size_t own_text = start + utf8_length(report.text);  // where the next own text starts
    for (size_t i = groups[g].first + 1; i < groups[g].end; ++i) {
      const SearchDoc& d = docs[i];
      std::string id = d.key.substr(d.key.find('#') + 1);
      size_t length = utf8_length(d.text);
      if (d.in_report != kOwnText) {
        // The title line, or 1 when it is the title as written (most are).
        std::string_view line(d.text.data(), d.title_line_size);
        items.push_back({id, d.title, start + code_points_before(d.in_report),
                         length - utf8_length(line) - 1, line == d.title ? Json(1) : Json(line)});
      } else {
        items.push_back({id, d.title, own_text, length});
        own_text += length;
      }
    }
    stream_size = own_text;
    // The URL every report has by the SPEC is not written out: 0 says it.
    bool usual_url = report.url == site_path::report(report.key);
    Json entry = {report.key,
                  report.title,
                  usual_url ? Json(0) : Json(report.url),
                  report.date ? report.date->iso() : "",
                  units,
                  start,
                  utf8_length(report.text),
                  items};
    // The report's text begins with its title line (search's snippets need
    // no text piece for a match in it): written only when normalising
    // changes the title, 0 when the text does not begin so.
    std::string line = normalize_search_text(report.title);
    if (!report.text.starts_with(line + "\n"))
      entry.push_back(0);
    else if (line != report.title)
      entry.push_back(line);
    chunk.push_back(std::move(entry));
    if (chunk.size() == kChunkReports || g + 1 == groups.size()) {
      if (Status s = write(out, "r/" + std::to_string(g / kChunkReports), chunk.dump()); !s.is_ok())
        return s;
      chunk = Json::array();
    }
  }
  return Status::ok();
}

Json named_values(const auto& entries) {
  Json out = Json::array();
  for (const auto& e : entries) out.push_back({e.slug, e.title});
  return out;
}

}  // namespace

Status write_static_index(const Archive& a, const std::vector<SearchDoc>& docs, SiteWriter& out,
                          int jobs) {
  std::vector<SearchGroup> groups = search_groups(docs);
  std::vector<uint32_t> doc_blocks(docs.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t d = groups[g].first; d < groups[g].end; ++d)
      doc_blocks[d] = static_cast<uint32_t>(g / kBlockReports);
  size_t block_count = (groups.size() + kBlockReports - 1) / kBlockReports;
  StaticPostings postings = build_static_postings(docs, jobs, doc_blocks);

  BlockShape shape = block_shape(docs, groups);

  // The text pieces, the dictionary with the lists, the result chunks and
  // the blocks are written side by side, the most files first: tens of
  // thousands, thousands, one per report, a few.
  size_t shards = 0;
  Json block_firsts = Json::array();
  const std::function<Status()> parts[] = {
      [&] { return write_text_stream(docs, out); },
      [&] { return write_terms(postings, block_count, out, &shards); },
      [&] { return write_chunks(a, docs, groups, out); },
      [&] { return write_blocks(docs, groups, postings, shape, out, block_firsts); }};
  std::vector<Status> results(std::size(parts), Status::ok());
  parallel_for(std::size(parts), jobs, [&](size_t i) { results[i] = parts[i](); });
  for (const Status& s : results)
    if (!s.is_ok()) return s;

  Json units = Json::array();
  for (const auto& u : a.units) units.push_back({u.slug, u.title, u.parent_id});
  Json meta = {{"schema", std::stoi(std::string(schema::kSchemaVersion))},
               {"docs", docs.size()},
               {"reports", groups.size()},
               {"totalLength", postings.total_length},
               {"bm25",
                {schema::kBm25K1, schema::kBm25K2, schema::kBm25K3, schema::kBm25B,
                 schema::kBm25MinNormLen}},
               {"shards", shards},
               {"blockReports", kBlockReports},
               {"blocks", block_firsts},
               {"countBase", shape.count_base},
               {"chunkReports", kChunkReports},
               {"textPiece", kTextPiece},
               {"firstYear", shape.first_year},
               {"facets",
                {{"unit", units},
                 {"topic", named_values(a.topics)},
                 {"regulation", named_values(a.regulations)},
                 {"kind", shape.kinds}}}};
  return write(out, "meta", meta.dump());
}

}  // namespace dossier

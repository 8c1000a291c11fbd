// Cutting the documents' texts into pieces and writing them.
#include "index/text_pieces.h"

#include <nlohmann/json.hpp>

#include "base/content_cuts.h"
#include "base/parallel.h"
#include "base/text.h"
#include "index/search_schema.h"

namespace dossier {

Result<TextPieces> write_text_pieces(const std::vector<SearchDoc>& docs, SiteWriter& out, int jobs,
                                     size_t piece_size) {
  // The bytes of a document's own text in the pieces.
  auto stored = [](const SearchDoc& d) { return d.in_report == kOwnText ? d.text.size() : 0; };
  size_t total = 0;
  for (const auto& d : docs) total += stored(d);
  ContentCuts cuts(piece_size, docs.empty() ? 0 : static_cast<double>(total) / docs.size());

  // The pieces as runs of documents [first, end).
  std::vector<std::pair<size_t, size_t>> runs;
  bool open = false;
  size_t size = 0;  // of the open run
  for (size_t i = 0; i < docs.size(); ++i) {
    size_t length = stored(docs[i]);
    if (open && cuts.before(size, length)) open = false;
    if (!open) {
      runs.push_back({i, i});
      open = true;
      size = 0;
    }
    runs.back().second = i + 1;
    size += length;
    if (cuts.after(fnv1a(docs[i].key), size)) open = false;
  }
  std::vector<uint32_t> firsts;
  for (const auto& [first, end] : runs) firsts.push_back(fnv1a(docs[first].key));
  std::vector<size_t> names = names_by_first_item(firsts);

  TextPieces p;
  p.offsets.reserve(docs.size());
  nlohmann::json listing = nlohmann::json::array();
  std::vector<std::string> paths;
  std::vector<size_t> sizes;
  size_t at = 0, report_at = 0;  // the last report's text's offset
  for (size_t r = 0; r < runs.size(); ++r) {
    size_t run_at = at;
    for (size_t i = runs[r].first; i < runs[r].second; ++i) {
      if (docs[i].type == SearchType::kReport) report_at = at;
      p.offsets.push_back(docs[i].in_report == kOwnText ? at : report_at + docs[i].in_report);
      at += stored(docs[i]);
    }
    paths.push_back(std::string(search_schema::kTextDir) + "/" + std::to_string(names[r]) + ".bin");
    sizes.push_back(at - run_at);
    listing.push_back({paths.back(), sizes.back()});
  }
  p.listing = listing.dump();

  // The pieces themselves, side by side: one core had written them while
  // the other waited (a fifth of a second at 10,000 reports).
  std::vector<Status> written(runs.size(), Status::ok());
  parallel_for(runs.size(), jobs, [&](size_t r) {
    std::string piece;
    piece.reserve(sizes[r]);
    for (size_t i = runs[r].first; i < runs[r].second; ++i)
      if (docs[i].in_report == kOwnText) piece += docs[i].text;
    written[r] = out.write(paths[r], piece);
  });
  for (Status& s : written)
    if (!s.is_ok()) return s;
  return p;
}

std::string text_range_value(const SearchDoc& d, size_t offset) {
  if (d.in_report == kOwnText) return std::to_string(offset) + " " + std::to_string(d.text.size());
  std::string_view line(d.text.data(), d.title_line_size);
  return std::to_string(offset) + " " + std::to_string(d.text.size() - line.size() - 1) + " " +
         std::string(line);
}

}  // namespace dossier

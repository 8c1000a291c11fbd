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
  size_t total = 0;
  for (const auto& d : docs) total += d.text.size();
  ContentCuts cuts(piece_size, docs.empty() ? 0 : static_cast<double>(total) / docs.size());

  // The pieces as runs of documents [first, end).
  std::vector<std::pair<size_t, size_t>> runs;
  bool open = false;
  size_t size = 0;  // of the open run
  for (size_t i = 0; i < docs.size(); ++i) {
    size_t length = docs[i].text.size();
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
  size_t at = 0;
  for (size_t r = 0; r < runs.size(); ++r) {
    for (size_t i = runs[r].first; i < runs[r].second; ++i) {
      p.offsets.push_back(at);
      at += docs[i].text.size();
    }
    paths.push_back(std::string(search_schema::kTextDir) + "/" + std::to_string(names[r]) + ".bin");
    sizes.push_back(at - p.offsets[runs[r].first]);
    listing.push_back({paths.back(), sizes.back()});
  }
  p.listing = listing.dump();

  // The pieces themselves, side by side: one core had written them while
  // the other waited (a fifth of a second at 10,000 reports).
  std::vector<Status> written(runs.size(), Status::ok());
  parallel_for(runs.size(), jobs, [&](size_t r) {
    std::string piece;
    piece.reserve(sizes[r]);
    for (size_t i = runs[r].first; i < runs[r].second; ++i) piece += docs[i].text;
    written[r] = out.write(paths[r], piece);
  });
  for (Status& s : written)
    if (!s.is_ok()) return s;
  return p;
}

}  // namespace dossier

// The documents' normalised texts for the server and the command line
// (exact checks of words, snippets): one after another, in pieces of about
// 4 MiB under search/text/, cut between documents where their keys say
// (base/content_cuts.h). A report added to the archive, the newest, then
// changes the last piece, and a publish copies that one, not every text
// (docs/publish.md).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "index/search_docs.h"
#include "publish/site_writer.h"

namespace dossier {

inline constexpr size_t kTextPieceSize = size_t{4} << 20;

struct TextPieces {
  std::vector<size_t> offsets;  // per document: where its text starts, counted over all pieces
  std::string listing;          // JSON [[path in the site, bytes], ...], the pieces in order
};

// Writes the pieces of `docs`' texts into `out`, on `jobs` threads.
Result<TextPieces> write_text_pieces(const std::vector<SearchDoc>& docs, SiteWriter& out, int jobs,
                                     size_t piece_size = kTextPieceSize);

}  // namespace dossier

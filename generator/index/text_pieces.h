// The documents' normalised texts for the server and the command line
// (exact checks of words, snippets): one after another (an item's
// description only when its report's text does not hold it), in pieces of about
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
  // Per document: where its text starts, counted over all pieces (where its
  // description starts, for a text kept in its report's).
  std::vector<size_t> offsets;
  std::string listing;  // JSON [[path in the site, bytes], ...], the pieces in order
};

// Writes the pieces of `docs`' texts into `out`, on `jobs` threads. An
// issue's or measure's text kept in its report's (SearchDoc::in_report) is
// not written again.
Result<TextPieces> write_text_pieces(const std::vector<SearchDoc>& docs, SiteWriter& out, int jobs,
                                     size_t piece_size = kTextPieceSize);

// The value that finds document `d`'s text, its offset as `offsets` gives
// it (search_schema::kSlotText): "<offset> <length>", or for a text kept in
// its report's, "<offset> <length> <title line>" of its description (the
// text is the title line, a line break and the description).
std::string text_range_value(const SearchDoc& d, size_t offset);

}  // namespace dossier

// TextStore: the documents' normalised texts as searches read them (exact
// checks of words, snippets): the pieces under search/text/ that the index's
// metadata lists (index/text_pieces.h), mapped read-only, and a document's
// text found by the value "<offset> <length>" it keeps in kSlotText.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {

class TextStore {
 public:
  TextStore();
  ~TextStore();
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // Maps the pieces `listing` names (JSON [[path in the site, bytes], ...]),
  // below `site_dir`. An error names a piece that is missing or not of its
  // size, or a listing that is not of that form.
  Status open(const std::string& site_dir, std::string_view listing);

  // The text at `range_value` ("<offset> <length>"), or nothing when the
  // value is not of that form or does not lie within one piece.
  std::string_view text(std::string_view range_value) const;

 private:
  class Piece;
  std::vector<std::unique_ptr<Piece>> pieces_;
  std::vector<size_t> starts_;  // per piece, its first text's offset
};

}  // namespace dossier

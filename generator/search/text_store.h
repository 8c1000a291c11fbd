// TextStore: the documents' normalised texts as searches read them (exact
// checks of words, snippets): the pieces under search/text/ that the index's
// metadata lists (index/text_pieces.h), mapped read-only, and a document's
// text found by the value "<offset> <length>[ <title line>]" it keeps in
// kSlotText.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dossier {

// A document's text: `head`, a line break and `body` when it has a head (an
// issue or measure whose description is in its report's text: its title
// line), else `body`. No word holds a line break, so a word is in the text
// when it is in one of the two.
struct DocText {
  bool has_head = false;
  std::string_view head, body;
  bool contains(std::string_view word) const;
};

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

  // The text `range_value` names ("<offset> <length>", then " <title
  // line>" for a text with a head), or nothing when the value is not of that
  // form or the range does not lie within one piece. The head is a view of
  // `range_value`, the body of the mapped piece.
  DocText text(std::string_view range_value) const;
  DocText text(std::string&& range_value) const = delete;  // the head would outlive it

 private:
  class Piece;
  std::vector<std::unique_ptr<Piece>> pieces_;
  std::vector<size_t> starts_;  // per piece, its first text's offset
};

}  // namespace dossier

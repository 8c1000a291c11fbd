// The packs of the browser index's long lists (docs/search.md, "Browser
// index"): which lists share a file, where each sits in it, and the file's
// name. Packs are cut where their terms say and named by their first term,
// so that a report added to the archive changes few of them and a publish
// copies little (docs/publish.md).
#pragma once

#include <cstddef>
#include <vector>

#include "index/static_postings.h"

namespace dossier {

// A list this long or shorter sits in its dictionary entry; longer ones go
// into packs of about kPackSize characters, or one of their own when longer.
inline constexpr size_t kInlineList = 64;
inline constexpr size_t kPackSize = 4096;

struct Packs {
  std::vector<std::vector<size_t>> terms;  // per pack, its terms' indexes in order
  std::vector<size_t> names;               // per pack: p/<name>.js
  std::vector<size_t> pack_of, offset_of;  // per term with a long list
};

// The packs of `terms` (sorted by term, as StaticPostings has them).
Packs plan_packs(const std::vector<StaticTerm>& terms);

}  // namespace dossier

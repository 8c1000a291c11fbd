// Xapian index writer: the search documents into search/xapian (terms,
// filter terms, values, the record a hit shows among them; docs/search.md)
// and their normalised texts into search/text/ (index/text_pieces.h),
// inside the staging site. Shards are written on all cores, then compacted
// into one database.
#pragma once

#include <vector>

#include "base/status.h"
#include "index/search_docs.h"
#include "model/archive.h"
#include "publish/site_writer.h"

namespace dossier {

Status write_xapian_index(const Archive& archive, const std::vector<SearchDoc>& docs,
                          SiteWriter& out, int jobs);

}  // namespace dossier

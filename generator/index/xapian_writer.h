// Xapian index writer: the search documents into search/xapian (terms,
// filter terms, values, the record a hit shows among them; docs/search.md)
// and their normalised texts into search/text/ (index/text_pieces.h),
// inside the staging site. Shards are written on all cores, then compacted
// into one database on a thread of its own.
#pragma once

#include <future>
#include <vector>

#include "base/status.h"
#include "index/search_docs.h"
#include "model/archive.h"
#include "publish/site_writer.h"

namespace dossier {

// Writes the texts and the shards, then starts compacting the shards and
// returns: the future gives the outcome once search/xapian/ is written.
// Compacting is one core's work, so the caller goes on beside it (the
// browser index). `out` must outlive the future.
std::future<Status> write_xapian_index(const Archive& archive, const std::vector<SearchDoc>& docs,
                                       SiteWriter& out, int jobs);

}  // namespace dossier

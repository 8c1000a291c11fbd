// The browser index writer: search/static/ (docs/search.md, "Browser
// index"), read by themes/default/static/search-engine.js from file:// or
// HTTP through <script> elements. Written from the same search documents
// and the same terms as the Xapian index, so both find the same documents
// and rank them alike.
#pragma once

#include <vector>

#include "base/status.h"
#include "index/search_docs.h"
#include "model/archive.h"
#include "publish/site_writer.h"

namespace dossier {

Status write_static_index(const Archive& archive, const std::vector<SearchDoc>& docs,
                          SiteWriter& out, int jobs);

}  // namespace dossier

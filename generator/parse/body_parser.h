// Body parser: a Markdown body (SPEC §2.3) parsed once with cmark-gfm. One
// walk collects what the link stage checks ({#ID} anchors, link
// destinations, 《…》 citations); the tree is then rewritten and rendered
// in cmark's safe mode into Body::html: anchored items become sections,
// citations link to their regulation, outside images become plain links,
// and values known only after linking are left as markers
// (model/body_markers.h). No raw HTML, event handler or javascript: URL
// from the input reaches the HTML; dossier's own markup enters only through
// cmark custom nodes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

// The regulation a title, alias or slug names, or nullptr.
using RegulationLookup = std::function<const Regulation*(std::string_view)>;

struct BodyContext {
  std::string page;  // site path of the page the body is shown on
  // The regulation a 《…》 names, or nullptr. Unset: citations are
  // collected but not linked.
  RegulationLookup regulation;
  // The kind of this report's item with the given id. Unset: no items.
  std::function<std::optional<ItemKind>(std::string_view)> item_kind;
};

// `offset`/`line`: where the body starts in `src` (a line start).
Body parse_body(const SourceText& src, size_t offset, int line, const BodyContext& context,
                Diagnostics& diags);

}  // namespace dossier

// Body facts: one walk over a report body's Markdown collects what the link
// stage checks and the index stage searches: `{#ID}` anchors and their
// sections, link destinations, `《…》` citations, and the plain text.
#pragma once

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

// `body_offset`/`body_line`: where the body starts in `src` (a line start).
BodyFacts collect_body_facts(const SourceText& src, size_t body_offset, int body_line,
                             Diagnostics& diags);

}  // namespace dossier

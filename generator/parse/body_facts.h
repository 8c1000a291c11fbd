// Body facts: one walk over a report body's Markdown collects what the link
// stage checks: `{#ID}` anchors, link destinations and `《…》` citations
// (each with the anchored section it stands in).
#pragma once

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

// `body_offset`/`body_line`: where the body starts in `src` (a line start).
BodyFacts collect_body_facts(const SourceText& src, size_t body_offset, int body_line,
                             Diagnostics& diags);

}  // namespace dossier

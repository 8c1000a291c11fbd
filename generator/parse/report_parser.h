// Report parser: one report file (front matter per SPEC §2.1, Markdown body
// per §2.3) into a Report record as written; references stay unresolved
// until the link stage.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

// `id` is the file stem. Problems local to the file (syntax, fields, item
// ids, anchors) are reported here.
Report parse_report(std::shared_ptr<const SourceText> src, std::string id, Diagnostics& diags);

}  // namespace dossier

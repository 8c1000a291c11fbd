// Report parser: one report file (front matter per SPEC §2.1, Markdown body
// per §2.3) into a Report record as written; references stay unresolved
// until the link stage.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

// The regulation a title, alias or slug names, or nullptr.
using RegulationLookup = std::function<const Regulation*(std::string_view)>;

// `id` is the file stem; `regulations` finds the regulations its 《…》
// citations name. Problems local to the file (syntax, fields, item ids,
// anchors) are reported here.
Report parse_report(std::shared_ptr<const SourceText> src, std::string id,
                    const RegulationLookup& regulations, Diagnostics& diags);

}  // namespace dossier

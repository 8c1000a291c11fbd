// Report parser: one report file (front matter per SPEC §2.1, Markdown body
// per §2.3) into a Report record as written; references stay unresolved
// until the link stage.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/name_index.h"
#include "base/source_text.h"
#include "model/archive.h"
#include "parse/body_parser.h"

namespace dossier {

// A RegulationLookup over a parsed registry (names as the link stage reads
// them). The registry must outlive it and stay unchanged.
class RegulationNames {
 public:
  explicit RegulationNames(const std::vector<Regulation>& regulations);
  const Regulation* operator()(std::string_view name) const;

 private:
  const std::vector<Regulation>& regulations_;
  NameIndex names_;
};

// `id` is the file stem; `regulations` finds the regulations its 《…》
// citations name. Problems local to the file (syntax, fields, item ids,
// anchors) are reported here.
Report parse_report(std::shared_ptr<const SourceText> src, std::string id,
                    const RegulationLookup& regulations, Diagnostics& diags);

}  // namespace dossier

// Link stage: resolves every reference of the parsed archive (units, topics,
// regulations, issue <-> measure links, body links, 《…》 citations), builds
// the backlinks the pages show both ways, and derives status. Reports every
// dangling or conflicting reference.
#pragma once

#include "base/diagnostics.h"
#include "model/archive.h"

namespace dossier {

// `archive.today` must be set. Reports with a duplicate id are dropped
// (after an error naming both files). `jobs` threads link reports' names
// and bodies.
void link_archive(Archive& archive, Diagnostics& diags, int jobs = 1);

}  // namespace dossier

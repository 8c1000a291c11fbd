// What the fuzz targets check of an archive in memory: it loads, parses
// and links without a crash, every diagnostic names a line and column, and
// when it has no errors every page renders and holds nothing live
// (tests/e2e/live_markup.h) and its search documents can be collected. A failed check prints why
// and aborts, which libFuzzer and the replay driver report as a failure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace dossier::fuzz {

// The sample archive (content/ of the source tree) in memory, at "content":
// its registries, site.yaml and one of its reports.
const MemoryFileSystem& sample_archive();

// Loads `fs`'s "content" folder and checks it as above. Returns the
// diagnostics, for checks of the caller's own.
std::vector<Diagnostic> check_archive(const FileSystem& fs);

// Prints `why` and aborts.
[[noreturn]] void fail(std::string_view why);

}  // namespace dossier::fuzz

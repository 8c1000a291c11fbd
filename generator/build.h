// The build driver: the pipeline as a list of timed stage calls
// (load -> parse -> link -> render -> publish), shared by `dossier build`
// and `dossier check` (which stops before rendering).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/archive.h"

namespace dossier {

struct BuildOptions {
  std::string content_dir = "content";
  std::string output_dir = "site";
  std::string theme_dir;  // empty: the built-in default theme
  bool strict = false;    // warnings count as errors
  int jobs = 0;           // 0: all cores
  bool progress = true;   // a progress line when stderr is a terminal
  bool timings = false;   // print each stage's time to stderr
};

// Exit codes (SPEC §3).
enum ExitCode { kExitOk = 0, kExitContent = 1, kExitUsage = 2, kExitInternal = 3 };

struct StageTime {
  std::string stage;
  double seconds = 0;
};

// Load, parse and link the content folder: every content diagnostic of the
// archive ends up in `diags`.
Archive load_archive(const FileSystem& fs, const BuildOptions& options, Diagnostics& diags,
                     std::vector<StageTime>* times);

// `dossier build`: checks, then renders and swaps the new site in. Prints
// diagnostics to `err`. Returns an ExitCode.
int run_build(const FileSystem& fs, const BuildOptions& options, std::ostream& err);

// `dossier check`: every check, no output written. `json`: diagnostics as
// JSON on `out`, else as text (notes included).
int run_check(const FileSystem& fs, const BuildOptions& options, bool json, std::ostream& out);

}  // namespace dossier

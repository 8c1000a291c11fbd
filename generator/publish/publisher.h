// `dossier publish` (SPEC §3, docs/publish.md): copies a built site into a
// folder, typically a mounted SMB or NFS share, changing only the files that
// differ, in an order that leaves the folder a browsable site wherever the
// copy is cut, and that the next publish completes.
#pragma once

#include <iosfwd>
#include <string>

namespace dossier {

struct PublishOptions {
  std::string site_dir = "site";
  std::string target_dir;
  bool force = false;  // publish into a non-empty folder that is not a dossier site
};

// Prints the one-line summary to `out` and diagnostics (`dossier: ...`) to
// `err`. Returns an ExitCode: 2 for a site folder that is not a built site
// or a target inside it (or holding it), 3 when a folder cannot be
// published into or a file cannot be read or written.
int run_publish(const PublishOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dossier

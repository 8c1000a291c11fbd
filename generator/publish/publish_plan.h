// What a publish will do, decided before it changes anything
// (docs/publish.md, "Order"): the files to copy and their order, the pages
// that need a placeholder, the files to remove.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "publish/manifest.h"
#include "publish/publish_journal.h"

namespace dossier {

struct PublishPlan {
  // Files whose size or SHA-256 differ from what the target holds: other
  // files first, then pages (*.html), the root index.html last.
  std::vector<ManifestEntry> copy;
  // Pages among `copy` that the target does not have yet, the root
  // index.html first: each gets a placeholder before any copied file is
  // renamed into place, so that no link of a new page points to nothing.
  std::vector<std::string> placeholders;
  // Files dossier wrote that the site no longer has, sorted.
  std::vector<std::string> remove;
  size_t unchanged = 0;
};

// `size_of(path)`: the size of the target's regular file at `path`, or
// nullopt. A file is unchanged when dossier knows what it put there, that is
// what the site has, and the file still has that size.
PublishPlan plan_publish(const Manifest& site, const TargetState& target,
                         const std::function<std::optional<uint64_t>(const std::string&)>& size_of);

}  // namespace dossier

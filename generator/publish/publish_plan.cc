// Deciding a publish: compare, order, find what to remove.
#include "publish/publish_plan.h"

#include <algorithm>
#include <set>

#include "base/site_paths.h"

namespace dossier {

namespace {

// Other files (assets, theme, search data) before the pages that use them;
// the root index.html, the way in, last.
int copy_rank(const std::string& path) {
  if (path == site_path::kIndex) return 2;
  return path.ends_with(".html") ? 1 : 0;
}

void order_copies(std::vector<ManifestEntry>& copy) {
  std::stable_sort(copy.begin(), copy.end(), [](const ManifestEntry& a, const ManifestEntry& b) {
    return copy_rank(a.path) < copy_rank(b.path);
  });
}

}  // namespace

PublishPlan plan_publish(
    const Manifest& site, const TargetState& target,
    const std::function<std::optional<uint64_t>(const std::string&)>& size_of) {
  PublishPlan plan;
  std::set<std::string> listed, absent;
  for (const auto& f : site.files) {
    listed.insert(f.path);
    auto known = target.known.find(f.path);
    std::optional<uint64_t> size = size_of(f.path);
    if (known != target.known.end() && known->second == f.digest() && size == f.size) {
      ++plan.unchanged;
      continue;
    }
    plan.copy.push_back(f);
    if (!size) absent.insert(f.path);
  }
  order_copies(plan.copy);
  // The root index.html first: once there is a page, there is the way in.
  for (auto f = plan.copy.rbegin(); f != plan.copy.rend() && copy_rank(f->path) == 2; ++f)
    if (absent.contains(f->path)) plan.placeholders.push_back(f->path);
  for (const auto& f : plan.copy)
    if (copy_rank(f.path) == 1 && absent.contains(f.path)) plan.placeholders.push_back(f.path);
  for (const auto& path : target.owned)
    if (!listed.contains(path)) plan.remove.push_back(path);
  return plan;
}

}  // namespace dossier

// Where content-defined files end, and their names.
#include "base/content_cuts.h"

#include <algorithm>
#include <bit>

namespace dossier {

ContentCuts::ContentCuts(size_t target, double mean_item) : target_(target) {
  double wanted = mean_item <= 0 ? 1 : static_cast<double>(target / 4) / mean_item;
  while (every_ * 2 <= wanted) every_ *= 2;
}

std::vector<size_t> names_by_first_item(const std::vector<uint32_t>& first_hashes) {
  std::vector<bool> taken(
      std::max<size_t>(size_t{1} << 16, std::bit_ceil(4 * first_hashes.size())));
  std::vector<size_t> names;
  names.reserve(first_hashes.size());
  for (uint32_t hash : first_hashes) {
    size_t n = hash % taken.size();
    while (taken[n]) n = (n + 1) % taken.size();
    taken[n] = true;
    names.push_back(n);
  }
  return names;
}

}  // namespace dossier

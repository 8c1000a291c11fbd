// NameIndex: looks up a registry entry (regulation, unit, topic) by any of
// its names: title, alias or slug. Names compare after Unicode NFKC and
// without spaces, so 党委(党组) finds 党委（党组）.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

class NameIndex {
 public:
  // Registers `name` for entry `index`. Returns the entry that already held
  // the name (a conflict) or -1. An empty name (or one of spaces) names
  // nothing: an entry whose front matter failed has no title, and that is
  // its own error, not a conflict with another such entry.
  int add(std::string_view name, int index);
  // The entry named `name`, or -1.
  int find(std::string_view name) const;

  static std::string key(std::string_view name);

 private:
  std::unordered_map<std::string, int> map_;    // NFKC key -> entry
  std::unordered_map<std::string, int> exact_;  // name as registered -> entry (fast path)
};

// Registers every name of each registry entry (slug, title, aliases), in
// order; `on_conflict(name, loc, entry, other)` hears of names taken already.
template <typename Entry, typename OnConflict>
void add_entry_names(NameIndex& index, const std::vector<Entry>& entries, OnConflict on_conflict) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    int n = static_cast<int>(i);
    auto add = [&](std::string_view name, const auto& loc) {
      int other = index.add(name, n);
      if (other >= 0) on_conflict(name, loc, i, static_cast<size_t>(other));
    };
    add(e.slug, decltype(e.title_loc){1, 1});
    add(e.title, e.title_loc);
    for (const auto& alias : e.aliases) add(alias.name, alias.loc);
  }
}

template <typename Entry>
void add_entry_names(NameIndex& index, const std::vector<Entry>& entries) {
  add_entry_names(index, entries, [](auto&&...) {});
}

}  // namespace dossier

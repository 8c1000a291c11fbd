// NameIndex: looks up a registry entry (regulation, unit, topic) by any of
// its names: title, alias or slug. Names compare after Unicode NFKC and
// without spaces, so 党委(党组) finds 党委（党组）.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier {

class NameIndex {
 public:
  // Registers `name` for entry `index`. Returns the entry that already held
  // the name (a conflict) or -1.
  int add(std::string_view name, int index);
  // The entry named `name`, or -1.
  int find(std::string_view name) const;

  static std::string key(std::string_view name);

 private:
  std::unordered_map<std::string, int> map_;    // NFKC key -> entry
  std::unordered_map<std::string, int> exact_;  // name as registered -> entry (fast path)
};

}  // namespace dossier

// Resolver: turns names and link destinations written in the content into
// archive entries and site paths. The link stage checks every reference with
// it; the render stage uses the same answers to write hrefs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/name_index.h"
#include "model/archive.h"

namespace dossier {

// Where a body link or image points.
struct LinkTarget {
  enum class Kind {
    kSite,      // a file of the site: `path` (with "#fragment" if any)
    kExternal,  // not an archive link (https:, mailto:, #fragment): left as written
    kError,     // dangling or forbidden: `error`, diagnostic code `code`
  };
  Kind kind = Kind::kExternal;
  std::string path;
  std::string error;
  std::string code;
  int regulation = -1;  // a `reg:` link: the regulation it cites
};

class Resolver {
 public:
  // Indexes the archive's names as they are now; build it after the
  // registries are final. Conflicting names are not reported here (the
  // linker does that).
  explicit Resolver(const Archive& archive);

  int regulation(std::string_view name) const { return regulations_.find(name); }
  int unit(std::string_view name) const { return units_.find(name); }
  int topic(std::string_view name) const { return topics_.find(name); }
  int report(std::string_view id) const;

  // An item reference written in report `from`: "I1" or "<report-id>#I1"
  // (only the latter when `from` is -1, a registry body). On failure returns
  // nullopt and sets `error`.
  std::optional<ItemKey> item(int from, std::string_view ref, ItemKind kind,
                              std::string* error) const;

  // A Markdown link or image destination in a body: `from` is the report
  // (for bare item ids) or -1 for a registry entry; `source` the file's
  // display path (relative links resolve from its folder).
  LinkTarget body_link(int from, std::string_view source, std::string_view url) const;

 private:
  LinkTarget scheme_link(int from, std::string_view scheme, std::string_view rest) const;
  LinkTarget file_link(std::string_view source, std::string_view url) const;
  std::string folder_of(std::string_view source) const;

  const Archive& archive_;
  NameIndex regulations_, units_, topics_;
  std::map<std::string, int, std::less<>> reports_;         // id -> index
  std::map<std::string, int, std::less<>> report_files_;    // content-relative path -> index
  std::map<std::string, std::string, std::less<>> assets_;  // content-relative -> site path
};

}  // namespace dossier

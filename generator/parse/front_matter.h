// Front matter: splits a content file into its YAML block (between `---`
// lines) and Markdown body, parses the YAML with yaml-cpp, and reads typed
// fields with their positions so every diagnostic points into the file.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"
#include "model/date.h"
#include "parse/yaml_tree.h"

namespace dossier {

struct FrontMatter {
  YamlNode root;           // a map when ok
  size_t yaml_offset = 0;  // byte offset of the YAML text in the file
  int yaml_line = 1;       // line of the YAML text's first byte
  size_t body_offset = 0;
  int body_line = 1;
  bool ok = false;
};

// `require`: a missing front matter block is an error (reports, registries);
// otherwise the whole file is body.
FrontMatter parse_front_matter(const SourceText& src, bool require, Diagnostics& diags);

// Parses a whole file as YAML (site.yaml).
FrontMatter parse_yaml_file(const SourceText& src, Diagnostics& diags);

// Typed access to one YAML map, reporting problems at the offending node.
// Keys read through it are remembered; `finish()` warns about the rest.
class FieldReader {
 public:
  FieldReader(const SourceText& src, const FrontMatter& fm, const YamlNode& map,
              Diagnostics& diags);

  Loc loc(const YamlNode& node) const;
  Loc key_loc(std::string_view key) const;  // where `key:` is written; the map's start if absent
  bool has(std::string_view key) const;

  std::optional<std::string> text(std::string_view key, bool required);
  std::optional<Date> date(std::string_view key, bool required);
  // `true` or `false` (a switch in site.yaml).
  std::optional<bool> flag(std::string_view key, bool required);
  // A scalar or a list of scalars; each with its position.
  std::vector<NameRef> names(std::string_view key, bool required);
  // A list of maps (issues:, measures:).
  std::vector<const YamlNode*> maps(std::string_view key);
  // The value of `key` as written (with its position), for enumerations.
  std::optional<NameRef> scalar(std::string_view key, bool required);

  // Warns about keys not read: "unknown key 'x' is ignored [unknown-key]".
  void finish(std::string_view what);

  const SourceText& source() const { return src_; }
  const FrontMatter& front_matter() const { return fm_; }
  Diagnostics& diagnostics() { return diags_; }

 private:
  // The value of `key`, or nullptr when absent or empty (and required: an error).
  const YamlNode* get(std::string_view key, bool required);
  static std::string describe_type(const YamlNode& node);

  const SourceText& src_;
  const FrontMatter& fm_;
  const YamlNode& map_;
  Diagnostics& diags_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace dossier

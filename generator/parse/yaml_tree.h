// YamlTree: a YAML document as a plain tree of maps, lists and text, each
// node with its yaml-cpp Mark. Built from yaml-cpp's event parser, which is
// faster than YAML::Load's node graph and gives the same marks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>

namespace dossier {

struct YamlEntry;

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  YAML::Mark mark = YAML::Mark::null_mark();
  std::string scalar;              // kScalar
  std::vector<YamlNode> items;     // kSequence
  std::vector<YamlEntry> entries;  // kMap, in document order

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMap; }
};

// A map's key and value. Apart from YamlNode, because a class is not
// complete inside itself and std::pair needs complete members.
struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

// Parses one YAML document. Throws YAML::ParserException (with its mark) on
// a syntax error, and on documents that expand past a size limit through
// aliases. An empty document is a null node.
YamlNode parse_yaml(std::string_view text);

}  // namespace dossier

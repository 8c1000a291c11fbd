// Front matter splitting, YAML parsing with positions, typed field reading.
#include "parse/front_matter.h"

#include <map>

#include <yaml-cpp/exceptions.h>

#include "base/text.h"

namespace dossier {

// The delimiter: a line "---" (closing: or "..."), trailing blanks allowed;
// an indented "---" belongs to the YAML (a block scalar's text).
static bool is_delimiter(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

static void load_yaml(const SourceText& src, FrontMatter& fm, std::string_view yaml,
                      Diagnostics& diags) {
  try {
    fm.root = parse_yaml(yaml);
  } catch (const YAML::Exception& e) {
    Loc loc = e.mark.is_null()
                  ? src.loc_at(fm.yaml_offset)
                  : src.loc_at_line_byte(fm.yaml_line + e.mark.line, e.mark.column + 1);
    src.error(diags, loc, "yaml", "YAML syntax error: " + e.msg);
    return;
  }
  if (fm.root.is_null()) fm.root.kind = YamlNode::Kind::kMap;
  if (!fm.root.is_map()) {
    src.error(diags, src.loc_at(fm.yaml_offset), "yaml",
              "front matter must be `key: value` lines, not a single value or a list");
    fm.root = YamlNode();
    return;
  }
  fm.ok = true;
}

FrontMatter parse_front_matter(const SourceText& src, bool require, Diagnostics& diags) {
  FrontMatter fm;
  const std::string& text = src.text();
  if (src.line_count() < 1 || !is_delimiter(src.line(1), false)) {
    if (require)
      src.error(diags, {1, 1}, "front-matter",
                "missing front matter: the file must begin with a line `---`");
    return fm;
  }
  int close = 0;
  for (int line = 2; line <= src.line_count(); ++line) {
    if (is_delimiter(src.line(line), true)) {
      close = line;
      break;
    }
  }
  if (close == 0) {
    src.error(diags, {1, 1}, "front-matter",
              "front matter is not closed: add a line `---` after it");
    return fm;
  }
  fm.yaml_line = 2;
  fm.yaml_offset = src.line_start(2);
  size_t close_start = src.line_start(close);
  fm.body_line = close + 1;
  fm.body_offset = std::min(text.size(), src.line_start(close + 1));
  if (close + 1 > src.line_count()) fm.body_offset = text.size();
  load_yaml(src, fm, std::string_view(text).substr(fm.yaml_offset, close_start - fm.yaml_offset),
            diags);
  return fm;
}

FrontMatter parse_yaml_file(const SourceText& src, Diagnostics& diags) {
  FrontMatter fm;
  fm.body_offset = src.text().size();
  load_yaml(src, fm, src.text(), diags);
  return fm;
}

FieldReader::FieldReader(const SourceText& src, const FrontMatter& fm, const YamlNode& map,
                         Diagnostics& diags)
    : src_(src), fm_(fm), map_(map), diags_(diags) {
  std::map<std::string, Loc> seen;
  for (const auto& [key, value] : map_.entries) {
    if (!key.is_scalar()) continue;
    Loc at = loc(key);
    auto [prev, fresh] = seen.emplace(key.scalar, at);
    if (!fresh)
      src_.error(diags_, at, "yaml",
                 "duplicate key '" + key.scalar + "' (first at line " +
                     std::to_string(prev->second.line) + ")");
  }
}

Loc FieldReader::loc(const YamlNode& node) const {
  const YAML::Mark& m = node.mark;
  if (m.is_null()) return src_.loc_at(fm_.yaml_offset);
  return src_.loc_at_line_byte(fm_.yaml_line + m.line, m.column + 1);
}

Loc FieldReader::key_loc(std::string_view key) const {
  for (const auto& [k, value] : map_.entries)
    if (k.is_scalar() && k.scalar == key) return loc(k);
  return loc(map_);
}

bool FieldReader::has(std::string_view key) const {
  for (const auto& [k, value] : map_.entries)
    if (k.is_scalar() && k.scalar == key) return true;
  return false;
}

std::string FieldReader::describe_type(const YamlNode& node) {
  if (node.is_sequence()) return "a list";
  if (node.is_map()) return "a map";
  return "text";
}

const YamlNode* FieldReader::get(std::string_view key, bool required) {
  read_.emplace(key);
  for (const auto& [k, value] : map_.entries) {
    if (!k.is_scalar() || k.scalar != key) continue;
    if (!value.is_null()) return &value;
    if (required) src_.error(diags_, loc(k), "required", "'" + std::string(key) + "' is empty");
    return nullptr;
  }
  if (required)
    src_.error(diags_, loc(map_), "required", "missing required field '" + std::string(key) + "'");
  return nullptr;
}

std::optional<NameRef> FieldReader::scalar(std::string_view key, bool required) {
  const YamlNode* node = get(key, required);
  if (!node) return std::nullopt;
  if (!node->is_scalar()) {
    src_.error(diags_, loc(*node), "type",
               "'" + std::string(key) + "' must be text, not " + describe_type(*node));
    return std::nullopt;
  }
  std::string value(trim(node->scalar));
  if (value.empty() && required) {
    src_.error(diags_, loc(*node), "required", "'" + std::string(key) + "' is empty");
    return std::nullopt;
  }
  return NameRef{value, loc(*node)};
}

std::optional<std::string> FieldReader::text(std::string_view key, bool required) {
  auto v = scalar(key, required);
  if (!v) return std::nullopt;
  return v->name;
}

std::optional<Date> FieldReader::date(std::string_view key, bool required) {
  auto v = scalar(key, required);
  if (!v) return std::nullopt;
  DateError error;
  auto d = parse_date(v->name, &error);
  if (!d) {
    std::string k(key);
    src_.error(diags_, v->loc, "date",
               error == DateError::kImpossible
                   ? "'" + k + "' is not a real date: " + v->name
                   : "'" + k + "' must be a date written YYYY-MM-DD, not '" + v->name + "'");
  }
  return d;
}

std::optional<bool> FieldReader::flag(std::string_view key, bool required) {
  auto v = scalar(key, required);
  if (!v) return std::nullopt;
  if (v->name == "true") return true;
  if (v->name == "false") return false;
  src_.error(diags_, v->loc, "type",
             "'" + std::string(key) + "' must be true or false, not '" + v->name + "'");
  return std::nullopt;
}

std::vector<NameRef> FieldReader::names(std::string_view key, bool required) {
  std::vector<NameRef> out;
  const YamlNode* node = get(key, required);
  if (!node) return out;
  std::string k(key);
  if (node->is_scalar()) {
    std::string value(trim(node->scalar));
    if (!value.empty()) out.push_back({value, loc(*node)});
  } else if (node->is_sequence()) {
    for (const auto& element : node->items) {
      if (!element.is_scalar()) {
        src_.error(diags_, loc(element), "type",
                   "each entry of '" + k + "' must be text, not " + describe_type(element));
        continue;
      }
      std::string value(trim(element.scalar));
      if (value.empty()) {
        src_.error(diags_, loc(element), "required", "empty entry in '" + k + "'");
        continue;
      }
      out.push_back({value, loc(element)});
    }
  } else {
    src_.error(diags_, loc(*node), "type",
               "'" + k + "' must be a name or a list of names, not a map");
  }
  // A value of the wrong shape has had its error; "empty" would be a second one.
  bool shape_error = !node->is_scalar() && !(node->is_sequence() && node->items.empty());
  if (out.empty() && required && !shape_error)
    src_.error(diags_, loc(*node), "required", "'" + k + "' is empty");
  return out;
}

std::vector<const YamlNode*> FieldReader::maps(std::string_view key) {
  std::vector<const YamlNode*> out;
  const YamlNode* node = get(key, false);
  if (!node) return out;
  if (!node->is_sequence()) {
    src_.error(diags_, loc(*node), "type",
               "'" + std::string(key) + "' must be a list of entries (`- id: …`)");
    return out;
  }
  for (const auto& element : node->items) {
    if (!element.is_map()) {
      src_.error(diags_, loc(element), "type",
                 "each entry of '" + std::string(key) + "' must be `id: …` lines, not " +
                     describe_type(element));
      continue;
    }
    out.push_back(&element);
  }
  return out;
}

void FieldReader::finish(std::string_view what) {
  for (const auto& [key, value] : map_.entries) {
    if (!key.is_scalar() || read_.contains(key.scalar)) continue;
    src_.warning(
        diags_, loc(key), "unknown-key",
        "unknown key '" + key.scalar + "' in " + std::string(what) + " is kept but shown nowhere");
  }
}

}  // namespace dossier

// The Markdown of an imported report: see report_writer.h. Front matter is
// written with yaml-cpp's emitter, so any title is quoted as YAML needs.
#include "import/report_writer.h"

#include <yaml-cpp/yaml.h>

namespace dossier {

namespace {

bool is_markup(char c) {
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '~':
    case '&':
    case '{':
    case '}':
    case '$':
    case '#':
      return true;
    default:
      return false;
  }
}

void emit_items(YAML::Emitter& y, const char* key, const char* prefix,
                const std::vector<const ImportedItem*>& items, bool measure) {
  if (items.empty()) return;
  y << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (size_t i = 0; i < items.size(); ++i) {
    y << YAML::BeginMap;
    y << YAML::Key << "id" << YAML::Value << prefix + std::to_string(i + 1);
    y << YAML::Key << "title" << YAML::Value << items[i]->title;
    if (measure) y << YAML::Key << "status" << YAML::Value << "planned";
    y << YAML::EndMap;
  }
  y << YAML::EndSeq;
}

void emit_list(YAML::Emitter& y, const char* key, const std::vector<std::string>& v) {
  if (v.empty()) return;
  y << YAML::Key << key << YAML::Value << YAML::Flow << v;
}

std::vector<const ImportedItem*> items_of(const ReportStructure& s, SectionRole role) {
  std::vector<const ImportedItem*> out;
  for (const auto& sec : s.sections)
    if (sec.role == role)
      for (const auto& it : sec.items) out.push_back(&it);
  return out;
}

std::string front_matter(const ReportStructure& s, const GuessedFrontMatter& g) {
  YAML::Emitter y;
  y.SetOutputCharset(YAML::EmitNonAscii);
  y << YAML::BeginMap;
  y << YAML::Key << "title" << YAML::Value << g.title;
  y << YAML::Key << "date" << YAML::Value << g.date.iso();
  y << YAML::Key << "unit" << YAML::Value << g.unit;
  y << YAML::Key << "kind" << YAML::Value << g.kind;
  emit_list(y, "topics", g.topics);
  emit_list(y, "regulations", g.regulations);
  emit_items(y, "issues", "I", items_of(s, SectionRole::kIssues), false);
  emit_items(y, "measures", "M", items_of(s, SectionRole::kMeasures), true);
  y << YAML::EndMap;
  return std::string("---\n") + y.c_str() + "\n---\n";
}

void paragraph(std::string& out, const SourceParagraph& p, bool subheadings) {
  if (p.table)
    out += p.text;
  else if (subheadings && is_subheading(p))
    out += "### " + markdown_escape(p.text);
  else
    out += markdown_escape(p.text);
  out += "\n\n";
}

void item(std::string& out, const ImportedItem& it, const std::string& id) {
  out += "### " + markdown_escape(it.marker + it.title) + " {#" + id + "}\n\n";
  if (!it.rest.empty()) out += markdown_escape(it.rest) + "\n\n";
  for (const auto& p : it.more) paragraph(out, p, false);
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_markup(c)) out += '\\';
    out += c;
  }
  // What would start a block at the beginning of a paragraph: # - + = > and
  // an ordered-list number (1. or 1)).
  if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+' || out[0] == '='))
    out.insert(0, "\\");
  size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, "\\");
  return out;
}

std::string write_report_markdown(const ReportStructure& s, const GuessedFrontMatter& g) {
  std::string out = front_matter(s, g) + "\n";
  for (const auto& p : s.opening) paragraph(out, p, false);
  int issue = 0, measure = 0;
  for (const auto& sec : s.sections) {
    out += "## " + markdown_escape(sec.heading) + "\n\n";
    for (const auto& p : sec.intro) paragraph(out, p, sec.role == SectionRole::kOther);
    for (const auto& it : sec.items)
      item(out, it,
           sec.role == SectionRole::kIssues ? "I" + std::to_string(++issue)
                                            : "M" + std::to_string(++measure));
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

}  // namespace dossier

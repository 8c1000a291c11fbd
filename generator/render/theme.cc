// Loading the theme and rendering its templates, one compiled copy per thread.
#include "render/theme.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "render/embedded_theme.h"

namespace dossier {

namespace {

namespace fs = std::filesystem;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;

// templates/partials/<name>.mustache is available to every template as {{> name}}.
const std::string kPartials = "partials/";

void add_file(std::map<std::string, std::string>& templates,
              std::map<std::string, std::string>& statics, const std::string& path,
              std::string data) {
  const std::string kTemplates = "templates/", kStatic = "static/", kExt = ".mustache";
  if (path.starts_with(kTemplates) && path.ends_with(kExt)) {
    std::string name = path.substr(kTemplates.size(), path.size() - kTemplates.size() - kExt.size());
    templates[name] = std::move(data);
  } else if (path.starts_with(kStatic)) {
    statics[path.substr(kStatic.size())] = std::move(data);
  }
}

}  // namespace

Result<Theme> Theme::load(const std::string& override_dir) {
  Theme theme;
  for (const auto& f : embedded_theme())
    add_file(theme.templates_, theme.static_files_, std::string(f.path), std::string(f.data));
  if (!override_dir.empty()) {
    std::error_code ec;
    if (!fs::is_directory(override_dir, ec))
      return Status::error("theme folder not found: " + override_dir);
    for (fs::recursive_directory_iterator it(override_dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::stringstream data;
      data << in.rdbuf();
      std::string rel = it->path().lexically_relative(override_dir).generic_string();
      add_file(theme.templates_, theme.static_files_, rel, data.str());
    }
  }
  for (const auto& [name, source] : theme.templates_) {
    mustache m(source);
    if (!m.is_valid())
      return Status::error("template " + name + ".mustache: " + m.error_message());
  }
  return theme;
}

std::string Theme::render(const std::string& name, TemplateData data) const {
  // kainjow's mustache objects keep render state: one compiled set per thread.
  thread_local std::unordered_map<const Theme*, std::unordered_map<std::string, std::unique_ptr<mustache>>>
      compiled;
  auto& mine = compiled[this];
  auto it = mine.find(name);
  if (it == mine.end()) {
    auto source = templates_.find(name);
    it = mine.emplace(name, std::make_unique<mustache>(source == templates_.end() ? "" : source->second))
             .first;
  }
  // Partials: every template by name.
  for (const auto& [pname, psource] : templates_) {
    if (!pname.starts_with(kPartials)) continue;
    const std::string* text = &psource;
    data.set(pname.substr(kPartials.size()), partial([text] { return *text; }));
  }
  return it->second->render(data);
}

}  // namespace dossier

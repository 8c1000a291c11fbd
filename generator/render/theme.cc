// Loading the theme into a frozen ctemplate cache; expanding templates.
#include "render/theme.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/embedded_theme.h"

namespace dossier {

namespace {

namespace fs = std::filesystem;

// Every template is auto-escaped as HTML, whether or not it says so.
constexpr std::string_view kAutoescape = "{{%AUTOESCAPE context=\"HTML\"}}";
constexpr ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

struct ThemeFiles {
  std::map<std::string, std::string> templates;  // name -> source
  std::map<std::string, std::string> statics;

  void add(const std::string& path, std::string data) {
    const std::string kTemplates = "templates/", kStatic = "static/", kExt = ".tpl";
    if (path.starts_with(kTemplates) && path.ends_with(kExt)) {
      templates[path.substr(kTemplates.size(), path.size() - kTemplates.size() - kExt.size())] =
          std::move(data);
    } else if (path.starts_with(kStatic)) {
      statics[path.substr(kStatic.size())] = std::move(data);
    }
  }
};

Status read_override(const std::string& dir, ThemeFiles& files) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::error("theme folder not found: " + dir);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream data;
    data << in.rdbuf();
    files.add(it->path().lexically_relative(dir).generic_string(), data.str());
  }
  return Status::ok();
}

}  // namespace

Result<Theme> Theme::load(const std::string& override_dir) {
  ThemeFiles files;
  for (const auto& f : embedded_theme()) files.add(std::string(f.path), std::string(f.data));
  if (!override_dir.empty())
    if (Status s = read_override(override_dir, files); !s.is_ok()) return s;

  Theme theme;
  theme.cache_ = std::make_shared<ctemplate::TemplateCache>();
  for (auto& [name, source] : files.templates) {
    if (!source.starts_with(kAutoescape)) source.insert(0, kAutoescape);
    if (!theme.cache_->StringToTemplateCache(name, source, kStrip))
      return Status::error("theme template " + name + ".tpl does not parse");
  }
  theme.cache_->Freeze();
  theme.static_files_ = std::move(files.statics);
  return theme;
}

void Theme::render(const std::string& name, const Dict& dict, std::string* out) const {
  cache_->ExpandNoLoad(name, kStrip, &dict, nullptr, out);
}

std::string Theme::render(const std::string& name, const Dict& dict) const {
  std::string out;
  out.reserve(16 * 1024);
  render(name, dict, &out);
  return out;
}

}  // namespace dossier

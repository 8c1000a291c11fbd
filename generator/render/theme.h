// Theme: the templates (templates/*.tpl, Google ctemplate, which escapes
// every value for where it lands: HTML text, attribute or URL) and static
// files (static/**, copied to site/theme/) that give the site its look. The
// default theme is built in; `--theme DIR` overrides any of its files.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <ctemplate/template.h>

#include "base/status.h"

namespace dossier {

using Dict = ctemplate::TemplateDictionary;

// A template value from any string.
inline ctemplate::TemplateString tv(std::string_view s) {
  return ctemplate::TemplateString(s.data(), s.size());
}

class Theme {
 public:
  // The built-in theme, with files from `override_dir` (if not empty) on top.
  static Result<Theme> load(const std::string& override_dir);

  // Expands templates/<name>.tpl with `dict`, appending to `out`. A template
  // includes another with {{>NAME}} and dict->AddIncludeDictionary("NAME")
  // ->SetFilename("name"). Safe to call from several threads.
  void render(const std::string& name, const Dict& dict, std::string* out) const;
  std::string render(const std::string& name, const Dict& dict) const;

  // Files under static/, by path relative to static/.
  const std::map<std::string, std::string>& static_files() const { return static_files_; }

 private:
  std::shared_ptr<ctemplate::TemplateCache> cache_;  // frozen after load
  std::map<std::string, std::string> static_files_;
};

}  // namespace dossier

// Theme: the Mustache templates (templates/*.mustache, rendered with kainjow
// mustache) and static files (static/**, copied to site/theme/) that give
// the site its look. The default theme is built in; `--theme DIR` overrides
// any of its files with DIR's.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "base/status.h"

namespace dossier {

using TemplateData = kainjow::mustache::data;

class Theme {
 public:
  // The built-in theme, with files from `override_dir` (if not empty) on top.
  static Result<Theme> load(const std::string& override_dir);

  // Renders templates/<name>.mustache. The templates in templates/partials/
  // are available to it as partials ({{> name}}); data keys must not use
  // their names. Safe to call from several threads.
  std::string render(const std::string& name, TemplateData data) const;

  // Files under static/, by path relative to static/.
  const std::map<std::string, std::string>& static_files() const { return static_files_; }

 private:
  std::map<std::string, std::string> templates_;  // name -> source
  std::map<std::string, std::string> static_files_;
};

}  // namespace dossier

// Pages: every HTML page of SPEC §4. Each function returns
// one page's HTML: it gathers the page's data (render/views.h), renders the
// page's template and wraps it in the theme's layout.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/archive.h"
#include "render/theme.h"
#include "render/views.h"

namespace dossier {

class PageRenderer {
 public:
  PageRenderer(const Archive& archive, const Theme& theme);

  std::string overview() const;
  std::string report(int r) const;
  std::string reports_index() const;
  std::string ledger() const;
  std::string regulations_index() const;
  std::string regulation(int g) const;
  std::string units_index() const;
  std::string unit(int u) const;
  std::string topics_index() const;
  std::string topic(int t) const;
  std::string years_index() const;
  std::string year(int y) const;
  std::string search() const;
  std::string not_found() const;

  // Years that have reports, newest first.
  const std::vector<int>& years() const { return years_; }

 private:
  // `section`: the navigation entry to mark current ("ledger", "units", ...).
  class PageDict;
  // Section "years": each year with reports, its link and its count.
  void year_rows(Dict* d, const Views& v) const;
  std::vector<int> reports_of_unit_tree(int u) const;

  const Archive& archive_;
  const Theme& theme_;
  std::vector<int> years_;
  std::vector<std::vector<int>> reports_by_year_;  // index: position in years_
};

}  // namespace dossier

// Views: the template data for the pieces every page shows (a report in a
// list, an issue or measure with its status, a unit, topic or regulation
// link), with hrefs relative to the page being rendered.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/archive.h"
#include "render/theme.h"

namespace dossier {

class Views {
 public:
  Views(const Archive& archive, std::string_view page) : archive_(archive), page_(page) {}

  const Archive& archive() const { return archive_; }
  const std::string& page() const { return page_; }
  std::string href(std::string_view site_path) const;

  // {id, title, href, date, year, kind, units[], issues, measures}
  TemplateData report(int r) const;
  // {id, key, kind, title, href, status, status_label, overdue, owner, due,
  //  report_title, report_href, other_report}
  TemplateData item(const ItemKey& k) const;
  // {slug, title, href}
  TemplateData unit(int u) const;
  TemplateData topic(int t) const;
  TemplateData regulation(int g) const;

  // The box under an anchored item's heading (and the card of an item the
  // body does not anchor): status, links both ways, regulations.
  TemplateData item_box(const ItemKey& k) const;

  // Lists of the above.
  TemplateData report_rows(const std::vector<int>& ids) const;
  TemplateData item_rows(const std::vector<ItemKey>& keys) const;
  // A list with what templates need around it (the report_list and
  // item_list partials): {reports|items, has_reports|has_items, count}.
  TemplateData report_block(const std::vector<int>& ids) const;
  TemplateData item_block(const std::vector<ItemKey>& keys) const;
  TemplateData units(const std::vector<int>& ids) const;
  TemplateData topics(const std::vector<int>& ids) const;
  TemplateData regulations(const std::vector<int>& ids) const;

 private:
  const Archive& archive_;
  std::string page_;
};

// Reports sorted newest first (by date, then id).
std::vector<int> newest_first(const Archive& archive, std::vector<int> reports);

// Every issue of the archive, newest report first.
std::vector<ItemKey> all_issues(const Archive& archive);

}  // namespace dossier

// Views: the template values for the pieces every page shows (a report in a
// list, an issue or measure with its status, a unit, topic or regulation
// link), with hrefs relative to the page being rendered. Each fills a
// ctemplate dictionary; lists go into the report_list and item_list
// templates through include dictionaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/archive.h"
#include "render/theme.h"

namespace dossier {

// A template value name (keys::k_… or any string).
using Key = ctemplate::TemplateString;

class Views {
 public:
  // `page_report`: the report whose page this is (its items link by #ID), or -1.
  Views(const Archive& archive, std::string_view page, int page_report = -1)
      : archive_(archive), page_(page), page_report_(page_report) {}

  const Archive& archive() const { return archive_; }
  const std::string& page() const { return page_; }
  std::string href(std::string_view site_path) const;

  // Fillers for one entity. ctemplate lets a section's rows see their
  // parents' values, so a dictionary filled here must not also hold rows
  // of the same kind (item_box puts its item in a section of its own).
  // id, title, href, date, kind, issues, measures; section units.
  void report(Dict* d, int r) const;
  // id, key, kind, title, href, status, status_label, owner, due,
  // report_title, report_href, report_date; section other_report.
  void item(Dict* d, const ItemKey& k) const;
  // slug, title, href (regulation: status too)
  void unit(Dict* d, int u) const;
  void topic(Dict* d, int t) const;
  void regulation(Dict* d, int g) const;

  // One section entry per element: {{#name}}…{{/name}}.
  void units(Dict* d, Key name, const std::vector<int>& ids) const;
  void topics(Dict* d, Key name, const std::vector<int>& ids) const;
  void regulations(Dict* d, Key name, const std::vector<int>& ids) const;
  void items(Dict* d, Key name, const std::vector<ItemKey>& keys) const;

  // {{>name}} as the report_list / item_list template over the given rows
  // (the include shows "none" text when the list is empty). An item list
  // shows each item's report unless all are on this page's report.
  void report_list(Dict* d, Key name, const std::vector<int>& ids) const;
  void item_list(Dict* d, Key name, const std::vector<ItemKey>& keys) const;

  // The box under an anchored item's heading: status, owner and due date
  // (section self), regulations, and the linked items (measures of an
  // issue, issues of a measure), from whatever report they are in.
  void item_box(Dict* d, const ItemKey& k) const;

 private:
  const Archive& archive_;
  std::string page_;
  int page_report_;
};

// Reports sorted newest first (by date, then id).
std::vector<int> newest_first(const Archive& archive, std::vector<int> reports);

// Every issue of the archive, newest report first.
std::vector<ItemKey> all_issues(const Archive& archive);

// The issues of the given reports, in that order.
std::vector<ItemKey> issues_of(const Archive& archive, const std::vector<int>& reports);

}  // namespace dossier

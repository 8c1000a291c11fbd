// The pages: overview, reports, ledger, regulations, units, topics, years, 404.
#include "render/pages.h"

#include <algorithm>
#include <map>

#include "base/site_paths.h"
#include "render/body_html.h"
#include "render/views.h"

namespace dossier {

namespace {

struct NavEntry {
  std::string_view section;
  std::string_view label;
  std::string_view path;
};

constexpr NavEntry kNav[] = {
    {"overview", "概览", site_path::kIndex},        {"reports", "报告", site_path::kReports},
    {"ledger", "整改台账", site_path::kLedger},     {"regulations", "法规", site_path::kRegulations},
    {"units", "单位", site_path::kUnits},           {"topics", "主题", site_path::kTopics},
    {"years", "年度", site_path::kYears},
};

std::string count(size_t n) { return std::to_string(n); }

std::vector<int> all_of(size_t n) {
  std::vector<int> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<int>(i);
  return v;
}

}  // namespace

PageRenderer::PageRenderer(const Archive& archive, const Resolver& resolve, const Theme& theme)
    : archive_(archive), resolve_(resolve), theme_(theme) {
  std::map<int, std::vector<int>, std::greater<>> by_year;
  for (size_t r = 0; r < archive.reports.size(); ++r)
    if (archive.reports[r].year() > 0) by_year[archive.reports[r].year()].push_back(static_cast<int>(r));
  for (auto& [y, reports] : by_year) {
    years_.push_back(y);
    reports_by_year_.push_back(newest_first(archive, std::move(reports)));
  }
}

std::string PageRenderer::layout(std::string_view page, const std::string& title,
                                 std::string_view section, std::string content) const {
  Views v(archive_, page);
  TemplateData d;
  d.set("lang", archive_.settings.language);
  d.set("site_title", archive_.settings.title);
  d.set("site_description", archive_.settings.description);
  d.set("title", title);
  d.set("root", v.href(""));
  d.set("home", v.href(site_path::kIndex));
  d.set("theme", v.href(site_path::kThemeDir));
  d.set("as_of", archive_.today.iso());
  TemplateData nav{TemplateData::type::list};
  for (const auto& e : kNav) {
    TemplateData n;
    n.set("label", std::string(e.label));
    n.set("href", v.href(e.path));
    n.set("current", e.section == section);
    nav.push_back(n);
  }
  d.set("nav", nav);
  d.set("content", std::move(content));
  return theme_.render("layout", std::move(d));
}

std::string PageRenderer::registry_body(int report_context, std::string_view markdown,
                                        std::string_view page) const {
  return render_body_html(archive_, resolve_, report_context, markdown, page,
                          [](const Item&) { return std::string(); });
}

std::string PageRenderer::overview() const {
  std::string_view page = site_path::kIndex;
  Views v(archive_, page);
  size_t issues = 0, measures = 0;
  std::map<IssueStatus, size_t> by_status;
  for (const auto& r : archive_.reports) {
    issues += r.issues.size();
    measures += r.measures.size();
    for (const auto& i : r.issues) ++by_status[i.issue_status];
  }
  TemplateData d;
  d.set("site_title", archive_.settings.title);
  d.set("description", archive_.settings.description);
  d.set("as_of", archive_.today.iso());
  d.set("reports_count", count(archive_.reports.size()));
  d.set("issues_count", count(issues));
  d.set("measures_count", count(measures));
  d.set("regulations_count", count(archive_.regulations.size()));
  d.set("units_count", count(archive_.units.size()));
  TemplateData statuses{TemplateData::type::list};
  for (IssueStatus s : {IssueStatus::kOverdue, IssueStatus::kOpen, IssueStatus::kInProgress,
                        IssueStatus::kRectified}) {
    TemplateData e;
    e.set("status", std::string(status_name(s)));
    e.set("label", std::string(status_label(s)));
    e.set("count", count(by_status[s]));
    statuses.push_back(e);
  }
  d.set("statuses", statuses);
  std::vector<int> latest = newest_first(archive_, all_of(archive_.reports.size()));
  if (latest.size() > 10) latest.resize(10);
  d.set("latest", v.report_block(latest));
  // Overdue first, then open; at most 50 here, the ledger has them all.
  std::vector<ItemKey> attention;
  for (IssueStatus s : {IssueStatus::kOverdue, IssueStatus::kOpen})
    for (const ItemKey& k : all_issues(archive_))
      if (archive_.item(k).issue_status == s) attention.push_back(k);
  d.set("attention_total", count(attention.size()));
  d.set("attention_more", attention.size() > 50);
  if (attention.size() > 50) attention.resize(50);
  d.set("attention", v.item_block(attention));
  d.set("ledger_href", v.href(site_path::kLedger));
  TemplateData years{TemplateData::type::list};
  for (size_t i = 0; i < years_.size(); ++i) {
    TemplateData y;
    y.set("year", std::to_string(years_[i]));
    y.set("href", v.href(site_path::year(years_[i])));
    y.set("count", count(reports_by_year_[i].size()));
    years.push_back(y);
  }
  d.set("years", years);
  return layout(page, archive_.settings.title, "overview", theme_.render("overview", std::move(d)));
}

std::string PageRenderer::report(int r) const {
  const Report& rep = archive_.reports[static_cast<size_t>(r)];
  std::string page = site_path::report(rep.id);
  Views v(archive_, page);
  auto key_of = [&](const Item& it) {
    const auto& items = rep.items(it.kind);
    return ItemKey{r, it.kind, static_cast<int>(&it - items.data())};
  };
  auto box = [&](const Item& it) { return theme_.render("item", v.item_box(key_of(it))); };
  TemplateData d = v.report(r);
  d.set("topics", v.topics(rep.topic_ids));
  d.set("regulations", v.regulations(rep.regulation_ids));
  d.set("year_href", v.href(site_path::year(rep.year())));
  d.set("body", render_body_html(archive_, resolve_, r, rep.body_markdown(), page, box));
  // Items the body does not anchor get a card of their own, so every
  // issue and measure has its #ID on the page.
  TemplateData cards{TemplateData::type::list};
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
    for (const auto& it : rep.items(kind))
      if (it.anchor < 0) {
        TemplateData c = v.item_box(key_of(it));
        c.set("box", box(it));
        cards.push_back(c);
      }
  d.set("has_cards", !cards.is_empty_list());
  d.set("cards", cards);
  std::vector<ItemKey> issues, measures;
  for (size_t i = 0; i < rep.issues.size(); ++i) issues.push_back({r, ItemKind::kIssue, static_cast<int>(i)});
  for (size_t i = 0; i < rep.measures.size(); ++i)
    measures.push_back({r, ItemKind::kMeasure, static_cast<int>(i)});
  d.set("issue_list", v.item_block(issues));
  d.set("measure_list", v.item_block(measures));
  d.set("has_items", !issues.empty() || !measures.empty());
  return layout(page, rep.title, "reports", theme_.render("report", std::move(d)));
}

std::string PageRenderer::reports_index() const {
  std::string_view page = site_path::kReports;
  Views v(archive_, page);
  TemplateData d;
  d.set("reports", v.report_block(newest_first(archive_, all_of(archive_.reports.size()))));
  return layout(page, "全部报告", "reports", theme_.render("reports", std::move(d)));
}

std::string PageRenderer::ledger() const {
  std::string_view page = site_path::kLedger;
  Views v(archive_, page);
  TemplateData rows{TemplateData::type::list};
  std::map<IssueStatus, size_t> by_status;
  for (const ItemKey& k : all_issues(archive_)) {
    const Item& it = archive_.item(k);
    ++by_status[it.issue_status];
    TemplateData row = v.item(k);
    const Report& rep = archive_.reports[static_cast<size_t>(k.report)];
    row.set("units", v.units(rep.unit_ids));
    row.set("regulations", v.regulations(it.regulation_ids));
    row.set("measures", v.item_rows(it.counterparts));
    rows.push_back(row);
  }
  TemplateData d;
  d.set("issues", rows);
  d.set("csv_href", v.href(site_path::kLedgerCsv));
  d.set("as_of", archive_.today.iso());
  TemplateData statuses{TemplateData::type::list};
  for (IssueStatus s : {IssueStatus::kOverdue, IssueStatus::kOpen, IssueStatus::kInProgress,
                        IssueStatus::kRectified}) {
    TemplateData e;
    e.set("status", std::string(status_name(s)));
    e.set("label", std::string(status_label(s)));
    e.set("count", count(by_status[s]));
    statuses.push_back(e);
  }
  d.set("statuses", statuses);
  return layout(page, "整改台账", "ledger", theme_.render("ledger", std::move(d)));
}

std::string PageRenderer::regulations_index() const {
  std::string_view page = site_path::kRegulations;
  Views v(archive_, page);
  TemplateData list{TemplateData::type::list};
  for (size_t g = 0; g < archive_.regulations.size(); ++g) {
    const Regulation& reg = archive_.regulations[g];
    TemplateData e = v.regulation(static_cast<int>(g));
    std::string aliases;
    for (const auto& a : reg.aliases) aliases += (aliases.empty() ? "" : "、") + a.name;
    e.set("aliases", aliases);
    e.set("issuer", reg.issuer);
    e.set("issued", reg.issued ? reg.issued->iso() : "");
    e.set("reports", count(reg.reports.size()));
    e.set("items", count(reg.items.size()));
    list.push_back(e);
  }
  TemplateData d;
  d.set("regulations", list);
  return layout(page, "法规制度", "regulations", theme_.render("regulations", std::move(d)));
}

std::string PageRenderer::regulation(int g) const {
  const Regulation& reg = archive_.regulations[static_cast<size_t>(g)];
  std::string page = site_path::regulation(reg.slug);
  Views v(archive_, page);
  TemplateData d = v.regulation(g);
  TemplateData aliases{TemplateData::type::list};
  for (const auto& a : reg.aliases) aliases.push_back(TemplateData(a.name));
  d.set("aliases", aliases);
  d.set("issuer", reg.issuer);
  d.set("issued", reg.issued ? reg.issued->iso() : "");
  d.set("number", reg.number);
  d.set("url", reg.url);
  if (reg.superseded_by_id >= 0) d.set("superseded_by", v.regulation(reg.superseded_by_id));
  std::vector<int> supersedes;
  for (size_t i = 0; i < archive_.regulations.size(); ++i)
    if (archive_.regulations[i].superseded_by_id == g) supersedes.push_back(static_cast<int>(i));
  d.set("supersedes", v.regulations(supersedes));
  d.set("summary", registry_body(-1, std::string_view(reg.source->text()).substr(reg.body_offset), page));
  d.set("reports", v.report_block(newest_first(archive_, reg.reports)));
  std::vector<ItemKey> issues, measures;
  for (const ItemKey& k : reg.items) (k.kind == ItemKind::kIssue ? issues : measures).push_back(k);
  d.set("issues", v.item_block(issues));
  d.set("measures", v.item_block(measures));
  return layout(page, reg.title, "regulations", theme_.render("regulation", std::move(d)));
}

std::vector<int> PageRenderer::reports_of_unit_tree(int u) const {
  std::vector<int> out = archive_.units[static_cast<size_t>(u)].reports;
  for (int child : archive_.units[static_cast<size_t>(u)].children) {
    auto more = reports_of_unit_tree(child);
    out.insert(out.end(), more.begin(), more.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string PageRenderer::units_index() const {
  std::string_view page = site_path::kUnits;
  Views v(archive_, page);
  // The hierarchy as nested lists, rendered by the template recursively.
  std::function<TemplateData(int)> node = [&](int u) {
    TemplateData e = v.unit(u);
    const Unit& unit = archive_.units[static_cast<size_t>(u)];
    e.set("reports", count(reports_of_unit_tree(u).size()));
    e.set("registered", unit.registered);
    TemplateData children{TemplateData::type::list};
    for (int c : unit.children) children.push_back(node(c));
    e.set("children", children);
    e.set("has_children", !unit.children.empty());
    return e;
  };
  TemplateData roots{TemplateData::type::list};
  for (size_t u = 0; u < archive_.units.size(); ++u)
    if (archive_.units[u].parent_id < 0) roots.push_back(node(static_cast<int>(u)));
  TemplateData d;
  d.set("units", roots);
  return layout(page, "单位", "units", theme_.render("units", std::move(d)));
}

std::string PageRenderer::unit(int u) const {
  const Unit& unit = archive_.units[static_cast<size_t>(u)];
  std::string page = site_path::unit(unit.slug);
  Views v(archive_, page);
  TemplateData d = v.unit(u);
  d.set("registered", unit.registered);
  std::string aliases;
  for (const auto& a : unit.aliases) aliases += (aliases.empty() ? "" : "、") + a.name;
  d.set("aliases", aliases);
  if (unit.parent_id >= 0) d.set("parent", v.unit(unit.parent_id));
  if (unit.source)
    d.set("description",
          registry_body(-1, std::string_view(unit.source->text()).substr(unit.body_offset), page));
  d.set("reports", v.report_block(newest_first(archive_, unit.reports)));
  TemplateData children{TemplateData::type::list};
  for (int c : unit.children) {
    TemplateData e = v.unit(c);
    e.set("reports", v.report_block(newest_first(archive_, reports_of_unit_tree(c))));
    children.push_back(e);
  }
  d.set("children", children);
  d.set("has_children", !unit.children.empty());
  std::vector<ItemKey> issues;
  for (int r : newest_first(archive_, reports_of_unit_tree(u))) {
    const auto& list = archive_.reports[static_cast<size_t>(r)].issues;
    for (size_t i = 0; i < list.size(); ++i) issues.push_back({r, ItemKind::kIssue, static_cast<int>(i)});
  }
  d.set("issues", v.item_block(issues));
  return layout(page, unit.title, "units", theme_.render("unit", std::move(d)));
}

std::string PageRenderer::topics_index() const {
  std::string_view page = site_path::kTopics;
  Views v(archive_, page);
  TemplateData list{TemplateData::type::list};
  for (size_t t = 0; t < archive_.topics.size(); ++t) {
    TemplateData e = v.topic(static_cast<int>(t));
    e.set("reports", count(archive_.topics[t].reports.size()));
    list.push_back(e);
  }
  TemplateData d;
  d.set("topics", list);
  return layout(page, "主题", "topics", theme_.render("topics", std::move(d)));
}

std::string PageRenderer::topic(int t) const {
  const Topic& topic = archive_.topics[static_cast<size_t>(t)];
  std::string page = site_path::topic(topic.slug);
  Views v(archive_, page);
  TemplateData d = v.topic(t);
  if (topic.source)
    d.set("description",
          registry_body(-1, std::string_view(topic.source->text()).substr(topic.body_offset), page));
  d.set("reports", v.report_block(newest_first(archive_, topic.reports)));
  return layout(page, topic.title, "topics", theme_.render("topic", std::move(d)));
}

std::string PageRenderer::years_index() const {
  std::string_view page = site_path::kYears;
  Views v(archive_, page);
  TemplateData list{TemplateData::type::list};
  for (size_t i = 0; i < years_.size(); ++i) {
    TemplateData e;
    e.set("year", std::to_string(years_[i]));
    e.set("href", v.href(site_path::year(years_[i])));
    e.set("count", count(reports_by_year_[i].size()));
    list.push_back(e);
  }
  TemplateData d;
  d.set("years", list);
  return layout(page, "年度", "years", theme_.render("years", std::move(d)));
}

std::string PageRenderer::year(int y) const {
  auto at = std::find(years_.begin(), years_.end(), y) - years_.begin();
  const std::vector<int>& reports = reports_by_year_[static_cast<size_t>(at)];
  std::string page = site_path::year(y);
  Views v(archive_, page);
  TemplateData d;
  d.set("year", std::to_string(y));
  d.set("reports", v.report_block(reports));
  std::vector<ItemKey> issues;
  for (int r : reports) {
    const auto& list = archive_.reports[static_cast<size_t>(r)].issues;
    for (size_t i = 0; i < list.size(); ++i) issues.push_back({r, ItemKind::kIssue, static_cast<int>(i)});
  }
  d.set("issues", v.item_block(issues));
  return layout(page, std::to_string(y) + "年", "years", theme_.render("year", std::move(d)));
}

std::string PageRenderer::not_found() const {
  std::string_view page = site_path::kNotFound;
  Views v(archive_, page);
  TemplateData d;
  d.set("home", v.href(site_path::kIndex));
  return layout(page, "页面未找到", "", theme_.render("404", std::move(d)));
}

}  // namespace dossier

// The pages: overview, reports, ledger, regulations, units, topics, years,
// search, 404.
#include "render/pages.h"

#include <algorithm>
#include <functional>
#include <map>

#include "base/site_paths.h"
#include "render/body_html.h"
#include "render/template_keys.h"
#include "render/views.h"

namespace dossier {

using namespace keys;

namespace {

struct NavEntry {
  std::string_view section;
  std::string_view label;
  std::string_view path;
};

constexpr NavEntry kNav[] = {
    {"overview", "概览", site_path::kIndex},    {"reports", "报告", site_path::kReports},
    {"ledger", "整改台账", site_path::kLedger}, {"regulations", "法规", site_path::kRegulations},
    {"units", "单位", site_path::kUnits},       {"topics", "主题", site_path::kTopics},
    {"years", "年度", site_path::kYears},
};

constexpr IssueStatus kStatusOrder[] = {IssueStatus::kOverdue, IssueStatus::kOpen,
                                        IssueStatus::kInProgress, IssueStatus::kRectified};

std::vector<int> all_of(size_t n) {
  std::vector<int> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<int>(i);
  return v;
}

std::string joined(const std::vector<NameRef>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "、") + n.name;
  return out;
}

// Issue counts by status, in kStatusOrder, as section "statuses".
void status_counts(Dict* d, const Archive& a, const std::vector<ItemKey>& issues) {
  std::map<IssueStatus, long> by_status;
  for (const ItemKey& k : issues) ++by_status[a.item(k).issue_status];
  for (IssueStatus s : kStatusOrder) {
    Dict* e = d->AddSectionDictionary(k_statuses);
    e->SetValue(k_status, tv(status_name(s)));
    e->SetValue(k_label, tv(status_label(s)));
    e->SetIntValue(k_count, by_status[s]);
  }
}

}  // namespace

PageRenderer::PageRenderer(const Archive& archive, const Theme& theme)
    : archive_(archive), theme_(theme) {
  std::map<int, std::vector<int>, std::greater<>> by_year;
  for (size_t r = 0; r < archive.reports.size(); ++r)
    if (archive.reports[r].year() > 0)
      by_year[archive.reports[r].year()].push_back(static_cast<int>(r));
  for (auto& [y, reports] : by_year) {
    years_.push_back(y);
    reports_by_year_.push_back(newest_first(archive, std::move(reports)));
  }
}

// The dictionary of a page: the layout's, whose include "content" is the
// page's own template; one dictionary (so one arena) per page.
class PageRenderer::PageDict {
 public:
  PageDict(const PageRenderer& r, std::string_view page, const std::string& title,
           std::string_view section, const std::string& content_template)
      : theme_(r.theme_), layout_("layout"), content_(layout_.AddIncludeDictionary(k_content)) {
    content_->SetFilename(content_template);
    const Archive& a = r.archive_;
    Views v(a, page);
    layout_.SetValue(k_lang, a.settings.language);
    layout_.SetValue(k_site_title, a.settings.title);
    if (!a.settings.description.empty())
      layout_.SetValueAndShowSection(k_site_description, a.settings.description, k_has_description);
    layout_.SetValue(k_title, title);
    layout_.SetValue(k_home, v.href(site_path::kIndex));
    layout_.SetValue(k_theme, v.href(site_path::kThemeDir));
    layout_.SetValue(k_search, v.href(site_path::kSearch));
    layout_.SetValue(k_as_of, a.today.iso());
    layout_.SetValue(k_page_kind, content_template);
    for (const auto& e : kNav) {
      Dict* n = layout_.AddSectionDictionary(k_nav);
      n->SetValue(k_label, tv(e.label));
      n->SetValue(k_href, v.href(e.path));
      if (e.section == section) n->ShowSection(k_current);
    }
  }

  Dict& content() { return *content_; }

  std::string render() const {
    std::string out;
    out.reserve(32 * 1024);
    theme_.render("layout", layout_, &out);
    return out;
  }

 private:
  const Theme& theme_;
  Dict layout_;
  Dict* content_;
};

std::string PageRenderer::overview() const {
  std::string_view page = site_path::kIndex;
  Views v(archive_, page);
  PageDict p(*this, page, "概览", "overview", "overview");
  Dict& d = p.content();
  long issues = 0, measures = 0;
  for (const auto& r : archive_.reports) {
    issues += static_cast<long>(r.issues.size());
    measures += static_cast<long>(r.measures.size());
  }
  d.SetValue(k_site_title, archive_.settings.title);
  if (!archive_.settings.description.empty())
    d.SetValueAndShowSection(k_description, archive_.settings.description, k_has_description);
  d.SetValue(k_as_of, archive_.today.iso());
  d.SetIntValue(k_reports_count, static_cast<long>(archive_.reports.size()));
  d.SetIntValue(k_issues_count, issues);
  d.SetIntValue(k_measures_count, measures);
  d.SetIntValue(k_regulations_count, static_cast<long>(archive_.regulations.size()));
  d.SetIntValue(k_units_count, static_cast<long>(archive_.units.size()));
  std::vector<ItemKey> issue_keys = all_issues(archive_);
  status_counts(&d, archive_, issue_keys);
  // Overdue first, then open; at most 50 here, the ledger has them all.
  std::vector<ItemKey> attention;
  for (IssueStatus s : {IssueStatus::kOverdue, IssueStatus::kOpen})
    for (const ItemKey& k : issue_keys)
      if (archive_.item(k).issue_status == s) attention.push_back(k);
  d.SetIntValue(k_attention_total, static_cast<long>(attention.size()));
  if (attention.size() > 50) {
    attention.resize(50);
    d.ShowSection(k_attention_more);
  }
  v.item_list(&d, k_attention, attention);
  d.SetValue(k_ledger_href, v.href(site_path::kLedger));
  std::vector<int> latest = newest_first(archive_, all_of(archive_.reports.size()));
  if (latest.size() > 10) latest.resize(10);
  v.report_list(&d, k_latest, latest);
  year_rows(&d, v);
  return p.render();
}

std::string PageRenderer::report(int r) const {
  const Report& rep = archive_.reports[static_cast<size_t>(r)];
  std::string page = site_path::report(rep.id);
  Views v(archive_, page, r);
  auto key_of = [&](const Item& it) {
    return ItemKey{r, it.kind, static_cast<int>(&it - rep.items(it.kind).data())};
  };
  // The box of an item: its values in an include of the item template.
  auto box = [&](Dict* parent, const Item& it) {
    Dict* b = parent->AddIncludeDictionary(k_box);
    b->SetFilename("item");
    v.item_box(b, key_of(it));
  };
  PageDict p(*this, page, rep.title, "reports", "report");
  Dict& d = p.content();
  v.report(&d, r);
  v.topics(&d, k_topics, rep.topic_ids);
  if (rep.topic_ids.empty()) d.ShowSection(k_no_topics);
  v.regulations(&d, k_regulations, rep.regulation_ids);
  if (rep.regulation_ids.empty()) d.ShowSection(k_no_regulations);
  if (!rep.kind.empty()) d.ShowSection(k_has_kind);
  d.SetValue(k_year_href, v.href(site_path::year(rep.year())));
  // The body, cut where the anchored items' boxes go.
  BodyParts body = body_parts(rep.body, page);
  std::vector<const Item*> by_anchor(rep.body.anchors.size(), nullptr);
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
    for (const auto& it : rep.items(kind))
      if (it.anchor >= 0) by_anchor[static_cast<size_t>(it.anchor)] = &it;
  for (const auto& part : body.parts) {
    Dict* e = d.AddSectionDictionary(k_body_parts);
    e->SetValueWithoutCopy(k_html, tv(body.text(part)));
    if (part.anchor >= 0 && by_anchor[static_cast<size_t>(part.anchor)])
      box(e, *by_anchor[static_cast<size_t>(part.anchor)]);
  }
  // Items the body does not anchor get a card of their own, so every
  // issue and measure has its #ID on the page.
  Dict* cards = nullptr;
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
    for (const auto& it : rep.items(kind))
      if (it.anchor < 0) {
        if (!cards) cards = d.AddSectionDictionary(k_has_cards);
        Dict* c = cards->AddSectionDictionary(k_cards);
        c->SetValue(k_id, it.id);
        c->SetValue(k_kind, tv(kind_name(kind)));
        c->SetValue(k_title, it.title);
        box(c, it);
      }
  std::vector<ItemKey> issues, measures;
  for (const auto& it : rep.issues) issues.push_back(key_of(it));
  for (const auto& it : rep.measures) measures.push_back(key_of(it));
  if (!issues.empty() || !measures.empty()) {
    Dict* summary = d.AddSectionDictionary(k_has_items);
    v.item_list(summary, k_issue_list, issues);
    v.item_list(summary, k_measure_list, measures);
  }
  return p.render();
}

std::string PageRenderer::reports_index() const {
  std::string_view page = site_path::kReports;
  Views v(archive_, page);
  PageDict p(*this, page, "全部报告", "reports", "reports");
  Dict& d = p.content();
  d.SetIntValue(k_count, static_cast<long>(archive_.reports.size()));
  v.report_list(&d, k_reports, newest_first(archive_, all_of(archive_.reports.size())));
  return p.render();
}

std::string PageRenderer::ledger() const {
  std::string_view page = site_path::kLedger;
  Views v(archive_, page);
  PageDict p(*this, page, "整改台账", "ledger", "ledger");
  Dict& d = p.content();
  std::vector<ItemKey> issues = all_issues(archive_);
  // Rows are expanded in chunks, each its own <tbody>: a dictionary of every
  // row of a large archive would take hundreds of megabytes, and the theme
  // can let the browser skip laying out chunks off screen.
  constexpr size_t kChunk = 500;
  std::string rows;
  for (size_t start = 0; start < issues.size(); start += kChunk) {
    Dict chunk("ledger_rows");
    for (size_t i = start; i < std::min(issues.size(), start + kChunk); ++i) {
      const ItemKey& k = issues[i];
      const Item& it = archive_.item(k);
      Dict* row = chunk.AddSectionDictionary(k_issues);
      v.item(row, k);
      v.units(row, k_units, archive_.reports[static_cast<size_t>(k.report)].unit_ids);
      v.regulations(row, k_regulations, it.regulation_ids);
      if (it.counterparts.empty()) row->ShowSection(k_no_measures);
      v.items(row, k_measures, it.counterparts);
    }
    theme_.render("ledger_rows", chunk, &rows);
  }
  d.SetValueWithoutCopy(k_rows, rows);
  status_counts(&d, archive_, issues);
  d.SetValue(k_csv_href, v.href(site_path::kLedgerCsv));
  d.SetValue(k_as_of, archive_.today.iso());
  return p.render();
}

std::string PageRenderer::regulations_index() const {
  std::string_view page = site_path::kRegulations;
  Views v(archive_, page);
  PageDict p(*this, page, "法规制度", "regulations", "regulations");
  Dict& d = p.content();
  for (size_t g = 0; g < archive_.regulations.size(); ++g) {
    const Regulation& reg = archive_.regulations[g];
    Dict* e = d.AddSectionDictionary(k_regulations);
    v.regulation(e, static_cast<int>(g));
    e->SetValue(k_aliases, joined(reg.aliases));
    e->SetValue(k_issuer, reg.issuer);
    e->SetValue(k_issued, reg.issued ? reg.issued->iso() : "");
    e->SetIntValue(k_reports, static_cast<long>(reg.reports.size()));
    e->SetIntValue(k_items, static_cast<long>(reg.items.size()));
  }
  return p.render();
}

std::string PageRenderer::regulation(int g) const {
  const Regulation& reg = archive_.regulations[static_cast<size_t>(g)];
  std::string page = site_path::regulation(reg.slug);
  Views v(archive_, page);
  PageDict p(*this, page, reg.title, "regulations", "regulation");
  Dict& d = p.content();
  d.SetValue(k_title, reg.title);
  auto fact = [&](const char* name, const std::string& value) {
    if (!value.empty()) d.SetValueAndShowSection(name, value, (std::string("has_") + name).c_str());
  };
  fact("aliases", joined(reg.aliases));
  fact("issuer", reg.issuer);
  fact("issued", reg.issued ? reg.issued->iso() : "");
  fact("number", reg.number);
  fact("reg_status", reg.status);
  d.SetValue(k_reg_status_label, tv(regulation_status_label(reg.status)));
  fact("url", reg.url);
  if (reg.superseded_by_id >= 0) v.regulations(&d, k_superseded_by, {reg.superseded_by_id});
  std::vector<int> supersedes;
  for (size_t i = 0; i < archive_.regulations.size(); ++i)
    if (archive_.regulations[i].superseded_by_id == g) supersedes.push_back(static_cast<int>(i));
  v.regulations(&d, k_supersedes, supersedes);
  std::string summary = body_html(reg.body, page);
  d.SetValueWithoutCopy(k_summary, summary);
  v.report_list(&d, k_reports, newest_first(archive_, reg.reports));
  std::vector<ItemKey> issues, measures;
  for (const ItemKey& k : reg.items) (k.kind == ItemKind::kIssue ? issues : measures).push_back(k);
  v.item_list(&d, k_issues, issues);
  v.item_list(&d, k_measures, measures);
  return p.render();
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
  PageDict p(*this, page, "单位", "units", "units");
  Dict& d = p.content();
  // The hierarchy, flattened in tree order with each unit's depth.
  std::function<void(int, int)> add = [&](int u, int depth) {
    const Unit& unit = archive_.units[static_cast<size_t>(u)];
    Dict* e = d.AddSectionDictionary(k_units);
    v.unit(e, u);
    e->SetIntValue(k_depth, depth);
    e->SetIntValue(k_reports, static_cast<long>(reports_of_unit_tree(u).size()));
    if (!unit.registered) e->ShowSection(k_unregistered);
    for (int c : unit.children) add(c, depth + 1);
  };
  for (size_t u = 0; u < archive_.units.size(); ++u)
    if (archive_.units[u].parent_id < 0) add(static_cast<int>(u), 0);
  return p.render();
}

std::string PageRenderer::unit(int u) const {
  const Unit& unit = archive_.units[static_cast<size_t>(u)];
  std::string page = site_path::unit(unit.slug);
  Views v(archive_, page);
  PageDict p(*this, page, unit.title, "units", "unit");
  Dict& d = p.content();
  d.SetValue(k_title, unit.title);
  if (!unit.aliases.empty())
    d.SetValueAndShowSection(k_aliases, joined(unit.aliases), k_has_aliases);
  if (unit.parent_id >= 0) v.units(&d, k_parent, {unit.parent_id});
  if (!unit.registered) d.ShowSection(k_unregistered);
  std::string description = body_html(unit.body, page);
  d.SetValueWithoutCopy(k_description, description);
  v.report_list(&d, k_reports, newest_first(archive_, unit.reports));
  if (!unit.children.empty()) {
    Dict* children = d.AddSectionDictionary(k_has_children);
    for (int c : unit.children) {
      Dict* e = children->AddSectionDictionary(k_children);
      v.unit(e, c);
      v.report_list(e, k_child_reports, newest_first(archive_, reports_of_unit_tree(c)));
    }
  }
  v.item_list(&d, k_issues, issues_of(archive_, newest_first(archive_, reports_of_unit_tree(u))));
  return p.render();
}

std::string PageRenderer::topics_index() const {
  std::string_view page = site_path::kTopics;
  Views v(archive_, page);
  PageDict p(*this, page, "主题", "topics", "topics");
  Dict& d = p.content();
  for (size_t t = 0; t < archive_.topics.size(); ++t) {
    Dict* e = d.AddSectionDictionary(k_topics);
    v.topic(e, static_cast<int>(t));
    e->SetIntValue(k_reports, static_cast<long>(archive_.topics[t].reports.size()));
  }
  return p.render();
}

std::string PageRenderer::topic(int t) const {
  const Topic& topic = archive_.topics[static_cast<size_t>(t)];
  std::string page = site_path::topic(topic.slug);
  Views v(archive_, page);
  PageDict p(*this, page, topic.title, "topics", "topic");
  Dict& d = p.content();
  d.SetValue(k_title, topic.title);
  std::string description = body_html(topic.body, page);
  d.SetValueWithoutCopy(k_description, description);
  v.report_list(&d, k_reports, newest_first(archive_, topic.reports));
  return p.render();
}

void PageRenderer::year_rows(Dict* d, const Views& v) const {
  for (size_t i = 0; i < years_.size(); ++i) {
    Dict* e = d->AddSectionDictionary(k_years);
    e->SetIntValue(k_year, years_[i]);
    e->SetValue(k_href, v.href(site_path::year(years_[i])));
    e->SetIntValue(k_count, static_cast<long>(reports_by_year_[i].size()));
  }
}

std::string PageRenderer::years_index() const {
  std::string_view page = site_path::kYears;
  Views v(archive_, page);
  PageDict p(*this, page, "年度", "years", "years");
  Dict& d = p.content();
  year_rows(&d, v);
  return p.render();
}

std::string PageRenderer::year(int y) const {
  auto at = std::find(years_.begin(), years_.end(), y) - years_.begin();
  const std::vector<int>& reports = reports_by_year_[static_cast<size_t>(at)];
  std::string page = site_path::year(y);
  Views v(archive_, page);
  PageDict p(*this, page, std::to_string(y) + "年", "years", "year");
  Dict& d = p.content();
  d.SetIntValue(k_year, y);
  v.report_list(&d, k_reports, reports);
  v.item_list(&d, k_issues, issues_of(archive_, reports));
  return p.render();
}

// The search page: a form, and search-engine.js with search-page.js, which
// read the browser index (search/static/) and show the results.
std::string PageRenderer::search() const {
  std::string_view page = site_path::kSearch;
  Views v(archive_, page);
  PageDict p(*this, page, "搜索", "search", "search");
  p.content().SetValue(k_theme, v.href(site_path::kThemeDir));
  return p.render();
}

std::string PageRenderer::not_found() const {
  std::string_view page = site_path::kNotFound;
  Views v(archive_, page);
  PageDict p(*this, page, "页面未找到", "", "404");
  Dict& d = p.content();
  d.SetValue(k_home, v.href(site_path::kIndex));
  return p.render();
}

}  // namespace dossier

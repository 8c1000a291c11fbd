// The ledger as CSV.
#include "render/ledger_csv.h"

#include "render/views.h"

namespace dossier {

std::string csv_cell(std::string_view value) {
  std::string v;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos)
    v += '\'';
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

static void row(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (auto c : cells) {
    if (!first) out += ',';
    out += csv_cell(c);
    first = false;
  }
  out += "\r\n";
}

static std::string joined_names(const Archive& a, const std::vector<int>& ids, bool units) {
  std::string out;
  for (int i : ids) {
    if (!out.empty()) out += "；";
    out +=
        units ? a.units[static_cast<size_t>(i)].title : a.regulations[static_cast<size_t>(i)].title;
  }
  return out;
}

std::string ledger_csv(const Archive& a) {
  std::string out = "\xEF\xBB\xBF";
  row(out, {"问题编号", "问题", "问题状态", "报告", "报告日期", "单位", "涉及法规", "措施编号",
            "整改措施", "责任单位", "完成时限", "措施状态"});
  for (const ItemKey& k : all_issues(a)) {
    const Report& r = a.reports[static_cast<size_t>(k.report)];
    const Item& issue = a.item(k);
    std::string key = r.id + "#" + issue.id, date = r.date ? r.date->iso() : "";
    std::string units = joined_names(a, r.unit_ids, true);
    std::string regs = joined_names(a, issue.regulation_ids, false);
    std::string_view status = status_label(issue.issue_status);
    if (issue.counterparts.empty()) {
      row(out, {key, issue.title, status, r.title, date, units, regs, "", "", "", "", ""});
      continue;
    }
    for (const ItemKey& mk : issue.counterparts) {
      const Item& m = a.item(mk);
      std::string mkey = a.reports[static_cast<size_t>(mk.report)].id + "#" + m.id;
      std::string mstatus(status_label(m.status));
      if (m.overdue) mstatus += "（已逾期）";
      row(out, {key, issue.title, status, r.title, date, units, regs, mkey, m.title, m.owner,
                m.due ? m.due->iso() : "", mstatus});
    }
  }
  return out;
}

}  // namespace dossier

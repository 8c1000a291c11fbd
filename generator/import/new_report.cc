// The report skeleton of `dossier new report`: see new_report.h. The
// examples are YAML comments and an HTML comment, so the skeleton passes
// `dossier check` as it is.
#include "import/new_report.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <ostream>

#include "base/site_paths.h"
#include "build.h"
#include "import/front_matter_guess.h"
#include "import/importer.h"

namespace dossier {

namespace {

std::string yaml_scalar(const std::string& s) {
  YAML::Emitter y;
  y.SetOutputCharset(YAML::EmitNonAscii);
  y << s;
  return y.c_str();
}

}  // namespace

std::string report_skeleton(const std::string& title, const std::string& unit, const Date& date) {
  std::string due = std::to_string(date.year) + "-12-31";
  return "---\ntitle: " + yaml_scalar(title) + "\ndate: " + date.iso() +
         "\nunit: " + yaml_scalar(unit) +
         "\nkind: 工作汇报        # 工作汇报 督导调研报告 整改情况报告 自查报告 讲话\n"
         "# topics: [全面从严治党]\n"
         "# regulations: [中央八项规定]\n"
         "# issues:\n"
         "#   - id: I1\n"
         "#     title: 主体责任落实还不够深入\n"
         "#     regulations: [主体责任规定]\n"
         "# measures:\n"
         "#   - id: M1\n"
         "#     title: 夯实制度，落实责任\n"
         "#     addresses: [I1]\n"
         "#     owner: 局党组\n"
         "#     due: " +
         due +
         "\n"
         "#     status: planned      # planned | in-progress | done\n"
         "---\n\n"
         "（开篇：本报告的背景和范围。）\n\n"
         "## 一、工作开展情况\n\n"
         "（主要工作和成效。）\n\n"
         "## 二、存在的问题\n\n"
         "<!-- 每个问题一个标题，以 {#I1} 结尾，并在上面的 issues: 中登记：\n\n"
         "### 一是主体责任落实还不够深入 {#I1}\n\n"
         "问题的具体表现。\n"
         "-->\n\n"
         "## 三、整改措施\n\n"
         "<!-- 每项措施一个标题，以 {#M1} 结尾，并在上面的 measures: 中登记：\n\n"
         "### 一是夯实制度，落实责任 {#M1}\n\n"
         "措施的具体内容、责任人和时限。\n"
         "-->\n";
}

int run_new_report(const NewReportOptions& o, std::ostream& out, std::ostream& err) {
  namespace fsys = std::filesystem;
  ArchiveNames names = load_archive_names(o.content_dir);
  std::string unit = !o.unit.empty()            ? o.unit
                     : !names.main_unit.empty() ? names.main_unit
                                                : "未注明单位";
  Date date = today();
  std::string title = !o.title.empty() ? o.title : unit + std::to_string(date.year) + "年工作汇报";
  std::string id = unique_report_id(date, unit_slug(names, unit), names.report_ids);
  fsys::path target =
      fsys::path(o.content_dir) / "reports" / std::to_string(date.year) / (id + ".md");
  if (Status s = write_new_file(target, report_skeleton(title, unit, date)); !s.is_ok()) {
    err << "dossier: " << s.message() << '\n';
    return kExitInternal;
  }
  out << "wrote " << target.string() << " (unit " << unit << ", dated " << date.iso()
      << "): fill in the sections, the issues and the measures\n";
  return kExitOk;
}

}  // namespace dossier

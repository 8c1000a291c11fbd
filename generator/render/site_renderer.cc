// The list of outputs, rendered and written on all cores.
#include "render/site_renderer.h"

#include <mutex>

#include "base/site_paths.h"
#include "render/ledger_csv.h"
#include "render/sitemap.h"

namespace dossier {

std::vector<SiteOutput> site_outputs(const Archive& a, const PageRenderer& pages,
                                     const Theme& theme, const FileSystem& fs) {
  std::vector<SiteOutput> out;
  auto page = [&](std::string path, std::function<std::string()> f) {
    out.push_back({std::move(path), [f] { return Result<std::string>(f()); }, true});
  };
  page(std::string(site_path::kIndex), [&] { return pages.overview(); });
  page(std::string(site_path::kReports), [&] { return pages.reports_index(); });
  page(std::string(site_path::kLedger), [&] { return pages.ledger(); });
  page(std::string(site_path::kRegulations), [&] { return pages.regulations_index(); });
  page(std::string(site_path::kUnits), [&] { return pages.units_index(); });
  page(std::string(site_path::kTopics), [&] { return pages.topics_index(); });
  page(std::string(site_path::kYears), [&] { return pages.years_index(); });
  page(std::string(site_path::kSearch), [&] { return pages.search(); });
  for (size_t i = 0; i < a.reports.size(); ++i)
    page(site_path::report(a.reports[i].id), [&, i] { return pages.report(static_cast<int>(i)); });
  for (size_t i = 0; i < a.regulations.size(); ++i)
    page(site_path::regulation(a.regulations[i].slug),
         [&, i] { return pages.regulation(static_cast<int>(i)); });
  for (size_t i = 0; i < a.units.size(); ++i)
    page(site_path::unit(a.units[i].slug), [&, i] { return pages.unit(static_cast<int>(i)); });
  for (size_t i = 0; i < a.topics.size(); ++i)
    page(site_path::topic(a.topics[i].slug), [&, i] { return pages.topic(static_cast<int>(i)); });
  for (int y : pages.years()) page(site_path::year(y), [&, y] { return pages.year(y); });

  out.push_back({std::string(site_path::kNotFound),
                 [&] { return Result<std::string>(pages.not_found()); }, false});
  out.push_back({std::string(site_path::kLedgerCsv),
                 [&] { return Result<std::string>(ledger_csv(a)); }, false});
  for (const auto& [path, data] : theme.static_files()) {
    const std::string* bytes = &data;
    out.push_back({std::string(site_path::kThemeDir) + path,
                   [bytes] { return Result<std::string>(*bytes); }, false});
  }
  for (const auto& asset : a.assets) {
    std::string source = a.content_dir + "/" + asset.source_path;
    out.push_back({asset.output_path, [&fs, source] { return fs.read_file(source); }, false});
  }
  std::vector<std::string> listed;
  for (const auto& o : out)
    if (o.page) listed.push_back(o.path);
  out.push_back({std::string(site_path::kSitemap),
                 [&a, listed] { return Result<std::string>(sitemap_xml(a.settings, listed)); },
                 false});
  return out;
}

Status render_site(const Archive& archive, const Theme& theme, const FileSystem& fs,
                   SiteWriter& writer, int jobs, bool progress) {
  PageRenderer pages(archive, theme);
  std::vector<SiteOutput> outputs = site_outputs(archive, pages, theme, fs);
  std::mutex mutex;
  Status failure = Status::ok();
  Progress bar("render", outputs.size(), progress);
  parallel_for(
      outputs.size(), jobs,
      [&](size_t i) {
        Result<std::string> data = outputs[i].make();
        Status s = data.is_ok() ? writer.write(outputs[i].path, data.value()) : data.status();
        if (!s.is_ok()) {
          std::lock_guard lock(mutex);
          if (failure.is_ok()) failure = s;
        }
      },
      &bar);
  return failure;
}

}  // namespace dossier

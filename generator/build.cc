// The build driver: stages in order, each timed.
#include "build.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <ostream>
#include <thread>

#include "base/parallel.h"
#include "base/site_paths.h"
#include "index/search_docs.h"
#include "index/static_index.h"
#include "index/xapian_writer.h"
#include "link/linker.h"
#include "load/content_files.h"
#include "parse/registry_parser.h"
#include "parse/report_parser.h"
#include "publish/site_writer.h"
#include "render/site_renderer.h"
#include "render/theme.h"

namespace dossier {

namespace {

class StageTimer {
 public:
  StageTimer(std::vector<StageTime>* times, std::string stage)
      : times_(times), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
  ~StageTimer() {
    if (!times_) return;
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start_;
    times_->push_back({stage_, d.count()});
  }

 private:
  std::vector<StageTime>* times_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
};

// Parses each file of `paths` with `parse` on all cores, in order. A
// thread of its own asks for the files ahead of the parsers: on a cold
// disk they had spent a fifth of their time waiting for one file at a time.
template <typename T, typename Parse>
std::vector<T> parse_all(const FileSystem& fs, const ContentFiles& files,
                         const std::vector<std::string>& paths, const BuildOptions& options,
                         Diagnostics& diags, Parse parse) {
  std::vector<std::optional<T>> slots(paths.size());
  Progress bar("parse", paths.size(), options.progress);
  std::jthread ahead([&](std::stop_token stop) {
    for (size_t i = 0; i < paths.size() && !stop.stop_requested(); ++i)
      fs.prefetch(files.display_path(paths[i]));
  });
  parallel_for(
      paths.size(), resolve_jobs(options.jobs),
      [&](size_t i) {
        if (auto src = read_source(fs, files, paths[i], diags))
          slots[i] = parse(std::move(src), file_stem(paths[i]), diags);
      },
      &bar);
  std::vector<T> out;
  for (auto& s : slots)
    if (s) out.push_back(std::move(*s));
  return out;
}

// Parses the bodies of registry entries, each shown on page(slug).
template <typename Entry>
void parse_bodies(std::vector<Entry>& entries, std::string (*page)(std::string_view),
                  const RegulationLookup& regulation, const BuildOptions& options,
                  Diagnostics& diags) {
  parallel_for(entries.size(), resolve_jobs(options.jobs), [&](size_t i) {
    parse_registry_body(entries[i], page(entries[i].slug), regulation, diags);
  });
}

std::vector<Asset> plan_assets(const ContentFiles& files, Diagnostics& diags) {
  std::vector<Asset> assets;
  std::map<std::string, std::string> taken;  // output path -> source
  for (const auto& rel : files.assets) {
    Asset a{rel, site_path::asset(rel)};
    if (Status s = check_output_path(a.output_path); !s.is_ok()) {
      diags.error(files.display_path(rel), {1, 1}, "path", s.message());
      continue;
    }
    auto [it, fresh] = taken.emplace(a.output_path, rel);
    if (!fresh) {
      diags.error(files.display_path(rel), {1, 1}, "path",
                  "is published as " + a.output_path + ", like " + files.display_path(it->second) +
                      ": rename one of them");
      continue;
    }
    assets.push_back(std::move(a));
  }
  return assets;
}

// The output folder may not hold the content, nor sit inside it.
Status check_folders(const BuildOptions& o) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto abs = [&](const std::string& p) {
    return fs::weakly_canonical(fs::absolute(p), ec).lexically_normal();
  };
  std::string content = abs(o.content_dir).string() + "/",
              output = abs(o.output_dir).string() + "/";
  if (output.starts_with(content) || content.starts_with(output))
    return Status::error("the output folder " + o.output_dir + " and the content folder " +
                         o.content_dir + " must not contain each other");
  return Status::ok();
}

void print_times(const std::vector<StageTime>& times, std::ostream& err) {
  for (const auto& t : times)
    err << "  " << t.stage << ": " << static_cast<int>(t.seconds * 1000 + 0.5) << " ms\n";
}

}  // namespace

Archive load_archive(const FileSystem& fs, const BuildOptions& options, Diagnostics& diags,
                     std::vector<StageTime>* times) {
  Archive a;
  ContentFiles files;
  {
    StageTimer t(times, "load");
    files = list_content(fs, options.content_dir, diags);
    a.content_dir = files.root;
  }
  {
    StageTimer t(times, "parse");
    if (files.has_site_yaml)
      if (auto src = read_source(fs, files, "site.yaml", diags))
        a.settings = parse_site_settings(*src, diags);
    a.regulations =
        parse_all<Regulation>(fs, files, files.regulations, options, diags, parse_regulation);
    a.units = parse_all<Unit>(fs, files, files.units, options, diags, parse_unit);
    a.topics = parse_all<Topic>(fs, files, files.topics, options, diags, parse_topic);
    // Bodies link their 《…》 citations to the regulations parsed above.
    RegulationLookup regulation = RegulationNames(a.regulations);
    parse_bodies(a.regulations, site_path::regulation, regulation, options, diags);
    parse_bodies(a.units, site_path::unit, regulation, options, diags);
    parse_bodies(a.topics, site_path::topic, regulation, options, diags);
    a.reports = parse_all<Report>(
        fs, files, files.reports, options, diags,
        [&](std::shared_ptr<const SourceText> src, std::string id, Diagnostics& d) {
          return parse_report(std::move(src), std::move(id), regulation, d);
        });
    a.assets = plan_assets(files, diags);
  }
  {
    StageTimer t(times, "link");
    a.today = a.settings.as_of.value_or(today());
    link_archive(a, diags, resolve_jobs(options.jobs));
  }
  return a;
}

int run_check(const FileSystem& fs, const BuildOptions& options, bool json, std::ostream& out) {
  Diagnostics diags;
  load_archive(fs, options, diags, nullptr);
  if (options.strict) diags.promote_warnings();
  if (json) {
    diags.print_json(out);
  } else {
    diags.print_text(out, true);
    out << diags.summary(true) << '\n';
  }
  return diags.has_errors() ? kExitContent : kExitOk;
}

int run_build(const FileSystem& fs, const BuildOptions& options, std::ostream& err) {
  std::vector<StageTime> times;
  Diagnostics diags;
  diags.count_notes_only();  // build lists errors and warnings; `check` lists notes
  if (Status s = check_folders(options); !s.is_ok()) {
    err << "dossier: " << s.message() << '\n';
    return kExitUsage;
  }
  Archive archive = load_archive(fs, options, diags, &times);
  if (options.strict) diags.promote_warnings();
  if (diags.count(Severity::kError) + diags.count(Severity::kWarning) > 0) {
    diags.print_text(err, false);
    err << diags.summary(false) << '\n';
  }
  if (diags.has_errors()) {
    err << "build failed: " << options.output_dir << " was left as it was\n";
    return kExitContent;
  }
  archive.release_sources();

  auto theme = Theme::load(options.theme_dir);
  if (!theme.is_ok()) {
    err << "dossier: " << theme.status().message() << '\n';
    return kExitUsage;
  }
  auto writer = SiteWriter::create(options.output_dir);
  if (!writer.is_ok()) {
    err << "dossier: " << writer.status().message() << '\n';
    return kExitInternal;
  }
  {
    StageTimer t(&times, "render");
    if (Status s = render_site(archive, theme.value(), fs, *writer.value(),
                               resolve_jobs(options.jobs), options.progress);
        !s.is_ok()) {
      err << "dossier: " << s.message() << "\nbuild failed: " << options.output_dir
          << " was left as it was\n";
      return kExitInternal;
    }
  }
  archive.release_report_html();
  {
    std::vector<SearchDoc> docs;
    Status s = Status::ok();
    {
      StageTimer t(&times, "index: documents");
      docs = collect_search_docs(archive, resolve_jobs(options.jobs));
    }
    // The Xapian shards are compacted on one core while the browser index
    // is written on all.
    std::future<Status> xapian;
    {
      StageTimer t(&times, "index: xapian");
      xapian = write_xapian_index(archive, docs, *writer.value(), resolve_jobs(options.jobs));
    }
    if (xapian.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
      s = xapian.get();  // failed before compacting, or had nothing to compact
    if (s.is_ok()) {
      StageTimer t(&times, "index: browser");
      s = write_static_index(archive, docs, *writer.value(), resolve_jobs(options.jobs));
    }
    if (xapian.valid()) {
      StageTimer t(&times, "index: xapian compaction, what is left");
      if (Status compacted = xapian.get(); s.is_ok()) s = compacted;
    }
    if (!s.is_ok()) {
      err << "dossier: " << s.message() << "\nbuild failed: " << options.output_dir
          << " was left as it was\n";
      return kExitInternal;
    }
  }
  {
    StageTimer t(&times, "publish");
    if (Status s = writer.value()->commit(); !s.is_ok()) {
      err << "dossier: " << s.message() << '\n';
      return kExitInternal;
    }
  }
  if (options.timings) print_times(times, err);
  return kExitOk;
}

}  // namespace dossier

// dossier's command line (SPEC §3): parses arguments with CLI11, runs one
// command, returns its exit code.
#include <iostream>

#include <CLI/CLI.hpp>
#ifdef DOSSIER_MIMALLOC
#include <mimalloc.h>
#endif

#include "base/file_system.h"
#include "build.h"
#include "import/importer.h"
#include "import/new_report.h"
#include "publish/publisher.h"
#include "publish/verifier.h"
#include "search/search_output.h"
#include "search/searcher.h"
#include "serve/server.h"

namespace {

int run_search(const std::string& site_dir, const dossier::SearchRequest& request, bool json) {
  using namespace dossier;
  auto searcher = Searcher::open(site_dir);
  if (!searcher.is_ok()) {
    std::cerr << "dossier: " << searcher.status().message() << '\n';
    return kExitInternal;
  }
  SearchQueryError query_error;
  auto response = searcher.value()->search(request, &query_error);
  if (!response.is_ok()) {
    std::cerr << "dossier: " << response.status().message() << '\n';
    return query_error.message.empty() ? kExitInternal : kExitUsage;
  }
  if (json) {
    std::cout << search_json(request, response.value());
  } else {
    print_search_text(request, response.value(), std::cout);
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dossier;
  CLI::App app{"dossier: a static-site generator for compliance archives"};
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
  app.require_subcommand(1);

  BuildOptions options;
  auto content_arg = [&](CLI::App* cmd) {
    cmd->add_option("CONTENT", options.content_dir, "content folder")->capture_default_str();
  };

  CLI::App* build = app.add_subcommand("build", "check the content and write the site");
  content_arg(build);
  build->add_option("-o,--output", options.output_dir, "site folder")->capture_default_str();
  build->add_option("--theme", options.theme_dir, "theme folder overriding the built-in theme");
  build->add_flag("--strict", options.strict, "treat warnings as errors");
  build->add_option("--jobs,-j", options.jobs, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  build->add_flag("--timings", options.timings, "print the time each stage took");

  std::string format = "text";
  CLI::App* check = app.add_subcommand("check", "run every check without writing anything");
  content_arg(check);
  check->add_option("--format", format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  check->add_flag("--strict", options.strict, "treat warnings as errors");
  check->add_option("--jobs,-j", options.jobs, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));

  SearchRequest search;
  std::vector<std::string> search_words;
  std::string site_dir = "site", sort = "relevance";
  bool search_json_output = false;
  CLI::App* search_cmd = app.add_subcommand("search", "search the archive of a built site");
  search_cmd->add_option("QUERY", search_words, "words that must all occur")->required();
  search_cmd->add_option("-d,--site", site_dir, "site folder")->capture_default_str();
  search_cmd->add_option("--unit", search.units,
                         "only this unit (and its subordinate units); repeat for any of several");
  search_cmd->add_option("--topic", search.topics, "only this topic; repeat for any of several");
  search_cmd->add_option("--year", search.years, "only this year; repeat for any of several");
  search_cmd->add_option("--kind", search.kinds,
                         "only this kind of report; repeat for any of several");
  search_cmd->add_option("--type", search.types,
                         "report, issue or measure; repeat for any of several");
  search_cmd->add_option("--regulation", search.regulations,
                         "only what cites this regulation; repeat for any of several");
  search_cmd->add_option("--limit", search.limit, "results to show")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000000));
  search_cmd->add_option("--offset", search.offset, "results to skip")
      ->check(CLI::Range(0, 100000000));
  search_cmd->add_option("--sort", sort, "relevance or date")
      ->check(CLI::IsMember({"relevance", "date"}))
      ->capture_default_str();
  search_cmd->add_flag("--json", search_json_output, "print JSON with facet counts");

  ServeOptions serve;
  CLI::App* serve_cmd =
      app.add_subcommand("serve", "serve the built site and its search API over HTTP");
  serve_cmd->add_option("-d,--site", serve.site_dir, "site folder")->capture_default_str();
  serve_cmd->add_option("--bind", serve.bind, "address to listen on; 0.0.0.0 for the local network")
      ->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "port; 0 for any free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));

  PublishOptions publish;
  CLI::App* publish_cmd = app.add_subcommand(
      "publish", "copy the built site to a folder (a share), only the files that changed");
  publish_cmd->add_option("-d,--site", publish.site_dir, "site folder")->capture_default_str();
  publish_cmd->add_option("--to", publish.target_dir, "folder to publish into")->required();
  publish_cmd->add_flag("--force", publish.force,
                        "publish into a non-empty folder that is not a dossier site");

  std::string verify_dir;
  bool verify_json_output = false;
  CLI::App* verify_cmd =
      app.add_subcommand("verify", "compare a published folder with its manifest.json");
  verify_cmd->add_option("DIR", verify_dir, "published folder")->required();
  verify_cmd->add_flag("--json", verify_json_output, "print the result as JSON");

  ImportOptions import;
  CLI::App* import_cmd =
      app.add_subcommand("import", "turn .txt and .docx reports into content files");
  import_cmd->add_option("FILE", import.inputs, "report files, or folders of them")->required();
  import_cmd->add_option("--into", import.content_dir, "content folder")->capture_default_str();
  import_cmd->add_option("--unit", import.unit, "the reports' unit (else found in the text)");
  import_cmd->add_option("--date", import.date, "the reports' date, YYYY-MM-DD (else found)");

  NewReportOptions new_report;
  std::string new_what;
  CLI::App* new_cmd = app.add_subcommand("new", "write a report skeleton to fill in");
  new_cmd->add_option("WHAT", new_what, "what to create: report")
      ->required()
      ->check(CLI::IsMember({"report"}));
  new_cmd->add_option("--unit", new_report.unit, "the report's unit");
  new_cmd->add_option("--title", new_report.title, "the report's title");
  new_cmd->add_option("--into", new_report.content_dir, "content folder")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  RealFileSystem fs;
  try {
    if (*build) {
#ifdef DOSSIER_MIMALLOC
      // A build frees and allocates again hundreds of megabytes (Xapian's
      // inverter, one shard after another): kept mapped, they are not
      // faulted in again (docs/performance.md).
      mi_option_disable(mi_option_allow_decommit);
#endif
      return run_build(fs, options, std::cerr);
    }
    if (*check) {
      options.progress = false;
      return run_check(fs, options, format == "json", std::cout);
    }
    if (*search_cmd) {
      for (const auto& w : search_words) search.query += (search.query.empty() ? "" : " ") + w;
      search.sort_by_date = sort == "date";
      return run_search(site_dir, search, search_json_output);
    }
    if (*serve_cmd) return run_serve(serve, std::cout, std::cerr);
    if (*publish_cmd) return run_publish(publish, std::cout, std::cerr);
    if (*import_cmd) return run_import(import, std::cout, std::cerr);
    if (*new_cmd) return run_new_report(new_report, std::cout, std::cerr);
    if (*verify_cmd) return run_verify(verify_dir, verify_json_output, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "dossier: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
  return kExitUsage;
}

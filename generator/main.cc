// dossier's command line (SPEC §3): parses arguments with CLI11, runs one
// command, returns its exit code.
#include <iostream>

#include <CLI/CLI.hpp>

#include "base/file_system.h"
#include "build.h"

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  RealFileSystem fs;
  try {
    if (*build) return run_build(fs, options, std::cerr);
    if (*check) {
      options.progress = false;
      return run_check(fs, options, format == "json", std::cout);
    }
  } catch (const std::exception& e) {
    std::cerr << "dossier: internal error: " << e.what() << '\n';
    return kExitInternal;
  }
  return kExitUsage;
}

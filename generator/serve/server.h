// `dossier serve` (SPEC §3): the built site and its search API over HTTP
// (cpp-httplib), for this computer or, when asked, the local network.
// Follows rebuilds without a restart (serve/site_generation.h), writes an
// access log in the Common Log Format, stops cleanly on SIGINT or SIGTERM.
#pragma once

#include <iosfwd>
#include <string>

namespace dossier {

struct ServeOptions {
  std::string site_dir = "site";
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (the start line says which)
};

// Serves until SIGINT or SIGTERM; returns the exit code. The start line and
// problems go to `err`, the access log to `log`.
int run_serve(const ServeOptions& options, std::ostream& log, std::ostream& err);

}  // namespace dossier

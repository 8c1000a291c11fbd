// `dossier serve` as a child process for end-to-end tests: started on a
// free loopback port (read from its start line), stopped with a signal, its
// access log and messages read from files.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "e2e/harness.h"

namespace dossier::e2e {

class ServeProcess {
 public:
  // Starts `dossier serve -d SITE --port 0 EXTRA...` and waits for its start
  // line (fails the test if it does not come within 10 s).
  ServeProcess(const fs::path& site, const std::vector<std::string>& extra = {});
  ~ServeProcess();  // SIGKILL if still running

  int port() const { return port_; }
  const std::string& host() const { return host_; }
  // Sends `signal` and waits: the exit code (128 + signal if killed by it).
  int stop(int signal);
  std::string access_log() const;  // stdout
  std::string messages() const;    // stderr

 private:
  TempDir io_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string host_;
};

// Sends `request` bytes as they are on a new connection to 127.0.0.1:port and
// returns the server's answer: one whole response, or what came before it
// closed (or 5 s passed).
std::string raw_http(int port, const std::string& request);

}  // namespace dossier::e2e

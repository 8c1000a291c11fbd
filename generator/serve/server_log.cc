// The server's log lines (serve/server_log.h).
#include "serve/server_log.h"

#include <cstdio>
#include <ctime>

namespace dossier {

std::string log_safe(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string access_log_line(const httplib::Request& req, const httplib::Response& res) {
  time_t now = time(nullptr);
  struct tm tm {};
  gmtime_r(&now, &tm);
  char when[64];
  strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
  // What the answer said it sends: a range's length, not its file's.
  std::string bytes = res.get_header_value("Content-Length");
  if (bytes.empty() || bytes == "0") bytes = "-";
  std::string host = req.remote_addr.empty() ? "-" : req.remote_addr;
  return host + " - - [" + when + "] \"" +
         log_safe(req.method + " " + req.target + " " + req.version) + "\" " +
         std::to_string(res.status) + " " + bytes + "\n";
}

}  // namespace dossier

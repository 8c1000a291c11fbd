// The server's log lines: one per request in the access log (common log
// format), with whatever a client sent escaped so that it cannot forge a
// line.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

namespace dossier {

// `text` with control characters, quotes and backslashes as \xNN.
std::string log_safe(std::string_view text);

// host - - [22/Nov/2026:19:30:00 +0000] "GET / HTTP/1.1" 200 5120, and a
// newline. The host is "-" when the request line was too broken for the
// library to fill it.
std::string access_log_line(const httplib::Request& req, const httplib::Response& res);

}  // namespace dossier

// The access log's lines (serve/server_log.h): what a client sent cannot
// forge a line, and a request too broken to read still gets one.
#include "serve/server_log.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(ServerLog, AccessLogLineEscapesWhatTheClientSent) {
  httplib::Request req;
  req.method = "GET";
  req.target = "/a\"b\\c\r\nforged";
  req.version = "HTTP/1.1";
  req.remote_addr = "10.0.0.7";
  httplib::Response res;
  res.status = 404;
  res.set_header("Content-Length", "120");
  std::string line = access_log_line(req, res);
  EXPECT_TRUE(line.starts_with("10.0.0.7 - - [")) << line;
  EXPECT_TRUE(line.ends_with("] \"GET /a\\x22b\\x5cc\\x0d\\x0aforged HTTP/1.1\" 404 120\n"))
      << line;
  EXPECT_EQ(line.find('\n'), line.size() - 1);
}

TEST(ServerLog, AccessLogLineOfABrokenRequest) {
  httplib::Response res;
  res.status = 400;
  std::string line = access_log_line(httplib::Request(), res);
  EXPECT_TRUE(line.starts_with("- - - [")) << line;
  EXPECT_TRUE(line.ends_with("] \"  \" 400 -\n")) << line;
}

}  // namespace
}  // namespace dossier

// A request whose handler threw (serve/handler_error.h): the client gets a
// plain 500 and nothing of the exception; the error log gets the request
// and the exception's text, on one line.
#include "serve/handler_error.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace dossier {
namespace {

httplib::Request request(const std::string& target) {
  httplib::Request req;
  req.method = "GET";
  req.target = target;
  return req;
}

TEST(HandlerError, ClientGetsAPlain500AndNotTheExceptionsText) {
  httplib::Response res;
  res.status = 200;  // what the handler had begun to answer
  res.set_header("ETag", "\"abc\"");
  res.set_content_provider(10, "application/json",
                           [](size_t, size_t, httplib::DataSink&) { return true; });
  answer_handler_error(request("/api/search?q=x"), res,
                       std::make_exception_ptr(std::runtime_error("secret: /srv/archive/db")));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body, "internal error: the server's log says more\n");
  EXPECT_EQ(res.get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_FALSE(res.has_header("ETag"));
  EXPECT_FALSE(res.content_provider_);
  for (const auto& [name, value] : res.headers) {
    EXPECT_EQ(value.find("secret"), std::string::npos) << name;
    EXPECT_NE(name, "EXCEPTION_WHAT");
  }
}

TEST(HandlerError, LogLineNamesTheRequestAndTheException) {
  httplib::Response res;
  std::string line =
      answer_handler_error(request("/api/search?q=\x1b[2J"), res,
                           std::make_exception_ptr(std::runtime_error("bad value\nforged line")));
  EXPECT_EQ(line,
            "dossier: internal error answering \"GET /api/search?q=\\x1b[2J\": "
            "bad value\\x0aforged line\n");
}

TEST(HandlerError, AnythingThrownIsAnswered) {
  httplib::Response res;
  std::string line = answer_handler_error(request("/"), res, std::make_exception_ptr(42));
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(line,
            "dossier: internal error answering \"GET /\": an exception that is not a "
            "std::exception\n");
}

}  // namespace
}  // namespace dossier

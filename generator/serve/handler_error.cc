// The answer to a request whose handler threw (serve/handler_error.h).
#include "serve/handler_error.h"

#include "serve/server_log.h"

namespace dossier {

std::string answer_handler_error(const httplib::Request& req, httplib::Response& res,
                                 std::exception_ptr thrown) {
  std::string what = "an exception that is not a std::exception";
  try {
    if (thrown) std::rethrow_exception(thrown);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  res = httplib::Response();  // what the handler had set, a body provider too, goes
  res.status = 500;
  res.set_content("internal error: the server's log says more\n", "text/plain; charset=utf-8");
  return "dossier: internal error answering \"" + log_safe(req.method + " " + req.target) +
         "\": " + log_safe(what) + "\n";
}

}  // namespace dossier

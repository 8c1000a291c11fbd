// The HTTP server: routes, limits, the access log, start and stop.
#include "serve/server.h"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <ostream>
#include <thread>

#include <httplib.h>

#include "build.h"
#include "serve/byte_ranges.h"
#include "serve/gzip_cache.h"
#include "serve/handler_error.h"
#include "serve/search_api.h"
#include "serve/server_log.h"
#include "serve/site_file.h"
#include "serve/static_files.h"

namespace dossier {

namespace {

constexpr size_t kThreads = 64;            // keep-alive connections each hold one
constexpr size_t kMaxRequestBody = 65536;  // GET and HEAD carry none

// Answers from the live site, once more from the new generation when a
// rebuild swapped it in while the answer was being made (the old one's
// files may be gone by then).
template <typename Answer, typename F>
bool answer_live(LiveSite& live, httplib::Response& res, F&& make, Answer* answer) {
  auto site = live.current();
  if (!site.is_ok()) {
    res.status = 503;
    res.set_content("the site cannot be read: " + site.status().message() + "\n",
                    "text/plain; charset=utf-8");
    return false;
  }
  *answer = make(*site.value());
  if (answer->status == 404 || answer->status == 503) {
    auto now = live.current();
    if (now.is_ok() && now.value() != site.value()) *answer = make(*now.value());
  }
  return true;
}

bool compressible(const std::string& type) {
  return type.starts_with("text/") || type == "application/json" || type == "application/xml" ||
         type == "image/svg+xml";
}

// Whether an Accept-Encoding header admits gzip ("gzip", "gzip;q=0.5", not
// "gzip;q=0").
bool accepts_gzip(const std::string& header) {
  for (size_t start = 0; start < header.size();) {
    size_t comma = header.find(',', start);
    if (comma == std::string::npos) comma = header.size();
    std::string item = header.substr(start, comma - start);
    item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
    if (item == "gzip" || item == "*" ||
        (item.starts_with("gzip;q=") && std::strtod(item.c_str() + 7, nullptr) > 0))
      return true;
    start = comma + 1;
  }
  return false;
}

// Sends `bytes` as they are, through a provider: the library would compress
// a body (set_content) itself at every request, by its own rules: brotli
// when the client takes it, which took 20 to 40 ms for a search answer.
void send_bytes(httplib::Response& res, std::shared_ptr<const std::string> bytes,
                const std::string& type) {
  if (bytes->empty()) {  // a provider of nothing would be asked forever
    res.set_header("Content-Type", type);
    return;
  }
  res.set_content_provider(bytes->size(), type,
                           [bytes](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(bytes->data() + offset, length);
                           });
}

// Sends `file` read in chunks as the library writes them, at the offset it
// asks for: a HEAD reads nothing, and a large file is never held whole.
void send_file(httplib::Response& res, std::shared_ptr<const SiteFile> file,
               const std::string& type) {
  if (file->size() == 0) return send_bytes(res, std::make_shared<const std::string>(), type);
  res.set_content_provider(
      file->size(), type, [file](size_t offset, size_t length, httplib::DataSink& sink) {
        char buffer[65536];
        ssize_t n = file->read_at(offset, buffer, std::min(length, sizeof buffer));
        return n > 0 && sink.write(buffer, static_cast<size_t>(n));
      });
}

// Sends an answer made for this request (a search's JSON, the not-found
// page): gzipped when the client accepts it, whole whatever range it asks.
void send_answer(const httplib::Request& req, httplib::Response& res, std::string body,
                 const std::string& type) {
  const_cast<httplib::Request&>(req).ranges.clear();  // not const: see serve_file
  res.set_header("Vary", "Accept-Encoding");
  if (accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    if (std::string zipped = gzip(body); !zipped.empty()) {
      res.set_header("Content-Encoding", "gzip");
      body = std::move(zipped);
    }
  }
  send_bytes(res, std::make_shared<const std::string>(std::move(body)), type);
}

// The gzip copy of `file` whose ETag is `etag`: from the cache, else read,
// compressed and kept; null if the file cannot be read.
std::shared_ptr<const std::string> gzip_copy(GzipCache& gzip_cache, const std::string& etag,
                                             const SiteFile& file) {
  if (auto cached = gzip_cache.find(etag)) return cached;
  std::string text;
  return file.read_all(&text) ? gzip_cache.get(etag, text) : nullptr;
}

void serve_file(LiveSite& live, GzipCache& gzip_cache, const httplib::Request& req,
                httplib::Response& res) {
  FileRequest request{req.path, req.get_header_value("If-None-Match"),
                      req.get_header_value("If-Modified-Since")};
  FileAnswer a;
  if (!answer_live(
          live, res, [&](SiteGeneration& g) { return answer_file(g, request); }, &a))
    return;
  res.status = a.status;
  if (!a.last_modified.empty()) res.set_header("Last-Modified", a.last_modified);
  if (!a.location.empty()) res.set_header("Location", a.location);
  res.set_header("X-Content-Type-Options", "nosniff");
  if (a.status == 404) send_answer(req, res, std::move(a.body), a.content_type);
  if (a.status != 200) return;
  std::shared_ptr<const std::string> zipped;
  if (compressible(a.content_type)) {
    res.set_header("Vary", "Accept-Encoding");
    if (accepts_gzip(req.get_header_value("Accept-Encoding")))
      zipped = gzip_copy(gzip_cache, a.etag, *a.file);
  }
  // The library sends the request's ranges as they are (byte_ranges.h):
  // they are fitted to the bytes sent first, or dropped when If-Range names
  // an older file. The request is the library's own object, not const; only
  // its handlers see it so.
  httplib::Ranges& ranges = const_cast<httplib::Request&>(req).ranges;
  std::string etag = zipped ? gzip_etag(a.etag) : a.etag;
  if (!if_range_holds(req.get_header_value("If-Range"), etag, a.last_modified)) ranges.clear();
  size_t size = zipped ? zipped->size() : a.file->size();
  switch (fit_ranges(ranges, size)) {
    case RangeFit::kWhole:
      break;
    case RangeFit::kPartial:
      res.status = 206;
      break;
    case RangeFit::kUnsatisfiable:
      res.status = 416;
      res.set_header("Content-Range", "bytes */" + std::to_string(size));
      return;
  }
  res.set_header("ETag", etag);
  if (!zipped) {
    send_file(res, std::move(a.file), a.content_type);
    return;
  }
  res.set_header("Content-Encoding", "gzip");
  send_bytes(res, std::move(zipped), a.content_type);
}

void serve_search(LiveSite& live, const httplib::Request& req, httplib::Response& res) {
  ApiAnswer a;
  if (!answer_live(
          live, res, [&](SiteGeneration& g) { return answer_search(g, req.params); }, &a))
    return;
  res.status = a.status;
  res.set_header("Cache-Control", "no-store");
  send_answer(req, res, std::move(a.json), content_type_for(".json"));
}

// The theme's search-api.js is empty as a file of the site; this server
// answers it with the theme's search-remote.js (the engine that asks the
// API) and the API's address (relative to the site's root), so the search
// page asks the API instead of loading the browser index. A page opened
// from a share or a plain web server loads neither.
void serve_search_api_script(LiveSite& live, const httplib::Request& req, httplib::Response& res) {
  std::string script;
  if (auto site = live.current(); site.is_ok()) {
    FileAnswer remote = answer_file(*site.value(), {"/theme/search-remote.js", "", ""});
    if (remote.status != 200 || !remote.file->read_all(&script)) script.clear();
  }
  res.set_header("Cache-Control", "no-store");
  script += "\nwindow.dossierSearchApi = \"api/search\";\n";
  send_answer(req, res, std::move(script), content_type_for(".js"));
}

void configure(httplib::Server& server, LiveSite& live, GzipCache& gzip_cache, std::ostream& log,
               std::ostream& err) {
  static std::mutex log_mutex;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_payload_max_length(kMaxRequestBody);
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(1000);
  // An answer goes out in two writes (headers, then the body): with Nagle's
  // algorithm the second waits for the client's delayed ACK, 40 ms.
  server.set_tcp_nodelay(true);
  server.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
    serve_search(live, req, res);
  });
  server.Get("/theme/search-api.js", [&](const httplib::Request& req, httplib::Response& res) {
    serve_search_api_script(live, req, res);
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    serve_file(live, gzip_cache, req, res);
  });
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("only GET and HEAD\n", "text/plain; charset=utf-8");
  };
  server.Post(".*", refuse);
  server.Put(".*", refuse);
  server.Patch(".*", refuse);
  server.Delete(".*", refuse);
  server.Options(".*", refuse);
  server.set_logger([&log](const httplib::Request& req, const httplib::Response& res) {
    std::string line = access_log_line(req, res);
    std::lock_guard lock(log_mutex);
    log << line << std::flush;
  });
  server.set_exception_handler(
      [&err](const httplib::Request& req, httplib::Response& res, std::exception_ptr thrown) {
        std::string line = answer_handler_error(req, res, thrown);
        std::lock_guard lock(log_mutex);
        err << line << std::flush;
      });
}

}  // namespace

int run_serve(const ServeOptions& options, std::ostream& log, std::ostream& err) {
  LiveSite live(options.site_dir);
  auto site = live.current();
  if (!site.is_ok()) {
    err << "dossier: " << site.status().message() << " (build the site first: dossier build)\n";
    return kExitInternal;
  }
  site.value()->prepare_search();  // the first search does not wait for the index
  // SIGINT and SIGTERM go to one thread that stops the server; blocked
  // before the server starts its threads, which inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  GzipCache gzip_cache;
  configure(server, live, gzip_cache, log, err);
  int port = options.port;
  bool bound = port == 0 ? (port = server.bind_to_any_port(options.bind)) > 0
                         : server.bind_to_port(options.bind, port);
  if (!bound) {
    err << "dossier: cannot listen on " << options.bind << ":" << options.port
        << " (in use, or not an address of this computer)\n";
    return kExitInternal;
  }
  bool lan = options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1";
  err << "dossier: serving " << options.site_dir << " at http://" << options.bind << ":" << port
      << "/\n"
      << (lan ? "dossier: open to the local network: anyone who can reach this computer can "
                "read the archive\n"
              : "dossier: this computer only (--bind 0.0.0.0 opens it to the local network)\n")
      << "dossier: Ctrl-C stops\n"
      << std::flush;

  std::atomic<bool> signalled = false;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    server.stop();
  });
  server.listen_after_bind();
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);  // it ended on its own
  stopper.join();
  err << "dossier: stopped\n";
  return kExitOk;
}

}  // namespace dossier

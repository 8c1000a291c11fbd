// `dossier serve` (SPEC §3, README "Serving on the local network"): the real
// server on a free loopback port, asked by a real HTTP client (cpp-httplib)
// and by raw requests: pages with their types, HEAD, 304, gzip, large and
// empty files, the search API against `dossier search --json`, what it
// refuses (paths out of the site, symbolic links, other methods, oversized
// requests), the access log, a clean stop, and a rebuild under load with no
// failed request.
#include <signal.h>

#include <atomic>
#include <set>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "e2e/search_sites.h"
#include "e2e/serve_process.h"

namespace dossier::e2e {
namespace {

using Json = nlohmann::json;

std::string manifest_sha(const fs::path& site, const std::string& path) {
  Json m = Json::parse(read_file(site / "manifest.json"));
  for (const auto& f : m["files"])
    if (f["path"] == path) return f["sha256"];
  return "";
}

// "PATH STATUS" of a Common Log Format line for a GET from 127.0.0.1
// ("127.0.0.1 - - [22/Nov/2026:19:30:00 +0000] \"GET /a HTTP/1.1\" 200 5120"),
// or "" if the line is not one.
std::string common_log_entry(const std::string& line) {
  const std::string start = "127.0.0.1 - - [";
  if (!line.starts_with(start) || line.size() < start.size() + 29) return "";
  std::string when = line.substr(start.size(), 26);  // 22/Nov/2026:19:30:00 +0000
  if (when[2] != '/' || when[6] != '/' || when[11] != ':' || !when.ends_with(" +0000")) return "";
  std::string rest = line.substr(start.size() + 26);
  if (!rest.starts_with("] \"GET ")) return "";
  size_t end = rest.find(" HTTP/1.1\" ");
  if (end == std::string::npos) return "";
  std::string path = rest.substr(7, end - 7);
  std::string status = rest.substr(end + 11, 3);
  std::string bytes = rest.substr(end + 15);
  bool number = !bytes.empty() && bytes.find_first_not_of("0123456789") == std::string::npos;
  if (rest[end + 14] != ' ' || (bytes != "-" && !number)) return "";
  return path + " " + status;
}

// `dossier search -d SITE --json ARGS...`, parsed.
Json cli_search(const fs::path& site, std::vector<std::string> args) {
  args.insert(args.begin(), {"search", "-d", site.string(), "--json"});
  RunResult r = run_dossier(site.parent_path(), args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out);
}

TEST(E2eServe, PagesWithTheirTypesFoldersAndNotFound) {
  const fs::path& site = sample_search_site().site;
  ServeProcess server(site);
  httplib::Client http("127.0.0.1", server.port());
  auto home = http.Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_EQ(home->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(home->body, read_file(site / "index.html"));
  auto css = http.Get("/ledger/ledger.csv");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(http.Get("/theme/style.css")->get_header_value("Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(http.Get("/sitemap.xml")->get_header_value("Content-Type"), "application/xml");
  // A folder's page is its index.html; without its '/', a redirect (the
  // page's relative links need it); a folder with no index.html is not listed.
  EXPECT_EQ(http.Get("/ledger/")->body, read_file(site / "ledger/index.html"));
  auto bare = http.Get("/ledger");
  EXPECT_EQ(bare->status, 301);
  EXPECT_EQ(bare->get_header_value("Location"), "/ledger/");
  auto listing = http.Get("/search/static/");
  EXPECT_EQ(listing->status, 404);
  // The site's 404 page, its root-relative links based at "/" so its style
  // sheet loads at any depth.
  std::string not_found = read_file(site / "404.html");
  not_found.insert(not_found.find("<head>") + 6, "\n<base href=\"/\">");
  EXPECT_EQ(listing->body, not_found);
  auto deep = http.Get("/reports/no-such-report/");
  EXPECT_EQ(deep->status, 404);
  EXPECT_TRUE(Contains(deep->body, "<head>\n<base href=\"/\">"));
  EXPECT_TRUE(Contains(deep->body, "href=\"theme/style.css\""));
}

TEST(E2eServe, HeadEtagsAndConditionalGets) {
  const fs::path& site = sample_search_site().site;
  ServeProcess server(site);
  httplib::Client http("127.0.0.1", server.port());
  auto get = http.Get("/ledger/");
  auto head = http.Head("/ledger/");
  ASSERT_TRUE(get && head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(get->body, read_file(site / "ledger/index.html"));
  EXPECT_EQ(head->get_header_value("Content-Length"), std::to_string(get->body.size()));
  // A HEAD asking for gzip: the gzip copy's length, and no body after the head.
  auto raw = [&](const std::string& method) {
    return raw_http(server.port(), method +
                                       " /ledger/ HTTP/1.1\r\nHost: x\r\nAccept-Encoding: "
                                       "gzip\r\nConnection: close\r\n\r\n");
  };
  std::string zipped = raw("GET"), zipped_head = raw("HEAD");
  ASSERT_TRUE(Contains(zipped_head, "Content-Encoding: gzip")) << zipped_head;
  EXPECT_TRUE(zipped_head.ends_with("\r\n\r\n")) << zipped_head;
  std::string zipped_body = zipped.substr(zipped.find("\r\n\r\n") + 4);
  EXPECT_TRUE(
      Contains(zipped_head, "Content-Length: " + std::to_string(zipped_body.size()) + "\r\n"))
      << zipped_head;
  // The ETag is the manifest's SHA-256: the same across builds while the
  // file does not change.
  std::string etag = get->get_header_value("ETag");
  EXPECT_EQ(etag, "\"" + manifest_sha(site, "ledger/index.html") + "\"");
  auto same = http.Get("/ledger/", {{"If-None-Match", etag}});
  EXPECT_EQ(same->status, 304);
  EXPECT_TRUE(same->body.empty());
  EXPECT_EQ(http.Get("/ledger/", {{"If-None-Match", "\"other\""}})->status, 200);
  std::string modified = get->get_header_value("Last-Modified");
  EXPECT_FALSE(modified.empty());
  EXPECT_EQ(http.Get("/ledger/", {{"If-Modified-Since", modified}})->status, 304);
  EXPECT_EQ(http.Get("/ledger/", {{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}})->status,
            200);
}

TEST(E2eServe, TextIsGzippedForClientsThatAskForIt) {
  const fs::path& site = sample_search_site().site;
  ServeProcess server(site);
  for (const char* path : {"/", "/theme/search-engine.js", "/api/search?q=%E6%95%B4%E6%94%B9"}) {
    std::string answer = raw_http(server.port(), std::string("GET ") + path +
                                                     " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: "
                                                     "gzip\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(Contains(answer, "Content-Encoding: gzip")) << path;
  }
  // What Chromium asks for: gzip too, for files and for answers made per
  // request (brotli, the library's choice for these, took 20 to 40 ms).
  for (const char* path : {"/", "/api/search?q=%E6%95%B4%E6%94%B9", "/no-such-page"}) {
    std::string answer = raw_http(server.port(), std::string("GET ") + path +
                                                     " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: "
                                                     "gzip, deflate, br, zstd\r\nConnection: "
                                                     "close\r\n\r\n");
    EXPECT_TRUE(Contains(answer, "Content-Encoding: gzip")) << path;
  }
  // A real client reads the gzip copy back as the file; its ETag is the
  // file's with "-gz", and a conditional GET with it is a 304.
  httplib::Client http("127.0.0.1", server.port());
  auto zipped = http.Get("/ledger/", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(zipped->body, read_file(site / "ledger/index.html"));
  std::string etag = zipped->get_header_value("ETag");
  EXPECT_EQ(etag, "\"" + manifest_sha(site, "ledger/index.html") + "-gz\"");
  EXPECT_EQ(http.Get("/ledger/", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}})->status,
            304);
  EXPECT_EQ(
      http.Get("/ledger/", {{"Accept-Encoding", "gzip;q=0"}})->get_header_value("Content-Encoding"),
      "");
  // A search answer reads back as the JSON sent to a client without gzip.
  auto search = http.Get("/api/search?q=%E6%95%B4%E6%94%B9", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(search);
  EXPECT_EQ(search->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(Json::parse(search->body), cli_search(site, {"整改"}));
  std::string plain =
      raw_http(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(plain.find("Content-Encoding"), std::string::npos);
  EXPECT_TRUE(Contains(plain, read_file(site / "index.html")));
}

// Files are sent as they are read, not held whole: a 3 MB file (binary,
// and text with and without gzip) comes back byte for byte, a range of it
// from its offset (206; one past the end 416; with an If-Range naming
// another file, the whole file), a HEAD with its length and no body; an
// empty file too.
TEST(E2eServe, LargeAndEmptyFilesComeBackWhole) {
  TempDir dir;
  fs::copy(sample_search_site().site, dir / "site", fs::copy_options::recursive);
  std::string binary(3 << 20, '\0');
  uint32_t state = 12345;
  for (char& c : binary) c = static_cast<char>((state = state * 1103515245 + 12345) >> 24);
  write_file(dir / "site/big.bin", binary);
  std::string text;
  for (int i = 0; text.size() < binary.size(); ++i)
    text += "第" + std::to_string(i) + "行，整改措施。\n";
  write_file(dir / "site/big.txt", text);
  write_file(dir / "site/empty.txt", "");
  ServeProcess server(dir / "site");
  httplib::Client http("127.0.0.1", server.port());
  auto big = http.Get("/big.bin");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 200);
  EXPECT_EQ(big->get_header_value("Content-Length"), std::to_string(binary.size()));
  EXPECT_TRUE(big->body == binary);  // not EXPECT_EQ: 3 MB in a failure message
  auto range = http.Get("/big.bin", {{"Range", "bytes=1000000-1000099"}});
  ASSERT_TRUE(range);
  EXPECT_EQ(range->status, 206);
  EXPECT_EQ(range->get_header_value("Content-Range"),
            "bytes 1000000-1000099/" + std::to_string(binary.size()));
  EXPECT_TRUE(range->body == binary.substr(1000000, 100));
  // A range running past the end stops there; one past it is refused.
  std::string end = std::to_string(binary.size() - 10) + "-";
  auto tail = http.Get("/big.bin", {{"Range", "bytes=" + end + "99999999"}});
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->status, 206);
  EXPECT_EQ(tail->get_header_value("Content-Length"), "10");
  EXPECT_TRUE(tail->body == binary.substr(binary.size() - 10));
  auto past = http.Get("/big.bin", {{"Range", "bytes=99999999-"}});
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 416);
  EXPECT_EQ(past->get_header_value("Content-Range"), "bytes */" + std::to_string(binary.size()));
  EXPECT_EQ(past->body, "");
  // A client resuming a download names the file it holds part of
  // (If-Range): the same file gives the range, another the whole file.
  auto resumed = http.Get("/big.bin", {{"Range", "bytes=1000000-1000099"},
                                       {"If-Range", big->get_header_value("ETag")}});
  ASSERT_TRUE(resumed);
  EXPECT_EQ(resumed->status, 206);
  EXPECT_TRUE(resumed->body == binary.substr(1000000, 100));
  auto changed =
      http.Get("/big.bin", {{"Range", "bytes=1000000-1000099"}, {"If-Range", "\"an-older-file\""}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->get_header_value("Content-Range"), "");
  EXPECT_TRUE(changed->body == binary);
  auto head = http.Head("/big.bin");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("Content-Length"), std::to_string(binary.size()));
  EXPECT_TRUE(head->body.empty());
  auto plain = http.Get("/big.txt");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_TRUE(plain->body == text);
  auto zipped = http.Get("/big.txt", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_TRUE(zipped->body == text);
  for (const char* encoding : {"identity", "gzip"}) {
    auto empty = http.Get("/empty.txt", {{"Accept-Encoding", encoding}});
    ASSERT_TRUE(empty) << encoding << ": " << httplib::to_string(empty.error());
    EXPECT_EQ(empty->status, 200);
    EXPECT_EQ(empty->body, "");
  }
  auto empty_plain = http.Get("/empty.txt");
  ASSERT_TRUE(empty_plain);
  EXPECT_EQ(empty_plain->get_header_value("Content-Length"), "0");
  EXPECT_EQ(empty_plain->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  // A request is logged after its answer is sent: stopped, the log is whole.
  EXPECT_EQ(server.stop(SIGTERM), 0);
  EXPECT_TRUE(Contains(server.access_log(), "\"GET /big.bin HTTP/1.1\" 206 100\n"))
      << "the log gives the bytes of the range";
}

TEST(E2eServe, SearchApiAnswersAsDossierSearchJson) {
  const fs::path& site = sample_search_site().site;
  ServeProcess server(site);
  httplib::Client http("127.0.0.1", server.port());
  auto api = [&](const std::string& query) {
    auto r = http.Get("/api/search?" + query);
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200) << query << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    return Json::parse(r->body);
  };
  std::string work = "q=%E5%B7%A5%E4%BD%9C";  // 工作
  EXPECT_EQ(api(work), cli_search(site, {"工作"}));
  EXPECT_EQ(api(work + "&page=2"), cli_search(site, {"--offset", "10", "工作"}));
  EXPECT_EQ(api(work + "&sort=date"), cli_search(site, {"--sort", "date", "工作"}));
  // OR within a facet, AND across facets.
  Json two_units = api(work + "&unit=paizhu-jijian-jianchazu&unit=shi-jiwei-jianwei&year=2022");
  EXPECT_EQ(two_units, cli_search(site, {"--unit", "paizhu-jijian-jianchazu", "--unit",
                                         "shi-jiwei-jianwei", "--year", "2022", "工作"}));
  EXPECT_GT(two_units["total"], 0);
  EXPECT_EQ(api(work + "&type=issue&type=measure&topic=zuofeng-jianshe"),
            cli_search(site, {"--type", "issue", "--type", "measure", "--topic", "zuofeng-jianshe",
                              "工作"}));
  // Words of three characters or more, checked in each document's text.
  Json long_words =
      api("q=%E5%85%A8%E9%9D%A2%E4%BB%8E%E4%B8%A5%E6%B2%BB%E5%85%9A%20%E8%B4%A3%E4%BB%BB"
          "&type=report&type=issue");  // 全面从严治党 责任
  EXPECT_EQ(long_words,
            cli_search(site, {"--type", "report", "--type", "issue", "全面从严治党 责任"}));
  EXPECT_GT(long_words["total"], 0);
  // Words of one character, checked in each document's text.
  Json party = api("q=%E5%85%9A");  // 党
  EXPECT_EQ(party, cli_search(site, {"党"}));
  EXPECT_GT(party["total"], 0);
  EXPECT_EQ(api("q=%E4%BC%9A%20%E5%85%9A"), cli_search(site, {"会 党"}));
  // The search page learns of the API from the theme's search-api.js, which
  // the site holds empty and the server answers with the engine that asks
  // the API (search-remote.js, which the page does not load itself) and the
  // API's address.
  auto marker = http.Get("/theme/search-api.js");
  ASSERT_TRUE(marker);
  EXPECT_EQ(marker->status, 200);
  std::string remote = read_file(site / "theme" / "search-remote.js");
  EXPECT_TRUE(Contains(remote, "createRemoteEngine"));
  EXPECT_EQ(marker->body, remote + "\nwindow.dossierSearchApi = \"api/search\";\n");
  EXPECT_EQ(read_file(site / "theme" / "search-api.js"), "");
  EXPECT_FALSE(Contains(read_file(site / "search" / "index.html"), "search-remote.js"));
  // What the user must change: a 400 with the reason, as JSON.
  for (const char* bad : {"q=%22%22", "", "q=a&page=0", "q=a&sort=size", "q=a&colour=red",
                          "q=%E4%BD", "q=a&unit=%FF", "q=a&sort=%FF", "q=a&%FF=1"}) {
    auto r = http.Get(std::string("/api/search?") + bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(Json::parse(r->body).contains("error")) << r->body;
  }
}

TEST(E2eServe, NothingOutsideTheSiteIsServed) {
  TempDir dir;
  fs::copy(sample_search_site().site, dir / "site", fs::copy_options::recursive);
  write_file(dir / "secret.txt", "TOP SECRET");
  fs::create_directory(dir / "private");
  write_file(dir / "private/notes.txt", "TOP SECRET");
  fs::create_symlink(dir / "private", dir / "site/linked-folder");
  fs::create_symlink(dir / "secret.txt", dir / "site/linked-file.txt");
  ServeProcess server(dir / "site");
  // The secret's absolute path, plain and encoded, is a path in the site.
  std::string absolute = (dir / "secret.txt").string();
  std::string encoded;
  for (char c : absolute) encoded += c == '/' ? std::string("%2F") : std::string(1, c);
  for (const std::string& target : std::vector<std::string>{
           absolute, "/" + encoded, "/../secret.txt", "/reports/../../secret.txt",
           "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
           "/reports/%2e%2e/%2e%2e/secret.txt", "//secret.txt", "/..\\secret.txt",
           "/%5c..%5csecret.txt", "/linked-folder/notes.txt", "/linked-file.txt",
           "/%00/../secret.txt", "http://127.0.0.1/../secret.txt", "/.staging/x"}) {
    std::string answer = raw_http(
        server.port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.find("TOP SECRET"), std::string::npos) << target;
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 4")) << target << ": " << answer.substr(0, 40);
  }
  httplib::Client http("127.0.0.1", server.port());
  EXPECT_EQ(http.Get("/")->status, 200);  // and it still serves the site
}

TEST(E2eServe, OnlyGetAndHeadAndBoundedRequests) {
  const fs::path& site = sample_search_site().site;
  ServeProcess server(site);
  httplib::Client http("127.0.0.1", server.port());
  auto post = http.Post("/", "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(http.Put("/index.html", "x", "text/plain")->status, 405);
  EXPECT_EQ(http.Delete("/index.html")->status, 405);
  EXPECT_EQ(read_file(site / "index.html").empty(), false);
  // A long URL, a huge header and a large body are refused, not read.
  std::string long_url = "GET /" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n";
  EXPECT_TRUE(raw_http(server.port(), long_url).starts_with("HTTP/1.1 4"));
  std::string huge_header =
      "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'b') + "\r\n\r\n";
  EXPECT_FALSE(raw_http(server.port(), huge_header).starts_with("HTTP/1.1 200"));
  std::string big_body =
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n" + std::string(200000, 'c');
  EXPECT_TRUE(raw_http(server.port(), big_body).starts_with("HTTP/1.1 413"));
  EXPECT_EQ(http.Get("/")->status, 200);
}

TEST(E2eServe, StartLineAccessLogAndCleanStop) {
  const fs::path& site = sample_search_site().site;
  {
    ServeProcess server(site);
    EXPECT_EQ(server.host(), "127.0.0.1");
    EXPECT_TRUE(Contains(server.messages(), "this computer only"));
    httplib::Client http("127.0.0.1", server.port());
    http.Get("/ledger/");
    http.Get("/nothing-here");
    http.Get("/api/search?q=%E5%B7%A5%E4%BD%9C&unit=wenlv");
    // A request line httplib cannot read: logged with "-" for the unknown host.
    EXPECT_TRUE(raw_http(server.port(), "BREW\r\n\r\n").starts_with("HTTP/1.1 400"));
    EXPECT_EQ(server.stop(SIGTERM), 0);
    EXPECT_TRUE(Contains(server.messages(), "dossier: stopped"));
    // One line per request (in the order they were answered, which
    // threads may swap): request, status, bytes.
    std::set<std::string> logged;
    for (const std::string& line : lines_of(server.access_log())) {
      if (line.starts_with("- - - [")) {
        EXPECT_TRUE(line.ends_with("\" 400 -")) << line;
        logged.insert("broken 400");
        continue;
      }
      std::string entry = common_log_entry(line);
      EXPECT_FALSE(entry.empty()) << line;
      logged.insert(entry);
    }
    EXPECT_EQ(logged, (std::set<std::string>{"/ledger/ 200", "/nothing-here 404",
                                             "/api/search?q=%E5%B7%A5%E4%BD%9C&unit=wenlv 200",
                                             "broken 400"}));
  }
  {
    ServeProcess lan(site, {"--bind", "0.0.0.0"});
    EXPECT_EQ(lan.host(), "0.0.0.0");
    EXPECT_TRUE(Contains(lan.messages(), "open to the local network"));
    EXPECT_EQ(lan.stop(SIGINT), 0);
  }
  RunResult none = run_dossier(site.parent_path(), {"serve", "-d", "no-such-site", "--port", "0"});
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(Contains(none.err, "build the site first"));
}

// Clients ask for pages and searches without pause while the site is
// rebuilt three times (each build swaps a new folder in): every answer is a
// 200, and the new report is found without a restart.
TEST(E2eServe, RebuildUnderLoadFailsNoRequest) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  ASSERT_EQ(run_dossier(dir.path(), {"build", "content", "-o", "site"}).exit_code, 0);
  ServeProcess server(dir / "site");
  std::atomic<bool> done = false;
  std::atomic<int> answered = 0, failed = 0;
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c)
    clients.emplace_back([&, c] {
      httplib::Client http("127.0.0.1", server.port());
      const char* paths[] = {"/api/search?q=%E6%95%B4%E6%94%B9&type=issue", "/ledger/",
                             "/api/search?q=%E5%B7%A5%E4%BD%9C&year=2023", "/"};
      for (int i = 0; !done; ++i) {
        std::string path = paths[(i + c) % 4];
        auto r = http.Get(path);
        ++answered;
        if (!r || r->status != 200) {
          ++failed;
          std::lock_guard lock(failures_mutex);
          failures.push_back(
              path + ": " +
              (r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error())));
        }
      }
    });
  for (int build = 0; build < 3; ++build) {
    write_file(dir / ("content/reports/2023/rebuild-" + std::to_string(build) + ".md"),
               "---\ntitle: 重建测试报告" + std::to_string(build) + "\ndate: 2023-06-0" +
                   std::to_string(build + 1) +
                   "\nunit: 市文化和旅游局\nkind: 工作汇报\n---\n\n重建期间的独特词语紫罗兰" +
                   std::to_string(build) + "。\n");
    RunResult r = run_dossier(dir.path(), {"build", "content", "-o", "site"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  done = true;
  for (auto& t : clients) t.join();
  EXPECT_GT(answered.load(), 20);
  EXPECT_EQ(failed.load(), 0) << (failures.empty() ? "" : failures[0]);
  httplib::Client http("127.0.0.1", server.port());
  Json found =
      Json::parse(http.Get("/api/search?q=%E7%B4%AB%E7%BD%97%E5%85%B02")->body);  // 紫罗兰2
  EXPECT_EQ(found["total"], 1) << found.dump();
}

}  // namespace
}  // namespace dossier::e2e

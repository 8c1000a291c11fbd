// The site's files over HTTP: path checks, opening beneath the site folder
// without following symbolic links, content types and conditional GET.
#include "serve/static_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

#include "base/site_paths.h"

namespace dossier {

namespace {

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// The parts of a URL path, or false when it may not be served: NUL or
// backslash, an empty part, or a part starting with '.' ("..", ".", hidden
// files). A trailing '/' (a folder's URL) leaves no empty part.
bool split_path(const std::string& path, std::vector<std::string>* parts) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
  size_t start = 1;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part.empty() || part[0] == '.') return false;
    parts->push_back(part);
    start = slash + 1;
  }
  return true;
}

// Opens `parts` beneath the folder `dir`, following no symbolic link: a
// link anywhere in the path is refused, so nothing outside can be reached.
Fd open_beneath(int dir, const std::vector<std::string>& parts) {
  Fd at(::dup(dir));
  for (const std::string& part : parts) {
    Fd next(open_in_site(at.get(), part));
    if (next.get() < 0) return Fd();
    at = std::move(next);
  }
  return at;
}

std::string etag_for(const SiteGeneration& site, const std::string& rel, const struct stat& st) {
  if (const std::string* sha = site.sha256(rel)) return "\"" + *sha + "\"";
  char text[64];
  std::snprintf(text, sizeof text, "\"%llx-%llx.%lx\"", static_cast<unsigned long long>(st.st_size),
                static_cast<unsigned long long>(st.st_mtim.tv_sec),
                static_cast<unsigned long>(st.st_mtim.tv_nsec));
  return text;
}

bool etag_matches(const std::string& header, const std::string& etag) {
  if (header == "*") return true;
  // A list of tags, weak or strong: compared weakly (RFC 7232 §3.2), the
  // gzip copy's tag as the file's.
  return header.find(etag) != std::string::npos ||
         header.find(gzip_etag(etag)) != std::string::npos;
}

FileAnswer not_found(const SiteGeneration& site) {
  FileAnswer a;
  a.status = 404;
  if (const std::string* page = site.not_found_page()) {
    a.body = *page;
    a.content_type = content_type_for(".html");
  } else {
    a.body = "404 Not Found\n";
    a.content_type = content_type_for(".txt");
  }
  return a;
}

}  // namespace

FileAnswer answer_file(const SiteGeneration& site, const FileRequest& request) {
  std::vector<std::string> parts;
  if (!split_path(request.path, &parts)) return not_found(site);
  Fd file = open_beneath(site.dir_fd(), parts);
  struct stat st {};
  if (file.get() < 0 || fstat(file.get(), &st) != 0) return not_found(site);
  std::string rel;
  for (const auto& p : parts) rel += (rel.empty() ? "" : "/") + p;
  if (S_ISDIR(st.st_mode)) {
    if (request.path.back() != '/') {  // relative links need the folder's '/'
      FileAnswer a;
      a.status = 301;
      a.location = request.path + "/";
      return a;
    }
    rel += (rel.empty() ? "" : "/") + std::string(site_path::kIndex);
    // No listing: the open folder's index.html or nothing.
    file = Fd(open_in_site(file.get(), std::string(site_path::kIndex)));
    if (file.get() < 0 || fstat(file.get(), &st) != 0) return not_found(site);
  }
  if (!S_ISREG(st.st_mode)) return not_found(site);

  FileAnswer a;
  a.content_type = content_type_for(rel);
  a.etag = etag_for(site, rel, st);
  a.last_modified = http_date(st.st_mtim.tv_sec);
  bool fresh = false;
  if (!request.if_none_match.empty()) {
    fresh = etag_matches(request.if_none_match, a.etag);
  } else if (!request.if_modified_since.empty()) {
    time_t since = parse_http_date(request.if_modified_since);
    fresh = since >= 0 && st.st_mtim.tv_sec <= since;
  }
  if (fresh) {
    a.status = 304;
    return a;
  }
  // Not read here: a gzip copy or a HEAD needs none of its bytes.
  a.file = std::make_shared<const SiteFile>(file.release(), static_cast<size_t>(st.st_size));
  a.status = 200;
  return a;
}

std::string gzip_etag(const std::string& etag) {
  return etag.substr(0, etag.size() - 1) + "-gz\"";
}

std::string content_type_for(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      // JSON and XML say their encoding themselves (RFC 8259; the XML
      // declaration), and the HTTP library compresses only these exact types.
      {".json", "application/json"},
      {".csv", "text/csv; charset=utf-8"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},
  };
  for (const auto& [ext, type] : kTypes)
    if (path.ends_with(ext)) return std::string(type);
  return "application/octet-stream";
}

std::string http_date(time_t t) {
  struct tm tm {};
  gmtime_r(&t, &tm);
  char text[64];
  strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

time_t parse_http_date(const std::string& text) {
  struct tm tm {};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return -1;
  return timegm(&tm);
}

}  // namespace dossier

// Answering a GET or HEAD for a file of the site: only files inside the
// site folder (no `..`, encoded or not, no symbolic link leading out, no
// folder listings), a folder's index.html, the content type with UTF-8 for
// text, and conditional requests (ETag from the manifest's SHA-256, else
// size and time; Last-Modified; 304 Not Modified). Independent of the HTTP
// library, so it is tested on its own.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "serve/site_file.h"
#include "serve/site_generation.h"

namespace dossier {

struct FileRequest {
  std::string path;  // the URL's path, percent-decoded, starting with '/'
  std::string if_none_match;
  std::string if_modified_since;
};

struct FileAnswer {
  int status = 404;                      // 200, 301 (location), 304 or 404
  std::shared_ptr<const SiteFile> file;  // 200: the file, open, not read
  std::string body;  // 404: the site's 404 page (SiteGeneration::not_found_page) or plain text
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string location;  // 301: the folder's URL with its '/'
};

FileAnswer answer_file(const SiteGeneration& site, const FileRequest& request);

// The ETag of a file's gzip copy: "<sha>" -> "<sha>-gz" (RFC 7232: each
// representation has its own).
std::string gzip_etag(const std::string& etag);

// "text/html; charset=utf-8" and the like, by the file name's extension.
std::string content_type_for(std::string_view path);

// RFC 7231 dates ("Sun, 22 Nov 2026 19:30:00 GMT"); parse gives -1 when the
// text is not one.
std::string http_date(time_t t);
time_t parse_http_date(const std::string& text);

}  // namespace dossier

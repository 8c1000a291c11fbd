// Compressed copies of the site's text files for clients that accept gzip,
// made once per content (keyed by its ETag, the manifest's SHA-256) instead
// of at every request: compressing a page costs more than serving it.
// Bounded: when full, it starts again empty. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier {

class GzipCache {
 public:
  explicit GzipCache(size_t max_bytes = size_t{64} << 20) : max_bytes_(max_bytes) {}

  // The gzip copy made for `etag` already, or null: asked first, so a file
  // is read only when its copy is not there yet.
  std::shared_ptr<const std::string> find(const std::string& etag);

  // The gzip of `body`, whose ETag is `etag` (from the manifest: the same
  // ETag is the same content).
  std::shared_ptr<const std::string> get(const std::string& etag, std::string_view body);

 private:
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;
};

// gzip (RFC 1952) of `data` at zlib's default level.
std::string gzip(std::string_view data);

}  // namespace dossier

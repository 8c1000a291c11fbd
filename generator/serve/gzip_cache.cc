// gzip with zlib, and the cache of compressed files.
#include "serve/gzip_cache.h"

#include <zlib.h>

namespace dossier {

std::string gzip(std::string_view data) {
  z_stream z{};
  // 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int result = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return result == Z_STREAM_END ? out : std::string();
}

std::shared_ptr<const std::string> GzipCache::find(const std::string& etag) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(etag);
  return it == entries_.end() ? nullptr : it->second;
}

std::shared_ptr<const std::string> GzipCache::get(const std::string& etag, std::string_view body) {
  if (auto cached = find(etag)) return cached;
  auto compressed = std::make_shared<const std::string>(gzip(body));
  if (compressed->empty()) return nullptr;
  std::lock_guard lock(mutex_);
  if (bytes_ + compressed->size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  if (entries_.emplace(etag, compressed).second) bytes_ += compressed->size();
  return compressed;
}

}  // namespace dossier

// Mapping the text pieces, and finding a document's text in them.
#include "search/text_store.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace dossier {

// One piece, mapped read-only.
class TextStore::Piece {
 public:
  Piece() = default;
  Piece(const Piece&) = delete;
  Piece& operator=(const Piece&) = delete;
  ~Piece() {
    if (data_ && size_ > 0) munmap(const_cast<char*>(data_), size_);
  }
  Status open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::error("cannot read " + path);
    struct stat st {};
    fstat(fd, &st);
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      void* p = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        return Status::error("cannot read " + path);
      }
      data_ = static_cast<const char*>(p);
    }
    ::close(fd);
    return Status::ok();
  }
  std::string_view view() const { return {data_ ? data_ : "", size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

TextStore::TextStore() = default;
TextStore::~TextStore() = default;

Status TextStore::open(const std::string& site_dir, std::string_view listing) {
  nlohmann::json pieces = nlohmann::json::parse(listing, nullptr, false);
  if (!pieces.is_array()) return Status::error("the search index's list of text pieces is damaged");
  size_t at = 0;
  for (const auto& entry : pieces) {
    if (!entry.is_array() || entry.size() != 2 || !entry[0].is_string() ||
        !entry[1].is_number_unsigned())
      return Status::error("the search index's list of text pieces is damaged");
    std::string path = (std::filesystem::path(site_dir) / entry[0].get<std::string>()).string();
    auto piece = std::make_unique<Piece>();
    if (Status s = piece->open(path); !s.is_ok()) return s;
    if (piece->view().size() != entry[1].get<size_t>())
      return Status::error(path + " is not the text piece the search index was written with: " +
                           "build the site again");
    starts_.push_back(at);
    at += piece->view().size();
    pieces_.push_back(std::move(piece));
  }
  return Status::ok();
}

bool DocText::contains(std::string_view word) const {
  return (has_head && dossier::contains(head, word)) || dossier::contains(body, word);
}

DocText TextStore::text(std::string_view range_value) const {
  const char* end = range_value.data() + range_value.size();
  size_t offset = 0, length = 0;
  auto [space, read] = std::from_chars(range_value.data(), end, offset);
  if (read != std::errc() || space == end || *space != ' ') return {};
  auto [rest, read_length] = std::from_chars(space + 1, end, length);
  if (read_length != std::errc() || (rest != end && *rest != ' ')) return {};
  auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  if (after == starts_.begin()) return {};
  size_t k = static_cast<size_t>(after - starts_.begin()) - 1;
  std::string_view piece = pieces_[k]->view();
  size_t within = offset - starts_[k];
  if (within > piece.size() || length > piece.size() - within) return {};
  DocText t;
  t.body = piece.substr(within, length);
  if (rest != end) {
    t.has_head = true;
    t.head = std::string_view(rest + 1, static_cast<size_t>(end - rest - 1));
  }
  return t;
}

}  // namespace dossier

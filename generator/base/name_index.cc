// NFKC-normalised name lookup.
#include "base/name_index.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace dossier {

std::string NameIndex::key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString normal = U_SUCCESS(status) ? nfkc->normalize(text, status) : text;
  if (U_FAILURE(status)) normal = text;
  std::string utf8, out;
  normal.toUTF8String(utf8);
  for (char c : utf8)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

int NameIndex::add(std::string_view name, int index) {
  std::string k = key(name);
  if (k.empty()) return -1;
  auto [it, fresh] = map_.emplace(std::move(k), index);
  if (fresh) exact_.emplace(name, index);
  return fresh || it->second == index ? -1 : it->second;
}

int NameIndex::find(std::string_view name) const {
  // Most names are written as registered: skip normalisation for them.
  if (auto it = exact_.find(std::string(name)); it != exact_.end()) return it->second;
  auto it = map_.find(key(name));
  return it == map_.end() ? -1 : it->second;
}

}  // namespace dossier

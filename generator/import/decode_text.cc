// Encoding detection: BOM first, then strict UTF-8, then a UTF-16 guess from
// the zero bytes, then ICU's charset detector (ucsdet) with GB18030 as the
// fallback for the legacy Chinese encodings (GB18030 is a superset of GBK
// and GB2312). The result must look like text, else the file is refused.
#include "import/decode_text.h"

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "base/text.h"

namespace dossier {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_valid_utf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// UTF-16 without BOM: Chinese and ASCII text in UTF-16 has many zero bytes,
// all on one side (high byte of ASCII characters).
std::string guess_utf16(std::string_view b) {
  size_t even = 0, odd = 0;
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  size_t units = b.size() / 2;
  if (units == 0 || b.size() % 2 != 0) return "";
  if (odd * 10 > units && even * 50 < units) return "UTF-16LE";
  if (even * 10 > units && odd * 50 < units) return "UTF-16BE";
  return "";
}

// The encoding ICU's detector proposes, kept only when it is one of the
// multi-byte East Asian encodings; anything else (Latin-1 guesses on
// GBK text are common) becomes GB18030.
std::string detect_legacy(std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(ucsdet_open(&status),
                                                                     ucsdet_close);
  if (U_FAILURE(status)) return "GB18030";
  ucsdet_setText(det.get(), b.data(), static_cast<int32_t>(b.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return "GB18030";
  std::string name = ucsdet_getName(match, &status);
  if (U_FAILURE(status)) return "GB18030";
  if (name == "Big5" || name == "EUC-JP" || name == "Shift_JIS" || name == "EUC-KR") {
    if (ucsdet_getConfidence(match, &status) >= 60) return name;
  }
  return "GB18030";
}

Result<std::string> convert(std::string_view bytes, const std::string& encoding) {
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
  if (u.isBogus()) return Status::error("cannot decode " + encoding);
  int32_t bad = 0;
  for (int32_t i = 0; i < u.length(); ++i) bad += u.charAt(i) == 0xFFFD;
  if (bad > 0 && bad * 200 > u.length())
    return Status::error("not text in " + encoding + " (" + std::to_string(bad) +
                         " undecodable sequences)");
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Text has no NUL and almost no other control characters.
Status check_looks_like_text(std::string_view text) {
  size_t controls = 0, chars = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++chars;
    if (c == 0) return Status::error("not a text file (it holds NUL bytes)");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 100 > chars) return Status::error("not a text file (binary data)");
  if (trim(text).empty()) return Status::error("the file holds no text");
  return Status::ok();
}

Result<DecodedText> finish(Result<std::string> text, std::string encoding) {
  if (!text.is_ok()) return text.status();
  if (Status s = check_looks_like_text(text.value()); !s.is_ok()) return s;
  return DecodedText{std::move(text.value()), std::move(encoding)};
}

}  // namespace

Result<DecodedText> decode_text(std::string_view b) {
  if (b.empty()) return Status::error("the file is empty");
  if (b.size() > kMaxImportBytes)
    return Status::error("the file is too large (" + std::to_string(b.size() / (1024 * 1024)) +
                         " MB; at most " + std::to_string(kMaxImportBytes / (1024 * 1024)) +
                         " MB)");
  if (starts_with(b, "\xEF\xBB\xBF")) {
    std::string_view rest = b.substr(3);
    if (!is_valid_utf8(rest)) return Status::error("invalid UTF-8 after a UTF-8 byte order mark");
    return finish(std::string(rest), "UTF-8 (BOM)");
  }
  if (starts_with(b, "\xFF\xFE")) return finish(convert(b.substr(2), "UTF-16LE"), "UTF-16LE");
  if (starts_with(b, "\xFE\xFF")) return finish(convert(b.substr(2), "UTF-16BE"), "UTF-16BE");
  if (std::string enc = guess_utf16(b); !enc.empty()) return finish(convert(b, enc), enc);
  if (is_valid_utf8(b)) return finish(std::string(b), "UTF-8");
  std::string enc = detect_legacy(b);
  return finish(convert(b, enc), enc);
}

}  // namespace dossier

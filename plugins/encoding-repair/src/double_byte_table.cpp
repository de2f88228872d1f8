#include "double_byte_table.hpp"

#include <algorithm>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <unicode/ucnv.h>

namespace encoding_repair {

namespace {
bool private_use(char32_t cp) { return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000; }
/// True for a code point a pair's reading gives as a character: not ASCII (a converter's way of
/// rejecting), no surrogate, no private-use code (the user-defined area) and no U+FFFD.
bool character(char32_t cp) { return cp >= 0x80 && !(cp >= 0xD800 && cp <= 0xDFFF) && !private_use(cp) && cp != 0xFFFD; }
}  // namespace

namespace {

/// Calls @p f(lead, trail, code point) for every pair ICU's converter @p name reads as one BMP
/// character (rejected and unassigned pairs left out), trails as @p trail_ok allows. Every pair goes
/// through one conversion, each followed by a line feed, rather than one ICU call a pair (~30 M
/// instructions a process): a line feed is a single byte in both encodings, so it puts the converter
/// back in step after a pair it rejects. A pair is a character when exactly one code unit comes from
/// its first byte and none from its second; rejected and unassigned pairs give substitution
/// characters (U+FFFD or U+001A).
template <class F>
void for_each_pair(const char* name, const std::array<bool, 256>& trail_ok, F&& f) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name, &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU converter unavailable: ") + u_errorName(status));
  std::string bytes(126 * 191 * 3, '\n');
  std::size_t size = 0;
  for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail)
      if (trail_ok[trail]) {
        bytes[size] = static_cast<char>(lead);
        bytes[size + 1] = static_cast<char>(trail);
        size += 3;  // the line feed is in place
      }
  bytes.resize(size);
  // Room for two code units per input byte (a pair gives one or two, a line feed one); ICU writes
  // every unit and offset it reports, so neither buffer needs filling first.
  const std::size_t room = bytes.size() * 2;
  const std::unique_ptr<UChar[]> out(new UChar[room]);
  const std::unique_ptr<int32_t[]> offsets(new int32_t[room]);
  const char* src = bytes.data();
  UChar* dst = out.get();
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  ucnv_toUnicode(conv, &dst, out.get() + room, &src, bytes.data() + bytes.size(), offsets.get(), true, &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU conversion failed: ") + u_errorName(status));
  const std::size_t units = static_cast<std::size_t>(dst - out.get());
  for (std::size_t j = 0; j < units; ++j) {
    const auto at = static_cast<std::size_t>(offsets[j]);
    if (at % 3 != 0 || (j > 0 && offsets[j - 1] == offsets[j])) continue;
    if (j + 1 < units && offsets[j + 1] == offsets[j]) continue;  // two code units: not one BMP character
    if (j + 1 < units && static_cast<std::size_t>(offsets[j + 1]) == at + 1) continue;  // a single-byte lead (GB2312's 0x80..0xA0)
    f(static_cast<unsigned char>(bytes[at]), static_cast<unsigned char>(bytes[at + 1]), static_cast<char32_t>(out[j]));
  }
}

}  // namespace

DoubleByteTable::DoubleByteTable(Legacy which)
    : which_(which), pairs_(65536, 0), utf8_three_(65536, 0), reverse_(65536, 0), private_use_(0xF8FF - 0xE000 + 1, 0) {
  for (unsigned t = 0; t < 256; ++t)
    trail_ok_[t] = which == Legacy::gbk    ? (t >= 0x40 && t <= 0xFE && t != 0x7F)
                   : which == Legacy::big5 ? ((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE))
                                           : (t >= 0xA1 && t <= 0xFE);
  // windows-936 is GBK as Windows (and the pages the reports were scraped from) used it.
  const char* converter = which == Legacy::gbk ? "windows-936-2000" : which == Legacy::big5 ? "windows-950-2000" : "GB2312";
  for_each_pair(converter, trail_ok_, [&](unsigned lead, unsigned trail, char32_t cp) {
    if (cp >= 0xE000 && cp <= 0xF8FF && private_use_[cp - 0xE000] == 0)
      private_use_[cp - 0xE000] = static_cast<std::uint16_t>(lead * 256 + trail);
    if (!character(cp)) return;
    pairs_[lead * 256 + trail] = cp;
    if (cp >= 0x800 && cp < 0x10000)
      utf8_three_[lead * 256 + trail] = (0xE0 | (cp >> 12)) | (0x80 | ((cp >> 6) & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16;
    if (reverse_[cp] == 0) reverse_[cp] = static_cast<std::uint16_t>(lead * 256 + trail);
  });
  if (which == Legacy::big5) {
    // GBK text read as Big5 by another decoder holds characters this table has no code for, which
    // only their bytes read back: Python's big5 codec reads the ETEN extension (src/
    // big5_python_extras.inc), a browser's (WHATWG's index) HKSCS, which ICU's big5-hkscs gives.
    // Where both name a character, Python's code is kept.
    static constexpr std::pair<std::uint16_t, char32_t> kPythonExtras[] = {
#include "big5_python_extras.inc"
    };
    for (const auto& [code, cp] : kPythonExtras)
      if (cp >= 0x10000 || reverse_[cp] == 0) extras_.push_back({cp, code});
    const std::size_t python = extras_.size();
    for_each_pair("big5-hkscs", trail_ok_, [&](unsigned lead, unsigned trail, char32_t cp) {
      if (pairs_[lead * 256 + trail] != 0 || !character(cp)) return;
      const auto code = static_cast<std::uint16_t>(lead * 256 + trail);
      browser_.push_back({cp, code});
      if (reverse_[cp] == 0) extras_.push_back({cp, code});
    });
    const auto by_code_point = [](const auto& a, const auto& b) { return a.first < b.first; };
    const auto same_code_point = [](const auto& a, const auto& b) { return a.first == b.first; };
    std::vector<char32_t> python_codes;
    for (std::size_t i = 0; i < python; ++i) python_codes.push_back(extras_[i].first);
    std::sort(python_codes.begin(), python_codes.end());
    std::stable_sort(extras_.begin(), extras_.end(), by_code_point);
    extras_.erase(std::unique(extras_.begin(), extras_.end(), same_code_point), extras_.end());
    std::stable_sort(browser_.begin(), browser_.end(), by_code_point);
    browser_.erase(std::unique(browser_.begin(), browser_.end(), same_code_point), browser_.end());
    browser_only_bits_.assign(0x10000 / 64, 0);
    browser_differs_bits_.assign(0x10000 / 64, 0);
    for (const auto& [cp, code] : browser_) {
      if (cp >= 0x10000) continue;
      if (!std::binary_search(python_codes.begin(), python_codes.end(), cp) && reverse_[cp] == 0)
        browser_only_bits_[cp >> 6] |= std::uint64_t{1} << (cp & 63);
      if (encode_any(cp) != code) browser_differs_bits_[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    }
  }
}

std::uint16_t DoubleByteTable::extra(char32_t cp) const noexcept {
  const auto it = std::lower_bound(extras_.begin(), extras_.end(), std::pair<char32_t, std::uint16_t>{cp, 0});
  return it != extras_.end() && it->first == cp ? it->second : 0;
}

const DoubleByteTable& DoubleByteTable::get(Legacy which) {
  // Each built on its first use (4.5 M instructions each): UTF-8 text needs only GBK's.
  if (which == Legacy::gbk) {
    static const DoubleByteTable gbk(Legacy::gbk);
    return gbk;
  }
  if (which == Legacy::gb2312) {
    static const DoubleByteTable gb2312(Legacy::gb2312);
    return gb2312;
  }
  static const DoubleByteTable big5(Legacy::big5);
  return big5;
}

}  // namespace encoding_repair

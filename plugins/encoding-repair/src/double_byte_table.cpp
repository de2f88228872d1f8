#include "double_byte_table.hpp"

#include <stdexcept>
#include <string>

#include <unicode/ucnv.h>

namespace encoding_repair {

namespace {
bool private_use(char32_t cp) { return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000; }
}  // namespace

DoubleByteTable::DoubleByteTable(Legacy which)
    : which_(which), pairs_(65536, 0), utf8_three_(65536, 0), reverse_(65536, 0), private_use_(0xF8FF - 0xE000 + 1, 0) {
  UErrorCode status = U_ZERO_ERROR;
  // windows-936 is GBK as Windows (and the pages the reports were scraped from) used it.
  UConverter* conv = ucnv_open(which == Legacy::gbk ? "windows-936-2000" : "windows-950-2000", &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU converter unavailable: ") + u_errorName(status));
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  for (unsigned t = 0; t < 256; ++t)
    trail_ok_[t] = which == Legacy::gbk ? (t >= 0x40 && t <= 0xFE && t != 0x7F)
                                        : ((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE));
  for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      if (!trail_ok_[trail]) continue;
      const char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      UChar out[4];
      status = U_ZERO_ERROR;
      ucnv_reset(conv);
      const int32_t n = ucnv_toUChars(conv, out, 4, in, 2, &status);
      if (U_FAILURE(status) || n != 1) continue;
      const char32_t cp = out[0];
      if (cp >= 0xE000 && cp <= 0xF8FF && private_use_[cp - 0xE000] == 0)
        private_use_[cp - 0xE000] = static_cast<std::uint16_t>(lead * 256 + trail);
      if (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF) || private_use(cp) || cp == 0xFFFD) continue;
      pairs_[lead * 256 + trail] = cp;
      if (cp >= 0x800 && cp < 0x10000)
        utf8_three_[lead * 256 + trail] = (0xE0 | (cp >> 12)) | (0x80 | ((cp >> 6) & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16;
      if (reverse_[cp] == 0) reverse_[cp] = static_cast<std::uint16_t>(lead * 256 + trail);
    }
  }
  ucnv_close(conv);
}

const DoubleByteTable& DoubleByteTable::get(Legacy which) {
  static const DoubleByteTable gbk(Legacy::gbk);
  static const DoubleByteTable big5(Legacy::big5);
  return which == Legacy::gbk ? gbk : big5;
}

}  // namespace encoding_repair

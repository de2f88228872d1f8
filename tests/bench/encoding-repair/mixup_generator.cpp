#include "mixup_generator.hpp"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "docpipe/utf8.hpp"
#include "double_byte_table.hpp"

namespace encoding_repair::bench {

namespace utf8 = docpipe::utf8;

namespace {

enum class Codec { utf8, gbk, big5, latin1, cp1252 };

Codec source_of(Mixup kind) {
  switch (kind) {
    case Mixup::utf8_as_gbk: case Mixup::utf8_as_latin1: case Mixup::utf8_as_cp1252: return Codec::utf8;
    case Mixup::big5_as_gbk: return Codec::big5;
    default: return Codec::gbk;
  }
}

Codec reader_of(Mixup kind) {
  switch (kind) {
    case Mixup::utf8_as_gbk: case Mixup::big5_as_gbk: return Codec::gbk;
    case Mixup::utf8_as_latin1: case Mixup::gbk_as_latin1: return Codec::latin1;
    case Mixup::utf8_as_cp1252: case Mixup::gbk_as_cp1252: return Codec::cp1252;
    default: return Codec::big5;
  }
}

// Windows-1252's bytes 0x80..0x9F as the code charts give them; 0 marks the five undefined bytes.
constexpr std::array<char16_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

constexpr char32_t kReplacement = 0xFFFD;

/// The Private Use Area code point a WHATWG gb18030 decoder gives a GBK user-defined-area pair,
/// or 0: the inverse of DoubleByteTable::encode_any over the Private Use Area, built once.
char32_t gbk_private_use(unsigned char lead, unsigned char trail) {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(65536, 0);
    const auto& gbk = DoubleByteTable::get(Legacy::gbk);
    for (char32_t cp = 0xE000; cp <= 0xF8FF; ++cp)
      if (!gbk.encode(cp))
        if (const std::uint16_t code = gbk.encode_any(cp)) t[code] = cp;
    return t;
  }();
  return table[lead * 256u + trail];
}

/// Reads @p bytes as GBK or Big5 (@p which), failing as @p decoder does.
std::string decode_double_byte(std::string_view bytes, Legacy which, WrongDecoder decoder) {
  const auto& table = DoubleByteTable::get(which);
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (b == 0x80 || b == 0xFF || i + 1 == bytes.size()) {
      const bool euro = b == 0x80 && which == Legacy::gbk && decoder == WrongDecoder::whatwg;
      if (decoder != WrongDecoder::python_ignore) utf8::append(out, euro ? char32_t{0x20AC} : kReplacement);
      ++i;
      continue;
    }
    const auto t = static_cast<unsigned char>(bytes[i + 1]);
    char32_t c = table.decode(b, t);
    if (!c && which == Legacy::gbk && decoder == WrongDecoder::whatwg) c = gbk_private_use(b, t);
    if (c) {
      utf8::append(out, c);
      i += 2;
      continue;
    }
    if (decoder != WrongDecoder::python_ignore) utf8::append(out, kReplacement);
    // WHATWG re-reads an ASCII second byte only; Python's CJK codecs report the first byte alone as
    // the bad sequence, so the second is always read again.
    i += decoder != WrongDecoder::whatwg || t < 0x80 ? 1 : 2;
  }
  return out;
}

std::string decode_single_byte(std::string_view bytes, Codec codec, WrongDecoder decoder) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    char32_t c = b;
    if (codec == Codec::cp1252 && b >= 0x80 && b <= 0x9F) {
      c = kCp1252[b - 0x80];
      if (!c) c = decoder == WrongDecoder::whatwg ? char32_t{b} : kReplacement;
      if (c == kReplacement && decoder == WrongDecoder::python_ignore) continue;
    }
    utf8::append(out, c);
  }
  return out;
}

/// The code of @p c in @p codec's table, 0 when it has none.
std::uint16_t double_byte_code(char32_t c, Codec codec) {
  return DoubleByteTable::get(codec == Codec::gbk ? Legacy::gbk : Legacy::big5).encode(c);
}

bool encodable(char32_t c, Codec codec) {
  if (c < 0x80 || codec == Codec::utf8) return true;
  return double_byte_code(c, codec) != 0;
}

}  // namespace

const std::vector<Mixup>& all_mixups() {
  static const std::vector<Mixup> kinds = {Mixup::utf8_as_gbk,   Mixup::utf8_as_latin1, Mixup::utf8_as_cp1252, Mixup::gbk_as_latin1,
                                           Mixup::gbk_as_cp1252, Mixup::big5_as_gbk,    Mixup::gbk_as_big5};
  return kinds;
}

const char* name(Mixup kind) {
  switch (kind) {
    case Mixup::utf8_as_gbk: return "utf8-as-gbk";
    case Mixup::utf8_as_latin1: return "utf8-as-latin1";
    case Mixup::utf8_as_cp1252: return "utf8-as-cp1252";
    case Mixup::gbk_as_latin1: return "gbk-as-latin1";
    case Mixup::gbk_as_cp1252: return "gbk-as-cp1252";
    case Mixup::big5_as_gbk: return "big5-as-gbk";
    case Mixup::gbk_as_big5: return "gbk-as-big5";
  }
  return "?";
}

const char* name(WrongDecoder decoder) {
  switch (decoder) {
    case WrongDecoder::whatwg: return "whatwg";
    case WrongDecoder::python: return "python";
    case WrongDecoder::python_ignore: return "python-ignore";
  }
  return "?";
}

bool lossless(Mixup kind, WrongDecoder decoder) {
  const Codec reader = reader_of(kind);
  return reader == Codec::latin1 || (reader == Codec::cp1252 && decoder == WrongDecoder::whatwg);
}

bool traditional_source(Mixup kind) { return source_of(kind) == Codec::big5; }

std::string keep_encodable(std::string_view clean, Mixup kind) {
  const Codec codec = source_of(kind);
  std::string out;
  out.reserve(clean.size());
  std::size_t pos = 0;
  while (pos < clean.size()) {
    const std::size_t start = pos;
    const char32_t c = utf8::next(clean, pos);
    if (encodable(c, codec)) out.append(clean, start, pos - start);
  }
  return out;
}

std::optional<std::string> encode_source(std::string_view clean, Mixup kind) {
  const Codec codec = source_of(kind);
  if (codec == Codec::utf8) return std::string(clean);
  std::string out;
  out.reserve(clean.size());
  std::size_t pos = 0;
  while (pos < clean.size()) {
    const char32_t c = utf8::next(clean, pos);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const std::uint16_t code = double_byte_code(c, codec);
    if (!code) return std::nullopt;
    out += static_cast<char>(code >> 8);
    out += static_cast<char>(code & 0xFF);
  }
  return out;
}

std::string decode_wrong(std::string_view bytes, Mixup kind, WrongDecoder decoder) {
  const Codec reader = reader_of(kind);
  if (reader == Codec::gbk) return decode_double_byte(bytes, Legacy::gbk, decoder);
  if (reader == Codec::big5) return decode_double_byte(bytes, Legacy::big5, decoder);
  return decode_single_byte(bytes, reader, decoder);
}

std::optional<std::string> mix_up(std::string_view clean, Mixup kind, WrongDecoder decoder) {
  const auto bytes = encode_source(clean, kind);
  if (!bytes) return std::nullopt;
  return decode_wrong(*bytes, kind, decoder);
}

namespace {

/// Where line @p line (from 0) of @p text begins and ends (before its '\n'), or nothing.
std::optional<std::pair<std::size_t, std::size_t>> line_span(std::string_view text, std::size_t line) {
  std::size_t begin = 0;
  for (std::size_t n = 0; n < line; ++n) {
    begin = text.find('\n', begin);
    if (begin == std::string_view::npos) return std::nullopt;
    ++begin;
  }
  const std::size_t end = text.find('\n', begin);
  return std::make_pair(begin, end == std::string_view::npos ? text.size() : end);
}

}  // namespace

std::optional<std::string> mix_up_line(std::string_view clean, std::size_t line, Mixup kind, WrongDecoder decoder) {
  const auto span = line_span(clean, line);
  if (!span) return std::nullopt;
  const auto [begin, end] = *span;
  const auto damaged = mix_up(clean.substr(begin, end - begin), kind, decoder);
  if (!damaged) return std::nullopt;
  return std::string(clean.substr(0, begin)) + *damaged + std::string(clean.substr(end));
}

std::optional<std::string> mixed_bytes_line(std::string_view clean, std::size_t line, bool line_in_utf8) {
  const auto span = line_span(clean, line);
  if (!span) return std::nullopt;
  const auto [begin, end] = *span;
  // gbk-as-latin1's source encoding is GBK; only the source side is used here.
  const auto gbk = [](std::string_view part) { return encode_source(part, Mixup::gbk_as_latin1); };
  const auto head = line_in_utf8 ? gbk(clean.substr(0, begin)) : std::optional<std::string>(std::string(clean.substr(0, begin)));
  const auto middle = line_in_utf8 ? std::optional<std::string>(std::string(clean.substr(begin, end - begin))) : gbk(clean.substr(begin, end - begin));
  const auto tail = line_in_utf8 ? gbk(clean.substr(end)) : std::optional<std::string>(std::string(clean.substr(end)));
  if (!head || !middle || !tail) return std::nullopt;
  return *head + *middle + *tail;
}

std::vector<std::size_t> lines_with_non_ascii(std::string_view text, std::size_t min_chars) {
  std::vector<std::size_t> out;
  std::size_t line = 0, count = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (count >= min_chars) out.push_back(line);
      ++line;
      count = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0xC0) {
      ++count;  // a lead byte starts each character outside ASCII
    }
  }
  return out;
}

}  // namespace encoding_repair::bench

#pragma once
// Makes whole-text mix-ups from clean text, so their repair is measured on damage nobody tuned for:
// clean UTF-8 -> bytes in the source encoding -> read with the wrong codec -> UTF-8.
//
// The wrong codec fails in one of two ways, as real decoders do:
//   whatwg  the WHATWG Encoding Standard's decoder (what browsers and most scrapers run):
//           latin1 is ISO-8859-1 (every byte is its own code point, 0x80..0x9F are C1 controls);
//           windows-1252's five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D become the C1 controls
//           U+0081.. (so both are lossless); the gb18030 decoder reads 0x80 as the euro sign,
//           user-defined-area pairs as the Private Use Area code points ICU gives them, and an
//           unassigned or ill-formed pair as U+FFFD, re-reading the second byte when it is ASCII
//           (and only then); the big5 decoder likewise (U+FFFD, ASCII second byte re-read).
//   python  Python's codecs with errors='replace': latin1 as above; windows-1252's undefined bytes
//           become U+FFFD; gbk and big5 read 0x80 as U+FFFD and an unassigned or ill-formed pair as
//           one U+FFFD for its first byte, then re-read the second byte whatever it is.
//   python-ignore  the same with errors='ignore' (a common idiom in scrapers): what python writes
//           as U+FFFD is left out, with no trace of where it was.
// The tables are the plugin's (DoubleByteTable: ICU windows-936-2000 and windows-950-2000), so a
// few codes differ from Python's gbk/big5 and WHATWG's big5 (its HKSCS pairs count as invalid here).
// gb18030's four-byte codes never arise: a lead byte is never followed by an ASCII digit in UTF-8,
// GBK or Big5 bytes. Characters without a code in the source encoding are left out of the clean
// text first (keep_encodable), so clean and damaged text always correspond.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace encoding_repair::bench {

/// Which encoding the bytes were in and which codec read them.
enum class Mixup { utf8_as_gbk, utf8_as_latin1, utf8_as_cp1252, gbk_as_latin1, gbk_as_cp1252, big5_as_gbk, gbk_as_big5 };

/// How the wrong codec treats bytes it cannot read (see the file comment).
enum class WrongDecoder { whatwg, python, python_ignore };

/// Every mix-up kind, in a fixed order.
const std::vector<Mixup>& all_mixups();

/// `utf8-as-gbk`, `gbk-as-cp1252`, ...
const char* name(Mixup kind);
/// `whatwg`, `python` or `python-ignore`.
const char* name(WrongDecoder decoder);

/// True when the wrong codec reads every byte (nothing is lost): latin1 always, windows-1252 the
/// WHATWG way. Both decoders then give the same text.
bool lossless(Mixup kind, WrongDecoder decoder);

/// True when the source encoding is Big5, so the clean text should be in traditional script.
bool traditional_source(Mixup kind);

/// @p clean (UTF-8) without the characters the source encoding of @p kind has no code for.
std::string keep_encodable(std::string_view clean, Mixup kind);

/// The bytes of @p clean (UTF-8) in the source encoding of @p kind, or nothing when a character has
/// no code there.
std::optional<std::string> encode_source(std::string_view clean, Mixup kind);

/// @p bytes read by the wrong codec of @p kind, failing as @p decoder does; always valid UTF-8.
std::string decode_wrong(std::string_view bytes, Mixup kind, WrongDecoder decoder);

/// The whole of @p clean mixed up, or nothing when a character has no code in the source encoding.
std::optional<std::string> mix_up(std::string_view clean, Mixup kind, WrongDecoder decoder);

/// The line @p line (from 0; lines end at '\n') of @p clean mixed up and the rest left clean, as
/// when one pasted paragraph went through the wrong codec. Nothing when there is no such line or it
/// has a character without a code in the source encoding.
std::optional<std::string> mix_up_line(std::string_view clean, std::size_t line, Mixup kind, WrongDecoder decoder);

/// Input mixing two encodings byte for byte, as when a GBK page and a UTF-8 page were pasted into one
/// file (no wrong codec involved: the stage's decoder must read each part right): @p clean in UTF-8
/// with its line @p line in GBK bytes, or (@p line_in_utf8) in GBK with that line in UTF-8 bytes.
/// Nothing when there is no such line or a character needed in GBK has no code there.
std::optional<std::string> mixed_bytes_line(std::string_view clean, std::size_t line, bool line_in_utf8);

/// The lines of @p text (from 0) with at least @p min_chars characters outside ASCII: paragraphs
/// worth damaging alone.
std::vector<std::size_t> lines_with_non_ascii(std::string_view text, std::size_t min_chars);

}  // namespace encoding_repair::bench

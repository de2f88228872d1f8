#pragma once
/// @file export/json_writer.hpp
/// A small, dependency-free, append-only JSON writer for exporters (header-only).
///
/// It writes straight into a std::string the caller owns, so a whole document costs one growing
/// buffer and no tree. Strings are escaped per RFC 8259; malformed UTF-8 becomes U+FFFD so the output
/// is always valid JSON; numbers use the shortest text that reads back to the same double, and
/// non-finite numbers are written as `null`.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "docpipe/export/utf8_scan.hpp"

namespace docpipe::json {

namespace detail {

/// Appends the escape of the byte @p c that exporting::plain_run_end() stopped at.
inline void append_escape(std::string& out, unsigned char c) {
  static constexpr char hex[] = "0123456789abcdef";
  switch (c) {
    case '"': out.append("\\\"", 2); break;
    case '\\': out.append("\\\\", 2); break;
    case '\n': out.append("\\n", 2); break;
    case '\r': out.append("\\r", 2); break;
    case '\t': out.append("\\t", 2); break;
    case '\b': out.append("\\b", 2); break;
    case '\f': out.append("\\f", 2); break;
    default:
      if (c < 0x20) {
        const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(esc, sizeof esc);
      } else {
        out.append("\xEF\xBF\xBD", 3);  // a byte that starts no well-formed sequence
      }
  }
}

/// Appends @p s quoted and then @p suffix with one append when @p s is short and needs no escape
/// (member names and most short values); false, with nothing written, otherwise.
inline bool append_short_plain(std::string& out, std::string_view s, std::string_view suffix) {
  constexpr std::size_t max_size = 16;
  if constexpr (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) return false;
  if (s.size() > max_size || suffix.size() > 2) return false;
  char buf[1 + max_size + 1 + 2] = {};
  buf[0] = '"';
  if (!s.empty()) __builtin_memcpy(buf + 1, s.data(), s.size());
  // Every byte of s is checked in two words; bytes past it (the buffer's rest) are masked off, and a
  // hit there cannot flag a byte of s (the bit tricks only carry towards higher bytes).
  std::uint64_t w[2];
  __builtin_memcpy(w, buf + 1, sizeof w);
  auto first_bytes = [](std::size_t k) { return k >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * k)) - 1; };
  constexpr std::uint64_t clean = 0x2020202020202020ULL;  // spaces: plain bytes for the masked-off part
  const std::uint64_t m0 = first_bytes(s.size()), m1 = first_bytes(s.size() > 8 ? s.size() - 8 : 0);
  if (!exporting::detail::plain_ascii_word<exporting::AsciiStops::json>((w[0] & m0) | (clean & ~m0)) ||
      !exporting::detail::plain_ascii_word<exporting::AsciiStops::json>((w[1] & m1) | (clean & ~m1)))
    return false;
  buf[1 + s.size()] = '"';
  if (!suffix.empty()) __builtin_memcpy(buf + 2 + s.size(), suffix.data(), suffix.size());
  out.append(buf, 2 + s.size() + suffix.size());
  return true;
}

}  // namespace detail

/// Appends @p s to @p out as a JSON string literal, quotes included, then @p suffix (written as is).
inline void append_string(std::string& out, std::string_view s, std::string_view suffix = {}) {
  if (detail::append_short_plain(out, s, suffix)) return;
  out += '"';
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const std::size_t end = exporting::plain_run_end<exporting::AsciiStops::json>(s, i);
    out.append(s.data() + i, end - i);
    if (end == n) break;
    detail::append_escape(out, static_cast<unsigned char>(s[end]));
    i = end + 1;
  }
  out += '"';
  out.append(suffix);
}

/// Appends the integer @p v in decimal.
inline void append_integer(std::string& out, long long v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/// Appends @p v as a JSON number: integral values below 2^53 without fraction or exponent (so
/// `34170000000` stays readable), others in the shortest round-trip form; NaN and infinities as
/// `null`, which JSON cannot express otherwise.
inline void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    if (v == 0 && std::signbit(v)) v = 0;  // "-0" would surprise every reader
    append_integer(out, static_cast<long long>(v));
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/// Streaming writer: call begin_object()/key()/value()/end_object() in document order; commas,
/// colons and (when pretty) indentation are inserted for you. The writer does not check that the
/// calls nest correctly; exporters call it from straight-line code.
class Writer {
 public:
  /// Writes into @p out (appending); @p pretty indents with two spaces per level.
  explicit Writer(std::string& out, bool pretty = false) noexcept : out_(out), pretty_(pretty) {}

  /// Opens an object `{`.
  Writer& begin_object() { return open('{'); }
  /// Closes the innermost object `}`.
  Writer& end_object() { return close('}'); }
  /// Opens an array `[`.
  Writer& begin_array() { return open('['); }
  /// Closes the innermost array `]`.
  Writer& end_array() { return close(']'); }

  /// Writes an object member's name; the next call writes its value.
  Writer& key(std::string_view name) {
    separate();
    append_string(out_, name, std::string_view(": ", pretty_ ? 2 : 1));
    after_key_ = true;
    return *this;
  }

  /// Writes a string value.
  Writer& value(std::string_view s) {
    separate();
    append_string(out_, s);
    return *this;
  }
  /// Writes a string value (overload so that literals do not turn into bool).
  Writer& value(const char* s) { return value(std::string_view(s)); }
  /// Writes a string value.
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  /// Writes an integer value.
  Writer& value(long long v) {
    separate();
    append_integer(out_, v);
    return *this;
  }
  /// Writes an integer value.
  Writer& value(int v) { return value(static_cast<long long>(v)); }
  /// Writes an unsigned size as an integer value.
  Writer& value(std::size_t v) { return value(static_cast<long long>(v)); }
  /// Writes a number value (see append_number()).
  Writer& value(double v) {
    separate();
    append_number(out_, v);
    return *this;
  }
  /// Writes `true` or `false`.
  Writer& value(bool b) {
    separate();
    out_.append(b ? "true" : "false", b ? 4 : 5);
    return *this;
  }
  /// Writes `null`.
  Writer& null() {
    separate();
    out_.append("null", 4);
    return *this;
  }
  /// Writes the number, or `null` when there is none.
  Writer& value(const std::optional<double>& v) { return v ? value(*v) : null(); }

  /// Shorthand for key(name).value(v).
  template <class T>
  Writer& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  /// The buffer written to.
  std::string& buffer() noexcept { return out_; }

 private:
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    const bool comma = !first_;
    first_ = false;
    if (pretty_ && depth_ > 0) line_break(comma);
    else if (comma) out_ += ',';
  }
  Writer& open(char c) {
    separate();
    out_ += c;
    ++depth_;
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    --depth_;
    if (pretty_ && !first_) line_break(false);
    out_ += c;
    first_ = false;
    return *this;
  }
  // An optional comma, a newline and the indentation, with one append for the usual depths
  // (pretty output writes one per value, so this is the writer's most frequent call).
  void line_break(bool comma) {
    static constexpr char breaks[] = ",\n                                                              ";
    constexpr std::size_t max_indent = sizeof breaks - 3;
    std::size_t indent = static_cast<std::size_t>(std::max(depth_, 0)) * 2;
    const std::size_t head = std::min(indent, max_indent);
    out_.append(breaks + (comma ? 0 : 1), head + (comma ? 2 : 1));
    for (indent -= head; indent > 0; indent -= std::min(indent, max_indent)) out_.append(breaks + 2, std::min(indent, max_indent));
  }

  std::string& out_;
  bool pretty_;
  bool first_ = true;
  bool after_key_ = false;
  int depth_ = 0;
};

}  // namespace docpipe::json

#pragma once
/// @file export/json_writer.hpp
/// A small, dependency-free, append-only JSON writer for exporters (header-only).
///
/// It writes straight into a std::string the caller owns, so a whole document costs one growing
/// buffer and no tree. Strings are escaped per RFC 8259; malformed UTF-8 becomes U+FFFD so the output
/// is always valid JSON; numbers use the shortest text that reads back to the same double, and
/// non-finite numbers are written as `null`.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "docpipe/utf8.hpp"

namespace docpipe::json {

/// Appends @p s to @p out as a JSON string literal, quotes included.
inline void append_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the pending stretch that needs no escaping
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t len = utf8::sequence_length(s, i);
      if (len != 0) {
        i += len;
        continue;
      }
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
          out.append(esc, sizeof esc);
        } else {
          out += "\xEF\xBF\xBD";  // a byte that starts no well-formed sequence
        }
    }
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
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
    append_string(out_, name);
    out_ += pretty_ ? ": " : ":";
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
    out_ += b ? "true" : "false";
    return *this;
  }
  /// Writes `null`.
  Writer& null() {
    separate();
    out_ += "null";
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
    if (!first_) out_ += ',';
    first_ = false;
    if (pretty_ && depth_ > 0) newline();
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
    if (pretty_ && !first_) newline();
    out_ += c;
    first_ = false;
    return *this;
  }
  void newline() {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
  }

  std::string& out_;
  bool pretty_;
  bool first_ = true;
  bool after_key_ = false;
  int depth_ = 0;
};

}  // namespace docpipe::json

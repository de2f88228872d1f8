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

/// When @p s is at most 16 bytes and needs no escape, writes it quoted at @p at (which must have
/// room for 18 bytes) and returns true; otherwise returns false (what it wrote there is garbage).
/// The bytes are read and written as two overlapping fixed-size pieces (head and tail), so there
/// is no loop and no call.
inline bool write_short_plain(char* at, std::string_view s) noexcept {
  if constexpr (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) return false;
  using exporting::AsciiStops;
  using exporting::detail::plain_ascii_word;
  const std::size_t n = s.size();
  const char* p = s.data();
  if (n >= 8) {
    if (n > 16) return false;
    std::uint64_t head, tail;
    __builtin_memcpy(&head, p, 8);
    __builtin_memcpy(&tail, p + n - 8, 8);
    if (!plain_ascii_word<AsciiStops::json>(head) || !plain_ascii_word<AsciiStops::json>(tail)) return false;
    __builtin_memcpy(at + 1, &head, 8);
    __builtin_memcpy(at + 1 + n - 8, &tail, 8);
  } else if (n >= 4) {
    std::uint32_t head, tail;
    __builtin_memcpy(&head, p, 4);
    __builtin_memcpy(&tail, p + n - 4, 4);
    const std::uint64_t both = head | (std::uint64_t{tail} << 32);
    if (!plain_ascii_word<AsciiStops::json>(both)) return false;
    __builtin_memcpy(at + 1, &head, 4);
    __builtin_memcpy(at + 1 + n - 4, &tail, 4);
  } else {
    std::uint64_t w = 0x2020202020202020ULL;  // spaces: plain bytes for the unused part
    for (std::size_t k = 0; k < n; ++k) {
      w &= ~(std::uint64_t{0xFF} << (8 * k));
      w |= std::uint64_t(static_cast<unsigned char>(p[k])) << (8 * k);
    }
    if (!plain_ascii_word<AsciiStops::json>(w)) return false;
    for (std::size_t k = 0; k < n; ++k) at[1 + k] = p[k];
  }
  at[0] = '"';
  at[1 + n] = '"';
  return true;
}

/// Appends @p s quoted and then @p suffix with one append when @p s is short and needs no escape
/// (member names and most short values); false, with nothing written, otherwise.
inline bool append_short_plain(std::string& out, std::string_view s, std::string_view suffix) {
  char buf[1 + 16 + 1 + 16];
  if (suffix.size() > 16 || !write_short_plain(buf, s)) return false;
  if (!suffix.empty()) __builtin_memcpy(buf + 2 + s.size(), suffix.data(), suffix.size());
  out.append(buf, 2 + s.size() + suffix.size());
  return true;
}

}  // namespace detail

namespace detail {

/// append_string() without its short-string attempt: the run-by-run loop.
inline void append_string_runs(std::string& out, std::string_view s, std::string_view suffix) {
  out += '"';
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const std::size_t end = exporting::plain_run_end<exporting::AsciiStops::json>(s, i);
    out.append(s.data() + i, end - i);
    if (end == n) break;
    append_escape(out, static_cast<unsigned char>(s[end]));
    i = end + 1;
  }
  out += '"';
  out.append(suffix);
}

}  // namespace detail

/// Appends @p s to @p out as a JSON string literal, quotes included, then @p suffix (written as is).
inline void append_string(std::string& out, std::string_view s, std::string_view suffix = {}) {
  if (!detail::append_short_plain(out, s, suffix)) detail::append_string_runs(out, s, suffix);
}

/// Writes the integer @p v in decimal at @p at (room for 20 characters) and returns the end.
inline char* write_integer(char* at, long long v) noexcept { return std::to_chars(at, at + 20, v).ptr; }

/// Writes @p v as append_number() does at @p at (room for 32 characters) and returns the end.
inline char* write_number(char* at, double v) noexcept {
  if (!std::isfinite(v)) {
    __builtin_memcpy(at, "null", 4);
    return at + 4;
  }
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    if (v == 0 && std::signbit(v)) v = 0;  // "-0" would surprise every reader
    return write_integer(at, static_cast<long long>(v));
  }
  return std::to_chars(at, at + 32, v).ptr;
}

/// Appends the integer @p v in decimal.
inline void append_integer(std::string& out, long long v) {
  char buf[24];
  out.append(buf, write_integer(buf, v));
}

/// Appends @p v as a JSON number: integral values below 2^53 without fraction or exponent (so
/// `34170000000` stays readable), others in the shortest round-trip form; NaN and infinities as
/// `null`, which JSON cannot express otherwise.
inline void append_number(std::string& out, double v) {
  char buf[32];
  out.append(buf, write_number(buf, v));
}

/// Streaming writer: call begin_object()/key()/value()/end_object() in document order; commas,
/// colons and (when pretty) indentation are inserted for you. The writer does not check that the
/// calls nest correctly; exporters call it from straight-line code.
///
/// Each call gathers what it writes (separator, indentation, name, short value) in a small buffer
/// on the stack and appends it to the output once: a document has several members per span, and
/// one append per member instead of three to five is most of the writer's cost.
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
    Staged st(out_);
    key_to(st, name);
    st.flush();
    return *this;
  }

  /// Writes a string value.
  Writer& value(std::string_view s) { return staged_value(s); }
  /// Writes a string value (overload so that literals do not turn into bool).
  Writer& value(const char* s) { return staged_value(std::string_view(s)); }
  /// Writes a string value.
  Writer& value(const std::string& s) { return staged_value(std::string_view(s)); }
  /// Writes an integer value.
  Writer& value(long long v) { return staged_value(v); }
  /// Writes an integer value.
  Writer& value(int v) { return staged_value(static_cast<long long>(v)); }
  /// Writes an unsigned size as an integer value.
  Writer& value(std::size_t v) { return staged_value(static_cast<long long>(v)); }
  /// Writes a number value (see append_number()).
  Writer& value(double v) { return staged_value(v); }
  /// Writes `true` or `false`.
  Writer& value(bool b) { return staged_value(b); }
  /// Writes `null`.
  Writer& null() { return staged_value(nullptr); }
  /// Writes the number, or `null` when there is none.
  Writer& value(const std::optional<double>& v) { return v ? staged_value(*v) : staged_value(nullptr); }

  /// Shorthand for key(name).value(v), written with one append when short.
  template <class T>
  Writer& member(std::string_view name, const T& v) {
    Staged st(out_);
    key_to(st, name);
    value_to(st, normalized(v));
    st.flush();
    return *this;
  }

  /// The buffer written to.
  std::string& buffer() noexcept { return out_; }

 private:
  // What one call writes, gathered before one append. Longer pieces flush it and go straight out.
  class Staged {
   public:
    static constexpr std::size_t capacity = 256;
    explicit Staged(std::string& out) noexcept : out_(out) {}
    Staged(const Staged&) = delete;
    Staged& operator=(const Staged&) = delete;
    void put(char c) {
      if (size_ == capacity) flush();
      buf_[size_++] = c;
    }
    void put(const char* p, std::size_t n) {
      if (n > capacity - size_) {
        flush();
        if (n > capacity) {
          out_.append(p, n);
          return;
        }
      }
      __builtin_memcpy(buf_ + size_, p, n);
      size_ += n;
    }
    // At least @p n (at most capacity) writable bytes; commit() what was written.
    char* room(std::size_t n) {
      if (n > capacity - size_) flush();
      return buf_ + size_;
    }
    void commit(char* end) noexcept { size_ = static_cast<std::size_t>(end - buf_); }
    void flush() {
      out_.append(buf_, size_);
      size_ = 0;
    }
    std::string& out() noexcept { return out_; }

   private:
    std::string& out_;
    std::size_t size_ = 0;
    char buf_[capacity];
  };

  static std::string_view normalized(const char* s) { return s; }
  static std::string_view normalized(const std::string& s) { return s; }
  static std::string_view normalized(std::string_view s) { return s; }
  static long long normalized(int v) { return v; }
  static long long normalized(long long v) { return v; }
  static long long normalized(std::size_t v) { return static_cast<long long>(v); }
  static double normalized(double v) { return v; }
  static bool normalized(bool v) { return v; }
  static std::optional<double> normalized(const std::optional<double>& v) { return v; }

  template <class T>
  Writer& staged_value(const T& v) {
    Staged st(out_);
    value_to(st, v);
    st.flush();
    return *this;
  }

  void key_to(Staged& st, std::string_view name) {
    separate(st);
    quote(st, name, std::string_view(": ", pretty_ ? 2 : 1));
    after_key_ = true;
  }
  void value_to(Staged& st, std::string_view s) {
    separate(st);
    quote(st, s, {});
  }
  void value_to(Staged& st, long long v) {
    separate(st);
    st.commit(write_integer(st.room(24), v));
  }
  void value_to(Staged& st, double v) {
    separate(st);
    st.commit(write_number(st.room(32), v));
  }
  void value_to(Staged& st, bool b) {
    separate(st);
    st.put(b ? "true" : "false", b ? 4 : 5);
  }
  void value_to(Staged& st, std::nullptr_t) {
    separate(st);
    st.put("null", 4);
  }
  void value_to(Staged& st, const std::optional<double>& v) {
    if (v) value_to(st, *v);
    else value_to(st, nullptr);
  }

  // @p s quoted, then @p suffix: in the staging buffer when short and plain, else through
  // append_string().
  static void quote(Staged& st, std::string_view s, std::string_view suffix) {
    constexpr std::size_t max_short = 16;
    if (s.size() <= max_short) {
      char* at = st.room(1 + max_short + 1 + 2);
      if (detail::write_short_plain(at, s)) {
        at += s.size() + 2;
        if (suffix.size() == 2) __builtin_memcpy(at, suffix.data(), 2);  // fixed sizes: no call
        else if (suffix.size() == 1) at[0] = suffix[0];
        st.commit(at + suffix.size());
        return;
      }
    }
    // Other strings that fit and need no escape (short Chinese values: units, number texts).
    const std::size_t quoted = s.size() + 2 + suffix.size();
    if (quoted <= Staged::capacity && exporting::plain_run_end<exporting::AsciiStops::json>(s, 0) == s.size()) {
      char* at = st.room(quoted);
      at[0] = '"';
      __builtin_memcpy(at + 1, s.data(), s.size());
      at[1 + s.size()] = '"';
      if (!suffix.empty()) __builtin_memcpy(at + 2 + s.size(), suffix.data(), suffix.size());
      st.commit(at + quoted);
      return;
    }
    st.flush();
    detail::append_string_runs(st.out(), s, suffix);
  }

  void separate(Staged& st) {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    const bool comma = !first_;
    first_ = false;
    if (pretty_ && depth_ > 0) line_break(st, comma);
    else if (comma) st.put(',');
  }
  Writer& open(char c) {
    Staged st(out_);
    separate(st);
    st.put(c);
    st.flush();
    ++depth_;
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    --depth_;
    Staged st(out_);
    if (pretty_ && !first_) line_break(st, false);
    st.put(c);
    st.flush();
    first_ = false;
    return *this;
  }
  // An optional comma, a newline and the indentation.
  // An optional comma, a newline and the indentation: for the usual depths one fixed-size copy of
  // the whole pattern, of which only the needed part is kept.
  void line_break(Staged& st, bool comma) {
    static constexpr char breaks[] = ",\n                                                              ";
    constexpr std::size_t max_indent = sizeof breaks - 3;
    std::size_t indent = static_cast<std::size_t>(std::max(depth_, 0)) * 2;
    if (indent <= max_indent) {
      char* at = st.room(sizeof breaks);
      __builtin_memcpy(at, breaks + (comma ? 0 : 1), sizeof breaks - 1);
      st.commit(at + indent + (comma ? 2 : 1));
      return;
    }
    st.put(breaks + (comma ? 0 : 1), max_indent + (comma ? 2 : 1));
    for (indent -= max_indent; indent > 0; indent -= std::min(indent, max_indent)) st.put(breaks + 2, std::min(indent, max_indent));
  }

  std::string& out_;
  bool pretty_;
  bool first_ = true;
  bool after_key_ = false;
  int depth_ = 0;
};

}  // namespace docpipe::json

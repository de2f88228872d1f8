#pragma once
/// @file export/json_writer.hpp
/// A small, dependency-free, append-only JSON writer for exporters (header-only).
///
/// It appends to a std::string the caller owns (through a few-kilobyte buffer of its own, emptied
/// whenever a top-level value is complete), so a whole document costs one growing buffer and no
/// tree. Strings are escaped per RFC 8259; malformed UTF-8 becomes U+FFFD so the output is always
/// valid JSON; numbers use the shortest text that reads back to the same double, and
/// non-finite numbers are written as `null`.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "docpipe/copy_short.hpp"
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

/// True when @p s, at most 16 bytes, is well-formed UTF-8 without a byte JSON escapes:
/// exporting::plain_run_end<AsciiStops::json>(s, 0) == s.size(), one code point per step. A short
/// value (a unit, a number's text) mixes ASCII and CJK every few bytes, where plain_run_end's
/// word-at-a-time loops would retry a word per ASCII byte.
inline bool short_plain(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = p[i];
    if (c < 0x80) {
      if (c < 0x20 || c == '"' || c == '\\') return false;
      ++i;
    } else if (i + 3 <= n && exporting::detail::plain_three_byte(std::uint32_t(c) | (std::uint32_t(p[i + 1]) << 8) |
                                                                   (std::uint32_t(p[i + 2]) << 16))) {
      i += 3;
    } else {
      const std::size_t len = utf8::sequence_length(s, i);
      if (len == 0) return false;
      i += len;
    }
  }
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

/// append_string() for @p s known to be well-formed UTF-8 (the caller checked it): the same output,
/// but only the ASCII bytes that need an escape are looked for, 16 bytes per step (a document's text
/// is most of an export's bytes).
inline void append_well_formed_string(std::string& out, std::string_view s, std::string_view suffix = {}) {
  out += '"';
  const std::size_t n = s.size();
  for (std::size_t i = 0;;) {
    const std::size_t end = exporting::json_stop_in_well_formed(s, i);
    out.append(s.data() + i, end - i);
    if (end == n) break;
    detail::append_escape(out, static_cast<unsigned char>(s[end]));
    i = end + 1;
  }
  out += '"';
  out.append(suffix);
}

namespace detail {

/// "00" to "99", two characters each.
inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/// Writes @p v (below 10000) without leading zeros at @p at and returns the end.
inline char* write_below_10000(char* at, std::uint32_t v) noexcept {
  if (v < 100) {
    if (v < 10) {
      *at = static_cast<char>('0' + v);
      return at + 1;
    }
    __builtin_memcpy(at, digit_pairs + 2 * v, 2);
    return at + 2;
  }
  const std::uint32_t high = v / 100, low = v % 100;
  if (high < 10) {
    *at++ = static_cast<char>('0' + high);
  } else {
    __builtin_memcpy(at, digit_pairs + 2 * high, 2);
    at += 2;
  }
  __builtin_memcpy(at, digit_pairs + 2 * low, 2);
  return at + 2;
}

/// Writes @p v (below 10000) as exactly four digits at @p at and returns the end.
inline char* write_four_digits(char* at, std::uint32_t v) noexcept {
  __builtin_memcpy(at, digit_pairs + 2 * (v / 100), 2);
  __builtin_memcpy(at + 2, digit_pairs + 2 * (v % 100), 2);
  return at + 4;
}

}  // namespace detail

namespace detail {

/// std::to_chars(at, at + 32, v)'s text for a finite, non-integral @p v of magnitude 0.001 to 10^15
/// whose shortest form has at most six decimals (a share, a rate, an amount in 亿元), or nullptr
/// (nothing written) for any other value. to_chars finds the shortest digits by a general method
/// that costs hundreds of instructions; here the k-th candidate is m = v * 10^k rounded, for k = 1, 2,
/// ..., and it is taken when m / 10^k, a correctly rounded division of two exact values, gives back v
/// (so the decimal reads back as v). With m below 10^15 decimals k places apart are further apart than
/// a double's rounding interval is wide, so the candidate is the only one with k decimals, and the
/// first k that reads back gives the fewest digits: to_chars's digits. From 0.001 up the fixed
/// notation is never longer than the scientific one, which is when to_chars writes it.
inline char* write_few_decimals(char* at, double v) noexcept;

}  // namespace detail

/// Writes the integer @p v in decimal at @p at (room for 20 characters) and returns the end.
inline char* write_integer(char* at, long long v) noexcept {
  // std::to_chars's text, without its separate pass to count the digits. Below 10^8 (every offset
  // and count of a document) the value is cut into two four-digit halves, each written from a table
  // of digit pairs; larger values go two digits a step into the end of a scratch buffer, copied as
  // one fixed-size piece of the 19 bytes that can hold any value.
  auto u = static_cast<unsigned long long>(v);
  if (v < 0) {
    *at++ = '-';
    u = 0 - u;  // well-defined for the lowest value too
  }
  if (u < 100000000) {
    const auto small = static_cast<std::uint32_t>(u);
    if (small < 10000) return detail::write_below_10000(at, small);
    return detail::write_four_digits(detail::write_below_10000(at, small / 10000), small % 10000);
  }
  constexpr std::size_t max_digits = 19;  // 2^63 has 19 digits
  char scratch[2 * max_digits];
  char* const end = scratch + max_digits;
  char* p = end;
  while (u >= 100) {
    const auto pair = static_cast<std::size_t>(u % 100) * 2;
    u /= 100;
    p -= 2;
    __builtin_memcpy(p, detail::digit_pairs + pair, 2);
  }
  if (u >= 10) {
    p -= 2;
    __builtin_memcpy(p, detail::digit_pairs + u * 2, 2);
  } else {
    *--p = static_cast<char>('0' + u);
  }
  // The bytes past the digits are scratch; they land past the returned end, inside the caller's 20.
  __builtin_memcpy(at, p, max_digits);
  return at + (end - p);
}

namespace detail {

inline char* write_few_decimals(char* at, double v) noexcept {
  static constexpr double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  const double a = std::fabs(v);
  if (!(a >= 1e-3 && a < 1e15)) return nullptr;
  for (std::size_t k = 1; k < std::size(scale); ++k) {
    const double scaled = a * scale[k];
    if (scaled >= 1e15) return nullptr;
    const auto m = static_cast<long long>(scaled + 0.5);
    if (static_cast<double>(m) / scale[k] != a) continue;
    const auto unit = static_cast<long long>(scale[k]);
    if (v < 0) *at++ = '-';
    at = write_integer(at, m / unit);
    *at++ = '.';
    // The k decimals, leading zeros included (m % unit has no trailing zero: m / 10 would have read
    // back at k - 1).
    char* const first = at;
    at += k;
    for (long long rest = m % unit; at > first; rest /= 10) *--at = static_cast<char>('0' + rest % 10);
    return first + k;
  }
  return nullptr;
}

}  // namespace detail

/// Writes @p v as append_number() does at @p at (room for 32 characters) and returns the end.
inline char* write_number(char* at, double v) noexcept {
  if (!std::isfinite(v)) {
    __builtin_memcpy(at, "null", 4);
    return at + 4;
  }
  // Integral below 2^53 in magnitude: the conversion to an integer is exact just when the value is
  // integral (-0 becomes 0: "-0" would surprise every reader). A cast, not std::trunc, which is a
  // library call without SSE4.1.
  if (std::fabs(v) < 9007199254740992.0) {
    const auto whole = static_cast<long long>(v);
    if (static_cast<double>(whole) == v) return write_integer(at, whole);
  }
  if (char* end = detail::write_few_decimals(at, v)) return end;
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

/// A member name fixed when the exporter is compiled, checked and quoted at compile time: writing
/// it is one fixed-size copy instead of a check for characters to escape. Write `json::Name("begin")`;
/// a name that is not plain printable ASCII without '"' and '\\', or longer than 27 bytes, does not
/// compile.
struct Name {
  /// `"name": ` and padding, copied whole.
  char quoted[32] = {};
  /// Bytes of the quoted name, without the colon.
  std::size_t size = 0;

  /// Quotes @p name; only in constant expressions.
  template <std::size_t N>
  explicit consteval Name(const char (&name)[N]) {
    static_assert(N >= 1 && N - 1 <= 27, "json::Name: at most 27 bytes");
    quoted[0] = '"';
    for (std::size_t i = 0; i + 1 < N; ++i) {
      const char c = name[i];
      // Not a constant expression, so a name that would need an escape is a compile error.
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F || static_cast<unsigned char>(c) >= 0x80)
        throw "json::Name: only printable ASCII without quote and backslash";
      quoted[1 + i] = c;
    }
    quoted[N] = '"';
    quoted[N + 1] = ':';
    quoted[N + 2] = ' ';
    size = N + 1;
  }
};

/// Streaming writer: call begin_object()/key()/value()/end_object() in document order; commas,
/// colons and (when pretty) indentation are inserted for you. The writer does not check that the
/// calls nest correctly; exporters call it from straight-line code.
///
/// What the calls write is gathered in a buffer inside the writer and appended to the output a few
/// kilobytes at a time, and always when a top-level value is complete: the output holds every
/// finished top-level value (a whole document once its object is closed), and the destructor
/// appends whatever is left. A document has several members per span, and one std::string append
/// per member was most of the writer's cost.
class Writer {
 public:
  /// Writes into @p out (appending); @p pretty indents with two spaces per level.
  explicit Writer(std::string& out, bool pretty = false) noexcept : out_(out), pretty_(pretty) {}
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  /// Appends what is still gathered (an unfinished top-level value).
  ~Writer() {
    try {
      flush();
    } catch (...) {
      // Out of memory while unwinding: what was not appended is lost with the half-written value.
    }
  }

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
    key_to(name);
    return *this;
  }

  /// key() for a name checked at compile time.
  Writer& key(const Name& name) {
    key_to(name);
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

  /// Shorthand for key(name).value(v).
  template <class T>
  Writer& member(std::string_view name, const T& v) {
    key_to(name);
    return staged_value(normalized(v));
  }

  /// member() for a name checked at compile time.
  template <class T>
  Writer& member(const Name& name, const T& v) {
    return member_value(name, normalized(v));
  }

  /// member(name, s) for @p s known to be well-formed UTF-8 (see append_well_formed_string()).
  Writer& member_well_formed(const Name& name, std::string_view s) {
    key_to(name);
    separate();
    flush();
    append_well_formed_string(out_, s);
    return *this;
  }

  /// member(a, va) then member(b, vb): two integer members (the two ends of a span), written
  /// after one test for room.
  Writer& members(const Name& a, long long va, const Name& b, long long vb) {
    constexpr std::size_t needed = 2 * integer_member_room;
    if (!after_key_ && capacity - size_ >= needed && depth_ > 0 && static_cast<std::size_t>(depth_) * 2 <= max_indent)
      [[likely]] {
      char* at = integer_member(buf_ + size_, !first_, depth_, a, va);
      commit(integer_member(at, true, depth_, b, vb));
      first_ = false;
      return *this;
    }
    member(a, va);
    return member(b, vb);
  }

  /// begin_object(), members(a, va, b, vb), end_object(): an object of two integer members (a
  /// span), written after one test for room. Exporters write one per sentence and paragraph.
  Writer& object(const Name& a, long long va, const Name& b, long long vb) {
    constexpr std::size_t needed = 2 * sizeof breaks + 2 * integer_member_room + 2;
    if (!after_key_ && capacity - size_ >= needed && depth_ > 0 && static_cast<std::size_t>(depth_ + 1) * 2 <= max_indent)
      [[likely]] {
      // What separate() and open() write for a value inside an array or object, ...
      char* at = item_break(buf_ + size_, !first_, depth_);
      *at++ = '{';
      // ... the two members one level deeper, and close()'s line break and brace.
      at = integer_member(at, false, depth_ + 1, a, va);
      at = integer_member(at, true, depth_ + 1, b, vb);
      at = item_break(at, false, depth_);
      *at++ = '}';
      commit(at);
      first_ = false;
      return *this;  // depth_ > 0: not a top-level value, nothing to flush
    }
    begin_object();
    members(a, va, b, vb);
    return end_object();
  }

  /// The buffer written to, with everything written so far.
  std::string& buffer() {
    flush();
    return out_;
  }

 private:
  // The gathering buffer: calls write here; long pieces flush it and go straight out.
  static constexpr std::size_t capacity = 4096;
  // Strings up to this size (quotes included) that need no escape are copied through the buffer.
  static constexpr std::size_t max_staged = 256;

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
    if (size_ == 0) return;
    out_.append(buf_, size_);
    size_ = 0;
  }
  // After each call: a complete top-level value goes out at once.
  void done_if_top_level() {
    if (depth_ <= 0) flush();
  }

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
    value_to(v);
    done_if_top_level();
    return *this;
  }

  // A member of a fixed name: the separator, the name and a number are written after one test for
  // room, inline (exporters write several such members per span; a call to key_to() and a second
  // separate() per member were a fifth of the JSON export).
  // Where the value of a member named @p name goes, with room for 32 bytes after it; nullptr (and
  // nothing written) when the buffer is short, the indentation deep or a key pending.
  char* member_name(const Name& name) noexcept {
    constexpr std::size_t member_room = sizeof breaks + sizeof name.quoted + 32;
    if (after_key_ || capacity - size_ < member_room || depth_ <= 0 || static_cast<std::size_t>(depth_) * 2 > max_indent)
      [[unlikely]]
      return nullptr;
    char* at = buf_ + size_;
    const bool comma = !first_;
    first_ = false;
    if (pretty_) {
      __builtin_memcpy(at, breaks + (comma ? 0 : 1), sizeof breaks - 1);
      at += static_cast<std::size_t>(depth_) * 2 + (comma ? 2 : 1);
    } else if (comma) {
      *at++ = ',';
    }
    __builtin_memcpy(at, name.quoted, sizeof name.quoted);
    return at + name.size + (pretty_ ? 2 : 1);
  }
  Writer& member_value(const Name& name, long long v) {
    if (char* at = member_name(name)) [[likely]] {
      commit(write_integer(at, v));
      return *this;
    }
    key_to(name);
    return staged_value(v);
  }
  Writer& member_value(const Name& name, double v) {
    if (char* at = member_name(name)) [[likely]] {
      commit(write_number(at, v));
      return *this;
    }
    key_to(name);
    return staged_value(v);
  }
  Writer& member_value(const Name& name, std::string_view s) {
    if (char* at = member_name(name)) [[likely]] {
      commit(at);
      quote(s, {});
      return *this;
    }
    key_to(name);
    return staged_value(s);
  }
  // A number or `null` (value_high, an unknown year): the null written as inline as a number.
  Writer& member_value(const Name& name, const std::optional<double>& v) {
    if (v) return member_value(name, *v);
    if (char* at = member_name(name)) [[likely]] {
      __builtin_memcpy(at, "null", 4);
      commit(at + 4);
      return *this;
    }
    key_to(name);
    return staged_value(nullptr);
  }
  template <class T>
  Writer& member_value(const Name& name, const T& v) {
    key_to(name);
    return staged_value(v);
  }

  // The separator before an item at depth @p depth (> 0) at @p at: the line break and indentation
  // (pretty; the whole pattern is copied, sizeof breaks bytes) or the comma; no test for room.
  char* item_break(char* at, bool comma, int depth) const noexcept {
    if (pretty_) {
      __builtin_memcpy(at, breaks + (comma ? 0 : 1), sizeof breaks - 1);
      return at + static_cast<std::size_t>(depth) * 2 + (comma ? 2 : 1);
    }
    if (comma) *at++ = ',';
    return at;
  }
  // A member of integer value at depth @p depth (> 0) at @p at, separator first; no test for room.
  char* integer_member(char* at, bool comma, int depth, const Name& name, long long v) const noexcept {
    at = item_break(at, comma, depth);
    __builtin_memcpy(at, name.quoted, sizeof name.quoted);
    return write_integer(at + name.size + (pretty_ ? 2 : 1), v);
  }

  void key_to(std::string_view name) {
    separate();
    quote(name, std::string_view(": ", pretty_ ? 2 : 1));
    after_key_ = true;
  }
  void key_to(const Name& name) {
    separate();
    char* at = room(sizeof name.quoted);
    __builtin_memcpy(at, name.quoted, sizeof name.quoted);
    commit(at + name.size + (pretty_ ? 2 : 1));
    after_key_ = true;
  }
  void value_to(std::string_view s) {
    separate();
    quote(s, {});
  }
  void value_to(long long v) {
    separate();
    commit(write_integer(room(24), v));
  }
  void value_to(double v) {
    separate();
    commit(write_number(room(32), v));
  }
  void value_to(bool b) {
    separate();
    put(b ? "true" : "false", b ? 4 : 5);
  }
  void value_to(std::nullptr_t) {
    separate();
    put("null", 4);
  }
  void value_to(const std::optional<double>& v) {
    if (v) value_to(*v);
    else value_to(nullptr);
  }

  // @p s quoted, then @p suffix (at most 2 bytes): short ASCII strings that need no escape (member
  // names, most keywords) inline, in the buffer; the rest out of line (quote_other()).
  void quote(std::string_view s, std::string_view suffix) {
    constexpr std::size_t max_short = 16;
    if (s.size() <= max_short && capacity - size_ >= 1 + max_short + 1 + 2) [[likely]] {
      char* at = buf_ + size_;
      if (detail::write_short_plain(at, s)) {
        at += s.size() + 2;
        if (suffix.size() == 2) __builtin_memcpy(at, suffix.data(), 2);  // fixed sizes: no call
        else if (suffix.size() == 1) at[0] = suffix[0];
        commit(at + suffix.size());
        return;
      }
    }
    quote_other(s, suffix);
  }

  // quote() for what its inline path does not take: in the buffer when the string fits and needs
  // no escape (short Chinese values: units, number texts), else through append_string_runs().
  // One scan decides (quote() has tried the short ASCII case already), and the copy is in 16-byte
  // pieces without a call.
  [[gnu::noinline]] void quote_other(std::string_view s, std::string_view suffix) {
    const std::size_t quoted = s.size() + 2 + suffix.size();
    const bool plain = s.size() <= 16 ? detail::short_plain(s)
                                      : quoted <= max_staged && exporting::plain_run_end<exporting::AsciiStops::json>(s, 0) == s.size();
    if (plain) {  // a string of at most 16 bytes always fits the staging limit
      char* at = room(quoted);
      at[0] = '"';
      copy_staged(at + 1, s.data(), s.size());
      at[1 + s.size()] = '"';
      if (!suffix.empty()) __builtin_memcpy(at + 2 + s.size(), suffix.data(), suffix.size());
      commit(at + quoted);
      return;
    }
    flush();
    detail::append_string_runs(out_, s, suffix);
  }
  // Copies @p n (at most max_staged) bytes: up to 16 as two overlapping words, more as 16-byte
  // pieces, the last one ending at the last byte. Writes and reads only the @p n bytes.
  static void copy_staged(char* at, const char* p, std::size_t n) noexcept {
    if (n <= 16) {
      docpipe::detail::copy_short(at, std::string_view(p, n));
      return;
    }
    for (std::size_t i = 0; i + 16 < n; i += 16) __builtin_memcpy(at + i, p + i, 16);
    __builtin_memcpy(at + n - 16, p + n - 16, 16);
  }

  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    const bool comma = !first_;
    first_ = false;
    if (pretty_ && depth_ > 0) line_break(comma);
    else if (comma) put(',');
  }
  Writer& open(char c) {
    separate();
    put(c);
    ++depth_;
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    --depth_;
    if (pretty_ && !first_) line_break(false);
    put(c);
    first_ = false;
    done_if_top_level();
    return *this;
  }
  // An optional comma, a newline and the indentation: for the usual depths one fixed-size copy of
  // the whole pattern, of which only the needed part is kept.
  static constexpr char breaks[] = ",\n                                                              ";
  static constexpr std::size_t max_indent = sizeof breaks - 3;
  // Room that integer_member() may write to (its line break pattern, name and digits).
  static constexpr std::size_t integer_member_room = sizeof breaks + sizeof(Name::quoted) + 24;
  void line_break(bool comma) {
    const std::size_t indent = static_cast<std::size_t>(std::max(depth_, 0)) * 2;
    if (indent <= max_indent && capacity - size_ >= sizeof breaks) [[likely]] {
      char* at = buf_ + size_;
      __builtin_memcpy(at, breaks + (comma ? 0 : 1), sizeof breaks - 1);
      commit(at + indent + (comma ? 2 : 1));
      return;
    }
    deep_line_break(comma, indent);
  }
  // line_break() when the buffer is full or the indentation deeper than the pattern: kept out of
  // the inlined path.
  [[gnu::noinline]] void deep_line_break(bool comma, std::size_t indent) {
    if (indent <= max_indent) {
      char* at = room(sizeof breaks);
      __builtin_memcpy(at, breaks + (comma ? 0 : 1), sizeof breaks - 1);
      commit(at + indent + (comma ? 2 : 1));
      return;
    }
    put(breaks + (comma ? 0 : 1), max_indent + (comma ? 2 : 1));
    for (indent -= max_indent; indent > 0; indent -= std::min(indent, max_indent)) put(breaks + 2, std::min(indent, max_indent));
  }

  std::string& out_;
  bool pretty_;
  bool first_ = true;
  bool after_key_ = false;
  int depth_ = 0;
  std::size_t size_ = 0;
  char buf_[capacity];
};

}  // namespace docpipe::json

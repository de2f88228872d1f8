#include "mixup_repair.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "char_model.hpp"
#include "double_byte_table.hpp"
#include "han.hpp"
#include "lost_byte_repair.hpp"
#include "windows_1252.hpp"
#include "mixup_latin.hpp"
#include "mixup_lossy.hpp"
#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

/// Characters that start a Latin-1 mix-up run (letters with diacritics and symbols of the upper
/// half; the Windows-1252 quotes alone are ordinary Chinese punctuation).
bool latin_run_char(char32_t c) { return c >= 0x80 && c <= 0xFF; }

/// True when the line before @p pos has, after nothing but ASCII, a Windows-1252 punctuation mark
/// (`Bremer/Mccoy – DrÃ¥ber`): a text with real Windows-1252 characters is Latin-1 text, and its
/// valid UTF-8 look-alikes (`Ã¥`) are meant as written. Looks back no further than @p floor.
bool cp1252_punctuation_before(std::string_view text, std::size_t pos, std::size_t floor) {
  while (pos > floor) {
    std::size_t start = pos - 1;
    while (start > floor && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t q = start;
    const char32_t c = utf8::next(text, q);
    if (c == '\n') return false;
    if (c >= 0x80) return c > 0xFF && windows_1252::byte_of(c) >= 0;
    pos = start;
  }
  return false;
}

/// True when the eight bytes at @p p are all ASCII.
inline bool ascii8(const char* p) noexcept {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080ULL) == 0;
}

/// Decodes the character at @p pos of text known to be valid UTF-8 (Document::text always is)
/// and advances past it: the scan's hot loop, without utf8::next's checks.
[[gnu::always_inline]] inline char32_t next_valid(std::string_view s, std::size_t& pos) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + pos);
  if (p[0] < 0x80) return ++pos, p[0];
  if (p[0] < 0xE0) return pos += 2, (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (p[0] < 0xF0) return pos += 3, (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return pos += 4, (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

std::optional<std::string> strict_utf8(const std::string& bytes) {
  if (!utf8::is_valid(bytes)) return std::nullopt;
  return bytes;
}

std::optional<std::string> strict_double_byte(const std::string& bytes, Legacy which) {
  const auto& table = DoubleByteTable::get(which);
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    if (i + 1 >= bytes.size()) return std::nullopt;
    const char32_t c = table.decode(b, static_cast<unsigned char>(bytes[i + 1]));
    if (!c) return std::nullopt;
    utf8::append(out, c);
    i += 2;
  }
  return out;
}

/// True for Han characters and the Private Use Area (where decoders put GBK's user-defined codes).
bool han_or_private(char32_t c) {
  return (c < 0x10000 && is_han(c)) || (c >= 0xE000 && c < 0xF900);
}

std::size_t han_count(std::string_view s) {
  std::size_t han = 0;
  for (std::size_t pos = 0; pos < s.size();) han += han_or_private(utf8::next(s, pos));
  return han;
}

bool mostly_cjk(std::string_view s) {
  std::size_t cjk = 0, n = 0, pos = 0;
  while (pos < s.size()) {
    const char32_t c = utf8::next(s, pos);
    ++n;
    cjk += c >= 0x3000 && c < 0xA000;
  }
  return n > 0 && cjk * 2 >= n;
}

/// Per BMP character, what the CJK-run scan needs in one byte: 255 when the character has no GBK
/// code (it ends a run), else its unigram weight q = -20 log10 P, the model's own quantization
/// (characters the model does not know weigh 160, its 10^-8). Runs are then rejected by an integer
/// sum instead of a sum of doubles.
class RunWeights {
 public:
  static constexpr std::uint8_t kNoGbk = 255;
  /// The euro sign, a run character too: WHATWG's gb18030 decoder reads a lone byte 0x80 as `€`
  /// (a UTF-8 trail byte where it expected a lead), in the middle of utf8-as-gbk mojibake.
  static constexpr char32_t kEuro = 0x20AC;
  RunWeights(const CharModel& model, const DoubleByteTable& gbk) : w_(0x10000 + 3, kNoGbk) {
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (!gbk.encode_any(c) && c != kEuro) {
        w_[c] = kNoGbk;
        continue;
      }
      const double u = model.unigram(c);
      w_[c] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(-u * 20.0 + 0.5), 0, 254));  // u <= 0
      exact_ = exact_ && -w_[c] / 20.0 == u;
    }
  }
  /// The weight of @p c, or kNoGbk.
  std::uint8_t of(char32_t c) const noexcept { return c < 0x10000 ? w_[c] : kNoGbk; }
  /// The weight of the three-byte UTF-8 sequence at @p p (its lead byte is 1110xxxx).
  std::uint8_t of_three(const unsigned char* p) const noexcept {
    return w_[(unsigned(p[0] & 0x0F) << 12) | (unsigned(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu)];
  }
  /// True when every weight is exactly the model's unigram (a model quantized otherwise is then
  /// scored with doubles throughout).
  bool exact() const noexcept { return exact_; }
  /// The weights of the BMP by code point, followed by three bytes of padding: a gather may read
  /// four bytes at the last code point.
  const std::uint8_t* table() const noexcept { return w_.data(); }

 private:
  std::vector<std::uint8_t> w_;
  bool exact_ = true;
};

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ENCODING_REPAIR_GATHER 1

/// Adds to @p weight the weights (RunWeights::table() @p w) of the three-byte characters of @p s
/// from @p pos on, eight at a time, as long as all eight of a block have a GBK code; returns where it
/// stopped. Each block holds the same characters the scalar loop would have taken one by one, and
/// the scalar loop goes on from the returned position, so it alone decides where a run ends. The
/// text is valid UTF-8: a lead byte 1110xxxx is followed by its two trail bytes.
__attribute__((target("avx2"))) std::size_t add_three_weights_avx2(const unsigned char* s, std::size_t pos,
                                                                     std::size_t n, const std::uint8_t* w,
                                                                     std::uint64_t& weight) noexcept {
  // Each 128-bit lane gets four characters (12 bytes) as 32-bit values b0 | b1 << 8 | b2 << 16.
  const __m256i spread = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1,
                                          0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1);
  const __m256i lead_mask = _mm256_set1_epi32(0xF0), lead = _mm256_set1_epi32(0xE0);
  const __m256i low4 = _mm256_set1_epi32(0x0F), mid6 = _mm256_set1_epi32(0xFC0), low6 = _mm256_set1_epi32(0x3F);
  const __m256i byte = _mm256_set1_epi32(0xFF), none = _mm256_set1_epi32(RunWeights::kNoGbk);
  __m256i sum = _mm256_setzero_si256();
  // 32-bit lane sums stay far from overflow: at most 254 per block and 2^20 blocks between flushes.
  for (std::size_t blocks = 0; pos + 28 <= n; ++blocks) {
    if (blocks == (1u << 20)) {
      alignas(32) std::uint32_t lanes[8];
      _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), sum);
      for (const std::uint32_t l : lanes) weight += l;
      sum = _mm256_setzero_si256();
      blocks = 0;
    }
    const __m256i raw = _mm256_inserti128_si256(
        _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos))),
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos + 12)), 1);
    const __m256i chars = _mm256_shuffle_epi8(raw, spread);
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(_mm256_and_si256(chars, lead_mask), lead)) != -1) break;
    // The code point (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F).
    const __m256i cp = _mm256_or_si256(
        _mm256_slli_epi32(_mm256_and_si256(chars, low4), 12),
        _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(chars, 2), mid6), _mm256_and_si256(_mm256_srli_epi32(chars, 16), low6)));
    const __m256i weights = _mm256_and_si256(_mm256_i32gather_epi32(reinterpret_cast<const int*>(w), cp, 1), byte);
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(weights, none)) != 0) break;
    sum = _mm256_add_epi32(sum, weights);
    pos += 24;
  }
  if (_mm256_testz_si256(sum, sum)) return pos;
  alignas(32) std::uint32_t lanes[8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), sum);
  for (const std::uint32_t l : lanes) weight += l;
  return pos;
}
#else
#define ENCODING_REPAIR_GATHER 0
#endif

/// True when the run of @p chars characters [begin, end) of @p text, of weights summing to @p q,
/// has a mean unigram probability below 10^-4: decided on the integers unless the sum of doubles
/// the decision was defined on could round to the other side, which is then computed.
bool rare_run(std::string_view text, std::size_t begin, std::size_t end, std::size_t chars, std::uint64_t q,
              const CharModel& model, bool integers_exact) {
  const double distance = std::fabs(double(q) - 80.0 * double(chars));  // in 1/20 decades
  // Bound of the rounding error of summing `chars` terms of at most 13 decades, in 1/20 decades.
  const double slack = double(chars) * double(chars) * 13.0 * 0x1p-52 * 20.0 + 1.0;
  if (integers_exact && distance > slack) return double(q) > 80.0 * double(chars);
  double unigrams = 0;
  for (std::size_t p = begin; p < end;) unigrams += model.unigram(next_valid(text, p));
  return unigrams < -4.0 * double(chars);
}

/// Mean log10 probability per character below which a reading is not prose (Chinese reports
/// score about -2 under the model, a reading that is itself mojibake -5 and less).
constexpr double kProseFloor = -4.0;

/// The ASCII character before @p pos, or a space.
char ascii_before(std::string_view text, std::size_t pos) {
  return pos > 0 && static_cast<unsigned char>(text[pos - 1]) < 0x80 ? text[pos - 1] : ' ';
}

/// Appends @p fix, replacing the last fix when they overlap and @p fix is more confident.
void add(std::vector<MixupFix>& out, MixupFix fix) {
  if (!out.empty() && out.back().end > fix.begin) {
    if (out.back().confidence >= fix.confidence) return;
    out.pop_back();
  }
  out.push_back(std::move(fix));
}

/// Keeps @p candidate when it reads far better than @p run.
void consider(std::vector<MixupFix>& out, std::string_view text, std::size_t begin, std::size_t end,
              const std::optional<std::string>& candidate, const char* kind, const CharModel& m, double floor = -1e300) {
  if (!candidate || candidate->empty() || !mostly_cjk(*candidate)) return;
  const std::string_view run = text.substr(begin, end - begin);
  const double run_score = m.score_text(run), candidate_score = m.score_text(*candidate);
  const double before = run_score / double(std::max<std::size_t>(1, utf8::length(run)));
  const double after = candidate_score / double(std::max<std::size_t>(1, utf8::length(*candidate)));
  // Per character, the decoded run must be clearly more probable, and in total by 10^4.
  const double gain = candidate_score - run_score;
  if (after - before < 1.0 || gain < 4.0 || after < floor) return;
  add(out, {begin, end, *candidate, kind, confidence_from_gain(gain)});
}

/// What the scan of Latin-1 runs keeps between runs.
struct LatinState {
  explicit LatinState(std::vector<MixupFix>& fixes) : out(fixes) {}
  std::vector<MixupFix>& out;
  std::size_t scanned = 0;  // end of the last Latin-1 run: looking back stops there
  // Readings believed only when the document has evidence of the same mix-up elsewhere.
  std::vector<MixupFix> weak_latin, short_gbk;
  // Readings of short CJK runs, too short for the model to judge alone: runs of two characters, and
  // of one or two user-defined GBK characters read as Big5 (`一、` before `2023年`). Taken only
  // where a longer run of the document was read as the same mix-up.
  std::vector<MixupFix> short_runs;
  // Whether the text holds a character only a browser's Big5 decoder writes: asked at the first
  // CJK run examined (read_by_browser_big5()).
  std::optional<bool> browser_big5;
  int latin_evidence = 0;
  bool long_gbk = false;
  bool replacement = false;  // a U+FFFD was met
  // Where rare CJK runs begin whose GBK bytes are UTF-8 with bytes missing: UTF-8 read as GBK by a
  // decoder that dropped what it rejected (Python's errors='ignore'), read again by the lossy pass.
  std::vector<SilentLoss> silent_losses;
};

/// Reads the Latin-1 characters [@p begin, @p end) of @p text (no U+FFFD) as GBK bytes. A few
/// characters read as GBK are as likely chance (`RÄ«ga` as R墨ga): believed where the document has
/// a long such run; a long one must read like prose itself: any CJK reads better than mojibake of
/// Latin letters (Thai `à¸ à¸²` as GBK is 喔 喔侧).
void gbk_latin_piece(std::string_view text, std::size_t begin, std::size_t end, const CharModel& model, LatinState& state) {
  while (end > begin && static_cast<unsigned char>(text[end - 1]) < 0x80) --end;  // trailing ASCII
  while (begin < end && static_cast<unsigned char>(text[begin]) < 0x80) ++begin;  // leading ASCII
  if (begin >= end || utf8::length(text.substr(begin, end - begin)) < 2) return;
  std::string bytes;
  for (std::size_t q = begin; q < end;) {
    const char32_t d = utf8::next(text, q);
    bytes += static_cast<char>(d < 0x80 ? static_cast<int>(d) : windows_1252::byte_of(d));
  }
  const std::optional<std::string> gbk_reading = strict_double_byte(bytes, Legacy::gbk);
  const bool long_run = gbk_reading && han_count(*gbk_reading) >= 4;
  std::vector<MixupFix>& into = long_run ? state.out : state.short_gbk;
  const std::size_t before = into.size();
  consider(into, text, begin, end, gbk_reading, "mojibake-gbk-as-latin1", model, long_run ? kProseFloor : -1e300);
  state.long_gbk = state.long_gbk || (long_run && into.size() >= before && !into.empty() && into.back().begin == begin);
}

/// Examines the Latin-1 run starting at @p pos (its first character ends at @p next); returns where
/// the scan goes on. Out of line: the clean-text scan stays small.
[[gnu::noinline]] std::size_t latin_run(std::string_view text, std::size_t pos, std::size_t next, const CharModel& model,
                                        LatinState& state) {
  // A Latin-1 run: upper-half characters, C1 controls and Windows-1252 extras (ASCII may sit
  // inside, and U+FFFD where a Windows-1252 decoder met one of its undefined bytes).
  std::size_t end = pos, p = pos;
  bool holes = false;
  while (p < text.size()) {
    std::size_t q = p;
    const char32_t d = utf8::next(text, q);
    const int b = d < 0x80 ? static_cast<int>(d) : d == utf8::replacement_character ? 0 : windows_1252::byte_of(d);
    if (b < 0 || d == '\n') break;
    holes = holes || d == utf8::replacement_character;
    p = q;
    if (d >= 0x80) end = p;  // trailing ASCII is not part of the run
  }
  state.replacement = state.replacement || holes;
  if (utf8::length(text.substr(pos, end - pos)) >= 2) {
    const std::string_view run = text.substr(pos, end - pos);
    const std::optional<LatinReading> reading =
        cp1252_punctuation_before(text, pos, state.scanned) ? std::nullopt : read_latin_run_as_utf8(run, ascii_before(text, pos), model);
    if (reading) {
      MixupFix fix{pos, end, reading->text, "mojibake-utf8-as-latin1", reading->confidence};
      state.latin_evidence += reading->evidence;
      if (reading->text != run) add(reading->evidence > 0 ? state.out : state.weak_latin, std::move(fix));
    } else {
      // GBK read as Latin-1, or as Windows-1252 by a decoder that wrote U+FFFD for its undefined
      // bytes: the pieces between the U+FFFD (each stands for a lost GBK lead or trail).
      std::size_t piece = pos;
      for (std::size_t q = pos; q <= end;) {
        std::size_t r = q;
        if (q < end && utf8::next(text, r) != utf8::replacement_character) {
          q = r;
          continue;
        }
        if (q > piece) gbk_latin_piece(text, piece, q, model, state);
        if (q == end) break;
        piece = q = r;
      }
    }
  }
  state.scanned = std::max(end, next);
  return state.scanned;
}

/// True when the UTF-8 at @p p (valid, at least one byte before the end) starts a character of the
/// Private Use Area U+E000..U+F8FF, where decoders put GBK's user-defined pairs.
inline bool private_use_at(const unsigned char* p) noexcept { return p[0] == 0xEE || (p[0] == 0xEF && p[1] < 0xA4); }

/// True when @p text holds a character only a browser's Big5 decoder writes (HKSCS: ʊ for GBK's
/// 三, 龰 for 取): GBK read as Big5 there was read by a browser, whose codes the Big5 readings use.
bool read_by_browser_big5(std::string_view text) { return next_browser_big5_mark(text, 0) != std::string_view::npos; }

/// Big5 read as GBK by a decoder that dropped what it rejected leaves no U+FFFD, but its punctuation
/// lost its lead and kept an ASCII trail (`，` is `A`, `。` `C`): where a Big5 reading of @p out
/// (text order) has such a letter next to it, between it and another character of the reading, the
/// region is read again with a lost lead before each such letter (@p silent: seeds added, in order).
void add_big5_lost_leads(std::string_view text, const std::vector<MixupFix>& out, std::vector<SilentLoss>& silent) {
  const auto letter = [&](std::size_t at) {
    return at < text.size() && text[at] >= 0x40 && text[at] <= 0x7E;
  };
  const auto wide = [&](std::size_t at) { return at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80; };
  if (std::none_of(out.begin(), out.end(), [](const MixupFix& f) { return f.kind == "mojibake-big5-as-gbk"; })) return;
  // A decoder that keeps Big5's punctuation as user-defined GBK (Private Use Area, a browser's)
  // dropped nothing: its letters are the text's own.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t q = text.find_first_of("\xEE\xEF"); q != std::string_view::npos; q = text.find_first_of("\xEE\xEF", q + 1))
    if (private_use_at(s + q)) return;
  std::vector<SilentLoss> seeds;
  for (const MixupFix& f : out) {
    if (f.kind != "mojibake-big5-as-gbk") continue;
    const bool after = letter(f.end) && wide(f.end + 1);
    const bool before = f.begin >= 1 && letter(f.begin - 1) && f.begin >= 2 && wide(f.begin - 2);
    if (after || before) seeds.push_back({f.begin, true});
  }
  if (seeds.empty()) return;
  std::vector<SilentLoss> merged;
  std::merge(silent.begin(), silent.end(), seeds.begin(), seeds.end(), std::back_inserter(merged),
             [](const SilentLoss& a, const SilentLoss& b) { return a.at < b.at; });
  silent = std::move(merged);
}

/// The scan's fixes completed: the readings that needed evidence elsewhere, in text order, and the
/// lossy readings around U+FFFD merged in. Out of line: the clean-text scan stays small.
[[gnu::noinline]] std::vector<MixupFix> finish(std::string_view text, const CharModel& model, std::vector<MixupFix> out,
                                               LatinState& state, const std::vector<std::size_t>& own) {
  if (state.latin_evidence >= 2) out.insert(out.end(), state.weak_latin.begin(), state.weak_latin.end());
  if (state.long_gbk) out.insert(out.end(), state.short_gbk.begin(), state.short_gbk.end());
  const std::size_t long_runs = out.size();
  for (MixupFix& f : state.short_runs)
    if (std::any_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(long_runs),
                    [&](const MixupFix& g) { return g.kind == f.kind; }))
      out.push_back(std::move(f));
  // Latin-1 runs and CJK runs never overlap: the text order is the order of their begins.
  std::sort(out.begin(), out.end(), [](const MixupFix& a, const MixupFix& b) { return a.begin < b.begin; });
  // Mix-ups through a decoder that wrote U+FFFD for what it rejected: read across the U+FFFD, and
  // in place of the pieces between them; the UTF-8 readings of Latin-1 runs (which restore their
  // own U+FFFD) stand, and so do runs read through two or three mix-ups (a lossy reading reads one,
  // and its piece at the U+FFFD after such a run took the run's end for the first mix-up's bytes).
  // Both lists are in text order and free of overlaps: one sweep merges them.
  if (!state.replacement) add_big5_lost_leads(text, out, state.silent_losses);
  if (state.replacement || !state.silent_losses.empty()) {
    std::vector<MixupFix> unproven;
    // A browser's Big5 decoder writes U+FFFD for each GBK pair HKSCS lacks (全, C8AB): only a text
    // with one is searched for its mark here.
    if (!state.browser_big5 && state.replacement) state.browser_big5 = read_by_browser_big5(text);
    std::vector<MixupFix> lossy =
        find_lossy_mixup_fixes(text, model, own, state.silent_losses, state.browser_big5.value_or(false), unproven);
    // A reading of lost bytes only is taken where the text has readings of that mix-up elsewhere.
    for (MixupFix& u : unproven) {
      const auto same_kind = [&](const MixupFix& f) { return f.kind == u.kind; };
      if (std::any_of(lossy.begin(), lossy.end(), same_kind) || std::any_of(out.begin(), out.end(), same_kind))
        lossy.push_back(std::move(u));
    }
    std::sort(lossy.begin(), lossy.end(), [](const MixupFix& a, const MixupFix& b) { return a.begin < b.begin; });
    if (lossy.empty()) return out;
    std::vector<MixupFix> merged;
    merged.reserve(out.size() + lossy.size());
    std::size_t j = 0;
    for (MixupFix& l : lossy) {
      while (j < out.size() && out[j].end <= l.begin) merged.push_back(std::move(out[j++]));
      std::size_t k = j;
      bool latin1 = false;
      for (; k < out.size() && out[k].begin < l.end; ++k)
        latin1 = latin1 || out[k].kind == "mojibake-utf8-as-latin1" || out[k].reread;
      if (latin1) continue;
      j = k;
      merged.push_back(std::move(l));
    }
    while (j < out.size()) merged.push_back(std::move(out[j++]));
    return merged;
  }
  return out;
}


/// Reads the run [@p begin, @p end) of one or two characters, all user-defined GBK pairs (Private
/// Use Area), as Big5 (Big5's 一 and 、 are user-defined in GBK): too short for the model to
/// judge alone, so kept aside for evidence elsewhere. Out of line: the clean-text scan stays small.
[[gnu::noinline]] void short_private_run(std::string_view text, std::size_t begin, std::size_t end, const CharModel& model,
                                         LatinState& state) {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  std::string bytes;
  for (std::size_t q = begin; q < end;) {
    const char32_t d = utf8::next(text, q);
    const std::uint16_t g = d >= 0xE000 && d <= 0xF8FF ? gbk.encode_any(d) : 0;
    if (!g) return;
    bytes += static_cast<char>(g >> 8);
    bytes += static_cast<char>(g & 0xFF);
  }
  consider(state.short_runs, text, begin, end, strict_double_byte(bytes, Legacy::big5), "mojibake-big5-as-gbk", model);
}

/// The bytes a GBK decoder read to write @p s (`€` for WHATWG's lone 0x80), or nullopt when a
/// character of @p s has no GBK code.
std::optional<std::string> gbk_wire(std::string_view s) {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  std::string wire;
  wire.reserve(s.size());
  for (std::size_t q = 0; q < s.size();) {
    const char32_t d = utf8::next(s, q);
    if (d < 0x80) {
      wire += static_cast<char>(d);
      continue;
    }
    if (d == RunWeights::kEuro) {
      wire += '\x80';
      continue;
    }
    const std::uint16_t g = gbk.encode_any(d);
    if (!g) return std::nullopt;
    wire += static_cast<char>(g >> 8);
    wire += static_cast<char>(g & 0xFF);
  }
  return wire;
}

/// @p s (a reading with U+FFFD, written where the first wrong decoder rejected a byte) read again as
/// UTF-8 read as GBK: the parts between the U+FFFD are re-encoded and read apart, each U+FFFD stays
/// and stands also for the bytes of the character it cut (an incomplete sequence at the end of the
/// part before it, trail bytes at the start of the part after it). The last part may end in an
/// incomplete sequence too: the first mix-up rejected that lead before ASCII, and the U+FFFD it
/// wrote was cut from the run by the second (`锟` then U+FFFD): the reading of the run ends before
/// it, and the U+FFFD after the run stays. Nullopt when a part has a character without GBK code or
/// does not read as UTF-8.
std::optional<std::string> read_as_utf8_around_replacements(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  for (std::size_t part = 0;;) {
    const std::size_t hole = std::min(s.find(kReplacement, part), s.size());
    std::optional<std::string> wire = gbk_wire(s.substr(part, hole - part));
    if (!wire) return std::nullopt;
    if (part > 0) {
      std::size_t lead = 0;  // trail bytes of the character the U+FFFD before cut
      while (lead < 3 && lead < wire->size() && (static_cast<unsigned char>((*wire)[lead]) & 0xC0) == 0x80) ++lead;
      wire->erase(0, lead);
    }
    for (int cut = 0; cut < 3 && !wire->empty() && !utf8::is_valid(*wire); ++cut) wire->pop_back();
    if (!utf8::is_valid(*wire)) return std::nullopt;
    out += *wire;
    if (hole == s.size()) return out;
    out += kReplacement;
    part = hole + kReplacement.size();
  }
}

/// True when @p wire, the bytes of a run's GBK codes, is UTF-8 with bytes missing: not valid, but at
/// least two thirds of its bytes are whole multi-byte sequences, two of them at least. A decoder
/// that drops the bytes it rejects breaks UTF-8 read as GBK only where it dropped one; the GBK bytes
/// of real Chinese text are seldom UTF-8 at all.
bool utf8_with_bytes_missing(std::string_view wire) {
  std::size_t whole = 0, sequences = 0;
  for (std::size_t pos = 0; pos < wire.size();) {
    const std::size_t length = utf8::sequence_length(wire, pos);
    if (length == 0) {
      ++pos;
      continue;
    }
    if (length > 1) whole += length, ++sequences;
    pos += length;
  }
  return whole < wire.size() && sequences >= 2 && 3 * whole >= 2 * wire.size();
}

/// @p reading, the UTF-8 reading of a run, or that read again as UTF-8 read as GBK (up to twice
/// more) when such a reading reads far better than it, by the test consider() applies to a run:
/// text that went through the mix-up twice (`閺€鍨盎` read once is still mojibake, `鏀垮簻`, and
/// twice 政府) comes back in one repair. Of the readings, the most probable per character is taken
/// (one mojibake reading of another need not read better than it). A reading that is prose
/// already has GBK bytes that are no UTF-8: it is returned as it is. The first mix-up may have
/// been lossy (a lead byte before ASCII is rejected: `涓�3000`): its U+FFFD stay where they are.
std::string read_again(std::string reading, const CharModel& m) {
  const auto per_char = [&](const std::string& s, double score) { return score / double(std::max<std::size_t>(1, utf8::length(s))); };
  const double first = m.score_text(reading);
  double best = first, best_per_char = per_char(reading, first);
  std::string chosen, current = reading;
  for (int depth = 0; depth < 2 && current.size() >= 6 && mostly_cjk(current); ++depth) {
    std::optional<std::string> wire = read_as_utf8_around_replacements(current);
    if (!wire || *wire == current || !mostly_cjk(*wire)) break;
    const double score = m.score_text(*wire);
    if (per_char(*wire, score) > best_per_char) {
      best = score;
      best_per_char = per_char(*wire, score);
      chosen = *wire;
    }
    current = std::move(*wire);
  }
  if (chosen.empty() || best_per_char - per_char(reading, first) < 1.0 || best - first < 4.0) return reading;
  return chosen;
}

/// Reads the characters [@p first, @p last) of a CJK run as UTF-8 read as GBK: @p wire holds the
/// bytes the GBK decoder read (one, 0x80, for a `€`), @p starts where each character's bytes begin
/// in it, @p at where each character (and, last, the run's end) begins in @p text. The part may
/// start with a few real characters (一、), and a UTF-8 sequence cut at its end is common: the
/// first starts are tried, dropping an incomplete tail. Returns false when none gives valid UTF-8.
bool read_utf8_part(std::vector<MixupFix>& out, std::string_view text, const CharModel& model, const std::string& wire,
                    const std::vector<std::size_t>& starts, const std::vector<std::size_t>& at, std::size_t first,
                    std::size_t last) {
  const std::size_t wire_end = last < starts.size() ? starts[last] : wire.size();
  for (std::size_t skip = first; skip < first + 4 && skip < last; ++skip) {
    std::string trimmed = wire.substr(starts[skip], wire_end - starts[skip]);
    for (int cut = 0; cut < 3 && !utf8::is_valid(trimmed) && !trimmed.empty(); ++cut) trimmed.pop_back();
    if (!utf8::is_valid(trimmed) || trimmed.size() < 6) continue;
    // A `€` in the dropped tail was no UTF-8 trail byte (`鍦ㄥ寳€5`: a real euro sign after the
    // mojibake): the reading stops before the first character dropped whole, and the sign stays.
    const std::size_t kept = starts[skip] + trimmed.size();
    std::size_t read_end = last;
    bool euro_dropped = false;
    for (std::size_t k = last; k > skip && starts[k - 1] >= kept; --k) {
      euro_dropped = euro_dropped || (k < starts.size() ? starts[k] : wire.size()) - starts[k - 1] == 1;
      read_end = k - 1;
    }
    std::optional<std::string> reading = strict_utf8(trimmed);
    bool reread = false;
    if (reading) {
      std::string again = read_again(*reading, model);
      reread = again != *reading;
      *reading = std::move(again);
    }
    const std::size_t before = out.size();
    consider(out, text, at[skip], at[euro_dropped ? read_end : last], reading, "mojibake-utf8-as-gbk", model);
    if (reread && out.size() >= before && !out.empty() && out.back().begin == at[skip] && out.back().after == *reading)
      out.back().reread = true;
    return true;
  }
  return false;
}

/// GBK read as Big5 by a decoder with more of Big5 than ours (the ETEN extension's kana and circled
/// figures: 稳中求进 as 恛笢⑴輛) leaves characters Big5 has no code for here, or that only Python's
/// big5 codec reads: where the run as a whole is no GBK (a decoder that dropped bytes silently put
/// it out of step), each part of the run between them is read as GBK on its own.
[[gnu::noinline]] void read_big5_parts(std::vector<MixupFix>& out, std::string_view text, std::size_t begin, std::size_t end,
                                       const CharModel& model, bool browser) {
  const auto& big5 = DoubleByteTable::get(Legacy::big5);
  std::size_t part = begin, chars = 0;
  std::string bytes;
  for (std::size_t pos = begin; pos <= end;) {
    std::size_t q = pos;
    const char32_t c = pos < end ? utf8::next(text, q) : 0;
    const std::uint16_t b = pos < end && (big5.encode(c) || (c >= 0xE000 && c <= 0xF8FF))
                                ? (browser ? big5.encode_as_browser(c) : big5.encode_any(c)) : 0;
    if (b) {
      bytes += static_cast<char>(b >> 8);
      bytes += static_cast<char>(b & 0xFF);
      ++chars;
      pos = q;
      continue;
    }
    if (chars >= 3) consider(out, text, part, pos, strict_double_byte(bytes, Legacy::gbk), "mojibake-gbk-as-big5", model);
    if (pos == end) break;
    bytes.clear();
    chars = 0;
    part = pos = q;
  }
}

}  // namespace

void join_mixup_pieces(std::vector<MixupFix>& fixes, std::string_view text, double min_confidence,
                       const std::vector<std::size_t>& apart) {
  constexpr std::size_t kMaxGap = 24;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    if (kept > 0) {
      MixupFix& last = fixes[kept - 1];
      const MixupFix& f = fixes[i];
      const std::string_view gap = text.substr(last.end, f.begin - last.end);
      if (f.kind == last.kind && gap.size() <= kMaxGap && gap.find('\n') == std::string_view::npos &&
          last.confidence >= min_confidence && f.confidence >= min_confidence &&
          std::lower_bound(apart.begin(), apart.end(), last.end) == std::lower_bound(apart.begin(), apart.end(), f.begin)) {
        last.after.append(gap).append(f.after);
        last.end = f.end;
        last.confidence = std::min(last.confidence, f.confidence);
        continue;
      }
    }
    if (kept != i) fixes[kept] = std::move(fixes[i]);
    ++kept;
  }
  fixes.resize(kept);
}

std::vector<MixupFix> find_mixup_fixes(std::string_view text, const CharModel& model,
                                       const std::vector<std::size_t>& own_replacements) {
  std::vector<MixupFix> out;
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  // The embedded model's weights are built once per process; another model's for this call.
  std::optional<RunWeights> own;
  static const RunWeights embedded(CharModel::embedded(), gbk);
  const RunWeights& weights = &model == &CharModel::embedded() ? embedded : own.emplace(model, gbk);
#if ENCODING_REPAIR_GATHER
  const bool avx2 = docpipe::cpu_has_avx2();
#endif
  std::size_t pos = 0;
  LatinState latin{out};
  while (pos < text.size()) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
      ++pos;
      while (pos + 8 <= text.size() && ascii8(text.data() + pos)) pos += 8;  // no run starts in ASCII
      continue;
    }
    std::size_t next = pos;
    const char32_t c = next_valid(text, next);
    if (latin_run_char(c)) {
      pos = latin_run(text, pos, next, model, latin);
      continue;
    }
    // A run never starts at `€`: in mojibake it stands for a UTF-8 trail byte, so it follows the
    // character of its lead (a real euro sign after ASCII, `100€`, starts nothing).
    if (c != RunWeights::kEuro && weights.of(c) != RunWeights::kNoGbk) {
      // A CJK run; examined only when its characters are rare (mojibake is made of rare ones).
      std::size_t end = pos, chars = 0;
      std::uint64_t weight = 0;
      const auto* s = reinterpret_cast<const unsigned char*>(text.data());
      const std::size_t n = text.size();
      for (;;) {
        // The three-byte sequences of CJK, decoded inline (the text is valid UTF-8, so a lead byte
        // 1110xxxx has its two trail bytes): the scan's hot loop.
        std::size_t three = end;
#if ENCODING_REPAIR_GATHER
        if (avx2) three = add_three_weights_avx2(s, three, n, weights.table(), weight);
#endif
        std::uint8_t w = 0;
        while (three < n && (s[three] & 0xF0) == 0xE0 && (w = weights.of_three(s + three)) != RunWeights::kNoGbk) {
          weight += w;
          three += 3;
        }
        chars += (three - end) / 3;
        end = three;
        if (end >= n || (s[end] & 0xF0) == 0xE0) break;  // the end, or a CJK character without GBK code
        std::size_t q = end;
        const char32_t d = next_valid(text, q);
        w = d < 0x80 ? RunWeights::kNoGbk : weights.of(d);
        if (w == RunWeights::kNoGbk) break;
        weight += w;
        ++chars;
        end = q;
      }
      if (chars < 3 && private_use_at(s + pos)) short_private_run(text, pos, end, model, latin);
      const std::string_view run = text.substr(pos, end - pos);
      // A run of two is read too, but kept aside: taken where the document has a long run read as
      // the same mix-up (in whole-text mojibake, between figures: `2010爛腔3.3` is 2010年的3.3).
      const bool short_run = chars == 2 && !private_use_at(s + pos);
      if ((chars >= 3 || short_run) && rare_run(text, pos, end, chars, weight, model, weights.exact())) {
        std::vector<MixupFix>& into = short_run ? latin.short_runs : out;
        // `wire`: the bytes a GBK decoder read, taking € for the single byte 0x80 as WHATWG's does
        // (a UTF-8 trail byte 0x80 where it expected a lead); `starts`: where each character's bytes
        // begin in it; `at`: where each character begins in the text.
        const auto& big5 = DoubleByteTable::get(Legacy::big5);  // built here: clean UTF-8 never needs it
        // Whether a browser read the text matters only where a character of the run goes back to
        // other bytes through HKSCS: the text is searched for its mark then, once.
        if (!latin.browser_big5)
          for (std::size_t r = 0; r < run.size();)
            if (big5.browser_differs(utf8::next(run, r))) {
              latin.browser_big5 = read_by_browser_big5(text);
              break;
            }
        const bool browser = latin.browser_big5.value_or(false);
        std::string as_gbk, as_big5, wire;
        std::vector<std::size_t> starts, at;
        bool big5_ok = true, euro = false;
        std::size_t q = 0, han = 0;
        while (q < run.size()) {
          at.push_back(pos + q);
          const char32_t d = utf8::next(run, q);
          euro = euro || d == RunWeights::kEuro;
          han += han_or_private(d);
          const std::uint16_t g = gbk.encode_any(d), b = browser ? big5.encode_as_browser(d) : big5.encode_any(d);
          starts.push_back(wire.size());
          if (d == RunWeights::kEuro) {
            // The one byte WHATWG's decoder read as `€`; Big5 has no byte 0x80, so the Big5 reading
            // of such a run fails, as it must.
            wire += '\x80';
            as_gbk += '\x80';
          } else {
            wire += static_cast<char>(g >> 8);
            wire += static_cast<char>(g & 0xFF);
            as_gbk += static_cast<char>(g >> 8);
            as_gbk += static_cast<char>(g & 0xFF);
          }
          if (!b) big5_ok = false;
          as_big5 += static_cast<char>(b >> 8);
          as_big5 += static_cast<char>(b & 0xFF);
        }
        // GBK also codes Greek, Cyrillic, kana and box drawing: a run mostly of those is text in its
        // own script (`ανατροφή`, `Р±РѕР»`, `╨┐╤Ç`), never CJK mix-ups, which read mostly as Han
        // characters (and user-defined-area codes, where Big5 was read as GBK).
        if (2 * han < chars) {
          pos = end;
          continue;
        }
        at.push_back(end);
        if (!short_run && utf8_with_bytes_missing(wire)) latin.silent_losses.push_back({pos, false});
        if (!read_utf8_part(into, text, model, wire, starts, at, 0, starts.size()) && euro) {
          // No valid reading across a `€` that was no trail byte (a real euro sign between two
          // mojibake runs, `鍦ㄥ€鍦ㄥ`): the parts between the signs are read apart.
          std::size_t first = 0;
          for (std::size_t k = 0; k <= starts.size(); ++k) {
            const std::size_t next_start = k + 1 < starts.size() ? starts[k + 1] : wire.size();
            if (k < starts.size() && next_start - starts[k] != 1) continue;  // not a `€` (one byte)
            if (k > first) read_utf8_part(into, text, model, wire, starts, at, first, k);
            first = k + 1;
          }
        }
        consider(into, text, pos, end, strict_double_byte(as_gbk, Legacy::big5), "mojibake-big5-as-gbk", model);
        const std::optional<std::string> gbk_reading = big5_ok ? strict_double_byte(as_big5, Legacy::gbk) : std::nullopt;
        if (gbk_reading) consider(into, text, pos, end, gbk_reading, "mojibake-gbk-as-big5", model);
        else if (!short_run) read_big5_parts(out, text, pos, end, model, browser);
      }
      pos = end;
      continue;
    }
    latin.replacement = latin.replacement || c == utf8::replacement_character;
    pos = next;
  }
  std::vector<MixupFix> fixes = finish(text, model, std::move(out), latin, own_replacements);
  if (own_replacements.empty()) return fixes;
  // A Latin-1 run or a lossy reading seeded elsewhere may still span one of them.
  std::size_t k = 0;
  std::erase_if(fixes, [&](const MixupFix& f) {
    while (k < own_replacements.size() && own_replacements[k] < f.begin) ++k;
    return k < own_replacements.size() && own_replacements[k] < f.end;
  });
  return fixes;
}

}  // namespace encoding_repair

#include "legacy_fragment.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ENCODING_REPAIR_FRAGMENT_AVX2 1
#else
#define ENCODING_REPAIR_FRAGMENT_AVX2 0
#endif

#include <unicode/uchar.h>

#include "context_score.hpp"
#include "damage_triggers.hpp"
#include "decoder.hpp"
#include "double_byte_table.hpp"
#include "han.hpp"
#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
/// Runs of at most this many U+FFFD and nothing else are the UTF-8 leftover pass's.
constexpr std::size_t kLeftoverRun = 4;
/// Lowest mean log10 probability (mean_in_context) of a reading that counts as words: fragments of
/// reports read about -1 to -2.5; UTF-8 broken by stray bytes, read as GBK, -5.9 to -8.7 (the
/// stray-byte test's 58 runs, tests/plugins/encoding-repair/repairer_test.cpp).
constexpr double kMinMean = -4.5;
/// A run of more units than this is no word or two stitched in (the decoder reads longer legacy
/// parts itself); it is not scored.
constexpr std::size_t kMostUnits = 32;

/// One character of a run: a U+FFFD for a byte the decoder rejected, a two-byte character, an ASCII
/// byte that is a legacy trail, or a private-use character.
struct Unit {
  std::size_t text_begin = 0, text_end = 0;
  bool rejected = false;
  bool ascii_trail = false;  ///< An ASCII byte after a legacy lead: its trail (GBK and Big5 trails 40-7E).
};

/// The text offsets of the U+FFFD the decoder wrote, one input byte each, in order.
std::vector<std::size_t> rejected_bytes(const docpipe::Document& doc) {
  std::vector<std::size_t> at;
  for (const docpipe::Repair& r : doc.repairs)
    if (is_rejected_byte(doc, r)) at.push_back(r.span.begin);
  std::sort(at.begin(), at.end());
  return at;
}

#if ENCODING_REPAIR_FRAGMENT_AVX2
/// next_two_byte_lead() 32 bytes a step: where it stops, or the first offset it did not look at.
__attribute__((target("avx2"))) std::size_t two_byte_lead_avx2(const unsigned char* s, std::size_t n, std::size_t i) {
  const __m256i top3 = _mm256_set1_epi8(static_cast<char>(0xE0)), lead = _mm256_set1_epi8(static_cast<char>(0xC0));
  for (; i + 32 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    auto m = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v, top3), lead)));
    for (; m != 0; m &= m - 1) {
      const std::size_t j = i + static_cast<std::size_t>(__builtin_ctz(m));
      if (s[j] >= 0xC2) return j;  // C0 and C1 lead nothing
    }
  }
  return i;
}
#endif

/// The first byte at or after @p from that leads a two-byte sequence (C2-DF), or text.size().
/// Clean Chinese text has few, so this is a scan at memory speed (clean UTF-8 reaches iconv's pace
/// through the whole stage, issue 9): 32 bytes a step with AVX2, else 8.
std::size_t next_two_byte_lead(std::string_view text, std::size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = from;
#if ENCODING_REPAIR_FRAGMENT_AVX2
  if (docpipe::cpu_has_avx2()) {
    i = two_byte_lead_avx2(s, n, i);
    if (i < n && s[i] >= 0xC2 && s[i] <= 0xDF) return i;
  }
#endif
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    // Bytes C0-DF are 110xxxxx: bit 7 and 6 set, bit 5 clear.
    const std::uint64_t hit = w & (w << 1) & ~(w << 2) & 0x8080808080808080ULL;
    if (hit) break;
  }
  for (; i < n; ++i)
    if (s[i] >= 0xC2 && s[i] <= 0xDF) return i;
  return n;
}

bool ascii_letter(char32_t c) { return c < 0x80 && std::isalpha(static_cast<int>(c)); }

/// The code point ending at @p at (0 at the text's start).
char32_t before(std::string_view text, std::size_t at) {
  if (at == 0) return 0;
  std::size_t p = code_points_back(text, at, 1);
  return utf8::next(text, p);
}

/// The code point starting at @p at (0 at the text's end).
char32_t after(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  return utf8::next(text, at);
}

/// @p bytes read whole as @p which, or "" unless every pair is a character the model knows.
std::string legacy_reading(std::string_view bytes, Legacy which, const CharModel& model) {
  if (bytes.size() % 2 != 0) return {};
  const DoubleByteTable& table = DoubleByteTable::get(which);
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const char32_t c = table.decode(static_cast<unsigned char>(bytes[i]), static_cast<unsigned char>(bytes[i + 1]));
    if (c == 0 || !model.known(c)) return {};
    utf8::append(out, c);
  }
  return out;
}

/// Mean log10 probability of the characters of @p reading standing at @p begin of @p text, each given
/// the two characters before it.
double mean_in_context(const CharModel& model, std::string_view text, std::size_t begin, const std::string& reading) {
  const std::size_t b = code_points_back(text, begin, 2);
  const std::string before(text.substr(b, begin - b));
  std::size_t chars = 0;
  for (std::size_t p = 0; p < reading.size(); utf8::next(reading, p)) ++chars;
  return (model.score_text(before + reading) - model.score_text(before)) / double(chars);
}

std::string hex_bytes(std::string_view bytes) {
  std::string out;
  char b[4];
  for (const char c : bytes) {
    std::snprintf(b, sizeof b, "%s%02X", out.empty() ? "" : " ", static_cast<unsigned char>(c));
    out += b;
  }
  return out;
}

/// The reading of the run @p run, if one of the legacy readings wins. @p scored counts the runs that
/// reached the model.
std::optional<LegacyFragmentFix> read_run(const docpipe::Document& doc, const CharModel& model, std::span<const Unit> run,
                                          std::size_t& scored) {
  const std::string_view text = doc.text;
  const std::size_t begin = run.front().text_begin, end = run.back().text_end;
  const std::size_t count = run.size();
  std::size_t rejected = 0;
  bool letters_only = true;
  for (const Unit& u : run) {
    rejected += u.rejected;
    if (!u.rejected && !u.ascii_trail) {
      std::size_t p = u.text_begin;
      letters_only = letters_only && (U_GET_GC_MASK(static_cast<UChar32>(utf8::next(text, p))) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
    }
  }
  if (count > kMostUnits || (rejected == count && count <= kLeftoverRun)) return std::nullopt;
  const char32_t left = before(text, begin), right = after(text, end);
  if (ascii_letter(left) || ascii_letter(right) || !(is_han(left) || is_han(right))) return std::nullopt;
  // Letters alone may be what they look like (a Greek letter before a Han word, α粒子), and beside a
  // U+FFFD they are the rest of broken UTF-8 (a stray C3 makes æ of a character's last byte), which
  // the run with that U+FFFD was scored as.
  if (rejected == 0 && (!letters_only || left == U'\uFFFD' || right == U'\uFFFD')) return std::nullopt;

  const std::size_t source_begin = doc.source_map.to_source(begin), source_end = doc.source_map.to_source_end(end);
  const std::string_view bytes = std::string_view(doc.raw).substr(source_begin, source_end - source_begin);
  // Letters a repair wrote (a mix-up's reading) have other input bytes: only the input's own count.
  if (rejected == 0 && bytes != text.substr(begin, end - begin)) return std::nullopt;
  struct Reading {
    std::string text;
    const char* encoding;
    double score;
  };
  std::vector<Reading> readings;
  for (const Legacy which : {Legacy::gbk, Legacy::big5}) {
    std::string r = legacy_reading(bytes, which, model);
    if (r.empty() || std::any_of(readings.begin(), readings.end(), [&](const Reading& o) { return o.text == r; })) continue;
    const double s = score_in_context(model, text, begin, end, r);
    readings.push_back({std::move(r), which == Legacy::gbk ? "GB18030" : "Big5", s});
  }
  if (readings.empty()) return std::nullopt;
  ++scored;
  const double as_is = score_in_context(model, text, begin, end, text.substr(begin, end - begin));
  const auto best = std::max_element(readings.begin(), readings.end(), [](const Reading& a, const Reading& b) { return a.score < b.score; });
  if (mean_in_context(model, text, begin, best->text) < kMinMean) return std::nullopt;
  if (best->score <= as_is || (rejected == 0 && best->score - as_is < kLetterMargin)) return std::nullopt;
  double total = std::pow(10.0, as_is - best->score);
  for (const Reading& r : readings) total += std::pow(10.0, r.score - best->score);
  LegacyFragmentFix fix;
  fix.begin = begin;
  fix.end = end;
  fix.after = best->text;
  fix.confidence = 1.0 / total;
  fix.note = "input bytes " + std::to_string(source_begin) + "-" + std::to_string(source_end) + " (" + hex_bytes(bytes) +
             ") read as " + best->encoding + ": a legacy fragment in UTF-8 text";
  return fix;
}

/// The fragments with rejected bytes, or with @p letters_alone those of letters alone.
std::vector<LegacyFragmentFix> find_fragments(const docpipe::Document& doc, const CharModel& model, bool letters_alone) {
  std::vector<LegacyFragmentFix> fixes;
  const std::string_view text = doc.text;
  const std::vector<std::size_t> rejected = letters_alone ? std::vector<std::size_t>() : rejected_bytes(doc);
  auto next_rejected = rejected.begin();
  auto is_rejected = [&](std::size_t at) {
    while (next_rejected != rejected.end() && *next_rejected < at) ++next_rejected;
    return next_rejected != rejected.end() && *next_rejected == at;
  };
  // The unit starting at @p at, if one does, after @p prev (null at a run's start); @p bytes counts
  // the run's input bytes so far.
  auto unit_at = [&](std::size_t at, const Unit* prev, std::size_t& bytes, Unit& u) {
    if (at >= text.size()) return false;
    const auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0xC2 && c <= 0xDF && at + 1 < text.size() && (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80) {
      u = {at, at + 2, false, false};
      bytes += 2;
      return true;
    }
    // A legacy pair and the next lead can make a well-formed three-byte sequence; where it is a
    // private-use character (E000-F8FF, ill-formed as text) beside rejected bytes, it is one.
    if (!letters_alone && c == 0xEE && prev && at + 2 < text.size() &&
        (static_cast<unsigned char>(text[at + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(text[at + 2]) & 0xC0) == 0x80) {
      u = {at, at + 3, false, false};
      bytes += 3;
      return true;
    }
    if (c == 0xEF && is_rejected(at)) {
      u = {at, at + kReplacement.size(), true, false};
      bytes += 1;
      return true;
    }
    // A legacy lead whose trail is ASCII, which the decoder passed on as a letter or sign: GBK's
    // traditional characters often have one (設 is D4 4F), half of Big5's do. The lead is the last
    // byte before, when the run so far holds an odd number of bytes (read in step from its start).
    if (prev && bytes % 2 == 1 && c >= 0x40 && c <= 0x7E &&
        static_cast<unsigned char>(doc.raw[doc.source_map.to_source_end(prev->text_end) - 1]) >= 0x81) {
      u = {at, at + 1, false, true};
      bytes += 1;
      return true;
    }
    return false;
  };
  // A text full of runs worth scoring is in another script or encoding, not stitched: stop there.
  const std::size_t budget = damage_search_budget(text.size());
  std::size_t scored = 0, cursor = 0;
  auto error = rejected.begin();
  std::vector<Unit> units;
  while (scored <= budget) {
    while (error != rejected.end() && *error < cursor) ++error;
    const std::size_t start = std::min(next_two_byte_lead(text, cursor), error == rejected.end() ? text.size() : *error);
    if (start >= text.size()) break;
    units.clear();
    Unit u;
    std::size_t bytes = 0;
    for (std::size_t at = start; unit_at(at, units.empty() ? nullptr : &units.back(), bytes, u); at = u.text_end) units.push_back(u);
    // An ASCII byte at the run's end that no pair needs is the text's again.
    while (!units.empty() && units.back().ascii_trail && bytes % 2 == 1) units.pop_back(), --bytes;
    if (units.empty()) {  // a lead byte of a well-formed sequence no longer than it: not a unit
      cursor = start + 1;
      continue;
    }
    cursor = units.back().text_end;
    const bool with_rejected = std::any_of(units.begin(), units.end(), [](const Unit& x) { return x.rejected; });
    if (with_rejected == letters_alone) continue;
    if (auto fix = read_run(doc, model, units, scored)) fixes.push_back(std::move(*fix));
  }
  return fixes;
}

}  // namespace

std::vector<LegacyFragmentFix> find_legacy_fragment_fixes(const docpipe::Document& doc, const CharModel& model) {
  return find_fragments(doc, model, false);
}

std::vector<LegacyFragmentFix> find_legacy_letter_fixes(const docpipe::Document& doc, const CharModel& model) {
  return find_fragments(doc, model, true);
}

}  // namespace encoding_repair

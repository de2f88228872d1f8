#include "mixup_latin.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "char_model.hpp"
#include "windows_1252.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

constexpr int kHole = -1;

/// The byte a Windows-1252/Latin-1 decoder turned into @p c, kHole for U+FFFD, or -2.
int byte_of(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  if (c == 0xFFFD) return kHole;
  const int b = windows_1252::byte_of(c);
  return b >= 0 ? b : -2;
}

/// True for characters real text is written in. A UTF-8 reading that yields anything else (IPA,
/// Armenian, Latin Extended-B beyond pinyin and Romanian, C1 controls, phonetic extensions, ...)
/// is far more likely a Latin-1 text that happens to be valid UTF-8: `NESTLÉ®` reads as `NESTLɮ`,
/// `VOCÊ…` as `VOCʅ`.
bool ordinary(char32_t c) noexcept {
  if (c < 0x80) return true;
  if (c < 0xA0) return false;
  if (c < 0x180) return true;
  if (c < 0x250)
    return (c >= 0x1CD && c <= 0x1DC) || (c >= 0x218 && c <= 0x21B) || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0;
  if (c < 0x2B0) return false;
  if (c < 0x300) return c == 0x2BC || (c >= 0x2C6 && c <= 0x2CB) || (c >= 0x2D8 && c <= 0x2DD);
  if (c < 0x370) return true;  // combining marks
  if (c < 0x400) return c >= 0x384 && c <= 0x3CE;
  if (c < 0x500) return c < 0x460 || c == 0x490 || c == 0x491;
  if (c < 0x600) return c >= 0x5D0 && c <= 0x5EA;
  if (c < 0x700) return true;  // Arabic
  if (c >= 0x900 && c < 0x980) return true;   // Devanagari
  if (c >= 0xE00 && c < 0xE80) return true;   // Thai
  if (c >= 0x1E00 && c < 0x1F00) return true; // Latin Extended Additional (Vietnamese)
  if (c >= 0x2010 && c <= 0x205E) return true;
  if (c >= 0x20A0 && c < 0x20C0) return true;
  if (c >= 0x2100 && c < 0x2400) return true;  // letterlike, number forms, arrows, mathematics, technical
  if (c >= 0x2460 && c < 0x27C0) return true;  // enclosed, box drawing, shapes, symbols, dingbats
  if (c >= 0x2800 && c < 0x2900) return true;  // Braille
  if (c >= 0x2E80 && c < 0xA000) return true;  // CJK
  if (c >= 0xAC00 && c < 0xD7A4) return true;  // Hangul
  if (c >= 0xF900 && c < 0xFB00) return true;
  if (c >= 0xFB00 && c <= 0xFB06) return true;
  if (c >= 0xFE30 && c < 0xFE50) return true;
  if (c >= 0xFF00 && c < 0xFFF0) return true;
  if (c == 0xFFFD) return true;  // `ï¿½`: a U+FFFD that went through the mix-up itself
  return c >= 0x1F000 && c < 0x1FB00;  // emoji
}

bool ascii_letter(int b) { return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'); }

/// True when the sequence of @p length bytes at @p i of @p bytes (reading as @p c) is as likely a
/// Latin-1 text as written: a letter before a no-break space (`SELKÄ EDELLÄ`; `Ã ` for à
/// excepted), `×` before a symbol (`5×£35`), a letter before the Windows-1252 punctuation of the
/// upper half (`AHÅ™,` `Ã’s` `Å—`) unless inside a word (`ZURÃœCK`) or, for À..ß, after a
/// capital (`OÃ™ ET`), a letter before two such
/// marks (`Brontë…”`) unless they read as punctuation (`â€™` is ’).
bool weak_evidence(const std::vector<int>& bytes, std::size_t i, int length, char32_t c, int previous) {
  const int lead = bytes[i], second = bytes[i + 1];
  if (lead == 0xD7) return true;
  auto punctuation = [](int b) { return b >= 0x80 && b <= 0x9F; };
  if (length == 2) {
    if (second == 0xA0) return lead != 0xC3;
    if (!punctuation(second)) return false;
    const int before = i > 0 ? bytes[i - 1] : previous, after = i + 2 < bytes.size() ? bytes[i + 2] : -1;
    if (lead == 0xC3 && before >= 'A' && before <= 'Z') return false;  // À..ß in a capitalized word
    return !(ascii_letter(before) && ascii_letter(after));
  }
  if (length == 3 && punctuation(second) && punctuation(bytes[i + 2]))
    return !(c >= 0x2000 && c < 0x2C00);  // punctuation and symbols: `â€™` is ’, `âœ”` is ✔
  return false;
}

/// One character of the UTF-8 reading: its possible code points (more than one where a byte was lost).
struct Reading {
  std::vector<char32_t> options;
  bool lost = false;  ///< Some byte was a U+FFFD.
};

/// The trail-byte range UTF-8 allows at place @p k (1..3) of a sequence led by @p lead.
std::pair<int, int> trail_range(int lead, int k) {
  int low = 0x80, high = 0xBF;
  if (k == 1 && lead == 0xE0) low = 0xA0;
  if (k == 1 && lead == 0xED) high = 0x9F;
  if (k == 1 && lead == 0xF0) low = 0x90;
  if (k == 1 && lead == 0xF4) high = 0x8F;
  return {low, high};
}

/// The code points a sequence of @p length led by @p lead reads as when one of its trail bytes was
/// dropped without a trace (a Windows-1252 decoder that left out its five undefined bytes): @p
/// trails are the @p length - 2 trail bytes left, and the lost one was any of the five at any place.
std::vector<char32_t> values_with_a_trail_dropped(int lead, int length, const int* trails) {
  std::vector<char32_t> out;
  for (int lost_at = 1; lost_at < length; ++lost_at)
    for (const unsigned char u : windows_1252::kUndefined) {
      char32_t v = static_cast<char32_t>(lead & (0x7F >> length));
      bool ok = true;
      for (int k = 1, t = 0; k < length && ok; ++k) {
        const int b = k == lost_at ? u : trails[t++];
        const auto [low, high] = trail_range(lead, k);
        ok = b >= low && b <= high;
        v = v << 6 | static_cast<char32_t>(b & 0x3F);
      }
      if (ok && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
  return out;
}

/// Reads @p bytes (kHole for a lost byte) as strict UTF-8. Returns false when they are not UTF-8
/// whatever the lost bytes were. Counts in @p strong the multi-byte sequences that are evidence
/// of the mix-up: not a letter followed by a no-break space (`SELKÄ EDELLÄ`, except `Ã ` for à)
/// and not led by `×` (`5×£35`). Given @p dropped, a sequence of three or four bytes one trail short
/// lost that trail without a trace, and a three-byte lead alone both (counted there).
bool read_utf8(const std::vector<int>& bytes, int previous, std::vector<Reading>& out, int& strong, int* dropped = nullptr) {
  for (std::size_t i = 0; i < bytes.size();) {
    const int lead = bytes[i];
    if (lead >= 0 && lead < 0x80) {
      out.push_back({{static_cast<char32_t>(lead)}, false});
      ++i;
      continue;
    }
    int length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    else return false;  // a lost byte is never a lead (all five are trail bytes)
    if (dropped && length >= 3) {
      int fit = 0;
      while (fit + 1 < length && i + 1 + fit < bytes.size() && bytes[i + 1 + fit] >= 0x80 && bytes[i + 1 + fit] <= 0xBF) ++fit;
      if (fit == length - 2) {
        std::vector<char32_t> values = values_with_a_trail_dropped(lead, length, bytes.data() + i + 1);
        if (values.empty()) return false;
        out.push_back({std::move(values), true});
        ++strong;
        ++*dropped;
        i += static_cast<std::size_t>(length - 1);
        continue;
      }
      if (fit == 0 && length == 3) {  // both trails dropped: a character not guessed, shown as U+FFFD
        out.push_back({{utf8::replacement_character}, true});
        *dropped += 2;
        ++i;
        continue;
      }
    }
    if (i + length > bytes.size()) return false;
    std::vector<char32_t> values = {static_cast<char32_t>(lead & (0x7F >> length))};
    bool lost = false;
    for (int k = 1; k < length; ++k) {
      const auto [low, high] = trail_range(lead, k);
      const int b = bytes[i + k];
      std::vector<char32_t> next;
      if (b == kHole) {
        lost = true;
        for (const unsigned char u : windows_1252::kUndefined)
          if (u >= low && u <= high)
            for (const char32_t v : values) next.push_back(v << 6 | (u & 0x3F));
      } else if (b >= low && b <= high) {
        for (const char32_t v : values) next.push_back(v << 6 | (b & 0x3F));
      }
      if (next.empty()) return false;
      values = std::move(next);
    }
    strong += !weak_evidence(bytes, i, length, values.front(), previous);
    out.push_back({std::move(values), lost});
    i += static_cast<std::size_t>(length);
  }
  return true;
}

/// One pass of the reading: nothing when @p run is not such a mix-up.
std::optional<LatinReading> read_once(std::string_view run, char previous, const CharModel& model) {
  std::vector<int> bytes;
  bytes.reserve(run.size());
  for (std::size_t pos = 0; pos < run.size();) {
    const int b = byte_of(utf8::next(run, pos));
    if (b == -2) return std::nullopt;
    bytes.push_back(b);
  }
  std::vector<Reading> chars;
  int strong = 0;
  if (!read_utf8(bytes, static_cast<unsigned char>(previous), chars, strong)) {
    // A Windows-1252 decoder that left out its undefined bytes (Python's errors='ignore') leaves
    // UTF-8 one trail short wherever it dropped one. Believed only in text that reads mostly as
    // CJK and has at least two whole sequences for each short one: Latin-1 text as written is
    // seldom even close to UTF-8.
    chars.clear();
    strong = 0;
    int dropped = 0;
    if (!read_utf8(bytes, static_cast<unsigned char>(previous), chars, strong, &dropped)) return std::nullopt;
    std::size_t cjk = 0, wide = 0;
    for (const Reading& r : chars) {
      wide += r.options.front() >= 0x80;
      cjk += r.options.front() >= 0x2E80 && r.options.front() < 0xA000;
    }
    if (2 * cjk < wide || cjk < 2 || 3 * dropped > strong) return std::nullopt;
  }
  if (std::all_of(chars.begin(), chars.end(), [](const Reading& r) { return r.options.size() == 1 && r.options[0] < 0x80; }))
    return std::nullopt;
  for (Reading& r : chars) {
    std::erase_if(r.options, [](char32_t c) { return !ordinary(c); });
    if (r.options.empty()) return std::nullopt;
  }
  // Each lost byte: the reading the model finds clearly best between its neighbours, or U+FFFD.
  LatinReading out;
  char32_t prev2 = ' ', prev = ' ';
  for (std::size_t i = 0; i < chars.size(); ++i) {
    char32_t c = chars[i].options.front();
    if (chars[i].options.size() > 1) {
      const bool next_known = i + 1 < chars.size() && chars[i + 1].options.size() == 1;
      double best = -1e300, second = -1e300;
      for (const char32_t o : chars[i].options) {
        double s = model.score(prev2, prev, o);
        if (next_known) s += model.score(prev, o, chars[i + 1].options.front());
        if (s > best) second = best, best = s, c = o;
        else second = std::max(second, s);
      }
      if (best - second < 1.0) c = utf8::replacement_character;
    }
    utf8::append(out.text, c);
    prev2 = prev;
    prev = c;
  }
  out.evidence = strong;
  out.confidence = strong == 0 ? 0.9 : std::min(0.999, 1.0 - std::pow(0.1, strong));
  return out;
}

}  // namespace

bool ordinary_character(char32_t c) { return ordinary(c); }

std::optional<LatinReading> read_latin_run_as_utf8(std::string_view run, char previous, const CharModel& model) {
  std::optional<LatinReading> reading = read_once(run, previous, model);
  // Text mixed up twice (or three times) reads as such a run again: `nÃƒÂ©` -> `nÃ©` -> `né`.
  for (int again = 0; reading && again < 2; ++again) {
    std::optional<LatinReading> deeper = read_once(reading->text, previous, model);
    if (!deeper) break;
    deeper->confidence = std::min(deeper->confidence, reading->confidence);
    deeper->evidence = std::min(deeper->evidence, reading->evidence);
    reading = std::move(deeper);
  }
  return reading;
}

}  // namespace encoding_repair

#include "dropped_lead_repair.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>
#include <string>
#include <vector>

#include "char_model.hpp"
#include "context_score.hpp"
#include "damage_triggers.hpp"
#include "double_byte_table.hpp"
#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace encoding_repair {

namespace {

/// Places tried before an ASCII letter glued between two non-ASCII characters: traditional text
/// read out of step is back in step within a few characters, at a trail byte 0x40-0x7E that the
/// decoder took for ASCII (`餁v史` in the seed).
constexpr std::size_t kBeforeLetter = 10;

/// Log10 probability of a glued letter with the two characters either side above which the letter
/// reads as written: clean letters of the profiling subset score -13 (median; -9.5 at the 90th
/// percentile), letters that end generated damage -22 (-17.5 at the 90th). At -13 the benchmark
/// loses no chunk (at -15 three) and clean UTF-8 through the stage costs 357 M instructions
/// instead of 387 M (324 M without this pass).
constexpr double kFluentLetter = -13.0;

/// Lines either side of a supposed `?` that its search reads (their pairs help the model).
constexpr int kContextLines = 1;

/// Where the line @p lines before the one holding @p at starts.
std::size_t line_start(std::string_view text, std::size_t at, int lines) {
  std::size_t b = at;
  for (int i = 0; i <= lines; ++i) {
    const std::size_t nl = b == 0 ? std::string_view::npos : text.rfind('\n', b - 1);
    if (nl == std::string_view::npos) return 0;
    b = nl;
  }
  return b + 1;
}

/// Where the line @p lines after the one holding @p at ends (its line break included).
std::size_t line_end(std::string_view text, std::size_t at, int lines) {
  std::size_t e = at;
  for (int i = 0; i <= lines; ++i) {
    const std::size_t nl = text.find('\n', e);
    if (nl == std::string_view::npos) return text.size();
    e = nl + 1;
  }
  return e;
}

bool folded_punctuation(char c) {
  return c == ',' || c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == '(' || c == ')';
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// glued_letters() 32 bytes at a time: a letter byte whose byte before has the high bit set (the
/// last byte of a multi-byte character) and whose byte after has it too or is folded punctuation.
__attribute__((target("avx2"))) std::size_t glued_letters_avx2(const unsigned char* s, std::size_t n,
                                                               std::vector<std::size_t>& out) {
  const __m256i below_letters = _mm256_set1_epi8(0x3F), above_letters = _mm256_set1_epi8(0x7F);
  std::size_t i = 1;
  for (; i + 33 <= n; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i));
    const __m256i before = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i - 1));
    const __m256i after = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + 1));
    // Signed compares: bytes from 0x80 are negative, so neither test passes for them.
    const __m256i letter = _mm256_and_si256(_mm256_cmpgt_epi8(v, below_letters), _mm256_cmpgt_epi8(above_letters, v));
    std::uint32_t mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(letter)) &
                         static_cast<std::uint32_t>(_mm256_movemask_epi8(before));
    if (mask == 0) continue;
    __m256i punct = _mm256_setzero_si256();
    for (const char c : {',', '.', ':', ';', '!', '?', '(', ')'}) punct = _mm256_or_si256(punct, _mm256_cmpeq_epi8(after, _mm256_set1_epi8(c)));
    mask &= static_cast<std::uint32_t>(_mm256_movemask_epi8(after)) | static_cast<std::uint32_t>(_mm256_movemask_epi8(punct));
    for (; mask != 0; mask &= mask - 1) out.push_back(i + static_cast<std::size_t>(__builtin_ctz(mask)));
  }
  return i;
}
#endif

/// Offsets of the ASCII bytes 0x40-0x7E right after a non-ASCII character and right before another
/// or folded punctuation: where a run read out of step in traditional text can end (GBK trail bytes
/// from 0x40 read as ASCII put the decoder back in step: `餁v史` in the seed).
std::vector<std::size_t> glued_letters(std::string_view text) {
  std::vector<std::size_t> out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 1;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (docpipe::cpu_has_avx2()) i = glued_letters_avx2(s, n, out);
#endif
  for (; i + 1 < n; ++i)
    if (s[i] >= 0x40 && s[i] <= 0x7E && s[i - 1] >= 0x80 && (s[i + 1] >= 0x80 || folded_punctuation(static_cast<char>(s[i + 1]))))
      out.push_back(i);
  return out;
}

/// What a reading pays for each enumerator (①..⒛, ⑴..⒇, ⒈..⒛) the text has nowhere else: the model
/// counts all of them as one class, so `；⒇` reads as well as `；①` in any list, though a list
/// item is one of twenty and late items are rarer (a reading may also make one up where the text
/// has no list at all). log10(20) = 1.3 left `；⒇回車巷` tied with `。回車巷` on the seed's first
/// example without its `?`; 2 reads it right and changes no chunk of the benchmark.
constexpr double kEnumerator = 2.0;

/// The enumerators of @p reading that @p text does not hold elsewhere.
int unlisted_enumerators(std::string_view reading, std::string_view text) {
  int count = 0;
  for (std::size_t pos = 0; pos < reading.size();) {
    const std::size_t at = pos;
    const char32_t c = docpipe::utf8::next(reading, pos);
    if (c >= 0x2460 && c <= 0x249B && text.find(reading.substr(at, pos - at)) == std::string_view::npos) ++count;
  }
  return count;
}

/// Characters the quick check reads in step (the beam search that follows reads the whole run).
constexpr std::size_t kQuickChars = 8;
/// What the quick check charges for the first character, whose lead byte it does not guess.
constexpr double kFirstCharacter = 3.0;
/// Characters (by unigram, the most common) the quick check of a lone letter scores in context.
constexpr std::size_t kLeadsTried = 12;
/// How much more probable (log10) the quick reading must be: clean text read so stays below 0.1
/// on the 39 reports of tests/bench/profile_subset.sh.
constexpr double kQuickMargin = 0.5;

/// The quick check before a search: the characters from @p p read back in step by the plain shift
/// (each one's trail byte and the next one's lead byte, as the out-of-step decoder paired them,
/// paired the other way; a `letter` at @p letter_at is the last trail), as far as that gives
/// characters, must be more probable than the text as is there. A vanished pair derails the shift,
/// so only its first kQuickChars characters count; the search itself handles those. Clean text
/// read so is gibberish; text read out of step comes back in step.
bool promising(std::string_view text, std::size_t p, std::size_t letter_at, const CharModel& model) {
  const DoubleByteTable& gbk = DoubleByteTable::get(Legacy::gbk);
  if (p == letter_at) {
    // The run was the one character whose trail is the letter: some lead byte must make it a
    // character that reads clearly better than the letter (the best of ~126 leads, so a decade
    // more).
    std::string reading;
    auto terms = [&](char32_t c) {
      reading.clear();
      docpipe::utf8::append(reading, c);
      return score_in_context(model, text, p, p + 1, reading);
    };
    const double asis = terms(static_cast<unsigned char>(text[p]));
    // Only the leads whose characters are most common on their own are scored in context: a rare
    // character seldom reads best, and each trigram costs a table search.
    std::pair<double, char32_t> common[kLeadsTried];
    std::size_t held = 0;
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
      const char32_t d = gbk.decode(static_cast<unsigned char>(lead), static_cast<unsigned char>(text[p]));
      if (d < 0x3400 || !model.known(d)) continue;
      const std::pair<double, char32_t> e{model.unigram(d), d};
      if (held < kLeadsTried) {
        common[held++] = e;
        std::push_heap(common, common + held, std::greater<>());
      } else if (e > common[0]) {
        std::pop_heap(common, common + held, std::greater<>());
        common[held - 1] = e;
        std::push_heap(common, common + held, std::greater<>());
      }
    }
    double best = -1e300;
    for (std::size_t i = 0; i < held; ++i) best = std::max(best, terms(common[i].second));
    return best - 1.0 - asis > kQuickMargin;
  }
  std::string bytes;
  std::vector<std::size_t> ends;  // where each character read as is ends in the text (the letter too)
  for (std::size_t pos = p; pos < text.size() && ends.size() <= kQuickChars;) {
    if (pos == letter_at) {
      bytes += text[pos];
      ends.push_back(pos + 1);
      break;
    }
    const auto b = static_cast<unsigned char>(text[pos]);
    std::size_t q = pos;
    char32_t c = docpipe::utf8::next(text, q);
    if (b < 0x80) {
      // ASCII punctuation inside a stretch read out of step is a folded full-width mark; a `?` is
      // the lost-lead-byte search's own start, not such a stretch.
      if (b == '?' || !folded_punctuation(static_cast<char>(b))) break;
      c = 0xFF00 + (c - 0x20);  // the full-width form the folding replaced
    }
    const std::uint16_t code = gbk.encode(c);
    if (code == 0) break;
    bytes += static_cast<char>(code >> 8);
    bytes += static_cast<char>(code & 0xFF);
    ends.push_back(pos = q);
  }
  // In step, each character is one's second byte and the next one's first: k of them stand for
  // the k + 1 characters read as is that hold their bytes.
  std::string in_step;
  std::size_t k = 0;
  for (std::size_t i = 1; i + 1 < bytes.size(); i += 2, ++k) {
    const char32_t c = gbk.decode(static_cast<unsigned char>(bytes[i]), static_cast<unsigned char>(bytes[i + 1]));
    if (c == 0) break;
    docpipe::utf8::append(in_step, c);
  }
  if (k == 0) return false;
  const std::size_t asis_end = ends[std::min(k, ends.size() - 1)];
  // Both readings of [p, asis_end) scored with the same two characters either side.
  const double g = score_in_context(model, text, p, asis_end, in_step) - kFirstCharacter - score_in_context(model, text, p, asis_end, text.substr(p, asis_end - p));
  return g > kQuickMargin;
}

}  // namespace

std::vector<LostByteFix> find_dropped_lead_fixes(std::string_view text, const CharModel& model,
                                                 const std::function<const LostByteOptions&()>& options_of_text,
                                                 const std::vector<LostByteFix>& taken, double min_gain) {
  // Per glued letter, the places where the run's `?` may have been and where the text its search
  // reads ends: the run is back in step at the letter, so the search reads a few characters past
  // it only (the beam over a line read out of step is what costs).
  struct Places {
    std::vector<std::size_t> at;
    std::size_t until = 0;
    std::size_t letter = 0;
  };
  std::vector<Places> places;
  for (const std::size_t pos : glued_letters(text)) {
    // A letter that reads well where it stands (`创A级`, `乡村e镇`) ends no run read out of step;
    // this first test needs no GBK table, which clean text then seldom builds.
    if (score_in_context(model, text, pos, pos + 1, text.substr(pos, 1)) > kFluentLetter) continue;
    // A trail byte read as ASCII ends the run: its `?` was among the characters just before (the
    // stretch the out-of-step decoder may have read: non-ASCII characters and folded
    // punctuation), or right before the letter itself (the run was that one character).
    Places at_letter;
    std::size_t b = pos;
    for (std::size_t k = 0; k < kBeforeLetter && b > 0; ++k) {
      const std::size_t c = code_points_back(text, b, 1);
      const auto lead = static_cast<unsigned char>(text[c]);
      if (lead < 0x80 && !folded_punctuation(static_cast<char>(lead))) break;
      b = c;
      at_letter.at.insert(at_letter.at.begin(), b);
    }
    at_letter.at.push_back(pos);
    at_letter.until = code_points_forward(text, pos + 1, 4);
    at_letter.letter = pos;
    places.push_back(std::move(at_letter));
  }
  std::vector<LostByteFix> fixes;
  // A text with letters glued to Chinese everywhere is mixed-script prose, not damaged here and there.
  if (places.empty() || places.size() > damage_search_budget(text.size())) return fixes;

  auto overlaps_taken = [&](std::size_t begin, std::size_t end) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const LostByteFix& f) { return f.begin < end && begin < f.end + f.tag_rest; });
  };
  // Taken runs are in text order; places are visited in text order too.
  std::size_t next_taken = 0;
  auto inside_taken = [&](std::size_t p) {
    while (next_taken < taken.size() && taken[next_taken].end + taken[next_taken].tag_rest <= p) ++next_taken;
    return next_taken < taken.size() && taken[next_taken].begin <= p;
  };
  // Each search reads a line out of step: a text with more promising places than damage has is
  // not searched further.
  std::size_t searches = 0;
  const std::size_t search_budget = 4 * damage_search_budget(text.size());
  std::size_t resume = 0;  // places before this lie in a run already read
  for (const Places& stretch : places) {
    std::vector<LostByteFix> readings;  // one per place that gave one
    for (const std::size_t p : stretch.at) {
      if (p < resume || inside_taken(p) || !promising(text, p, stretch.letter, model)) continue;
      if (searches++ == search_budget) return fixes;
      const LostByteOptions& options = options_of_text();
      // The search reads the lines around the supposed `?` only: it is built over the whole text it
      // is given (the document's own pairs), and most places are tried in vain.
      const std::size_t from = line_start(text, p, kContextLines);
      const std::size_t to = std::min(stretch.until, line_end(text, p, kContextLines));
      std::string marked(text.substr(from, p - from));
      marked += '?';
      marked += text.substr(p, to - p);
      LostByteFix fix;
      if (!find_lost_byte_fix_at(marked, p - from, model, fix, options)) continue;
      // Back to the text without the supposed `?`.
      fix.begin = p;
      fix.end = from + fix.end - 1;
      if (fix.end <= fix.begin) continue;  // a character read from no byte: only a real `?` holds one
      readings.push_back(std::move(fix));
    }
    if (readings.empty()) continue;
    // The places' readings compared on one span, from the first place to the last end: a later
    // place keeps the characters before it as they are, which is part of its reading.
    std::size_t span_begin = readings.front().begin, span_end = 0;
    for (const LostByteFix& r : readings) span_end = std::max(span_end, r.end);
    double best_score = -1e300;
    std::size_t best_at = 0;
    for (std::size_t k = 0; k < readings.size(); ++k) {
      const LostByteFix& r = readings[k];
      std::string whole(text.substr(span_begin, r.begin - span_begin));
      whole += r.after;
      whole += text.substr(r.end, span_end - r.end);
      const double score = score_in_context(model, text, span_begin, span_end, whole) - unlisted_enumerators(r.after, text) * kEnumerator;
      if (score > best_score) {
        best_score = score;
        best_at = k;
      }
    }
    LostByteFix best = std::move(readings[best_at]);
    // Its gain over the text as it is (no `?`).
    best.gain = score_in_context(model, text, best.begin, best.end, best.after) -
                score_in_context(model, text, best.begin, best.end, text.substr(best.begin, best.end - best.begin));
    if (best.gain < min_gain || overlaps_taken(best.begin, best.end)) continue;
    best.confidence = confidence_from_gain(best.gain);
    best.note = "lead byte lost with no '?' left; " + best.note;
    resume = best.end + best.tag_rest;
    fixes.push_back(std::move(best));
  }
  return fixes;
}

}  // namespace encoding_repair

#include "decoder.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <type_traits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "char_model.hpp"
#include "decode_utf8_stretches.hpp"
#include "double_byte_table.hpp"
#include "nul_bytes.hpp"
#include "docpipe/cpu.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

using docpipe::Document;
using docpipe::Repair;

/// True when the eight bytes at @p p are all ASCII.
inline bool ascii8(const char* p) noexcept {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return (word & 0x8080808080808080ULL) == 0;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ENCODING_REPAIR_GATHER 1

/// Writes at @p out the UTF-8 bytes of the pairs of @p s from @p pos on, eight pairs at a time, as
/// long as all eight of a block are three-byte characters (DoubleByteTable::utf8_three_table()
/// @p threes); returns where it stopped, @p out advanced. The caller's scalar loop goes on from
/// there. Each block writes 28 bytes of which 24 are kept: @p out needs room for 3 bytes a pair
/// left plus 4.
__attribute__((target("avx2"))) std::size_t write_threes_avx2(const unsigned char* s, std::size_t pos, std::size_t n,
                                                               const std::uint32_t* threes, char*& out) noexcept {
  // Three bytes of each 32-bit value, four values a 128-bit lane.
  const __m256i pack = _mm256_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1,
                                        0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1);
  while (pos + 16 <= n) {
    // Pair i is lead s[2i], trail s[2i+1]: the table index lead * 256 + trail, widened to 32 bits.
    const __m128i pairs = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos));
    const __m128i index16 = _mm_or_si128(_mm_slli_epi16(pairs, 8), _mm_srli_epi16(pairs, 8));
    const __m256i packed = _mm256_i32gather_epi32(reinterpret_cast<const int*>(threes), _mm256_cvtepu16_epi32(index16), 4);
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(packed, _mm256_setzero_si256())) != 0) break;
    const __m256i bytes = _mm256_shuffle_epi8(packed, pack);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm256_castsi256_si128(bytes));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 12), _mm256_extracti128_si256(bytes, 1));
    out += 24;
    pos += 16;
  }
  return pos;
}
#else
#define ENCODING_REPAIR_GATHER 0
#endif

/// Accumulates text, map and decode errors unit by unit. The text is written into a buffer grown
/// ahead (`len` bytes used) rather than appended to, so the per-character cost is a store.
struct Builder {
  std::string text;  // [0, len) written; the rest is room
  std::size_t len = 0;
  docpipe::SourceMap map;
  std::vector<Repair> errors;
  std::size_t error_count = 0;
  const std::string* stage = nullptr;

  /// Room for @p k more bytes (plus a word of slack for packed stores).
  char* room(std::size_t k) {
    if (len + k + 8 > text.size()) text.resize(std::max(text.size() * 2, len + k + 64));
    return text.data() + len;
  }
  /// The UTF-8 bytes of a character packed first byte lowest (DoubleByteTable::utf8_three).
  void three(std::uint32_t packed, std::size_t source_len) {
    std::memcpy(room(4), &packed, 4);
    len += 3;
    map.append(3, source_len);
  }
  /// Writes the three-byte character @p packed of the pair at @p pos and of every pair after it
  /// that is one too; returns the position after them.
  std::size_t three_run(const DoubleByteTable& table, const unsigned char* s, std::size_t pos, std::size_t n,
                        std::uint32_t packed) {
    char* out = room(3 * ((n - pos) / 2) + 4);
    char* const start = out;
    const std::uint32_t* const threes = table.utf8_three_table();  // not reloaded after each store
#if ENCODING_REPAIR_GATHER
    if (docpipe::cpu_has_avx2()) {
      pos = write_threes_avx2(s, pos, n, threes, out);
      packed = pos + 1 < n ? threes[s[pos] * 256u + s[pos + 1]] : 0;  // where the blocks stopped
    }
#endif
    while (packed != 0) {
      std::memcpy(out, &packed, 4);
      out += 3;
      pos += 2;
      packed = pos + 1 < n ? threes[s[pos] * 256u + s[pos + 1]] : 0;
    }
    len += static_cast<std::size_t>(out - start);
    map.append(3, 2, static_cast<std::size_t>(out - start) / 3);
    return pos;
  }
  void unit(char32_t cp, std::size_t source_len) {
    // The common case, a BMP character past U+07FF, written in one store.
    if (cp >= 0x800 && cp < 0x10000 && (cp < 0xD800 || cp > 0xDFFF)) {
      three((0xE0 | (cp >> 12)) | (0x80 | ((cp >> 6) & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16, source_len);
      return;
    }
    std::string tmp;  // four bytes at most: no allocation
    docpipe::utf8::append(tmp, cp);
    std::memcpy(room(tmp.size()), tmp.data(), tmp.size());
    len += tmp.size();
    map.append(tmp.size(), source_len);
  }
  void bytes(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    len += s.size();
    map.append(s.size(), s.size());
  }
  /// Source bytes that give no text (a byte order mark).
  void skip(std::size_t source_len) { map.append(0, source_len); }
  /// A text is always written whole.
  bool done(std::size_t) const noexcept { return false; }
  void error(std::string_view raw, std::size_t offset, std::size_t len_) {
    ++error_count;
    const std::size_t begin = len;
    unit(docpipe::utf8::replacement_character, len_);
    Repair r;
    r.span = {begin, len};
    r.source_begin = offset;
    r.source_end = offset + len_;
    for (std::size_t i = 0; i < len_; ++i) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(raw[offset + i]));
      r.before += hex;
    }
    r.after = docpipe::utf8::encode(docpipe::utf8::replacement_character);
    r.kind = "decode-error";
    r.confidence = 1.0;
    r.stage = *stage;
    r.note = "byte not valid in the input encoding";
    errors.push_back(std::move(r));
  }
  /// The text written, the buffer's room dropped.
  std::string take_text() {
    text.resize(len);
    return std::move(text);
  }
};

/// The embedded model's unigram log10 probability of every pair's character, for the pairs whose
/// character is a three-byte UTF-8 sequence (all of CJK): the detection scorer's hot loop then reads
/// one byte a pair instead of decoding the character and looking it up.
class PairWeights {
 public:
  /// Marks a pair that is not a three-byte character (the scorer takes the general path there).
  static constexpr std::uint8_t kOther = 255;

  /// The weights of @p which for CharModel::embedded() (built on first use, thread-safe).
  static const PairWeights& get(Legacy which) {
    static const PairWeights gbk(Legacy::gbk), big5(Legacy::big5);
    return which == Legacy::gbk ? gbk : big5;
  }
  /// kOther, or the index into value() of the pair's unigram.
  std::uint8_t of(unsigned char lead, unsigned char trail) const noexcept { return q_[lead * 256u + trail]; }
  /// The unigram of weight @p q: the very double CharModel::unigram returns for the pair's character.
  double value(std::uint8_t q) const noexcept { return value_[q]; }
  /// False when some unigram is not a value of the model's quantization (another model format): the
  /// scorer must not use the table then.
  bool exact() const noexcept { return exact_; }
  /// The weights by pair index (lead * 256 + trail), followed by three bytes of padding: a gather
  /// may read four bytes at the last index.
  const std::uint8_t* table() const noexcept { return q_.data(); }

 private:
  explicit PairWeights(Legacy which) : q_(65536 + 3, kOther) {
    // CharModel stores -20 log10 P in a byte (charmodel_format::kScale) and gives unknown characters
    // kUnknown = -8, which is weight 160; every pair is checked to give back its unigram exactly.
    for (int q = 0; q < 255; ++q) value_[q] = -q / 20.0;
    value_[kOther] = 0;
    const DoubleByteTable& table = DoubleByteTable::get(which);
    const CharModel& model = CharModel::embedded();
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
      for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
        const std::uint32_t packed = table.utf8_three(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
        if (packed == 0) continue;
        const char32_t cp = (char32_t(packed & 0x0F) << 12) | (char32_t((packed >> 8) & 0x3F) << 6) | ((packed >> 16) & 0x3F);
        const double u = model.unigram(cp);
        const int q = std::clamp(static_cast<int>(-u * 20.0 + 0.5), 0, 254);
        q_[lead * 256 + trail] = static_cast<std::uint8_t>(q);
        exact_ = exact_ && value_[q] == u;
      }
  }
  std::vector<std::uint8_t> q_;
  double value_[256];
  bool exact_ = true;
};

/// Scores a reading for detection without writing it: the same sums the text would give (characters,
/// decode errors, unigram log10 probabilities of the non-ASCII characters, in text order).
struct Scorer {
  const CharModel* model = nullptr;
  /// The pair weights of the encoding read, when exact (the model is CharModel::embedded()), or null.
  const PairWeights* weights = nullptr;
  std::size_t chars = 0, error_count = 0, scored = 0;
  double total = 0;
  /// A score this reading must beat to matter; once its errors prove it cannot, reading stops.
  double rival = -std::numeric_limits<double>::infinity();
  bool cut = false;

  void unit(char32_t cp, std::size_t) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = docpipe::utf8::replacement_character;
    ++chars;
    if (cp < 0x80) return;
    total += model->unigram(cp);
    ++scored;
  }
  void three(std::uint32_t packed, std::size_t source_len) {
    const char32_t cp = (char32_t(packed & 0x0F) << 12) | (char32_t((packed >> 8) & 0x3F) << 6) | ((packed >> 16) & 0x3F);
    unit(cp, source_len);
  }
  std::size_t three_run(const DoubleByteTable& table, const unsigned char* s, std::size_t pos, std::size_t n,
                        std::uint32_t packed) {
    if (weights) {
      // What three() does for each character, with the unigram read by pair: the same sum, in order.
      const std::size_t first = pos;
      std::uint8_t q = weights->of(s[pos], s[pos + 1]);
      do {
        total += weights->value(q);
        pos += 2;
      } while (pos + 1 < n && (q = weights->of(s[pos], s[pos + 1])) != PairWeights::kOther);
      chars += (pos - first) / 2;
      scored += (pos - first) / 2;
      return pos;
    }
    do {
      three(packed, 2);
      pos += 2;
    } while (pos + 1 < n && (packed = table.utf8_three(s[pos], s[pos + 1])) != 0);
    return pos;
  }
  void bytes(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
      if (static_cast<unsigned char>(s[pos]) < 0x80) {
        ++chars;
        ++pos;
        continue;
      }
      unit(docpipe::utf8::next(s, pos), 0);
    }
  }
  void skip(std::size_t) {}
  /// The highest unigram of a BMP character (0, no bound, unless set): bounds what the characters
  /// still to come can add to the mean.
  double unigram_bound = 0;

  /// True once the reading cannot reach `rival` whatever the @p remaining bytes hold (a margin of
  /// 10^-9 keeps the bound's rounding from deciding).
  bool done(std::size_t remaining) {
    if (error_count == 0) return false;
    cut = cut || best_possible(remaining) < rival - 1e-9;
    return cut;
  }
  /// An upper bound of the final score. Each remaining byte adds at most one character, none an
  /// error, so the error rate stays above errors / (chars + remaining). Each adds at most one scored
  /// character too, worth at most unigram_bound in the BMP and at most 0 beyond it, where a character
  /// takes four bytes: the final mean is a ratio linear in how many of each come, so it is largest at
  /// an extreme — none, `remaining` BMP characters, or remaining / 4 characters worth 0.
  double best_possible(std::size_t remaining) const {
    const double errors = double(error_count) / double(chars + remaining) * CharModel::kUnknown * 4;
    if (scored == 0) return errors;
    const double r = double(remaining), s = double(scored);
    return std::max(total / (s + r / 4), (total + r * unigram_bound) / (s + r)) + errors;
  }
  void error(std::string_view, std::size_t, std::size_t) {
    ++error_count;
    unit(docpipe::utf8::replacement_character, 0);
  }
  /// Mean unigram log10 probability of the non-ASCII characters (0 when there are none).
  double mean() const { return scored ? total / double(scored) : 0.0; }
};

#if ENCODING_REPAIR_GATHER
/// Adds to @p sum the weights (PairWeights::table() @p q) of the pairs of @p s from @p pos on, eight
/// at a time, as long as all eight of a block are three-byte characters; returns where it stopped
/// (the caller's scalar loop goes on from there and alone decides where the run ends). A 32-bit lane
/// gains at most 254 a block: a detection sample (8 KB) is far from overflowing it.
__attribute__((target("avx2"))) std::size_t add_pair_weights_avx2(const unsigned char* s, std::size_t pos, std::size_t n,
                                                                   const std::uint8_t* q, std::uint64_t& sum) noexcept {
  const __m256i byte = _mm256_set1_epi32(0xFF), other = _mm256_set1_epi32(PairWeights::kOther);
  __m256i acc = _mm256_setzero_si256();
  while (pos + 16 <= n) {
    const __m128i pairs = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + pos));
    const __m128i index16 = _mm_or_si128(_mm_slli_epi16(pairs, 8), _mm_srli_epi16(pairs, 8));
    const __m256i w = _mm256_and_si256(
        _mm256_i32gather_epi32(reinterpret_cast<const int*>(q), _mm256_cvtepu16_epi32(index16), 1), byte);
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(w, other)) != 0) break;
    acc = _mm256_add_epi32(acc, w);
    pos += 16;
  }
  alignas(32) std::uint32_t lanes[8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), acc);
  for (const std::uint32_t l : lanes) sum += l;
  return pos;
}
#endif

/// Scorer's counts of a GB18030 or Big5 reading, with the unigrams summed as the integers of the
/// model's quantization (each unigram is exactly -q / 20; CharModel::kUnknown is q = 160): the sum
/// needs no rounding and no order, so runs of pairs are added eight at a time. Its score() is within
/// 10^-10 of the one Scorer's doubles give, close enough to settle every clear case of detection.
struct QuantizedScorer {
  const CharModel* model = nullptr;
  const PairWeights* weights = nullptr;  // exact() ones
  std::size_t chars = 0, error_count = 0, scored = 0;
  std::uint64_t q = 0;  // the unigrams' sum, in units of -1/20 decade

  void unit(char32_t cp, std::size_t) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = docpipe::utf8::replacement_character;
    ++chars;
    if (cp < 0x80) return;
    q += static_cast<std::uint64_t>(-model->unigram(cp) * 20.0 + 0.5);
    ++scored;
  }
  void three(std::uint32_t packed, std::size_t source_len) {
    unit((char32_t(packed & 0x0F) << 12) | (char32_t((packed >> 8) & 0x3F) << 6) | ((packed >> 16) & 0x3F), source_len);
  }
  std::size_t three_run(const DoubleByteTable&, const unsigned char* s, std::size_t pos, std::size_t n, std::uint32_t) {
    const std::size_t first = pos;
#if ENCODING_REPAIR_GATHER
    if (docpipe::cpu_has_avx2()) {
      pos = add_pair_weights_avx2(s, pos, n, weights->table(), q);
      if (pos != first && !(pos + 1 < n && weights->of(s[pos], s[pos + 1]) != PairWeights::kOther)) {
        chars += (pos - first) / 2;
        scored += (pos - first) / 2;
        return pos;
      }
    }
#endif
    std::uint8_t w = weights->of(s[pos], s[pos + 1]);
    do {
      q += w;
      pos += 2;
    } while (pos + 1 < n && (w = weights->of(s[pos], s[pos + 1])) != PairWeights::kOther);
    chars += (pos - first) / 2;
    scored += (pos - first) / 2;
    return pos;
  }
  void bytes(std::string_view) = delete;  // decode_double_byte counts ASCII runs itself
  void skip(std::size_t) {}
  bool done(std::size_t) const noexcept { return false; }
  void error(std::string_view, std::size_t, std::size_t) {
    ++error_count;
    unit(docpipe::utf8::replacement_character, 0);
  }
  /// The score detect_encoding gives the reading, from the integers.
  double score() const {
    const double per_char = scored ? -(double(q) / 20.0) / double(scored) : 0.0;
    const double error_rate = chars ? double(error_count) / double(chars) : 1.0;
    return per_char + error_rate * CharModel::kUnknown * 4;
  }
};

/// The lenient UTF-8 reading scored byte by byte: a detection sample of another encoding has an error
/// every few bytes, where a search for the next one per error costs far more than a step. Gives the
/// sums, and checks Scorer::done() at the points, of decode_utf8 below.
void score_utf8(std::string_view raw, Scorer& b) {
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  std::size_t pos = 0;
  if (n > 0 && b.done(n)) return;
  while (pos < n) {
    if (pos + 8 <= n && ascii8(raw.data() + pos)) {
      b.chars += 8;
      pos += 8;
      continue;
    }
    if (s[pos] < 0x80) {
      ++b.chars;
      ++pos;
      continue;
    }
    // Trail bytes, C0, C1 and F5-FF never start a sequence: most bytes of another encoding.
    if (s[pos] < 0xC2 || s[pos] > 0xF4 || docpipe::utf8::sequence_length(raw, pos) == 0) {
      b.error(raw, pos, 1);
      ++pos;
      if (pos < n && b.done(n - pos)) return;
      continue;
    }
    b.unit(docpipe::utf8::next(raw, pos), 0);
  }
}

/// Decodes the bytes [@p from, @p to) of @p raw as UTF-8 (the whole input, or a stretch of a mixed
/// one), each invalid byte an error.
template <class Sink>
void decode_utf8_range(std::string_view raw, std::size_t from, std::size_t to, Sink& b) {
  std::size_t pos = from;
  while (pos < to) {
    if (b.done(to - pos)) return;
    const std::size_t bad = docpipe::utf8::find_invalid(raw.substr(pos, to - pos));
    if (bad == std::string_view::npos) {
      b.bytes(raw.substr(pos, to - pos));
      return;
    }
    b.bytes(raw.substr(pos, bad));
    b.error(raw, pos + bad, 1);
    pos += bad + 1;
  }
}

template <class Sink>
void decode_utf8(std::string_view raw, std::size_t start, Sink& b) {
  if constexpr (std::is_same_v<Sink, Scorer>) {
    if (start == 0) return score_utf8(raw, b);
  }
  if (start > 0) b.skip(start);
  decode_utf8_range(raw, start, raw.size(), b);
}

template <class Sink>
void decode_utf16(std::string_view raw, std::size_t start, bool little, Sink& b) {
  if (start > 0) b.skip(start);
  auto unit_at = [&](std::size_t i) -> char16_t {
    const auto lo = static_cast<unsigned char>(raw[i + (little ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(raw[i + (little ? 1 : 0)]);
    return static_cast<char16_t>(hi << 8 | lo);
  };
  std::size_t pos = start;
  while (pos + 1 < raw.size()) {
    const char16_t u = unit_at(pos);
    if (u >= 0xD800 && u <= 0xDBFF && pos + 3 < raw.size()) {
      const char16_t v = unit_at(pos + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        b.unit(0x10000 + ((char32_t(u) - 0xD800) << 10) + (v - 0xDC00), 4);
        pos += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      b.error(raw, pos, 2);
    } else {
      b.unit(u, 2);
    }
    pos += 2;
  }
  if (pos < raw.size()) b.error(raw, pos, 1);  // odd trailing byte
}

/// Decodes one GB18030 four-byte sequence with ICU; 0 when it is not one.
char32_t gb18030_four(std::string_view bytes) {
  static thread_local std::unique_ptr<UConverter, void (*)(UConverter*)> conv(
      [] {
        UErrorCode st = U_ZERO_ERROR;
        UConverter* c = ucnv_open("gb18030", &st);
        if (c) ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
        return c;
      }(),
      ucnv_close);
  if (!conv) return 0;
  UErrorCode st = U_ZERO_ERROR;
  ucnv_reset(conv.get());
  UChar out[4];
  const int32_t n = ucnv_toUChars(conv.get(), out, 4, bytes.data(), static_cast<int32_t>(bytes.size()), &st);
  if (U_FAILURE(st)) return 0;
  if (n == 1) return out[0];
  if (n == 2 && out[0] >= 0xD800 && out[0] <= 0xDBFF) return 0x10000 + ((char32_t(out[0]) - 0xD800) << 10) + (out[1] - 0xDC00);
  return 0;
}

/// GB18030's reading of a two-byte code of the user-defined area (or another pair the GBK table
/// leaves out), or 0: gb18030_four's answer, asked once a process per pair (Big5 text read as GBK
/// meets such pairs every few characters).
char32_t gb18030_pair(unsigned char lead, unsigned char trail) {
  // Entries hold the answer shifted left by one with the low bit set; 0 means not asked yet. Threads
  // racing on an entry store the same value.
  static std::atomic<std::uint32_t> answers[65536];
  std::atomic<std::uint32_t>& slot = answers[lead * 256u + trail];
  std::uint32_t v = slot.load(std::memory_order_relaxed);
  if (v == 0) {
    const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
    v = std::uint32_t(gb18030_four(std::string_view(bytes, 2))) << 1 | 1u;
    slot.store(v, std::memory_order_relaxed);
  }
  return v >> 1;
}

/// Decodes the bytes of @p raw from @p from on as GB18030 or Big5 (a part of an input is a prefix
/// view of it: error offsets count from its start).
template <class Sink>
void decode_double_byte(std::string_view raw, Legacy which, Sink& b, std::size_t from = 0) {
  const DoubleByteTable& table = DoubleByteTable::get(which);
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  std::size_t pos = from;
  const std::size_t n = raw.size();
  while (pos < n) {
    if (s[pos] < 0x80) {
      // An ASCII run, eight bytes at a time where it is long.
      std::size_t ascii = pos + 1;
      while (ascii + 8 <= n && ascii8(raw.data() + ascii)) ascii += 8;
      while (ascii < n && s[ascii] < 0x80) ++ascii;
      if constexpr (std::is_same_v<Sink, Scorer> || std::is_same_v<Sink, QuantizedScorer>) b.chars += ascii - pos;  // as bytes() counts
      else b.bytes(raw.substr(pos, ascii - pos));
      pos = ascii;
      continue;
    }
    const auto lead = s[pos];
    if (pos + 1 < n) {
      const auto trail = s[pos + 1];
      // The hot path: a pair whose character is a three-byte UTF-8 sequence (all of CJK).
      if (const std::uint32_t packed = table.utf8_three(lead, trail)) {
        pos = b.three_run(table, s, pos, n, packed);
        continue;
      }
      if (const char32_t cp = table.decode(lead, trail)) {
        b.unit(cp, 2);
        pos += 2;
        continue;
      }
      if (which == Legacy::gbk && table.is_lead(lead) && trail >= 0x30 && trail <= 0x39 && pos + 3 < n) {
        if (const char32_t cp = gb18030_four(raw.substr(pos, 4))) {
          b.unit(cp, 4);
          pos += 4;
          continue;
        }
      }
      if (which == Legacy::gbk && table.is_lead(lead) && table.is_trail(trail)) {
        // User-defined area: ICU's GB18030 maps it into the Private Use Area; keep it there.
        if (const char32_t cp = gb18030_pair(lead, trail)) {
          b.unit(cp, 2);
          pos += 2;
          continue;
        }
      }
    }
    if (const char32_t cp = table.single(lead)) {
      b.unit(cp, 1);
      ++pos;
      continue;
    }
    b.error(raw, pos, 1);  // the next byte is read again: an ASCII trail survives
    ++pos;
  }
}

/// Decodes with @p name into @p b (no BOM handling beyond @p bom bytes).
template <class Sink>
void decode_as(std::string_view raw, const std::string& name, std::size_t bom, Sink& b) {
  if (name == "UTF-8") decode_utf8(raw, bom, b);
  else if (name == "UTF-16LE") decode_utf16(raw, bom, true, b);
  else if (name == "UTF-16BE") decode_utf16(raw, bom, false, b);
  else if (name == "GB18030") decode_double_byte(raw, Legacy::gbk, b);
  else decode_double_byte(raw, Legacy::big5, b);
}

/// The highest unigram of a character of the Basic Multilingual Plane under CharModel::embedded().
double bmp_unigram_bound() {
  static const double bound = [] {
    const CharModel& model = CharModel::embedded();
    double best = CharModel::kUnknown;
    for (char32_t c = 0; c < 0x10000; ++c) best = std::max(best, model.unigram(c));
    return best;
  }();
  return bound;
}

std::string icu_guess(std::string_view sample) {
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&st);
  if (U_FAILURE(st)) return {};
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &st);
  const UCharsetMatch* m = ucsdet_detect(det, &st);
  std::string name = U_SUCCESS(st) && m ? ucsdet_getName(m, &st) : "";
  ucsdet_close(det);
  return U_SUCCESS(st) ? name : std::string{};
}

// Mixed input and UTF-16 without a BOM are rare: the functions only they reach are [[gnu::cold]].
// Without it GCC inlines less of the whole-input loops above once they are in this file (callgrind,
// decode_document over 40 Big5 reports: Scorer::unit and SourceMap::append became calls, +1.5 M).

/// A reading written out as text, for a repair's `before` (undecodable bytes as `\xHH`, the way
/// decode-error repairs show them) or for scoring (U+FFFD, counted).
struct TextSink {
  std::string out;
  bool hex_errors = false;
  std::size_t error_count = 0;

  void unit(char32_t cp, std::size_t) { docpipe::utf8::append(out, cp); }
  void three(std::uint32_t packed, std::size_t) {
    char b[4];
    std::memcpy(b, &packed, 4);
    out.append(b, 3);
  }
  std::size_t three_run(const DoubleByteTable& table, const unsigned char* s, std::size_t pos, std::size_t n,
                        std::uint32_t packed) {
    do {
      three(packed, 2);
      pos += 2;
    } while (pos + 1 < n && (packed = table.utf8_three(s[pos], s[pos + 1])) != 0);
    return pos;
  }
  void bytes(std::string_view s) { out.append(s); }
  void skip(std::size_t) {}
  bool done(std::size_t) const noexcept { return false; }
  void error(std::string_view raw, std::size_t offset, std::size_t len) {
    ++error_count;
    if (!hex_errors) return docpipe::utf8::append(out, docpipe::utf8::replacement_character);
    for (std::size_t i = 0; i < len; ++i) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(raw[offset + i]));
      out += hex;
    }
  }
};

/// Which UTF-16 reading @p raw (NUL bytes inside, no BOM) is, or empty. ASCII puts its NUL bytes on
/// one parity only; text heavy in CJK has few NULs, so the reading must also give known characters:
/// at least 90% of its code units (of a sample) ASCII text or characters the model has seen, and
/// more than the other byte order gives. Binary data gives NUL characters, controls and characters
/// never seen.
[[gnu::cold]] std::string utf16_without_bom(std::string_view raw) {
  const std::size_t sample = std::min<std::size_t>(raw.size() & ~std::size_t{1}, 8192);
  if (sample < 4) return {};
  const CharModel& model = CharModel::embedded();
  auto share = [&](bool little) {
    std::size_t good = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
      const auto lo = static_cast<unsigned char>(raw[i + (little ? 0 : 1)]);
      const auto hi = static_cast<unsigned char>(raw[i + (little ? 1 : 0)]);
      const char32_t u = char32_t(hi) << 8 | lo;
      if (u < 0x80) good += (u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t';
      else if (u >= 0xD800 && u <= 0xDFFF) good += 1;  // a surrogate pair's half: neutral
      else good += model.known(u);
    }
    return double(good) / double(sample / 2);
  };
  const double le = share(true), be = share(false);
  if (le >= 0.9 && le > be) return "UTF-16LE";
  if (be >= 0.9 && be > le) return "UTF-16BE";
  return {};
}

/// A part of a mixed input and the encoding it is read in.
struct Segment {
  std::size_t begin = 0, end = 0;
  bool utf8 = false;
};

/// The sum of the trigram log10 probabilities of @p text, each U+FFFD (an undecodable byte) also
/// costing what a character never seen costs.
double plausibility(const std::string& text, std::size_t errors) {
  return CharModel::embedded().score_text(text) + double(errors) * CharModel::kUnknown;
}

/// Fewest non-ASCII characters, read without an error in the legacy encoding, that make the bytes
/// between two UTF-8 stretches a paragraph in that encoding rather than stray bytes of a UTF-8 text.
constexpr std::size_t kMinLegacyEvidence = 4;

/// Lowest mean unigram log10 probability of a legacy reading that counts as text. Reports read right
/// average about -2.8 (their worst eight characters in a row about -4.4); random bytes read as GBK or
/// Big5, and Windows-1252 text read as GBK, about -6.2 (their best eight in a row about -4.7).
constexpr double kMinLegacyMean = -4.5;

/// True when the bytes [@p begin, @p end) between UTF-8 stretches read as @p legacy by evidence:
/// enough characters, probable ones, and a better score than the lenient UTF-8 reading
/// (detection's formula).
[[gnu::cold]] bool legacy_by_evidence(std::string_view raw, std::size_t begin, std::size_t end, Legacy legacy) {
  auto score = [](const Scorer& b) {
    const double error_rate = b.chars ? double(b.error_count) / double(b.chars) : 1.0;
    return b.mean() + error_rate * CharModel::kUnknown * 4;
  };
  Scorer l;
  l.model = &CharModel::embedded();
  decode_double_byte(raw.substr(0, end), legacy, l, begin);
  if (l.scored < kMinLegacyEvidence || l.error_count * 8 > l.scored || l.mean() < kMinLegacyMean) return false;
  Scorer u;
  u.model = &CharModel::embedded();
  score_utf8(raw.substr(begin, end - begin), u);
  return score(l) > score(u);
}

/// The byte offsets just past each of the (at most @p most) multi-byte UTF-8 characters in a row from
/// @p from on (well-formed bytes of a stretch).
std::vector<std::size_t> ends_forward(std::string_view raw, std::size_t from, std::size_t to, std::size_t most) {
  std::vector<std::size_t> out;
  std::size_t pos = from;
  while (out.size() < most && pos < to && static_cast<unsigned char>(raw[pos]) >= 0x80) {
    const std::size_t k = docpipe::utf8::sequence_length(raw, pos);
    if (k == 0 || pos + k > to) break;
    pos += k;
    out.push_back(pos);
  }
  return out;
}

/// The byte offsets where each of the (at most @p most) multi-byte UTF-8 characters in a row ending
/// at @p to begins, going back.
std::vector<std::size_t> begins_backward(std::string_view raw, std::size_t from, std::size_t to, std::size_t most) {
  std::vector<std::size_t> out;
  std::size_t pos = to;
  while (out.size() < most && pos > from && static_cast<unsigned char>(raw[pos - 1]) >= 0x80) {
    std::size_t start = pos - 1;
    while (start > from && (static_cast<unsigned char>(raw[start]) & 0xC0) == 0x80) --start;
    if (docpipe::utf8::sequence_length(raw, start) != pos - start) break;
    pos = start;
    out.push_back(pos);
  }
  return out;
}

/// A legacy reading starts in step after a byte below 0x30: no GBK or Big5 character ends on one.
/// The last such point at or before @p at (not before @p floor).
std::size_t sync_before(std::string_view raw, std::size_t floor, std::size_t at) {
  while (at > floor && static_cast<unsigned char>(raw[at - 1]) >= 0x30) --at;
  return at;
}
/// The first such point at or after @p at (not past @p ceiling).
std::size_t sync_after(std::string_view raw, std::size_t at, std::size_t ceiling) {
  while (at < ceiling && static_cast<unsigned char>(raw[at]) >= 0x30) ++at;
  return std::min(at + 1, ceiling);
}

/// Moves the boundary between the legacy segment @p l and the UTF-8 segment @p u (adjacent, either
/// order) to where the two readings together are most probable. A stretch read greedily may have
/// taken in up to a few legacy characters whose bytes happen to be well-formed UTF-8 (a tenth of
/// GBK characters are a two-byte sequence); giving back 0 to 3 of its characters is tried.
[[gnu::cold]] void settle_boundary(std::string_view raw, Segment& l, Segment& u, Legacy legacy) {
  constexpr std::size_t kMost = 3;
  const bool legacy_first = l.end == u.begin;
  // Offsets of the candidate boundaries, the current one first.
  std::vector<std::size_t> cut{legacy_first ? u.begin : u.end};
  for (std::size_t b : legacy_first ? ends_forward(raw, u.begin, u.end, kMost) : begins_backward(raw, u.begin, u.end, kMost))
    cut.push_back(b);
  if (cut.size() == 1) return;
  // Every candidate is scored over the same bytes: legacy text from a point where its reading is in
  // step, UTF-8 text up to a character boundary past every candidate.
  double best = -std::numeric_limits<double>::infinity();
  std::size_t best_cut = cut.front();
  for (const std::size_t c : cut) {
    TextSink t;
    if (legacy_first) {
      const std::size_t from = sync_before(raw, l.begin, cut.front() >= l.begin + 48 ? cut.front() - 48 : l.begin);
      decode_double_byte(raw.substr(0, c), legacy, t, from);
      const auto tail = ends_forward(raw, cut.back(), u.end, 4);
      decode_utf8_range(raw, c, tail.empty() ? cut.back() : tail.back(), t);
    } else {
      const auto head = begins_backward(raw, u.begin, cut.back(), 4);
      decode_utf8_range(raw, head.empty() ? cut.back() : head.back(), c, t);
      const std::size_t to = sync_after(raw, std::min(cut.front() + 48, l.end), l.end);
      decode_double_byte(raw.substr(0, to), legacy, t, c);
    }
    const double p = plausibility(t.out, t.error_count);
    if (p > best + 1e-9) best = p, best_cut = c;
  }
  if (legacy_first) l.end = u.begin = best_cut;
  else u.end = l.begin = best_cut;
}

/// Number of bytes of [@p begin, @p end) that are not ASCII.
std::size_t non_ascii(std::string_view raw, std::size_t begin, std::size_t end) {
  std::size_t k = 0;
  for (std::size_t i = begin; i < end; ++i) k += static_cast<unsigned char>(raw[i]) >= 0x80;
  return k;
}

/// The segments of an input that mixes UTF-8 stretches (@p stretches, in order) with @p legacy, or
/// nothing when no part between the stretches reads as @p legacy by evidence (a UTF-8 text with a
/// few stray bytes stays one UTF-8 text). @p main_utf8 tells the main encoding: the one of most
/// non-ASCII bytes among the parts with evidence. Parts with evidence of neither (stray bytes, a
/// character or two) are read in the main encoding.
[[gnu::cold]] std::vector<Segment> mixed_segments(std::string_view raw, const std::vector<Utf8Stretch>& stretches, Legacy legacy,
                                    bool& main_utf8) {
  enum class Kind { utf8, legacy, undecided };
  struct Part {
    std::size_t begin, end;
    Kind kind;
  };
  std::vector<Part> found;
  std::size_t at = 0, in_utf8 = 0, in_legacy = 0;
  auto gap = [&](std::size_t b, std::size_t e) {
    if (b == e) return;
    const bool l = legacy_by_evidence(raw, b, e, legacy);
    if (l) in_legacy += non_ascii(raw, b, e);
    found.push_back({b, e, l ? Kind::legacy : Kind::undecided});
  };
  for (const Utf8Stretch& s : stretches) {
    gap(at, s.begin);
    found.push_back({s.begin, s.end, Kind::utf8});
    in_utf8 += non_ascii(raw, s.begin, s.end);
    at = s.end;
  }
  gap(at, raw.size());
  if (in_legacy == 0) return {};
  main_utf8 = in_utf8 >= in_legacy;
  std::vector<Segment> parts;
  for (const Part& p : found) {
    const bool utf8 = p.kind == Kind::utf8 || (p.kind == Kind::undecided && main_utf8);
    if (!parts.empty() && parts.back().utf8 == utf8) parts.back().end = p.end;
    else parts.push_back({p.begin, p.end, utf8});
  }
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    Segment& a = parts[i];
    Segment& b = parts[i + 1];
    settle_boundary(raw, a.utf8 ? b : a, a.utf8 ? a : b, legacy);
  }
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Segment& p) { return p.begin == p.end; }), parts.end());
  return parts;
}

/// Decodes a mixed input: each segment in its encoding, and every segment not in the main encoding
/// (UTF-8 when @p main_utf8) a `mojibake-mixed-encoding` repair over its non-ASCII extent. Returns
/// the main encoding's name and sets @p other to the other's.
[[gnu::cold]] std::string decode_mixed(std::string_view raw, const std::vector<Segment>& parts, Legacy legacy, Builder& b,
                         bool main_utf8, std::string& other) {
  const std::string legacy_name = legacy == Legacy::gbk ? "GB18030" : "Big5";
  other = main_utf8 ? legacy_name : "UTF-8";
  for (const Segment& p : parts) {
    const std::size_t t0 = b.len, at = b.errors.size();
    if (p.utf8) decode_utf8_range(raw, p.begin, p.end, b);
    else decode_double_byte(raw.substr(0, p.end), legacy, b, p.begin);
    if (p.utf8 == main_utf8) continue;
    // The repair covers the segment less the ASCII at its edges, which reads the same either way.
    std::size_t tb = t0, te = b.len;
    while (tb < te && static_cast<unsigned char>(b.text[tb]) < 0x80) ++tb;
    while (te > tb && static_cast<unsigned char>(b.text[te - 1]) < 0x80) --te;
    if (tb == te) continue;
    Repair r;
    r.span = {tb, te};
    r.source_begin = b.map.to_source(tb);
    r.source_end = b.map.to_source_end(te);
    TextSink before;
    before.hex_errors = true;
    if (main_utf8) decode_utf8_range(raw, r.source_begin, r.source_end, before);
    else decode_double_byte(raw.substr(0, r.source_end), legacy, before, r.source_begin);
    r.before = std::move(before.out);
    r.after.assign(b.text, tb, te - tb);
    r.kind = "mojibake-mixed-encoding";
    r.confidence = 1.0;
    r.stage = *b.stage;
    r.note = (p.utf8 ? "UTF-8" : legacy_name) + " stretch in " + (main_utf8 ? "UTF-8" : legacy_name) + " text";
    b.errors.insert(b.errors.begin() + static_cast<std::ptrdiff_t>(at), std::move(r));
  }
  return main_utf8 ? "UTF-8" : legacy_name;
}

/// detect_encoding's result for a @p sample (neither UTF-8 nor UTF-16) where one legacy reading wins
/// so clearly that the result is settled before any sum of doubles: GB18030 and Big5 are scored on
/// integers (QuantizedScorer, within 10^-10 of the doubles), and when the better leads the other
/// and the lenient UTF-8 reading by the margin that makes the confidence exactly 1 (and calls no
/// ICU) with room to spare, the doubles would give that same name and confidence 1. Else nothing:
/// detect_encoding scores the readings as doubles.
std::optional<Detection> clear_legacy_winner(std::string_view sample) {
  const CharModel& model = CharModel::embedded();
  const PairWeights& gbk_weights = PairWeights::get(Legacy::gbk);
  const PairWeights& big5_weights = PairWeights::get(Legacy::big5);
  if (!gbk_weights.exact() || !big5_weights.exact()) return std::nullopt;
  QuantizedScorer gbk{&model, &gbk_weights}, big5{&model, &big5_weights};
  decode_double_byte(sample, Legacy::gbk, gbk);
  decode_double_byte(sample, Legacy::big5, big5);
  const double gbk_score = gbk.score(), big5_score = big5.score();
  const bool gbk_wins = gbk_score > big5_score;
  const double top = std::max(gbk_score, big5_score), other = std::min(gbk_score, big5_score);
  const double weight = std::min<double>(double(gbk_wins ? gbk.chars : big5.chars), 50.0);
  if (weight <= 0) return std::nullopt;
  // detect_encoding's margin: 10^-(margin x weight) <= 10^-18 vanishes beside 1, and 0.25 > ICU's 0.2.
  const double margin = std::max(0.25, 18.0 / weight);
  constexpr double kRoom = 1e-6;  // far above the integers' 10^-10 and the UTF-8 cut's 10^-9
  if (top - other < margin + kRoom) return std::nullopt;
  // The UTF-8 reading as detect_encoding reads it, against the same rival (up to the integers'
  // error): cut, it is below the rival, which is below the winner by the margin either way.
  Scorer utf8;
  utf8.model = &model;
  utf8.rival = top - margin;
  utf8.unigram_bound = bmp_unigram_bound();
  decode_as(sample, "UTF-8", 0, utf8);
  if (!utf8.cut) {
    const double error_rate = utf8.chars ? double(utf8.error_count) / double(utf8.chars) : 1.0;
    if (utf8.mean() + error_rate * CharModel::kUnknown * 4 > top - margin - kRoom) return std::nullopt;
  }
  return Detection{gbk_wins ? "GB18030" : "Big5", 1.0, 0, "character model"};
}

}  // namespace

Detection detect_encoding(std::string_view raw) {
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") return {"UTF-8", 1.0, 3, "byte order mark"};
  if (raw.size() >= 2 && raw.substr(0, 2) == "\xFF\xFE") return {"UTF-16LE", 1.0, 2, "byte order mark"};
  if (raw.size() >= 2 && raw.substr(0, 2) == "\xFE\xFF") return {"UTF-16BE", 1.0, 2, "byte order mark"};

  const void* nul = std::memchr(raw.data(), 0, raw.size());
  if (nul) {
    // UTF-16 without BOM: ASCII and CJK-light text has zeros on one parity only.
    const std::size_t sample = std::min<std::size_t>(raw.size() & ~std::size_t{1}, 8192);
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < sample; ++i)
      if (raw[i] == 0) (i % 2 ? odd : even) += 1;
    const double half = double(sample) / 2;
    if (odd > 0.3 * half && even < 0.02 * half) return {"UTF-16LE", 0.8, 0, "NUL bytes on odd offsets"};
    if (even > 0.3 * half && odd < 0.02 * half) return {"UTF-16BE", 0.8, 0, "NUL bytes on even offsets"};
    const std::string utf16 = utf16_without_bom(raw);
    if (!utf16.empty()) return {utf16, 0.8, 0, "code units read as known characters"};
    // Text with a few NUL bytes in it is text without them (decode_document leaves them out);
    // binary data and UTF-32 are not text around their NULs.
    if (!inspect_nul_bytes(raw).in_text) {
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nul) - raw.data());
      throw BinaryInput("binary input: NUL byte at offset " + std::to_string(at) +
                        " and no text encoding fits (force one with the 'encoding' parameter)");
    }
    std::vector<NulRun> runs;
    Detection d = detect_encoding(without_nul_bytes(raw, runs));
    d.evidence += ", NUL bytes left out";
    return d;
  }
  if (docpipe::utf8::is_valid(raw)) return {"UTF-8", 1.0, 0, "valid UTF-8"};

  // Compare the readings on a bounded sample so detection stays cheap on big files.
  std::string_view sample = raw.substr(0, 8 * 1024);
  while (!sample.empty() && sample.size() < raw.size() && (static_cast<unsigned char>(sample.back()) & 0x80))
    sample.remove_suffix(1);  // do not cut a character in two
  if (std::optional<Detection> clear = clear_legacy_winner(sample)) return *clear;
  struct Candidate {
    std::string name;
    double score;
    std::size_t errors, chars;
  };
  std::vector<Candidate> candidates;
  // The lenient UTF-8 reading is scored last: bytes that are not UTF-8 are errors at almost every
  // byte, so it usually proves early that it ranks below both others and is not read further (its
  // score then only has to sort last). The candidates keep the order UTF-8, GB18030, Big5.
  candidates.resize(3);
  for (const int i : {1, 2, 0}) {
    const char* name = i == 0 ? "UTF-8" : i == 1 ? "GB18030" : "Big5";
    // Each reading is scored as it is decoded (a table lookup per character), never written out.
    Scorer b;
    b.model = &CharModel::embedded();
    if (i > 0) {
      const PairWeights& weights = PairWeights::get(i == 1 ? Legacy::gbk : Legacy::big5);
      if (weights.exact()) b.weights = &weights;
    }
    if (i == 0) {
      b.rival = std::min(candidates[1].score, candidates[2].score);
      b.unigram_bound = bmp_unigram_bound();
      // A reading below the second of GB18030 and Big5 changes nothing of the result. Neither does
      // one below the first by a margin of at least 0.25 (no ICU tie-break) that also makes the
      // confidence exactly 1 (10^-(margin x weight) <= 10^-18 vanishes beside 1), when the second
      // is that far below too: a lower rival is cut sooner.
      const Candidate& top = candidates[1].score >= candidates[2].score ? candidates[1] : candidates[2];
      const double weight = std::min<double>(double(top.chars), 50.0);
      if (weight > 0) {
        const double margin = std::max(0.25, 18.0 / weight);
        if (top.score - b.rival >= margin) b.rival = top.score - margin;
      }
    }
    decode_as(sample, name, 0, b);
    const std::size_t chars = b.chars;
    // An undecodable byte costs as much as a character never seen in training.
    const double per_char = b.mean();
    const double error_rate = chars ? double(b.error_count) / double(chars) : 1.0;
    const double score = b.cut ? b.rival - 1.0 : per_char + error_rate * CharModel::kUnknown * 4;
    candidates[i] = {name, score, b.error_count, chars};
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  // ICU's detector is slow (about 10 ms a call) and short Chinese texts fool it: it only breaks
  // near-ties of the character model.
  std::string icu;
  if (candidates[0].score - candidates[1].score < 0.2) {
    icu = icu_guess(sample.substr(0, 4096));
    for (auto& c : candidates)
      if ((c.name == "GB18030" && (icu == "GB18030" || icu == "GBK" || icu == "GB2312")) || (c.name == "Big5" && icu == "Big5"))
        c.score += 0.1;
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  const double margin = candidates[0].score - candidates[1].score;
  const double weight = std::min<double>(double(candidates[0].chars), 50.0);
  const double confidence = 1.0 / (1.0 + std::pow(10.0, -margin * weight));
  return {candidates[0].name, confidence, 0,
          icu.empty() ? std::string("character model") : "character model, ICU detector says " + icu};
}

namespace {

/// decode_document() once the encoding is known, of an input without NUL bytes (but UTF-16).
DecodeOutcome decode_detected(Document& doc, Detection d, bool automatic, const std::string& stage);

}  // namespace

DecodeOutcome decode_document(Document& doc, std::string_view forced, const std::string& stage) {
  Detection d;
  const bool automatic = forced.empty() || forced == "auto";
  if (automatic) {
    d = detect_encoding(doc.raw);
  } else {
    const std::string f(forced);
    d.name = f == "utf-8" ? "UTF-8" : f == "gb18030" ? "GB18030" : f == "big5" ? "Big5" : f == "utf-16le" ? "UTF-16LE" : "UTF-16BE";
    d.confidence = 1.0;
    d.evidence = "forced";
    if (d.name == "UTF-8" && doc.raw.compare(0, 3, "\xEF\xBB\xBF") == 0) d.bom = 3;
    if (d.name == "UTF-16LE" && doc.raw.compare(0, 2, "\xFF\xFE") == 0) d.bom = 2;
    if (d.name == "UTF-16BE" && doc.raw.compare(0, 2, "\xFE\xFF") == 0) d.bom = 2;
  }
  if (d.name.rfind("UTF-16", 0) == 0 || !std::memchr(doc.raw.data(), 0, doc.raw.size()))
    return decode_detected(doc, std::move(d), automatic, stage);
  // Text with NUL bytes is decoded without them, then mapped back to the whole input.
  std::vector<NulRun> runs;
  std::string input = std::move(doc.raw);
  doc.raw = without_nul_bytes(input, runs);
  DecodeOutcome outcome;
  try {
    outcome = decode_detected(doc, std::move(d), automatic, stage);
  } catch (...) {
    doc.raw = std::move(input);
    throw;
  }
  doc.raw = std::move(input);
  restore_nul_bytes(doc, runs, stage);
  outcome.nul_runs = std::move(runs);
  return outcome;
}

namespace {

DecodeOutcome decode_detected(Document& doc, Detection d, bool automatic, const std::string& stage) {
  DecodeOutcome outcome;
  Builder b;
  b.stage = &stage;
  const std::string_view body = std::string_view(doc.raw).substr(std::min(d.bom, doc.raw.size()));
  if (d.name == "UTF-8" && (d.evidence == "valid UTF-8" || docpipe::utf8::is_valid(body))) {
    // Already checked (or cheap to check once): the text is the input, the map one run.
    if (d.bom) b.map.append(0, d.bom);
    b.map.append(body.size(), body.size());
    doc.text.assign(body);
  } else {
    // Room for the common case (two bytes of CJK become three); errors grow it.
    b.text.resize(doc.raw.size() + doc.raw.size() / 2 + 64);
    std::vector<Segment> parts;
    Legacy legacy = Legacy::gbk;
    bool main_utf8 = true;
    if (automatic && d.bom == 0 && (d.name == "UTF-8" || d.name == "GB18030" || d.name == "Big5")) {
      // Stitched pages keep each part's encoding: UTF-8 stretches by evidence, the rest read in the
      // legacy encoding that fits the rest best.
      const std::vector<Utf8Stretch> stretches = find_utf8_stretches(doc.raw);
      if (!stretches.empty()) {
        std::string rest;
        std::size_t at = 0;
        for (const Utf8Stretch& s : stretches) {
          rest.append(doc.raw, at, s.begin - at);
          at = s.end;
        }
        rest.append(doc.raw, at, std::string::npos);
        const std::string rest_encoding = detect_encoding(rest).name;
        if (rest_encoding == "GB18030" || rest_encoding == "Big5") {
          legacy = rest_encoding == "GB18030" ? Legacy::gbk : Legacy::big5;
          parts = mixed_segments(doc.raw, stretches, legacy, main_utf8);
        }
        // Stretches and no legacy part: UTF-8 with stray bytes, whatever detection made of it.
        if (parts.empty() && d.name != "UTF-8") d = {"UTF-8", 1.0, 0, "UTF-8 stretches, stray bytes between"};
      }
    }
    if (parts.empty()) {
      decode_as(doc.raw, d.name, d.bom, b);
    } else {
      const std::string main = decode_mixed(doc.raw, parts, legacy, b, main_utf8, outcome.other);
      if (main != d.name) d.confidence = 1.0;
      d.name = main;
      for (const Repair& r : b.errors) outcome.stretches += r.kind == "mojibake-mixed-encoding";
    }
    doc.text = b.take_text();
  }
  doc.source_map = std::move(b.map);
  doc.repairs = std::move(b.errors);
  doc.encoding = {d.name, d.confidence, d.bom > 0};
  return outcome;
}

}  // namespace

bool is_rejected_byte(const Document& doc, const docpipe::Repair& r) noexcept {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  return r.kind == "decode-error" && r.source_end == r.source_begin + 1 && r.span.end == r.span.begin + kReplacement.size() &&
         std::string_view(doc.text).substr(r.span.begin, kReplacement.size()) == kReplacement;
}

}  // namespace encoding_repair

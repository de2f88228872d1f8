#pragma once
// The layout of the character model file (data/charmodel.bin), shared by the builder tool and the
// loader. All integers are little-endian.
//
//   "DPCM" u32 version | u32 n_chars | u32 n_bigrams | u32 n_trigrams | u32 0
//   u32 code_point[n_chars]          sorted
//   u8  unigram_q[n_chars]           -log10 P(c) * kScale
//   u8  backoff_q[n_chars]           -log10 (1 - lambda(c)) * kScale   (Witten-Bell)
//   (zero padding to a multiple of 4)
//   u32 bigram_key[n_bigrams]        (index(a) << 16) | index(b), sorted
//   u8  bigram_q[n_bigrams]          -log10 (lambda(a) * P_ml(b|a)) * kScale
//   u8  bigram_backoff_q[n_bigrams]  -log10 (1 - lambda(ab)) * kScale as a trigram context
//   (zero padding to a multiple of 8)
//   u64 trigram_key[n_trigrams]      (bigram position of ab << 16) | index(c), sorted
//   u8  trigram_q[n_trigrams]        -log10 (lambda(ab) * P_ml(c|ab)) * kScale

#include <cstdint>

namespace encoding_repair::charmodel_format {

inline constexpr char kMagic[4] = {'D', 'P', 'C', 'M'};
inline constexpr std::uint32_t kVersion = 2;
/// Quantization steps per decade of probability: 0.05 in log10.
inline constexpr double kScale = 20.0;

/// The character class the model counts @p c as: full-width punctuation folds to ASCII (the scraped
/// text folds it both ways), ASCII digits count as '0', ASCII letters as 'a', white space as ' ', enumerators as '①'.
/// Full-width letters and digits stay themselves: they are rare, and mojibake makes them.
inline char32_t normalize(char32_t c) noexcept {
  if (c >= 0xFF01 && c <= 0xFF5E) {
    const char32_t a = c - 0xFEE0;
    const bool alnum = (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z');
    if (!alnum) c = a;
  }
  if (c >= '0' && c <= '9') return '0';
  // Enumerators (circled, parenthesized and dotted numbers) behave alike and each is rare.
  if (c >= 0x2460 && c <= 0x249B) return 0x2460;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 'a';
  if (c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0) return ' ';
  return c;
}

}  // namespace encoding_repair::charmodel_format

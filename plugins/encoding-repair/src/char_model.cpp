#include "char_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "char_model_format.hpp"
#include "docpipe/utf8.hpp"

extern "C" {
extern const char encoding_repair_charmodel_begin[];
extern const char encoding_repair_charmodel_end[];
}

namespace encoding_repair {

namespace fmt = charmodel_format;

const CharModel& CharModel::embedded() {
  static const CharModel model(std::string_view(
      encoding_repair_charmodel_begin,
      static_cast<std::size_t>(encoding_repair_charmodel_end - encoding_repair_charmodel_begin)));
  return model;
}

CharModel::CharModel(std::string_view blob) : bmp_(65536, 0) {
  auto fail = [] { throw std::runtime_error("encoding-repair: malformed character model"); };
  if (blob.size() < 16 || std::memcmp(blob.data(), fmt::kMagic, 4) != 0) fail();
  std::uint32_t header[3];
  std::memcpy(header, blob.data() + 4, 12);
  if (header[0] != fmt::kVersion) fail();
  n_chars_ = header[1];
  n_bigrams_ = header[2];
  const std::size_t need = 16 + std::size_t{n_chars_} * 6 + std::size_t{n_bigrams_} * 5;
  if (blob.size() < need || n_chars_ >= 65535) fail();
  const char* p = blob.data() + 16;
  // The embedded blob is 16-byte aligned and the u32 arrays start at multiples of 4.
  chars_ = reinterpret_cast<const std::uint32_t*>(p);
  p += n_chars_ * 4;
  unigram_q_ = reinterpret_cast<const std::uint8_t*>(p);
  p += n_chars_;
  backoff_q_ = reinterpret_cast<const std::uint8_t*>(p);
  p += n_chars_;
  // Padding keeps the keys 4-aligned.
  p += (4 - (n_chars_ * 2) % 4) % 4;
  keys_ = reinterpret_cast<const std::uint32_t*>(p);
  p += std::size_t{n_bigrams_} * 4;
  bigram_q_ = reinterpret_cast<const std::uint8_t*>(p);
  if (p + n_bigrams_ > blob.data() + blob.size()) fail();
  for (std::uint32_t i = 0; i < n_chars_; ++i)
    if (chars_[i] < 0x10000) bmp_[chars_[i]] = static_cast<std::uint16_t>(i + 1);
}

int CharModel::index(char32_t c) const noexcept {
  c = fmt::normalize(c);
  if (c < 0x10000) return static_cast<int>(bmp_[c]) - 1;
  const std::uint32_t* it = std::lower_bound(chars_, chars_ + n_chars_, static_cast<std::uint32_t>(c));
  return it != chars_ + n_chars_ && *it == c ? static_cast<int>(it - chars_) : -1;
}

double CharModel::unigram(char32_t c) const noexcept {
  const int i = index(c);
  return i < 0 ? kUnknown : -unigram_q_[i] / fmt::kScale;
}

double CharModel::score(char32_t prev, char32_t cur) const noexcept {
  const int b = index(cur);
  if (b < 0) return kUnknown;
  const double uni = -unigram_q_[b] / fmt::kScale;
  const int a = index(prev);
  if (a < 0) return uni;
  const double backoff = -backoff_q_[a] / fmt::kScale;
  const std::uint32_t key = (static_cast<std::uint32_t>(a) << 16) | static_cast<std::uint32_t>(b);
  const std::uint32_t* it = std::lower_bound(keys_, keys_ + n_bigrams_, key);
  const double smoothed = std::pow(10.0, backoff + uni);
  if (it == keys_ + n_bigrams_ || *it != key) return backoff + uni;
  const double bigram = std::pow(10.0, -bigram_q_[it - keys_] / fmt::kScale);
  return std::log10(bigram + smoothed);
}

double CharModel::score_text(std::string_view text, char32_t before) const noexcept {
  double total = 0;
  std::size_t pos = 0;
  char32_t prev = before;
  while (pos < text.size()) {
    const char32_t c = docpipe::utf8::next(text, pos);
    total += score(prev, c);
    prev = c;
  }
  return total;
}

}  // namespace encoding_repair

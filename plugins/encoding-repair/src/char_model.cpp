#include "char_model.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <memory>
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

namespace {
/// 10^(-q / kScale) for every quantized value: probabilities without calling pow.
struct PowerTable {
  double p[256];
  PowerTable() {
    for (int q = 0; q < 256; ++q) p[q] = std::pow(10.0, -q / fmt::kScale);
  }
};
const PowerTable kPow;

/// For sorted @p keys whose row is key >> 16: the first position of each of @p n_rows rows and
/// the end (n_rows + 1 entries; an empty row starts where the next one does).
template <typename Key>
std::vector<std::uint32_t> row_starts(const Key* keys, std::uint32_t n_keys, std::uint32_t n_rows) {
  std::vector<std::uint32_t> first(std::size_t{n_rows} + 1, n_keys);
  // One pass in key order: each row starts at its first key, and the empty rows before it there too.
  std::uint32_t next = 0;  // the first row whose start is not yet known
  for (std::uint32_t i = 0; i < n_keys; ++i) {
    const auto row = static_cast<std::uint32_t>(keys[i] >> 16);
    if (row >= n_rows) break;
    while (next <= row) first[next++] = i;
  }
  return first;
}

/// Position of @p key in the sorted, duplicate-free range [@p first, @p last), or -1. Without
/// branches on the comparisons: rows are searched millions of times with unpredictable outcomes.
template <typename Key>
long find_in_row(const Key* keys, const Key* first, const Key* last, Key key) noexcept {
  std::size_t len = static_cast<std::size_t>(last - first);
  if (len == 0) return -1;
  while (len > 1) {
    const std::size_t half = len / 2;
    first = first[half] <= key ? first + half : first;
    len -= half;
  }
  return *first == key ? static_cast<long>(first - keys) : -1;
}
}  // namespace

CharModel::LogTable::LogTable() {
  for (int q = 0; q < 256; ++q) single[q] = std::log10(kPow.p[q]);
  for (int i = 0; i < 65536; ++i) products[i].store(1.0, std::memory_order_relaxed);  // not yet computed
}

double CharModel::LogTable::compute_product(unsigned q1, unsigned q2) const noexcept {
  const double v = std::log10(kPow.p[q1] * kPow.p[q2]);
  products[q1 * 256 + q2].store(v, std::memory_order_relaxed);
  return v;
}

const CharModel::LogTable& CharModel::log_table() {
  static const LogTable table;
  return table;
}

const CharModel& CharModel::embedded() {
  static const CharModel model(std::string_view(
      encoding_repair_charmodel_begin,
      static_cast<std::size_t>(encoding_repair_charmodel_end - encoding_repair_charmodel_begin)));
  return model;
}

CharModel::CharModel(std::string_view blob) : bmp_(65536, 0), logs_(&log_table()) {
  auto fail = [] { throw std::runtime_error("encoding-repair: malformed character model"); };
  if (blob.size() < 24 || std::memcmp(blob.data(), fmt::kMagic, 4) != 0) fail();
  std::uint32_t header[5];
  std::memcpy(header, blob.data() + 4, 20);
  if (header[0] != fmt::kVersion) fail();
  n_chars_ = header[1];
  n_bigrams_ = header[2];
  n_trigrams_ = header[3];
  if (n_chars_ >= 65535) fail();
  // The embedded blob is 16-byte aligned; the writer pads each array to its element size.
  std::size_t off = 24;
  auto take = [&](std::size_t bytes, std::size_t align) {
    off = (off + align - 1) / align * align;
    if (off + bytes > blob.size()) fail();
    const char* p = blob.data() + off;
    off += bytes;
    return p;
  };
  chars_ = reinterpret_cast<const std::uint32_t*>(take(n_chars_ * 4ull, 4));
  unigram_q_ = reinterpret_cast<const std::uint8_t*>(take(n_chars_, 1));
  backoff_q_ = reinterpret_cast<const std::uint8_t*>(take(n_chars_, 1));
  keys_ = reinterpret_cast<const std::uint32_t*>(take(n_bigrams_ * 4ull, 4));
  bigram_q_ = reinterpret_cast<const std::uint8_t*>(take(n_bigrams_, 1));
  bigram_backoff_q_ = reinterpret_cast<const std::uint8_t*>(take(n_bigrams_, 1));
  trigram_keys_ = reinterpret_cast<const std::uint64_t*>(take(n_trigrams_ * 8ull, 8));
  trigram_q_ = reinterpret_cast<const std::uint8_t*>(take(n_trigrams_, 1));
  for (std::uint32_t i = 0; i < n_chars_; ++i)
    if (chars_[i] < 0x10000) bmp_[chars_[i]] = static_cast<std::uint16_t>(i + 1);
  // Normalization folded into the table: every class a code point normalizes to is its own class
  // (normalize is idempotent), so its entry is final when it is copied.
  for (char32_t c = 0; c < 0x10000; ++c)
    if (const char32_t n = fmt::normalize(c); n != c) bmp_[c] = bmp_[n];
  // Unigrams by code point, normalization included: the per-character scans cost one lookup.
  bmp_unigram_q_.assign(65536, 255);
  for (char32_t c = 0; c < 0x10000; ++c)
    if (bmp_[c] != 0) bmp_unigram_q_[c] = unigram_q_[bmp_[c] - 1];
}

const CharModel::Rows& CharModel::build_rows() const {
  Rows& r = *rows_;
  const std::lock_guard<std::mutex> lock(r.building);
  if (!r.ready.load(std::memory_order_relaxed)) {
    // Keys are sorted by their first element: each character's bigrams and each context's trigrams
    // form one row, searched alone (a few cache lines, where the whole table cost 19 probes).
    r.bigram = row_starts(keys_, n_bigrams_, n_chars_);
    r.trigram = row_starts(trigram_keys_, n_trigrams_, n_bigrams_);
    r.signature_start.assign(std::size_t{n_chars_} + 1, 0);
    r.signature_bits.assign(n_chars_, 6);
    std::uint32_t words = 0;
    for (std::uint32_t a = 0; a < n_chars_; ++a) {
      // At least 8 bits per entry, a power of two, at least one word.
      const std::uint32_t entries = r.bigram[a + 1] - r.bigram[a];
      r.signature_bits[a] = static_cast<std::uint8_t>(std::max(6, static_cast<int>(std::bit_width(8 * entries - (entries > 0)))));
      r.signature_start[a] = words;
      words += (1u << r.signature_bits[a]) / 64;
    }
    r.signature_start[n_chars_] = words;
    r.signature.assign(words, 0);
    for (std::uint32_t a = 0; a < n_chars_; ++a) {
      std::uint64_t* bits = r.signature.data() + r.signature_start[a];
      const unsigned shift = 32 - r.signature_bits[a];
      for (std::uint32_t i = r.bigram[a]; i < r.bigram[a + 1]; ++i) {
        const std::uint32_t bit = ((keys_[i] & 0xFFFF) * 0x9E3779B1u) >> shift;
        bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
      }
    }
    r.ready.store(true, std::memory_order_release);
  }
  return r;
}

long CharModel::find_bigram(const Rows& rows, std::uint32_t key) const noexcept {
  if (!may_hold(rows, key >> 16, key & 0xFFFF)) return -1;
  return find_in_row(keys_, keys_ + rows.bigram[key >> 16], keys_ + rows.bigram[(key >> 16) + 1], key);
}

long CharModel::find_trigram(const Rows& rows, long context, int c) const noexcept {
  const std::uint64_t key = (static_cast<std::uint64_t>(context) << 16) | static_cast<std::uint64_t>(c);
  return find_in_row(trigram_keys_, trigram_keys_ + rows.trigram[context], trigram_keys_ + rows.trigram[context + 1], key);
}

int CharModel::index_beyond_bmp(char32_t c) const noexcept {
  const std::uint32_t* it = std::lower_bound(chars_, chars_ + n_chars_, static_cast<std::uint32_t>(c));
  return it != chars_ + n_chars_ && *it == c ? static_cast<int>(it - chars_) : -1;
}

double CharModel::unigram_slow(char32_t c) const noexcept {
  static_assert(kScale == fmt::kScale);
  const int i = index(c);
  return i < 0 ? kUnknown : -unigram_q_[i] / fmt::kScale;
}

double CharModel::bigram(const Rows& rows, int a, int b, long& position) const noexcept {
  position = -1;
  const double uni = kPow.p[unigram_q_[b]];
  if (a < 0) return uni;
  const double smoothed = kPow.p[backoff_q_[a]] * uni;
  position = find_bigram(rows, (static_cast<std::uint32_t>(a) << 16) | static_cast<std::uint32_t>(b));
  if (position < 0) return smoothed;
  return kPow.p[bigram_q_[position]] + smoothed;
}

// Inlined into the scores: the unseen pair (most pairs a search asks for) costs two table reads.
[[gnu::always_inline]] inline double CharModel::log_bigram(const Rows& rows, int a, int b) const noexcept {
  const LogTable& logs = *logs_;
  if (a < 0) return logs.single[unigram_q_[b]];
  if (!may_hold(rows, a, b)) return logs.product(backoff_q_[a], unigram_q_[b]);
  return log_bigram_in_row(rows, a, b);
}

double CharModel::log_bigram_in_row(const Rows& rows, int a, int b) const noexcept {
  const std::uint32_t key = (static_cast<std::uint32_t>(a) << 16) | static_cast<std::uint32_t>(b);
  const long position = find_in_row(keys_, keys_ + rows.bigram[a], keys_ + rows.bigram[a + 1], key);
  if (position < 0) return logs_->product(backoff_q_[a], unigram_q_[b]);
  return std::log10(kPow.p[bigram_q_[position]] + kPow.p[backoff_q_[a]] * kPow.p[unigram_q_[b]]);
}

double CharModel::score(char32_t prev, char32_t cur) const noexcept { return score_indices(index(prev), index(cur)); }

CharModel::Context CharModel::context(char32_t prev2, char32_t prev) const noexcept {
  Context x;
  x.b = index(prev);
  const int a = index(prev2);
  // Without a known context the trigram is the bigram (position -1).
  if (a >= 0 && x.b >= 0 && may_hold(rows(), a, x.b))
    x.position = find_bigram(rows(), (static_cast<std::uint32_t>(a) << 16) | static_cast<std::uint32_t>(x.b));
  return x;
}

double CharModel::score(const Context& x, char32_t cur) const noexcept {
  const int c = index(cur);
  if (c < 0) return kUnknown;
  const Rows& r = rows();
  if (x.position < 0) return log_bigram(r, x.b, c);
  long unused;
  const double smoothed = kPow.p[bigram_backoff_q_[x.position]] * bigram(r, x.b, c, unused);
  const long t = find_trigram(r, x.position, c);
  if (t < 0) return std::log10(smoothed);
  return std::log10(kPow.p[trigram_q_[t]] + smoothed);
}

double CharModel::score(char32_t prev2, char32_t prev, char32_t cur) const noexcept {
  return score(context(prev2, prev), cur);
}

double CharModel::score_without_rows(int a, int b, int c) const noexcept {
  // score(const Context&, char32_t) and what it calls, step for step: a key absent from its row (or
  // ruled out by the row's signature) is absent from the table, so every branch goes the same way
  // and every sum is the same.
  auto find_pair = [&](int x, int y) {
    return find_in_row(keys_, keys_, keys_ + n_bigrams_, (static_cast<std::uint32_t>(x) << 16) | static_cast<std::uint32_t>(y));
  };
  if (b < 0) return logs_->single[unigram_q_[c]];
  const long context = a >= 0 ? find_pair(a, b) : -1;
  const long pair = find_pair(b, c);
  if (context < 0) {
    if (pair < 0) return logs_->product(backoff_q_[b], unigram_q_[c]);
    return std::log10(kPow.p[bigram_q_[pair]] + kPow.p[backoff_q_[b]] * kPow.p[unigram_q_[c]]);
  }
  const double uni = kPow.p[unigram_q_[c]];
  const double pair_smoothed = kPow.p[backoff_q_[b]] * uni;
  const double pair_p = pair < 0 ? pair_smoothed : kPow.p[bigram_q_[pair]] + pair_smoothed;
  const double smoothed = kPow.p[bigram_backoff_q_[context]] * pair_p;
  const std::uint64_t key = (static_cast<std::uint64_t>(context) << 16) | static_cast<std::uint64_t>(c);
  const long t = find_in_row(trigram_keys_, trigram_keys_, trigram_keys_ + n_trigrams_, key);
  if (t < 0) return std::log10(smoothed);
  return std::log10(kPow.p[trigram_q_[t]] + smoothed);
}

double CharModel::score_text(std::string_view text, char32_t before) const noexcept {
  double total = 0;
  std::size_t pos = 0;
  char32_t prev = before, prev2 = ' ';
  const bool rows_built = rows_->ready.load(std::memory_order_acquire);
  while (pos < text.size()) {
    const char32_t c = docpipe::utf8::next(text, pos);
    if (rows_built) {
      total += score(prev2, prev, c);
    } else {
      const int i = index(c);
      total += i < 0 ? kUnknown : score_without_rows(index(prev2), index(prev), i);
    }
    prev2 = prev;
    prev = c;
  }
  return total;
}

}  // namespace encoding_repair

#pragma once
// A character bigram language model of Chinese government prose, simplified and traditional,
// read in place from the bytes embedded in the plugin.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace encoding_repair {

/// Scores character sequences: log10 probabilities under an interpolated (Witten-Bell) trigram
/// model. Lookups are a table index, a hashed bit set of the row that rules out most unseen pairs,
/// and a binary search inside one row of the n-gram tables; no allocation after the rows are built.
class CharModel {
 public:
  /// The model built into the plugin (data/charmodel.bin), loaded on first use.
  static const CharModel& embedded();

  /// Reads a model from @p blob (which must outlive the model); throws on a malformed blob.
  explicit CharModel(std::string_view blob);

  /// log10 P(@p cur | @p prev). Characters are normalized first (charmodel_format::normalize).
  double score(char32_t prev, char32_t cur) const noexcept;
  /// The model's index of @p c's class (normalization included), or -1 when unknown: lets a caller
  /// that scores one character against many look each up once (score_indices()).
  int index_of(char32_t c) const noexcept { return index(c); }
  /// score(prev, cur) of characters looked up with index_of(), bit for bit. Inline: the lost-byte
  /// search asks for a million of them, nearly all pairs a row's signature rules out.
  double score_indices(int prev, int cur) const noexcept {
    if (cur < 0) return kUnknown;
    const Rows& r = rows();
    if (prev < 0) return logs_->single[unigram_q_[cur]];
    if (!may_hold(r, static_cast<std::uint32_t>(prev), static_cast<std::uint32_t>(cur)))
      return logs_->product(backoff_q_[prev], unigram_q_[cur]);
    return log_bigram_in_row(r, prev, cur);
  }
  /// A first character looked up once (its row's signature too), to score many second characters
  /// after it with score_in_row().
  struct PairRow {
    int prev = -1;                          ///< Index of the first character (-1: unknown).
    const std::uint64_t* bits = nullptr;    ///< Its row's signature (null when prev is -1).
    unsigned shift = 0;                     ///< 32 less the signature's bits.
    std::uint8_t backoff_q = 0;             ///< Its quantized backoff weight.
  };
  /// The row of index @p prev (as index_of() gives) for score_in_row(); builds the rows if need be.
  PairRow pair_row(int prev) const noexcept {
    PairRow p;
    p.prev = prev;
    if (prev < 0) return p;
    const Rows& r = rows();
    p.bits = r.signature.data() + r.signature_start[prev];
    p.shift = 32u - r.signature_bits[prev];
    p.backoff_q = backoff_q_[prev];
    return p;
  }
  /// score_indices(@p p.prev, @p cur), bit for bit, with the row's lookups done once.
  double score_in_row(const PairRow& p, int cur) const noexcept {
    if (cur < 0) return kUnknown;
    if (p.prev < 0) return logs_->single[unigram_q_[cur]];
    const std::uint32_t bit = (static_cast<std::uint32_t>(cur) * 0x9E3779B1u) >> p.shift;
    if (!((p.bits[bit >> 6] >> (bit & 63)) & 1)) return logs_->product(p.backoff_q, unigram_q_[cur]);
    return log_bigram_in_row(*rows_, p.prev, cur);
  }
  /// log10 P(@p cur | @p prev2 @p prev), the trigram probability.
  double score(char32_t prev2, char32_t prev, char32_t cur) const noexcept;
  /// Two characters of context looked up once, to score many characters after them.
  struct Context {
    int b = -1;          ///< Index of the character just before.
    long position = -1;  ///< Position of the bigram (prev2, prev) in the table, -1 when unseen.
  };
  /// The context (@p prev2, @p prev) for score(const Context&, char32_t).
  Context context(char32_t prev2, char32_t prev) const noexcept;
  /// score(prev2, prev, @p cur) for the context @p x of (prev2, prev), bit for bit.
  double score(const Context& x, char32_t cur) const noexcept;
  /// log10 P(@p c), the unigram probability (a table lookup for the Basic Multilingual Plane).
  double unigram(char32_t c) const noexcept {
    if (c < 0x10000) {
      const std::uint8_t q = bmp_unigram_q_[c];
      return q == 255 ? kUnknown : -q / kScale;
    }
    return unigram_slow(c);
  }
  /// Sum of trigram score() over @p text (UTF-8) after the context character @p before. Before the
  /// rows are built (a process that met no damage), the pairs and triples are searched in the whole
  /// tables instead: the same doubles, without the rows' 18 M instructions for a few runs of rare
  /// names that the mix-up check scores in clean text.
  double score_text(std::string_view text, char32_t before = ' ') const noexcept;
  /// True when @p c was seen in the training text.
  bool known(char32_t c) const noexcept { return index(c) >= 0; }
  /// Number of characters in the vocabulary.
  std::size_t vocabulary() const noexcept { return n_chars_; }

  /// Log10 probability given to characters never seen in training.
  static constexpr double kUnknown = -8.0;
  /// No score() exceeds this: quantized probabilities are at most 1, so a bigram (its own term plus
  /// the smoothed unigram) is at most 2 and a trigram at most 3. Lets searches skip candidates that
  /// cannot win.
  static constexpr double kMaxScore = 0.47712125472;  // log10(3), rounded up

 private:
  /// Where each row of the n-gram tables starts, built on the first pair or triple scored (a
  /// million keys to step over: documents without damage never need them). Shared by copies.
  struct Rows {
    std::atomic<bool> ready{false};
    std::mutex building;
    std::vector<std::uint32_t> bigram;   // character index -> its first bigram (n_chars + 1)
    std::vector<std::uint32_t> trigram;  // bigram position -> its first trigram (n_bigrams + 1)
    /// Per bigram row, a bit set of its second characters (one hashed bit each, about 8 bits per
    /// entry): most pairs the lost-byte search asks for are unseen, and a clear bit says so without
    /// searching the row. Row a's bits start at word signature_start[a] and number 1 << signature_bits[a].
    std::vector<std::uint64_t> signature;
    std::vector<std::uint32_t> signature_start;
    std::vector<std::uint8_t> signature_bits;
  };
  /// True when row @p a may hold second character @p b; false only when it does not.
  static bool may_hold(const Rows& rows, std::uint32_t a, std::uint32_t b) noexcept {
    const std::uint32_t bit = (b * 0x9E3779B1u) >> (32 - rows.signature_bits[a]);
    return (rows.signature[rows.signature_start[a] + (bit >> 6)] >> (bit & 63)) & 1;
  }
  /// The rows, built if they are not yet.
  const Rows& rows() const {
    const Rows& r = *rows_;
    return r.ready.load(std::memory_order_acquire) ? r : build_rows();
  }
  const Rows& build_rows() const;
  /// score(prev2, prev, cur) of indices (cur known), with the bigram and trigram keys searched in the
  /// whole tables: the same double as through the rows, for scoring before they exist.
  double score_without_rows(int a, int b, int c) const noexcept;
  int index(char32_t c) const noexcept {
    // Beyond the BMP normalize() changes nothing.
    return c < 0x10000 ? static_cast<int>(bmp_[c]) - 1 : index_beyond_bmp(c);
  }
  int index_beyond_bmp(char32_t c) const noexcept;
  double unigram_slow(char32_t c) const noexcept;
  static constexpr double kScale = 20.0;  // charmodel_format::kScale
  /// Bigram probability (not log) of index @p b after index @p a (a may be -1), and the position of
  /// the bigram (a, b) in the table, or -1.
  double bigram(const Rows& rows, int a, int b, long& position) const noexcept;
  /// log10 of bigram(@p a, @p b), bit for bit, with table reads where no sum is involved.
  double log_bigram(const Rows& rows, int a, int b) const noexcept;
  /// log_bigram() of a pair whose row signature does not rule it out: searches the row.
  double log_bigram_in_row(const Rows& rows, int a, int b) const noexcept;
  /// Position of the bigram key (a << 16 | b) in the table, or -1.
  long find_bigram(const Rows& rows, std::uint32_t key) const noexcept;
  /// Position of the trigram of bigram position @p context and index @p c, or -1.
  long find_trigram(const Rows& rows, long context, int c) const noexcept;
  std::uint32_t n_chars_ = 0, n_bigrams_ = 0, n_trigrams_ = 0;
  const std::uint8_t* bigram_backoff_q_ = nullptr;
  const std::uint64_t* trigram_keys_ = nullptr;
  const std::uint8_t* trigram_q_ = nullptr;
  const std::uint32_t* chars_ = nullptr;
  const std::uint8_t* unigram_q_ = nullptr;
  const std::uint8_t* backoff_q_ = nullptr;
  const std::uint32_t* keys_ = nullptr;
  const std::uint8_t* bigram_q_ = nullptr;
  std::vector<std::uint16_t> bmp_;  // code point -> index + 1 of its class, normalization included (0: unknown)
  std::vector<std::uint8_t> bmp_unigram_q_;  // code point -> unigram_q of its class (255: unknown)
  std::shared_ptr<Rows> rows_ = std::make_shared<Rows>();
  /// std::log10 of the quantized probabilities and of the products of two, the same values bit for
  /// bit: a unigram or an unseen bigram (most candidates of the lost-byte search) costs a table read,
  /// not a logarithm. Products are computed on first use (a document scores a few thousand of the
  /// 65 K; racing threads store the same value).
  struct LogTable {
    double single[256];
    std::unique_ptr<std::atomic<double>[]> products{new std::atomic<double>[65536]};
    LogTable();
    double product(unsigned q1, unsigned q2) const noexcept {
      const double v = products[q1 * 256 + q2].load(std::memory_order_relaxed);
      return v > 0 ? compute_product(q1, q2) : v;  // no log10 of a probability is positive
    }
    double compute_product(unsigned q1, unsigned q2) const noexcept;
  };
  static const LogTable& log_table();
  const LogTable* logs_;  // the process's logarithm table, kept to skip a static guard per score
};

}  // namespace encoding_repair

#include "lost_byte_repair.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "char_model.hpp"
#include "document_cache.hpp"
#include "score_memo.hpp"
#include "enumerator_lists.hpp"
#include "han.hpp"
#include "double_byte_table.hpp"
#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace {

namespace utf8 = docpipe::utf8;

// Costs (log10) of the less common ways a damaged run ends or loses bytes.
constexpr double kInsertCost = -1.0;   // a user-defined-area pair dropped by the decoder
constexpr double kOrphanCost = -0.5;   // a lead byte before an invalid trail, written as `?`
constexpr double kLostCost = -4.0;     // a lead byte and an ASCII trail both dropped (rare, and cheap to fake)
// A character written as `?` by an encoder whose charset lacked it, the other way a `?` gets into
// Chinese text; each `?` read so costs this (as rare here as kLostCost's damage, and as cheap to
// fake). Chosen on both benchmarks, final code: at -4 no exact chunk of the lost-lead-byte damage
// is lost (bench_encoding_repair ... 5 and 10 quality) and 7 of 2340 replaced characters are still
// read as mojibake (tests/bench/encoding-repair/replaced_characters.py, -k 10 and -k 20 --seed 7;
// 130 before); at -3 one chunk is lost (4 false), at -5 none (19 false).
constexpr double kReplacedCost = -4.0;
constexpr std::size_t kBeam = 16;
constexpr std::size_t kPruneHead = 64;  // sorted places prune() reads before falling back to a full sort
constexpr std::size_t kDoubleFirsts = 24;  // first characters tried for two dropped pairs after the lost lead
constexpr std::size_t kDoubleThirds = 4;   // third characters kept per second one for two dropped pairs
constexpr std::size_t kDoubleChains = 24;  // chains of two dropped pairs rescored in context per first character
constexpr std::size_t kDropEndBeam = 4;  // hypotheses tried with a dropped pair before a run's end
constexpr std::size_t kMaxTokens = 640;
constexpr double kGiveUp = 12.0;       // stop when the realigned prefix is this much less probable
constexpr double kCommonUnigram = -4.0;  // characters tried where both bytes of one are unknown
constexpr double kCacheWeight = 0.1;   // share of the document's own pairs in a character's probability
const double kModelShare = std::log10(1 - kCacheWeight);
// Above any sc() or pair_score(): both mix a model score (at most CharModel::kMaxScore) with
// probabilities of at most 1. Candidates whose known terms plus this for each unknown one stay below
// the best so far cannot win and are skipped (an exact shortcut: the comparisons are strict).
constexpr double kMaxTerm = 0.5;
static_assert(CharModel::kMaxScore < kMaxTerm);
constexpr double kLn10 = 2.302585092994046;
constexpr double kBoundSlack = 1e-6;  // rounding allowance of the search's upper bounds (scores are sums of a few hundred terms)
constexpr unsigned kContextBits = 12;  // 4096 contexts (128 KB)
constexpr unsigned kMemoBits = 14;  // 16384 scores (256 KB): fewer instructions than 4096 and no slower (README)

/// One character of the damaged run, as the bytes the out-of-step decoder read.
struct Token {
  unsigned char a = 0, b = 0;
  bool ascii_trail = false;  // b is ASCII: the decoder was back in step after this pair
  bool may_orphan = false;   // a `?`, which may stand for a lead byte dropped before an invalid trail
  std::size_t begin = 0, end = 0;
  char32_t cp = 0;
};

/// How the token list ends.
enum class Terminal { none, ascii, euro, rejected };

struct Node {
  char32_t last;
  char32_t prev;  // the character before `last`
  double score;
  int parent;
  char32_t out[3];
  int n;  // characters this step read: 1, 2 (one dropped pair) or 3 (two dropped pairs)
  int inserts;
};

char32_t decode_at(std::string_view s, std::size_t& pos) { return utf8::next(s, pos); }

/// True when a Han character lies within kChineseContext characters either side of @p at. The damage
/// is Chinese GBK text read out of step, so its runs are Han characters among Chinese prose; a `?`
/// or U+FFFD with no Chinese near it (`OK??:(`, `?????` in a European language, U+FFFD in Latin-script
/// mojibake) is not searched, because the model would read Chinese into the unknown bytes.
constexpr int kChineseContext = 32;
bool chinese_nearby(std::string_view text, std::size_t at) {
  std::size_t p = at;
  for (int k = 0; k < kChineseContext && p > 0; ++k) {
    --p;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    std::size_t q = p;
    if (is_han(utf8::next(text, q))) return true;
  }
  p = at;
  for (int k = 0; k <= kChineseContext && p < text.size(); ++k)
    if (is_han(utf8::next(text, p))) return true;
  return false;
}

char32_t char_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return U'\n';
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t p = start;
  return utf8::next(text, p);
}

char32_t fold(char32_t c) {
  switch (c) {
    case U'，': case U'：': case U'；': case U'！': case U'？': case U'（': case U'）': return c - 0xFEE0;
    default: return c;
  }
}

/// The full-width form whose GBK code an ASCII punctuation mark may have been folded from.
char32_t unfold(char32_t c) {
  switch (c) {
    case ',': case ':': case ';': case '!': case '?': case '(': case ')': return c + 0xFEE0;
    default: return 0;
  }
}

/// Length of the remainder of an HTML tag or comment whose `<` was lost (`/font>`, `br>`,
/// `!-- x -->`) at the start of @p rest, or 0.
std::size_t tag_rest_length(std::string_view rest) {
  if (rest.substr(0, 3) == "!--") {
    const std::size_t end = rest.find("-->");
    return end == std::string_view::npos ? 0 : end + 3;
  }
  std::size_t i = rest.substr(0, 1) == "/" ? 1 : 0;
  const std::size_t name = i;
  while (i < rest.size() && i < 12 && ((rest[i] >= 'a' && rest[i] <= 'z') || (rest[i] >= 'A' && rest[i] <= 'Z'))) ++i;
  if (i == name) return 0;
  while (i < rest.size() && i < 512 && rest[i] != '>' && rest[i] != '<' && rest[i] != '\n') ++i;
  return i < rest.size() && rest[i] == '>' ? i + 1 : 0;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// The figure at @p rest that lost its first digit: its digits (a decimal point between digits
/// included) and the character after them.
std::string_view figure_at(std::string_view text, std::size_t rest) {
  std::size_t e = rest;
  while (e < text.size() && (ascii_digit(text[e]) || (text[e] == '.' && e + 1 < text.size() && ascii_digit(text[e + 1])))) ++e;
  if (e < text.size()) utf8::next(text, e);
  return text.substr(rest, e - rest);
}

/// True when @p s at @p pos starts with a dash, tilde or 至/到 between two years, then two or four
/// digits and 年 (`-2025年`, `—25年`).
bool year_range_rest(std::string_view s, std::size_t pos) {
  std::size_t p = pos;
  if (p >= s.size()) return false;
  const char32_t sep = utf8::next(s, p);
  if (sep != '-' && sep != '~' && sep != U'—' && sep != U'–' && sep != U'～' && sep != U'至' && sep != U'到') return false;
  std::size_t digits = 0;
  while (p < s.size() && ascii_digit(s[p])) ++p, ++digits;
  return (digits == 2 || digits == 4) && s.substr(p, 3) == "年";
}

/// The digit a run swallowed, named by the figure after it, which lost its first digit: a year
/// (`024年` is 2024年, `998年` 1998年: no other first digit makes a year), a hundred percent
/// (`00%`) or October (`0月`; `2月` may be 02月 as well as 12月); 0 elsewhere. In the 195
/// reports of the corpus no such year and no `d00%` has another first digit. The character model
/// cannot name a digit (it counts them all as one), and the document's own figures cannot either:
/// one written elsewhere with the same last digits (`0%`, `5个`) has another first digit too
/// often. They only veto: a document that writes the figure with another first digit (`200%`)
/// leaves the digit unnamed. @p why says which figure named it.
char named_lost_digit(std::string_view text, std::size_t rest, const char*& why) {
  const std::string_view figure = figure_at(text, rest);
  std::size_t digits = 0;
  while (digits < figure.size() && ascii_digit(figure[digits])) ++digits;
  const std::string_view after = figure.substr(digits);
  char digit = 0;
  // Round hundreds are left out: `000年` may be 1000年 of history as well as 2000年.
  if (digits == 3 && (figure[0] == '0' || figure[0] == '9') && figure.substr(1, 2) != "00" &&
      (after == "年" || year_range_rest(text, rest + digits))) {
    digit = figure[0] == '0' ? '2' : '1';
    why = "a year";
  } else if (digits == 2 && figure.substr(0, 2) == "00" && (after == "%" || after == "％")) {
    digit = '1';
    why = "a hundred percent";
  } else if (digits == 1 && figure[0] == '0' && after == "月") {
    digit = '1';
    why = "October";
  }
  if (!digit) return 0;
  // The same figure elsewhere in the document, as the first digits of a number.
  for (std::size_t p = text.find(figure, 1); p != std::string_view::npos; p = text.find(figure, p + 1)) {
    if (!ascii_digit(text[p - 1]) || text[p - 1] == digit) continue;
    if (p >= 2 && (ascii_digit(text[p - 2]) || text[p - 2] == '.')) continue;
    return 0;
  }
  return digit;
}

class RunSearch {
 public:
  RunSearch(std::string_view text, const CharModel& model, const LostByteOptions& options)
      : text_(text), model_(model), options_(options), gbk_(DoubleByteTable::get(options.legacy)), cache_(text), lists_(text) {
    for (unsigned p = 0x81; p <= 0xFE; ++p) {
      bool any = false;
      for (unsigned q = 0x40; q <= 0xFE && !any; ++q) any = gbk_.vanishes(p, q);
      if (any) {
        vanish_place_[p] = static_cast<unsigned char>(vanish_leads_.size());
        vanish_leads_.push_back(static_cast<unsigned char>(p));
      }
    }
    // The bytes from 0x81 that vanish after each such lead, in increasing order: the loops over
    // dropped pairs walk these lists instead of testing every byte.
    for (unsigned char p : vanish_leads_)
      for (unsigned q = 0x81; q <= 0xFE; ++q)
        if (gbk_.vanishes(p, static_cast<unsigned char>(q))) vanishing_after_[p].push_back(static_cast<unsigned char>(q));
    // Characters common enough to end a run after a dropped pair, whose lead byte is then unknown.
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
      for (unsigned trail = 0x40; trail <= 0xFE; ++trail)
        if (const char32_t c = read(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail)))
          if (model_.unigram(c) > kCommonUnigram)
            common_.push_back({static_cast<unsigned char>(lead), c});
    for (const Common& k : common_) common_by_unigram_.push_back(k.c);
    std::stable_sort(common_by_unigram_.begin(), common_by_unigram_.end(),
                     [&](char32_t x, char32_t y) { return model_.unigram(x) > model_.unigram(y); });
    // The second characters (q1, p2) of two dropped pairs in a row, as expand_double() tries them.
    for (unsigned q1 = 0x81; q1 <= 0xFE; ++q1)
      for (unsigned char p2 : vanish_leads_)
        if (const char32_t c2 = read(static_cast<unsigned char>(q1), p2); c2 && model_.unigram(c2) >= -5.0)
          double_seconds_[q1].push_back({p2, c2, model_.index_of(c2)});
  }

  /// The best reading of the run starting at @p begin, if it beats the text as is.
  bool run(std::size_t begin, LostByteFix& fix) {
    collect(begin);
    if (tokens_.empty() && terminal_ == Terminal::none) return false;
    // A list that goes on after the run without one of its items: the run may hold that item.
    const auto missing = lists_.missing_between(begin, terminal_ != Terminal::none ? terminal_token_.end : tokens_.back().end);
    expected_ = missing.enumerator;
    expected_p_ = expected_ ? 1.0 / double(missing.distance + 1) : 0.0;
    build_as_is(begin);
    drop_end_.clear();
    double_at_.clear();
    search(0);
    Ending best = evaluate(0);
    // Second pass: where one dropped pair was found, two in a row may explain the run better.
    std::vector<bool> flagged = inserted_layers(best);
    if (best.node >= 0 && std::find(flagged.begin(), flagged.end(), true) != flagged.end()) {
      auto first_layers = layers_;
      double_at_ = flagged;
      const std::size_t same = layers_before_change(flagged);
      search(same);
      Ending second = evaluate(same);
      if (second.total > best.total) {
        best = second;
      } else {
        layers_ = std::move(first_layers);
      }
    }
    return finish(begin, best, fix);
  }

  /// lost_byte_reading_gain() of @p r: the terms every ending of the search sums, over the reading
  /// and the text as is after it, without searching.
  double score_reading(const LostByteReading& r) {
    const double none = std::numeric_limits<double>::quiet_NaN();
    collect(r.begin);
    if (tokens_.empty() && terminal_ == Terminal::none) return none;
    const auto missing = lists_.missing_between(r.begin, terminal_ != Terminal::none ? terminal_token_.end : tokens_.back().end);
    expected_ = missing.enumerator;
    expected_p_ = expected_ ? 1.0 / double(missing.distance + 1) : 0.0;
    build_as_is(r.begin);
    // Where each character of seq_ starts, to find the one the text as is resumes with.
    std::vector<std::size_t> starts{r.begin};
    for (const Token& t : tokens_) starts.push_back(t.begin);
    std::size_t after = tokens_.empty() ? r.begin + (text_[r.begin] == '?' ? 1 : 3) : tokens_.back().end;
    if (terminal_ != Terminal::none) {
      starts.push_back(terminal_token_.begin);
      after = terminal_token_.end;
    }
    if (after < text_.size()) starts.push_back(after);
    std::size_t i = std::find(starts.begin(), starts.end(), r.end) - starts.begin();
    if (i == starts.size() && r.end != text_.size()) return none;
    std::vector<char32_t> chars;
    for (std::size_t p = 0; p < r.after.size();) {
      const char32_t c = utf8::next(r.after, p);
      chars.push_back(unfold(c) ? unfold(c) : c);
    }
    const std::size_t t = tokens_.size();
    const std::size_t read = chars.size() - std::min<std::size_t>(chars.size(), r.dropped_pairs);
    double cost = 0;
    bool paragraph_end = false;  // a wildcard ending at the end of the text scores a line break after it
    if (terminal_ != Terminal::none && i == t + 2 && read == t + 1) {
      cost = 0;  // back in step at an ASCII trail byte or the euro sign
    } else if (t > 0 && tokens_.back().ascii_trail && i == t + 1 && read == t + 1 && chars.back() == tokens_.back().b) {
      cost = 0;  // back in step inside a pair whose trail is ASCII
    } else if (read == i && i >= 2) {
      cost = tokens_[i - 2].end >= text_.size() ? 0.0 : kLostCost;  // lead byte and invalid trail dropped
      paragraph_end = i >= seq_.size();
    } else if (read + 1 == i && i >= 2 && tokens_[i - 2].may_orphan) {
      cost = kOrphanCost;  // lead byte and invalid trail written as `?`
      paragraph_end = i >= seq_.size();
    } else {
      return none;
    }
    Context x{before2_, before1_};
    double total = cost + r.dropped_pairs * kInsertCost;
    auto add = [&](char32_t c) {
      total += sc(x.a, x.b, c);
      x = Context{x.b, c};
    };
    for (char32_t c : chars) add(c);
    for (std::size_t j = i; j < seq_.size(); ++j) add(seq_[j]);
    if (paragraph_end) add(U'\n');
    return total - as_is_score();
  }

 private:
  /// What a reading must beat: the text as is, or the text as is with its `?` read as characters
  /// the page's encoding lacked (replaced_character_score()) at the cost of that damage.
  double as_is_score() { return std::max(prefix_.back(), replaced_character_score()); }

  struct Ending {
    double total = -std::numeric_limits<double>::infinity();
    std::size_t layer = 0;
    int node = -1;
    char32_t tail[4] = {0, 0, 0, 0};
    int tail_n = 0;
    std::size_t end = 0;
    int inserts = 0;
    const char* how = "";
    bool inserted_in_tail = false;
    bool lost_ascii = false;  // the ending dropped an ASCII byte (the invalid trail)
  };

  /// True when @p c may be the enumerator the document's lists lack here after @p prev: enumerators
  /// follow punctuation or a line break, never a Chinese character inside a sentence.
  bool expected_after(char32_t prev, char32_t c) const {
    return expected_ && c == expected_ && !(prev >= 0x3400 && prev <= 0x9FFF);
  }

  /// log10 P(c | a b): the character model interpolated with the document's own pairs, and with
  /// the enumerator the document's lists lack here (as likely at any character up to its follower).
  double sc(char32_t a, char32_t b, char32_t c) {
    // sc(Context&) for a context used once: nothing is built unless the memo lacks the score.
    auto score = [&](bool expected) {
      const LookedUp& l = looked_up(a, b);
      const double cached = cache_.probability(l.cache, c);
      return mix(model_.score(l.model, c), expected ? std::max(expected_p_, cached) : cached);
    };
    if (expected_after(b, c)) return score(true);
    return trigram_memo_.get(a, b, c, [&] { return score(false); });
  }

  /// Two characters of context for sc() of many characters after them: the model's context and the
  /// document's row are looked up once, on the first score the memo does not hold.
  struct Context {
    char32_t a, b;
    bool ready = false;
    CharModel::Context model{};
    DocumentCache::Row cache{};
  };
  /// sc(x.a, x.b, @p c), bit for bit.
  double sc(Context& x, char32_t c) {
    auto score = [&](bool expected) {
      if (!x.ready) {
        const LookedUp& l = looked_up(x.a, x.b);
        x.model = l.model;
        x.cache = l.cache;
        x.ready = true;
      }
      const double cached = cache_.probability(x.cache, c);
      return mix(model_.score(x.model, c), expected ? std::max(expected_p_, cached) : cached);
    };
    if (expected_after(x.b, c)) return score(true);
    // Otherwise the score depends on the document alone: kept across runs.
    return trigram_memo_.get(x.a, x.b, c, [&] { return score(false); });
  }

  /// The model's context and the document's row of (@p a, @p b), from a small direct-mapped memo:
  /// the same few hundred contexts (a node's last two characters, a node's last and a first
  /// character read after it) are looked up again at every layer and pass.
  struct LookedUp {
    std::uint64_t key = ~std::uint64_t{0};  // no key: (a, b) = (~0, ~0) is no pair of characters
    CharModel::Context model{};
    DocumentCache::Row cache{};
  };
  const LookedUp& looked_up(char32_t a, char32_t b) {
    const std::uint64_t key = (std::uint64_t{a} << 32) | b;
    LookedUp& slot = contexts_[static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kContextBits))];
    if (slot.key != key) {
      slot.model = model_.context(a, b);
      slot.cache = cache_.row(b);
      slot.key = key;
    }
    return slot;
  }

  /// A model score @p m interpolated with the probability @p cached from the document.
  static double mix(double m, double cached) {
    return cached > 0 ? std::log10((1 - kCacheWeight) * std::exp(m * kLn10) + kCacheWeight * cached) : m + kModelShare;
  }

  /// log10 P(b | a) of the model, with the enumerator the document's lists lack here as in sc():
  /// ranks candidates before they are scored in context.
  double pair_score(char32_t a, char32_t b) const { return pair_score(a, model_.index_of(a), b, model_.index_of(b)); }
  /// pair_score() of characters whose model indices (CharModel::index_of) @p ai and @p bi are
  /// known: the loops that score one character against many look each up once.
  double pair_score(char32_t a, int ai, char32_t b, int bi) const {
    // Not memoized: the pairs asked for are nearly all different.
    const double m = model_.score_indices(ai, bi);
    return expected_after(a, b) ? std::log10((1 - kCacheWeight) * std::exp(m * kLn10) + kCacheWeight * expected_p_) : m;
  }

  /// pair_score(a, index_of(a), b, @p bi) for @p row = pair_row(index_of(a)), bit for bit: the loops
  /// that score one first character against many second ones look its row up once.
  double pair_score(const CharModel::PairRow& row, char32_t a, char32_t b, int bi) const {
    const double m = model_.score_in_row(row, bi);
    return expected_after(a, b) ? std::log10((1 - kCacheWeight) * std::exp(m * kLn10) + kCacheWeight * expected_p_) : m;
  }

  /// A character of a realigned reading: a GBK pair that decodes, but not the ideographic space
  /// (A1A1), which prose never has inside a sentence and the model counts as ordinary white space.
  char32_t read(unsigned char lead, unsigned char trail) const {
    const char32_t c = gbk_.decode(lead, trail);
    return c == 0x3000 ? 0 : c;
  }

  void collect(std::size_t begin) {
    tokens_.clear();
    terminal_ = Terminal::none;
    std::size_t pos = begin;
    decode_at(text_, pos);  // the trigger
    while (pos < text_.size() && tokens_.size() < kMaxTokens) {
      const std::size_t start = pos;
      const char32_t c = decode_at(text_, pos);
      Token t;
      t.begin = start;
      t.end = pos;
      t.cp = c;
      if (c >= 0x40 && c <= 0x7E) {
        terminal_ = Terminal::ascii;
        terminal_byte_ = static_cast<unsigned char>(c);
        terminal_token_ = t;
        return;
      }
      if (c == 0x20AC) {
        terminal_ = Terminal::euro;
        terminal_byte_ = 0x80;
        terminal_token_ = t;
        return;
      }
      if (c == U'\uFFFD') {
        // A lead byte this stage's decoder rejected before an invalid trail it kept: the last trail.
        const auto& rejected = options_.rejected;
        const auto it = std::lower_bound(rejected.begin(), rejected.end(), start,
                                         [](const RejectedByte& r, std::size_t at) { return r.at < at; });
        if (it != rejected.end() && it->at == start && gbk_.is_trail(it->byte)) {
          terminal_ = Terminal::rejected;
          terminal_byte_ = it->byte;
          terminal_token_ = t;
        }
        return;
      }
      std::uint16_t code = 0;
      if (const char32_t full = unfold(c)) {
        code = gbk_.encode(full);
        t.may_orphan = c == '?';
      } else if (c >= 0x80) {
        // A user-defined-area pair read out of step is a private-use character where the decoder
        // keeps it (this stage's does; the seed's dropped it).
        code = gbk_.encode_any(c);
      }
      if (code == 0) return;  // not something an out-of-step GBK decoder writes
      t.a = static_cast<unsigned char>(code >> 8);
      t.b = static_cast<unsigned char>(code & 0xFF);
      t.ascii_trail = t.b < 0x80;
      tokens_.push_back(t);
      if (t.ascii_trail) return;
    }
  }

  /// The text as is: seq_[0] is the trigger, then the tokens, the terminal and one character of
  /// context; term_[j] scores seq_[j] after its two predecessors (the context before for j < 2).
  void build_as_is(std::size_t begin) {
    seq_.clear();
    std::size_t p = begin;
    before1_ = char_before(text_, begin);
    std::size_t b1 = begin;
    while (b1 > 0 && (static_cast<unsigned char>(text_[b1 - 1]) & 0xC0) == 0x80) --b1;
    before2_ = b1 > 0 ? char_before(text_, b1 - 1) : U'\n';
    seq_.push_back(decode_at(text_, p));
    for (const Token& t : tokens_) seq_.push_back(t.cp);
    std::size_t after = tokens_.empty() ? p : tokens_.back().end;
    if (terminal_ != Terminal::none) {
      seq_.push_back(terminal_token_.cp);
      after = terminal_token_.end;
    }
    if (after < text_.size()) seq_.push_back(decode_at(text_, after));
    const std::size_t n = seq_.size();
    term_.assign(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
      const char32_t a = j >= 2 ? seq_[j - 2] : j == 1 ? before1_ : before2_;
      const char32_t b = j >= 1 ? seq_[j - 1] : before1_;
      term_[j] = sc(a, b, seq_[j]);
    }
    // suffix_[i]: the terms from seq_[i + 2] on, whose contexts lie wholly in the text as is.
    suffix_.assign(n + 2, 0.0);
    for (std::size_t i = n; i-- > 0;) suffix_[i] = suffix_[i + 1] + (i + 2 < n ? term_[i + 2] : 0.0);
    prefix_.assign(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) prefix_[j] = (j ? prefix_[j - 1] : 0.0) + term_[j];
  }

  /// Score of the text as is from seq_[i] on, after a reading ending with (@p p, @p c).
  double tail_score(char32_t p, char32_t c, std::size_t i) {
    if (i >= seq_.size()) return 0.0;
    double total = sc(p, c, seq_[i]);
    if (i + 1 < seq_.size()) total += sc(c, seq_[i], seq_[i + 1]);
    return total + suffix_[i];
  }

  /// Candidates of the next layer: from every node of @p layer, read one character whose trail is
  /// @p next, or two around a dropped pair.
  // The character the reading continues with at token @p layer once back in step (0 past the end):
  // the ASCII trail byte itself, or the pair of this token's trail and the next token's lead.
  char32_t follow_at(std::size_t layer) const {
    if (layer >= tokens_.size()) return 0;
    if (tokens_[layer].ascii_trail) return tokens_[layer].b;
    return layer + 1 < tokens_.size() ? read(tokens_[layer].b, tokens_[layer + 1].a) : 0;
  }

  /// The candidates, in a buffer reused from call to call (layer 0 makes thousands).
  const std::vector<Node>& expand(std::size_t layer, unsigned char next) {
    std::vector<Node>& out = candidates_;
    out.clear();
    const auto& nodes = layers_[layer];
    // Dropped pair (p, q): the reading is (pend, p) (q, next). The second halves per p are found
    // once; the three best by bigram on both sides are rescored in context.
    // After a dropped pair the reading is back on the token bytes, so the character after c2 is
    // known: choosing c2 on its left neighbour alone loses rare characters such as enumerators.
    const char32_t follow = follow_at(layer);
    std::vector<std::vector<Half>>& halves = halves_;
    halves.resize(vanish_leads_.size());
    for (auto& h : halves) h.clear();
    // The three best second halves after c1 by bigram, found once per (p, c1) and layer.
    auto& best_cache = best_cache_;
    best_cache.assign(vanish_leads_.size(), {0, {}});
    auto best_halves = [&](std::size_t i, char32_t c1, const std::vector<Half>& hs) -> const std::array<const Half*, 3>& {
      auto& slot = best_cache[i];
      if (slot.first == c1) return slot.second;
      std::pair<double, const Half*> top[3] = {{-1e300, nullptr}, {-1e300, nullptr}, {-1e300, nullptr}};
      const CharModel::PairRow row = model_.pair_row(model_.index_of(c1));
      for (const Half& h : hs) {
        const double b = pair_score(row, c1, h.c2, h.i2) + h.ahead;
        if (b <= top[2].first) continue;
        top[2] = {b, &h};
        std::sort(std::begin(top), std::end(top), [](const auto& x, const auto& y) { return x.first > y.first; });
      }
      slot = {c1, {top[0].second, top[1].second, top[2].second}};
      return slot.second;
    };
    // A second half and its score ahead depend on its lead q alone, whatever pair vanished before.
    BeforeNext& bn = before_next_;
    for (unsigned q = 0x81; q <= 0xFE; ++q) {
      const char32_t c2 = read(static_cast<unsigned char>(q), next);
      bn.c[q] = c2;
      if (c2) {
        bn.index[q] = model_.index_of(c2);
        bn.ahead[q] = follow ? pair_score(c2, follow) : 0.0;
      }
    }
    for (std::size_t i = 0; i < vanish_leads_.size(); ++i)
      for (const unsigned char q : vanishing_after_[vanish_leads_[i]])
        if (bn.c[q]) halves[i].push_back({q, bn.c[q], bn.index[q], bn.ahead[q]});
    for (std::size_t ni = 0; ni < nodes.size(); ++ni) {
      const Node& s = nodes[ni];
      Context after_node{s.prev, s.last};
      auto push = [&](unsigned char pend) {
        if (const char32_t c = read(pend, next))
          out.push_back({c, s.last, s.score + sc(after_node, c), static_cast<int>(ni), {c, 0, 0}, 1, s.inserts});
        for (std::size_t i = 0; i < vanish_leads_.size(); ++i) {
          const char32_t c1 = read(pend, vanish_leads_[i]);
          if (!c1 || halves[i].empty()) continue;
          if (layer == 0 && model_.unigram(c1) < -4.5) continue;  // wildcard lead: common characters only
          const double s1 = s.score + sc(after_node, c1) + kInsertCost;
          Context after_c1{s.last, c1};
          for (const Half* h : best_halves(i, c1, halves[i]))
            if (h) out.push_back({h->c2, c1, s1 + sc(after_c1, h->c2), static_cast<int>(ni), {c1, h->c2, 0}, 2, s.inserts + 1});
        }
      };
      if (layer == 0) {
        for (unsigned lead = 0x81; lead <= 0xFE; ++lead) push(static_cast<unsigned char>(lead));
      } else {
        push(tokens_[layer - 1].b);
      }
    }
    // At the lost lead byte two dropped pairs are always tried: otherwise a wildcard lead makes a
    // fluent shorter reading (黨風建設 for 黨風廉政建設) that no single dropped pair can beat.
    if (layer == 0 || (layer < double_at_.size() && double_at_[layer])) expand_double(layer, out);
    return out;
  }

  /// Two consecutive dropped pairs (p1, q1) (p2, q2): the reading is (pend, p1) (q1, p2) (q2, next).
  /// Tried only where a single dropped pair was found, as the second pass of the search; called by
  /// expand() for the same @p layer, whose before_next_ holds the third characters (q2, next).
  void expand_double(std::size_t layer, std::vector<Node>& out) {
    // First characters (p1, c1): after the lost lead byte the most probable few over every lead;
    // later, the one pending lead byte.
    std::vector<std::pair<unsigned char, char32_t>> firsts;
    if (layer == 0) {
      const Node& s = layers_[0][0];
      std::vector<std::pair<double, std::pair<unsigned char, char32_t>>> ranked;
      Context after_start{s.prev, s.last};
      for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
        for (unsigned char p1 : vanish_leads_)
          if (const char32_t c1 = read(static_cast<unsigned char>(lead), p1))
            if (model_.unigram(c1) >= -4.5) ranked.push_back({sc(after_start, c1), {p1, c1}});
      const std::size_t keep = std::min<std::size_t>(ranked.size(), kDoubleFirsts);
      std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                        [](const auto& x, const auto& y) { return x.first > y.first; });
      for (std::size_t j = 0; j < keep; ++j) firsts.push_back(ranked[j].second);
    } else {
      for (unsigned char p1 : vanish_leads_)
        if (const char32_t c1 = read(tokens_[layer - 1].b, p1)) firsts.push_back({p1, c1});
    }
    // The best third characters per (q1, p2) by bigram on both sides. More than one: the bigram
    // after the third is often weak (a word boundary), and the trigram rescoring below decides.
    // The third character (q2, next) and its score ahead depend on its lead q2 alone: before_next_.
    const BeforeNext& bn = before_next_;
    // One slot per (q1, p2): q1 from 0x81, p2 by its place among the vanishing leads.
    if (thirds_.empty()) thirds_.resize(126 * vanish_leads_.size());
    ++thirds_round_;
    auto best_thirds = [&](unsigned char q1, unsigned char p2, char32_t c2, int i2) -> const Thirds& {
      auto& slot = thirds_[(q1 - 0x81u) * vanish_leads_.size() + vanish_place_[p2]];
      if (slot.round == thirds_round_) return slot;
      slot.round = thirds_round_;
      for (std::size_t j = 0; j < kDoubleThirds; ++j) slot.score[j] = -1e300, slot.c[j] = 0;
      const CharModel::PairRow row = model_.pair_row(i2);
      for (const unsigned char q2 : vanishing_after_[p2]) {
        char32_t c3 = bn.c[q2];
        if (!c3) continue;
        double b = pair_score(row, c2, c3, bn.index[q2]) + bn.ahead[q2];
        // The slots are kept best first: one no better than the last moves none.
        if (b <= slot.score[kDoubleThirds - 1]) continue;
        for (std::size_t j = 0; j < kDoubleThirds; ++j)
          if (b > slot.score[j]) {
            std::swap(b, slot.score[j]);
            std::swap(c3, slot.c[j]);
          }
      }
      return slot;
    };
    // The best chains by bigram, rescored in context below.
    std::vector<Chain>& chains = chains_;
    for (const auto& [p1, c1] : firsts) {
      chains.clear();
      const CharModel::PairRow row = model_.pair_row(model_.index_of(c1));
      for (const unsigned char q1 : vanishing_after_[p1]) {
        for (const auto& [p2, c2, i2] : double_seconds_[q1]) {
          const Thirds& t = best_thirds(static_cast<unsigned char>(q1), p2, c2, i2);
          const double first_pair = pair_score(row, c1, c2, i2);
          for (std::size_t j = 0; j < kDoubleThirds; ++j)
            if (t.c[j]) chains.push_back({first_pair + t.score[j], c2, t.c[j]});
        }
      }
      const std::size_t keep = std::min<std::size_t>(chains.size(), kDoubleChains);
      std::partial_sort(chains.begin(), chains.begin() + keep, chains.end(),
                        [](const Chain& x, const Chain& y) { return x.score > y.score; });
      const auto& nodes = layers_[layer];
      for (std::size_t ci = 0; ci < keep; ++ci) {
        const Chain& ch = chains[ci];
        for (std::size_t ni = 0; ni < nodes.size(); ++ni) {
          const Node& s = nodes[ni];
          const double total = s.score + sc(s.prev, s.last, c1) + sc(s.last, c1, ch.c2) + sc(c1, ch.c2, ch.c3) + 2 * kInsertCost;
          out.push_back({ch.c3, ch.c2, total, static_cast<int>(ni), {c1, ch.c2, ch.c3}, 3, s.inserts + 2});
        }
      }
    }
  }

  /// The kBeam best nodes of @p v with distinct (last, prev), best first.
  std::vector<Node> prune(const std::vector<Node>& v) {
    std::vector<Node> kept;
    kept.reserve(kBeam);
    auto by_score = [](const Ranked& a, const Ranked& b) { return a.score > b.score; };
    // Nodes are picked from a full sort of (score, position) pairs (std::sort moves them for the
    // same comparisons as it would the nodes, so ties come out in the same order). Only the first
    // few sorted places are read: a partial sort of the best kPruneHead gives those places the same
    // nodes in the same order whenever no two of the places read, nor the last one read and the
    // next, tie; otherwise the full sort decides, on the pairs in their original order.
    auto fill = [&] {
      order_.clear();
      for (std::size_t i = 0; i < v.size(); ++i) order_.push_back({v[i].score, static_cast<std::uint32_t>(i)});
    };
    // Walks the sorted places from the first, up to @p limit, keeping distinct nodes; returns how
    // many places it read.
    auto walk = [&](std::size_t limit) {
      kept.clear();
      std::size_t j = 0;
      while (j < limit && kept.size() < kBeam) {
        const Node& n = v[order_[j++].at];
        bool dup = false;
        for (const Node& k : kept) dup |= k.last == n.last && k.prev == n.prev;
        if (!dup) kept.push_back(n);
      }
      return j;
    };
    fill();
    const std::size_t head = std::min(order_.size(), kPruneHead);
    std::partial_sort(order_.begin(), order_.begin() + head, order_.end(), by_score);
    const std::size_t read = walk(head);
    // Places 0..read (the one after the last read too, when there is one) must hold strictly
    // decreasing scores, all known from the partial sort.
    bool exact = kept.size() == kBeam || head == order_.size();
    const std::size_t last = std::min(read + 1, order_.size());
    if (exact && last > head) exact = false;
    for (std::size_t j = 0; exact && j + 1 < last; ++j) exact = order_[j].score > order_[j + 1].score;
    if (exact) return kept;
    fill();
    std::sort(order_.begin(), order_.end(), by_score);
    walk(order_.size());
    return kept;
  }

  /// How many layers of the first pass the second one builds the same: expand() differs only where
  /// double_at_ is set, and layer 0 reads two dropped pairs in both passes.
  std::size_t layers_before_change(const std::vector<bool>& double_at) const {
    std::size_t k = 1;
    while (k < double_at.size() && !double_at[k]) ++k;
    return std::min(k + 1, layers_.size());
  }

  /// Builds the layers, keeping the first @p keep of the previous search (0: none) instead of
  /// expanding them again.
  void search(std::size_t keep) {
    if (keep == 0) layers_.assign(1, {{before1_, before2_, 0.0, -1, {0, 0, 0}, 0, 0}});
    else layers_.resize(keep);
    // A pair token whose trail is ASCII closes the run: it is read in the final step, not as a layer.
    std::size_t full = tokens_.size();
    if (full > 0 && tokens_.back().ascii_trail) --full;
    for (std::size_t k = 0; k < full; ++k) {
      if (k + 1 >= layers_.size()) {
        const std::vector<Node>& next = expand(k, tokens_[k].a);
        if (next.empty()) break;
        layers_.push_back(prune(next));
      }
      if (k >= 3 && layers_[k + 1][0].score < prefix_[k + 1] - kGiveUp) {
        layers_.resize(k + 2);
        break;
      }
    }
  }

  /// The best character (pend, W) over unknown trail bytes W after node @p s, with the text as is
  /// from seq_[i] on.
  bool wildcard(unsigned char pend, const Node& s, std::size_t i, char32_t& best_c, double& best) {
    best = -std::numeric_limits<double>::infinity();
    Context after_node{s.prev, s.last};
    for (unsigned w = 0x81; w <= 0xFE; ++w) {
      const char32_t c = read(pend, static_cast<unsigned char>(w));
      if (!c) continue;
      // The end of the text is the end of a paragraph: readings ending there are compared on
      // whether a paragraph may end after them (as wildcard_after_drop() does).
      const double first = sc(after_node, c);
      if (first + kMaxTerm < best) continue;  // cannot win whatever follows
      const double v = first + sc(s.last, c, i < seq_.size() ? seq_[i] : U'\n');
      if (v > best) best = v, best_c = c;
    }
    if (best == -std::numeric_limits<double>::infinity()) return false;
    if (i < seq_.size()) best += tail_score(s.last, best_c, i) - sc(s.last, best_c, seq_[i]);
    return true;
  }

  /// Above anything wildcard(pend, s, @p i, ...) can give: the character read and the one after it,
  /// then (inside the text) the rest of the text as is, whose first term depends on the reading.
  /// kBoundSlack covers the rounding of the sums, many orders of magnitude smaller.
  double wildcard_bound(std::size_t i) const {
    return 2 * kMaxTerm + (i < seq_.size() ? kMaxTerm + suffix_[i] : 0.0) + kBoundSlack;
  }
  /// The same for wildcard_after_drop(): a third character read, and the dropped pair's cost.
  double wildcard_after_drop_bound(std::size_t i) const { return wildcard_bound(i) + kMaxTerm + kInsertCost; }

  /// Like wildcard(), after a dropped pair: (pend, p) then a character (q, W) whose bytes are both
  /// unknown, where (p, q) vanished. Run endings lose the last trail W, so a pair dropped just
  /// before one leaves two characters to guess; the second is one of the common characters.
  bool wildcard_after_drop(unsigned char pend, const Node& s, std::size_t i, char32_t& c1_out, char32_t& c2_out,
                           double& best) {
    best = -std::numeric_limits<double>::infinity();
    // The end of the text is the end of a paragraph.
    const char32_t next = i < seq_.size() ? seq_[i] : U'\n';
    for (const auto& [c1, c2] : drop_end_candidates(pend, next)) {
      const double v = sc(s.prev, s.last, c1) + sc(s.last, c1, c2) + sc(c1, c2, next);
      if (v > best) best = v, c1_out = c1, c2_out = c2;
    }
    if (best == -std::numeric_limits<double>::infinity()) return false;
    best += kInsertCost + (i < seq_.size() ? tail_score(c1_out, c2_out, i) - sc(c1_out, c2_out, next) : 0.0);
    return true;
  }

  /// The character pairs (pend, p) (q, W) with (p, q) vanishing that wildcard_after_drop() rescores
  /// in context: per p, the best few second characters by bigram on both sides; found once per run.
  const std::vector<std::pair<char32_t, char32_t>>& drop_end_candidates(unsigned char pend, char32_t next) {
    const std::uint64_t key = (std::uint64_t{pend} << 32) | next;
    auto found = drop_end_.find(key);
    if (found != drop_end_.end()) return found->second;
    auto& slot = drop_end_[key];
    for (unsigned char p : vanish_leads_) {
      const char32_t c1 = read(pend, p);
      if (!c1) continue;
      std::vector<std::pair<double, char32_t>> top;
      for (const Common& k : common_)
        if (gbk_.vanishes(p, k.lead)) top.push_back({pair_score(c1, k.c) + pair_score(k.c, next), k.c});
      const std::size_t keep = std::min<std::size_t>(top.size(), 6);
      std::partial_sort(top.begin(), top.begin() + keep, top.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      for (std::size_t j = 0; j < keep; ++j) slot.push_back({c1, top[j].second});
    }
    return slot;
  }

  /// The run that ends at once: the lost lead's trail and the invalid trail after it became the `?`
  /// right after the trigger, so the one character read there has no byte left to read: the common
  /// characters are tried. (Two around a dropped pair there, tried too, fixed no benchmark chunk.)
  Ending ending_at_lost_lead() {
    Ending best;
    if (tokens_.empty() || !tokens_[0].may_orphan) return best;
    const std::size_t end = tokens_[0].end;
    Context start{before2_, before1_};
    for (const Common& k : common_) {
      // What follows: the text as is, or the end of a paragraph at the end of the text.
      const double v = sc(start, k.c) + (2 < seq_.size() ? tail_score(before1_, k.c, 2) : sc(before1_, k.c, U'\n')) + kOrphanCost;
      if (v > best.total)
        best = {v, 0, 0, {k.c}, 1, end, 0, "ended at the lost lead byte and an invalid trail written as ?", false, end < text_.size()};
    }
    return best;
  }

  /// Layers (as expand() arguments) where the path of @p e read a dropped pair.
  std::vector<bool> inserted_layers(const Ending& e) const {
    std::vector<bool> flags(tokens_.size() + 1, false);
    if (e.node < 0) return flags;
    if (e.inserted_in_tail) flags[e.layer] = true;
    int node = e.node;
    for (std::size_t layer = e.layer; layer > 0 && node >= 0; --layer) {
      const Node& n = layers_[layer][node];
      if (n.n >= 2) flags[layer - 1] = true;
      node = n.parent;
    }
    return flags;
  }

  /// The best ending over all layers. The endings after the first @p keep layers, which the previous
  /// search built the same, are taken from it (best_through_).
  Ending evaluate(std::size_t keep) {
    const std::size_t layers = layers_.size();
    const std::size_t first = std::max<std::size_t>(1, std::min(keep, layers));
    Ending best = first > 1 ? best_through_[first - 1] : ending_at_lost_lead();
    best_through_.resize(std::max<std::size_t>(layers, 1));
    auto consider = [&](const Ending& e) {
      if (e.total > best.total) best = e;
    };
    // The endings back in step at the run's end are scored first and considered last, as always:
    // the best of them is a bar that every ending of this call ends at or above. An ending below it
    // is not searched. It could still have been the best over the first layers (best_through_), which
    // the second pass starts from; but then whatever that pass chose instead is below the bar too,
    // so it loses to this call's result, as the skipped ending would have.
    std::vector<Ending>& finals = finals_;
    final_endings(finals);
    double bar = -std::numeric_limits<double>::infinity();
    for (const Ending& e : finals) bar = std::max(bar, e.total);
    // A lead byte and its invalid trail dropped after layer k, or a `?` written for the lead.
    for (std::size_t k = first; k < layers; ++k) {
      const unsigned char pend = tokens_[k - 1].b;
      for (std::size_t ni = 0; ni < layers_[k].size(); ++ni) {
        const Node& s = layers_[k][ni];
        char32_t c = 0;
        double v = 0;
        // At the end of the text nothing follows that could have been lost.
        const bool at_end = tokens_[k - 1].end >= text_.size();
        // An ending that cannot beat the best so far is not searched: each bound is every term an
        // ending adds, kMaxTerm for each scored one, and consider() takes only a higher total.
        auto may_win = [&](double bound, double cost) {
          const double most = s.score + bound + cost;
          return most > best.total && most >= bar;
        };
        if (may_win(wildcard_bound(k + 1), at_end ? 0.0 : kLostCost) && wildcard(pend, s, k + 1, c, v))
          consider({s.score + v + (at_end ? 0.0 : kLostCost), k, static_cast<int>(ni), {c}, 1, tokens_[k - 1].end, s.inserts,
                    at_end ? "the text ends inside the run" : "lead byte and invalid trail dropped", false, !at_end});
        if (k < tokens_.size() && tokens_[k].may_orphan && may_win(wildcard_bound(k + 2), kOrphanCost) &&
            wildcard(pend, s, k + 2, c, v))
          consider({s.score + v + kOrphanCost, k, static_cast<int>(ni), {c}, 1, tokens_[k].end, s.inserts,
                    "ended at a lead byte and invalid trail written as ?", false, tokens_[k].end < text_.size()});
        // The same endings after a dropped pair; searched only where the run may end, not at
        // every layer (a dropped lead and trail is rare, and this costs a scan of common characters).
        char32_t c2 = 0;
        if (ni < kDropEndBeam && at_end && may_win(wildcard_after_drop_bound(k + 1), 0.0) &&
            wildcard_after_drop(pend, s, k + 1, c, c2, v))
          consider({s.score + v, k, static_cast<int>(ni), {c, c2}, 2, tokens_[k - 1].end, s.inserts + 1,
                    "the text ends inside the run", true, false});
        if (ni < kDropEndBeam && k < tokens_.size() && tokens_[k].may_orphan &&
            may_win(wildcard_after_drop_bound(k + 2), kOrphanCost) && wildcard_after_drop(pend, s, k + 2, c, c2, v))
          consider({s.score + v + kOrphanCost, k, static_cast<int>(ni), {c, c2}, 2, tokens_[k].end, s.inserts + 1,
                    "ended at a lead byte and invalid trail written as ?", true, tokens_[k].end < text_.size()});
      }
      best_through_[k] = best;
    }
    for (const Ending& e : finals) consider(e);
    return best;
  }

  /// The endings back in step at the run's end, in the order evaluate() considers them.
  void final_endings(std::vector<Ending>& finals) {
    finals.clear();
    const std::size_t layers = layers_.size();
    // Back in step at an ASCII byte, the euro sign (0x80) or a lead byte the decoder rejected read
    // as the last trail.
    if (terminal_ != Terminal::none && layers == tokens_.size() + 1) {
      for (const Node& n : expand(layers - 1, terminal_byte_)) {
        finals.push_back({n.score + tail_score(n.prev, n.last, tokens_.size() + 2), layers - 1, n.parent,
                          {n.out[0], n.out[1], n.out[2]}, n.n, terminal_token_.end, n.inserts,
                          terminal_ == Terminal::rejected ? "back in step at a byte the decoder rejected"
                                                          : "back in step at an ASCII trail byte",
                          n.n >= 2});
      }
    }
    // Back in step inside a pair whose trail is ASCII: that byte stands alone in the reading.
    if (!tokens_.empty() && tokens_.back().ascii_trail && layers == tokens_.size()) {
      const Token& t = tokens_.back();
      const char32_t ascii = t.b;
      for (const Node& n : expand(layers - 1, t.a)) {
        char32_t tail[4] = {n.out[0], n.out[1], n.out[2], 0};
        tail[n.n] = ascii;
        finals.push_back({n.score + sc(n.prev, n.last, ascii) + tail_score(n.last, ascii, tokens_.size() + 1), layers - 1,
                          n.parent, {tail[0], tail[1], tail[2], tail[3]}, n.n + 1, t.end, n.inserts,
                          "back in step at an ASCII byte", n.n >= 2});
      }
    }
  }

  /// The text as is with each `?` and U+FFFD in it (the trigger first) read as the common character
  /// that fits there best, from left to right: a `?` that stands for one character the page's
  /// encoding could not hold (`?安新区` for 雄安新区), not for a lost lead byte, leaves the text
  /// after it as it was.
  double replaced_character_score() {
    std::vector<char32_t>& s = replaced_seq_;
    s = seq_;
    const std::size_t n = s.size();
    auto before = [&](std::size_t j, std::size_t back) -> char32_t {
      return j >= back ? s[j - back] : back - j == 1 ? before1_ : before2_;
    };
    double total = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (s[j] == U'?' || s[j] == U'\uFFFD') {
        total += kReplacedCost;  // each a damage of its own
        const char32_t a = before(j, 2), b = before(j, 1);
        double best = -std::numeric_limits<double>::infinity();
        char32_t chosen = s[j];
        // What follows counts when it is text: a `?` right after is chosen next, after this one.
        const bool next_known = j + 1 < n && s[j + 1] != U'?' && s[j + 1] != U'\uFFFD';
        const double rest_bound = next_known ? 2 * kMaxTerm : 0.0;
        Context x{a, b};
        // Most probable characters first (common_by_unigram_), so that the best total rises early and
        // the two terms after are skipped wherever the first cannot reach it.
        for (const char32_t c : common_by_unigram_) {
          double v = sc(x, c);
          if (v + rest_bound <= best) continue;
          if (next_known) v += sc(b, c, s[j + 1]);
          if (next_known && j + 2 < n) v += sc(c, s[j + 1], s[j + 2]);
          if (v > best) best = v, chosen = c;
        }
        s[j] = chosen;
      }
      total += sc(before(j, 2), before(j, 1), s[j]);
    }
    return total;
  }

  bool finish(std::size_t begin, const Ending& best, LostByteFix& fix) {
    if (best.node < 0) return false;
    // Every ending is scored over the same characters as the text as is.
    if (best.total - prefix_.back() < options_.min_gain) return false;
    const double gain = best.total - as_is_score();
    if (gain < options_.min_gain) return false;
    std::vector<char32_t> chars;
    for (int i = best.tail_n - 1; i >= 0; --i) chars.push_back(best.tail[i]);
    int node = best.node;
    for (std::size_t layer = best.layer; layer > 0 && node >= 0; --layer) {
      const Node& n = layers_[layer][node];
      for (int i = n.n - 1; i >= 0; --i) chars.push_back(n.out[i]);
      node = n.parent;
    }
    std::reverse(chars.begin(), chars.end());
    fix.begin = begin;
    fix.end = best.end;
    fix.after.clear();
    for (char32_t c : chars) utf8::append(fix.after, options_.fold_punctuation ? fold(c) : c);
    // Endings that lost an ASCII byte: before the rest of a tag or comment it was its `<`;
    // otherwise the most probable of the bytes GBK prose holds below 0x40 is restored. The model's
    // '0' is every digit (it counts them as one class): where it wins, only the figure after the
    // run can name the digit, and a wrong digit silently changes a figure, so it is named only
    // where that figure leaves no choice.
    fix.note = std::string(best.how);
    fix.tag_rest = best.lost_ascii ? tag_rest_length(text_.substr(fix.end)) : 0;
    if (best.lost_ascii && fix.tag_rest == 0 && !chars.empty()) {
      const char32_t last = chars.back();
      const char32_t prev = chars.size() > 1 ? chars[chars.size() - 2] : before1_;
      std::size_t p = fix.end;
      const char32_t next = p < text_.size() ? decode_at(text_, p) : U'\n';
      const char32_t next2 = p < text_.size() ? decode_at(text_, p) : U'\n';
      // Before a digit the lost byte is a digit too: in the 195 reports a character outside ASCII
      // is followed by a digit 43478 times, by a line break, `-` or `+` and a digit 92 times. The
      // model, which counts a line break as a space (`年 2024` is common), would often choose
      // the line break and cut the figure silently.
      char32_t lost = next >= U'0' && next <= U'9' ? U'0' : 0;
      double best_lost = -std::numeric_limits<double>::infinity();
      if (!lost)
        for (char32_t c : {U'\n', U'.', U'%', U'0', U'/', U'-', U'+'}) {
          const double v = sc(prev, last, c) + sc(last, c, next) + sc(c, next, next2);
          if (v > best_lost) best_lost = v, lost = c;
        }
      const char* why = "";
      if (lost != U'0') {
        utf8::append(fix.after, lost);
        fix.note += "; the lost ASCII byte guessed as " + std::string(lost == U'\n' ? "a line break" : std::string(1, char(lost)));
      } else if (const char digit = named_lost_digit(text_, fix.end, why)) {
        fix.after += digit;
        fix.note += "; the lost digit restored as " + std::string(1, digit) + " (the figure after it is " + why + ")";
      } else {
        fix.note += "; a lost ASCII byte (probably a digit) cannot be restored";
        fix.lost_digit = true;
      }
    }
    fix.gain = gain;
    fix.confidence = confidence_from_gain(gain);
    if (best.inserts > 0) fix.note += "; " + std::to_string(best.inserts) + " dropped user-defined-area pair(s) restored";
    return fix.after != text_.substr(fix.begin, fix.end - fix.begin);
  }

  std::string_view text_;
  const CharModel& model_;
  LostByteOptions options_;
  const DoubleByteTable& gbk_;
  std::vector<unsigned char> vanish_leads_;
  struct Common {
    unsigned char lead;
    char32_t c;
  };
  std::vector<Common> common_;
  std::vector<char32_t> common_by_unigram_;  // the characters of common_, most probable first
  std::vector<char32_t> replaced_seq_;  // replaced_character_score()'s sequence, kept for its capacity
  struct Second {
    unsigned char p2;
    char32_t c2;
    int i2;  // its model index
  };
  std::array<std::vector<Second>, 256> double_seconds_;  // by q1
  std::unordered_map<std::uint64_t, std::vector<std::pair<char32_t, char32_t>>> drop_end_;
  std::vector<Token> tokens_;
  Terminal terminal_ = Terminal::none;
  unsigned char terminal_byte_ = 0;
  Token terminal_token_;
  char32_t before1_ = 0, before2_ = 0;
  std::vector<char32_t> seq_;
  std::vector<double> term_, suffix_, prefix_;
  std::vector<std::vector<Node>> layers_;
  struct Ranked {
    double score;
    std::uint32_t at;
  };
  std::vector<Ranked> order_;  // prune()'s sort, kept to reuse its memory
  std::vector<Node> candidates_;  // expand()'s result
  struct Chain {
    double score;
    char32_t c2, c3;
  };
  std::vector<Chain> chains_;  // expand_double()'s, per first character
  /// A second half (q, next) of a dropped pair (p, q), read after it.
  struct Half {
    unsigned char q;
    char32_t c2;
    int i2;        // its model index
    double ahead;  // bigram score of the character the reading continues with after c2
  };
  std::vector<std::vector<Half>> halves_;  // expand()'s, by vanishing lead
  std::vector<std::pair<char32_t, std::array<const Half*, 3>>> best_cache_;  // expand()'s, by vanishing lead
  /// The characters (q, next) of one expand() call by lead q (0 where none), with their model index
  /// and the bigram score of the character the reading continues with after them: the last character
  /// read around one dropped pair (expand()) or two (expand_double()).
  struct BeforeNext {
    std::array<char32_t, 256> c{};
    std::array<int, 256> index{};
    std::array<double, 256> ahead{};
  };
  BeforeNext before_next_;
  /// The best third characters of two dropped pairs per (q1, p2), valid where round is thirds_round_
  /// (one round per expand_double() call: no table to clear).
  struct Thirds {
    double score[kDoubleThirds];
    char32_t c[kDoubleThirds];
    std::uint64_t round = 0;
  };
  std::vector<Thirds> thirds_;
  std::array<unsigned char, 256> vanish_place_{};  // a vanishing lead's index in vanish_leads_
  std::array<std::vector<unsigned char>, 256> vanishing_after_;  // by lead: trail bytes from 0x81 that vanish
  std::uint64_t thirds_round_ = 0;
  std::vector<Ending> finals_;  // evaluate()'s endings back in step
  std::vector<Ending> best_through_;  // [k]: the best ending over layers 1 to k of the last evaluate()
  std::vector<bool> double_at_;
  DocumentCache cache_;
  ScoreMemo trigram_memo_{kMemoBits};  // sc() without the expected enumerator
  std::vector<LookedUp> contexts_ = std::vector<LookedUp>(std::size_t{1} << kContextBits);  // looked_up()'s memo
  EnumeratorLists lists_;
  char32_t expected_ = 0;    // the enumerator the document's lists lack in the current run, or 0
  double expected_p_ = 0;    // its probability at any character of the run
};

}  // namespace

double confidence_from_gain(double gain) noexcept {
  // A reading 10^6 times more probable than the damage is near certain; a guess from a language
  // model never reaches certainty.
  return std::min(0.999, 1.0 / (1.0 + std::pow(10.0, -(gain - 2.0) / 2.0)));
}

bool punctuation_is_folded(std::string_view text) noexcept {
  std::size_t ascii = 0, full = 0, pos = 0;
  char32_t prev = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::next(text, pos);
    if (c == U'，') ++full;
    if (prev == ',' && c >= 0x3400) ++ascii;
    prev = c;
  }
  return ascii > full;
}

bool find_lost_byte_fix_at(std::string_view text, std::size_t begin, const CharModel& model, LostByteFix& fix,
                           const LostByteOptions& options) {
  if (!chinese_nearby(text, begin)) return false;
  RunSearch search(text, model, options);
  return search.run(begin, fix);
}

double lost_byte_reading_gain(std::string_view text, const CharModel& model, const LostByteReading& reading,
                              const LostByteOptions& options) {
  RunSearch search(text, model, options);
  return search.score_reading(reading);
}

std::vector<LostByteFix> find_lost_byte_fixes(std::string_view text, const CharModel& model,
                                              const LostByteOptions& options) {
  std::vector<LostByteFix> fixes;
  RunSearch search(text, model, options);
  std::size_t pos = 0;
  // Triggers: `?` and U+FFFD (EF BF BD); each kind is searched again only once passed.
  std::size_t q = text.find('?');
  std::size_t r = text.find("\xEF\xBF\xBD");
  while (pos < text.size()) {
    if (q < pos) q = text.find('?', pos);
    if (r < pos) r = text.find("\xEF\xBF\xBD", pos);
    const std::size_t at = std::min(q, r);
    if (at == std::string_view::npos) break;
    LostByteFix fix;
    // Neither the U+FFFD of a lead byte whose trail became `?` nor that `?` (3 bytes on) starts a run.
    const auto& known = options.known_leads;
    auto known_at = [&](std::size_t p) { return std::binary_search(known.begin(), known.end(), p); };
    const bool known_lead = at == r ? known_at(at) : at >= 3 && known_at(at - 3);
    if (!known_lead && chinese_nearby(text, at) && search.run(at, fix)) {
      fixes.push_back(fix);
      pos = fix.end;
    } else {
      pos = at + (at == r ? 3 : 1);
    }
  }
  return fixes;
}

}  // namespace encoding_repair

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "char_model.hpp"
#include "char_model_format.hpp"
#include "docpipe/utf8.hpp"
#include "test_support.hpp"

using namespace encoding_repair;

TEST_CASE("the embedded model loads and covers both scripts") {
  const CharModel& m = CharModel::embedded();
  CHECK(m.vocabulary() > 3000);
  for (char32_t c : {U'经', U'經', U'发', U'發', U'为', U'為', U'爲', U'。'}) CHECK(m.known(c));
}

TEST_CASE("report prose scores far above mojibake of the same length") {
  const CharModel& m = CharModel::embedded();
  CHECK(m.score_text("回車巷歷史") > m.score_text("剀囅餁v史") + 10);
  CHECK(m.score_text("经济发展") > m.score_text("鍦ㄥ寳浜") + 10);
  CHECK(m.score(U'经', U'济') > m.score(U'经', U'囅'));
  CHECK(m.score(U'社', U'会', U'主') > m.score(U'会', U'主'));
}

TEST_CASE("full-width punctuation counts as its ASCII fold, full-width letters do not") {
  const CharModel& m = CharModel::embedded();
  CHECK(m.unigram(U'，') == m.unigram(U','));
  CHECK(m.unigram(U'Ｙ') < m.unigram(U'Y'));
}

TEST_CASE("a malformed model is rejected") {
  CHECK_THROWS(CharModel(std::string_view("DPCM\x09\x00\x00\x00", 8)));
  CHECK_THROWS(CharModel(std::string_view("nope")));
}

TEST_CASE("the model knows words the training reports never have, from the word lists") {
  // 择校/擇校 and 政法 occur in no training report (the diagnosis of seed examples 3 and 5); the
  // word lists (rime-essay, jieba) have them.
  const CharModel& m = CharModel::embedded();
  CHECK(m.score(U'擇', U'校') > m.score(U'擇', U'海'));
  CHECK(m.score(U'择', U'校') > m.score(U'择', U'海'));
  CHECK(m.score(U'政', U'法') > m.score(U'政', U'通'));
}

TEST_CASE("the word lists leave the reports' punctuation alone") {
  // Punctuation follows words in the reports only; the lists take their share of the unseen mass
  // from the characters, so a comma after a word scores as the reports have it.
  const CharModel& m = CharModel::embedded();
  CHECK(m.score(U'展', U'，') > m.score(U'展', U'己'));
  CHECK(m.score(U'修', U'：') > m.score(U'修', U'己'));
}

namespace {
/// The model file read the plain way: every lookup a binary search over a whole table, every score
/// the logarithm of the Witten-Bell sum (the layout of char_model_format.hpp).
class ReferenceModel {
 public:
  explicit ReferenceModel(const std::string& blob) : blob_(blob) {
    const auto u32 = [&](std::size_t at) {
      std::uint32_t v;
      std::memcpy(&v, blob_.data() + at, 4);
      return v;
    };
    n_chars_ = u32(8);
    n_bigrams_ = u32(12);
    n_trigrams_ = u32(16);
    std::size_t off = 24;
    auto take = [&](std::size_t bytes, std::size_t align) {
      off = (off + align - 1) / align * align;
      const std::size_t at = off;
      off += bytes;
      return at;
    };
    chars_ = take(n_chars_ * 4ull, 4);
    unigram_q_ = take(n_chars_, 1);
    backoff_q_ = take(n_chars_, 1);
    keys_ = take(n_bigrams_ * 4ull, 4);
    bigram_q_ = take(n_bigrams_, 1);
    bigram_backoff_q_ = take(n_bigrams_, 1);
    trigram_keys_ = take(n_trigrams_ * 8ull, 8);
    trigram_q_ = take(n_trigrams_, 1);
  }

  double score(char32_t prev, char32_t cur) const {
    const int b = index(cur);
    if (b < 0) return CharModel::kUnknown;
    long unused;
    return std::log10(bigram(index(prev), b, unused));
  }

  double score(char32_t prev2, char32_t prev, char32_t cur) const {
    const int c = index(cur), b = index(prev), a = index(prev2);
    if (c < 0) return CharModel::kUnknown;
    long unused, context;
    const double p2 = bigram(b, c, unused);
    if (a < 0 || b < 0) return std::log10(p2);
    bigram(a, b, context);
    if (context < 0) return std::log10(p2);
    const double smoothed = p(byte(bigram_backoff_q_ + context)) * p2;
    const long t = find<std::uint64_t>(trigram_keys_, n_trigrams_, (std::uint64_t(context) << 16) | std::uint64_t(c));
    return std::log10(t < 0 ? smoothed : p(byte(trigram_q_ + t)) + smoothed);
  }

  /// Every trigram of the table as code points (a, b, c); a bigram is its (a, b) row key's pair.
  std::vector<std::tuple<char32_t, char32_t, char32_t>> trigrams() const {
    std::vector<std::tuple<char32_t, char32_t, char32_t>> out;
    for (std::uint32_t t = 0; t < n_trigrams_; ++t) {
      std::uint64_t key;
      std::memcpy(&key, blob_.data() + trigram_keys_ + t * 8ull, 8);
      std::uint32_t pair;
      std::memcpy(&pair, blob_.data() + keys_ + (key >> 16) * 4ull, 4);
      out.emplace_back(code_point(pair >> 16), code_point(pair & 0xFFFF), code_point(key & 0xFFFF));
    }
    return out;
  }
  /// Every bigram of the table as code points.
  std::vector<std::pair<char32_t, char32_t>> bigrams() const {
    std::vector<std::pair<char32_t, char32_t>> out;
    for (std::uint32_t i = 0; i < n_bigrams_; ++i) {
      std::uint32_t pair;
      std::memcpy(&pair, blob_.data() + keys_ + i * 4ull, 4);
      out.emplace_back(code_point(pair >> 16), code_point(pair & 0xFFFF));
    }
    return out;
  }

 private:
  char32_t code_point(std::uint32_t index) const {
    std::uint32_t c;
    std::memcpy(&c, blob_.data() + chars_ + index * 4ull, 4);
    return c;
  }
  static double p(int q) { return std::pow(10.0, -q / charmodel_format::kScale); }
  int byte(std::size_t at) const { return static_cast<unsigned char>(blob_[at]); }
  template <typename T>
  long find(std::size_t table, std::uint32_t n, T key) const {
    long lo = 0, hi = n;  // the first element not below key
    while (lo < hi) {
      const long mid = (lo + hi) / 2;
      T v;
      std::memcpy(&v, blob_.data() + table + mid * sizeof(T), sizeof(T));
      if (v < key) lo = mid + 1; else hi = mid;
    }
    T v = 0;
    if (lo < long(n)) std::memcpy(&v, blob_.data() + table + lo * sizeof(T), sizeof(T));
    return lo < long(n) && v == key ? lo : -1;
  }
  int index(char32_t c) const { return find<std::uint32_t>(chars_, n_chars_, charmodel_format::normalize(c)); }
  double bigram(int a, int b, long& position) const {
    position = -1;
    const double uni = p(byte(unigram_q_ + b));
    if (a < 0) return uni;
    const double smoothed = p(byte(backoff_q_ + a)) * uni;
    position = find<std::uint32_t>(keys_, n_bigrams_, (std::uint32_t(a) << 16) | std::uint32_t(b));
    return position < 0 ? smoothed : p(byte(bigram_q_ + position)) + smoothed;
  }

  const std::string& blob_;
  std::uint32_t n_chars_, n_bigrams_, n_trigrams_;
  std::size_t chars_, unigram_q_, backoff_q_, keys_, bigram_q_, bigram_backoff_q_, trigram_keys_, trigram_q_;
};
}  // namespace

TEST_CASE("row lookups and logarithm tables give the plain formula's scores bit for bit") {
  // The lost-byte search compares sums of these scores; a last-bit difference could flip a reading.
  const std::string blob = test::read_file(std::filesystem::path(DOCPIPE_SOURCE_DIR) / "plugins/encoding-repair/data/charmodel.bin");
  const CharModel model(blob);
  const ReferenceModel reference(blob);
  // Report prose (seen n-grams), the same characters shuffled (unseen ones), and characters the
  // model folds or does not know.
  std::vector<char32_t> chars;
  const std::string text = test::read_file(test::seed_path());
  for (std::size_t pos = 0; pos < text.size() && chars.size() < 3000;) chars.push_back(docpipe::utf8::next(text, pos));
  for (char32_t c : {U'7', U'Q', U'，', U'Ｑ', U'①', U'\n', U'\u3000', U'\U0001F600', U'\uE000', U'\uFFFD'}) chars.push_back(c);
  std::uint32_t state = 12345;
  auto any = [&] {
    state = state * 1664525u + 1013904223u;
    return chars[(state >> 8) % chars.size()];
  };
  std::size_t differ = 0, checked = 0;
  for (std::size_t i = 2; i < chars.size(); ++i) {
    for (const auto& [a, b, c] : {std::tuple{chars[i - 2], chars[i - 1], chars[i]}, std::tuple{any(), any(), any()},
                                  std::tuple{chars[i - 2], chars[i - 1], any()}}) {
      differ += model.score(b, c) != reference.score(b, c);
      differ += model.score(a, b, c) != reference.score(a, b, c);
      checked += 2;
    }
  }
  CHECK(checked > 15000);
  CHECK(differ == 0);
}

TEST_CASE("every n-gram of the tables scores as the plain formula and none above kMaxScore") {
  // Row signatures may only rule out pairs a row lacks; the search skips candidates on kMaxScore.
  const std::string blob = test::read_file(std::filesystem::path(DOCPIPE_SOURCE_DIR) / "plugins/encoding-repair/data/charmodel.bin");
  const CharModel model(blob);
  const ReferenceModel reference(blob);
  std::size_t differ = 0, above = 0, checked = 0;
  double highest = -1e9;
  for (const auto& [a, b] : reference.bigrams()) {
    const double s = model.score(a, b);
    differ += s != reference.score(a, b);
    above += s > CharModel::kMaxScore;
    highest = std::max(highest, s);
    ++checked;
  }
  for (const auto& [a, b, c] : reference.trigrams()) {
    const double s = model.score(a, b, c);
    differ += s != reference.score(a, b, c);
    above += s > CharModel::kMaxScore;
    highest = std::max(highest, s);
    ++checked;
  }
  INFO("highest score " << highest);
  CHECK(checked > 500000);
  CHECK(differ == 0);
  CHECK(above == 0);
}

TEST_CASE("scores from looked-up characters and contexts equal the plain formula bit for bit") {
  // The lost-byte search scores many characters after one character or context looked up once.
  const std::string blob = test::read_file(std::filesystem::path(DOCPIPE_SOURCE_DIR) / "plugins/encoding-repair/data/charmodel.bin");
  const CharModel model(blob);
  const ReferenceModel reference(blob);
  std::vector<char32_t> chars;
  const std::string text = test::read_file(test::seed_path());
  for (std::size_t pos = 0; pos < text.size() && chars.size() < 400;) chars.push_back(docpipe::utf8::next(text, pos));
  for (char32_t c : {U'7', U'，', U'\U0001F600', U'\uE000'}) chars.push_back(c);
  std::size_t differ = 0, checked = 0;
  for (std::size_t i = 1; i < chars.size(); ++i) {
    const CharModel::Context context = model.context(chars[i - 1], chars[i]);
    const int before = model.index_of(chars[i]);
    const CharModel::PairRow row = model.pair_row(before);
    // Every character of the sample after this one and after this context.
    for (char32_t c : chars) {
      differ += model.score(context, c) != reference.score(chars[i - 1], chars[i], c);
      differ += model.score_indices(before, model.index_of(c)) != reference.score(chars[i], c);
      differ += model.score_in_row(row, model.index_of(c)) != reference.score(chars[i], c);
      checked += 3;
    }
  }
  CHECK(checked > 300000);
  CHECK(differ == 0);
}

TEST_CASE("score_text searches the whole tables before the rows exist, for the same sums bit for bit") {
  // The mix-up check scores a few runs of clean text before any damage has built the rows; its
  // verdicts must not depend on whether some earlier document built them.
  const std::string blob = test::read_file(std::filesystem::path(DOCPIPE_SOURCE_DIR) / "plugins/encoding-repair/data/charmodel.bin");
  const CharModel fresh(blob);
  const std::string text = test::read_file(test::seed_path());
  std::vector<std::string> texts;
  // Pieces of 30 characters of the seed (prose and its damage).
  for (std::size_t pos = 0; pos < text.size() && texts.size() < 400;) {
    const std::size_t begin = pos;
    for (int k = 0; k < 30 && pos < text.size(); ++k) docpipe::utf8::next(text, pos);
    texts.push_back(text.substr(begin, pos - begin));
  }
  // Unseen triples (the lines' characters shuffled), mojibake, folded and unknown characters.
  std::vector<char32_t> chars;
  for (std::size_t pos = 0; pos < text.size() && chars.size() < 5000;) chars.push_back(docpipe::utf8::next(text, pos));
  std::uint32_t state = 777;
  for (int k = 0; k < 200; ++k) {
    std::string s;
    for (int i = 0; i < 12; ++i) {
      state = state * 1664525u + 1013904223u;
      docpipe::utf8::append(s, chars[(state >> 8) % chars.size()]);
    }
    texts.push_back(s);
  }
  for (const char* s : {"鍦ㄥ寳浜皬鏃ユ姤", "ÕþžªÄ", "Ｑ７，①\u3000x", "\U0001F600\uE000\uFFFD中国", "", "a"}) texts.push_back(s);
  std::vector<double> before;
  for (const std::string& t : texts) {
    before.push_back(fresh.score_text(t));
    before.push_back(fresh.score_text(t, U'国'));
  }
  REQUIRE(fresh.score(U'中', U'国') < 0);  // builds the rows
  std::size_t differ = 0, i = 0;
  for (const std::string& t : texts) {
    differ += fresh.score_text(t) != before[i++];
    differ += fresh.score_text(t, U'国') != before[i++];
  }
  CHECK(texts.size() > 500);
  CHECK(differ == 0);
}

namespace {
/// P(c | context) summed over the model's whole vocabulary (one code point per class), as the
/// lost-byte search reads it: score() of every known class after @p prev2 @p prev.
double sum_over_vocabulary(const CharModel& m, char32_t prev2, char32_t prev) {
  double sum = 0;
  for (char32_t c = 0; c < 0x10000; ++c)
    if (m.known(c) && charmodel_format::normalize(c) == c) sum += std::pow(10.0, m.score(prev2, prev, c));
  return sum;
}
}  // namespace

TEST_CASE("a Kneser-Ney model sums to one over the vocabulary after any context") {
  // The builder's --kneser-ney puts the mass of the n-grams it leaves out of the file into the
  // back-off weight; only quantization (0.05 decades a value) keeps the sums from being exactly one.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("docpipe-kn-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "reports");
  const char* const reports[] = {
      "今年经济运行稳中有进，发展质量稳步提升。我们推动科技创新，发展新质生产力。\n",
      "发展是第一要务，我们坚持创新驱动发展，经济总量迈上新台阶，民生保障有力。\n",
      "全年新增就业十二万人，城乡居民收入稳步增长，生态环境持续改善，发展后劲增强。\n",
      "我们坚持以人民为中心，办好民生实事，教育医疗养老服务水平稳步提升。\n",
      "这一篇留作检验，不参与训练。\n"};
  for (int i = 0; i < 5; ++i) std::ofstream(dir / "reports" / (std::to_string(i) + ".txt"), std::ios::binary) << reports[i];
  std::ofstream(dir / "essay.txt", std::ios::binary) << "發展\t900\n創新\t500\n民生\t300\n";
  std::ofstream(dir / "dict.txt", std::ios::binary) << "发展 90 v\n创新 50 v\n质量 30 n\n";
  const fs::path builder = fs::path(DOCPIPE_BINARY).parent_path() / "docpipe-build-charmodel";
  const fs::path model_file = dir / "kn.bin";
  const std::string command = builder.string() + " --kneser-ney " + (dir / "reports").string() + " " + model_file.string() +
                              " " + (dir / "essay.txt").string() + " " + (dir / "dict.txt").string() + " 2> /dev/null";
  const int status = std::system(command.c_str());
  const std::string blob = test::read_file(model_file);
  fs::remove_all(dir);
  REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  const CharModel m(blob);
  REQUIRE(m.vocabulary() > 40);
  // Contexts whose followers were partly pruned (发展 is followed by five different characters, each
  // seen once in simplified: pruned), fully kept, and unseen (a bigram context backs off whole).
  const std::pair<char32_t, char32_t> contexts[] = {{U'发', U'展'}, {U'發', U'展'}, {U'稳', U'步'}, {U'，', U'发'},
                                                    {U'民', U'生'}, {U'经', U'济'}, {U'。', U'我'}, {U'生', U'稳'},
                                                    {U' ', U'今'}, {U'步', U'发'}};
  for (const auto& [a, b] : contexts) {
    INFO("context " << static_cast<std::uint32_t>(a) << " " << static_cast<std::uint32_t>(b));
    CHECK(std::abs(sum_over_vocabulary(m, a, b) - 1.0) < 0.08);
  }
}

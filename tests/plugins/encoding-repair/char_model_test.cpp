#include <catch2/catch.hpp>

#include "char_model.hpp"

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

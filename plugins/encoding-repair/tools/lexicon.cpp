#include "lexicon.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "docpipe/utf8.hpp"

namespace encoding_repair::lexicon {

bool is_ideograph(char32_t c) noexcept {
  return c == 0x3007 || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

namespace {

bool all_ideographs(const std::string& s) {
  if (s.empty()) return false;
  std::size_t pos = 0;
  while (pos < s.size())
    if (!is_ideograph(docpipe::utf8::next(s, pos))) return false;
  return true;
}

const char* package_of(Format format) { return format == Format::rime_essay ? "rime-essay" : "python3-jieba"; }

}  // namespace

std::vector<Word> read(const std::filesystem::path& path, Format format) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read the word list " + path.string() + " (install the Debian package " +
                             package_of(format) + ": apt-get install " + package_of(format) + ")");
  std::vector<Word> words;
  std::string line;
  while (std::getline(in, line)) {
    // rime-essay separates the word from its frequency by a tab, jieba by a space (then the
    // part of speech); neither has the separator inside the Chinese words kept here.
    const std::size_t cut = line.find(format == Format::rime_essay ? '\t' : ' ');
    if (cut == std::string::npos) continue;
    Word w{line.substr(0, cut), std::strtod(line.c_str() + cut + 1, nullptr)};
    if (w.frequency > 0 && all_ideographs(w.text)) words.push_back(std::move(w));
  }
  if (words.empty()) throw std::runtime_error("no words in " + path.string() + ": not a " + package_of(format) + " word list");
  return words;
}

}  // namespace encoding_repair::lexicon

#pragma once
// Word lists with frequencies that the character model builder counts beside the reports: they know
// the rare words of government prose (擇校, 政法) that 156 reports are too few to have.

#include <filesystem>
#include <string>
#include <vector>

namespace encoding_repair::lexicon {

/// One entry of a word list.
struct Word {
  std::string text;  ///< UTF-8, Chinese characters only.
  double frequency = 0;
};

/// The two word lists' line formats.
enum class Format {
  rime_essay,  ///< `word<TAB>frequency` (Debian rime-essay, /usr/share/rime-data/essay.txt)
  jieba,       ///< `word frequency part-of-speech` (Debian python3-jieba, jieba/dict.txt)
};

/// Reads the word list at @p path; throws std::runtime_error, naming the file and the Debian package
/// that installs it, when it cannot be read. Entries that are not wholly Chinese characters (Latin
/// letters, digits, symbols) or have no positive frequency are left out: the reports alone teach
/// how Chinese text mixes with them.
std::vector<Word> read(const std::filesystem::path& path, Format format);

/// True when @p c is a CJK ideograph (unified, extension or compatibility) or 〇.
bool is_ideograph(char32_t c) noexcept;

}  // namespace encoding_repair::lexicon

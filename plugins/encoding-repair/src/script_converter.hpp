#pragma once
// Optional step: traditional <-> simplified script with OpenCC, recorded character run by
// character run so every change has its own repair.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace opencc {
class SimpleConverter;
}

namespace encoding_repair {

/// One converted run: text bytes [begin, end) become `after`.
struct ScriptEdit {
  std::size_t begin = 0;  ///< First byte of the run.
  std::size_t end = 0;    ///< One past its last byte.
  std::string after;      ///< The converted run.
};

/// Converts with one OpenCC configuration (`t2s.json` or `s2t.json`); loads its dictionaries once.
class ScriptConverter {
 public:
  /// Loads OpenCC configuration @p config (a name in OpenCC's data folder or a path); throws when
  /// OpenCC cannot load it.
  explicit ScriptConverter(const std::string& config);
  ~ScriptConverter();

  /// The edits converting @p text: line by line; lines whose length in code points is kept are
  /// compared character by character, so each changed run is its own edit.
  std::vector<ScriptEdit> edits(std::string_view text) const;

 private:
  std::unique_ptr<opencc::SimpleConverter> converter_;
};

}  // namespace encoding_repair

#pragma once
// Reads the ftfy project's test cases in place (shared/corpus/peer-specs/ftfy/*.json, data only,
// Apache-2.0, from https://github.com/rspeer/python-ftfy tests/test-cases): a JSON array of objects
// whose fields we use are strings.

#include <filesystem>
#include <string>
#include <vector>

namespace encoding_repair::bench {

/// One ftfy case.
struct FtfyCase {
  std::string label;
  std::string original;        ///< The text given to ftfy.
  std::string fixed;           ///< What ftfy.fix_text gives (encoding fix plus quote uncurling etc.).
  std::string fixed_encoding;  ///< What ftfy.fix_encoding gives, when the file says (else empty).
  bool has_fixed_encoding = false;
  bool expect_pass = true;     ///< False for cases ftfy itself gets wrong (`"expect": "fail"`).

  /// The pure encoding fix: fixed_encoding when given, else fixed.
  const std::string& encoding_fix() const { return has_fixed_encoding ? fixed_encoding : fixed; }
  /// True when ftfy's full fix is the encoding fix alone (no quote uncurling or other clean-up).
  bool pure_encoding() const { return !has_fixed_encoding || fixed_encoding == fixed; }
};

/// The cases of one ftfy file; throws std::runtime_error when it cannot be read or parsed.
std::vector<FtfyCase> read_ftfy_cases(const std::filesystem::path& file);

/// The folder of the ftfy case files under @p shared_dir.
inline std::filesystem::path ftfy_dir(const std::filesystem::path& shared_dir) {
  return shared_dir / "corpus" / "peer-specs" / "ftfy";
}

}  // namespace encoding_repair::bench

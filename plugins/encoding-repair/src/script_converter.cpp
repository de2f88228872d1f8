#include "script_converter.hpp"

#include <stdexcept>

#include <opencc/SimpleConverter.hpp>

#include "docpipe/utf8.hpp"

namespace encoding_repair {

namespace utf8 = docpipe::utf8;

ScriptConverter::ScriptConverter(const std::string& config) {
  try {
    converter_ = std::make_unique<opencc::SimpleConverter>(config);
  } catch (const std::exception& e) {
    throw std::runtime_error("OpenCC could not load '" + config + "': " + e.what());
  }
}

ScriptConverter::~ScriptConverter() = default;

std::vector<ScriptEdit> ScriptConverter::edits(std::string_view text) const {
  std::vector<ScriptEdit> out;
  std::size_t line = 0;
  while (line < text.size()) {
    std::size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view src = text.substr(line, end - line);
    bool ascii = true;
    for (char c : src) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (!ascii) {
      const std::string conv = converter_->Convert(src.data(), src.size());
      if (conv != src) {
        if (utf8::length(conv) == utf8::length(src)) {
          std::size_t a = 0, b = 0;
          while (a < src.size()) {
            const std::size_t a0 = a, b0 = b;
            const char32_t x = utf8::next(src, a);
            const char32_t y = utf8::next(conv, b);
            if (x == y) continue;
            // Extend the run over following changed characters.
            std::size_t a1 = a, b1 = b;
            while (a1 < src.size()) {
              std::size_t a2 = a1, b2 = b1;
              if (utf8::next(src, a2) == utf8::next(conv, b2)) break;
              a1 = a2, b1 = b2;
            }
            out.push_back({line + a0, line + a1, std::string(conv.substr(b0, b1 - b0))});
            a = a1, b = b1;
          }
        } else {
          out.push_back({line, end, conv});
        }
      }
    }
    line = end + 1;
  }
  return out;
}

}  // namespace encoding_repair

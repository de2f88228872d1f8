#include "context_score.hpp"

#include <string>

#include "docpipe/utf8.hpp"

namespace encoding_repair {

std::size_t code_points_back(std::string_view text, std::size_t at, int count) noexcept {
  std::size_t b = at;
  for (int i = 0; i < count && b > 0; ++i) {
    --b;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  }
  return b;
}

std::size_t code_points_forward(std::string_view text, std::size_t at, int count) noexcept {
  std::size_t e = at;
  for (int i = 0; i < count && e < text.size(); ++i) docpipe::utf8::next(text, e);
  return e;
}

double score_in_context(const CharModel& model, std::string_view text, std::size_t begin, std::size_t end,
                        std::string_view middle) {
  const std::size_t b = code_points_back(text, begin, 2), e = code_points_forward(text, end, 2);
  std::string window(text.substr(b, begin - b));
  window += middle;
  window += text.substr(end, e - end);
  return model.score_text(window);
}

}  // namespace encoding_repair

#include "value_format.hpp"

#include <charconv>
#include <cmath>

namespace docpipe::html_export {

namespace {

std::string shortest_fixed(double value) {
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return "?";
  return std::string(buf, end);
}

std::string grouped(const std::string& plain) {
  const std::size_t sign = !plain.empty() && plain[0] == '-' ? 1 : 0;
  std::size_t int_end = plain.find('.');
  if (int_end == std::string::npos) int_end = plain.size();
  std::string out = plain.substr(0, sign);
  const std::size_t digits = int_end - sign;
  for (std::size_t i = 0; i < digits; ++i) {
    if (i > 0 && (digits - i) % 3 == 0) out += ',';
    out += plain[sign + i];
  }
  out += plain.substr(int_end);
  return out;
}

}  // namespace

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-∞" : "∞";
  return grouped(shortest_fixed(value));
}

std::string plain_value(double value) {
  if (!std::isfinite(value)) return format_value(value);
  return shortest_fixed(value);
}

std::string format_figure(double value, const std::optional<double>& high, const std::string& unit,
                          const std::string& qualifier) {
  std::string out;
  if (qualifier == "about") out = "≈ ";
  else if (qualifier == "at_least") out = "≥ ";
  else if (qualifier == "at_most") out = "≤ ";
  out += format_value(value);
  if (high) out += "–" + format_value(*high);
  if (!unit.empty()) out += (unit == "%" ? "" : " ") + unit;
  return out;
}

std::string compact_figure(double value, const std::optional<double>& high, const std::string& unit,
                           const std::string& qualifier) {
  const double magnitude = std::fabs(value);
  if (!std::isfinite(value) || magnitude < 1e4) return format_figure(value, high, unit, qualifier);
  const double scale = magnitude >= 1e8 ? 1e8 : 1e4;
  auto scaled = [&](double v) { return format_value(std::round(v / scale * 1e4) / 1e4); };
  std::string out;
  if (qualifier == "about") out = "≈ ";
  else if (qualifier == "at_least") out = "≥ ";
  else if (qualifier == "at_most") out = "≤ ";
  out += scaled(value);
  if (high) out += "–" + scaled(*high);
  out += scale == 1e8 ? " 亿" : " 万";
  if (!unit.empty()) out += " " + unit;
  return out;
}

std::string chinese_scale(double value) {
  const double magnitude = std::fabs(value);
  if (!std::isfinite(value) || magnitude < 1e4) return {};
  const bool yi = magnitude >= 1e8;
  const double scaled = value / (yi ? 1e8 : 1e4);
  // Four significant digits after the point at most, trailing zeros dropped.
  std::string s = shortest_fixed(std::round(scaled * 1e4) / 1e4);
  return grouped(s) + (yi ? " 亿" : " 万");
}

}  // namespace docpipe::html_export

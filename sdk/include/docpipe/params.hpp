#pragma once
/// @file params.hpp
/// Typed plugin parameters: the schema a plugin declares and the values a pipeline gives it.

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace docpipe {

/// The type of a parameter's value.
enum class ParamType { string, integer, number, boolean, choice, path };

/// Name of a parameter type as configs and `plugins inspect` spell it.
inline const char* to_string(ParamType t) noexcept {
  switch (t) {
    case ParamType::string: return "string";
    case ParamType::integer: return "integer";
    case ParamType::number: return "number";
    case ParamType::boolean: return "boolean";
    case ParamType::choice: return "choice";
    default: return "path";
  }
}

/// One declared parameter.
struct ParamSpec {
  std::string name;                 ///< Name used in `<param name="...">`.
  ParamType type = ParamType::string;  ///< Type of the value.
  std::string default_value;        ///< Default, written as in a config (ignored when required).
  bool required = false;            ///< True when a config must give it.
  std::optional<double> min;        ///< Smallest allowed value (integer and number).
  std::optional<double> max;        ///< Largest allowed value (integer and number).
  std::vector<std::string> choices; ///< Allowed values (choice).
  std::string doc;                  ///< One line for `plugins inspect`.
};

namespace detail {
inline std::optional<double> parse_number(const std::string& s, bool integer) {
  if (s.empty() || s.size() > 64) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double v = integer ? static_cast<double>(std::strtoll(s.c_str(), &end, 10)) : std::strtod(s.c_str(), &end);
  if (errno != 0 || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}
inline std::optional<bool> parse_bool(const std::string& s) {
  if (s == "true" || s == "1" || s == "yes" || s == "on") return true;
  if (s == "false" || s == "0" || s == "no" || s == "off") return false;
  return std::nullopt;
}
}  // namespace detail

/// Checks @p value against @p spec. Returns an empty string when it is valid, otherwise a sentence
/// that says what is allowed (e.g. "expected an integer from 1 to 64, got 'x'").
inline std::string check_param(const ParamSpec& spec, const std::string& value) {
  auto range = [&] {
    std::string r;
    auto fmt = [](double d) {
      std::string s = std::to_string(d);
      s.erase(s.find_last_not_of('0') + 1);
      if (!s.empty() && s.back() == '.') s.pop_back();
      return s;
    };
    if (spec.min && spec.max) r = " from " + fmt(*spec.min) + " to " + fmt(*spec.max);
    else if (spec.min) r = " of at least " + fmt(*spec.min);
    else if (spec.max) r = " of at most " + fmt(*spec.max);
    return r;
  };
  switch (spec.type) {
    case ParamType::integer:
    case ParamType::number: {
      const bool integer = spec.type == ParamType::integer;
      auto v = detail::parse_number(value, integer);
      if (!v || (spec.min && *v < *spec.min) || (spec.max && *v > *spec.max))
        return std::string("expected ") + (integer ? "an integer" : "a number") + range() + ", got '" + value + "'";
      return {};
    }
    case ParamType::boolean:
      return detail::parse_bool(value) ? std::string{} : "expected true or false, got '" + value + "'";
    case ParamType::choice: {
      for (const auto& c : spec.choices)
        if (c == value) return {};
      std::string allowed;
      for (const auto& c : spec.choices) allowed += (allowed.empty() ? "" : ", ") + c;
      return "expected one of " + allowed + ", got '" + value + "'";
    }
    case ParamType::path:
      return value.empty() ? "expected a path, got an empty value" : std::string{};
    default:
      return {};
  }
}

/// The values a stage was configured with: every declared parameter, defaults filled in, already
/// validated against the schema by the host.
class ParamValues {
 public:
  /// Sets @p name to @p value (used by the host and the test kit).
  void set(const std::string& name, std::string value) { values_[name] = std::move(value); }
  /// True when @p name has a value.
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  /// The raw value of @p name; throws std::out_of_range when it has none.
  const std::string& get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw std::out_of_range("parameter '" + name + "' has no value");
    return it->second;
  }
  /// The value of @p name as a string.
  std::string get_string(const std::string& name) const { return get(name); }
  /// The value of @p name as an integer; throws std::invalid_argument when it is not one.
  long long get_int(const std::string& name) const {
    auto v = detail::parse_number(get(name), true);
    if (!v) throw std::invalid_argument("parameter '" + name + "' is not an integer");
    return static_cast<long long>(*v);
  }
  /// The value of @p name as a number; throws std::invalid_argument when it is not one.
  double get_double(const std::string& name) const {
    auto v = detail::parse_number(get(name), false);
    if (!v) throw std::invalid_argument("parameter '" + name + "' is not a number");
    return *v;
  }
  /// The value of @p name as a boolean; throws std::invalid_argument when it is not one.
  bool get_bool(const std::string& name) const {
    auto v = detail::parse_bool(get(name));
    if (!v) throw std::invalid_argument("parameter '" + name + "' is not a boolean");
    return *v;
  }
  /// All values, by name.
  const std::map<std::string, std::string>& all() const noexcept { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace docpipe

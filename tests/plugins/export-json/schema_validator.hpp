#pragma once
// A small JSON Schema validator for the subset docs/schema/*.json use: type (one or a list), enum,
// minimum, maximum, required, properties, additionalProperties (false or a schema), items, and
// $ref to "#/$defs/<name>". No C++ JSON Schema validator is packaged in Debian; this one lives in the
// test tree only. Unknown keywords are ignored, as JSON Schema prescribes, except that a keyword we
// rely on being enforced ($ref to anything but #/$defs) throws so the subset cannot silently shrink.

#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

namespace schema_check {

/// Validates JSON values against one schema document.
class Validator {
 public:
  /// Parses the schema file at @p path; throws when it cannot be read or parsed.
  explicit Validator(const std::string& path);

  /// The violations of @p instance, each as "<json pointer>: <what is wrong>"; empty when valid.
  std::vector<std::string> validate(const Poco::Dynamic::Var& instance) const;

  /// Parses @p json_text and validates it; a parse error is reported as a violation.
  std::vector<std::string> validate_text(const std::string& json_text) const;

 private:
  void check(const Poco::JSON::Object::Ptr& schema, const Poco::Dynamic::Var& value, const std::string& where,
             std::vector<std::string>& errors) const;
  Poco::JSON::Object::Ptr root_;
};

}  // namespace schema_check

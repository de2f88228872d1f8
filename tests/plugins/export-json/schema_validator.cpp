#include "schema_validator.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace schema_check {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

bool is_object(const Var& v) { return v.type() == typeid(Object::Ptr); }
bool is_array(const Var& v) { return v.type() == typeid(Array::Ptr); }

bool has_type(const Var& v, const std::string& type) {
  if (type == "null") return v.isEmpty();
  if (v.isEmpty()) return false;
  if (type == "object") return is_object(v);
  if (type == "array") return is_array(v);
  if (type == "string") return v.isString();
  if (type == "boolean") return v.isBoolean();
  if (type == "integer") return v.isInteger() && !v.isBoolean();
  if (type == "number") return v.isNumeric() && !v.isBoolean();
  throw std::logic_error("schema uses unknown type '" + type + "'");
}

std::string describe(const Var& v) {
  if (v.isEmpty()) return "null";
  if (is_object(v)) return "an object";
  if (is_array(v)) return "an array";
  return "'" + v.convert<std::string>() + "'";
}

}  // namespace

Validator::Validator(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read schema " + path);
  std::stringstream text;
  text << in.rdbuf();
  root_ = Poco::JSON::Parser().parse(text.str()).extract<Object::Ptr>();
}

std::vector<std::string> Validator::validate(const Var& instance) const {
  std::vector<std::string> errors;
  check(root_, instance, "", errors);
  return errors;
}

std::vector<std::string> Validator::validate_text(const std::string& json_text) const {
  try {
    return validate(Poco::JSON::Parser().parse(json_text));
  } catch (const Poco::Exception& e) {
    return {"not JSON: " + e.displayText()};
  }
}

void Validator::check(const Object::Ptr& schema, const Var& value, const std::string& where,
                      std::vector<std::string>& errors) const {
  const std::string at = where.empty() ? "/" : where;
  if (schema->has("$ref")) {
    const std::string ref = schema->getValue<std::string>("$ref");
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) throw std::logic_error("unsupported $ref " + ref);
    Object::Ptr defs = root_->getObject("$defs");
    if (!defs || !defs->has(ref.substr(prefix.size()))) throw std::logic_error("dangling $ref " + ref);
    check(defs->getObject(ref.substr(prefix.size())), value, where, errors);
    return;
  }
  if (schema->has("type")) {
    std::vector<std::string> types;
    if (Array::Ptr list = schema->getArray("type")) {
      for (std::size_t i = 0; i < list->size(); ++i) types.push_back(list->getElement<std::string>(i));
    } else {
      types.push_back(schema->getValue<std::string>("type"));
    }
    bool ok = false;
    for (const auto& t : types) ok = ok || has_type(value, t);
    if (!ok) {
      std::string allowed;
      for (const auto& t : types) allowed += (allowed.empty() ? "" : " or ") + t;
      errors.push_back(at + ": expected " + allowed + ", got " + describe(value));
      return;
    }
  }
  if (Array::Ptr options = schema->getArray("enum")) {
    bool ok = false;
    for (std::size_t i = 0; i < options->size() && !ok; ++i) {
      const Var option = options->get(i);
      ok = option.isString() == value.isString() && !value.isEmpty() &&
           option.convert<std::string>() == value.convert<std::string>();
    }
    if (!ok) errors.push_back(at + ": " + describe(value) + " is not one of the allowed values");
  }
  if (value.isNumeric() && !value.isBoolean() && !value.isString()) {
    const double v = value.convert<double>();
    if (schema->has("minimum") && v < schema->getValue<double>("minimum"))
      errors.push_back(at + ": " + describe(value) + " is below the minimum");
    if (schema->has("maximum") && v > schema->getValue<double>("maximum"))
      errors.push_back(at + ": " + describe(value) + " is above the maximum");
  }
  if (is_object(value)) {
    const Object::Ptr object = value.extract<Object::Ptr>();
    if (Array::Ptr required = schema->getArray("required")) {
      for (std::size_t i = 0; i < required->size(); ++i) {
        const std::string name = required->getElement<std::string>(i);
        if (!object->has(name)) errors.push_back(at + ": missing required member '" + name + "'");
      }
    }
    const Object::Ptr properties = schema->getObject("properties");
    const bool closed = schema->has("additionalProperties") && schema->get("additionalProperties").isBoolean() &&
                        !schema->getValue<bool>("additionalProperties");
    const Object::Ptr additional = schema->getObject("additionalProperties");
    for (const auto& [name, member] : *object) {
      const std::string path = where + "/" + name;
      if (properties && properties->has(name)) {
        check(properties->getObject(name), member, path, errors);
      } else if (closed) {
        errors.push_back(at + ": unexpected member '" + name + "'");
      } else if (additional) {
        check(additional, member, path, errors);
      }
    }
  }
  if (is_array(value)) {
    if (const Object::Ptr items = schema->getObject("items")) {
      const Array::Ptr array = value.extract<Array::Ptr>();
      for (std::size_t i = 0; i < array->size(); ++i)
        check(items, array->get(i), where + "/" + std::to_string(i), errors);
    }
  }
}

}  // namespace schema_check

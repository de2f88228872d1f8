#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "docpipe/export/document_json.hpp"
#include "sample_documents.hpp"
#include "schema_validator.hpp"

using Poco::JSON::Object;

// The validator must catch what a broken exporter would produce, or the schema test proves nothing.
namespace {

const schema_check::Validator& validator() {
  static const schema_check::Validator v(DOCPIPE_SOURCE_DIR "/docs/schema/docpipe.document-1.schema.json");
  return v;
}

Object::Ptr fixture_json() {
  return Poco::JSON::Parser().parse(docpipe::exporting::document_to_json(fixtures::traditional())).extract<Object::Ptr>();
}

}  // namespace

TEST_CASE("the validator accepts a real export and rejects each kind of damage") {
  CHECK(validator().validate(fixture_json()).empty());

  Object::Ptr o = fixture_json();
  o->remove("schema");
  CHECK(validator().validate(o).size() == 1);

  o = fixture_json();
  o->set("schema", "docpipe.document/2");
  CHECK_FALSE(validator().validate(o).empty());  // enum

  o = fixture_json();
  o->getArray("numbers")->getObject(0)->set("begin", -1);
  CHECK_FALSE(validator().validate(o).empty());  // minimum through $ref

  o = fixture_json();
  o->getArray("numbers")->getObject(0)->set("qualifier", "roughly");
  CHECK_FALSE(validator().validate(o).empty());  // enum in $defs

  o = fixture_json();
  o->getObject("encoding")->set("confidence", 1.5);
  CHECK_FALSE(validator().validate(o).empty());  // maximum

  o = fixture_json();
  o->set("surprise", 1);
  CHECK_FALSE(validator().validate(o).empty());  // additionalProperties: false

  o = fixture_json();
  o->getArray("sections")->getObject(1)->getArray("children")->getObject(0)->set("level", "2");
  CHECK_FALSE(validator().validate(o).empty());  // type, in a nested section

  o = fixture_json();
  o->getArray("annotations")->getObject(0)->getObject("attributes")->set("n", 3);
  CHECK_FALSE(validator().validate(o).empty());  // additionalProperties as a schema

  o = fixture_json();
  o->getObject("metadata")->set("year", true);
  CHECK_FALSE(validator().validate(o).empty());  // a boolean is not an integer
}

TEST_CASE("invalid JSON text is reported, not thrown") {
  CHECK_FALSE(validator().validate_text("{\"schema\": ").empty());
}

#pragma once
// Shared descriptor for the test kit's deliberately flawed plugins: each one breaks exactly one part
// of the contract, so the conformance check's tests can see that part fail and the rest pass.
#include "docpipe/docpipe.hpp"

namespace flawed {

/// A complete, valid descriptor for plugin @p name.
inline docpipe::Descriptor descriptor(const char* name) {
  docpipe::Descriptor d;
  d.name = name;
  d.version = "1.0.0";
  d.description = "Test kit plugin with one deliberate flaw.";
  d.author = "docpipe tests";
  d.license = "MIT";
  d.params.push_back({"mode", docpipe::ParamType::choice, "a", false, {}, {}, {"a", "b"}, "a harmless choice"});
  return d;
}

}  // namespace flawed

#pragma once
/// @file annotation.hpp
/// The open layer: data that third-party stages add and exporters carry without knowing it.

#include <map>
#include <string>

#include "docpipe/span.hpp"

namespace docpipe {

/// A generic annotation of a span.
struct Annotation {
  Span span;                                     ///< What it annotates.
  std::string type;                              ///< Its type, e.g. `keyword`; namespaced by convention.
  std::map<std::string, std::string> attributes; ///< Its data, as strings.
  std::string producer;                          ///< The plugin that made it.
};

}  // namespace docpipe

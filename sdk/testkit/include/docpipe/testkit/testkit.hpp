#pragma once
/// @file testkit/testkit.hpp
/// The whole test kit for plugin authors, in one include (needs Catch2 v2 on the include path).

#include "docpipe/testkit/conformance.hpp"
#include "docpipe/testkit/conformance_catch.hpp"
#include "docpipe/testkit/documents.hpp"
#include "docpipe/testkit/exported_symbols.hpp"
#include "docpipe/testkit/matchers.hpp"
#include "docpipe/testkit/plugin_under_test.hpp"
#include "docpipe/testkit/span_checks.hpp"

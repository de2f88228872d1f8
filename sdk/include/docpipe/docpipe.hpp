#pragma once
/// @file docpipe.hpp
/// Everything a plugin needs, in one include.

#include "docpipe/abi.hpp"
#include "docpipe/atomic_file.hpp"
#include "docpipe/descriptor.hpp"
#include "docpipe/document.hpp"
#include "docpipe/params.hpp"
#include "docpipe/plugin.hpp"
#include "docpipe/source_map.hpp"
#include "docpipe/span.hpp"
#include "docpipe/stage.hpp"
#include "docpipe/text_rewriter.hpp"
#include "docpipe/utf8.hpp"
#include "docpipe/version.hpp"

#pragma once
// Temporary files a killed run left behind (`NAME.tmp-PID...` from AtomicFile and the SQLite store).

#include <cstddef>
#include <filesystem>

namespace docpipe::engine {

/// Removes, below @p folder, the temporary files whose writer process no longer exists on this
/// machine. Returns how many were removed. Files of live processes (another run writing to the same
/// folder) are kept.
std::size_t remove_stale_temp_files(const std::filesystem::path& folder);

}  // namespace docpipe::engine

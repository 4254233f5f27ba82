// Reading whole files and streams with a size cap, for input that comes from the command line
// or a client: a file larger than the cap (or endless, such as /dev/zero or a pipe that never
// closes) is refused once the cap is passed, without reading more than one byte over it.
// Thread-safety: stateless functions; a stream must not be read by two threads at once.
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "base/status.h"

namespace chorus {

// "512 KiB", "8 MiB", "100 bytes": a size for messages.
std::string DescribeBytes(size_t bytes);

// Reads all of `in` into `out`. Error, naming `name` and the cap, when it holds more than
// `max_bytes` bytes or a read fails.
Status ReadStreamCapped(std::istream& in, const std::string& name, size_t max_bytes,
                        std::string* out);

// Reads the file at `path` ("-" is standard input) into `out`; errors name the path: missing,
// a directory, unreadable, or larger than `max_bytes`.
Status ReadFileCapped(const std::string& path, size_t max_bytes, std::string* out);

}  // namespace chorus

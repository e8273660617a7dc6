#pragma once
// What the operating system said, in plain Chinese for staff: strerror() gives English
// ("Permission denied"), which staff cannot act on.
#include <string>
#include <system_error>

namespace content {

// errno → e.g. "没有权限读取（请检查文件的权限）"; unknown values as "系统错误（错误号 N）".
std::string errnoText(int error);
// The same for a std::error_code from <filesystem> (its value is an errno).
std::string errorCodeText(const std::error_code& ec);

} // namespace content

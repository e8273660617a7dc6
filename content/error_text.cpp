#include "content/error_text.h"

#include <cerrno>

namespace content {

std::string errnoText(int error)
{
    switch (error) {
    case EACCES:
    case EPERM:
        return "没有权限（请检查文件或文件夹的权限）";
    case ENOENT:
        return "文件或文件夹不存在";
    case EIO:
        return "读写出错（U 盘或磁盘可能已损坏或被拔出）";
    case ENOSPC:
    case EDQUOT:
        return "磁盘已满";
    case EROFS:
        return "磁盘是只读的";
    case EISDIR:
        return "这是一个文件夹，不是文件";
    case ENOTDIR:
        return "路径中有一段不是文件夹";
    case ENAMETOOLONG:
        return "文件名太长";
    case ELOOP:
        return "符号链接（快捷方式）太多或指向自己";
    case EMFILE:
    case ENFILE:
        return "同时打开的文件太多";
    case ENOMEM:
        return "内存不足";
    case EBUSY:
    case ETXTBSY:
        return "文件正被使用";
    case EEXIST:
        return "文件已存在";
    case EFBIG:
        return "文件太大";
    case ENODEV:
    case ENXIO:
    case ESTALE:
    case ENOTCONN:
        return "设备已断开（U 盘可能被拔出）";
    case EINVAL:
        return "参数无效";
    case EAGAIN:
        return "暂时无法读取，请再试一次";
    default:
        return "系统错误（错误号 " + std::to_string(error) + "）";
    }
}

std::string errorCodeText(const std::error_code& ec)
{
    if (ec.category() == std::generic_category() || ec.category() == std::system_category())
        return errnoText(ec.value());
    return "系统错误（错误号 " + std::to_string(ec.value()) + "）";
}

} // namespace content

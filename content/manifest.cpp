// manifest.json: which files a signed package holds and their SHA-256, plus its version.
#include "content/limits.h"
#include "content/trust.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace content {

namespace {

constexpr const char* kManifestFile = "manifest.json";
using limits::kMaxManifestBytes;
constexpr int kMaxNesting = limits::kMaxManifestNesting;

void addProblem(Problems& problems, std::string message)
{
    Problem problem;
    problem.file = kManifestFile;
    problem.message = std::move(message);
    problems.push_back(std::move(problem));
}

// Nesting depth outside strings, so a deeply nested document is refused before parsing.
int nestingDepth(std::string_view json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            deepest = std::max(deepest, ++depth);
        else if (c == '}' || c == ']')
            --depth;
    }
    return deepest;
}

// Why `name` is not a plain file name inside the package, or empty when it is one.
std::string fileNameProblem(const std::string& name)
{
    if (name.empty()) return "文件名为空";
    if (name.size() > 255) return "文件名过长";
    if (name == "." || name == ".." || name.find("..") != std::string::npos) return "文件名不能含“..”";
    if (name.front() == '.') return "文件名不能以“.”开头";
    for (unsigned char c : name) {
        if (c == '/' || c == '\\') return "文件名不能含路径分隔符";
        if (c < 0x20 || c == 0x7f || c == ':') return "文件名含有不允许的字符";
    }
    return {};
}

bool isSha256Hex(const std::string& s)
{
    if (s.size() != 64) return false;
    for (unsigned char c : s) {
        if (!std::isxdigit(c)) return false;
    }
    return true;
}

// JSON text of a value for messages, short and never throwing on odd bytes.
std::string shortDump(const nlohmann::json& value)
{
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    return text;
}

// "202606030900" instead of 202606030900: the one mistake a hand-written manifest makes most.
bool isQuotedNumber(const nlohmann::json& value)
{
    if (!value.is_string()) return false;
    const std::string& text = value.get_ref<const std::string&>();
    return !text.empty() && text.size() <= 20 &&
           std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

} // namespace

std::optional<Manifest> parseManifest(std::string_view json, Problems& problems)
{
    std::size_t problemsBefore = problems.size();
    if (json.size() > kMaxManifestBytes) {
        addProblem(problems, "清单文件过大");
        return std::nullopt;
    }
    if (nestingDepth(json) > kMaxNesting) {
        addProblem(problems, "清单格式错误：嵌套层数过多");
        return std::nullopt;
    }
    try {
        nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, true, false);
        if (!doc.is_object()) {
            addProblem(problems, "清单格式错误：应为一个 JSON 对象 {…}");
            return std::nullopt;
        }
        Manifest manifest;

        auto format = doc.find("format");
        if (format == doc.end())
            addProblem(problems, "清单缺少 format（应为 1）");
        else if (isQuotedNumber(*format))
            addProblem(problems, "清单的 format 应为数字 1，不加引号（现在是 " + shortDump(*format) + "）");
        else if (!format->is_number_integer() || format->get<int64_t>() != 1)
            addProblem(problems, "不支持的清单格式 format " + shortDump(*format) + "（应为 1）");
        else
            manifest.format = 1;

        auto version = doc.find("version");
        if (version == doc.end())
            addProblem(problems, "清单缺少 version（内容版本号，正整数，如 202606030900）");
        else if (isQuotedNumber(*version))
            addProblem(problems, "清单的 version 应为数字，不加引号：\"version\": " + version->get<std::string>() +
                                     "（现在是 " + shortDump(*version) + "）");
        else if (!version->is_number_integer() ||
                 (version->is_number_unsigned() ? version->get<uint64_t>() == 0 : version->get<int64_t>() <= 0))
            addProblem(problems, "清单的 version " + shortDump(*version) + " 不是正整数（应如 202606030900）");
        else if (version->is_number_unsigned() ? version->get<uint64_t>() > uint64_t(kMaxPackageVersion)
                                               : version->get<int64_t>() > kMaxPackageVersion)
            addProblem(problems, "清单的 version " + shortDump(*version) +
                                     " 太大：内容版本号最多 14 位数字（年月日时分，如 202606030900）");
        else
            manifest.version = version->get<int64_t>();

        auto station = doc.find("station");
        if (station != doc.end() && !station->is_null()) {
            if (station->is_string())
                manifest.station = station->get<std::string>();
            else
                addProblem(problems, "清单的 station 应为文字（站点名称）");
        }

        auto files = doc.find("files");
        if (files == doc.end()) {
            addProblem(problems, "清单缺少 files（文件名与 SHA-256 的对照表）");
        } else if (!files->is_object()) {
            addProblem(problems, "清单的 files 应为 {\"文件名\": \"SHA-256\", …} 形式");
        } else {
            for (auto it = files->begin(); it != files->end(); ++it) {
                const std::string& name = it.key();
                std::string nameProblem = fileNameProblem(name);
                if (!nameProblem.empty()) {
                    addProblem(problems, "清单中的文件名“" + name + "”无效：" + nameProblem);
                    continue;
                }
                if (!it.value().is_string() || !isSha256Hex(it.value().get<std::string>())) {
                    addProblem(problems, "清单中“" + name + "”的校验值应为 64 位十六进制 SHA-256");
                    continue;
                }
                std::string hash = it.value().get<std::string>();
                for (char& c : hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                manifest.files[name] = hash;
            }
        }

        if (problems.size() != problemsBefore) return std::nullopt;
        return manifest;
    } catch (const nlohmann::json::parse_error& e) {
        addProblem(problems, "清单不是有效的 JSON（第 " + std::to_string(e.byte) + " 个字节附近有错）");
    } catch (const nlohmann::json::exception&) {
        addProblem(problems, "清单不是有效的 JSON");
    } catch (const std::exception&) {
        addProblem(problems, "清单无法读取");
    }
    return std::nullopt;
}

} // namespace content

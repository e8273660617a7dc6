#include "platform/backlight.h"

#include <fstream>
#include <sstream>

namespace platform {

namespace {

namespace fs = std::filesystem;

bool readValue(const fs::path& file, std::string& value)
{
    std::ifstream in(file);
    if (!in) return false;
    std::getline(in, value);
    return true;
}

// sysfs takes one write of the whole value; a failed write shows at close.
bool writeValue(const fs::path& file, const std::string& value)
{
    std::ofstream out(file, std::ios::out | std::ios::trunc);
    if (!out) return false;
    out << value << '\n';
    out.close();
    return !out.fail();
}

} // namespace

Backlight::Backlight(std::filesystem::path root) : m_root(std::move(root))
{
}

Backlight::~Backlight()
{
    on();
}

int Backlight::off(std::string& error)
{
    if (isOff()) return static_cast<int>(m_saved.size());
    std::error_code ec;
    int switched = 0;
    for (fs::directory_iterator it(m_root, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path device = it->path();
        bool done = false;
        for (const char* name : {"bl_power", "brightness"}) {
            const fs::path file = device / name;
            std::string old;
            if (!readValue(file, old)) continue;
            if (writeValue(file, name == std::string("bl_power") ? "4" : "0")) {
                m_saved.push_back({file, old});
                done = true;
                break;
            }
        }
        if (done) {
            ++switched;
        } else {
            error += (error.empty() ? "" : "; ") + ("cannot switch off the backlight " + device.string() +
                                                    " (no write permission on bl_power or brightness?)");
        }
    }
    return switched;
}

void Backlight::on()
{
    // Back in the reverse order, so a device's bl_power returns before anything read after it.
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it) writeValue(it->file, it->value);
    m_saved.clear();
}

} // namespace platform

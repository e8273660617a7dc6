#include "platform/backlight.h"

#include "tests/support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct FakeSysfs {
    test::TempDir tmp{"backlight-test"};
    const fs::path root = tmp.path;
    void write(const std::string& device, const std::string& name, const std::string& value)
    {
        fs::create_directories(root / device);
        std::ofstream(root / device / name) << value << '\n';
    }
    std::string read(const std::string& device, const std::string& name) const
    {
        std::string value;
        std::ifstream in(root / device / name);
        std::getline(in, value);
        return value;
    }
};

} // namespace

TEST_CASE("the backlight goes off by bl_power and comes back as it was", "[backlight]")
{
    FakeSysfs sys;
    sys.write("intel_backlight", "bl_power", "0");
    sys.write("intel_backlight", "brightness", "812");
    platform::Backlight backlight(sys.root);
    std::string error;
    CHECK(backlight.off(error) == 1);
    CHECK(error.empty());
    CHECK(backlight.isOff());
    CHECK(sys.read("intel_backlight", "bl_power") == "4");
    CHECK(sys.read("intel_backlight", "brightness") == "812");
    // Off twice keeps the first saved values.
    CHECK(backlight.off(error) == 1);
    backlight.on();
    CHECK_FALSE(backlight.isOff());
    CHECK(sys.read("intel_backlight", "bl_power") == "0");
}

TEST_CASE("without bl_power the brightness goes to 0 and back", "[backlight]")
{
    FakeSysfs sys;
    sys.write("acpi_video0", "brightness", "7");
    {
        platform::Backlight backlight(sys.root);
        std::string error;
        CHECK(backlight.off(error) == 1);
        CHECK(sys.read("acpi_video0", "brightness") == "0");
    }
    // Destroyed while off: restored.
    CHECK(sys.read("acpi_video0", "brightness") == "7");
}

TEST_CASE("no backlight, or one it may not write, changes nothing and says so", "[backlight]")
{
    FakeSysfs sys;
    platform::Backlight none(sys.root / "missing");
    std::string error;
    CHECK(none.off(error) == 0);
    CHECK(error.empty());

    // A file nobody may write, root included (CI runs as root): a directory in its place.
    fs::create_directories(sys.root / "panel" / "brightness");
    platform::Backlight unwritable(sys.root);
    CHECK(unwritable.off(error) == 0);
    CHECK(error.find("panel") != std::string::npos);
    CHECK_FALSE(unwritable.isOff());
}

TEST_CASE("the screen power runs the operator's command with off and on, once each", "[backlight]")
{
    FakeSysfs sys;
    sys.write("intel_backlight", "bl_power", "0");
    const fs::path log = sys.root / "power.log";
    {
        platform::ScreenPower power(sys.root, "echo \"$1\" >>'" + log.string() + "'");
        std::string error;
        power.set(false, error);
        power.set(false, error);
        CHECK_FALSE(power.isOn());
        CHECK(sys.read("intel_backlight", "bl_power") == "4");
        power.set(true, error);
        CHECK(sys.read("intel_backlight", "bl_power") == "0");
        power.set(false, error);
        CHECK(error.empty());
        // Destroyed while off: on again, and the commands have finished.
    }
    std::ifstream in(log);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(all == "off\non\noff\non\n");
    CHECK(sys.read("intel_backlight", "bl_power") == "0");
}

// The staff PIN pad's key logic (kiosk/widgets/pin_pad.*).
#include "kiosk/widgets/pin_pad.h"

#include <catch2/catch.hpp>

#include <string>

TEST_CASE("PIN pad: digits, delete, at least four before 确定, at most eight", "[update][ui]")
{
    kiosk::PinPad pad;
    CHECK(pad.press('=') == kiosk::PinPad::Action::None);
    for (char c : std::string("123")) pad.press(c);
    CHECK(pad.press('=') == kiosk::PinPad::Action::None);
    pad.press('4');
    pad.press('<');
    CHECK(pad.digits() == "123");
    for (char c : std::string("456789")) pad.press(c);
    CHECK(pad.digits() == "12345678");
    CHECK(pad.press('=') == kiosk::PinPad::Action::Submit);
    pad.setBusy(true);
    CHECK(pad.press('=') == kiosk::PinPad::Action::None);
    pad.press('<');
    CHECK(pad.digits() == "12345678");
}

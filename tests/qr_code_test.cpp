#include "kiosk/widgets/qr_code.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("QR codes are encoded by libqrencode and sized in whole pixels", "[qr]")
{
    const QrMatrix code = encodeQr("https://weixin.qq.com/g/AwYAAHxJ8f3kQm2VnLrT5sZp_jindong1");
    // 56 bytes at level M need version 4 (33 modules).
    REQUIRE(code.size == 33);
    REQUIRE(code.dark.size() == size_t(33 * 33));
    // The three finder patterns: dark corners, and the light ring inside them.
    CHECK(code.isDark(0, 0));
    CHECK(code.isDark(32, 0));
    CHECK(code.isDark(0, 32));
    CHECK_FALSE(code.isDark(1, 1));
    CHECK(code.isDark(3, 3));

    // At least 240 px with the quiet zone, each module whole pixels: 41 modules × 6 px.
    CHECK(qrModulePixels(code, 240) == 6);
    CHECK(qrSide(code, 240) == 246);
    CHECK(qrSide(code, 246) == 246);

    CHECK(encodeQr("").size == 0);
    // Past what a QR code holds.
    CHECK(encodeQr(std::string(4000, 'x')).size == 0);
    CHECK(qrSide(encodeQr(""), 240) == 0);
}

TEST_CASE("the QR cache encodes each text once", "[qr]")
{
    QrCache cache;
    const QrMatrix& first = cache.get("扫码加入社区微信群");
    const QrMatrix& again = cache.get("扫码加入社区微信群");
    CHECK(&first == &again);
    CHECK(first.size > 0);
}

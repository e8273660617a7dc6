#pragma once
// QR codes (station.csv 二维码, contacts.csv 二维码) for visitors' phones: libqrencode makes
// the modules, drawn here as crisp dark squares on light with the 4-module quiet zone the
// standard asks for, each module a whole number of pixels so nothing blurs.
#include "kiosk/theme.h"

#include "imgui.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr int kQrQuietModules = 4;

struct QrMatrix {
    int size = 0;              // modules a side, without the quiet zone; 0 when encoding failed
    std::vector<uint8_t> dark; // size × size, row by row
    bool isDark(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)] != 0; }
};

// Encodes UTF-8 text (error correction level M, byte mode). Size 0 when the text is empty or
// too long for a QR code.
QrMatrix encodeQr(std::string_view text);

// Pixels of one module so the whole code with its quiet zone is at least `minSide`.
int qrModulePixels(const QrMatrix& matrix, float minSide);
// The side of the drawn code including the quiet zone.
float qrSide(const QrMatrix& matrix, float minSide);

// Draws the code with its quiet zone at `min` (rounded to whole pixels). Returns its side.
float drawQrCode(ImDrawList* draw, ImVec2 min, float minSide, const QrMatrix& matrix, Rgb dark, Rgb light);

// Encodes each text once; screens ask every frame.
class QrCache {
public:
    const QrMatrix& get(const std::string& text);

private:
    std::map<std::string, QrMatrix> m_codes;
};

} // namespace kiosk

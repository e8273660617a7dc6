#include "kiosk/widgets/qr_code.h"

#include <qrencode.h>

#include <cmath>
#include <memory>

namespace kiosk {

QrMatrix encodeQr(std::string_view text)
{
    QrMatrix matrix;
    if (text.empty()) return matrix;
    // Byte mode takes any UTF-8; phones' scanners read it as UTF-8. Level M survives a smudge.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) return matrix;
    matrix.size = code->width;
    matrix.dark.resize(size_t(code->width) * size_t(code->width));
    // Bit 0 of each byte is the module's colour; the other bits describe its role.
    for (size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = code->data[i] & 1;
    return matrix;
}

int qrModulePixels(const QrMatrix& matrix, float minSide)
{
    if (matrix.size <= 0) return 0;
    const int modules = matrix.size + 2 * kQrQuietModules;
    return std::max(1, int(std::ceil(minSide / float(modules))));
}

float qrSide(const QrMatrix& matrix, float minSide)
{
    return float(qrModulePixels(matrix, minSide) * (matrix.size + 2 * kQrQuietModules));
}

float drawQrCode(ImDrawList* draw, ImVec2 min, float minSide, const QrMatrix& matrix, Rgb dark, Rgb light)
{
    if (matrix.size <= 0) return 0;
    const int module = qrModulePixels(matrix, minSide);
    const float side = qrSide(matrix, minSide);
    const ImVec2 origin(std::round(min.x), std::round(min.y));
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), light.packed());
    const float quiet = float(module * kQrQuietModules);
    for (int y = 0; y < matrix.size; ++y) {
        // One rectangle per run of dark modules keeps the vertex count small.
        int x = 0;
        while (x < matrix.size) {
            if (!matrix.isDark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < matrix.size && matrix.isDark(x, y)) ++x;
            const ImVec2 a(origin.x + quiet + float(runStart * module), origin.y + quiet + float(y * module));
            const ImVec2 b(origin.x + quiet + float(x * module), a.y + float(module));
            draw->AddRectFilled(a, b, dark.packed());
        }
    }
    return side;
}

const QrMatrix& QrCache::get(const std::string& text)
{
    auto it = m_codes.find(text);
    if (it == m_codes.end()) it = m_codes.emplace(text, encodeQr(text)).first;
    return it->second;
}

} // namespace kiosk

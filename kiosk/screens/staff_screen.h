#pragma once
// The staff screen, reached from the home screen by five taps on the station name and the
// staff PIN (UpdateOverlay): export the live content to a stick, roll back to the previous
// content, and see the content version and the last import.
#include "content/data_dir.h"
#include "kiosk/screen.h"
#include "platform/update_service.h"

#include <set>
#include <string>

namespace kiosk {

class StaffScreen : public Screen {
public:
    static constexpr double kIdleSeconds = 180; // back to the home screen when left alone

    StaffScreen(platform::UpdateService& service, content::DataDir dataDir);

    ScreenId id() const override { return ScreenId::Staff; }
    void onEnter(AppState& state) override;
    void draw(AppState& state) override;

    // Main thread: results of the staff actions (Exported, ExportFailed, RolledBack, …).
    void onEvent(const platform::UpdateEvent& event, double now);

    static void addGlyphs(std::set<char32_t>& glyphs);

private:
    platform::UpdateService& m_service;
    content::DataDir m_dataDir;
    std::string m_message;
    bool m_messageIsError = false;
    bool m_confirmRollback = false;
    bool m_waiting = false; // an action was sent and its answer has not come yet
    double m_lastTouch = 0;
};

} // namespace kiosk
